//! Parsers of the command line's values that also offer them: completions (and
//! `--help`) list the organizations, the periods' words and the breakdowns, while any
//! spelling the parsers read is still accepted. `--org` is taken as text here and read
//! against the store's organizations when the command line is resolved.

use chrono::NaiveDate;
use clap::builder::{PossibleValue, TypedValueParser};

use crate::metrics::period::Period;
use crate::org::{Org, OrgOrAny, Orgs};
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

/// An `--org` value the store's organizations do not name. Clap reads `--org` as text
/// (which organizations a store knows is its orgs file's to say, and clap runs before
/// any store is read); the command line's resolution refuses it as clap refuses a bad
/// value, in the same words and with the same exit code, through [`Self::usage_error`].
#[derive(Debug)]
pub struct UnknownOrg {
    /// The subcommand whose `--org` it is.
    command: &'static str,
    value: String,
    why: crate::lang::Text,
}

impl UnknownOrg {
    /// Clap's error for the value, as its own parsing of `cmd` (the command line's
    /// definition, in the reader's language) would have made it.
    pub fn usage_error(&self, mut cmd: clap::Command) -> clap::Error {
        cmd.build();
        let why = self.why.clone();
        let refuse = move |_: &str| -> Result<String, crate::lang::Text> { Err(why.clone()) };
        let sub = cmd.find_subcommand(self.command).unwrap_or(&cmd);
        let arg = sub.get_arguments().find(|a| a.get_id() == "org");
        match refuse.parse_ref(sub, arg, std::ffi::OsStr::new(&self.value)) {
            Err(e) => e,
            Ok(_) => clap::Error::new(clap::error::ErrorKind::ValueValidation),
        }
    }
}

impl std::fmt::Display for UnknownOrg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid value '{}' for '--org': {}",
            self.value, self.why
        )
    }
}

impl std::error::Error for UnknownOrg {}

/// `tally ingest --org`, if given, read against the store's organizations.
pub(super) fn resolve_org(orgs: &Orgs, raw: Option<&str>) -> Result<Option<Org>, UnknownOrg> {
    let Some(raw) = raw else { return Ok(None) };
    orgs.parse(raw).map(Some).ok_or_else(|| UnknownOrg {
        command: "ingest",
        value: raw.to_string(),
        why: crate::t!(crate::lang::rows::UNKNOWN_ORG, orgs.expected()),
    })
}

/// `tally report --org`, read against the store's organizations.
pub(super) fn resolve_org_or_any(orgs: &Orgs, raw: &str) -> Result<OrgOrAny, UnknownOrg> {
    orgs.parse_or_any(raw).ok_or_else(|| UnknownOrg {
        command: "report",
        value: raw.to_string(),
        why: crate::t!(crate::lang::rows::UNKNOWN_ORG_OR_ANY, orgs.expected()),
    })
}

pub(super) fn parse_period(s: &str) -> Result<Period, String> {
    let forms = crate::metrics::period::PERIOD_FORMS;
    Period::parse(s, chrono::Local::now().date_naive()).ok_or_else(|| {
        // A day (31/10/2026) is what --as-of takes: said, with the option.
        match value::parse_as_of(s) {
            Ok(_) => format!(
                "a day, not a period: for the members on one day use --as-of {}; a period is one of {forms}",
                s.trim()
            ),
            Err(_) => format!("expected one of {forms}"),
        }
    })
}

/// A day on the command line; why not, as a text said in the reader's language.
pub(super) fn parse_as_of(s: &str) -> Result<NaiveDate, crate::lang::Text> {
    value::parse_as_of(s).map_err(|_| {
        crate::t!(
            crate::lang::cmd::EXPECTED,
            crate::t!(crate::lang::rows::DATE_EXPECTED)
        )
    })
}

/// `--org` as written: the five's codes offered, any name taken (see [`UnknownOrg`]).
pub(super) fn org_values() -> Offering<String> {
    Offering {
        parse: |s| Ok(s.to_string()),
        offer: || vec!["union", "youth", "women", "farmers", "veterans"],
    }
}

/// `--org` of `ingest` and `report` offering the codes of the organizations `orgs`
/// adds too: `--help` in a store with an orgs file lists them, as it lists the five.
pub fn with_store_orgs(cmd: clap::Command, orgs: &Orgs) -> clap::Command {
    let codes: Vec<String> = orgs.all().iter().map(|o| o.code().to_string()).collect();
    let offer = |any: bool| StoreOrgs {
        codes: codes
            .iter()
            .cloned()
            .chain(any.then(|| "any".into()))
            .collect(),
    };
    // In place: completions list the subcommands and options in their order.
    cmd.mut_subcommands(|s| {
        let any = match s.get_name() {
            "ingest" => false,
            "report" => true,
            _ => return s,
        };
        s.mut_args(|a| match a.get_id() == "org" {
            true => a.value_parser(offer(any)),
            false => a,
        })
    })
}

/// `--org` as written, offering a store's codes.
#[derive(Clone)]
struct StoreOrgs {
    codes: Vec<String>,
}

impl TypedValueParser for StoreOrgs {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        raw: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, raw)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.codes.iter().map(|c| PossibleValue::new(c.clone())),
        ))
    }
}

/// `tally report --org` as written: `any` offered too.
pub(super) fn org_or_any_values() -> Offering<String> {
    Offering {
        parse: |s| Ok(s.to_string()),
        offer: || vec!["union", "youth", "women", "farmers", "veterans", "any"],
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
            let codes = crate::metrics::dimension::CODES.iter().copied();
            codes.chain(["province", "commune"]).collect()
        },
    }
}

impl super::StatusArgs {
    /// The filter the flags ask for; `orgs` are the store's, that `--org` names one of.
    pub fn filter(&self, orgs: &Orgs) -> anyhow::Result<crate::store::status_filter::Filter> {
        let org = match self.org.as_deref() {
            None => None,
            Some(raw) => Some(resolve_org(orgs, Some(raw))?.map(|o| o.code().to_string())),
        };
        Ok(crate::store::status_filter::Filter {
            org: org.flatten(),
            kind: self.kind.map(super::KindArg::kind),
            since: self.since,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// An unknown `--org`, refused once the store's organizations are known, reads as
    /// clap's own refusal of a bad value did when clap parsed `--org` itself.
    #[test]
    fn an_unknown_org_is_said_as_clap_says_a_bad_value() {
        let orgs = Orgs::default();
        let cases = [
            (
                resolve_org_or_any(&orgs, "Mặt trận").err(),
                "error: invalid value 'Mặt trận' for '--org <ORG>': unknown organization; expected union, youth, women, farmers or veterans (or a Vietnamese name such as Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB) or any\n\nFor more information, try '--help'.\n",
            ),
            (
                resolve_org(&orgs, Some("foo")).err(),
                "error: invalid value 'foo' for '--org <ORG>': unknown organization; expected union, youth, women, farmers or veterans (or a Vietnamese name such as Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB)\n\nFor more information, try '--help'.\n",
            ),
        ];
        for (bad, want) in cases {
            let bad = bad.expect("refused");
            let e = bad.usage_error(super::super::Cli::command());
            assert_eq!(e.kind(), clap::error::ErrorKind::ValueValidation);
            assert_eq!(e.exit_code(), 2);
            assert_eq!(e.render().to_string(), want);
        }
        assert_eq!(
            resolve_org(&orgs, Some("Hội ND")).ok(),
            Some(Some(Org::Farmers))
        );
        assert_eq!(resolve_org(&orgs, None).ok(), Some(None));
    }
}
