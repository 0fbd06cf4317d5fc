//! Departures by reason (`--by reason`): why each member who left within the period
//! left, from the status word the roll gave (kept in the store's `left_reason`).
//!
//! A row falls in one of [`SLOTS`] counters: the six reasons, a leaving date with no
//! departure word (an active or temporary status, or none), and a departed member whose
//! reason the store does not hold (stored before tally kept it, format 4). The last two
//! are both the group `unknown`; kept apart so that the notes can say which is which.
//! Every row is in exactly one slot, so the reasons' `left` add up to the total's.

use crate::roll::{LeftReason, NO_CODE};

/// A leaving date with no departure word in the status.
pub const NO_WORD: u8 = LeftReason::ALL.len() as u8;
/// A departed member whose reason was not kept (a part stored before format 4).
pub const NOT_KEPT: u8 = NO_WORD + 1;
/// Counters a fold keeps per snapshot.
pub const SLOTS: usize = NOT_KEPT as usize + 1;
/// The group of both unknown slots.
pub const UNKNOWN: u8 = NO_WORD;

/// The slot of a row: its stored reason (an index in [`LeftReason::ALL`], [`NO_CODE`]
/// for none) and whether its status is active.
pub fn slot(stored: u8, active: bool) -> u8 {
    match stored {
        NO_CODE if active => NO_WORD,
        NO_CODE => NOT_KEPT,
        r => r.min(NO_WORD),
    }
}

/// The groups of `--by reason`, in the order of the forms: the six reasons, then
/// `unknown`.
pub fn groups() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = LeftReason::ALL.iter().map(|r| r.group()).collect();
    v.push("unknown");
    v
}

/// The group of a slot.
pub fn group_of(slot: u8) -> u32 {
    u32::from(slot.min(UNKNOWN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_one_slot_and_one_group() {
        let died = 0;
        let expelled = 5;
        for (stored, active, want, group) in [
            (died, false, 0, "died"),
            (expelled, false, 5, "expelled"),
            // A leaving date under an active status: no word says why.
            (NO_CODE, true, NO_WORD, "unknown"),
            // Departed, but the store has no reason: stored before format 4.
            (NO_CODE, false, NOT_KEPT, "unknown"),
        ] {
            let s = slot(stored, active);
            assert_eq!(s, want, "{stored} {active}");
            assert_eq!(groups()[group_of(s) as usize], group);
        }
        assert_eq!(
            groups(),
            [
                "died",
                "moved",
                "aged_out",
                "resigned",
                "struck_off",
                "expelled",
                "unknown"
            ]
        );
        assert_eq!(SLOTS, 8);
    }
}
