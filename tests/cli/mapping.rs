//! The mapping file: where the people of a commune split by the 2025 reform went.
//! Xã Mường Bằng (04111, Sơn La) was split between Xã Mường Bang (03943) and Xã Chiềng
//! Mung (04123): without a mapping its rows are rejected with both; a mapping with
//! shares splits its eligible count; a mapping to one commune places its members.

use crate::workdir::Workdir;

const AREAS: &str = "code,name,level,parent_code,ethnic_minority,religious,rural\n\
14,Sơn La,province,,yes,no,yes\n\
03943,Xã Mường Bang,commune,14,yes,no,yes\n\
04123,Xã Chiềng Mung,commune,14,yes,no,yes\n";

fn farmers(w: &Workdir, file: &str) -> crate::workdir::Run {
    w.tally(&[
        "ingest",
        file,
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
        "--skip-invalid",
    ])
}

/// (members, eligible) of a commune in the October report, `None` where empty.
fn commune(w: &Workdir, code: &str) -> (Option<u64>, Option<u64>) {
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let head: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    let line = out
        .lines()
        .find(|l| l.contains(&format!(",commune,{code},")))
        .unwrap_or_else(|| panic!("{code}: {out}"));
    let cells: Vec<&str> = line.split(',').collect();
    let get = |name: &str| {
        let i = head.iter().position(|h| *h == name).unwrap();
        cells[i].parse().ok()
    };
    (get("members"), get("eligible"))
}

#[test]
fn a_mapping_file_decides_where_a_split_commune_went() {
    let w = Workdir::new();
    w.write("areas.csv", AREAS);
    w.write(
        "eligible.csv",
        // Every old commune of the two communes of today (a count of today's is the
        // sum of all its old communes'), Mường Bằng's split between them.
        "Mã xã,Tổ chức,Năm,Số đối tượng\n04111,Hội Nông dân,2026,7\n04123,Hội Nông dân,2026,20\n\
         03934,Hội Nông dân,2026,0\n03943,Hội Nông dân,2026,0\n03964,Hội Nông dân,2026,0\n\
         04126,Hội Nông dân,2026,0\n",
    );
    w.write(
        "roll.csv",
        "Họ và tên,Năm sinh,Mã xã\nA,1970,04111\nB,1971,04123\n",
    );
    w.tally(&["ingest", "areas.csv"]).expect(0);
    // Without a mapping: the split commune's eligible row and roll row are rejected,
    // naming the communes of today it went to.
    let run = w
        .tally(&[
            "ingest",
            "eligible.csv",
            "--codes",
            "old",
            "--skip-invalid",
            "--dry-run",
        ])
        .expect(0);
    assert!(
        run.stderr
            .contains("04111 Xã Mường Bằng, a commune of before the 2025 reform, was split between 03943 Xã Mường Bang, 04123 Xã Chiềng Mung"),
        "{}",
        run.stderr
    );
    // Shares that do not add up are refused, every row of that old commune.
    w.write(
        "bad.csv",
        "Mã xã cũ,Mã xã mới,Tỷ lệ\n04111,03943,40%\n04111,04123,50%\n",
    );
    let run = w.tally(&["ingest", "bad.csv"]).expect(65);
    assert!(
        run.stderr.contains("add up to 0.9, not 1"),
        "{}",
        run.stderr
    );
    // With shares, 7 eligible split 40/60: 2.8 and 4.2 are 2 and 4, and the one left
    // goes to the largest remainder (0.8): 3 and 4. 04123 adds its own 20.
    w.write(
        "mapping.csv",
        "Mã xã cũ,Mã xã mới,Tỷ lệ\n04111,03943,40%\n04111,04123,60%\n",
    );
    w.tally(&["ingest", "mapping.csv"]).expect(0);
    // The counts are of 2024, in old codes (04123 was also an old commune's code).
    let run = w
        .tally(&["ingest", "eligible.csv", "--codes", "old"])
        .expect(0);
    assert!(
        run.stdout.contains("through the reform's crosswalk"),
        "{}",
        run.stdout
    );
    // A member belongs to one commune: a share is no place for a roll row.
    let run = farmers(&w, "roll.csv").expect(0);
    assert!(
        run.stderr
            .contains("was split by the mapping file between 03943 (40%), 04123 (60%)"),
        "{}",
        run.stderr
    );
    assert_eq!(commune(&w, "03943"), (Some(0), Some(3)));
    assert_eq!(commune(&w, "04123"), (Some(1), Some(24)));
    // A mapping to one commune places the members (and, ingested again, the counts).
    w.write("mapping.csv", "Mã xã cũ,Mã xã mới\n04111,04123\n");
    w.tally(&["ingest", "mapping.csv"]).expect(0);
    w.write(
        "roll.csv",
        "Họ và tên,Năm sinh,Mã xã\nA,1970,04111\nB,1971,04123\nC,1972,04111\n",
    );
    w.tally(&[
        "ingest",
        "roll.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
        "--replace",
    ])
    .expect(0);
    assert_eq!(commune(&w, "04123"), (Some(3), Some(24)));
    let status = w.status_json();
    assert_eq!(status["reference"]["mapping"], 1);
}
