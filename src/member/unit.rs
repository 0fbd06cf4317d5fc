//! The member's unit: its code (today's, or one of before the 2025 reform read through
//! the crosswalk), else its name with its type, else its enterprise's unit.

use super::{Cells, Field, NameHit, NameMatch, Problem};
use crate::lang::ingest as msg;
use crate::lang::{rows, Text};
use crate::reference::crosswalk::Codes;
use crate::reference::crosswalk::{self, OldUnit};
use crate::reference::normalize_tax_code;
use crate::t;
use crate::value;
use compact_str::CompactString;

/// The member's unit: its code, else its name, else its enterprise's unit.
pub(super) fn resolve_area(c: &Cells) -> Result<CompactString, Problem> {
    if let Some(unit) = c.ctx.unit {
        return Ok(unit.code.clone());
    }
    let areas = &c.ctx.reference.areas;
    let code = crate::text::trim(c.raw(Field::AreaCode));
    if !code.is_empty() {
        if areas.is_empty() {
            return Ok(CompactString::from(code));
        }
        if value::is_scientific(code) {
            return Err(c
                .problem(Field::AreaCode, t!(rows::EXCEL_WROTE_CODE_SCIENTIFIC))
                .hint(t!(rows::FORMAT_CODE_COLUMN_TEXT)));
        }
        let today = (c.ctx.codes != Codes::Old)
            .then(|| areas.resolve_code(code))
            .flatten();
        if let Some(a) = today {
            c.padded.set(a.code != code);
            return agrees_with_name(c, CompactString::from(a.code.as_str()));
        }
        let old = (c.ctx.codes != Codes::New)
            .then(|| crosswalk::builtin().by_code(code))
            .flatten();
        return match old {
            Some(u) => through(c, Field::AreaCode, u).and_then(|new| agrees_with_name(c, new)),
            None => Err(c
                .problem(Field::AreaCode, t!(rows::AREA_CODE_UNKNOWN))
                .hint(t!(rows::CORRECT_CODE_INGEST_AREAS))),
        };
    }
    let raw_name = c.raw(Field::AreaName);
    if !crate::text::trim(raw_name).is_empty() {
        return area_by_name(c, raw_name);
    }
    area_by_enterprise(c)
}

/// The unit of the row's code, when the row's commune name (if it has one) can be
/// that unit: today's name in any of its forms (`Xã Mường Chà`, `X. Mường Chà`,
/// `Mường Chà`), or the name of a commune of before the 2025 reform that became it. A
/// name of another unit, or of none, rejects the row: one of the two cells is wrong,
/// and tally does not guess which.
fn agrees_with_name(c: &Cells, code: CompactString) -> Result<CompactString, Problem> {
    let raw_name = c.raw(Field::AreaName);
    if crate::text::trim(raw_name).is_empty() {
        return Ok(code);
    }
    let areas = &c.ctx.reference.areas;
    let units = c.ctx.lookups.name_units.get_or(raw_name, || {
        let mut units: Vec<CompactString> = match areas.resolve_name_without_district(raw_name) {
            NameMatch::Found(a) => vec![a.code.as_str().into()],
            NameMatch::Ambiguous(v) | NameMatch::OtherType(v) => {
                v.iter().map(|a| a.code.as_str().into()).collect()
            }
            NameMatch::District(_) | NameMatch::Missing => Vec::new(),
        };
        for old in crosswalk::builtin().by_name(raw_name, |_| true) {
            units.extend(old.new.iter().map(|(n, _)| CompactString::from(n.as_str())));
        }
        units.into()
    });
    if units.contains(&code) {
        return Ok(code);
    }
    let header = |f: Field| c.header(f).unwrap_or_default();
    let named = |code: &str| areas.get(code).map_or("?".to_string(), |a| a.name.clone());
    let other = match units.first() {
        Some(other) => crate::t!(msg::UNIT_AND_CODE, named(other), other.as_str()),
        None => crate::t!(msg::NO_UNIT_OF_THE_AREAS),
    };
    let said = crate::t!(
        msg::CODE_AND_NAME_DISAGREE,
        header(Field::AreaCode),
        crate::text::trim(c.raw(Field::AreaCode)),
        named(&code),
        code.as_str(),
        other
    );
    Err(c
        .problem(Field::AreaName, said)
        .hint(crate::t!(msg::CODE_AND_NAME_DISAGREE_HINT)))
}

