//! Which rules run on a file, and at what severity.
//!
//! Settings come in layers, applied in order: `[rules]` of the config file, every
//! `[[rules.per-file]]` entry whose glob matches the file, then the command line. Within a
//! layer, `select` comes first (only the rules it names stay on), then `ignore`, then
//! `severity` (more specific selectors last, so a rule's own entry beats its prefix's).
//! `invalid-syntax` is never turned off or downgraded: a file with it was not checked at all.

use std::str::FromStr;

use idplint::rules::ALL;
use idplint::{Diagnostic, Rule, Severity};
use serde::Deserialize;

/// A rule as users name it: a code (`IDP010`), a name (`missing-field`), a code prefix
/// (`IDP1`), or `all`. ASCII case does not matter.
#[derive(Debug, Clone)]
pub(crate) struct Selector {
    /// Indices into [`ALL`].
    rules: Vec<usize>,
    /// How specific it is: 0 for `all`, the prefix length for a prefix, `usize::MAX` for one rule.
    specificity: usize,
}

impl Selector {
    /// Whether it names `invalid-syntax` itself (not through a prefix or `all`).
    fn is_invalid_syntax(&self) -> bool {
        self.specificity == usize::MAX && self.rules == [invalid_syntax()]
    }

    /// Refuse to name `invalid-syntax` where it could be turned off or downgraded.
    pub(crate) fn adjustable(self) -> Result<Self, String> {
        if self.is_invalid_syntax() {
            return Err(
                "`invalid-syntax` cannot be ignored or re-graded: a file with it was not checked"
                    .to_owned(),
            );
        }
        Ok(self)
    }
}

fn invalid_syntax() -> usize {
    ALL.iter().position(|r| r.code == "IDP001").unwrap_or(0)
}

impl FromStr for Selector {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s.eq_ignore_ascii_case("all") {
            return Ok(Selector {
                rules: (0..ALL.len()).collect(),
                specificity: 0,
            });
        }
        if let Some(rule) = idplint::rules::find(s) {
            return Ok(Selector {
                rules: vec![index(rule)],
                specificity: usize::MAX,
            });
        }
        let upper = s.to_ascii_uppercase();
        if let Some(digits) = upper.strip_prefix("IDP")
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            let rules: Vec<usize> = (0..ALL.len())
                .filter(|i| ALL[*i].code.starts_with(&upper))
                .collect();
            if !rules.is_empty() {
                return Ok(Selector {
                    rules,
                    specificity: upper.len(),
                });
            }
        }
        let known = ALL.iter().flat_map(|r| [r.name, r.code]);
        Err(match idplint::text::nearest(s, known) {
            Some(near) => format!("unknown rule `{s}`; did you mean `{near}`?"),
            None => format!("unknown rule `{s}`; `idplint rules` lists them"),
        })
    }
}

impl<'de> Deserialize<'de> for Selector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A rule named in `ignore` or `severity`: not `invalid-syntax`.
#[derive(Debug, Clone)]
pub(crate) struct Ignored(pub Selector);

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let selector = Selector::deserialize(d)?;
        selector
            .adjustable()
            .map(Ignored)
            .map_err(serde::de::Error::custom)
    }
}

/// A severity as written in a config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// Fails the check.
    Error,
    /// Reported, never fails the check (unless `--error-on-warnings`).
    Warning,
    /// Not checked.
    Off,
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match String::deserialize(d)?.as_str() {
            "error" => Ok(Level::Error),
            "warning" => Ok(Level::Warning),
            "off" => Ok(Level::Off),
            other => Err(serde::de::Error::custom(format!(
                "unknown severity `{other}`; expected `error`, `warning` or `off`"
            ))),
        }
    }
}

/// What one layer says about rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleSettings {
    /// Only these rules (when given).
    pub select: Option<Vec<Selector>>,
    /// Not these.
    pub ignore: Vec<Ignored>,
    /// Re-graded rules, in any order (they are applied from the least specific).
    pub severity: Vec<(Selector, Level)>,
}

impl RuleSettings {
    /// Settings from the command line's `--select` and `--ignore`.
    pub(crate) fn from_args(select: &[String], ignore: &[String]) -> Result<Self, String> {
        let select = if select.is_empty() {
            None
        } else {
            Some(select.iter().map(|s| s.parse()).collect::<Result<_, _>>()?)
        };
        let ignore = ignore
            .iter()
            .map(|s| s.parse::<Selector>()?.adjustable().map(Ignored))
            .collect::<Result<_, _>>()?;
        Ok(RuleSettings {
            select,
            ignore,
            severity: Vec::new(),
        })
    }
}

