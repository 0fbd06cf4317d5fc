//! Headings, labels and number formats in English and Vietnamese.

use crate::metrics::pct;
use crate::org::{Org, OrgOrAny};

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

    pub fn org(self, o: OrgOrAny) -> &'static str {
        match (self, o) {
            (Lang::En, OrgOrAny::Org(o)) => o.english(),
            (Lang::En, OrgOrAny::Any) => "Any organization",
            (Lang::Vi, OrgOrAny::Org(Org::Union)) => "Công đoàn",
            (Lang::Vi, OrgOrAny::Org(Org::Youth)) => "Đoàn Thanh niên",
            (Lang::Vi, OrgOrAny::Org(Org::Women)) => "Hội Liên hiệp Phụ nữ",
            (Lang::Vi, OrgOrAny::Org(Org::Farmers)) => "Hội Nông dân",
            (Lang::Vi, OrgOrAny::Org(Org::Veterans)) => "Hội Cựu chiến binh",
            (Lang::Vi, OrgOrAny::Any) => "Ít nhất một tổ chức",
            // One the orgs file adds: its name as the file gives it.
            (_, OrgOrAny::Org(o)) => crate::org::added_name(o).unwrap_or("?"),
        }
    }

    pub fn dimension(self, d: &str) -> String {
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

    pub fn group(self, key: &str, name: &str) -> String {
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
        match (self, key) {
            (Lang::En, "period") => "Period",
            (Lang::En, "org") => "Organization",
            (Lang::En, "dimension") => "Dimension",
            (Lang::En, "group") => "Group",
            (Lang::En, "members") => "Members",
            (Lang::En, "members_start") => "Members at start",
            (Lang::En, "recruited") => "Recruited",
            (Lang::En, "left") => "Left",
            (Lang::En, "eligible") => "Eligible",
            (Lang::En, "coverage_pct") => "Coverage",
            (Lang::En, "recruit_rate_pct") => "Recruitment rate",
            (Lang::En, "target_pct") => "Target",
            (Lang::En, "gap_pp") => "Gap (pp)",
            (Lang::En, "enterprises") => "Enterprises",
            (Lang::En, "enterprises_reached") => "Reached",
            (Lang::En, "snapshot_as_of") => "Roll as of",
            (Lang::Vi, "period") => "Kỳ",
            (Lang::Vi, "org") => "Tổ chức",
            (Lang::Vi, "dimension") => "Tiêu chí",
            (Lang::Vi, "group") => "Nhóm",
            (Lang::Vi, "members") => "Số thành viên",
            (Lang::Vi, "members_start") => "Đầu kỳ",
            (Lang::Vi, "recruited") => "Kết nạp mới",
            (Lang::Vi, "left") => "Ra khỏi",
            (Lang::Vi, "eligible") => "Số đối tượng",
            (Lang::Vi, "coverage_pct") => "Tỷ lệ tập hợp",
            (Lang::Vi, "recruit_rate_pct") => "Tỷ lệ kết nạp",
            (Lang::Vi, "target_pct") => "Chỉ tiêu",
            (Lang::Vi, "gap_pp") => "Chênh lệch (điểm %)",
            (Lang::Vi, "enterprises") => "Số doanh nghiệp",
            (Lang::Vi, "enterprises_reached") => "DN có thành viên",
            (Lang::Vi, "snapshot_as_of") => "Số liệu đến ngày",
            _ => "",
        }
    }

    pub fn text(self, key: &str) -> &'static str {
        match (self, key) {
            (Lang::En, "title") => "Coverage of the mass organizations",
            (Lang::Vi, "title") => "Kết quả tập hợp quần chúng vào các tổ chức",
            (Lang::En, "summary") => "Coverage by focus area (members / eligible; target; gap)",
            (Lang::Vi, "summary") => "Tỷ lệ tập hợp theo địa bàn trọng điểm (thành viên / đối tượng; chỉ tiêu; chênh lệch)",
            (Lang::En, "details") => "All groups",
            (Lang::Vi, "details") => "Chi tiết theo nhóm",
            (Lang::En, "lagging") => "Furthest below target (to urge)",
            (Lang::Vi, "lagging") => "Thấp nhất so với chỉ tiêu (cần đôn đốc)",
            (Lang::En, "leading") => "Furthest above target (to replicate)",
            (Lang::Vi, "leading") => "Vượt chỉ tiêu nhiều nhất (nhân rộng)",
            (Lang::En, "notes") => "Data notes",
            (Lang::Vi, "notes") => "Lưu ý về số liệu",
            (Lang::En, "unit") => "Unit",
            (Lang::Vi, "unit") => "Đơn vị",
            (Lang::En, "non_state_reached") => "Non-state enterprises with a union member",
            (Lang::Vi, "non_state_reached") => "Doanh nghiệp ngoài nhà nước có đoàn viên công đoàn",
            (Lang::En, "suppressed") => "cells suppressed (counts below the --min-cell threshold and the cells that would reveal them)",
            (Lang::Vi, "suppressed") => "ô bị ẩn (số nhỏ hơn ngưỡng --min-cell và các ô có thể suy ra chúng)",
            _ => "",
        }
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
