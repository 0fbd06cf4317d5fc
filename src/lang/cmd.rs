//! What the commands say around their results (labels of warnings and errors, the
//! ingest's summary lines, `status`, `verify`, `backup`, the wait for the store's
//! lock): English and Vietnamese side by side.

crate::messages! {
    // --- The labels of what is said on stderr
    WARNING: "warning: {}" => "cảnh báo: {}";
    ERROR: "error: {}" => "lỗi: {}";
    HINT: "hint: {}" => "gợi ý: {}";

    // --- The store's lock
    WAITING_FOR_LOCK:
        "waiting for another tally process to finish with the store (up to {} s; --wait sets how long)…"
        => "đang chờ một tiến trình tally khác dùng xong kho dữ liệu (tối đa {} giây; --wait đặt thời gian chờ)…";

    // --- The ingest's progress bar
    PROGRESS_ROWS: "{} rows, {} rows/s" => "{} dòng, {} dòng/giây";

    LOCK_BUSY_USING:
        "another tally process is using the store ({}); gave up after {} s"
        => "một tiến trình tally khác đang dùng kho dữ liệu ({}); đã thôi chờ sau {} giây";
    LOCK_BUSY_WRITING:
        "another tally process is writing the store ({}); gave up after {} s"
        => "một tiến trình tally khác đang ghi kho dữ liệu ({}); đã thôi chờ sau {} giây";
    LOCK_BUSY_HINT:
        "wait for it to finish and run the command again, or give more time with --wait SECONDS"
        => "chờ tiến trình đó xong rồi chạy lại lệnh, hoặc cho thêm thời gian chờ bằng --wait GIÂY";
    CANNOT_OPEN_LOCK: "cannot open the store lock {}" => "không mở được khóa của kho {}";
    CANNOT_LOCK: "cannot lock the store ({})" => "không khóa được kho ({})";

    // --- Commands that need a store, an ingest, a subcommand
    NO_STORE: "there is no store at {}" => "không có kho dữ liệu ở {}";
    NAME_THE_STORE:
        "name the store with --store DIR or TALLY_STORE"
        => "chỉ rõ kho bằng --store THƯ-MỤC hoặc TALLY_STORE";
    SEE_INGEST_IDS: "run `tally status` to see the ingest IDs" => "chạy `tally status` để xem mã các lần nạp";
    NO_ROLLS: "the store {} has no rolls to report on" => "kho {} chưa có danh sách nào để báo cáo";
    LOAD_ROLLS_FIRST:
        "load the rolls first: tally ingest FILE... --org ORG --as-of DATE"
        => "nạp danh sách trước: tally ingest TỆP... --org TỔ-CHỨC --as-of NGÀY";
    CANNOT_WRITE_REPORT: "cannot write the report {}" => "không ghi được báo cáo {}";
    CANNOT_WRITE_WARNINGS: "cannot write the warnings file {}" => "không ghi được tệp cảnh báo {}";
    NO_SUBCOMMAND: "no subcommand \"{}\"" => "không có lệnh con \"{}\"";
    ONE_OF: "one of: {}" => "một trong: {}";
    EXIT_STATUS: "EXIT STATUS" => "MÃ THOÁT";

    // --- Mistakes on the command line (clap's own words in English)
    USAGE_MISTAKE: "tally: error: {}\n{}" => "tally: lỗi: {}\n{}";
    SEE_HELP:
        "tip: run 'tally --help' (or 'tally COMMAND --help') to see how to use it"
        => "gợi ý: chạy 'tally --help' (hoặc 'tally LỆNH --help') để xem cách dùng";
    INVALID_VALUE: "invalid value '{}' for '{}'" => "giá trị '{}' không hợp lệ cho '{}'";
    INVALID_VALUE_OF:
        "invalid value '{}' for '{}'; possible values: {}"
        => "giá trị '{}' không hợp lệ cho '{}'; các giá trị có thể: {}";
    VALUE_REQUIRED: "'{}' needs a value, and none was given" => "'{}' cần một giá trị, nhưng không có giá trị nào";
    VALUE_REQUIRED_OF:
        "'{}' needs a value, and none was given; possible values: {}"
        => "'{}' cần một giá trị, nhưng không có giá trị nào; các giá trị có thể: {}";
    INVALID_VALUE_WHY: "invalid value '{}' for '{}': {}" => "giá trị '{}' không hợp lệ cho '{}': {}";
    EXPECTED: "expected {}" => "cần {}";
    NOT_A_WHOLE_NUMBER: "not a whole number" => "không phải số nguyên";
    NUMBER_TOO_LARGE: "too large a number" => "số quá lớn";
    NOT_IN_RANGE: "expected a number from {} to {}" => "cần một số từ {} đến {}";
    AT_LEAST: "expected a number of {} or more" => "cần một số từ {} trở lên";
    UNKNOWN_ARGUMENT: "unexpected argument '{}'" => "không có tham số '{}'";
    UNKNOWN_SUBCOMMAND: "unrecognized subcommand '{}'" => "không có lệnh con '{}'";
    MISSING_ARGUMENT: "missing a required argument: {}" => "thiếu tham số bắt buộc: {}";
    MISSING_SUBCOMMAND:
        "missing a subcommand (ingest, report, status, drop...)"
        => "thiếu lệnh con (ingest, report, status, drop...)";
    ARGUMENT_CONFLICT:
        "'{}' cannot be used with an argument already given"
        => "'{}' không dùng cùng với tham số đã cho";
    ARGUMENT_CONFLICT_WITH:
        "'{}' cannot be used with '{}'"
        => "'{}' không dùng cùng với '{}'";
    TOO_MANY_VALUES: "'{}' was given too many values" => "'{}' được cho quá nhiều giá trị";
    DID_YOU_MEAN: "{} (did you mean '{}'?)" => "{} (có phải ý bạn là '{}'?)";

    // --- A rejected row or a warning: where, what, why
    ROW_OF_SHEET: "{}, row {}" => "{}, dòng {}";
    COLUMN_LABEL: "column" => "cột";
    VALUE_LABEL: "value" => "giá trị";
    /// A value too long to repeat whole: its start, and how long it is.
    VALUE_CUT: "{}… ({} characters)" => "{}… ({} ký tự)";
    HINT_LABEL: "hint" => "gợi ý";

    // --- tally backup
    BACKED_UP:
        "backed up {} part(s), {} bytes, to {} and verified the copy"
        => "đã sao lưu {} phần dữ liệu, {} byte, vào {} và đã kiểm tra bản sao";
    COPY_HOLDS_SECRET:
        "the copy holds the secret: keep it as private as the store"
        => "bản sao có khóa bí mật: giữ nó riêng tư như chính kho";
    COPY_LACKS_SECRET:
        "the copy has no secret: it reports, and refuses ingests until the secret is put back; keep {} apart (another medium or account) and back it up too"
        => "bản sao không có khóa bí mật: vẫn báo cáo được, nhưng không nạp thêm được cho đến khi đặt khóa lại; giữ {} ở nơi riêng (phương tiện hoặc tài khoản khác) và sao lưu cả nó";

    // --- tally verify
    RESTORED_MANIFEST:
        "restored {} from {} (generation {}, {} part(s), each checked)"
        => "đã khôi phục {} từ {} (thế hệ {}, {} phần dữ liệu, đã kiểm tra từng phần)";
    CHECKED:
        "{}: checked {} part(s), {} bytes, {} rows; secret {}"
        => "{}: đã kiểm tra {} phần dữ liệu, {} byte, {} dòng; khóa bí mật: {}";
    SECRET_OK: "ok" => "đúng";
    SECRET_MISSING: "missing" => "bị mất";
    SECRET_WRONG: "wrong" => "sai";
    SECRET_NONE: "none" => "chưa có";
    FIX: "fix: {}" => "cách sửa: {}";
    STORE_SOUND: "the store is sound" => "kho dữ liệu không có lỗi";
    STORE_HAS_PROBLEMS: "the store has {} problem(s)" => "kho có {} lỗi";
    FIX_AS_SAID:
        "fix each as said above, then run tally verify again"
        => "sửa từng lỗi như trên, rồi chạy lại tally verify";

    // --- tally status
    STATUS_STORE: "store: {}" => "kho: {}";
    NOT_PRIVATE:
        "not private: the store holds ethnicity and religion, but"
        => "chưa riêng tư: kho chứa dân tộc và tôn giáo, nhưng";
    STORE_EMPTY:
        "the store is empty: load files with `tally ingest FILE...`"
        => "kho còn trống: nạp tệp bằng `tally ingest TỆP...`";
    SNAPSHOTS: "snapshots" => "các lần chốt số liệu";
    INGESTS_TITLE: "ingests" => "các lần nạp";
    COL_ORG: "org" => "tổ chức";
    COL_AS_OF: "as of" => "ngày chốt";
    COL_ROWS: "rows" => "số dòng";
    COL_INGESTS: "ingests" => "lần nạp";
    COL_REFERENCE: "reference" => "danh mục";
    COL_INGEST: "ingest" => "lần nạp";
    COL_FILE: "file" => "tệp";
    COL_KIND: "kind" => "loại";
    COL_REJECTED: "rejected" => "bị loại";
    COL_INGESTED_AT: "ingested at" => "nạp lúc";
    NOT_LOADED: "not loaded" => "chưa nạp";
    YEARS: "years {}" => "năm {}";
    IN_FORCE_EARLIER: "in force; {} earlier version(s) kept" => "đang dùng; giữ {} bản trước";

    // --- tally ingest: what became of each file, and how it was read
    ALREADY_INGESTED:
        "{}: already ingested (ingest {}); nothing changed"
        => "{}: đã nạp trước đây (lần nạp {}); không thay đổi gì";
    NOTHING_TO_STORE:
        "{}: {} row(s) read, {} rejected; nothing to store ({})"
        => "{}: đọc {} dòng, loại {} dòng; không có gì để lưu ({})";
    WOULD_STORE_REJECTED:
        "{}: would store {} row(s) of the {} (ingest {}, {} rejected; {})"
        => "{}: sẽ lưu {} dòng của {} (lần nạp {}, loại {} dòng; {})";
    WOULD_STORE:
        "{}: would store {} row(s) of the {} (ingest {}; {})"
        => "{}: sẽ lưu {} dòng của {} (lần nạp {}; {})";
    STORED_REJECTED:
        "{}: stored {} row(s) of the {} (ingest {}, {} rejected; {})"
        => "{}: đã lưu {} dòng của {} (lần nạp {}, loại {} dòng; {})";
    STORED:
        "{}: stored {} row(s) of the {} (ingest {}; {})"
        => "{}: đã lưu {} dòng của {} (lần nạp {}; {})";
    ROLL_AS_OF: "{} roll as of {}" => "danh sách {} chốt ngày {}";
    HEADER_DETECTED:
        "{}, header on line {}, detected as {}"
        => "{}, dòng tiêu đề {}, nhận ra là tệp {}";
    HEADER_ON_LINE: "{}, header on line {}" => "{}, dòng tiêu đề {}";
    TAB_SEPARATED: "{}, tab-separated" => "{}, phân cách bằng tab";
    SEMICOLON_SEPARATED: "{}, ';'-separated" => "{}, phân cách bằng ';'";
    PIPE_SEPARATED: "{}, '|'-separated" => "{}, phân cách bằng '|'";
    ENCODING_WORKBOOK: "workbook" => "sổ tính";
    ENCODING_DOUBLE: "utf-8 (double-encoded, repaired)" => "utf-8 (mã hoá hai lần, đã sửa)";
    IGNORED_COLUMNS:
        "{}: ignored column(s) that match no field: {}"
        => "{}: bỏ qua cột không khớp trường nào: {}";
    TOTALS_ROWS: "{}: skipped totals row(s) on line(s) {}" => "{}: bỏ qua dòng tổng cộng ở dòng {}";

    // --- tally ingest: warnings and rejected rows
    REJECTS_WRITTEN: "{} rejected row(s) written to {}" => "đã ghi {} dòng bị loại vào {}";
    REJECTS_LEFT:
        "no file was read again, so {} was left as it was"
        => "không tệp nào được đọc lại, nên {} được giữ nguyên";
    REJECTED: "rejected: {}" => "bị loại: {}";
    REJECTED_IN_ALL:
        "… {} rejected rows in all (the first {} shown)"
        => "… tổng cộng {} dòng bị loại (hiện {} dòng đầu)";
    SKIPPED_INVALID:
        "{} row(s) rejected and not stored (--skip-invalid)"
        => "{} dòng bị loại và không được lưu (--skip-invalid)";
    NOTHING_STORED: "{} row(s) rejected; nothing was stored" => "{} dòng bị loại; không lưu gì cả";
    NOTHING_STORED_FIRST:
        "{} row(s) rejected; nothing was stored. The first: {}"
        => "{} dòng bị loại; không lưu gì cả. Dòng đầu tiên: {}";
    CORRECT_OR_SKIP:
        "correct the rows and ingest again, or add --skip-invalid to store the valid rows (--rejects FILE lists every rejected row)"
        => "sửa các dòng đó rồi nạp lại, hoặc thêm --skip-invalid để lưu các dòng hợp lệ (--rejects TỆP liệt kê mọi dòng bị loại)";
    CORRECTED_EXPORT:
        "every rejected row of {} repeats a person stored from {}: if {} is a corrected export of it, ingest it again with --replace (it replaces the snapshot's parts)"
        => "mọi dòng bị loại của {} đều trùng người đã lưu từ {}: nếu {} là bản xuất đã sửa của tệp đó, hãy nạp lại với --replace (thay các phần của lần chốt đó)";
    REJECTS_DIR_MISSING:
        "cannot write the rejects file {}: its directory does not exist"
        => "không ghi được tệp dòng bị loại {}: thư mục không tồn tại";
    REJECTS_DIR_HINT:
        "create the directory first, or give another --rejects path"
        => "tạo thư mục trước, hoặc chọn đường dẫn --rejects khác";
    WARNINGS_DIR_MISSING:
        "cannot write the warnings file {}: its directory does not exist"
        => "không ghi được tệp cảnh báo {}: thư mục không tồn tại";
    WARNINGS_DIR_HINT:
        "create the directory first, or give another --warnings path"
        => "tạo thư mục trước, hoặc chọn đường dẫn --warnings khác";

    // --- tally status at scale
    SHEETS_OF_WORKBOOK: "{} ({} sheets)" => "{} ({} trang tính)";
    MORE_INGESTS: "… ({} in all)" => "… (tất cả {})";
    DROP_WORKBOOK_TIP:
        "a workbook's sheets are one line; `tally drop FILE` drops them together"
        => "các trang tính của một sổ tính gộp thành một dòng; `tally drop TỆP` gỡ tất cả cùng lúc";
    NOTHING_MATCHES: "no ingest matches --org, --kind or --since" => "không có lần nạp nào khớp --org, --kind hoặc --since";
}
