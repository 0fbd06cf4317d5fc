//! Merged cells down a sheet's rows: offices group a roll by commune and merge the
//! commune's cell over its group (the value is stored in the region's first cell
//! only), and merge a heading over the two rows of a two-row header. The value of a
//! region that spans rows holds for every row it spans, in the region's first column;
//! a row that is blank but for that value stays blank (a spacer row inside a group is
//! not a member). Regions one row high (a heading across its sub-headings, a title
//! across the table) are read as before: a heading and the empty cells after it.

/// A merged region: top and bottom rows, left column (0-based, as the sheet's XML
/// numbers them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Region {
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
}

/// A merged region as calamine gives it (.xlsx, .xls): (row, column) of its corners.
impl From<&calamine::Dimensions> for Region {
    fn from(d: &calamine::Dimensions) -> Region {
        Region {
            top: d.start.0,
            bottom: d.end.0,
            left: d.start.1,
        }
    }
}

/// The regions of one sheet that span rows, applied to its rows in order.
#[derive(Debug, Default)]
pub(super) struct Merged {
    /// By top row.
    regions: Vec<Region>,
    next: usize,
    /// The regions the current row is inside: column, bottom row, value.
    open: Vec<(usize, u32, String)>,
    /// Cells filled, for the summary.
    pub filled: u64,
}

impl Merged {
    pub(super) fn new(regions: impl IntoIterator<Item = Region>) -> Merged {
        let mut regions: Vec<Region> = regions.into_iter().filter(|r| r.bottom > r.top).collect();
        regions.sort();
        Merged {
            regions,
            ..Merged::default()
        }
    }

    /// Fills the row `row` (0-based; rows come in order, blank rows may be missing)
    /// from the regions it is inside, and opens the regions that start on it.
    pub(super) fn fill(&mut self, row: u32, cells: &mut Vec<String>) {
        if self.regions.is_empty() {
            return;
        }
        self.open.retain(|(_, bottom, _)| *bottom >= row);
        let has_value = cells.iter().any(|c| !c.is_empty());
        for (col, _, value) in &self.open {
            if !has_value {
                break;
            }
            if cells.len() <= *col {
                cells.resize(col + 1, String::new());
            }
            if cells[*col].is_empty() {
                cells[*col] = value.clone();
                self.filled += 1;
            }
        }
        while let Some(r) = self.regions.get(self.next).copied() {
            if r.top > row {
                break;
            }
            self.next += 1;
            let col = r.left as usize;
            // A region whose first row was blank (not seen) or whose first cell is
            // empty has no value to give.
            match cells.get(col) {
                Some(v) if r.top == row && !v.is_empty() => {
                    self.open.push((col, r.bottom, v.clone()))
                }
                _ => {}
            }
        }
    }

    /// What the summary says: the cells filled.
    pub(super) fn sentence(&self) -> Option<crate::lang::Text> {
        (self.filled > 0).then(|| crate::t!(crate::lang::ingest::FILLED_FROM_MERGED, self.filled))
    }
}

/// The regions of an .ods sheet that span rows: calamine does not give them for ODS,
/// so the sheet's cells are walked in `content.xml` (rows and cells with their
/// repeats, the spans on the cells).
pub(super) fn ods_regions<R: std::io::Read + std::io::Seek>(
    workbook: R,
    sheet: &str,
) -> anyhow::Result<Vec<Region>> {
    use quick_xml::events::{BytesStart, Event};
    let mut zip = zip::ZipArchive::new(workbook)?;
    let content = zip.by_name("content.xml")?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let number = |e: &BytesStart, key: &str| -> u32 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let (mut inside, mut row, mut col, mut repeat) = (false, 0u32, 0u32, 1u32);
    loop {
        let (event, empty) = match xml.read_event_into(&mut buf)? {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if inside => break,
                    "table:table-row" if inside => row = row.saturating_add(repeat),
                    _ => {}
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        match event.name().as_ref() {
            "table:table" => {
                inside = event.attributes().flatten().any(|a| {
                    a.key.as_ref() == "table:name"
                        && quick_xml::escape::unescape(&a.value).is_ok_and(|v| v == sheet)
                });
            }
            "table:table-row" if inside => {
                col = 0;
                repeat = number(&event, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if inside => {
                let spanned = number(&event, "table:number-rows-spanned");
                if spanned > 1 {
                    out.push(Region {
                        top: row,
                        bottom: row.saturating_add(spanned - 1),
                        left: col,
                    });
                }
                col = col.saturating_add(number(&event, "table:number-columns-repeated"));
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[(u32, &[&str])], regions: &[Region]) -> Vec<Vec<String>> {
        let mut m = Merged::new(regions.iter().copied());
        cells
            .iter()
            .map(|(r, c)| {
                let mut row: Vec<String> = c.iter().map(|s| s.to_string()).collect();
                m.fill(*r, &mut row);
                row
            })
            .collect()
    }

    #[test]
    fn a_commune_merged_down_its_group_holds_for_each_row() {
        let commune = |top, bottom| Region {
            top,
            bottom,
            left: 0,
        };
        let out = rows(
            &[
                (4, &["Xã A", "Lan"]),
                (5, &["", "Hoa"]),
                (6, &["", "Mai"]),
                (7, &["", ""]),
                (8, &["Xã B", "Đào"]),
                (9, &["", "Cúc"]),
                (10, &["", "Thu"]),
            ],
            &[commune(4, 7), commune(8, 9)],
        );
        let first: Vec<&str> = out.iter().map(|r| r[0].as_str()).collect();
        // The spacer row inside A's group stays blank; Thu is below B's region.
        assert_eq!(first, ["Xã A", "Xã A", "Xã A", "", "Xã B", "Xã B", ""]);
    }

    #[test]
    fn a_region_one_row_high_is_left_as_it_is() {
        let out = rows(
            &[(0, &["Ngày sinh", ""]), (1, &["Nam", "Nữ"])],
            &[Region {
                top: 0,
                bottom: 0,
                left: 0,
            }],
        );
        assert_eq!(out[0], ["Ngày sinh", ""]);
    }
}
