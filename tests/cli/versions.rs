//! Areas and enterprises keep their versions: a new file is in force, the one before
//! is kept, and `tally drop` of the new one gives it back; a file that removes units or
//! reclassifies more than a few needs --replace. A reference file ingested before is
//! "nothing changed" only while the store holds what it says.

use crate::workdir::Workdir;

/// The fixture's areas with the ethnic-minority classification moved: Phường Lào Cai
/// becomes an ethnic-minority area, the four communes that were stop being one (six
/// units reclassified, one more than may be without --replace).
const RECLASSIFIED: &str = "code,name,level,parent_code,ethnic_minority,religious,rural,highland\n\
15,Lào Cai,province,,no,no,no,no\n\
02647,Phường Lào Cai,commune,15,yes,no,no,no\n\
02680,Xã Hợp Thành,commune,15,no,x,yes,no\n\
02683,Xã Bát Xát,commune,15,no,,yes,yes\n\
02686,Xã A Mú Sung,commune,15,no,không,có,yes\n\
90001,Xã Tân Phú,commune,15,yes,no,yes,no\n\
90002,Xã Tân Phú,commune,15,yes,yes,yes,no\n";

/// The newest ingest of `file`, in the manifest's order.
fn ingest_id(w: &Workdir, file: &str) -> String {
    let m: serde_json::Value = serde_json::from_str(&w.manifest()).expect("manifest");
    m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|i| i["file"] == file)
        .unwrap_or_else(|| panic!("no ingest of {file}: {m}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Before: the youth's ethnic-minority areas are 02680, 02683, 02686: 2 members of
/// 180 eligible (80 + 60 + 40), 1.11%. The reclassifying file is refused without
/// --replace, naming what it would change; with it, the only such area with counts is
/// 02647: 1 member of 100, 1.00%. Dropping it gives back 2 / 180 (before the fix the
/// file went in without a word, and the drop left no areas at all).
#[test]
fn a_reclassifying_areas_file_needs_replace_and_drop_gives_back_the_one_before() {
    let w = Workdir::new().with_youth_roll();
    let em = |w: &Workdir| {
        let r = w.report_row(&["--org", "youth"], ",youth,ethnic_minority,yes,");
        (r[4].clone(), r[8].clone(), r[9].clone())
    };
    assert_eq!(em(&w), ("2".into(), "180".into(), "1.11".into()));
    let before = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    w.write("areas-2027.csv", RECLASSIFIED);
    let manifest = w.manifest();
    let run = w.tally(&["ingest", "areas-2027.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "areas-2027.csv: the new areas file reclassifies 6 unit(s) (Phường Lào Cai, Xã Hợp Thành, Xã Bát Xát, Xã A Mú Sung, Xã Tân Phú … and 1 more), against the areas in force (from areas.csv)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--replace"), "{}", run.stderr);
    assert_eq!(w.manifest(), manifest);

    let run = w
        .tally(&["ingest", "areas-2027.csv", "--replace"])
        .expect(0);
    let id = ingest_id(&w, "areas-2027.csv");
    assert!(
        run.stdout.contains(&format!(
            "areas-2027.csv: new areas in force; the version before is kept (`tally drop {id}` gives it back)"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("areas-2027.csv: areas: 6 unit(s) reclassified (Phường Lào Cai, Xã Hợp Thành, Xã Bát Xát, Xã A Mú Sung, Xã Tân Phú … and 1 more)"),
        "{}",
        run.stdout
    );
    assert_eq!(em(&w), ("1".into(), "100".into(), "1.00".into()));
    let s = w.status_json();
    assert_eq!(s["in_force"]["areas"], id.as_str());
    let versions = s["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "areas")
        .count();
    assert_eq!(versions, 2);

    let run = w.tally(&["drop", &id]).expect(0);
    assert!(
        run.stdout
            .contains("the areas in force are those of areas.csv"),
        "{}",
        run.stdout
    );
    assert_eq!(em(&w), ("2".into(), "180".into(), "1.11".into()));
    assert_eq!(
        before,
        w.tally(&["report", "--period", "2026-10", "--format", "csv"])
            .expect(0)
            .stdout
    );
}

/// A file that adds a unit and reclassifies a few goes through, and says so; one that
/// removes a unit needs --replace, and so does one that removes an enterprise.
#[test]
fn removals_need_replace_a_few_reclassifications_do_not() {
    let w = Workdir::new().with_youth_roll();
    let few = format!(
        "{}02698,Xã Quang Kim,commune,15,no,no,yes,no\n",
        w.read("areas.csv").replace(
            "02647,Phường Lào Cai,commune,15,no",
            "02647,Phường Lào Cai,commune,15,yes"
        )
    );
    w.write("areas-few.csv", &few);
    let run = w.tally(&["ingest", "areas-few.csv"]).expect(0);
    for said in [
        "areas-few.csv: areas: 1 unit(s) added (Xã Quang Kim)",
        "areas-few.csv: areas: 1 unit(s) reclassified (Phường Lào Cai)",
    ] {
        assert!(run.stdout.contains(said), "{said}: {}", run.stdout);
    }
    assert_eq!(w.status_json()["reference"]["areas"], 8);

    let fewer: String = few
        .lines()
        .filter(|l| !l.starts_with("90001"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("areas-fewer.csv", &fewer);
    let run = w.tally(&["ingest", "areas-fewer.csv"]).expect(65);
    assert!(
        run.stderr
            .contains("the new areas file removes 1 unit(s) (Xã Tân Phú)"),
        "{}",
        run.stderr
    );

    let ent: String = w
        .read("enterprises.csv")
        .lines()
        .filter(|l| !l.starts_with("5300100004"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("dn.csv", &ent);
    let run = w.tally(&["ingest", "dn.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "dn.csv: the new enterprises file removes 1 enterprise(s) (Hợp tác xã Dược liệu), against the enterprises in force (from enterprises.csv)"
        ),
        "{}",
        run.stderr
    );
    w.tally(&["ingest", "dn.csv", "--replace"]).expect(0);
    assert_eq!(w.status_json()["reference"]["enterprises"], 3);
}

/// The right targets file again, after a wrong one overrode its key: before the fix
/// "already ingested, nothing changed" while the wrong 7% stayed. Now its key is
/// taken again: the youth's target is 70.00 and the gap 1.07 − 70 = −68.93 (3
/// members of 280 eligible). Ingested once more, it changes nothing.
#[test]
fn the_right_file_again_restores_what_a_wrong_one_overrode() {
    let w = Workdir::new().with_youth_roll();
    let youth = |w: &Workdir| {
        let r = w.report_row(&["--org", "youth"], ",youth,total,all,");
        (r[9].clone(), r[11].clone(), r[12].clone())
    };
    assert_eq!(youth(&w), ("1.07".into(), "70.00".into(), "-68.93".into()));
    w.write(
        "chi-tieu-sai.csv",
        "org,year,scope,target_pct\nyouth,2026,*,7\n",
    );
    w.tally(&["ingest", "chi-tieu-sai.csv"]).expect(0);
    assert_eq!(youth(&w), ("1.07".into(), "7.00".into(), "-5.93".into()));

    let run = w.tally(&["ingest", "targets.csv"]).expect(0);
    assert!(!run.stdout.contains("already ingested"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("targets.csv: targets: 1 key(s) restored to this file's values"),
        "{}",
        run.stdout
    );
    assert_eq!(youth(&w), ("1.07".into(), "70.00".into(), "-68.93".into()));
    let manifest = w.manifest();
    let run = w.tally(&["ingest", "targets.csv"]).expect(0);
    assert!(run.stdout.contains("already ingested"), "{}", run.stdout);
    assert_eq!(w.manifest(), manifest);

    // The same holds for the areas: the first file again, after another version.
    w.write(
        "areas-few.csv",
        w.read("areas.csv")
            .replace(",15,no,no,no,no\n02680", ",15,yes,no,no,no\n02680"),
    );
    w.tally(&["ingest", "areas-few.csv"]).expect(0);
    let run = w.tally(&["ingest", "areas.csv"]).expect(0);
    assert!(
        run.stdout
            .contains("areas.csv: areas: 1 unit(s) reclassified (Phường Lào Cai)"),
        "{}",
        run.stdout
    );
    let s = w.status_json();
    assert_eq!(s["in_force"]["areas"], ingest_id(&w, "areas.csv").as_str());
}
