//! Writes the veterans' roll of `data-samples/` as a workbook laid out the way an
//! office keeps it: one sheet per branch (chi hội: units of even and odd codes), a
//! title block, a two-row merged header with the Nam/Nữ pair under the birth date, a
//! formula STT, dates as date cells, IDs and unit codes typed as numbers (their leading
//! zeros lost, as Excel does), a totals row and a signature block.
//!
//! ```text
//! cargo run --example sample_workbook -- data-samples/roll-veterans.tsv data-samples/roll-veterans.xlsx
//! ```
//!
//! The input is the tab-separated roll `examples/synth.rs` writes for the veterans.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Formula, Workbook, XlsxError};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        return Err("usage: sample_workbook ROLL.tsv OUT.xlsx".into());
    };
    let text = std::fs::read_to_string(input)?;
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().ok_or("empty roll")?.split('\t').collect();
    let col = |name: &str| {
        head.iter()
            .position(|h| *h == name)
            .ok_or(format!("no column {name}"))
    };
    let (name, birth, sex, id, eth, rel, unit, joined, status) = (
        col("Họ tên")?,
        col("Ngày sinh")?,
        col("Giới tính")?,
        col("CCCD")?,
        col("Dân tộc")?,
        col("Tôn giáo")?,
        col("Mã xã")?,
        col("Ngày vào Hội")?,
        col("Trạng thái")?,
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (branch, even) in [("Chi hội 1", true), ("Chi hội 2", false)] {
        let members: Vec<&Vec<&str>> = rows
            .iter()
            .filter(|r| r[unit].parse::<u32>().map(|c| c % 2 == 0) == Ok(even))
            .collect();
        let ws = wb.add_worksheet();
        ws.set_name(branch)?;
        ws.merge_range(0, 0, 0, 11, "DANH SÁCH HỘI VIÊN HỘI CỰU CHIẾN BINH", &bold)?;
        ws.merge_range(
            1,
            0,
            1,
            11,
            &format!("{branch} — số liệu đến ngày 31/10/2026"),
            &Format::new(),
        )?;
        let titles = [
            "STT",
            "Họ và tên",
            "Ngày, tháng, năm sinh",
            "",
            "Số CCCD",
            "Dân tộc",
            "Tôn giáo",
            "Mã xã",
            "Ngày vào Hội",
            "Trạng thái",
            "Tổ chức",
            "Ngày chốt số liệu",
        ];
        for (c, t) in titles.iter().enumerate() {
            match c {
                2 => {
                    ws.merge_range(3, 2, 3, 3, t, &bold)?;
                }
                3 => {}
                _ => {
                    ws.merge_range(3, c as u16, 4, c as u16, t, &bold)?;
                }
            }
        }
        ws.write_string_with_format(4, 2, "Nam", &bold)?;
        ws.write_string_with_format(4, 3, "Nữ", &bold)?;
        let first = 5u32;
        for (i, r) in members.iter().enumerate() {
            let row = first + i as u32;
            ws.write_formula(
                row,
                0,
                Formula::new(format!("=ROW()-{first}")).set_result((i + 1).to_string()),
            )?;
            ws.write_string(row, 1, r[name])?;
            let birth_col = if r[sex] == "Nữ" { 3 } else { 2 };
            write_date(ws, row, birth_col, r[birth], &date)?;
            // Typed as a number: the leading zeros are gone, as in a real office file.
            ws.write_number(row, 4, r[id].parse::<f64>().unwrap_or(0.0))?;
            ws.write_string(row, 5, r[eth])?;
            ws.write_string(row, 6, r[rel])?;
            ws.write_number(row, 7, r[unit].parse::<f64>().unwrap_or(0.0))?;
            if !r[joined].is_empty() {
                write_date(ws, row, 8, r[joined], &date)?;
            }
            ws.write_string(row, 9, r[status])?;
            ws.write_string(row, 10, "Hội CCB")?;
            write_date(ws, row, 11, "31/10/2026", &date)?;
        }
        let end = first + members.len() as u32;
        ws.write_string(end, 1, "Tổng cộng")?;
        ws.write_formula(
            end,
            4,
            Formula::new(format!("=COUNTA(B{}:B{end})", first + 1))
                .set_result(members.len().to_string()),
        )?;
        ws.write_string(end + 2, 7, "Lào Cai, ngày 31 tháng 10 năm 2026")?;
        ws.write_string(end + 3, 1, "NGƯỜI LẬP BIỂU")?;
        ws.write_string(end + 3, 7, "T/M BAN THƯỜNG VỤ")?;
        ws.write_string(end + 4, 1, "(Ký, ghi rõ họ tên)")?;
        ws.write_string(end + 4, 7, "(Ký tên, đóng dấu)")?;
        ws.write_string(end + 7, 1, "Nguyễn Văn Lập")?;
        ws.write_string(end + 7, 7, "Hoàng Văn Chủ")?;
        ws.set_column_width(1, 24)?;
        ws.set_column_width(4, 14)?;
    }
    wb.save(output)?;
    Ok(())
}

/// `31/10/2026` as a date cell.
fn write_date(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let parts: Vec<&str> = text.split('/').collect();
    if let [d, m, y] = parts.as_slice() {
        if let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse()) {
            let dt = ExcelDateTime::from_ymd(y, m, d)?;
            ws.write_datetime_with_format(row, col, &dt, format)?;
            return Ok(());
        }
    }
    ws.write_string(row, col, text)?;
    Ok(())
}
