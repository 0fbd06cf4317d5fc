//! The workbook benchmark's two halves (bench/workbook.sh runs them):
//!
//! ```text
//! cargo run --release --example workbook_bench -- write ROWS AREAS.csv OUT.xlsx
//! cargo run --release --example workbook_bench -- read OUT.xlsx
//! ```
//!
//! `write` makes a roll of ROWS members in the units of AREAS.csv as an office keeps it
//! (dates as date cells, IDs and unit codes as numbers). `read` is calamine alone reading every cell of its first
//! sheet with the streaming cell reader tally uses, and converting each to text:
//! the floor that tally's ingest of the same workbook is measured against.

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::io::BufReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("write") => write(
            args.get(2).ok_or("ROWS")?.parse()?,
            args.get(3).ok_or("AREAS.csv")?,
            args.get(4).ok_or("OUT.xlsx")?,
        ),
        Some("read") => read(args.get(2).ok_or("FILE.xlsx")?),
        _ => Err("usage: workbook_bench write ROWS AREAS.csv OUT.xlsx | read FILE.xlsx".into()),
    }
}

fn write(rows: u32, areas: &str, out: &str) -> Result<(), Box<dyn std::error::Error>> {
    let codes: Vec<f64> = std::fs::read_to_string(areas)?
        .lines()
        .skip(1)
        .filter(|l| l.contains(",commune,"))
        .filter_map(|l| l.split(',').next()?.parse().ok())
        .collect();
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Chi hội 1")?;
    for (c, h) in [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Số CCCD",
        "Dân tộc",
        "Mã xã",
        "Ngày vào Hội",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut seed: u64 = 1;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    for i in 1..=rows {
        let female = next() % 2 == 0;
        let year = 1950 + (next() % 55) as u16;
        let (m, d) = (1 + (next() % 12) as u8, 1 + (next() % 28) as u8);
        // A CCCD of province 001 (002 past a million rows): digits 4 and 5-6 agree
        // with the sex and birth year;
        // as a number it loses its two leading zeros, as Excel does.
        let digit = if year >= 2000 { 2 } else { 0 } + u64::from(female);
        let id = (1 + u64::from(i) / 1_000_000) * 1_000_000_000
            + digit * 100_000_000
            + u64::from(year % 100) * 1_000_000
            + u64::from(i) % 1_000_000;
        ws.write_number(i, 0, f64::from(i))?;
        ws.write_string(i, 1, format!("Hội viên {i}"))?;
        ws.write_datetime_with_format(i, 2, &ExcelDateTime::from_ymd(year, m, d)?, &date)?;
        ws.write_string(i, 3, if female { "Nữ" } else { "Nam" })?;
        ws.write_number(i, 4, id as f64)?;
        ws.write_string(i, 5, "Kinh")?;
        ws.write_number(i, 6, codes[(next() as usize) % codes.len()])?;
        ws.write_datetime_with_format(i, 7, &ExcelDateTime::from_ymd(2015, m, d)?, &date)?;
    }
    wb.save(out)?;
    Ok(())
}

fn read(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut wb: Xlsx<BufReader<std::fs::File>> = calamine::open_workbook(path)?;
    let sheet = wb.sheet_names().first().cloned().ok_or("no sheet")?;
    let mut cells = wb.worksheet_cells_reader(&sheet)?;
    let (mut n, mut bytes) = (0u64, 0usize);
    while let Some(cell) = cells.next_cell()? {
        let text = match cell.get_value() {
            DataRef::SharedString(s) => s.to_string(),
            DataRef::String(s) => s.clone(),
            DataRef::Float(f) => f.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::DateTime(d) => d.as_f64().to_string(),
            other => format!("{other:?}"),
        };
        bytes += text.len();
        n += 1;
    }
    println!("{n} cells, {bytes} bytes of text");
    Ok(())
}
