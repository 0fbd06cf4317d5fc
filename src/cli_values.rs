//! Parsers of the command line's values that also offer them: completions (and
//! `--help`) list the organizations, the periods' words and the breakdowns, while any
//! spelling the parsers read is still accepted.

use chrono::NaiveDate;
use clap::builder::{PossibleValue, TypedValueParser};

use crate::metrics::period::Period;
use crate::org::{Org, OrgOrAny};
use crate::value;

/// A parser from a function, offering `offer` as its possible values.
#[derive(Clone)]
pub(super) struct Offering<T: Clone + Send + Sync + 'static> {
    parse: fn(&str) -> Result<T, String>,
    offer: fn() -> Vec<&'static str>,
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Offering<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        raw: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // The function's own parser: clap's usual error, with the function's reason.
        self.parse.parse_ref(cmd, arg, raw)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        // Offered to completions (and listed by --help); the parser reads more.
        Some(Box::new((self.offer)().into_iter().map(PossibleValue::new)))
    }
}

fn parse_org(s: &str) -> Result<Org, String> {
    Org::parse(s).ok_or_else(|| format!("unknown organization; expected {}", Org::expected()))
}

fn parse_org_or_any(s: &str) -> Result<OrgOrAny, String> {
    OrgOrAny::parse(s)
        .ok_or_else(|| format!("unknown organization; expected {} or any", Org::expected()))
}

pub(super) fn parse_period(s: &str) -> Result<Period, String> {
    Period::parse(s, chrono::Local::now().date_naive())
        .ok_or_else(|| format!("expected one of {}", crate::metrics::period::PERIOD_FORMS))
}

pub(super) fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    value::parse_as_of(s).map_err(|_| format!("expected {}", value::DATE_EXPECTED))
}

fn org_codes() -> Vec<&'static str> {
    crate::org::all().into_iter().map(|o| o.code()).collect()
}

pub(super) fn org_values() -> Offering<Org> {
    Offering {
        parse: parse_org,
        offer: org_codes,
    }
}

pub(super) fn org_or_any_values() -> Offering<OrgOrAny> {
    Offering {
        parse: parse_org_or_any,
        offer: || {
            let mut v = org_codes();
            v.push("any");
            v
        },
    }
}

pub(super) fn period_values() -> Offering<Period> {
    Offering {
        parse: parse_period,
        offer: || vec!["this-month", "last-month", "this-year", "last-year"],
    }
}

/// `--by`: any areas column is a breakdown, so every text is accepted; these are
/// offered.
pub(super) fn dimensions() -> Offering<String> {
    Offering {
        parse: |s| Ok(s.to_string()),
        offer: || {
            vec![
                "total",
                "ethnic_minority",
                "religious",
                "rural",
                "ownership",
                "ethnicity",
                "religion",
                "sex",
                "age_band",
                "province",
                "commune",
            ]
        },
    }
}
