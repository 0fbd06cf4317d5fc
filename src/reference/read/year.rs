//! The year of a counts or targets file: its year column (`Năm`), else its title block
//! (`SỐ ĐỐI TƯỢNG NĂM 2026`), else `--year`; else the file is refused, naming what is
//! missing. A title that contradicts `--year` or the column refuses the file: the year
//! is never guessed, and a file kept under another year's title is a slip to catch.

use anyhow::Result;

use super::{Field, Kind, Row, Table};
use crate::error::Failure;
use crate::lang::{self, Text};
use crate::t;
use crate::text::fold;

/// The year the title block names (`NĂM 2026`, `năm 2026`, `YEAR 2026`), with the line
/// that names it. A date's year (`ngày 15 tháng 01 năm 2026`, the day the table was
/// made) is not the year of its figures. Two different years: `Err` with both.
pub(super) fn title_year(title: &[String]) -> Result<Option<(i32, String)>, Text> {
    let mut found: Option<(i32, String)> = None;
    for line in title {
        let key = fold(line);
        let words: Vec<&str> = key.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            if !matches!(*w, "nam" | "year") || (i >= 2 && words[i - 2] == "thang") {
                continue;
            }
            // A span of years (`NĂM 2025-2026`) names no one year.
            if words
                .get(i + 2)
                .is_some_and(|n| n.len() == 4 && n.parse::<i32>().is_ok())
            {
                continue;
            }
            let Some(y) = words
                .get(i + 1)
                .filter(|n| n.len() == 4)
                .and_then(|n| n.parse::<i32>().ok())
                .filter(|y| (1900..=2100).contains(y))
            else {
                continue;
            };
            match &found {
                Some((other, at)) if *other != y => {
                    return Err(t!(
                        lang::reference::TWO_YEARS,
                        format!("{other} (\"{at}\")"),
                        format!("{y} (\"{line}\")")
                    ))
                }
                Some(_) => {}
                None => found = Some((y, line.clone())),
            }
        }
    }
    Ok(found)
}

/// The year every row without its own takes: from the title, else `--year`. Checks
/// that the title, `--year` and the year column agree, and that a file without a year
/// column has a year from somewhere.
pub(super) fn file_year(table: &Table, rows: &[Row], flag: Option<i32>) -> Result<Option<i32>> {
    let name = &table.name;
    let title = title_year(&table.title).map_err(|both| {
        Failure::invalid(t!(lang::reference::TITLE_TWO_YEARS, name, both))
            .hint(t!(lang::reference::CORRECT_TITLE_GIVE_EACH))
    })?;
    if let (Some((t, line)), Some(f)) = (&title, flag) {
        if *t != f {
            return Err(Failure::invalid(t!(
                lang::reference::YEAR_CONTRADICTS_TITLE,
                name,
                f,
                *t,
                line
            ))
            .hint(t!(lang::reference::LEAVE_OUT_YEAR_TITLE))
            .into());
        }
    }
    let fixed = title.as_ref().map(|(t, _)| *t).or(flag);
    let Some(col) = table.mapping.index(Field::Year) else {
        if fixed.is_none() {
            let which = match table.mapping.kind {
                Kind::Targets => t!(lang::reference::WHICH_YEAR_TARGETS, name),
                _ => t!(lang::reference::WHICH_YEAR_COUNTS, name),
            };
            return Err(Failure::invalid(which)
                .hint(t!(lang::reference::ADD_YEAR))
                .into());
        }
        return Ok(fixed);
    };
    let Some(fixed) = fixed else { return Ok(None) };
    let said = match &title {
        Some((t, line)) => t!(lang::reference::TITLE_SAYS_YEAR, *t, line),
        None => t!(lang::reference::YEAR_FLAG_SAYS, fixed),
    };
    for row in rows {
        let raw = row.get(Some(col)).trim();
        if let Ok(y) = raw.parse::<i32>() {
            if y != fixed {
                return Err(Failure::invalid(t!(
                    lang::reference::COLUMN_SAYS_YEAR,
                    format!("{name}:{}", row.line),
                    &table.mapping.headers[col],
                    y,
                    &said
                ))
                .hint(t!(lang::reference::CHECK_FILE_RIGHT_YEAR))
                .into());
            }
        }
    }
    Ok(Some(fixed))
}

#[cfg(test)]
mod tests {
    use super::title_year;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_year_a_title_names() {
        let cases: [(&[&str], Option<i32>); 8] = [
            (&["SỐ ĐỐI TƯỢNG NĂM 2026"], Some(2026)),
            (
                &["UBND TỈNH ĐIỆN BIÊN", "Số đối tượng tập hợp năm 2025"],
                Some(2025),
            ),
            (&["ELIGIBLE PEOPLE, YEAR 2027"], Some(2027)),
            // The day the table was made is not the year of its figures.
            (&["Điện Biên, ngày 15 tháng 01 năm 2026"], None),
            (&["SỐ ĐỐI TƯỢNG", "Năm học 2025-2026"], None),
            (&["BIỂU 01", "NĂM 26"], None),
            (&["SỐ ĐỐI TƯỢNG NĂM 2025-2026"], None),
            (&["SỐ ĐỐI TƯỢNG NĂM 2026", "(năm 2026)"], Some(2026)),
        ];
        for (title, want) in cases {
            let got = title_year(&lines(title)).expect("one year");
            assert_eq!(got.map(|(y, _)| y), want, "{title:?}");
        }
        let two = title_year(&lines(&["KẾ HOẠCH NĂM 2026", "Số liệu năm 2025"]));
        assert_eq!(
            two.map_err(|t| t.en()),
            Err("2026 (\"KẾ HOẠCH NĂM 2026\") and 2025 (\"Số liệu năm 2025\")".into())
        );
    }
}
