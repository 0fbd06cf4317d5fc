//! What a report says of the month before and of the lists to act on (docs/metrics.md,
//! "Against last month" and "Lists to act on"): headings and sentences, English and
//! Vietnamese side by side.

crate::messages! {
    // --- Against last month
    /// The compact change cell of the tables a person reads: members; points.
    COL_AGAINST_LAST_MONTH:
        "Change on last month (members; coverage pp)"
        => "So với tháng trước (thành viên; điểm %)";
}
