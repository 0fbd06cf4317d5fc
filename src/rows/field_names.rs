//! A column as a message names it: in English its own name (`full_name`), in
//! Vietnamese a heading an office writes (`Họ và tên`) that tally reads as that column.

use super::headers::{aliases, Field};
use crate::kind::Kind;
use crate::lang::{fields as msg, Msg, Text};

/// The column `field` of a file of `kind`, named for a person.
pub fn said(kind: Kind, field: Field) -> Text {
    Text::Msg(message(kind, field), Vec::new())
}

/// One column or the other (a roll needs a name or a national ID).
pub fn either(kind: Kind, a: Field, b: Field) -> Text {
    crate::t!(msg::EITHER, said(kind, a), said(kind, b))
}

/// Every column of a file of `kind`, in the order messages list them.
pub fn all(kind: Kind) -> Text {
    Text::Join(
        aliases(kind).iter().map(|(f, _)| said(kind, *f)).collect(),
        ", ",
    )
}

fn message(kind: Kind, field: Field) -> &'static Msg {
    match (field, kind) {
        (Field::Code, Kind::Enterprises) => &msg::ENTERPRISE_CODE,
        (Field::Name, Kind::Enterprises) => &msg::ENTERPRISE_NAME,
        (Field::Code, Kind::Orgs) => &msg::ORG_CODE,
        (Field::Name, Kind::Orgs) => &msg::ORG_NAME,
        (Field::Code, _) => &msg::UNIT_CODE,
        (Field::Name, _) => &msg::UNIT_NAME,
        (Field::MemberId, _) => &msg::MEMBER_ID,
        (Field::NationalId, _) => &msg::NATIONAL_ID,
        (Field::FullName, _) => &msg::FULL_NAME,
        (Field::Sex, _) => &msg::SEX,
        (Field::BirthDate, _) => &msg::BIRTH_DATE,
        (Field::Ethnicity, _) => &msg::ETHNICITY,
        (Field::Religion, _) => &msg::RELIGION,
        (Field::AreaCode, _) => &msg::AREA_CODE,
        (Field::AreaName, _) => &msg::AREA_NAME,
        (Field::EnterpriseId, _) => &msg::ENTERPRISE_ID,
        (Field::JoinedOn, _) => &msg::JOINED_ON,
        (Field::LeftOn, _) => &msg::LEFT_ON,
        (Field::Status, _) => &msg::STATUS,
        (Field::Org, _) => &msg::ORG,
        (Field::AsOf, _) => &msg::AS_OF,
        (Field::Level, _) => &msg::LEVEL,
        (Field::ParentCode, _) => &msg::PARENT_CODE,
        (Field::EthnicMinority, _) => &msg::ETHNIC_MINORITY,
        (Field::Religious, _) => &msg::RELIGIOUS,
        (Field::Rural, _) => &msg::RURAL,
        (Field::Ownership, _) => &msg::OWNERSHIP,
        (Field::Workers, _) => &msg::WORKERS,
        (Field::Year, _) => &msg::YEAR,
        (Field::Eligible, _) => &msg::ELIGIBLE,
        (Field::Dimension, _) => &msg::DIMENSION,
        (Field::Group, _) => &msg::GROUP,
        (Field::Scope, _) => &msg::SCOPE,
        (Field::TargetPct, _) => &msg::TARGET_PCT,
        (Field::OldCode, _) => &msg::OLD_CODE,
        (Field::NewCode, _) => &msg::NEW_CODE,
        (Field::Share, _) => &msg::SHARE,
        (Field::Aliases, _) => &msg::ALIASES,
        (Field::MinAge, _) => &msg::MIN_AGE,
        (Field::MaxAge, _) => &msg::MAX_AGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rows::headers::Mapping;

    /// Each column's name in either language is one tally reads as that column, for
    /// every kind of file that has it: a message asking for it can be followed as said.
    #[test]
    fn every_name_a_message_gives_is_read_as_its_column() {
        let orgs = crate::org::Orgs::default();
        for kind in Kind::ALL {
            for (field, _) in aliases(kind) {
                for lang in [Lang::En, Lang::Vi] {
                    let name = said(kind, *field).render(lang);
                    let m = Mapping::build(kind, std::slice::from_ref(&name), &orgs);
                    assert_eq!(m.columns[0], Some(*field), "{kind:?}: {name}");
                }
            }
        }
        assert_eq!(
            either(Kind::Roll, Field::FullName, Field::NationalId).render(Lang::Vi),
            "Họ và tên hoặc Số CCCD"
        );
    }
}
