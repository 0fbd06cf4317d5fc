//! The organization a roll names in its own words: its title ("DANH SÁCH ĐOÀN VIÊN",
//! "HỘI VIÊN HỘI LHPN XÃ …") and its joining-date header ("Ngày vào Đoàn"). A roll that
//! names one organization, stored as another's, is the youth file under the Women's
//! Union: refused like a roll whose rows fall outside the organization's group.

use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::org::Org;
use crate::rows::headers::{Field, Mapping};
use crate::text::fold;

/// Phrases (folded words) that name one of the five organizations in a roll's title or
/// joining-date header. "Hội viên" alone names none (four organizations have them).
const NAMES: &[(Org, &[&str])] = &[
    (Org::Youth, &["doan", "vien"]),
    (Org::Youth, &["doan", "thanh", "nien"]),
    (Org::Youth, &["doan", "tncs"]),
    (Org::Youth, &["chi", "doan"]),
    (Org::Youth, &["vao", "doan"]),
    (Org::Youth, &["ket", "nap", "doan"]),
    (Org::Women, &["phu", "nu"]),
    (Org::Women, &["lhpn"]),
    (Org::Women, &["hlhpn"]),
    (Org::Farmers, &["nong", "dan"]),
    (Org::Veterans, &["cuu", "chien", "binh"]),
    (Org::Veterans, &["ccb"]),
    (Org::Union, &["cong", "doan"]),
];

/// The organizations a line names.
fn named_in(line: &str) -> Vec<Org> {
    let folded = fold(line);
    let words: Vec<&str> = folded.split(' ').collect();
    let mut out = Vec::new();
    for at in 0..words.len() {
        for (org, phrase) in NAMES {
            // "Công đoàn viên" is the trade union's, not the Youth Union's.
            let union_word =
                *org == Org::Youth && phrase[0] == "doan" && at > 0 && words[at - 1] == "cong";
            if words[at..].starts_with(phrase) && !union_word && !out.contains(org) {
                out.push(org.clone());
            }
        }
    }
    out
}

/// The one organization the lines name, with the line that names it; none when they
/// name none or several.
pub(super) fn named_org<'a>(lines: impl Iterator<Item = &'a str>) -> Option<(Org, &'a str)> {
    let mut found: Option<(Org, &str)> = None;
    for line in lines {
        for org in named_in(line) {
            match found {
                None => found = Some((org, line)),
                Some((o, _)) if o != org => return None,
                Some(_) => {}
            }
        }
    }
    found
}

/// Refuses a roll whose own words (its title, its joining-date header) name another
/// organization than `org`, the one it is stored as (strict); with `--skip-invalid` it
/// is stored, and the returned note says so.
pub(crate) fn check(
    file: &str,
    org: Option<&Org>,
    (title, mapping): (&[String], &Mapping),
    skip_invalid: bool,
) -> anyhow::Result<Option<crate::lang::Text>> {
    let Some(org) = org else { return Ok(None) };
    let joined = mapping
        .index(Field::JoinedOn)
        .map(|i| mapping.headers[i].as_str());
    let named = named_org(title.iter().map(String::as_str).chain(joined));
    // A trade union's members are "đoàn viên" too.
    let youth_word = |o: &Org| *org == Org::Union && *o == Org::Youth;
    let Some((other, line)) = named.filter(|(o, _)| o != org && !youth_word(o)) else {
        return Ok(None);
    };
    let (other_name, name) = (other.text(), org.text());
    if skip_invalid {
        let said = crate::t!(msg::ROLL_NAMES_ORG_STORED, line, other_name, name);
        return Ok(Some(said));
    }
    let said = crate::t!(msg::ROLL_NAMES_ORG, file, line, other_name, name);
    Err(Failure::invalid(said)
        .hint(crate::t!(msg::ROLL_NAMES_ORG_HINT, other.flag()))
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organization_a_roll_names() {
        for (lines, want) in [
            (&["DANH SÁCH ĐOÀN VIÊN"][..], Some(Org::Youth)),
            (
                &["ĐOÀN TNCS HỒ CHÍ MINH", "DANH SÁCH ĐOÀN VIÊN"],
                Some(Org::Youth),
            ),
            (&["Ngày vào Đoàn"], Some(Org::Youth)),
            (
                &["DANH SÁCH HỘI VIÊN HỘI LHPN XÃ HỢP THÀNH"],
                Some(Org::Women),
            ),
            (&["DANH SÁCH HỘI VIÊN PHỤ NỮ"], Some(Org::Women)),
            (&["HỘI CỰU CHIẾN BINH"], Some(Org::Veterans)),
            (&["DANH SÁCH CÔNG ĐOÀN VIÊN"], Some(Org::Union)),
            (&["Ngày vào Công đoàn"], Some(Org::Union)),
            // None, or two: nothing said.
            (&["DANH SÁCH HỘI VIÊN"], None),
            (&["Ngày vào Hội"], None),
            (&["HỘI VIÊN PHỤ NỮ LÀ ĐOÀN VIÊN"], None),
            (&["DANH SÁCH HỘI VIÊN PHỤ NỮ", "Ngày vào Đoàn"], None),
        ] {
            let got = named_org(lines.iter().copied()).map(|(o, _)| o);
            assert_eq!(got, want, "{lines:?}");
        }
    }
}