/// A pre-reform commune read as the commune of today it became (and remembered, for
/// the summary), or the row rejected: split between several, or gone to a commune the
/// areas do not have.
fn through(c: &Cells, f: Field, u: &'static OldUnit) -> Result<CompactString, Problem> {
    // The province's mapping file decides first: one commune of today for the old one.
    match c.ctx.reference.mapping.get(&u.code) {
        Some([one]) => {
            c.mapped.set(Some(u));
            return Ok(CompactString::from(one.code.as_str()));
        }
        Some(several) => {
            return Err(c
                .problem(
                    f,
                    t!(
                        rows::SPLIT_BY_MAPPING,
                        u.label(),
                        crate::reference::mapping::Mapping::describe(several)
                    ),
                )
                .hint(t!(rows::MEMBER_BELONGS_ONE_COMMUNE)))
        }
        None => {}
    }
    match u.today_in(&c.ctx.reference.areas) {
        Ok(new) => {
            c.mapped.set(Some(u));
            Ok(CompactString::from(new))
        }
        Err(why) if u.split => Err(c.problem(f, why).hint(t!(rows::OLD_COMMUNE_SPLIT_HINT))),
        Err(why) => Err(c.problem(f, why).hint(t!(rows::INGEST_AREAS_FILE_TODAY))),
    }
}

/// The unit named in the row (names are looked up once per distinct cell).
fn area_by_name(c: &Cells, raw_name: &str) -> Result<CompactString, Problem> {
    let areas = &c.ctx.reference.areas;
    if areas.is_empty() {
        return Err(c
            .problem(Field::AreaName, t!(rows::AREA_NAME_CANNOT_RESOLVED))
            .hint(t!(rows::INGEST_AREAS_FILE_FIRST)));
    }
    let hit = name_hit(c, raw_name);
    let loose = matches!(hit, NameHit::Loose(_));
    let old_reading = c.ctx.codes == Codes::Old
        || loose
        || matches!(
            hit,
            NameHit::OtherType(_) | NameHit::District(_) | NameHit::Missing
        );
    if old_reading && c.ctx.codes != Codes::New {
        // Read as old by `--codes old`, any old commune of the name; read so for a name
        // today's unit has only without its diacritics, an old one of it as written.
        let exact = loose && c.ctx.codes != Codes::Old;
        if let Some(read) = old_commune_by_name(c, raw_name, exact) {
            return read;
        }
    }
    hit_code(c, hit, raw_name)
}

