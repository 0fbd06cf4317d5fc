//! Damaged and hostile files, made here: a sheet that cannot be read is a read error
//! (never a sheet without a header), a damaged byte fails its checksum, and the bombs
//! (a shared-strings table declared at 1.9 GB, ten million shared strings in a small
//! file, a 200 MB line) are refused with exit 65 within 512 MiB.

use crate::workdir::{Run, Workdir};
use std::io::{Read, Write};
use std::path::Path;

/// A veterans' workbook as a commune keeps one: a sheet per chi hội, a title row, the
/// header, members whose IDs are typed as text.
fn veterans_book(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let header = ["STT", "Họ và tên", "Số CCCD", "Mã xã", "Ngày vào Hội"];
    for (k, unit) in ["02647", "02680", "02683"].into_iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(format!("Chi hội {}", k + 1)).unwrap();
        ws.write_string(0, 0, format!("DANH SÁCH HỘI VIÊN CHI HỘI {}", k + 1))
            .unwrap();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for i in 0..40u32 {
            let r = 3 + i;
            ws.write_number(r, 0, f64::from(i + 1)).unwrap();
            ws.write_string(r, 1, format!("Hội Viên {k}-{i}")).unwrap();
            ws.write_string(r, 2, format!("0010{k}{:07}", 1_000_000 + i))
                .unwrap();
            ws.write_string(r, 3, unit).unwrap();
            ws.write_string(r, 4, "01/01/2000").unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// One part of a workbook as it is written into the file: its bytes (stored, or as
/// given when already deflated), with its CRC-32 and inflated size.
struct Part {
    name: String,
    deflated: bool,
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

/// The parts of the workbook at `path`, each stored (not compressed): its bytes then
/// lie in the file as they are.
fn parts_of(path: &Path) -> Vec<Part> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            Part {
                name: f.name().unwrap().into_owned(),
                deflated: false,
                crc: f.crc32(),
                size: data.len() as u32,
                data,
            }
        })
        .collect()
}

/// Writes a ZIP of `parts` by hand (local headers, central directory, end record), so
/// that a part can declare what it likes and hold bytes no writer would.
fn write_zip(path: &Path, parts: &[Part]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let method: u16 = if p.deflated { 8 } else { 0 };
        let fields = |out: &mut Vec<u8>| {
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
            out.extend_from_slice(&p.crc.to_le_bytes());
            out.extend_from_slice(&(p.data.len() as u32).to_le_bytes());
            out.extend_from_slice(&p.size.to_le_bytes());
            out.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        fields(&mut out);
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&p.data);
        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        fields(&mut central);
        central.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(p.name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// The bits of a DEFLATE stream, least significant first.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, written from its most significant bit.
    fn code(&mut self, code: u32, bits: u32) {
        let reversed = code.reverse_bits() >> (32 - bits);
        self.put(reversed, bits);
    }

    /// A literal byte in the fixed Huffman code.
    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b) - 144, 9),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.code(0, 7); // end of block
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A DEFLATE stream of `head`, then `period` repeated until `copies` copies of 258
/// bytes have followed its first writing (a ZIP bomb's shape: two bytes for each 258
/// inflated), then `tail`; and the inflated size. 258 × `copies` must be a multiple
/// of the period's length, so that the tail follows a whole period.
fn deflate_bomb(head: &[u8], period: &[u8], copies: u64, tail: &[u8]) -> (Vec<u8>, u64) {
    assert_eq!((258 * copies) % period.len() as u64, 0);
    // Distances 5 to 24 in the fixed code: code 4 (5–6, 1 extra bit), 7 (13–16, 2), 8
    // (17–24, 3).
    let (dist_code, extra_bits, base) = match period.len() {
        5..=6 => (4, 1, 5),
        13..=16 => (7, 2, 13),
        17..=24 => (8, 3, 17),
        n => panic!("no distance code written here for a period of {n}"),
    };
    let mut b = Bits::default();
    b.put(1, 1); // the final block
    b.put(1, 2); // fixed Huffman codes
    for &c in head.iter().chain(period) {
        b.literal(c);
    }
    for _ in 0..copies {
        b.code(0xC5, 8); // length 258 (symbol 285)
        b.code(dist_code, 5);
        b.put(period.len() as u32 - base, extra_bits);
    }
    for &c in tail {
        b.literal(c);
    }
    let size = (head.len() + period.len() + tail.len()) as u64 + 258 * copies;
    (b.finish(), size)
}

