//! Why a workbook part tally reads itself (a sheet's cells, the shared strings) cannot
//! be read, English and Vietnamese side by side. Each is said after "cannot read the
//! sheet:" or the part it is in, so it names the place inside it (row, column, string).

crate::messages! {
    // --- The XML itself
    TOKEN_TOO_LONG:
        "its XML has a tag or text of more than {} MiB, more than a cell holds"
        => "XML có một thẻ hoặc đoạn văn bản dài hơn {} MiB, nhiều hơn một ô chứa được";
    ENDS_INSIDE: "its XML ends inside {}" => "XML bị cắt ngang giữa {}";
    IN_COMMENT: "a comment" => "một chú thích";
    IN_CDATA: "a CDATA section" => "một đoạn CDATA";
    IN_DECLARATION: "a declaration" => "một khai báo";
    IN_TAG: "a tag" => "một thẻ";
    IN_CELL: "a cell" => "một ô";
    IN_STRING: "a string" => "một chuỗi";
    ENDS_BEFORE_ROWS:
        "its XML ends before its rows do"
        => "XML kết thúc trước khi hết các dòng";
    NOT_TO_ITS_END:
        "its XML could not be read to its end"
        => "không đọc được XML đến hết";
    NOT_UTF8: "its text is not UTF-8" => "văn bản không ở dạng UTF-8";
    AMP_WITHOUT_SEMICOLON:
        "an `&` without its `;` in its text"
        => "có dấu `&` thiếu dấu `;` đi kèm trong văn bản";
    UNKNOWN_ENTITY:
        "an unknown entity `&{};` in its text"
        => "có thực thể `&{};` không xác định trong văn bản";
    // --- Where a cell is and what it holds
    NOT_A_CELL_REF: "a cell reference `{}` is not a cell's" => "`{}` không phải địa chỉ của một ô";
    NOT_A_ROW_NUMBER: "a row number `{}` is not a row's" => "`{}` không phải số thứ tự của một dòng";
    NOT_A_CELL_TYPE:
        "a cell's type `{}` is not one a sheet has"
        => "kiểu ô `{}` không phải kiểu mà trang tính có";
    PAST_LAST_COLUMN:
        "a cell at row {}, column {} is past the last column a sheet has"
        => "ô ở dòng {}, cột {} nằm sau cột cuối cùng mà một trang tính có";
    CELL_TOO_LONG:
        "a cell at row {}, column {} holds more than {} MiB of text"
        => "ô ở dòng {}, cột {} chứa hơn {} MiB văn bản";
    ROW_TOO_LONG:
        "row {} holds more than {} MiB of text, more than a row of a roll"
        => "dòng {} chứa hơn {} MiB văn bản, nhiều hơn một dòng của danh sách";
    NO_SUCH_SHARED_STRING:
        "a cell names shared string {}, which the workbook does not have"
        => "một ô trỏ tới chuỗi dùng chung thứ {}, mà sổ tính không có";
    NOT_TRUE_FALSE: "a true/false cell holds `{}`" => "ô đúng/sai chứa `{}`";
    NOT_A_NUMBER: "a number cell holds `{}`" => "ô số chứa `{}`";
    NOT_AN_ERROR: "an error cell holds `{}`" => "ô lỗi chứa `{}`";
    NOT_A_VALUE:
        "a cell holds a `{}` element where a value was expected"
        => "một ô có phần tử `{}` ở chỗ lẽ ra là giá trị";
    // --- The shared strings part
    IN_SHARED_STRINGS:
        "its shared strings ({}): {}"
        => "phần chuỗi dùng chung ({}): {}";
    SHARED_STRING_TOO_LONG:
        "shared string {} holds more than {} MiB of text"
        => "chuỗi dùng chung thứ {} chứa hơn {} MiB văn bản";
}
