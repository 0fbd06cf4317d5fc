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
}
