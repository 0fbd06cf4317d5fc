//! Whether a counts table's title says it counts members (`SỐ LƯỢNG ĐOÀN VIÊN, HỘI
//! VIÊN`), not the people to organize: such a table, taken for eligible counts by its
//! shape, would make every coverage 100%.

/// The line of a title block that says its counts are of members (`SỐ LƯỢNG ĐOÀN
/// VIÊN, HỘI VIÊN NĂM 2026`), not of the people to organize: a counts table taken for
/// eligible counts by its shape would make every coverage 100%. `None` where the title
/// names the people to organize too (`số đối tượng`, `trong độ tuổi`), or says
/// nothing of either.
pub fn title_names_members(title: &[String]) -> Option<&str> {
    const MEMBERS: [&str; 5] = [
        "doan vien",
        "hoi vien",
        "thanh vien",
        "so luong dang vien",
        "members",
    ];
    const ELIGIBLE: [&str; 7] = [
        "doi tuong",
        "do tuoi",
        "can tap hop",
        "chua tap hop",
        "co the tap hop",
        "eligible",
        "to organize",
    ];
    // The Front's member organizations (`các tổ chức thành viên`) are no members.
    let folded: Vec<String> = (title.iter())
        .map(|l| crate::text::fold(l).replace("to chuc thanh vien", ""))
        .collect();
    let has = |words: &[&str]| folded.iter().any(|l| words.iter().any(|w| l.contains(w)));
    if has(&ELIGIBLE) {
        return None;
    }
    (title.iter().zip(&folded))
        .find(|(_, l)| MEMBERS.iter().any(|w| l.contains(w)))
        .map(|(line, _)| line.as_str())
}

#[cfg(test)]
mod tests {
    use super::title_names_members;

    #[test]
    fn a_title_of_members_is_told_from_one_of_the_people_to_organize() {
        let of = |lines: &[&str]| {
            let title: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            title_names_members(&title).map(str::to_string)
        };
        let members = "SỐ LƯỢNG ĐOÀN VIÊN, HỘI VIÊN NĂM 2026";
        assert_eq!(
            of(&["UBND TỈNH LÀO CAI", members]).as_deref(),
            Some(members)
        );
        assert!(of(&["Số hội viên Hội Nông dân"]).is_some());
        for eligible in [
            "SỐ ĐỐI TƯỢNG CẦN TẬP HỢP NĂM 2026",
            "Số thanh niên trong độ tuổi đoàn viên năm 2026",
            "SỐ LIỆU CÁC TỔ CHỨC THÀNH VIÊN NĂM 2026",
            "SỐ LAO ĐỘNG TRONG DOANH NGHIỆP",
        ] {
            assert_eq!(of(&[eligible]), None, "{eligible}");
        }
        assert_eq!(of(&[]), None);
    }
}
