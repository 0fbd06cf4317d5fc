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
pub const MAX_CELLS: u64 = 1 << 23;

/// The sheets' extent: the grid from each sheet's first cell to its last, summed, with
/// the last row and column (0-based) any cell reaches. `None` when the file is not a readable
/// OLE workbook (calamine then says why).
pub fn extent(bytes: &[u8]) -> Option<(u64, (u16, u16))> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))?;
    let mut stream = Vec::new();
    // A stream is stored in the file's own sectors: it is never much larger than the
    // file, whatever its directory says.
    file.open_stream(name)
        .ok()?
        .take(bytes.len() as u64 * 2 + 4096)
        .read_to_end(&mut stream)
        .ok()?;
    Some(scan(&stream))
}

/// A sheet's first and last (row, column) so far.
type Span = ((u16, u16), (u16, u16));

/// One pass over the BIFF records of a workbook stream.
fn scan(stream: &[u8]) -> (u64, (u16, u16)) {
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let mut total = 0u64;
    let mut far = (0u16, 0u16);
    // The current substream's first and last (row, column).
    let mut span: Option<Span> = None;
    let close = |span: &mut Option<Span>, total: &mut u64| {
        if let Some(((r0, c0), (r1, c1))) = span.take() {
            *total += (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
        }
    };
    let mut at = 0;
    while let (Some(kind), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + usize::from(len)).unwrap_or(&[]);
        at += 4 + usize::from(len);
        let cells: Option<(u16, u16, u16)> = match kind {
            // BOF, EOF: a substream (a sheet) begins or ends.
            0x0809 | 0x000A => {
                close(&mut span, &mut total);
                None
            }
            // LABELSST, NUMBER, RK, BLANK, FORMULA, BOOLERR, LABEL, RSTRING.
            0x00FD | 0x0203 | 0x027E | 0x0201 | 0x0006 | 0x0205 | 0x0204 | 0x00D6 => {
                match (u16_at(data, 0), u16_at(data, 2)) {
                    (Some(r), Some(c)) => Some((r, c, c)),
                    _ => None,
                }
            }
            // MULRK, MULBLANK: a run of cells in one row, the last column at the end.
            0x00BD | 0x00BE => match (
                u16_at(data, 0),
                u16_at(data, 2),
                data.len().checked_sub(2).and_then(|i| u16_at(data, i)),
            ) {
                (Some(r), Some(c0), Some(c1)) => Some((r, c0.min(c1), c0.max(c1))),
                _ => None,
            },
            _ => None,
        };
        if let Some((r, c0, c1)) = cells {
            far = (far.0.max(r), far.1.max(c1));
            span = Some(match span {
                None => ((r, c0), (r, c1)),
                Some(((r0, a0), (r1, a1))) => ((r0.min(r), a0.min(c0)), (r1.max(r), a1.max(c1))),
            });
        }
    }
    close(&mut span, &mut total);
    (total, far)
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

    #[test]
    fn the_extent_is_each_sheets_grid_from_first_to_last_cell() {
        let mut s = Vec::new();
        // The workbook globals, then two sheets: B2..D11 (10 × 3) and A1 alone.
        s.extend(record(0x0809, &[0; 16]));
        s.extend(record(0x000A, &[]));
        s.extend(record(0x0809, &[0; 16]));
        s.extend(cell(0x00FD, 1, 1));
        s.extend(cell(0x0203, 10, 3));
        s.extend(record(0x000A, &[]));
        s.extend(record(0x0809, &[0; 16]));
        s.extend(cell(0x027E, 0, 0));
        s.extend(record(0x000A, &[]));
        assert_eq!(scan(&s), (31, (10, 3)));
        // One cell at the far corner of a sheet: the whole grid.
        s.extend(record(0x0809, &[0; 16]));
        s.extend(cell(0x0201, 0, 0));
        let mut mul = 65_535u16.to_le_bytes().to_vec();
        mul.extend(250u16.to_le_bytes());
        mul.extend([0u8; 12]);
        mul.extend(255u16.to_le_bytes());
        s.extend(record(0x00BE, &mul));
        assert_eq!(scan(&s), (31 + 65_536 * 256, (65_535, 255)));
        // A record cut short ends the scan without a panic.
        s.extend([0xFD, 0x00, 0xFF]);
        assert_eq!(scan(&s).0, 31 + 65_536 * 256);
    }
}
