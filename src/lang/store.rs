//! What tally says of the store as it changes it (`tally drop`): English and
//! Vietnamese side by side.

crate::messages! {
    DROPPED_ROLL:
        "dropped ingest {} ({} rows of the {} roll as of {}, from {})"
        => "đã xóa lần nạp {} ({} dòng của danh sách {} chốt ngày {}, từ {})";
    DROPPED_REFERENCE:
        "dropped ingest {} (the {} reference ({} rows), from {})"
        => "đã xóa lần nạp {} ({} ({} dòng), từ {})";
    IN_FORCE_AGAIN:
        "the {} in force are those of {} (ingest {})"
        => "{} đang dùng là của {} (lần nạp {})";
    NONE_IN_FORCE: "the store holds no {} now" => "kho hiện không còn {}";
}
