//! Writes a synthetic province in the input formats (docs/formats.md): areas,
//! enterprises, eligible counts, targets, and one roll per organization, each roll in
//! the shape a different real export takes (title rows, semicolons, tabs, Vietnamese or
//! English headers, area by code or by name, birth year only).
//! Deterministic for a seed.
//!
//! ```text
//! cargo run --example synth -- --out data-samples --members 3000 --seed 1
//! cargo run --release --example synth -- --out /tmp/big --members 10000000
//! cargo run --release --example synth -- --out /tmp/year --members 1000000 --months 12
//! ```
//!
//! `--months N` writes each roll as N monthly snapshots ending 31/10/2026
//! (`roll-youth-2026-10.csv`, …), the same people in each: a member appears from the
//! month they joined, is listed with their leaving date (or departed status) in the
//! month they left, and is gone from the roll after it.
//!
//! `--overlap` makes people belong to several organizations, as they do: 40% of the
//! farmers are members of the Women's Union too (the same woman, her same ID), half the
//! veterans of 45 or more are farmers, and 30% of the union members of 18 or more are in
//! the Youth Union (where they live; the union lists them where they work).
//!
//! Communes are the real ones of the province (GSO 2025 list, `examples/data/`).

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

const COMMUNES: &str = include_str!("data/vn-communes-2025.csv");
const PROVINCES: &str = include_str!("data/vn-provinces-2025.csv");

/// splitmix64: small, fast, and the same on every machine.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
    /// Picks by weight.
    fn weighted<'a>(&mut self, v: &'a [(&'a str, u32)]) -> &'a str {
        let total: u32 = v.iter().map(|x| x.1).sum();
        let mut r = self.below(total as u64) as u32;
        for (s, w) in v {
            if r < *w {
                return s;
            }
            r -= w;
        }
        v[0].0
    }
}

struct Commune {
    code: String,
    name: String,
    rural: bool,
    minority: bool,
    religious: bool,
    highland: bool,
    population: u64,
}

const KINH_FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Phan", "Đinh",
];
const MINORITY_FAMILY: &[&str] = &[
    "Lò", "Giàng", "Sùng", "Vàng", "Lù", "Thào", "Hoàng", "Nông", "Ma", "Triệu", "Tẩn", "Chảo",
    "Phàn", "Lý", "Hầu", "Mã",
];
const MALE_GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Minh", "Tuấn", "Nam", "Long", "Phúc", "Quang", "Sơn", "Thắng", "Páo", "Chứ",
    "Sính", "Dìn", "Khoa", "Đức", "Hoà", "Thuỷ", "Cường", "Việt",
];
const FEMALE_GIVEN: &[&str] = &[
    "Lan", "Hương", "Mai", "Hoa", "Thảo", "Trang", "Linh", "Nga", "Dung", "Mỷ", "Xuân", "Chi",
    "Hoà", "Thuý", "Phương", "Ngọc", "Sợi", "Mẩy", "Duyên", "Yến",
];
const MALE_MIDDLE: &[&str] = &["Văn", "Đức", "Minh", "Quang", "A", "Seo", "Hữu", "Xuân"];
const FEMALE_MIDDLE: &[&str] = &["Thị", "Thu", "Ngọc", "Thanh", "Thị", "Hồng"];

const MINORITY_ETHNIC: &[(&str, u32)] = &[
    ("Mông", 30),
    ("Tày", 20),
    ("Dao", 18),
    ("Giáy", 6),
    ("Nùng", 6),
    ("Hà Nhì", 4),
    ("Thái", 6),
    ("Kinh", 8),
    ("Phù Lá", 2),
];
const URBAN_ETHNIC: &[(&str, u32)] = &[
    ("Kinh", 80),
    ("Tày", 8),
    ("Dao", 4),
    ("Mông", 4),
    ("Nùng", 2),
    ("Thái", 2),
];
const RELIGION_PLAIN: &[(&str, u32)] = &[
    ("Không", 94),
    ("Phật giáo", 3),
    ("Công giáo", 2),
    ("Tin lành", 1),
];
const RELIGION_AREA: &[(&str, u32)] = &[
    ("Không", 60),
    ("Công giáo", 20),
    ("Tin lành", 15),
    ("Phật giáo", 5),
];

struct Args {
    out: PathBuf,
    members: u64,
    seed: u64,
    province: String,
    months: u32,
    overlap: bool,
}

