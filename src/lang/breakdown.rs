//! What `tally report` says of crossed breakdowns (`--by a,b`) and of the per-unit
//! table (`--table units`): English and Vietnamese side by side.

crate::messages! {
    CROSS_TOO_MANY:
        "\"{}\" crosses {} breakdowns: at most three cross"
        => "\"{}\" kết hợp {} chiều phân tổ: chỉ kết hợp được tối đa ba chiều";
    CROSS_TWICE:
        "\"{}\" is crossed with itself in \"{}\""
        => "chiều \"{}\" được kết hợp với chính nó trong \"{}\"";
    CROSS_TOTAL:
        "\"{}\" crosses total, which has one group: name the breakdowns to cross"
        => "\"{}\" kết hợp với total (chỉ có một nhóm): hãy nêu các chiều phân tổ cần kết hợp";
    CROSS_REASON:
        "\"{}\" crosses reason, whose rows are departures only: ask for --by reason on its own"
        => "\"{}\" kết hợp với reason (lý do ra, chỉ có số ra): hãy dùng --by reason riêng";
    UNITS_NEED_AREAS:
        "--table units needs the areas file: it says what the units are"
        => "--table units cần tệp danh mục địa bàn: tệp đó cho biết các đơn vị";
    UNITS_NEED_AREAS_HINT:
        "ingest the areas file (code, name, level, parent code) first"
        => "hãy nạp tệp danh mục địa bàn (mã, tên, cấp, mã cấp trên) trước";
    UNITS_ONE_PERIOD:
        "--table units is one period's table, not a series's"
        => "--table units là bảng của một kỳ, không dùng cho chuỗi nhiều kỳ";
    UNITS_ONE_PERIOD_HINT:
        "use --period (or run one report per period)"
        => "dùng --period (hoặc chạy một báo cáo cho mỗi kỳ)";
    // --- The per-unit table's headings
    UNIT_LEVEL: "Level" => "Cấp";
    UNIT_CODE: "Unit code" => "Mã đơn vị";
    UNIT_NAME: "Unit" => "Tên đơn vị";
    UNIT_WOMEN: "Of whom women" => "Trong đó: nữ";
    UNIT_MINORITY: "Of whom ethnic-minority" => "Trong đó: dân tộc thiểu số";
    UNIT_RELIGIOUS: "Of whom religious" => "Trong đó: có tôn giáo";
    SHEET_UNITS: "By unit" => "Theo đơn vị";
    UNITS_FORMATS:
        "--table units is written as CSV, JSON or XLSX"
        => "--table units chỉ ghi ra CSV, JSON hoặc XLSX";
    UNITS_FORMATS_HINT:
        "add --format csv, or --output with .csv, .json or .xlsx"
        => "thêm --format csv, hoặc --output với đuôi .csv, .json hay .xlsx";
}
