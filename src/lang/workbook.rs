//! What the workbooks and the series say beside their numbers, English and Vietnamese
//! side by side: the sheets' names and headings, the series' measures, pace and chart.

crate::messages! {
    // --- The single-period workbook
    SHEET_TIDY: "coverage" => "Dữ liệu";
    COL_UNIT_NAME: "Unit name" => "Tên đơn vị";
    SUPPRESSED_CELLS: "Suppressed cells" => "Ô bị ẩn (số nhỏ)";
    FOCUS_COVERAGE: "{}: coverage" => "{}: tỷ lệ tập hợp";
    FOCUS_TARGET: "{}: target" => "{}: chỉ tiêu";
    FOCUS_GAP: "{}: gap (pp)" => "{}: chênh lệch (điểm %)";
    // --- A series, in every format
    SERIES_AREA: "Area" => "Địa bàn";
    SERIES_GROUP: "Group" => "Nhóm";
    SERIES_MEASURE: "Measure" => "Chỉ số";
    SERIES_MEMBERS: "Members" => "Số thành viên";
    SERIES_COVERAGE: "Coverage" => "Tỷ lệ tập hợp";
    SERIES_TARGET: "Target" => "Chỉ tiêu";
    SERIES_NEEDED: "Needed for this year's target (pp/month)" => "Cần đạt để đạt chỉ tiêu năm (điểm %/tháng)";
    SERIES_CHART: "{}: coverage against target" => "{}: tỷ lệ tập hợp so với chỉ tiêu";
}
