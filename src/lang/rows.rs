//! Why a roll row is rejected or warned about, and how to fix it: English and
//! Vietnamese side by side.

crate::messages! {
    DATE_MONTH_FIRST:
        "the date is month-first; expected {}"
        => "ngày ghi tháng trước ngày; cần {}";
    DATE_MONTH_FIRST_HINT:
        "export dates as dd/mm/yyyy (tally never guesses month-first dates)"
        => "xuất ngày theo dạng dd/mm/yyyy (tally không bao giờ đoán ngày ghi tháng trước)";
    NO_SUCH_DAY:
        "that day does not exist: the month has {} days"
        => "ngày này không có: tháng đó có {} ngày";
    DATE_HINT:
        "correct the date in the roll, or leave the cell empty if it is unknown"
        => "sửa ngày trong danh sách, hoặc để trống ô nếu không biết";
    NOT_A_DATE: "not a date; expected {}" => "không phải ngày; cần {}";
    DATE_EXPECTED:
        "a day-first date such as 31/10/2026, 31-10-2026, 31.10.2026 or 2026-10-31"
        => "ngày ghi ngày trước, ví dụ 31/10/2026, 31-10-2026, 31.10.2026 hoặc 2026-10-31";
    NO_NAME_NO_ID:
        "no name and no national ID: the member cannot be identified"
        => "không có họ tên và không có số định danh: không xác định được người này";
    NO_NAME_NO_ID_HINT:
        "fill in the name (or the national ID) in the roll"
        => "điền họ tên (hoặc số định danh) vào danh sách";
    UNKNOWN_ORG_HINT:
        "correct the org column, or give the organization with --org"
        => "sửa cột tổ chức, hoặc chỉ rõ tổ chức bằng --org";
    AS_OF_HINT:
        "give the snapshot date with --as-of DATE, or correct the as_of column"
        => "chỉ rõ ngày chốt số liệu bằng --as-of NGÀY, hoặc sửa cột ngày chốt";
    UNKNOWN_SEX:
        "unknown sex; expected {}; kept as unknown"
        => "giới tính không rõ; cần {}; ghi nhận là không rõ";
    SEX_EXPECTED: "Nam/Nữ, M/F or male/female" => "Nam/Nữ, M/F hoặc male/female";
    BORN_AFTER:
        "the birth date is after the snapshot date"
        => "ngày sinh sau ngày chốt số liệu";
    ID_TWO_ZEROS:
        "10 digits: restored the two leading zeros Excel dropped (it agrees with the birth year and sex)"
        => "10 chữ số: đã thêm lại hai số 0 đầu mà Excel làm mất (khớp với năm sinh và giới tính)";
    ID_ONE_ZERO:
        "11 digits: restored the leading zero Excel dropped (it agrees with the birth year and sex)"
        => "11 chữ số: đã thêm lại số 0 đầu mà Excel làm mất (khớp với năm sinh và giới tính)";
    ID_DISAGREES:
        "the ID disagrees with the row: {}"
        => "số định danh không khớp với dòng: {}";
    ID_MALFORMED:
        "malformed national ID: {}; expected {}"
        => "số định danh sai dạng: {}; cần {}";
    ID_EXPECTED:
        "a 12-digit CCCD or a 9-digit CMND"
        => "số CCCD 12 chữ số hoặc CMND 9 chữ số";
    JOINED_AFTER:
        "joined after the snapshot date {}"
        => "ngày vào sau ngày chốt số liệu {}";
    JOINED_AFTER_HINT:
        "check the date, or the snapshot date given with --as-of"
        => "kiểm tra ngày này, hoặc ngày chốt số liệu ghi ở --as-of";
    LEFT_BEFORE: "left before joining ({})" => "ngày ra trước ngày vào ({})";
    LEFT_BEFORE_HINT:
        "check both dates in the roll"
        => "kiểm tra cả hai ngày trong danh sách";
    STATUS_HINT:
        "write the member's status in one of the words tally reads (every spelling is listed in docs/formats.md, \"Status words\"), or leave it empty for an active member"
        => "ghi trạng thái của thành viên bằng một trong các từ tally đọc được (mọi cách viết được liệt kê trong docs/formats.md, mục \"Status words\"), hoặc để trống nếu thành viên đang sinh hoạt";
    STATUS_MARK:
        "a mark (x, ✓, -, yes/no) is not a status: it does not say whether the member is active or has left"
        => "dấu đánh (x, ✓, -, có/không) không phải là trạng thái: không cho biết thành viên đang sinh hoạt hay đã ra";
    STATUS_MARK_HINT:
        "write the status word: Đang sinh hoạt for an active member, or how they left (Đã ra, Chuyển sinh hoạt, Đã mất, …)"
        => "ghi từ chỉ trạng thái: Đang sinh hoạt nếu đang sinh hoạt, hoặc lý do ra (Đã ra, Chuyển sinh hoạt, Đã mất, …)";
    UNKNOWN_GROUP: "unknown {}; kept as unknown" => "{} không rõ; ghi nhận là không rõ";
    ETHNICITY: "ethnicity" => "dân tộc";
    RELIGION: "religion" => "tôn giáo";
    UNKNOWN_STATUS: "unknown status word; expected {}" => "từ ghi trạng thái không rõ; cần {}";
    STATUS_EXPECTED:
        "Đang sinh hoạt (or empty), Tạm ngừng sinh hoạt, Đã ra, Thôi sinh hoạt, Chuyển sinh hoạt, Trưởng thành Đoàn, Đã mất, Xóa tên, Khai trừ; or active, left, moved, died"
        => "Đang sinh hoạt (hoặc để trống), Tạm ngừng sinh hoạt, Đã ra, Thôi sinh hoạt, Chuyển sinh hoạt, Trưởng thành Đoàn, Đã mất, Xóa tên, Khai trừ; hoặc active, left, moved, died";
}
