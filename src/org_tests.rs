//! Tests of `org.rs`: the names of the five, and those a store's orgs file adds.

use super::*;

#[test]
fn names_and_abbreviations() {
    let cases = [
        ("union", Some(Org::Union)),
        ("Công đoàn", Some(Org::Union)),
        ("CĐ", Some(Org::Union)),
        ("Đoàn TN", Some(Org::Youth)),
        ("ĐTN", Some(Org::Youth)),
        ("HLHPN", Some(Org::Women)),
        ("Hội Phụ nữ", Some(Org::Women)),
        ("HND", Some(Org::Farmers)),
        ("Hội Nông dân Việt Nam", Some(Org::Farmers)),
        ("HCCB", Some(Org::Veterans)),
        // The short names offices head their counts tables with.
        ("Hội ND", Some(Org::Farmers)),
        ("Hội N.D", Some(Org::Farmers)),
        ("C.Đ", Some(Org::Union)),
        ("LHPN", Some(Org::Women)),
        ("Hội LHPN", Some(Org::Women)),
        ("Hội PN", Some(Org::Women)),
        ("Thanh niên", Some(Org::Youth)),
        ("Đoàn TN", Some(Org::Youth)),
        ("CĐ", Some(Org::Union)),
        ("Công đoàn", Some(Org::Union)),
        ("CCB", Some(Org::Veterans)),
        ("Hội CCB", Some(Org::Veterans)),
        ("  VETERANS ", Some(Org::Veterans)),
        ("Mặt trận", None),
        ("", None),
    ];
    let orgs = Orgs::default();
    for (raw, want) in cases {
        assert_eq!(orgs.parse(raw), want, "{raw:?}");
    }
    assert_eq!(orgs.parse_or_any("any"), Some(OrgOrAny::Any));
    assert_eq!(orgs.parse_or_any("hnd"), Some(OrgOrAny::Org(Org::Farmers)));
}

fn def(code: &str, name: &str, aliases: &[&str]) -> OrgDef {
    OrgDef {
        code: code.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        min_age: None,
        max_age: None,
    }
}

/// The names a store's orgs file adds are read by that store's `Orgs` only.
#[test]
fn an_orgs_file_adds_names_to_its_store_only() {
    let orgs = Orgs::new(&[
        def("red_cross", "Hội Chữ thập đỏ", &["CTĐ", "Red Cross"]),
        def("elderly", "Hội Người cao tuổi", &["NCT"]),
    ]);
    let cases = [
        ("red_cross", Some(("red_cross", 5))),
        ("Hội Chữ thập đỏ", Some(("red_cross", 5))),
        ("ctđ", Some(("red_cross", 5))),
        ("RED CROSS", Some(("red_cross", 5))),
        ("NCT", Some(("elderly", 6))),
        ("Hội Phụ nữ", Some(("women", 2))),
        ("Mặt trận", None),
    ];
    for (raw, want) in cases {
        let got = orgs.parse(raw);
        let got = got.as_ref().map(|o| (o.code(), o.index()));
        assert_eq!(got, want, "{raw:?}");
    }
    assert_eq!(Orgs::default().parse("red_cross"), None);
    let codes: Vec<String> = orgs.all().iter().map(|o| o.to_string()).collect();
    assert_eq!(
        codes,
        [
            "union",
            "youth",
            "women",
            "farmers",
            "veterans",
            "red_cross",
            "elderly"
        ]
    );
    let expected = orgs.expected();
    assert!(expected
        .render(crate::lang::Lang::En)
        .ends_with("; or one the orgs file adds: red_cross, elderly"));
    // The Vietnamese reader is given the organizations as a Vietnamese office writes them.
    let vi = expected.render(crate::lang::Lang::Vi);
    assert!(vi.starts_with("CĐ, ĐTN, HLHPN, HND hoặc HCCB"), "{vi}");
    assert!(vi.ends_with("thêm vào: red_cross, elderly"), "{vi}");
    assert!(orgs
        .names()
        .ends_with(", Hội Chữ thập đỏ, Hội Người cao tuổi"));
    assert_eq!(
        orgs.parse_or_any("tất cả"),
        Some(OrgOrAny::Any),
        "any is no organization's name"
    );
    // Ordered and equal by place, as the rows of a report are.
    let red = orgs.parse("CTĐ");
    assert!(Some(Org::Veterans) < red && red < orgs.parse("NCT"));
    assert_eq!(
        Orgs::new(&[def("x", "X", &[])]).parse("x"),
        Orgs::new(&[def("y", "Y", &["x"])]).parse("x")
    );
}

/// The option a hint shows for each organization, in either language, is taken back
/// as that organization.
#[test]
fn a_hints_org_parses_back() {
    use crate::report::labels::Lang;
    let orgs = Orgs::new(&[]);
    for org in [
        Org::Union,
        Org::Youth,
        Org::Women,
        Org::Farmers,
        Org::Veterans,
    ] {
        for lang in [Lang::En, Lang::Vi] {
            let flag = org.flag().render(lang);
            assert_eq!(orgs.parse(&flag), Some(org.clone()), "{flag}");
        }
    }
}