/// Which rules are on for a file, and the severities the user gave them.
#[derive(Debug, Clone)]
pub(crate) struct Levels {
    on: Vec<bool>,
    /// `None`: the severity the library gave the finding.
    severity: Vec<Option<Severity>>,
}

impl Default for Levels {
    /// Every rule on, at its default severity.
    fn default() -> Self {
        Levels {
            on: vec![true; ALL.len()],
            severity: vec![None; ALL.len()],
        }
    }
}

impl Levels {
    /// Apply one layer of settings.
    pub(crate) fn apply(&mut self, settings: &RuleSettings) {
        let protected = invalid_syntax();
        if let Some(select) = &settings.select {
            self.on.fill(false);
            for i in select.iter().flat_map(|s| &s.rules) {
                self.on[*i] = true;
            }
        }
        for i in settings.ignore.iter().flat_map(|s| &s.0.rules) {
            self.on[*i] = false;
        }
        let mut severity: Vec<&(Selector, Level)> = settings.severity.iter().collect();
        severity.sort_by_key(|(s, _)| s.specificity);
        for (selector, level) in severity {
            for i in &selector.rules {
                self.on[*i] = *level != Level::Off;
                self.severity[*i] = match level {
                    Level::Error => Some(Severity::Error),
                    Level::Warning => Some(Severity::Warning),
                    Level::Off => None,
                };
            }
        }
        self.on[protected] = true;
        self.severity[protected] = None;
    }

    /// Drop the findings of rules that are off, and re-grade the others.
    pub(crate) fn filter(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| {
            let i = index(d.rule);
            if let Some(severity) = self.severity[i] {
                d.severity = severity;
            }
            self.on[i]
        });
    }
}

/// The position of a rule in the registry.
fn index(rule: &Rule) -> usize {
    ALL.iter()
        .position(|r| r.code == rule.code)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(s: &str) -> Selector {
        s.parse().expect("a known rule")
    }

    fn on(levels: &Levels) -> Vec<&'static str> {
        (0..ALL.len())
            .filter(|i| levels.on[*i])
            .map(|i| ALL[i].name)
            .collect()
    }

    #[test]
    fn selectors_accept_codes_names_prefixes_and_all() {
        assert_eq!(sel("IDP010").rules, sel("missing-field").rules);
        assert_eq!(sel("idp010").rules, sel("MISSING-FIELD").rules);
        let security = sel("IDP2");
        assert!(security.rules.len() >= 2);
        assert!(
            security
                .rules
                .iter()
                .all(|i| ALL[*i].code.starts_with("IDP2"))
        );
        assert_eq!(sel("all").rules.len(), ALL.len());
    }

    #[test]
    fn unknown_rules_suggest_the_nearest() {
        let e = "missing-feild".parse::<Selector>().unwrap_err();
        assert_eq!(
            e,
            "unknown rule `missing-feild`; did you mean `missing-field`?"
        );
        let e = "IDP9".parse::<Selector>().unwrap_err();
        assert!(e.starts_with("unknown rule `IDP9`"), "{e}");
        let e = "zzzzzzzz".parse::<Selector>().unwrap_err();
        assert_eq!(e, "unknown rule `zzzzzzzz`; `idplint rules` lists them");
        assert!("IDP".parse::<Selector>().is_err());
    }

    #[test]
    fn layers_select_ignore_and_regrade() {
        let mut levels = Levels::default();
        levels.apply(&RuleSettings {
            select: Some(vec![sel("IDP2"), sel("missing-field")]),
            ignore: vec![Ignored(sel("insecure-url"))],
            severity: vec![
                (sel("plaintext-secret"), Level::Error),
                (sel("all"), Level::Warning),
            ],
        });
        // `all` re-grades (and so turns on) everything; the specific entry wins.
        assert_eq!(on(&levels).len(), ALL.len());
        let secret = index(idplint::rules::find("plaintext-secret").unwrap());
        assert_eq!(levels.severity[secret], Some(Severity::Error));
        let mut levels = Levels::default();
        levels.apply(&RuleSettings {
            select: Some(vec![sel("IDP2")]),
            ignore: vec![Ignored(sel("insecure-url")), Ignored(sel("all"))],
            severity: vec![],
        });
        assert_eq!(on(&levels), ["invalid-syntax"], "never off");
    }

    #[test]
    fn invalid_syntax_cannot_be_ignored_by_name() {
        assert!(sel("invalid-syntax").adjustable().is_err());
        assert!(sel("IDP001").adjustable().is_err());
        assert!(sel("IDP0").adjustable().is_ok());
        assert!(RuleSettings::from_args(&[], &["invalid-syntax".into()]).is_err());
    }
}
