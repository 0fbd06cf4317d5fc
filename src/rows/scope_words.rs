//! The headings of a targets table laid out a column per scope (`Toàn tỉnh`, `Vùng
//! đồng bào DTTS`, `Vùng tôn giáo`, `Nông thôn`, `DN ngoài nhà nước`), a row per
//! organization: which headings can name a scope. The targets reader reads each as
//! the scope it names, and refuses one it cannot.

/// Whether a folded heading can name a target's scope: the province as a whole, a
/// focus area by the directive's phrase (or, `focus`, by any of the areas file's names
/// for it, which the caller knows), or the enterprises of an ownership.
pub(super) fn is_scope(key: &str, focus: impl Fn(&str) -> bool) -> bool {
    const WHOLE: [&str; 6] = [
        "toan tinh",
        "ca tinh",
        "toan bo",
        "chung",
        "tat ca",
        "total",
    ];
    const PHRASES: [&str; 4] = [
        "vung dong bao dtts",
        "vung dong bao dan toc thieu so",
        "dia ban dong bao dtts",
        "vung dong bao ton giao",
    ];
    let firms = ["dn ", "doanh nghiep ", "khu vuc ", "khoi "];
    WHOLE.contains(&key)
        || PHRASES.contains(&key)
        || focus(key)
        || key == "fdi"
        || firms.iter().any(|p| key.starts_with(p))
}
