//! The extent of an .xls's cells, measured from its BIFF records before calamine reads
//! it. calamine builds each sheet as a dense grid from its first cell to its last, for
//! every sheet at once when the workbook opens: one cell placed at the far corner of
//! each sheet (a damaged or hostile file of a few kilobytes, found by fuzzing) would
//! make it allocate gigabytes. Here only the records' row and column fields are read,
//! in one pass over the workbook stream, and a workbook whose sheets span more cells
//! than a roll needs is refused.

use std::io::Read;

/// Cells the sheets of an .xls may span in all (about 256 MiB as calamine holds them):
/// a full roll of 65,536 rows and 128 columns fits.
pub(super) const MAX_CELLS: u64 = 1 << 23;

/// Cells in all, and the last (row, column) reached.
pub(super) type Extent = (u64, (u16, u16));

/// The sheets' extent: what calamine would allocate for them, summed, with the last
/// row and column (0-based) any sheet reaches; `Ok(None)` for an OLE file without a
/// workbook stream (an encrypted .xlsx: calamine says what it is). An OLE container
/// the cfb crate cannot read is damaged (calamine's own reader is laxer, and reads
/// such files into whatever their sectors say), with the reason.
pub(super) fn extent(bytes: &[u8]) -> Result<Option<Extent>, String> {
    let mut file =
        cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let Some(name) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
    else {
        return Ok(None);
    };
    let mut stream = Vec::new();
    // A stream is stored in the file's own sectors: it is never much larger than the
    // file, whatever its directory says.
    file.open_stream(name)
        .map_err(|e| e.to_string())?
        .take(bytes.len() as u64 * 2 + 4096)
        .read_to_end(&mut stream)
        .map_err(|e| e.to_string())?;
    Ok(Some(scan(&stream)))
}

/// A sheet's first and last (row, column) so far.
type Span = ((u32, u32), (u32, u32));

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The records of a stream from `at`: (type, data), as calamine reads them (a record
/// cut short ends the list).
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let (kind, len) = (u16_at(stream, at)?, usize::from(u16_at(stream, at + 2)?));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

fn widen(span: &mut Option<Span>, r: u32, c0: u32, c1: u32) {
    *span = Some(match *span {
        None => ((r, c0), (r, c1)),
        Some(((r0, a0), (r1, a1))) => ((r0.min(r), a0.min(c0)), (r1.max(r), a1.max(c1))),
    });
}

fn area(span: Option<Span>) -> u64 {
    span.map_or(0, |((r0, c0), (r1, c1))| {
        (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1)
    })
}

/// One pass over the workbook stream as calamine makes it: the sheets where the
/// globals' BOUNDSHEET records say they start; in each, what calamine allocates: the
/// cells its DIMENSIONS records declare (it reserves that many), else the grid from
/// the first cell to the last, and the grid of the formula cells.
fn scan(stream: &[u8]) -> Extent {
    let starts: Vec<usize> = records(stream, 0)
        .take_while(|(kind, _)| *kind != 0x000A)
        .filter(|(kind, _)| *kind == 0x0085)
        .filter_map(|(_, d)| u32_at(d, 0).map(|p| p as usize))
        .collect();
    let mut total = 0u64;
    let mut far = (0u32, 0u32);
    for start in starts {
        let sheet = sheet(stream, start);
        far = far.max(sheet.far);
        for s in [sheet.cells, sheet.formulas].into_iter().flatten() {
            far = far.max(s.1);
        }
        let (cells, formulas) = (area(sheet.cells), area(sheet.formulas));
        total = total.saturating_add(sheet.reserved.max(cells).saturating_add(formulas));
    }
    let clip = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
    (total, (clip(far.0), clip(far.1)))
}

/// What one sheet's records say: the cells its DIMENSIONS make calamine reserve and
/// the farthest cell they name, and the spans of its cells and formulas.
#[derive(Default)]
struct Sheet {
    reserved: u64,
    far: (u32, u32),
    cells: Option<Span>,
    formulas: Option<Span>,
}

/// Reads the records of the sheet at `start`, up to its EOF (the records of an
/// embedded substream, a chart's, skipped).
fn sheet(stream: &[u8], start: usize) -> Sheet {
    let mut sheet = Sheet::default();
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (kind, d) in records(stream, start) {
        if depth > 0 {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |d: &[u8]| {
            u16_at(d, 0)
                .zip(u16_at(d, 2))
                .map(|(r, c)| (u32::from(r), u32::from(c)))
        };
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            // DIMENSIONS: calamine reserves rows × columns, the u32 arithmetic
            // wrapping as its release build does.
            0x0200 => {
                if let Some((rf, rl, mut cf, cl)) = dimensions(d) {
                    if 0xFF < cf || cl < cf {
                        cf = 0;
                    }
                    if rl >= 1 && cl >= 1 {
                        let rows = (rl - 1).wrapping_sub(rf).wrapping_add(1);
                        let cols = (cl - 1).wrapping_sub(cf).wrapping_add(1);
                        let cells = u64::from(rows).saturating_mul(u64::from(cols));
                        sheet.reserved = sheet.reserved.max(cells);
                        sheet.far = sheet.far.max((rl - 1, cl - 1));
                    }
                }
            }
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST: one cell.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some((r, c)) = at(d) {
                    widen(&mut sheet.cells, r, c, c);
                }
            }
            // FORMULA: a cell and a formula.
            0x0006 => {
                if let Some((r, c)) = at(d) {
                    widen(&mut sheet.cells, r, c, c);
                    widen(&mut sheet.formulas, r, c, c);
                }
            }
            // MULRK: a run of cells in one row, the last column at the end.
            0x00BD => {
                let last = d.len().checked_sub(2).and_then(|i| u16_at(d, i));
                if let (Some((r, c0)), Some(c1)) = (at(d), last) {
                    let c1 = u32::from(c1);
                    widen(&mut sheet.cells, r, c0.min(c1), c0.max(c1));
                }
            }
            _ => {}
        }
    }
    sheet
}

