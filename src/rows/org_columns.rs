//! A counts table in the office's wide layout names each organization in a column
//! heading (`Hội Phụ nữ`, `Đoàn TNCS HCM`, or under a merged heading `Số đối tượng
//! (người)`): which organization a heading names, by any of its names or aliases.

use crate::text::fold;

/// Words around an organization's name in a counts table's column heading: `Số đối
/// tượng Hội Phụ nữ` (a merged heading over the organizations), `Đoàn TN (người)`.
const COUNT_HEADINGS: [&str; 5] = [
    "so doi tuong",
    "tong so doi tuong",
    "doi tuong",
    "so nguoi trong do tuoi",
    "so doi tuong tap hop",
];

/// The organization a column heading names, in a counts table of one column per
/// organization: any name or alias of the five or of those the orgs file adds, alone
/// or under a count heading; `any` for "in at least one". A total (`Tổng số`) is none.
pub fn org_column(header: &str, orgs: &crate::org::Orgs) -> Option<crate::org::OrgOrAny> {
    use crate::org::OrgOrAny;
    // "(người)", the unit of the counts, is not part of the name.
    let folded = fold(header);
    let words: Vec<&str> = folded.split(' ').filter(|w| *w != "nguoi").collect();
    let key = words.join(" ");
    let key = key.as_str();
    let bare = COUNT_HEADINGS
        .iter()
        .find_map(|h| key.strip_prefix(h)?.strip_prefix(' '))
        .unwrap_or(key);
    if bare == "any" {
        return Some(OrgOrAny::Any);
    }
    // An abbreviation with dots (`C.Đ`, `Hội N.D`) is read from the heading as written.
    orgs.parse(bare)
        .or_else(|| orgs.parse(header))
        .map(OrgOrAny::Org)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column per organization, by any of its names, alone or under a count
    /// heading; a total is none.
    #[test]
    fn organization_columns_of_a_counts_table() {
        use crate::org::{Org, OrgOrAny};
        let cases = [
            ("Hội Phụ nữ", Some(OrgOrAny::Org(Org::Women))),
            ("Đoàn TNCS HCM", Some(OrgOrAny::Org(Org::Youth))),
            (
                "Số đối tượng (người) Hội CCB",
                Some(OrgOrAny::Org(Org::Veterans)),
            ),
            ("Hội Nông dân (người)", Some(OrgOrAny::Org(Org::Farmers))),
            ("Hội ND", Some(OrgOrAny::Org(Org::Farmers))),
            ("C.Đ", Some(OrgOrAny::Org(Org::Union))),
            ("LHPN (người)", Some(OrgOrAny::Org(Org::Women))),
            ("any", Some(OrgOrAny::Any)),
            ("Tổng số", None),
            ("Tất cả", None),
            ("Tên xã", None),
        ];
        for (h, want) in cases {
            assert_eq!(org_column(h, &crate::org::Orgs::default()), want, "{h:?}");
        }
    }
}