/// The CRC-32 of `head`, `period` repeated to `size` bytes in all with `tail`.
fn crc_of(head: &[u8], period: &[u8], size: u64, tail: &[u8]) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|i| {
            (0..8).fold(i, |c, _| {
                if c & 1 == 1 {
                    0xEDB88320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            })
        })
        .collect();
    let mut crc = !0u32;
    let mut feed = |bytes: &[u8]| {
        for &x in bytes {
            crc = table[((crc ^ u32::from(x)) & 0xFF) as usize] ^ (crc >> 8);
        }
    };
    feed(head);
    let body = size - (head.len() + tail.len()) as u64;
    let block: Vec<u8> = period
        .iter()
        .copied()
        .cycle()
        .take(period.len() * 4096)
        .collect();
    let mut left = body;
    while left > 0 {
        let n = left.min(block.len() as u64) as usize;
        feed(&block[..n]);
        left -= n as u64;
    }
    feed(tail);
    !crc
}

/// A workbook whose shared strings are `period` repeated (from a hand-made DEFLATE
/// stream) behind a `<sst>` tag declaring `declared` strings, with its true checksum
/// when `checksum`.
fn strings_bomb(
    w: &Workdir,
    file: &str,
    period: &[u8],
    copies: u64,
    declared: u64,
    checksum: bool,
) {
    veterans_book(&w.dir.join("carrier.xlsx"));
    let mut parts = parts_of(&w.dir.join("carrier.xlsx"));
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{declared}\" uniqueCount=\"{declared}\">"
    );
    let tail = b"</sst>";
    let (data, size) = deflate_bomb(head.as_bytes(), period, copies, tail);
    let crc = if checksum {
        crc_of(head.as_bytes(), period, size, tail)
    } else {
        0
    };
    let sst = parts
        .iter_mut()
        .find(|p| p.name == "xl/sharedStrings.xml")
        .unwrap();
    *sst = Part {
        name: sst.name.clone(),
        deflated: true,
        data,
        crc,
        size: u32::try_from(size).unwrap(),
    };
    write_zip(&w.dir.join(file), &parts);
}

/// Runs tally under `prlimit --as=512MiB` (as the address space a roll's ingest may
/// take), returning what it said and its peak resident memory in bytes. Elsewhere
/// (Windows) it runs plainly, its memory unmeasured.
#[cfg(not(target_os = "linux"))]
fn in_512_mib(w: &Workdir, args: &[&str]) -> (Run, Option<u64>) {
    (w.tally(args), None)
}

#[cfg(target_os = "linux")]
fn in_512_mib(w: &Workdir, args: &[&str]) -> (Run, Option<u64>) {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    // Reaped by wait4 below, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new("prlimit")
        .arg(format!("--as={}", 512u64 << 20))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("prlimit (util-linux)");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let mut err = String::new();
    let _ = stderr.read_to_string(&mut err);
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of the C struct, which wait4 fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's, not yet waited for; both pointers are to live
    // locals of the right types.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let status = std::process::ExitStatus::from_raw(status);
    let run = Run {
        code: status.code().unwrap_or(128 + status.signal().unwrap_or(0)),
        stdout: out.join().unwrap(),
        stderr: err,
    };
    (run, Some(usage.ru_maxrss as u64 * 1024))
}

const INGEST: [&str; 6] = [
    "ingest",
    "book.xlsx",
    "--org",
    "veterans",
    "--as-of",
    "31/10/2026",
];

