//! What tally says when Ctrl-C or `kill` stops it (see `interrupt`).

crate::messages! {
    NOTHING_STORED:
        "interrupted: nothing was stored, the store is as it was before this command"
        => "đã dừng giữa chừng: chưa lưu gì, kho dữ liệu vẫn như trước lệnh này";
    STORED_BEFORE:
        "interrupted after the store was written: what this command stored is kept"
        => "đã dừng sau khi ghi xong kho dữ liệu: những gì lệnh này đã lưu được giữ nguyên";
}
