//! XLSX: one sheet per table, numbers as numbers with number formats, frozen headers,
//! column widths.

use anyhow::Result;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::table::{notes, sections};
use super::{values, Options, Value, COLUMNS};
use crate::metrics::Coverage;

fn header(ws: &mut Worksheet, head: &[String], bold: &Format) -> Result<()> {
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn widths(ws: &mut Worksheet, head: &[String], body: &[Vec<String>]) -> Result<()> {
    for (c, h) in head.iter().enumerate() {
        let longest = body
            .iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.chars().count())
            .chain([h.chars().count()])
            .max()
            .unwrap_or(8);
        ws.set_column_width(c as u16, (longest as f64 + 2.0).min(60.0))?;
    }
    Ok(())
}

fn text_sheet(
    wb: &mut Workbook,
    name: &str,
    head: &[String],
    body: &[Vec<String>],
    bold: &Format,
) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    header(ws, head, bold)?;
    // A string cell of a workbook is never evaluated, so text goes in as it is (the
    // CSV's guard, an apostrophe before `=`, `+`, `-`, `@`, would show here, as in
    // "'-68.21").
    for (r, row) in body.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string((r + 1) as u32, c as u16, cell)?;
        }
    }
    widths(ws, head, body)
}

pub fn render(cov: &Coverage, opts: &Options) -> Result<Vec<u8>> {
    let lang = opts.lang;
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let count = Format::new().set_num_format("#,##0");
    let pct = Format::new().set_num_format("0.00");

    // The tidy table with real numbers: what formulas and pivot tables want.
    {
        let ws = wb.add_worksheet();
        ws.set_name("coverage")?;
        let head: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        header(ws, &head, &bold)?;
        let mut shown: Vec<Vec<String>> = Vec::new();
        for (r, row) in cov.rows.iter().enumerate() {
            let rr = (r + 1) as u32;
            let mut texts = Vec::new();
            for (c, v) in values(row).iter().enumerate() {
                let cc = c as u16;
                match v {
                    Value::Text(s) => {
                        ws.write_string(rr, cc, crate::text::defuse(s).as_ref())?;
                        texts.push(s.clone());
                    }
                    Value::Count(n) => {
                        ws.write_number_with_format(rr, cc, *n as f64, &count)?;
                        texts.push(n.to_string());
                    }
                    Value::Change(n) => {
                        ws.write_number_with_format(rr, cc, *n as f64, &count)?;
                        texts.push(n.to_string());
                    }
                    Value::Pct(h) => {
                        ws.write_number_with_format(rr, cc, *h as f64 / 100.0, &pct)?;
                        texts.push("00000.00".into());
                    }
                    Value::Suppressed => {
                        ws.write_string(rr, cc, "…")?;
                        texts.push(String::new());
                    }
                    Value::Empty => texts.push(String::new()),
                }
            }
            shown.push(texts);
        }
        widths(ws, &head, &shown)?;
    }
    for sec in sections(cov, lang) {
        let name = match sec.key {
            "lagging" => "to urge",
            "leading" => "to replicate",
            other => other,
        };
        text_sheet(&mut wb, name, &sec.head, &sec.body, &bold)?;
    }
    let notes: Vec<Vec<String>> = notes(cov, opts).into_iter().map(|n| vec![n]).collect();
    text_sheet(
        &mut wb,
        "notes",
        &[lang.text("notes").to_string()],
        &notes,
        &bold,
    )?;
    Ok(wb.save_to_buffer()?)
}