/// A DIMENSIONS record's first row, row after the last, first column and column after
/// the last: 16-bit rows in a record of 10 bytes (before BIFF8), 32-bit in BIFF8.
fn dimensions(d: &[u8]) -> Option<(u32, u32, u32, u32)> {
    match d.len() {
        10 => u16_at(d, 0)
            .zip(u16_at(d, 2))
            .zip(u16_at(d, 4).zip(u16_at(d, 6)))
            .map(|((a, b), (c, e))| (u32::from(a), u32::from(b), u32::from(c), u32::from(e))),
        14 | 16 => u32_at(d, 0)
            .zip(u32_at(d, 4))
            .zip(u16_at(d, 8).zip(u16_at(d, 10)))
            .map(|((a, b), (c, e))| (a, b, u32::from(c), u32::from(e))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend((data.len() as u16).to_le_bytes());
        v.extend(data);
        v
    }

    fn cell(kind: u16, row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0u8; 6]);
        record(kind, &d)
    }

    /// A workbook stream: the globals with a BOUNDSHEET per sheet, then the sheets.
    fn book(sheets: &[Vec<u8>]) -> Vec<u8> {
        let globals_len = 20 + 12 * sheets.len() + 4;
        let mut s = record(0x0809, &[0; 16]);
        let mut at = globals_len;
        for sheet in sheets {
            let mut d = (at as u32).to_le_bytes().to_vec();
            d.extend([0u8; 4]);
            s.extend(record(0x0085, &d));
            at += sheet.len();
        }
        s.extend(record(0x000A, &[]));
        assert_eq!(s.len(), globals_len);
        for sheet in sheets {
            s.extend(sheet);
        }
        s
    }

    fn sheet(body: &[Vec<u8>]) -> Vec<u8> {
        let mut s = record(0x0809, &[0; 16]);
        for r in body {
            s.extend(r);
        }
        s.extend(record(0x000A, &[]));
        s
    }

    #[test]
    fn the_extent_is_what_calamine_would_allocate() {
        // B2..D11 (10 × 3) and A1 alone.
        let a = sheet(&[cell(0x00FD, 1, 1), cell(0x0203, 10, 3)]);
        let b = sheet(&[cell(0x027E, 0, 0)]);
        assert_eq!(scan(&book(&[a.clone(), b.clone()])), (31, (10, 3)));
        // One cell at the far corner of a sheet: the whole grid.
        let mut mul = 65_535u16.to_le_bytes().to_vec();
        mul.extend(250u16.to_le_bytes());
        mul.extend([0u8; 12]);
        mul.extend(255u16.to_le_bytes());
        let c = sheet(&[cell(0x0203, 0, 0), record(0x00BD, &mul)]);
        assert_eq!(scan(&book(&[a.clone(), c])).0, 30 + 65_536 * 256);
        // A DIMENSIONS record declaring rows it does not have (BIFF8: u32 rows), or
        // rows that end before they begin: what calamine would reserve.
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(1_000_000u32.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        dims.extend(200u16.to_le_bytes());
        dims.extend([0u8; 2]);
        let d = sheet(&[record(0x0200, &dims)]);
        assert_eq!(scan(&book(&[d])).0, 200_000_000);
        let mut wrap = 10u32.to_le_bytes().to_vec();
        wrap.extend(5u32.to_le_bytes());
        wrap.extend(0u16.to_le_bytes());
        wrap.extend(2u16.to_le_bytes());
        wrap.extend([0u8; 2]);
        let e = sheet(&[record(0x0200, &wrap)]);
        assert!(scan(&book(&[e])).0 > 1 << 32, "wrapped rows");
        // A sheet that points past the stream, or a record cut short: no panic.
        let mut cut = book(&[b]);
        cut.extend([0xFD, 0x00, 0xFF]);
        assert_eq!(scan(&cut).0, 1);
    }
}

#[cfg(test)]
mod found_by_fuzzing {
    /// The .xls files the workbook fuzz target made calamine allocate gigabytes with.
    #[test]
    fn their_extent_is_measured() {
        for f in ["far-corner-cells.xls", "declared-dimensions.xls"] {
            let bytes = std::fs::read(format!(
                "{}/tests/data/fuzz/{f}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            // Refused either way: too many cells, or a container too damaged to read.
            match super::extent(&bytes) {
                Ok(Some((cells, _))) => assert!(cells > super::MAX_CELLS, "{f}: {cells}"),
                Ok(None) => panic!("{f}: no workbook stream"),
                Err(_) => {}
            }
        }
    }
}
