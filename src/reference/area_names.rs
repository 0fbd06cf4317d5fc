//! A unit found by its name as rolls and counts tables write it: with its type, a
//! district qualifier read against the areas, and what each kind of miss was.

use super::unit_name::UnitName;
use super::{Area, Areas};
use crate::text::Lookup;

/// What a unit name in a roll resolved to.
#[derive(Debug, Clone, PartialEq)]
pub enum NameMatch<'a> {
    Found(&'a Area),
    Ambiguous(Vec<&'a Area>),
    /// No unit of that name and type; these units have the name with another type.
    OtherType(Vec<&'a Area>),
    /// The name is qualified by a district (`huyện Bảo Yên`), a unit of before the
    /// 2025 reform that the areas do not have.
    District(String),
    Missing,
}

impl Areas {
    /// Resolves a unit name with its type: `Xã Trung Tâm` is never `Phường Trung Tâm`.
    /// A name without a type matches a unit of any type; a typed name matches units of
    /// its type, else units whose name has no type. A district qualifier (`, huyện Bảo
    /// Yên`) must be an ancestor in the areas.
    pub fn resolve_name(&self, raw: &str) -> NameMatch<'_> {
        let q = UnitName::parse(raw);
        let hits: Vec<usize> = match self.names.lookup(&q.bare) {
            Lookup::Found(i) => vec![i],
            Lookup::Ambiguous(v) => v,
            Lookup::Missing => Vec::new(),
        };
        let mut same: Vec<usize> = match q.kind {
            None => hits.clone(),
            Some(k) => {
                let exact: Vec<usize> = hits
                    .iter()
                    .copied()
                    .filter(|&i| self.kinds[i] == Some(k))
                    .collect();
                if exact.is_empty() {
                    hits.iter()
                        .copied()
                        .filter(|&i| self.kinds[i].is_none() && self.may_be(i, k))
                        .collect()
                } else {
                    exact
                }
            }
        };
        if let Some(d) = q.district() {
            let key = crate::text::fold(&d.bare);
            // A district is never the province: `Phường Nam Cường, TP Lào Cai` (the
            // city of before the reform) is not in the province Lào Cai's ward of that
            // name, which was Yên Bái's.
            let within = |i: &usize| {
                self.lineage(&self.units[*i].code)
                    .iter()
                    .skip(1)
                    .filter(|a| a.level != "province")
                    .any(|a| crate::text::fold(&UnitName::parse(&a.name).bare) == key)
            };
            if !same.iter().any(within) {
                return NameMatch::District(d.display());
            }
            same.retain(within);
        }
        match same.as_slice() {
            [one] => NameMatch::Found(&self.units[*one]),
            [] if hits.is_empty() => NameMatch::Missing,
            [] => NameMatch::OtherType(hits.iter().map(|&i| &self.units[i]).collect()),
            many => NameMatch::Ambiguous(many.iter().map(|&i| &self.units[i]).collect()),
        }
    }

    /// Whether unit `i`, whose name in the areas has no type, may be a unit of type
    /// `kind`: a unit at the top (the province, named `Lào Cai`) is a `tỉnh`, or a
    /// `thành phố` where it is a city run by the centre; `Thành phố Lào Cai`, the city
    /// of before the 2025 reform, is no name of the province. Units below take any.
    fn may_be(&self, i: usize, kind: &str) -> bool {
        let u = &self.units[i];
        let top = (u.parent_code.as_deref()).is_none_or(|p| self.get(p).is_none());
        if !top || u.level != "province" {
            return true;
        }
        /// The codes of the cities run by the centre, since 1 July 2025.
        const CITIES: [&str; 6] = ["01", "31", "46", "48", "79", "92"];
        match kind {
            "tỉnh" => !CITIES.contains(&u.code.as_str()),
            "thành phố" => CITIES.contains(&u.code.as_str()),
            _ => false,
        }
    }

    /// [`Areas::resolve_name`] with a district qualifier set aside (`Xã Mường Chà -
    /// huyện Mường Chà` → `Xã Mường Chà`): for areas without districts (there are none
    /// since the 2025 reform), once the old communes of the crosswalk have not claimed
    /// the name.
    pub fn resolve_name_without_district(&self, raw: &str) -> NameMatch<'_> {
        let q = UnitName::parse(raw);
        match q.district() {
            Some(_) => self.resolve_name(&q.display()),
            None => self.resolve_name(raw),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A province named without its type is a `tỉnh`, or a `thành phố` run by the
    /// centre: `Thành phố Lào Cai` (the city of before the 2025 reform) is not the
    /// province, where it was read as the province's count; `Tỉnh Lào Cai` is, and so is
    /// `Thành phố Hải Phòng`. A commune named without its type takes any type.
    #[test]
    fn a_typed_name_finds_a_province_only_of_its_type() {
        let unit = |code: &str, name: &str, parent: Option<&str>| Area {
            code: code.into(),
            name: name.into(),
            level: if parent.is_some() {
                "commune"
            } else {
                "province"
            }
            .into(),
            parent_code: parent.map(str::to_string),
            ethnic_minority: false,
            ethnic_region: None,
            religious: false,
            rural: false,
            extra: Vec::new(),
        };
        let found = |areas: &Areas, raw: &str| match areas.resolve_name(raw) {
            NameMatch::Found(a) => Some(a.code.clone()),
            _ => None,
        };
        let lao_cai = Areas::new(
            vec![
                unit("15", "Lào Cai", None),
                unit("02680", "Hợp Thành", Some("15")),
            ],
            Vec::new(),
        );
        assert_eq!(found(&lao_cai, "Thành phố Lào Cai"), None);
        assert_eq!(found(&lao_cai, "TP. Lào Cai"), None);
        assert_eq!(found(&lao_cai, "Tỉnh Lào Cai").as_deref(), Some("15"));
        assert_eq!(found(&lao_cai, "Lào Cai").as_deref(), Some("15"));
        assert_eq!(found(&lao_cai, "Xã Hợp Thành").as_deref(), Some("02680"));
        let hai_phong = Areas::new(vec![unit("31", "Hải Phòng", None)], Vec::new());
        assert_eq!(
            found(&hai_phong, "Thành phố Hải Phòng").as_deref(),
            Some("31")
        );
        assert_eq!(found(&hai_phong, "Tỉnh Hải Phòng"), None);
        // Found by review: areas of communes alone, none with a parent, are no
        // provinces: their typed names are found.
        let mut tan_moi = unit("90003", "Tân Mới", None);
        tan_moi.level = "commune".into();
        let communes = Areas::new(vec![tan_moi], Vec::new());
        assert_eq!(found(&communes, "Xã Tân Mới").as_deref(), Some("90003"));
        // Found by review: `TP Lào Cai` after a ward's name is the city of before the
        // reform, a district, never the province whose ward of that name was Yên
        // Bái's: the name is not today's (it is read among the old communes).
        let lao_cai = Areas::new(
            vec![
                unit("15", "Lào Cai", None),
                unit("04273", "Phường Nam Cường", Some("15")),
            ],
            Vec::new(),
        );
        for raw in [
            "Phường Nam Cường, TP Lào Cai",
            "Phường Nam Cường (thành phố Lào Cai)",
        ] {
            assert!(
                matches!(lao_cai.resolve_name(raw), NameMatch::District(_)),
                "{raw}"
            );
        }
        assert_eq!(
            found(&lao_cai, "Phường Nam Cường, tỉnh Lào Cai").as_deref(),
            Some("04273")
        );
        assert_eq!(
            found(&lao_cai, "Phường Nam Cường").as_deref(),
            Some("04273")
        );
    }
}