/// What today's areas say of a name, looked up once per name and parsing thread.
fn name_hit(c: &Cells, raw_name: &str) -> NameHit {
    let areas = &c.ctx.reference.areas;
    let list = |units: &[&crate::reference::Area]| {
        units
            .iter()
            .map(|a| format!("{} ({})", a.name, a.code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    c.ctx
        .lookups
        .area_names
        .get_or(raw_name, || match areas.resolve_name(raw_name) {
            NameMatch::Found(a) if !as_written(&a.name, raw_name) => {
                NameHit::Loose(CompactString::from(a.code.as_str()))
            }
            NameMatch::Found(a) => NameHit::Found(CompactString::from(a.code.as_str())),
            NameMatch::Ambiguous(cands) => NameHit::Ambiguous(list(&cands)),
            NameMatch::OtherType(cands) => NameHit::OtherType(list(&cands)),
            NameMatch::District(d) => NameHit::District(d),
            NameMatch::Missing => NameHit::Missing,
        })
}

/// Whether a cell names a unit as written, diacritics and all (case, Unicode form and
/// where the tone mark sits aside): `Phường Sa Pả` is not `Phường Sa Pa` as written,
/// `Phuong Sa Pa` and `Xã Xuân Hoà` are `Phường Sa Pa` and `Xã Xuân Hòa`.
fn as_written(name: &str, raw_name: &str) -> bool {
    let bare =
        |s: &str| crate::text::name_key(&crate::reference::unit_name::UnitName::parse(s).bare);
    bare(name) == bare(raw_name)
}

/// A name of a commune of before the 2025 reform, read through the crosswalk to
/// today's (of the communes the areas hold); `None` when no old commune has it (with
/// `exact`, as written).
fn old_commune_by_name(
    c: &Cells,
    raw_name: &str,
    exact: bool,
) -> Option<Result<CompactString, Problem>> {
    let areas = &c.ctx.reference.areas;
    let held = |u: &OldUnit| {
        u.new.iter().any(|(n, _)| areas.get(n).is_some())
            && (!exact || as_written(&u.name, raw_name))
    };
    match crosswalk::builtin().by_name(raw_name, held).as_slice() {
        [one] => Some(through(c, Field::AreaName, one)),
        [] => None,
        many => Some(Err(c
            .problem(
                Field::AreaName,
                t!(
                    rows::SEVERAL_OLD_COMMUNES,
                    Text::Join(
                        many.iter()
                            .map(|u| t!(rows::OLD_COMMUNE_NOW, u.label(), u.candidates()))
                            .collect(),
                        "; "
                    )
                ),
            )
            .hint(t!(rows::USE_AREA_CODE_COLUMN)))),
    }
}

/// The code today's areas give a name, or the problem that says why there is none.
fn hit_code(c: &Cells, hit: NameHit, raw_name: &str) -> Result<CompactString, Problem> {
    match hit {
        NameHit::Found(code) | NameHit::Loose(code) => Ok(code),
        NameHit::Ambiguous(list) => Err(c
            .problem(Field::AreaName, t!(rows::NAME_MATCHES_SEVERAL, list))
            .hint(t!(rows::USE_AREA_CODE_COLUMN))),
        NameHit::OtherType(list) => Err(c
            .problem(Field::AreaName, t!(rows::OTHER_TYPE, list))
            .hint(t!(rows::NAME_TYPE_HINT))),
        NameHit::District(d) => match c
            .ctx
            .reference
            .areas
            .resolve_name_without_district(raw_name)
        {
            NameMatch::Found(a) => Ok(CompactString::from(a.code.as_str())),
            _ => Err(c
                .problem(Field::AreaName, t!(rows::NAMED_DISTRICT, d))
                .hint(t!(rows::USE_TODAY_S_COMMUNE))),
        },
        NameHit::Missing => Err(c
            .problem(Field::AreaName, t!(rows::NO_UNIT_OF_THAT_NAME))
            .hint(t!(rows::CHECK_SPELLING_USE_AREA))),
    }
}

/// The unit of the row's enterprise, when the row names no unit.
fn area_by_enterprise(c: &Cells) -> Result<CompactString, Problem> {
    let ent = normalize_tax_code(c.raw(Field::EnterpriseId));
    if !ent.is_empty() {
        return match c.ctx.reference.enterprises.unit_of(&ent) {
            Some(Some(a)) => Ok(a.clone()),
            Some(None) => Err(c
                .problem(Field::EnterpriseId, t!(rows::ENTERPRISE_WITHOUT_AREA))
                .hint(t!(rows::ADD_AREA_CODE))),
            None => Err(c
                .problem(
                    Field::EnterpriseId,
                    t!(rows::ROW_WITHOUT_AREA_OR_ENTERPRISE),
                )
                .hint(t!(rows::ADD_AREA_CODE_OR_ENTERPRISE))),
        };
    }
    let field = [Field::AreaCode, Field::AreaName, Field::EnterpriseId]
        .into_iter()
        .find(|f| c.ctx.mapping.has(*f))
        .unwrap_or(Field::AreaCode);
    Err(c
        .problem(field, t!(rows::NO_AREA_GIVEN))
        .hint(t!(rows::FILL_MEMBER_S_COMMUNE)))
}
