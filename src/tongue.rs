//! The two languages tally speaks and how the reader's is found: a leaf, so that
//! every room (the language layer `lang/` and the older catalogue `messages` alike)
//! can name a language without importing what says things in it.

/// The two languages tally speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// `vi` when the locale says Vietnamese, else `en`.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// The language of the locale, as POSIX decides it: the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set and not empty.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }
}
