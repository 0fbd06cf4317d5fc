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
    LIST_SENT_AGAIN:
        "the own list of {} ({} row(s)) repeats row for row that unit's rows in the roll as of {}: the same persons, no one joining or leaving: is it that month's list sent again under this month's title? {}; a commune where nothing changed can send such a list"
        => "danh sách riêng của {} ({} dòng) trùng từng dòng với các dòng của đơn vị này trong danh sách chốt ngày {}: cùng những người đó, không ai vào, không ai ra: có phải danh sách tháng đó gửi lại dưới tiêu đề tháng này? {}; xã không có biến động nào cũng có thể gửi danh sách như vậy";
    LIST_SENT_AGAIN_DROP:
        "If so, remove it (tally drop {}) and ingest this month's list"
        => "Nếu đúng, hãy xóa nó (tally drop {}) rồi nhập danh sách tháng này";
    LIST_SENT_AGAIN_DRY:
        "If so, ingest this month's list instead"
        => "Nếu đúng, hãy nhập danh sách tháng này thay cho nó";
    UNDATED_PLACED:
        "{} member(s) active in the {} roll of {} are departed without a date in this roll (all its files): reports count them as leaving between {} and {}"
        => "{} thành viên đang sinh hoạt trong danh sách {} ngày {} được ghi là đã ra mà không có ngày ra trong danh sách này (mọi tệp của nó): báo cáo tính là ra trong khoảng từ {} đến {}";
    ROLL_SIZE:
        "the {} roll as of {} has {} row(s), the previous one ({}) {}: is the export complete?"
        => "danh sách {} ngày {} có {} dòng, danh sách trước ({}) có {}: tệp xuất có đủ không?";
    ROLL_GREW:
        "the {} roll as of {} has {} row(s), the previous one ({}) {}: was the previous export partial, or does this file hold more than one roll?"
        => "danh sách {} ngày {} có {} dòng, danh sách trước ({}) có {}: tệp trước xuất thiếu, hay tệp này gộp nhiều danh sách?";
    READ_THROUGH_CROSSWALK:
        "read {} row(s) of pre-2025 communes through the reform's crosswalk: {}"
        => "đọc {} dòng của xã trước năm 2025 qua bảng chuyển đổi sau sắp xếp: {}";
    UNDATED_IN_FIRST_ROLL:
        "{} member(s) are departed without a date in the first roll of the {} ({}): with no earlier roll to place their leaving against, reports count them in neither the members at the start nor left, but for those who joined within a report's period (they left within it too, and count in its recruited and left)"
        => "{} thành viên được ghi là đã ra nhưng không có ngày ra trong danh sách đầu tiên của {} (ngày {}): không có danh sách trước để xác định lúc ra, nên báo cáo không tính họ vào số đầu kỳ cũng như số ra, trừ người vào trong kỳ báo cáo (họ cũng ra trong kỳ đó, nên được tính vào số kết nạp mới và số ra)";
    READ_TEMPORARY_STATUS:
        "read {} row(s) with a temporary status ({}) as members: a member suspended or excused from activities stays on the roll"
        => "tính {} dòng có trạng thái tạm thời ({}) là thành viên: thành viên tạm ngừng hoặc được miễn sinh hoạt vẫn còn trong danh sách";
    REREADS_INGEST:
        "reads ingest {} (this same sheet) again, its date cells as --date-cells says (--replace)"
        => "đọc lại lần nạp {} (chính trang tính này), các ô kiểu ngày theo --date-cells (--replace)";
    MOVES_INGEST:
        "moves ingest {} (the same file, stored as the {}) to this snapshot (--replace)"
        => "chuyển lần nạp {} (cùng tệp này, đã lưu là {}) sang lần chốt số liệu này (--replace)";
}
