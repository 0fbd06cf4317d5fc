//! What `tally ingest` says of a snapshot against the organization's previous one
//! (sheets and units it lacks, departures it dates): English and Vietnamese side by
//! side.

crate::messages! {
    SHEETS_MISSING:
        "the {} roll as of {} lacks {} sheet(s) that the roll as of {} had: {}: is the workbook complete?"
        => "danh sách {} chốt ngày {} thiếu {} trang tính mà danh sách chốt ngày {} có: {}: sổ tính có đủ không?";
    UNITS_EMPTIED:
        "{} unit(s) with members in the {} roll as of {} have no row in this one ({} member(s) then): {}: a missing sheet or a partial export?"
        => "{} đơn vị có thành viên trong danh sách {} chốt ngày {} nhưng không có dòng nào trong danh sách này ({} thành viên khi đó): {}: thiếu trang tính hoặc xuất thiếu?";
    UNITS_SHRANK:
        "{} unit(s) have less than half the members they had in the {} roll as of {}: {}"
        => "{} đơn vị còn chưa đến một nửa số thành viên so với danh sách {} chốt ngày {}: {}";
    UNDATED_PLACED:
        "{} member(s) active in the {} roll of {} are departed without a date here: reports count them as leaving between {} and {}"
        => "{} thành viên đang sinh hoạt trong danh sách {} ngày {} được ghi là đã ra mà không có ngày ra: báo cáo tính là ra trong khoảng từ {} đến {}";
}