fn args() -> Args {
    let mut a = Args {
        out: PathBuf::from("data-samples"),
        members: 3000,
        seed: 1,
        province: "15".into(),
        months: 1,
        overlap: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--overlap" {
            a.overlap = true;
            continue;
        }
        let val = it.next().unwrap_or_default();
        match flag.as_str() {
            "--out" => a.out = PathBuf::from(val),
            "--members" => a.members = val.parse().expect("--members N"),
            "--seed" => a.seed = val.parse().expect("--seed N"),
            "--province" => a.province = val,
            "--months" => a.months = val.parse().expect("--months N"),
            other => {
                panic!("unknown flag {other}; use --out DIR --members N --seed N --province CODE")
            }
        }
    }
    a
}

fn main() -> std::io::Result<()> {
    let a = args();
    fs::create_dir_all(&a.out)?;
    let mut rng = Rng(a.seed);
    let province_name = PROVINCES
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .find(|(c, _)| *c == a.province)
        .map(|(_, n)| n.to_string())
        .expect("province code in vn-provinces-2025.csv");
    let communes = communes(&a.province, &mut rng);
    write_areas(&a.out, &a.province, &province_name, &communes)?;
    let enterprises = write_enterprises(&a.out, &communes, a.members, &mut rng)?;
    write_eligible(&a.out, &communes, a.members, &enterprises)?;
    write_targets(&a.out, &a.province, &communes)?;
    // Each month's rolls draw the same people: the same generator state, and the same
    // serial numbers for their national IDs, each time.
    let mut prev = None;
    for k in (0..a.months.max(1)).rev() {
        SERIAL.store(0, std::sync::atomic::Ordering::Relaxed);
        let snap = Snap::months_before((2026, 10), k, prev, a.months > 1);
        write_rolls(&a, &snap, &communes, &enterprises, &mut rng.clone())?;
        prev = Some(snap.as_of);
    }
    Ok(())
}

/// The serial number of the next person drawn in a snapshot (their national ID's).
static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn communes(province: &str, rng: &mut Rng) -> Vec<Commune> {
    let mut out = Vec::new();
    for line in COMMUNES.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() < 4 || f[3] != province {
            continue;
        }
        let rural = f[2] != "phường";
        let minority = rural && rng.chance(0.85);
        out.push(Commune {
            code: f[0].to_string(),
            name: f[1].to_string(),
            rural,
            minority,
            religious: rng.chance(if minority { 0.35 } else { 0.1 }),
            highland: minority && rng.chance(0.6),
            population: if rural {
                6000 + rng.below(14000)
            } else {
                15000 + rng.below(30000)
            },
        });
    }
    out
}

fn csv_line(w: &mut impl Write, cells: &[String], delim: char) -> std::io::Result<()> {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains(delim) || c.contains('"') || c.contains('\n') {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    writeln!(w, "{}", quoted.join(&delim.to_string()))
}

fn yn(b: bool) -> String {
    if b {
        "x".into()
    } else {
        String::new()
    }
}

fn write_areas(
    out: &Path,
    province: &str,
    province_name: &str,
    communes: &[Commune],
) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(out.join("areas.csv"))?);
    csv_line(
        &mut w,
        &[
            "code",
            "name",
            "level",
            "parent_code",
            "ethnic_minority",
            "religious",
            "rural",
            "highland",
        ]
        .map(String::from),
        ',',
    )?;
    csv_line(
        &mut w,
        &[
            province.to_string(),
            province_name.to_string(),
            "province".into(),
            String::new(),
            "no".into(),
            "no".into(),
            "no".into(),
            "no".into(),
        ],
        ',',
    )?;
    for c in communes {
        let em = if c.minority {
            if c.highland {
                "III".to_string()
            } else {
                "yes".to_string()
            }
        } else {
            "no".to_string()
        };
        csv_line(
            &mut w,
            &[
                c.code.clone(),
                c.name.clone(),
                "commune".into(),
                province.to_string(),
                em,
                yn(c.religious),
                if c.rural { "yes".into() } else { "no".into() },
                yn(c.highland),
            ],
            ',',
        )?;
    }
    w.flush()
}

struct Ent {
    id: String,
    area: usize,
    ownership: &'static str,
    workers: u64,
}

