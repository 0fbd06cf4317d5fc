//! Names said inside other messages, in English and Vietnamese side by side: the
//! organizations, the kinds of file, and the end of a list shortened to its first names.

crate::messages! {
    // --- The five organizations, as a sentence names them
    ORG_UNION: "Trade union" => "Công đoàn";
    ORG_YOUTH: "Youth Union" => "Đoàn Thanh niên";
    ORG_WOMEN: "Women's Union" => "Hội Liên hiệp Phụ nữ";
    ORG_FARMERS: "Farmers' Association" => "Hội Nông dân";
    ORG_VETERANS: "Veterans' Association" => "Hội Cựu chiến binh";

    // --- The five organizations as `--org` takes them, where a hint shows the option
    FLAG_UNION: "union" => "CĐ";
    FLAG_YOUTH: "youth" => "ĐTN";
    FLAG_WOMEN: "women" => "HLHPN";
    FLAG_FARMERS: "farmers" => "HND";
    FLAG_VETERANS: "veterans" => "HCCB";

    // --- The kinds of file
    KIND_ROLL: "roll" => "danh sách thành viên";
    KIND_AREAS: "areas" => "danh mục địa bàn";
    KIND_ENTERPRISES: "enterprises" => "danh mục doanh nghiệp";
    KIND_ELIGIBLE: "eligible counts" => "số đối tượng";
    /// The eligible kind by its code, where a sentence names a kind by its code.
    KIND_ELIGIBLE_CODE: "eligible" => "số đối tượng";
    KIND_TARGETS: "targets" => "chỉ tiêu";
    KIND_MAPPING: "mapping" => "bảng chuyển đổi xã cũ sang xã mới";
    KIND_ORGS: "orgs" => "danh mục tổ chức";

    // --- Lists
    AND_MORE: "{} … and {} more" => "{} … và {} mục khác";
}

/// The first `shown` items joined with ", ", then how many more there are.
pub fn shortened(items: &[String], shown: usize) -> crate::lang::Text {
    let first = items
        .iter()
        .take(shown)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match items.len().saturating_sub(shown) {
        0 => crate::lang::Text::Plain(first),
        more => crate::t!(AND_MORE, first, more),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_shortened_list_says_how_many_more() {
        let items: Vec<String> = (1..=10).map(|i| format!("Xã {i}")).collect();
        let t = shortened(&items, 8);
        assert_eq!(
            t.en(),
            "Xã 1, Xã 2, Xã 3, Xã 4, Xã 5, Xã 6, Xã 7, Xã 8 … and 2 more"
        );
        assert!(t.render(Lang::Vi).ends_with("Xã 8 … và 2 mục khác"));
        assert_eq!(shortened(&items[..2], 8).en(), "Xã 1, Xã 2");
    }
}
