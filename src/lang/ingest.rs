//! What `tally ingest` says of the files it reads: English and Vietnamese side by side.

crate::messages! {
    DATE_CELLS_WITHOUT_WORKBOOK:
        "--date-cells says how a workbook's date cells read, and none of these files is a workbook"
        => "--date-cells chỉ cách đọc các ô kiểu ngày của sổ tính, mà không tệp nào ở đây là sổ tính";
    DATE_CELLS_WITHOUT_WORKBOOK_HINT:
        "leave --date-cells out: the dates of a CSV file are read as typed, day first"
        => "bỏ --date-cells: ngày trong tệp CSV được đọc như đã gõ, ngày trước tháng sau";
    SEX_FROM_ID:
        "read the sex of {} member(s) from the national ID (its fourth digit: odd for a woman, even for a man): the roll gives none for them"
        => "đã đọc giới tính của {} thành viên từ số định danh cá nhân (chữ số thứ tư: lẻ là nữ, chẵn là nam) vì danh sách không ghi giới tính của họ";
    AS_OF_AFTER_TODAY:
        "the roll is as of {}, after today ({}): is its year right?"
        => "danh sách chốt số liệu ngày {}, sau ngày hôm nay ({}): năm có đúng không?";
    // --- Rows as older offices keep them: legacy fonts, merged cells, a commune's list
    SKIPPED_HEADER_AGAIN:
        "skipped the header repeated on line(s) {}"
        => "bỏ qua dòng tiêu đề lặp lại ở dòng {}";
    SKIPPED_SECTIONS:
        "skipped the section heading(s) on line(s) {}: each row's unit is its own column's"
        => "bỏ qua dòng tiêu đề mục ở dòng {}: đơn vị của mỗi dòng lấy theo cột đơn vị của dòng đó";
    SECTION_UNITS:
        "read each row's unit from the section heading above it (line(s) {}): the roll has no unit column"
        => "đọc đơn vị của mỗi dòng theo tiêu đề mục phía trên nó (dòng {}): danh sách không có cột đơn vị";
    SECTIONS_AGREE:
        "the section heading(s) on line(s) {} name the commune --area names: every row is of it"
        => "dòng tiêu đề mục ở dòng {} ghi đúng xã mà --area ghi: mọi dòng thuộc xã đó";
    SKIPPED_DISTRICTS:
        "skipped the heading(s) of a district on line(s) {} (there are no districts since 1 July 2025: each row's unit is its commune's)"
        => "bỏ qua dòng tiêu đề huyện ở dòng {} (từ 1/7/2025 không còn cấp huyện: đơn vị của mỗi dòng là xã của dòng đó)";
    SKIPPED_BRANCHES:
        "skipped the heading(s) of a branch (chi hội, chi đoàn, thôn) on line(s) {}: no member"
        => "bỏ qua dòng tiêu đề chi hội, chi đoàn, thôn ở dòng {}: không phải thành viên";
    SKIPPED_SIGNATURE:
        "skipped the signature block on line(s) {}"
        => "bỏ qua phần chữ ký ở dòng {}";
    SKIPPED_SUB_HEADER:
        "skipped the header's second row on line {} ({}): each column is read by its heading in the row above"
        => "bỏ qua dòng tiêu đề thứ hai ở dòng {} ({}): mỗi cột được đọc theo tiêu đề ở dòng trên";
    SKIPPED_NUMBERING_ROW:
        "skipped the column-number row on line {}"
        => "bỏ qua dòng đánh số thứ tự cột ở dòng {}";
    FILLED_FROM_MERGED:
        "filled {} cell(s) from the merged cells above them (a value merged down its rows holds for each row)"
        => "đã điền {} ô từ ô gộp phía trên (giá trị của ô gộp theo cột áp dụng cho mọi dòng của ô đó)";
    READ_TCVN3_CELLS:
        "read {} cell(s) typed in TCVN3 (.VnTime fonts) as Unicode"
        => "đã đọc {} ô gõ bằng bảng mã TCVN3 (phông .VnTime) thành Unicode";
    READ_VNI_CELLS:
        "read {} cell(s) typed in VNI (VNI-Times fonts) as Unicode"
        => "đã đọc {} ô gõ bằng bảng mã VNI (phông VNI-Times) thành Unicode";
    READ_DOUBLED_CELLS:
        "repaired {} cell(s) whose Vietnamese was saved as UTF-8 read twice (HỘI shown as Há»˜I: a UTF-8 CSV opened as another code page and saved as a workbook)"
        => "đã sửa {} ô có chữ Việt bị lưu sai mã (UTF-8 bị đọc hai lần, HỘI thành Há»˜I: tệp CSV UTF-8 được mở bằng bảng mã khác rồi lưu thành sổ tính)";
    FILE_UNIT:
        "the file has no commune column: every row is of {} ({}), from {}"
        => "tệp không có cột xã: mọi dòng thuộc {} ({}), lấy từ {}";
    FROM_AREA_OPTION: "--area" => "tham số --area";
    FROM_TITLE: "the title \"{}\"" => "tiêu đề \"{}\"";
    FROM_SHEET_NAME: "the sheet's name \"{}\"" => "tên trang tính \"{}\"";
    NO_FILE_UNIT:
        "{}:{}: the roll has no commune column (Mã xã, Xã/phường, or an enterprise's tax code), and neither its title nor its sheet's name names a unit; headers found: {}"
        => "{}:{}: danh sách không có cột xã (Mã xã, Xã/phường, hoặc mã số thuế của doanh nghiệp), và cả tiêu đề lẫn tên trang tính đều không ghi tên đơn vị nào; các cột tìm thấy: {}";
    NO_FILE_UNIT_HINT:
        "add the commune column, or say whose list it is with --area CODE or --area \"Xã …\""
        => "thêm cột xã, hoặc cho biết đây là danh sách của đơn vị nào bằng --area MÃ hoặc --area \"Xã …\"";
    TITLE_NAMES_UNITS:
        "{}: the title \"{}\" names {} units: {}"
        => "{}: tiêu đề \"{}\" ghi tên {} đơn vị: {}";
    TITLE_NAMES_UNITS_HINT:
        "add the commune column, or say whose list it is with --area"
        => "thêm cột xã, hoặc cho biết đây là danh sách của đơn vị nào bằng --area";
    UNITS_DISAGREE:
        "{}: {} names {} ({}) but {} names {} ({})"
        => "{}: {} ghi {} ({}) nhưng {} ghi {} ({})";
    UNITS_DISAGREE_HINT:
        "check which commune's list this is; correct the title or the sheet's name, or leave out --area"
        => "xem lại đây là danh sách của xã nào; sửa tiêu đề hoặc tên trang tính, hoặc bỏ --area";
    AREA_WITH_UNIT_COLUMN:
        "{}: --area names the commune of a roll without a commune column, but this roll has one"
        => "{}: --area dùng để ghi xã cho danh sách không có cột xã, nhưng danh sách này có cột xã";
    HEADING_NOT_AREA:
        "{}: --area names {} ({}) but the section heading on line {} names \"{}\"{}"
        => "{}: --area ghi {} ({}) nhưng dòng tiêu đề mục ở dòng {} ghi \"{}\"{}";
    HEADING_NOT_AREA_HINT:
        "a list grouped under several communes' headings takes each row's commune from its heading: leave out --area; for one commune's list, correct the heading or --area"
        => "danh sách chia theo tiêu đề của nhiều xã thì mỗi dòng lấy xã theo tiêu đề của nó: bỏ --area; nếu là danh sách của một xã, sửa dòng tiêu đề hoặc --area";
    AREA_NOT_USED:
        "each row's commune is read from its own column (--area names the commune of the other files, without one)"
        => "xã của mỗi dòng đọc theo cột xã của dòng đó (--area ghi xã cho các tệp khác, không có cột xã)";
    AREA_WITH_UNIT_COLUMN_HINT:
        "leave out --area: each row's unit is read from its own column"
        => "bỏ --area: đơn vị của từng dòng được đọc từ cột của dòng đó";
    AREA_OPTION_UNREAD: "--area \"{}\": {}" => "tham số --area \"{}\": {}";
    AREA_OPTION_HINT:
        "give the unit's code (Mã xã) or its name with its type (Xã …, Phường …)"
        => "ghi mã đơn vị (Mã xã) hoặc tên kèm loại đơn vị (Xã …, Phường …)";
    NO_AREAS_TO_FIND_IN:
        "the store has no areas reference to find the unit in"
        => "kho chưa có danh mục địa bàn để tìm đơn vị";
    NO_SUCH_UNIT:
        "no unit of that name or code in the areas reference"
        => "danh mục địa bàn không có đơn vị nào có tên hoặc mã này";
    NAME_FITS_UNITS: "the name fits {} units: {}" => "tên này khớp với {} đơn vị: {}";
    NAME_OF_OLD_COMMUNES:
        "the name is of several communes of before the 2025 reform: {}"
        => "tên này là của nhiều xã trước khi sắp xếp năm 2025: {}";

    // --- A roll's departed members, wherever the file says them
    STRAY_STATUS_WORD:
        "{}: line {}: column \"{}\" holds \"{}\", a word for a member who has left, but tally reads no status column in this roll: the departed members would be counted as members"
        => "{}: dòng {}: cột \"{}\" ghi \"{}\", là từ chỉ đoàn viên, hội viên đã ra khỏi tổ chức, nhưng danh sách này không có cột trạng thái mà tally đọc được: những người đã ra sẽ bị đếm là còn sinh hoạt";
    STRAY_STATUS_WORD_HINT:
        "if column \"{}\" says each member's status, rename its header to \"Trạng thái\" (such as Đang sinh hoạt, Qua đời, Chuyển sinh hoạt, Ra Đoàn, Xin ra, Xóa tên; every spelling is listed in docs/formats.md); otherwise take the departed members out of the roll"
        => "nếu cột \"{}\" ghi trạng thái của từng người, đổi tên cột thành \"Trạng thái\" (chẳng hạn Đang sinh hoạt, Qua đời, Chuyển sinh hoạt, Ra Đoàn, Xin ra, Xóa tên; mọi cách viết có trong docs/formats.md); nếu không, bỏ những người đã ra khỏi danh sách";
    FILE_OF_KIND: "{} ({})" => "{} (là {})";
    ROLL_OPTIONS_WITHOUT_ROLL:
        "--org and --as-of name a roll's organization and date, but no file of this command is a roll: {}"
        => "--org và --as-of chỉ tổ chức và ngày chốt của một danh sách, nhưng lệnh này không có tệp nào là danh sách: {}";
    ROLL_OPTIONS_WITHOUT_ROLL_HINT:
        "drop --org and --as-of to store these tables (a table of eligible counts or targets holds every organization it names), or add --kind roll if the file is a roll"
        => "bỏ --org và --as-of để lưu các bảng này (bảng số đối tượng hay chỉ tiêu gồm mọi tổ chức có trong bảng), hoặc thêm --kind roll nếu tệp là danh sách";
    SKIPPED_SUMMARY_SHEETS:
        "skipped {} sheet(s) that hold a table of counts beside the workbook's rolls (the roll's own summary?): {}; not stored as eligible counts or targets. If such a sheet holds them, ingest it on its own with --sheet"
        => "đã bỏ qua {} trang tính là bảng số liệu nằm cùng các trang danh sách của bảng tính (bảng tổng hợp của chính danh sách?): {}; không lưu thành số đối tượng hay chỉ tiêu. Nếu trang đó đúng là số đối tượng hoặc chỉ tiêu, hãy nạp riêng trang đó bằng --sheet";
    SKIPPED_DEPARTED_SHEETS:
        "skipped {} sheet(s) that list members who have left, with no status column: {}; their rows are not counted as members"
        => "đã bỏ qua {} trang tính liệt kê những người đã ra khỏi tổ chức, không có cột trạng thái: {}; các dòng của chúng không được đếm là đoàn viên, hội viên";
    DEPARTED_LIST:
        "{}: the list is of members who have left (\"{}\") and has no status column: read as a roll, every one of them would be counted as a member"
        => "{}: đây là danh sách những người đã ra khỏi tổ chức (\"{}\") và không có cột trạng thái: nếu đọc như danh sách đoàn viên, hội viên, mọi người trong đó sẽ bị đếm là còn sinh hoạt";
    DEPARTED_LIST_HINT:
        "ingest the list of current members instead; to keep the departures, add a \"Trạng thái\" column with each one's word (Đã ra, Chuyển sinh hoạt, Đã mất, …) to the roll"
        => "hãy nạp danh sách những người đang sinh hoạt; muốn giữ thông tin người đã ra, thêm cột \"Trạng thái\" ghi từ của từng người (Đã ra, Chuyển sinh hoạt, Đã mất, …) vào danh sách";

    // --- The month a sheet's name says
    SHEET_MONTH:
        "{}: the sheet's name \"{}\" says the figures are of {}, but the snapshot date is {}"
        => "{}: tên trang tính \"{}\" cho biết số liệu là của {}, nhưng ngày chốt số liệu là {}";
    SHEET_MONTH_HINT:
        "if the sheet is the roll of {}, give a date of that month with --as-of; if it is the roll as of {}, rename the sheet (or export it again: it may be an earlier file)"
        => "nếu trang tính là danh sách của {}, ghi một ngày của tháng đó bằng --as-of; nếu đó là danh sách tính đến {}, đổi tên trang tính (hoặc xuất lại tệp: có thể đây là tệp cũ)";
    SHEET_MONTH_COLUMN_HINT:
        "correct the sheet's name or the as_of column, whichever is wrong"
        => "sửa tên trang tính hoặc cột ngày chốt số liệu, tùy chỗ nào sai";

    // --- A roll that names another organization
    ROLL_NAMES_ORG:
        "{}: \"{}\" names the {}, but the roll is being stored as the {}'s"
        => "{}: \"{}\" là của {}, nhưng danh sách đang được lưu là của {}";
    ROLL_NAMES_ORG_STORED:
        "\"{}\" names the {}, but the roll was stored as the {}'s, as asked (--skip-invalid): check that it is the right organization's roll"
        => "\"{}\" là của {}, nhưng danh sách đã được lưu là của {} theo yêu cầu (--skip-invalid): hãy kiểm tra đây có đúng là danh sách của tổ chức này không";
    ROLL_NAMES_ORG_HINT:
        "if it is that organization's roll, give --org {}; if the title or header is wrong, correct it, or add --skip-invalid to store the roll as asked"
        => "nếu đây là danh sách của tổ chức đó, ghi --org {}; nếu tiêu đề hoặc tên cột ghi sai, hãy sửa lại, hoặc thêm --skip-invalid để lưu danh sách như yêu cầu";

    // --- Rows a roll's own cells contradict
    ID_SAYS_A_MAN:
        "the ID's sex digit says a man, in the Women's Union roll"
        => "chữ số giới tính của số định danh cho biết là nam giới, trong danh sách Hội Liên hiệp Phụ nữ";
    CODE_AND_NAME_DISAGREE:
        "{} \"{}\" is {} ({}), but this column names {}"
        => "{} \"{}\" là {} ({}), nhưng cột này ghi {}";
    UNIT_AND_CODE: "{} ({})" => "{} (mã {})";
    NO_UNIT_OF_THE_AREAS:
        "no unit of the areas reference"
        => "một đơn vị không có trong danh mục địa bàn";
    CODE_AND_NAME_DISAGREE_HINT:
        "correct whichever of the code and the name is wrong (or empty the name cell: the code alone says the commune)"
        => "sửa ô sai trong hai ô mã và tên (hoặc xóa ô tên: chỉ mã cũng đủ xác định xã)";

    // --- Warnings and notes of one ingest, each kind said once
    ON_ROWS:
        "{}, on {} rows ({})"
        => "{}, ở {} dòng ({})";
    SHEET_ROWS: "{} rows {}" => "{} dòng {}";
    SHEET_ROW: "{} row {}" => "{} dòng {}";
    FILE_LINE: "{} line {}" => "{} dòng {}";
    SHEET_NAMED: "sheet \"{}\"" => "trang tính \"{}\"";
    FILE_LINES: "{} lines {}" => "{} dòng {}";
    IN_SHEETS: "{} ({} sheets: {}): {}" => "{} ({} trang tính: {}): {}";
    IGNORED_COLUMNS_HERE:
        "ignored column(s) that match no field: {}"
        => "bỏ qua cột không khớp trường nào: {}";
    TOTALS_ROWS_HERE:
        "skipped {} totals row(s) ({})"
        => "bỏ qua {} dòng tổng cộng ({})";
    WARNINGS_WRITTEN:
        "every warning ({} row(s)) is in {}"
        => "mọi cảnh báo ({} dòng) nằm trong {}";

    // --- The headers of the --rejects and --warnings files, in the reader's language
    HEAD_FILE: "file" => "tệp";
    HEAD_SHEET: "sheet" => "trang tính";
    HEAD_LINE: "line" => "dòng";
    HEAD_COLUMN: "column" => "cột";
    HEAD_VALUE: "value" => "giá trị";
    HEAD_REASON: "reason" => "lý do";
    HEAD_WARNING: "warning" => "cảnh báo";
    HEAD_HINT: "hint" => "gợi ý";

    // --- A workbook's sheets stored as one snapshot, said in one line
    BOOK_STORED:
        "{} ({} sheets): stored {} row(s) of the {} (ingests {}{})"
        => "{} ({} trang tính): đã lưu {} dòng của {} (các lần nạp {}{})";
    BOOK_WOULD_STORE:
        "{} ({} sheets): would store {} row(s) of the {} (ingests {}{})"
        => "{} ({} trang tính): sẽ lưu {} dòng của {} (các lần nạp {}{})";
    BOOK_REJECTED: "; {} rejected" => "; loại {} dòng";
}
