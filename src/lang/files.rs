//! What tally says of the files it opens, whatever their kind: a workbook's sheets,
//! and the system's errors by their kind (the English keeps the system's own text).

use std::io::ErrorKind;

crate::messages! {
    // --- Hints for what the system refused
    DISK_FULL_HINT:
        "free space on the disk that holds the store (see `df -h`) and run the command again; nothing was stored"
        => "giải phóng chỗ trống trên ổ đĩa chứa kho (xem `df -h`) rồi chạy lại lệnh; chưa có gì được lưu";
    READ_ONLY_HINT:
        "the store's disk is mounted read-only: remount it read-write, or point --store (TALLY_STORE) at a writable directory"
        => "ổ đĩa chứa kho chỉ cho đọc: gắn lại cho phép ghi, hoặc chỉ --store (TALLY_STORE) tới một thư mục ghi được";
    PERMISSION_HINT:
        "check that the user running tally may read the files named and write in the store's directory (tally makes the store its owner's alone)"
        => "kiểm tra người dùng chạy tally có quyền đọc các tệp được nêu và ghi vào thư mục kho (tally tạo kho chỉ riêng cho chủ sở hữu)";
    // --- Workbooks and their sheets
    SKIPPED_SHEETS: "skipped sheet(s) {}" => "bỏ qua trang tính {}";
    SHEET_HIDDEN: "\"{}\" (hidden)" => "\"{}\" (bị ẩn)";
    SHEET_NO_HEADER:
        "\"{}\" (no header tally recognizes)"
        => "\"{}\" (không có dòng tiêu đề cột nào tally nhận ra)";

    // --- A file tally opens, reads or writes (the system's reason follows)
    CANNOT_READ: "cannot read {}" => "không đọc được {}";
    CANNOT_OPEN: "cannot open {}" => "không mở được {}";
    CANNOT_WRITE: "cannot write {}" => "không ghi được {}";
    CANNOT_CREATE: "cannot create {}" => "không tạo được {}";
    CANNOT_CREATE_DIR: "cannot create directory {}" => "không tạo được thư mục {}";
    CANNOT_REPLACE: "cannot replace {}" => "không thay được {}";

    // --- The system's errors, by kind
    IO_NOT_FOUND: "no such file or directory" => "không có tệp hoặc thư mục này";
    IO_PERMISSION_DENIED: "permission denied" => "không có quyền truy cập";
    IO_ALREADY_EXISTS: "the file already exists" => "tệp đã tồn tại";
    IO_IS_A_DIRECTORY: "it is a directory, not a file" => "đây là thư mục, không phải tệp";
    IO_NOT_A_DIRECTORY: "it is not a directory" => "đây không phải thư mục";
    IO_DIRECTORY_NOT_EMPTY: "the directory is not empty" => "thư mục không trống";
    IO_READ_ONLY: "the disk is read-only" => "ổ đĩa chỉ cho phép đọc";
    IO_STORAGE_FULL: "the disk is full" => "ổ đĩa đã đầy";
    IO_FILE_TOO_LARGE: "the file is too large" => "tệp quá lớn";
    IO_UNEXPECTED_EOF: "the file ends too soon" => "tệp bị cụt (kết thúc sớm hơn dự kiến)";
    IO_INVALID_DATA: "the data is not valid" => "dữ liệu không hợp lệ";
    IO_INVALID_INPUT: "the name or value is not valid" => "tên hoặc giá trị không hợp lệ";
    IO_INTERRUPTED: "interrupted" => "bị ngắt";
    IO_TIMED_OUT: "timed out" => "hết thời gian chờ";
    IO_BUSY: "the file is in use" => "tệp đang được dùng";
    IO_OTHER: "a system error ({})" => "lỗi hệ thống ({})";

    // --- File patterns on the command line
    BAD_PATTERN: "bad file pattern \"{}\": {}" => "mẫu tên tệp sai \"{}\": {}";
    NO_FILE_MATCHES: "no file matches \"{}\"" => "không có tệp nào khớp \"{}\"";
    NO_FILE_MATCHES_HINT:
        "check the folder and the pattern, e.g. data-samples/*.csv"
        => "kiểm tra thư mục và mẫu tên tệp, ví dụ data-samples/*.csv";
}

/// A system error said by its kind: the system's English text in English, a
/// sentence of the kind in Vietnamese (an unnamed kind keeps the system's text).
pub fn io_error(e: &std::io::Error) -> crate::lang::Text {
    use crate::t;
    match e.kind() {
        ErrorKind::NotFound => t!(IO_NOT_FOUND),
        ErrorKind::PermissionDenied => t!(IO_PERMISSION_DENIED),
        ErrorKind::AlreadyExists => t!(IO_ALREADY_EXISTS),
        ErrorKind::IsADirectory => t!(IO_IS_A_DIRECTORY),
        ErrorKind::NotADirectory => t!(IO_NOT_A_DIRECTORY),
        ErrorKind::DirectoryNotEmpty => t!(IO_DIRECTORY_NOT_EMPTY),
        ErrorKind::ReadOnlyFilesystem => t!(IO_READ_ONLY),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => t!(IO_STORAGE_FULL),
        ErrorKind::FileTooLarge => t!(IO_FILE_TOO_LARGE),
        ErrorKind::UnexpectedEof => t!(IO_UNEXPECTED_EOF),
        ErrorKind::InvalidData => t!(IO_INVALID_DATA),
        ErrorKind::InvalidInput | ErrorKind::InvalidFilename => t!(IO_INVALID_INPUT),
        ErrorKind::Interrupted => t!(IO_INTERRUPTED),
        ErrorKind::TimedOut => t!(IO_TIMED_OUT),
        ErrorKind::ResourceBusy => t!(IO_BUSY),
        _ => t!(IO_OTHER, e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn system_errors_by_their_kind() {
        let cases = [
            (ErrorKind::NotFound, "không có tệp hoặc thư mục này"),
            (ErrorKind::PermissionDenied, "không có quyền truy cập"),
            (ErrorKind::AlreadyExists, "tệp đã tồn tại"),
            (ErrorKind::IsADirectory, "đây là thư mục, không phải tệp"),
        ];
        for (kind, vi) in cases {
            let e = std::io::Error::from(kind);
            assert_eq!(io_error(&e).render(Lang::Vi), vi, "{kind:?}");
        }
        let other = std::io::Error::other("disk on fire");
        assert_eq!(
            io_error(&other).render(Lang::Vi),
            "lỗi hệ thống (disk on fire)"
        );
    }
}
