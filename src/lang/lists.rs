//! What a report says of the month before and of the lists to act on (docs/metrics.md,
//! "Against last month" and "Lists to act on"): headings and sentences, English and
//! Vietnamese side by side.

crate::messages! {
    // --- Against last month
    /// The headings of the four columns in a Vietnamese workbook's tidy sheet.
    COL_PREVIOUS_MEMBERS: "previous_members" => "Số thành viên tháng trước";
    COL_PREVIOUS_COVERAGE: "previous_coverage_pct" => "Tỷ lệ tập hợp tháng trước (%)";
    COL_MEMBERS_CHANGE: "members_change" => "Thay đổi số thành viên";
    COL_COVERAGE_CHANGE: "coverage_change_pp" => "Thay đổi tỷ lệ tập hợp (điểm %)";
    /// The compact change cell of the tables a person reads: members; points.
    COL_AGAINST_LAST_MONTH:
        "Change on last month (members; coverage pp)"
        => "So với tháng trước (thành viên; điểm %)";
    // --- The lists to act on: section titles
    LIST_TO_VISIT:
        "Non-state enterprises without a member (to visit)"
        => "Doanh nghiệp ngoài nhà nước chưa có thành viên (cần đến vận động)";
    LIST_FALLEN_TO_ZERO:
        "Units fallen to zero members since the previous roll"
        => "Đơn vị giảm về 0 thành viên so với danh sách trước";
    LIST_NOT_REPORTED:
        "Units with members in the previous roll and no row this period (did not report)"
        => "Đơn vị có thành viên trong danh sách trước nhưng không có dòng nào trong kỳ này (chưa báo cáo)";
    /// The last row of a list a person reads, cut short: how many more, and where all are.
    LIST_MORE:
        "… and {} more (all of them: --format csv --table {})"
        => "… và {} mục khác (đầy đủ: --format csv --table {})";
    // --- Their columns
    COL_TAX_CODE: "Tax code" => "Mã số thuế";
    COL_ENTERPRISE: "Enterprise" => "Tên doanh nghiệp";
    COL_COMMUNE: "Commune" => "Xã, phường";
    COL_WORKERS: "Workers" => "Số lao động";
    COL_MEMBERS_BEFORE: "Members before" => "Thành viên trước đó";
    COL_PREVIOUS_ROLL: "Previous roll" => "Danh sách trước (ngày)";
    COL_THIS_ROLL: "This roll" => "Danh sách kỳ này (ngày)";
    COL_COMMUNE_CODE: "Commune code" => "Mã xã";
    COL_LEVEL: "Level" => "Cấp";
    COL_CODE: "Code" => "Mã";
    // --- Their sheets (at most 31 characters)
    SHEET_TO_VISIT: "To visit" => "DN cần đến vận động";
    SHEET_FALLEN_TO_ZERO: "Fallen to zero" => "Giảm về 0";
    SHEET_NOT_REPORTED: "Did not report" => "Chưa báo cáo";
}
