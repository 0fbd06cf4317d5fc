//! The headings of an enterprises file's columns that say whether each enterprise has
//! a grassroots organization of an organization (`Có CĐCS`, `Có chi đoàn`, `Ngày thành
//! lập CĐCS`): found with the headers, so that such a column is read, not ignored with
//! a warning; the reference reader reads its cells (`reference/read/grassroots.rs`).

use crate::org::{Org, Orgs};
use crate::text::fold;

/// Words before the organization in such a heading.
const LEADS: [&str; 8] = [
    "da co ",
    "co ",
    "ngay thanh lap ",
    "nam thanh lap ",
    "thoi gian thanh lap ",
    "da thanh lap ",
    "thanh lap ",
    "ngay lap ",
];

/// Grassroots organizations by the words offices use, folded.
const GRASSROOTS: [(&str, Org); 26] = [
    ("cdcs", Org::Union),
    ("cd cs", Org::Union),
    ("cong doan co so", Org::Union),
    ("cong doan", Org::Union),
    ("to chuc cong doan", Org::Union),
    ("to chuc cdcs", Org::Union),
    ("chi doan", Org::Youth),
    ("to chuc doan", Org::Youth),
    ("doan co so", Org::Youth),
    ("co so doan", Org::Youth),
    ("to chuc co so doan", Org::Youth),
    ("doan thanh nien", Org::Youth),
    ("to chuc doan thanh nien", Org::Youth),
    ("chi doan thanh nien", Org::Youth),
    ("doan", Org::Youth),
    ("chi hoi phu nu", Org::Women),
    ("to chuc hoi phu nu", Org::Women),
    ("hoi phu nu", Org::Women),
    ("chi hoi lhpn", Org::Women),
    ("chi hoi nong dan", Org::Farmers),
    ("to chuc hoi nong dan", Org::Farmers),
    ("hoi nong dan", Org::Farmers),
    ("chi hoi ccb", Org::Veterans),
    ("chi hoi cuu chien binh", Org::Veterans),
    ("to chuc hoi ccb", Org::Veterans),
    ("hoi cuu chien binh", Org::Veterans),
];

/// The organization whose grassroots organization a heading asks about.
pub fn grassroots_org(header: &str, orgs: &Orgs) -> Option<Org> {
    let key = fold(header);
    let rest = LEADS.iter().find_map(|l| key.strip_prefix(l))?;
    if let Some((_, org)) = GRASSROOTS.iter().find(|(w, _)| *w == rest) {
        return Some(org.clone());
    }
    // `Có tổ chức Hội CCB`, `Có chi hội Hội Chữ thập đỏ`: an organization's own name.
    let bare = ["to chuc ", "chi hoi ", "chi "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    orgs.parse(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_say_whether_there_is_one() {
        let orgs = Orgs::default();
        for (h, want) in [
            ("Có CĐCS", Some(Org::Union)),
            ("CÓ CĐCS", Some(Org::Union)),
            ("Co cdcs", Some(Org::Union)),
            ("Đã có Công đoàn cơ sở", Some(Org::Union)),
            ("Ngày thành lập CĐCS", Some(Org::Union)),
            ("Có chi đoàn", Some(Org::Youth)),
            ("Có tổ chức Đoàn", Some(Org::Youth)),
            ("Năm thành lập chi đoàn", Some(Org::Youth)),
            ("Có chi hội phụ nữ", Some(Org::Women)),
            ("Có tổ chức Hội CCB", Some(Org::Veterans)),
            ("CĐCS", None),
            ("Công đoàn", None),
            ("Số lao động", None),
            ("Có vốn nước ngoài", None),
        ] {
            assert_eq!(grassroots_org(h, &orgs), want, "{h:?}");
        }
    }
}