fn refused_within_512_mib(w: &Workdir, args: &[&str], said: &str) {
    let (run, peak) = in_512_mib(w, args);
    let mib = peak.map(|p| p >> 20);
    assert_eq!(run.code, 65, "peak {mib:?} MiB: {}", run.stderr);
    assert!(run.stderr.contains(said), "{}", run.stderr);
    assert!(peak.is_none_or(|p| p <= 512 << 20), "peak {mib:?} MiB");
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// 1.9 GB of shared strings declared honestly, in a 15 MB file: refused by the size it
/// declares before a byte of it is inflated.
#[test]
fn a_workbook_declaring_19_gb_of_shared_strings_is_refused_within_512_mib() {
    let w = Workdir::new().with_reference();
    // 17 bytes a string: 258 × 17 × 433,000 bytes in all.
    strings_bomb(
        &w,
        "book.xlsx",
        b"<si><t>x</t></si>",
        17 * 433_000,
        112_000_000,
        false,
    );
    let len = std::fs::metadata(w.dir.join("book.xlsx")).unwrap().len();
    assert!(len < 16 << 20, "{len} bytes");
    refused_within_512_mib(
        &w,
        &INGEST,
        "its shared strings (xl/sharedStrings.xml) would inflate to 1899",
    );
}

/// Ten million empty shared strings in a file of a few hundred kilobytes: counted as
/// they are inflated, and refused before calamine parses them.
#[test]
fn ten_million_shared_strings_in_a_small_file_are_refused_within_512_mib() {
    let w = Workdir::new().with_reference();
    // 5 bytes a string, 258 × 5 × 38,760 = 50,000,400 bytes: 10,000,080 strings and the
    // first; no count declared (calamine then grows its table as it goes).
    strings_bomb(&w, "book.xlsx", b"<si/>", 5 * 38_760, 0, true);
    let len = std::fs::metadata(w.dir.join("book.xlsx")).unwrap().len();
    assert!(len < 1 << 20, "{len} bytes");
    refused_within_512_mib(&w, &INGEST, "its shared strings hold 10000081 strings");
}

/// A 200 MB line (a field whose quote never closes, or a file without line ends):
/// refused at its line, holding no more than the longest line tally reads.
#[test]
fn a_200_mb_line_is_refused_at_its_line_within_512_mib() {
    let w = Workdir::new().with_reference();
    let mut f = std::io::BufWriter::new(std::fs::File::create(w.dir.join("long.csv")).unwrap());
    f.write_all("Họ và tên,Mã xã\nLò Văn A,02647\n\"".as_bytes())
        .unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..200 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\",02647\n").unwrap();
    drop(f);
    let args = [
        "ingest",
        "long.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ];
    refused_within_512_mib(&w, &args, "long.csv:3: one CSV record is longer than");
}

/// The veterans' workbook with the second sheet's XML passed through `edit` (its
/// checksum right for what it holds), and stored, so that its bytes lie in the file.
fn edited_book(w: &Workdir, edit: impl Fn(&str) -> String) -> Vec<Part> {
    veterans_book(&w.dir.join("clean.xlsx"));
    let mut parts = parts_of(&w.dir.join("clean.xlsx"));
    let sheet = parts
        .iter_mut()
        .find(|p| p.name == "xl/worksheets/sheet2.xml")
        .unwrap();
    let text = edit(std::str::from_utf8(&sheet.data).unwrap());
    sheet.data = text.into_bytes();
    sheet.size = sheet.data.len() as u32;
    sheet.crc = crc_of(&sheet.data, b"", sheet.data.len() as u64, b"");
    parts
}

/// A sheet cut off in its fifth row (a copy that stopped, a damaged disk): a read
/// error naming the file and the sheet, exit 65, nothing stored. Taken for a sheet
/// without a header, the other two were stored and the veterans' coverage fell by a
/// third.
#[test]
fn a_sheet_that_cannot_be_read_is_a_read_error_not_a_sheet_without_a_header() {
    let w = Workdir::new().with_reference();
    let parts = edited_book(&w, |xml| {
        let cut = xml.find("<row r=\"5\"").expect("row 5") + 40;
        xml[..cut].to_string()
    });
    write_zip(&w.dir.join("book.xlsx"), &parts);
    let run = w.tally(&INGEST).expect(65);
    assert!(
        run.stderr
            .contains("book.xlsx, sheet \"Chi hội 2\": cannot read the sheet"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("no header"), "{}", run.stderr);
    assert!(run.stderr.contains("its XML ends inside"), "{}", run.stderr);
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
    // Why, in the reader's language too: not English inside a Vietnamese sentence.
    let vi = w
        .tally(&[&INGEST[..], &["--lang", "vi"]].concat())
        .expect(65);
    assert!(
        vi.stderr.contains(
            "book.xlsx, trang tính \"Chi hội 2\": không đọc được trang tính: XML bị cắt ngang giữa"
        ),
        "{}",
        vi.stderr
    );
}

/// One byte changed in a sheet's stored data, in a member's ID cell (read without a
/// word before: another member's ID stored) and after the sheet's closing tag (never read): each
/// fails the part's checksum, which is checked as the part is inflated.
#[test]
fn a_damaged_byte_in_a_sheet_fails_its_checksum() {
    let w = Workdir::new().with_reference();
    // A digit of the shared string a member's ID cell points to (`<v>12</v>` read as
    // another member's ID), and a letter of the closing tag.
    for (what, at, skip) in [
        ("an ID", "<c r=\"C5\"", "<v>"),
        ("the tail", "</worksheet>", "</w"),
    ] {
        let parts = edited_book(&w, |xml| xml.to_string());
        write_zip(&w.dir.join("book.xlsx"), &parts);
        let mut bytes = std::fs::read(w.dir.join("book.xlsx")).unwrap();
        // The part's name in its local header, right before its data.
        let sheet = find(&bytes, b"xl/worksheets/sheet2.xml<?xml").unwrap();
        let cell = sheet + find(&bytes[sheet..], at.as_bytes()).expect(what);
        let pos = cell + find(&bytes[cell..], skip.as_bytes()).unwrap() + skip.len();
        bytes[pos] ^= 0x01;
        std::fs::write(w.dir.join("book.xlsx"), bytes).unwrap();
        let run = w.tally(&INGEST).expect(65);
        assert!(
            run.stderr.contains("book.xlsx, sheet \"Chi hội 2\": cannot read the sheet: its data fails its checksum"),
            "{what}: {}",
            run.stderr
        );
        assert_eq!(
            w.status_json()["snapshots"],
            serde_json::json!([]),
            "{what}"
        );
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