fn write_enterprises(
    out: &Path,
    communes: &[Commune],
    members: u64,
    rng: &mut Rng,
) -> std::io::Result<Vec<Ent>> {
    let n = (members / 200).clamp(10, 50_000);
    let mut w = BufWriter::new(File::create(out.join("enterprises.csv"))?);
    csv_line(
        &mut w,
        &[
            "Mã số thuế",
            "Tên doanh nghiệp",
            "Mã xã",
            "Loại hình",
            "Số lao động",
        ]
        .map(String::from),
        ',',
    )?;
    let kinds = [("ngoài nhà nước", 80), ("nhà nước", 10), ("FDI", 10)];
    let names = [
        "Công ty TNHH",
        "Công ty Cổ phần",
        "Hợp tác xã",
        "Công ty TNHH MTV",
    ];
    let trades = [
        "Chè Sa Pa",
        "Khoáng sản",
        "Du lịch",
        "Nông sản",
        "Xây dựng",
        "Vận tải",
        "May mặc",
        "Thủy điện",
        "Dược liệu",
        "Gỗ",
    ];
    let mut ents = Vec::new();
    for i in 0..n {
        // Enterprises cluster in the towns.
        let area = loop {
            let j = rng.below(communes.len() as u64) as usize;
            if !communes[j].rural || rng.chance(0.3) {
                break j;
            }
        };
        let ownership = match rng.weighted(&kinds) {
            "nhà nước" => "nhà nước",
            "FDI" => "FDI",
            _ => "ngoài nhà nước",
        };
        let workers = if ownership == "FDI" {
            20 + rng.below(50)
        } else {
            10 + rng.below(30)
        };
        let id = format!("53{:08}", 10_000_000 + i * 37 % 89_999_999);
        csv_line(
            &mut w,
            &[
                id.clone(),
                format!("{} {} {}", rng.pick(&names), rng.pick(&trades), i + 1),
                communes[area].code.clone(),
                ownership.to_string(),
                workers.to_string(),
            ],
            ',',
        )?;
        ents.push(Ent {
            id,
            area,
            ownership,
            workers,
        });
    }
    w.flush()?;
    Ok(ents)
}

/// Eligible people per commune and org: shares of the population, scaled so that the
/// rolls cover roughly 40–90% of them.
fn write_eligible(
    out: &Path,
    communes: &[Commune],
    members: u64,
    ents: &[Ent],
) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(out.join("eligible.csv"))?);
    csv_line(
        &mut w,
        &["Mã xã", "Tổ chức", "Năm", "Số đối tượng"].map(String::from),
        ',',
    )?;
    let pop: u64 = communes.iter().map(|c| c.population).sum();
    let scale = members as f64 * 2.2 / pop as f64;
    let mut workers: HashMap<usize, u64> = HashMap::new();
    for e in ents {
        *workers.entry(e.area).or_default() += e.workers;
    }
    for year in [2025, 2026] {
        let grow = if year == 2026 { 1.02 } else { 1.0 };
        for (i, c) in communes.iter().enumerate() {
            let p = c.population as f64 * scale * grow;
            let rows = [
                ("Đoàn TN", p * 0.18),
                ("Hội Phụ nữ", p * 0.27),
                ("Hội Nông dân", if c.rural { p * 0.30 } else { p * 0.04 }),
                ("Hội CCB", p * 0.03),
                ("any", p * 0.75),
            ];
            for (org, v) in rows {
                csv_line(
                    &mut w,
                    &[
                        c.code.clone(),
                        org.to_string(),
                        year.to_string(),
                        (v.round() as u64).to_string(),
                    ],
                    ',',
                )?;
            }
            let wk = *workers.get(&i).unwrap_or(&0);
            if wk > 0 {
                csv_line(
                    &mut w,
                    &[
                        c.code.clone(),
                        "Công đoàn".into(),
                        year.to_string(),
                        ((wk as f64 * grow).round() as u64).to_string(),
                    ],
                    ',',
                )?;
            }
        }
    }
    w.flush()
}

