//! The orgs file: an organization beyond the five ingests by name or alias, takes
//! eligible counts and targets, reports in the default report, and shows in status.

use crate::workdir::Workdir;

#[test]
fn an_orgs_file_adds_an_organization_that_ingests_and_reports() {
    let w = Workdir::new().with(&["areas.csv"]);
    w.write(
        "to-chuc.csv",
        "Mã tổ chức,Tên tổ chức,Tên khác,Tuổi từ,Tuổi đến\n\
         red_cross,Hội Chữ thập đỏ,CTĐ;Chữ thập đỏ;Red Cross,16,\n\
         elderly,Hội Người cao tuổi,NCT,60,\n",
    );
    w.write(
        "doi-tuong.csv",
        "area_code,org,year,eligible\n02647,Hội Chữ thập đỏ,2026,50\n02680,red_cross,2026,40\n",
    );
    w.write("chi-tieu.csv", "org,year,scope,target_pct\nCTĐ,2026,*,30\n");
    w.tally(&[
        "ingest",
        "to-chuc.csv",
        "areas.csv",
        "doi-tuong.csv",
        "chi-tieu.csv",
    ])
    .expect(0);
    // By an alias on the command line; a member of 11 is warned, as for the five.
    w.write(
        "ds.csv",
        "Họ và tên,Năm sinh,Mã xã\nA,1970,02647\nB,1971,02680\nC,2015,02680\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "ds.csv",
            "--org",
            "Chữ thập đỏ",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert!(
        run.stdout.contains("of the Hội Chữ thập đỏ roll"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("aged 11: Hội Chữ thập đỏ is for ages 16+"),
        "{}",
        run.stderr
    );
    // The default report covers it: 3 members of 90 eligible, 3.33% against 30%.
    let csv = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    assert!(
        csv.contains("2026-10,red_cross,total,all,3,3,0,0,90,3.33,0.00,30.00,-26.67,,,2026-10-31"),
        "{csv}"
    );
    // By its name, and in Vietnamese under its own name.
    let vi = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "Hội Chữ thập đỏ",
            "--lang",
            "vi",
        ])
        .expect(0)
        .stdout;
    assert!(vi.contains("Hội Chữ thập đỏ"), "{vi}");
    // Help in the store offers its organizations' codes after the five's.
    let help = w.tally(&["report", "--help"]).expect(0).stdout;
    assert!(
        help.contains(
            "[possible values: union, youth, women, farmers, veterans, red_cross, elderly, any]"
        ),
        "{help}"
    );
    let completions = w.tally(&["completions", "bash"]).expect(0).stdout;
    assert!(completions.contains("red_cross elderly"), "{completions}");
    let status = w.status_json();
    assert_eq!(status["reference"]["orgs"], 2);
    assert_eq!(status["snapshots"][0]["org"], "red_cross");
    // An organization that is not in the file is still refused, naming the ones it adds.
    let run = w
        .tally(&["report", "--period", "2026-10", "--org", "Mặt trận"])
        .expect(2);
    assert!(
        run.stderr
            .contains("or one the orgs file adds: red_cross, elderly"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_orgs_file_may_not_take_the_names_of_the_five() {
    let w = Workdir::new();
    w.write(
        "orgs.csv",
        "code,name,aliases\nred_cross,Hội Chữ thập đỏ,Hội Phụ nữ\nBad Code,Hội X,\nelderly,,\n",
    );
    let run = w.tally(&["ingest", "orgs.csv"]).expect(65);
    for said in [
        "\"Hội Phụ nữ\" names one of the five organizations tally knows",
        "not an organization code",
        "the organization has no name",
    ] {
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
    }
}
