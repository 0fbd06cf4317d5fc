//! The messages tally says, English and Vietnamese side by side. More specific
//! patterns come before the general ones they would otherwise match (a test checks).

/// (English pattern, Vietnamese text).
pub(super) const CATALOGUE: &[(&str, &str)] = &[
    // --- Reference files: kinds, versions, percentages ---------------------------------
    // --- The ingest summary -----------------------------------------------------------
    // --- A roll row: why it is rejected, and how to fix it ---------------------------
    ("unknown {}; kept as unknown", "{} không rõ; ghi nhận là không rõ"),
    ("ethnicity", "dân tộc"),
    ("religion", "tôn giáo"),
    // --- A roll file as a whole ----------------------------------------------------
    // --- The store ------------------------------------------------------------------
    // --- Reference files ------------------------------------------------------------
    // --- Usage ----------------------------------------------------------------------
    ("a day, not a period: for the members on one day use --as-of {}; a period is one of {}", "đây là một ngày, không phải một kỳ: để xem thành viên vào một ngày, dùng --as-of {}; một kỳ là một trong: {}"),
    ("expected one of {}", "cần một trong: {}"),
    // --- The store: what it writes and deletes, damaged and hostile files --------------
    // --- The store, files and permissions ---------------------------------------------
    ("cannot write the rejects file {}", "không ghi được tệp dòng bị loại {}"),
    // --- Files that cannot be read -----------------------------------------------------
    // --- Rolls: status words, snapshots, missing parts -----------------------------------
    ("age", "tuổi"),
    ("Trade union", "Công đoàn"),
    ("Youth Union", "Đoàn Thanh niên"),
    ("Women's Union", "Hội Liên hiệp Phụ nữ"),
    ("Farmers' Association", "Hội Nông dân"),
    ("Veterans' Association", "Hội Cựu chiến binh"),
    // General patterns last: they match inside longer messages.
    ("expected {}", "cần {}"),
    ("{} roll as of {}", "danh sách {} chốt ngày {}"),
];