fn write_targets(out: &Path, province: &str, communes: &[Commune]) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(out.join("targets.csv"))?);
    csv_line(
        &mut w,
        &["org", "year", "scope", "target_pct"].map(String::from),
        ',',
    )?;
    let rows: Vec<[String; 4]> = vec![
        ["union".into(), "2026".into(), "*".into(), "75".into()],
        [
            "union".into(),
            "2026".into(),
            "ownership=non_state".into(),
            "60".into(),
        ],
        ["youth".into(), "2026".into(), "*".into(), "70".into()],
        [
            "youth".into(),
            "2026".into(),
            "ethnic_minority=yes".into(),
            "60".into(),
        ],
        ["women".into(), "2026".into(), "*".into(), "80".into()],
        [
            "women".into(),
            "2026".into(),
            "religious=yes".into(),
            "65".into(),
        ],
        ["farmers".into(), "2026".into(), "*".into(), "70".into()],
        [
            "farmers".into(),
            "2026".into(),
            "rural=yes".into(),
            "72".into(),
        ],
        ["veterans".into(), "2026".into(), "*".into(), "90".into()],
        ["any".into(), "2026".into(), "*".into(), "80".into()],
        [
            "youth".into(),
            "2026".into(),
            province.to_string(),
            "72".into(),
        ],
        [
            "youth".into(),
            "2026".into(),
            communes[0].code.clone(),
            "80".into(),
        ],
    ];
    for r in rows {
        csv_line(&mut w, &r, ',')?;
    }
    w.flush()
}

fn date(y: i32, m: u32, d: u32) -> String {
    format!("{d:02}/{m:02}/{y}")
}

#[derive(Clone)]
struct Person {
    name: String,
    male: bool,
    birth: (i32, u32, u32),
    ethnicity: String,
    religion: String,
    cccd: String,
}

fn person(rng: &mut Rng, c: &Commune, age_range: (i32, i32), sex: Option<bool>) -> Person {
    let male = sex.unwrap_or_else(|| rng.chance(0.5));
    let ethnicity = rng
        .weighted(if c.minority {
            MINORITY_ETHNIC
        } else {
            URBAN_ETHNIC
        })
        .to_string();
    let family = if ethnicity == "Kinh" {
        rng.pick(KINH_FAMILY)
    } else {
        rng.pick(MINORITY_FAMILY)
    };
    let (middle, given) = if male {
        (rng.pick(MALE_MIDDLE), rng.pick(MALE_GIVEN))
    } else {
        (rng.pick(FEMALE_MIDDLE), rng.pick(FEMALE_GIVEN))
    };
    let age = age_range.0 + rng.below((age_range.1 - age_range.0 + 1) as u64) as i32;
    let birth = (
        2026 - age,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let religion = rng
        .weighted(if c.religious {
            RELIGION_AREA
        } else {
            RELIGION_PLAIN
        })
        .to_string();
    let century = if birth.0 >= 2000 { 2 } else { 0 } + if male { 0 } else { 1 };
    // Unique within a snapshot: a serial number scrambled by a bijection of 0..10^6, and
    // the registration province (001–096) from the serial's high part.
    let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let province = 1 + (n / 1_000_000) % 96;
    let cccd = format!(
        "{province:03}{century}{:02}{:06}",
        birth.0 % 100,
        (n % 1_000_000) * 7919 % 1_000_000
    );
    Person {
        name: format!("{family} {middle} {given}"),
        male,
        birth,
        ethnicity,
        religion,
        cccd,
    }
}

/// The people one roll listed, for another roll to list again (`--overlap`), each once,
/// in the order they were listed: a person and the index of their commune.
#[derive(Default)]
struct Pool {
    people: Vec<(Person, usize)>,
    next: usize,
}

impl Pool {
    /// The next person listed who fits.
    fn take(&mut self, fits: impl Fn(&Person) -> bool) -> Option<(Person, usize)> {
        while let Some(p) = self.people.get(self.next) {
            self.next += 1;
            if fits(&p.0) {
                return Some(p.clone());
            }
        }
        None
    }
}

type Ymd = (i32, u32, u32);

/// Joined some time before the snapshot; a few in October 2026; some left.
fn membership(
    rng: &mut Rng,
    birth_year: i32,
    min_age: i32,
) -> (Option<Ymd>, Option<Ymd>, &'static str) {
    let earliest = (birth_year + min_age).max(1990);
    let joined = if rng.chance(0.04) {
        None
    } else if rng.chance(0.05) {
        Some((2026, 10, 1 + rng.below(31) as u32))
    } else {
        let y = earliest + rng.below((2026 - earliest).max(1) as u64) as i32;
        Some((
            y.min(2026),
            1 + rng.below(if y >= 2026 { 9 } else { 12 }) as u32,
            1 + rng.below(28) as u32,
        ))
    };
    if rng.chance(0.06) {
        let base = joined.map(|j| j.0).unwrap_or(2020).max(2024);
        let left = (
            base.min(2026),
            if base >= 2026 {
                1 + rng.below(10) as u32
            } else {
                1 + rng.below(12) as u32
            },
            1 + rng.below(28) as u32,
        );
        let left = if left > (2026, 10, 31) {
            (2026, 10, 15)
        } else {
            left
        };
        let left = if joined.is_some_and(|j| left < j) {
            joined.unwrap_or(left)
        } else {
            left
        };
        let status = if rng.chance(0.5) {
            "Chuyển sinh hoạt"
        } else {
            "Đã ra"
        };
        return (joined, Some(left), status);
    }
    if rng.chance(0.01) {
        return (joined, None, "Đã mất");
    }
    (joined, None, "Đang sinh hoạt")
}

/// One snapshot of the rolls: its date, the one before it, and the file suffix.
struct Snap {
    as_of: Ymd,
    prev: Option<Ymd>,
    suffix: String,
}

impl Snap {
    /// The snapshot `k` months before the end of `last` (year, month).
    fn months_before(last: (i32, u32), k: u32, prev: Option<Ymd>, suffixed: bool) -> Snap {
        let m = last.0 * 12 + last.1 as i32 - 1 - k as i32;
        let (y, mo) = (m / 12, (m % 12) as u32 + 1);
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo as usize - 1]
            + u32::from(mo == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
        Snap {
            as_of: (y, mo, days),
            prev,
            suffix: if suffixed {
                format!("-{y}-{mo:02}")
            } else {
                String::new()
            },
        }
    }

    fn file(&self, org: &str) -> String {
        format!("roll-{org}{}.csv", self.suffix)
    }

    fn day_first(&self) -> String {
        date(self.as_of.0, self.as_of.1, self.as_of.2)
    }

    fn iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.as_of.0, self.as_of.1, self.as_of.2)
    }

    /// A member as this snapshot lists them: not before they joined, with their
    /// leaving in the month they left, gone after it; `None` when not listed.
    fn view(
        &self,
        joined: Option<Ymd>,
        left: Option<Ymd>,
        status: &'static str,
    ) -> Option<(Option<Ymd>, &'static str)> {
        if joined.is_some_and(|j| j > self.as_of) {
            return None;
        }
        match left {
            Some(l) if self.prev.is_some_and(|p| l <= p) => None,
            Some(l) if l > self.as_of => Some((None, "Đang sinh hoạt")),
            other => Some((other, status)),
        }
    }
}

