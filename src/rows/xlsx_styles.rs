//! What an .xlsx cell's style makes of its number: a date, a duration, a percentage or
//! a plain number, from the workbook's palette as calamine reads it. The rules are
//! calamine's own (a built-in format by its number, a workbook's own by its code), so
//! that a cell reads the same whichever reader read its sheet (`xlsx_sheet`).

use super::percent_cells::is_percent_format;

/// What a cell's style makes of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    Number,
    Date,
    /// A time or a duration: shown as its number.
    Duration,
    Percent,
}

/// Each style's way of showing numbers, from calamine's palette: a built-in format by
/// its number, a workbook's own by its code (the rules calamine applies).
pub(super) fn shown_of(styles: &[calamine::Style]) -> Vec<Shown> {
    styles
        .iter()
        .map(|s| match &s.number_format {
            None => Shown::Number,
            Some(f) => {
                let builtin = f.format_id.filter(|id| {
                    f.format_code == "General" || builtin_code(*id) == Some(f.format_code.as_str())
                });
                let date = match builtin {
                    Some(id) => builtin_date(id),
                    None => custom_date(&f.format_code),
                };
                match date {
                    Some(true) => Shown::Date,
                    Some(false) => Shown::Duration,
                    None if is_percent_format(&f.format_code) => Shown::Percent,
                    None => Shown::Number,
                }
            }
        })
        .collect()
}

/// The codes of the built-in formats that show dates and times (ECMA-376 18.8.30).
fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        14 => "mm-dd-yy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "m/d/yy h:mm",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        _ => return None,
    })
}

/// A built-in format: `Some(true)` a date or time, `Some(false)` a duration.
fn builtin_date(id: u32) -> Option<bool> {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => Some(true),
        46 => Some(false),
        _ => None,
    }
}

/// A workbook's own format: a date or time where its first section has a date or time
/// letter outside quotes, escapes and brackets (`[h]`, `[mm]` make it a duration);
/// `AM/PM` counts.
fn custom_date(code: &str) -> Option<bool> {
    let (mut escaped, mut quoted, mut brackets) = (false, false, 0u8);
    let (mut prev, mut elapsed, mut am) = (' ', false, false);
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if quoted {
            quoted = c != '"';
        } else {
            match c {
                '_' | '\\' | '*' => escaped = true,
                '"' => quoted = true,
                ';' => return None,
                '[' => brackets += 1,
                ']' if brackets == 1 && elapsed => return Some(false),
                ']' => brackets = brackets.saturating_sub(1),
                'a' | 'A' if !am && brackets == 0 => am = true,
                'p' | 'm' | '/' | 'P' | 'M' if am && brackets == 0 => return Some(true),
                'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S'
                    if !am && brackets == 0 =>
                {
                    return Some(true)
                }
                _ => {
                    if !(elapsed && c.eq_ignore_ascii_case(&prev)) {
                        elapsed = prev == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                    }
                }
            }
        }
        prev = c;
    }
    None
}
