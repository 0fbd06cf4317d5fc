//! The counters a fold keeps and the key of a member row: what the fold (which fills
//! them), the groupers (which place a row's key in a dimension's group) and org `any`'s
//! recount (which moves rows between groups) all speak of.

/// Members of a group: any row of the snapshot, active at the period's end and the day
/// before it starts, recruited and left within it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub rows: u64,
    pub members: u64,
    pub start: u64,
    pub recruited: u64,
    pub left: u64,
}

/// Flag bits of one member row.
pub const MEMBERS: u8 = 1;
pub const START: u8 = 2;
pub const RECRUITED: u8 = 4;
pub const LEFT: u8 = 8;

impl Counts {
    /// One member row with these flags.
    pub fn one(flags: u8) -> Counts {
        let mut c = Counts::default();
        c.add(flags);
        c
    }

    pub(super) fn add(&mut self, flags: u8) {
        self.rows += 1;
        self.members += u64::from(flags & MEMBERS != 0);
        self.start += u64::from(flags & START != 0);
        self.recruited += u64::from(flags & RECRUITED != 0);
        self.left += u64::from(flags & LEFT != 0);
    }

    pub fn merge(&mut self, o: &Counts) {
        self.rows += o.rows;
        self.members += o.members;
        self.start += o.start;
        self.recruited += o.recruited;
        self.left += o.left;
    }
    /// Takes out rows merged in before (`o` was added to these counters).
    pub fn take_out(&mut self, o: &Counts) {
        self.rows -= o.rows;
        self.members -= o.members;
        self.start -= o.start;
        self.recruited -= o.recruited;
        self.left -= o.left;
    }
}

/// Age bands in the order of the `age_band` groups; the last is "unknown".
pub const AGE_BANDS: [&str; 6] = ["under_16", "16-30", "31-45", "46-60", "60+", "unknown"];

/// What one member row is to the groups of every dimension (unit and enterprise by
/// index, codes as stored). Ordered, so that crossed counters are read in one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowKey {
    /// Index in the areas; `areas.len()` for a unit the areas do not have.
    pub area: u32,
    /// Index in the enterprises; `NO_ENTERPRISE` for none or an unknown one.
    pub enterprise: u32,
    pub sex: u8,
    pub ethnicity: u8,
    pub religion: u8,
    /// Index in [`AGE_BANDS`].
    pub age: u8,
    /// The departure's slot (`reason.rs`).
    pub reason: u8,
}

pub const NO_ENTERPRISE: u32 = u32::MAX;
