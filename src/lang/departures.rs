//! Departures by reason (`--by reason`), English and Vietnamese side by side: the
//! breakdown's name, each reason as the forms name it, and the note on departures
//! whose reason is unknown.

crate::messages! {
    DIM_REASON: "Departures by reason" => "Giảm theo lý do";
    REASON_DIED: "died" => "Từ trần";
    REASON_MOVED: "moved away" => "Chuyển đi";
    REASON_AGED_OUT: "aged out" => "Trưởng thành, quá tuổi";
    REASON_RESIGNED: "resigned, stopped" => "Xin ra, thôi sinh hoạt";
    REASON_STRUCK_OFF: "struck off" => "Xóa tên";
    REASON_EXPELLED: "expelled" => "Khai trừ";
    NOTE_UNKNOWN_REASONS:
        "{}: {} of the period's departures have the reason \"unknown\": {}"
        => "{}: {} người ra trong kỳ được xếp vào lý do \"Không rõ\": {}";
    REASONS_NOT_KEPT:
        "{} stored before tally kept the reason of a departure (to have it, tally drop those rolls' ingests and ingest the rolls again)"
        => "{} người được lưu trước khi tally ghi lý do ra (muốn có lý do: tally drop các lần nạp đó rồi nạp lại danh sách)";
    REASONS_NO_WORD:
        "{} with a leaving date but no departure word in the status"
        => "{} người có ngày ra nhưng cột trạng thái không ghi lý do ra";
}

/// The label of a group of `--by reason`, by its code.
pub fn reason_label(group: &str) -> Option<&'static crate::lang::Msg> {
    Some(match group {
        "died" => &REASON_DIED,
        "moved" => &REASON_MOVED,
        "aged_out" => &REASON_AGED_OUT,
        "resigned" => &REASON_RESIGNED,
        "struck_off" => &REASON_STRUCK_OFF,
        "expelled" => &REASON_EXPELLED,
        _ => return None,
    })
}
