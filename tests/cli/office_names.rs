//! Unit names as offices abbreviate and qualify them (`X. Mường Chà`, `TT.` for a
//! thị trấn of before the 2025 reform, `Xã … - huyện …`): read by the same rules as the
//! full names, so a roll written either way reports the same members.

use crate::workdir::Workdir;

/// A roll of Điện Biên with one member per row, the unit written as `unit`.
fn roll(units: &[&str]) -> String {
    let mut out = String::from("DANH SÁCH HỘI VIÊN\nSTT;Họ và tên;Năm sinh;Giới tính;Xã, phường\n");
    for (i, u) in units.iter().enumerate() {
        out.push_str(&format!(
            "{};Người Thứ {};{};Nữ;{u}\n",
            i + 1,
            i + 1,
            1970 + i
        ));
    }
    out
}

fn commune_members(w: &Workdir) -> Vec<(String, String)> {
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    csv.lines()
        .filter(|l| l.contains(",commune,"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[3].to_string(), c[4].to_string())
        })
        .filter(|(_, m)| m != "0")
        .collect()
}

#[test]
fn abbreviated_and_qualified_names_read_as_the_full_ones() {
    let full = [
        "Xã Mường Chà",
        "Xã Mường Chà",
        "Xã Na Sang",
        "Phường Mường Lay",
        "Xã Mường Phăng",
    ];
    // The same units as offices write them: X. and P. for xã and phường; TT. Mường Chà,
    // the thị trấn of before the reform, is today's Xã Na Sang (not Xã Mường Chà); a
    // commune with its old district after a dash or a comma.
    let short = [
        "X. Mường Chà",
        "Xã Mường Chà - huyện Mường Chà",
        "TT. Mường Chà",
        "P.Mường Lay",
        "X. Mường Phăng, H. Điện Biên, tỉnh Điện Biên",
    ];
    let mut reports = Vec::new();
    for units in [&full, &short] {
        let w = Workdir::new();
        std::fs::copy(
            crate::workdir::fixture("areas_dien_bien.csv"),
            w.dir.join("areas.csv"),
        )
        .unwrap();
        w.tally(&["ingest", "areas.csv"]).expect(0);
        w.write("roll.csv", roll(units));
        let run = w.tally(&[
            "ingest",
            "roll.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        reports.push(commune_members(&w));
    }
    let expected: Vec<(String, String)> = [
        ("03151", "1"),
        ("03166", "2"),
        ("03172", "1"),
        ("03325", "1"),
    ]
    .iter()
    .map(|(g, m)| (g.to_string(), m.to_string()))
    .collect();
    assert_eq!(reports[0], expected);
    assert_eq!(reports[1], expected);
}

/// The eligible counts of a file that names its units as offices write them read as
/// its twin with the full names: `X.`/`P.`, an old district after a dash, and
/// `TT. Mường Chà` — the thị trấn of before the reform, today's Xã Na Sang — through
/// the reform's crosswalk, as a roll's names are.
#[test]
fn eligible_counts_under_abbreviated_names_read_as_the_full_ones() {
    let full = [
        ("Xã Mường Chà", 10),
        ("Xã Mường Phăng", 12),
        ("Phường Mường Lay", 5),
        ("Xã Na Sang", 7),
    ];
    let short = [
        ("X. Mường Chà", 10),
        ("Xã Mường Phăng - huyện Điện Biên", 12),
        ("P.Mường Lay", 5),
        ("TT. Mường Chà", 7),
    ];
    let mut reports = Vec::new();
    for units in [&full, &short] {
        let w = Workdir::new();
        std::fs::copy(
            crate::workdir::fixture("areas_dien_bien.csv"),
            w.dir.join("areas.csv"),
        )
        .unwrap();
        let mut eligible = String::from("SỐ ĐỐI TƯỢNG\nTên xã,Tổ chức,Năm,Số đối tượng\n");
        for (u, n) in units.iter() {
            eligible.push_str(&format!("{u},Hội Phụ nữ,2026,{n}\n"));
        }
        w.write("eligible.csv", eligible);
        w.write(
            "roll.csv",
            roll(&[
                "Xã Mường Chà",
                "Xã Na Sang",
                "Phường Mường Lay",
                "Xã Mường Phăng",
            ]),
        );
        w.tally(&["ingest", "areas.csv", "eligible.csv"]).expect(0);
        w.tally(&[
            "ingest",
            "roll.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
        let csv = w
            .tally(&[
                "report", "--period", "2026-10", "--org", "women", "--by", "commune", "--format",
                "csv",
            ])
            .expect(0)
            .stdout;
        reports.push(csv);
    }
    assert_eq!(reports[0], reports[1]);
    // Each commune's eligible count is the one its row gave (Na Sang's from TT. Mường Chà).
    let header: Vec<&str> = reports[0].lines().next().unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "eligible").unwrap();
    let eligible: Vec<(String, String)> = reports[1]
        .lines()
        .filter(|l| l.contains(",commune,"))
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[3].to_string(), c[col].to_string())
        })
        .filter(|(_, e)| !e.is_empty())
        .collect();
    let want: Vec<(String, String)> = [
        ("03151", "5"),
        ("03166", "10"),
        ("03172", "7"),
        ("03325", "12"),
    ]
    .iter()
    .map(|(g, e)| (g.to_string(), e.to_string()))
    .collect();
    assert_eq!(eligible, want);
}

/// An enterprises file without a code column names each enterprise's commune as
/// offices do (`X. Mường Chà`, `TT. Mường Chà`): read by a roll's rules, so it stores
/// what its twin with the full names stores, and a name no unit has is refused (the
/// column was passed over).
#[test]
fn enterprises_name_their_commune_as_offices_write_it() {
    let file = |units: [&str; 2]| {
        format!(
            "Mã số thuế,Tên doanh nghiệp,Xã phường,Loại hình,Số lao động\n5310000000,Hợp tác xã Gỗ 1,{},ngoài nhà nước,15\n5310000037,Công ty Gỗ 2,{},ngoài nhà nước,30\n",
            units[0], units[1]
        )
    };
    let mut parts = Vec::new();
    for units in [
        ["Xã Mường Chà", "Xã Na Sang"],
        ["X. Mường Chà", "TT. Mường Chà"],
    ] {
        let w = Workdir::new();
        std::fs::copy(
            crate::workdir::fixture("areas_dien_bien.csv"),
            w.dir.join("areas.csv"),
        )
        .unwrap();
        w.write("enterprises.csv", file(units));
        w.tally(&["ingest", "areas.csv", "enterprises.csv"])
            .expect(0);
        let dir = w.store().join("reference");
        let part = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("enterprises-")
            })
            .unwrap();
        parts.push(std::fs::read(part).unwrap());
    }
    assert_eq!(parts[0], parts[1], "the same enterprises, byte for byte");
    let w = Workdir::new();
    std::fs::copy(
        crate::workdir::fixture("areas_dien_bien.csv"),
        w.dir.join("areas.csv"),
    )
    .unwrap();
    w.write("enterprises.csv", file(["Xã Mường Chà", "Xã Không Có"]));
    w.tally(&["ingest", "areas.csv"]).expect(0);
    let run = w.tally(&["ingest", "enterprises.csv"]).expect(65);
    assert!(
        run.stderr
            .contains("column \"Xã phường\": value \"Xã Không Có\""),
        "{}",
        run.stderr
    );
}
