//! The rule registry: the one list of every rule idplint has.
//!
//! A rule is declared once, in its own file, by one `declare_rule!`: a doc comment with what it
//! checks, why, an invalid example and a valid example; its code, kebab-case name, default
//! severity, summary, whether the published schemas state it; and what it does (the check it
//! runs, where and on which kinds; the schema annotation it owns; the findings it hides). That
//! makes its `RULE` (the metadata) and its `LINT` (what it does). The functions that word its
//! findings sit beside it. Registering it is one line in `registry!` below. `idplint rules` and
//! `idplint explain` read [`ALL`]; schema generation and validation read `LINTS`. See
//! `docs/development.md` for how to add each kind of rule.

pub use crate::rule::Rule;

#[macro_use]
mod lint;

pub(crate) use lint::{
    Annotation, Check, Facts, Failure, Field, Kinds, Lint, PayloadCheck, Segment, Statement, Step,
    StringSite,
};

/// The registry: one line per rule, in code order. Each line names the rule's module, whose
/// `declare_rule!` made its `RULE` (the metadata), which goes into [`ALL`], and its `LINT` (what
/// the rule does), which goes into [`LINTS`].
macro_rules! registry {
    ($($(#[$attr:meta])* $module:ident,)+) => {
        $($(#[$attr])* pub(crate) mod $module;)+

        /// Every rule, in code order.
        pub static ALL: &[&Rule] = &[$($(#[$attr])* &$module::RULE,)+];

        /// What every rule does, in the order of [`ALL`].
        pub(crate) static LINTS: &[&Lint] = &[$($(#[$attr])* &$module::LINT,)+];

        /// Run every rule's [`Check::Strings`] on one string, in the registry's order. Written
        /// out rule by rule, so that the compiler sees each check (a static's) and calls it
        /// directly, as it would a hand-written call.
        #[inline]
        pub(crate) fn check_string(
            site: &StringSite<'_>,
            value: &str,
            out: &mut Vec<crate::diagnostic::Diagnostic>,
        ) {
            $(
                $(#[$attr])*
                if let Check::Strings(check) = &$module::LINT.check {
                    check(site, value, out);
                }
            )+
        }
    };
}

registry! {
    invalid_syntax,
    duplicate_key,
    unknown_kind,
    legacy_api_version,
    missing_field,
    unknown_field,
    wrong_type,
    invalid_enum,
    pattern_mismatch,
    length_out_of_range,
    read_only_field,
    conflicting_fields,
    invalid_format,
    value_out_of_range,
    access_level_forbids_field,
    missing_context,
    deprecated_field,
    empty_update,
    management_api_limit,
    plaintext_secret,
    insecure_url,
    placeholder_value,
    surrounding_whitespace,
    id_format,
    identifier_format,
    unknown_connection_field,
    invalid_connection_field,
    missing_connection_field,
    #[cfg(test)]
    test_only_rule,
}

/// Code that the GenAuth connection rules share; not a rule.
mod connection;

#[cfg(test)]
mod examples;

/// The annotation by which a field asks for a rule's own assertion: `x-idplint-lint = "<name>"`.
pub(crate) const LINT_ANNOTATION: &str = "x-idplint-lint";

/// The statement of a rule that `x-idplint-lint` names: a non-empty string must match
/// `pattern`, and the description says `note`. An empty string is left to the field's own length
/// rule: one finding, not two.
pub(crate) fn pattern_lint(
    field: &Field<'_>,
    rule: &Rule,
    pattern: &str,
    note: &str,
) -> Option<Statement> {
    (field.value.as_str() == Some(rule.name)).then(|| {
        let mut assertion =
            serde_json::json!({ "if": { "minLength": 1 }, "then": { "pattern": pattern } });
        assertion["x-idplint-rule"] = serde_json::json!(rule.name);
        Statement {
            note: Some(note.to_owned()),
            assertion: Some(assertion),
        }
    })
}

/// Find a rule by its code (`IDP010`) or its name (`missing-field`), ignoring ASCII case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// What `rule` does.
pub(crate) fn lint(rule: &Rule) -> Option<&'static Lint> {
    LINTS.iter().copied().find(|l| std::ptr::eq(l.rule, rule))
}

/// The wording of a failure inside the assertion that names the rule `name`.
pub(crate) fn assertion_report(
    name: &str,
) -> Option<fn(&Failure<'_>) -> crate::diagnostic::Diagnostic> {
    LINTS
        .iter()
        .find(|l| l.rule.name == name)
        .and_then(|l| l.annotation.as_ref()?.report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Severity;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for r in ALL {
            assert!(codes.insert(r.code), "duplicate code {}", r.code);
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(r.code.len() == 6 && r.code.starts_with("IDP"), "{}", r.code);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            // A schema that stated a warning would reject payloads that pass.
            assert!(
                !r.in_schema || r.default_severity == Severity::Error,
                "{} is a warning the schemas state",
                r.name
            );
            assert!(
                r.file
                    .ends_with(&format!("{}.rs", r.name.replace('-', "_"))),
                "{} in {}",
                r.name,
                r.file
            );
        }
        let mut sorted: Vec<_> = ALL.iter().map(|r| r.code).collect();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ALL.iter().map(|r| r.code).collect::<Vec<_>>(),
            "ALL is in code order"
        );
    }

    #[test]
    fn every_rule_has_the_doc_sections() {
        for r in ALL {
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(r.docs.contains(section), "{} lacks `{section}`", r.name);
            }
            assert!(
                !r.summary.ends_with('.'),
                "{} summary ends with a period",
                r.name
            );
        }
    }

    #[test]
    fn every_rule_says_what_it_does() {
        assert_eq!(ALL.len(), LINTS.len());
        for (rule, lint) in ALL.iter().zip(LINTS) {
            assert!(
                std::ptr::eq(*rule, lint.rule),
                "{}: its LINT is another rule's",
                rule.name
            );
            let asserts = lint.annotation.as_ref().is_some_and(|a| a.report.is_some());
            match &lint.check {
                Check::Assertion => assert!(asserts, "{}: no assertion to report", rule.name),
                Check::Step(step) => assert!(!asserts, "{} is reported by {step:?}", rule.name),
                Check::Schema | Check::Strings(_) | Check::Payload(..) => {}
            }
            for hidden in lint.hides {
                assert!(
                    !std::ptr::eq(*hidden, lint.rule),
                    "{} hides itself",
                    rule.name
                );
            }
        }
    }

    #[test]
    fn find_by_code_or_name() {
        assert_eq!(find("idp010").map(|r| r.name), Some("missing-field"));
        assert_eq!(find("unknown-field").map(|r| r.code), Some("IDP011"));
        assert!(find("nope").is_none());
    }
}
