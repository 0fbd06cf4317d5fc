//! Headings, labels and number formats in English and Vietnamese.

use crate::metrics::pct;
use crate::org::{Org, OrgOrAny};

use crate::lang::report::*;
pub use crate::lang::Lang;

impl Lang {
    /// A period as a reader writes it: `2026-10` in English; `Tháng 10/2026`,
    /// `Quý IV/2026`, `6 tháng đầu năm 2026`, `Năm 2026` in Vietnamese; a date
    /// (`--as-of`) as 31/10/2026.
    pub fn period(self, label: &str) -> String {
        if let Ok(d) = label.parse::<chrono::NaiveDate>() {
            return d.format("%d/%m/%Y").to_string();
        }
        if self == Lang::En {
            return label.to_string();
        }
        match label.split_once('-') {
            None => format!("Năm {label}"),
            Some((y, q)) if q.starts_with('Q') => {
                let roman = ["I", "II", "III", "IV"];
                let n: usize = q[1..].parse().unwrap_or(1);
                format!("Quý {}/{y}", roman.get(n.wrapping_sub(1)).unwrap_or(&"?"))
            }
            Some((y, "H1")) => format!("6 tháng đầu năm {y}"),
            Some((y, "H2")) => format!("6 tháng cuối năm {y}"),
            Some((y, m)) => format!("Tháng {}/{y}", m.trim_start_matches('0')),
        }
    }

    /// A date as a reader writes it: 31/10/2026 in Vietnamese, ISO in English.
    pub fn date(self, iso: &str) -> String {
        match (self, iso.parse::<chrono::NaiveDate>()) {
            (Lang::Vi, Ok(d)) => d.format("%d/%m/%Y").to_string(),
            _ => iso.to_string(),
        }
    }

    pub fn org(self, o: &OrgOrAny) -> &str {
        match (self, o) {
            (_, OrgOrAny::Org(o)) => self.org_name(o),
            (Lang::En, OrgOrAny::Any) => "Any organization",
            (Lang::Vi, OrgOrAny::Any) => "Ít nhất một tổ chức",
        }
    }

    /// An organization's name; one the orgs file adds by its name as the file gives it.
    pub fn org_name(self, o: &Org) -> &str {
        match (self, o) {
            (Lang::En, o) => o.english(),
            (Lang::Vi, Org::Union) => "Công đoàn",
            (Lang::Vi, Org::Youth) => "Đoàn Thanh niên",
            (Lang::Vi, Org::Women) => "Hội Liên hiệp Phụ nữ",
            (Lang::Vi, Org::Farmers) => "Hội Nông dân",
            (Lang::Vi, Org::Veterans) => "Hội Cựu chiến binh",
            (Lang::Vi, Org::Added(_)) => o.english(),
        }
    }

    pub fn dimension(self, d: &str) -> String {
        // A crossing (`ethnic_minority,sex`) is its parts, each as it reads alone.
        if d.contains(crate::metrics::dimension::JOIN) {
            let parts: Vec<String> = d
                .split(crate::metrics::dimension::JOIN)
                .map(|p| self.dimension(p))
                .collect();
            return parts.join(" × ");
        }
        if d == "reason" {
            return crate::lang::departures::DIM_REASON.text(self).to_string();
        }
        let vi = match d {
            "total" => "Toàn bộ",
            "ethnic_minority" => "Vùng dân tộc thiểu số",
            "religious" => "Vùng tôn giáo",
            "rural" => "Nông thôn",
            "ownership" => "Loại hình doanh nghiệp",
            "ethnicity" => "Dân tộc",
            "religion" => "Tôn giáo",
            "sex" => "Giới tính",
            "age_band" => "Nhóm tuổi",
            "province" => "Tỉnh",
            "district" => "Huyện",
            "commune" => "Xã, phường",
            other => other,
        };
        let en = match d {
            "total" => "Total",
            "ethnic_minority" => "Ethnic-minority areas",
            "religious" => "Religious areas",
            "rural" => "Rural areas",
            "ownership" => "Enterprise ownership",
            "ethnicity" => "Ethnicity",
            "religion" => "Religion",
            "sex" => "Sex",
            "age_band" => "Age band",
            other => other,
        };
        match self {
            Lang::En => en.to_string(),
            Lang::Vi => vi.to_string(),
        }
    }

    /// [`Lang::dimension`] of a breakdown itself: an areas file's own column under
    /// the heading the file gave it.
    pub fn dimension_of(self, d: &crate::metrics::dimension::Dimension) -> String {
        use crate::metrics::dimension::Dimension;
        match d {
            Dimension::AreaColumn(_, heading) => heading.clone(),
            Dimension::Crossed(c) => {
                let parts: Vec<String> = c.parts.iter().map(|p| self.dimension_of(p)).collect();
                parts.join(" × ")
            }
            d => self.dimension(d.as_str()),
        }
    }

