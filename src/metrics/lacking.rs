//! Units a chain of rolls goes on lacking: a commune's list left out two months
//! running. The second roll empties nothing against the first (which had no row of
//! it either), so each roll carries the units it lacks, with the as-of date of the
//! last roll that had members there, to the roll after it.

use chrono::NaiveDate;

/// A unit a roll lacks: its index, the date of the last roll that had members there,
/// and how many it had.
pub(crate) type Lacking = (u32, NaiveDate, u64);

/// The units a roll lacks: those where the roll before it had active members
/// (`before`: each member's unit) and those the roll before already lacked
/// (`carried`), each with the date of the last roll that had members there and their
/// number; less every unit the roll has a row of (`listed`). Sorted by unit.
pub(super) fn missing_units(
    before: impl IntoIterator<Item = u32>,
    date: NaiveDate,
    carried: &[Lacking],
    listed: impl IntoIterator<Item = u32>,
) -> Vec<Lacking> {
    // The rolls' rows are many and the units few: a slot per unit, one pass each.
    let mut had: Vec<u64> = Vec::new();
    for u in before {
        let u = u as usize;
        if u >= had.len() {
            had.resize(u + 1, 0);
        }
        had[u] += 1;
    }
    if had.is_empty() && carried.is_empty() {
        return Vec::new();
    }
    let mut has_row: Vec<bool> = Vec::new();
    for u in listed {
        let u = u as usize;
        if u >= has_row.len() {
            has_row.resize(u + 1, false);
        }
        has_row[u] = true;
    }
    let lacks = |u: u32| !has_row.get(u as usize).copied().unwrap_or(false);
    let mut out: Vec<Lacking> = (had.iter().enumerate())
        .filter(|(u, n)| **n > 0 && lacks(*u as u32))
        .map(|(u, n)| (u as u32, date, *n))
        .collect();
    // A unit the roll before lacked has no member there: it cannot be in both.
    out.extend(carried.iter().filter(|(u, ..)| lacks(*u)).copied());
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, 28).unwrap_or_default()
    }

    #[test]
    fn a_unit_is_lacking_while_no_roll_has_a_row_of_it() {
        // January had 2 members in unit 3 and 1 in 5; February has no row of unit 3.
        let feb = missing_units([3, 3, 5], day(1), &[], [5, 1, 1]);
        assert_eq!(feb, [(3, day(1), 2)]);
        // March has no row of it either: carried with January's date and members
        // (February had members in 1 and 5 only).
        assert_eq!(missing_units([5, 1], day(2), &feb, [5, 1]), feb);
        // April lists it again (a departed member's row is enough).
        assert!(missing_units([5, 1], day(3), &feb, [5, 3, 1]).is_empty());
        // Units beyond any row seen are lacking too; nothing before, nothing lacking.
        assert_eq!(missing_units([9], day(1), &[], [1]), [(9, day(1), 1)]);
        assert!(missing_units([], day(1), &[], [1]).is_empty());
    }
}