fn fmt_date(d: Option<(i32, u32, u32)>) -> String {
    d.map(|(y, m, dd)| date(y, m, dd)).unwrap_or_default()
}

fn write_rolls(
    a: &Args,
    snap: &Snap,
    communes: &[Commune],
    ents: &[Ent],
    rng: &mut Rng,
) -> std::io::Result<()> {
    // Shares of the members by org.
    let per = |share: f64| ((a.members as f64) * share).round() as u64;
    // Names that name one commune only, for the roll that gives areas by name.
    let mut name_count: HashMap<&str, u32> = HashMap::new();
    for c in communes {
        *name_count.entry(c.name.as_str()).or_default() += 1;
    }
    let (mut youth, mut women, mut farmers) = (Pool::default(), Pool::default(), Pool::default());
    let weights: Vec<u64> = communes.iter().map(|c| c.population).collect();
    let total: u64 = weights.iter().sum();
    let pick_commune = |rng: &mut Rng| -> usize {
        let mut r = rng.below(total);
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        0
    };

    // Youth: a title row, semicolons, UTF-8 with BOM, area codes, member IDs.
    {
        let mut w = BufWriter::new(File::create(a.out.join(snap.file("youth")))?);
        w.write_all(b"\xEF\xBB\xBF")?;
        writeln!(w, "DANH SÁCH ĐOÀN VIÊN TỈNH ĐOÀN;;;;;;;;;;;;")?;
        writeln!(w, ";;;;;;;;;;;;")?;
        csv_line(
            &mut w,
            &[
                "STT",
                "Mã đoàn viên",
                "Số định danh cá nhân",
                "Họ và tên",
                "Ngày sinh",
                "Giới tính",
                "Dân tộc",
                "Tôn giáo",
                "Mã xã",
                "Ngày vào Đoàn",
                "Ngày ra",
                "Trạng thái",
                "Tổ chức",
                "Ngày chốt số liệu",
            ]
            .map(String::from),
            ';',
        )?;
        for i in 0..per(0.25) {
            let ci = pick_commune(rng);
            let c = &communes[ci];
            let p = person(rng, c, (16, 30), None);
            let (j, l, s) = membership(rng, p.birth.0, 16);
            let Some((l, s)) = snap.view(j, l, s) else {
                continue;
            };
            if a.overlap {
                youth.people.push((p.clone(), ci));
            }
            csv_line(
                &mut w,
                &[
                    (i + 1).to_string(),
                    format!("DV{:07}", i + 1),
                    p.cccd,
                    p.name,
                    date(p.birth.0, p.birth.1, p.birth.2),
                    if p.male { "Nam".into() } else { "Nữ".into() },
                    p.ethnicity,
                    p.religion,
                    c.code.clone(),
                    fmt_date(j),
                    fmt_date(l),
                    s.into(),
                    "Đoàn TN".into(),
                    snap.day_first(),
                ],
                ';',
            )?;
        }
        w.flush()?;
    }
    // Women: area by name, birth year only, citizen IDs.
    {
        let mut w = BufWriter::new(File::create(a.out.join(snap.file("women")))?);
        csv_line(
            &mut w,
            &[
                "STT",
                "Họ và tên",
                "Năm sinh",
                "Số CCCD",
                "Dân tộc",
                "Tôn giáo",
                "Xã, phường",
                "Ngày kết nạp",
                "Ngày ra",
                "Tình trạng",
                "Tổ chức",
                "Ngày chốt số liệu",
                "Quê quán",
            ]
            .map(String::from),
            ',',
        )?;
        let mut n = 0;
        while n < per(0.30) {
            let ci = pick_commune(rng);
            let c = &communes[ci];
            if name_count[c.name.as_str()] != 1 {
                continue;
            }
            n += 1;
            let p = person(rng, c, (18, 75), Some(false));
            let (j, l, s) = membership(rng, p.birth.0, 18);
            let Some((l, s)) = snap.view(j, l, s) else {
                continue;
            };
            if a.overlap {
                women.people.push((p.clone(), ci));
            }
            csv_line(
                &mut w,
                &[
                    n.to_string(),
                    p.name,
                    p.birth.0.to_string(),
                    p.cccd,
                    p.ethnicity,
                    p.religion,
                    c.name.clone(),
                    fmt_date(j),
                    fmt_date(l),
                    s.into(),
                    "Hội LHPN".into(),
                    snap.day_first(),
                    c.name.clone(),
                ],
                ',',
            )?;
        }
        w.flush()?;
    }
    // Farmers: English headers, ISO dates, GSO ethnicity codes, rural communes.
    {
        let mut w = BufWriter::new(File::create(a.out.join(snap.file("farmers")))?);
        csv_line(
            &mut w,
            &[
                "member_id",
                "full_name",
                "national_id",
                "sex",
                "birth_date",
                "ethnicity",
                "religion",
                "area_code",
                "joined_on",
                "left_on",
                "status",
                "org",
                "as_of",
            ]
            .map(String::from),
            ',',
        )?;
        let codes: HashMap<&str, &str> = [
            ("Kinh", "01"),
            ("Tày", "02"),
            ("Thái", "03"),
            ("Mông", "08"),
            ("Dao", "09"),
            ("Nùng", "07"),
            ("Giáy", "25"),
            ("Hà Nhì", "35"),
            ("Phù Lá", "40"),
        ]
        .into_iter()
        .collect();
        let mut n = 0;
        while n < per(0.30) {
            let woman = if a.overlap && rng.chance(0.4) {
                women.take(|_| true)
            } else {
                None
            };
            let (ci, p) = match woman {
                Some((p, ci)) => (ci, p),
                None => {
                    let ci = pick_commune(rng);
                    if !communes[ci].rural && !rng.chance(0.1) {
                        continue;
                    }
                    (ci, person(rng, &communes[ci], (18, 80), None))
                }
            };
            let c = &communes[ci];
            n += 1;
            let (j, l, s) = membership(rng, p.birth.0, 18);
            let Some((l, s)) = snap.view(j, l, s) else {
                continue;
            };
            if a.overlap {
                farmers.people.push((p.clone(), ci));
            }
            let iso = |d: Option<(i32, u32, u32)>| {
                d.map(|(y, m, dd)| format!("{y}-{m:02}-{dd:02}"))
                    .unwrap_or_default()
            };
            let status = match s {
                "Đang sinh hoạt" => "active",
                "Đã mất" => "deceased",
                _ => "left",
            };
            csv_line(
                &mut w,
                &[
                    format!("HND-{n:07}"),
                    p.name,
                    p.cccd,
                    if p.male { "M".into() } else { "F".into() },
                    format!("{}-{:02}-{:02}", p.birth.0, p.birth.1, p.birth.2),
                    codes.get(p.ethnicity.as_str()).unwrap_or(&"01").to_string(),
                    p.religion,
                    c.code.clone(),
                    iso(j),
                    iso(l),
                    status.into(),
                    "farmers".into(),
                    snap.iso(),
                ],
                ',',
            )?;
        }
        w.flush()?;
    }
    // Veterans: tab-separated, Vietnamese headers.
    {
        let mut w = BufWriter::new(File::create(a.out.join(snap.file("veterans")))?);
        csv_line(
            &mut w,
            &[
                "STT",
                "Họ tên",
                "Ngày sinh",
                "Giới tính",
                "CCCD",
                "Dân tộc",
                "Tôn giáo",
                "Mã xã",
                "Ngày vào Hội",
                "Trạng thái",
                "Tổ chức",
                "Ngày chốt số liệu",
            ]
            .map(String::from),
            '\t',
        )?;
        for i in 0..per(0.05) {
            let farmer = if a.overlap && rng.chance(0.5) {
                farmers.take(|p| p.birth.0 <= 2026 - 45)
            } else {
                None
            };
            let (c, p) = match farmer {
                Some((p, ci)) => (&communes[ci], p),
                None => {
                    let c = &communes[pick_commune(rng)];
                    let male = rng.chance(0.93);
                    (c, person(rng, c, (45, 85), Some(male)))
                }
            };
            let (j, l, s) = membership(rng, p.birth.0, 40);
            let Some((_, s)) = snap.view(j, l, s) else {
                continue;
            };
            let s = if s == "Đang sinh hoạt" {
                s
            } else {
                "Đã mất"
            };
            csv_line(
                &mut w,
                &[
                    (i + 1).to_string(),
                    p.name,
                    date(p.birth.0, p.birth.1, p.birth.2),
                    if p.male { "Nam".into() } else { "Nữ".into() },
                    p.cccd,
                    p.ethnicity,
                    p.religion,
                    c.code.clone(),
                    fmt_date(j),
                    s.into(),
                    "HCCB".into(),
                    snap.day_first(),
                ],
                '\t',
            )?;
        }
        w.flush()?;
    }
    // Union: members by enterprise tax code (the area comes from the enterprise).
    {
        let mut w = BufWriter::new(File::create(a.out.join(snap.file("union")))?);
        csv_line(
            &mut w,
            &[
                "STT",
                "Họ và tên",
                "Ngày sinh",
                "Giới tính",
                "Số CCCD",
                "Dân tộc",
                "Tôn giáo",
                "Mã số thuế",
                "Ngày vào Công đoàn",
                "Trạng thái",
                "Tổ chức",
                "Ngày chốt số liệu",
            ]
            .map(String::from),
            ',',
        )?;
        for i in 0..per(0.10) {
            let e = &ents[rng.below(ents.len() as u64) as usize];
            let c = &communes[e.area];
            let youth_member = if a.overlap && rng.chance(0.3) {
                youth.take(|p| p.birth.0 <= 2026 - 18)
            } else {
                None
            };
            let p = match youth_member {
                Some((p, _)) => p,
                None => person(rng, c, (18, 60), None),
            };
            let (j, l, s) = membership(rng, p.birth.0, 18);
            let Some((_, s)) = snap.view(j, l, s) else {
                continue;
            };
            let _ = e.ownership;
            csv_line(
                &mut w,
                &[
                    (i + 1).to_string(),
                    p.name,
                    date(p.birth.0, p.birth.1, p.birth.2),
                    if p.male { "Nam".into() } else { "Nữ".into() },
                    p.cccd,
                    p.ethnicity,
                    p.religion,
                    e.id.clone(),
                    fmt_date(j),
                    s.into(),
                    "Công đoàn".into(),
                    snap.day_first(),
                ],
                ',',
            )?;
        }
        w.flush()?;
    }
    Ok(())
}