    pub fn group(self, key: &str, name: &str) -> String {
        use crate::metrics::dimension::{JOIN, NAME_JOIN};
        let keys: Vec<&str> = key.split(JOIN).collect();
        let names: Vec<&str> = name.split(NAME_JOIN).collect();
        if keys.len() > 1 && keys.len() == names.len() {
            let parts: Vec<String> = keys
                .iter()
                .zip(&names)
                .map(|(k, n)| self.group(k, n))
                .collect();
            return parts.join(NAME_JOIN);
        }
        if let Some(m) = crate::lang::departures::reason_label(key) {
            return m.text(self).to_string();
        }
        let vi = match key {
            "all" => Some("Tất cả"),
            "yes" => Some("Có"),
            "no" => Some("Không"),
            "state" => Some("Nhà nước"),
            "non_state" => Some("Ngoài nhà nước"),
            "fdi" => Some("FDI"),
            "kinh" => Some("Kinh"),
            "minority" => Some("Dân tộc thiểu số"),
            "none" => Some("Không tôn giáo"),
            "religious" => Some("Có tôn giáo"),
            "male" => Some("Nam"),
            "female" => Some("Nữ"),
            "unknown" => Some("Không rõ"),
            "under_16" => Some("Dưới 16"),
            _ => None,
        };
        let en = match key {
            "non_state" => Some("non-state"),
            "fdi" => Some("FDI"),
            "under_16" => Some("under 16"),
            _ => None,
        };
        match self {
            Lang::Vi => vi.map(str::to_string).unwrap_or_else(|| name.to_string()),
            Lang::En => en.map(str::to_string).unwrap_or_else(|| name.to_string()),
        }
    }

    /// Column headings of the tidy table, in its column order.
    pub fn column(self, key: &str) -> &'static str {
        let msg = match key {
            "period" => &COL_PERIOD,
            "org" => &COL_ORG,
            "dimension" => &COL_DIMENSION,
            "group" => &COL_GROUP,
            "members" => &COL_MEMBERS,
            "members_start" => &COL_MEMBERS_START,
            "recruited" => &COL_RECRUITED,
            "left" => &COL_LEFT,
            "eligible" => &COL_ELIGIBLE,
            "coverage_pct" => &COL_COVERAGE_PCT,
            "recruit_rate_pct" => &COL_RECRUIT_RATE_PCT,
            "target_pct" => &COL_TARGET_PCT,
            "gap_pp" => &COL_GAP_PP,
            "enterprises" => &COL_ENTERPRISES,
            "enterprises_reached" => &COL_ENTERPRISES_REACHED,
            "snapshot_as_of" => &COL_SNAPSHOT_AS_OF,
            _ => return "",
        };
        msg.text(self)
    }

    pub fn text(self, key: &str) -> &'static str {
        let msg = match key {
            "title" => &TEXT_TITLE,
            "summary" => &TEXT_SUMMARY,
            "details" => &TEXT_DETAILS,
            "lagging" => &TEXT_LAGGING,
            "leading" => &TEXT_LEADING,
            "notes" => &TEXT_NOTES,
            "unit" => &TEXT_UNIT,
            "non_state_reached" => &TEXT_NON_STATE_REACHED,
            "suppressed" => &TEXT_SUPPRESSED,
            _ => return "",
        };
        msg.text(self)
    }

    /// A count: `1,234` in English, `1.234` in Vietnamese.
    pub fn count(self, v: u64) -> String {
        let digits = v.to_string();
        let sep = if self == Lang::Vi { '.' } else { ',' };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A percentage in hundredths: `45.30%` / `45,30%`.
    pub fn pct(self, h: i64) -> String {
        let s = pct::format(h);
        match self {
            Lang::En => format!("{s}%"),
            Lang::Vi => format!("{}%", s.replace('.', ",")),
        }
    }

    /// A gap in percentage points, signed.
    pub fn pp(self, h: i64) -> String {
        let s = pct::format(h);
        let s = if h > 0 { format!("+{s}") } else { s };
        match self {
            Lang::En => s,
            Lang::Vi => s.replace('.', ","),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_the_language_in_posix_order() {
        let with = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Lang::from_locale(move |name| {
                vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
            })
        };
        assert_eq!(with(&[]), Lang::En);
        assert_eq!(with(&[("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(
            with(&[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            with(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")]),
            Lang::Vi
        );
        assert_eq!(with(&[("LANG", "C"), ("LC_MESSAGES", "vi_VN")]), Lang::Vi);
        // Set but empty is not set.
        assert_eq!(with(&[("LC_ALL", ""), ("LANG", "vi_VN.UTF-8")]), Lang::Vi);
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(Lang::En.count(1234567), "1,234,567");
        assert_eq!(Lang::Vi.count(1234), "1.234");
        assert_eq!(Lang::Vi.count(123), "123");
        assert_eq!(Lang::Vi.pct(4530), "45,30%");
        assert_eq!(Lang::En.pct(4530), "45.30%");
        assert_eq!(Lang::En.pp(-250), "-2.50");
        assert_eq!(Lang::Vi.pp(250), "+2,50");
    }
}
