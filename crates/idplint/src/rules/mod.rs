//! The rule registry: the one list of every rule idplint has.
//!
//! A rule is declared once, in its own file, with `declare_rule!`: a doc comment (what it
//! checks, why, an invalid example, a valid example), a code, a kebab-case name, a default
//! severity and whether the published schemas state it. Registering it is one line in [`ALL`].
//! `idplint rules` and `idplint explain` read this registry, and a test checks that every rule
//! has docs and test payloads.

use crate::diagnostic::Severity;
use crate::view::View;

/// A rule's metadata.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code, e.g. `IDP010`. Never reused.
    pub code: &'static str,
    /// The stable kebab-case name, e.g. `missing-field`. Never renamed.
    pub name: &'static str,
    /// The severity a finding has unless configured otherwise.
    pub default_severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The documentation, in Markdown: what it does, why, an example, what to use instead.
    pub docs: &'static str,
    /// Whether the published schemas state the rule: the published schema of the kind rejects
    /// every payload that the rule reports an error in, so any JSON Schema validator (and an
    /// editor) finds it too. A rule that is not stated is idplint's alone.
    pub in_schema: bool,
    /// Where it is declared.
    pub file: &'static str,
}

impl Rule {
    /// The documentation as Markdown, without the leading space of each doc-comment line.
    pub fn documentation(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

/// Declare a rule: `declare_rule! { /// docs … pub(crate) static NAME = { code, name, severity,
/// summary, in_schema } }`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub(crate) static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            default: $severity:ident,
            summary: $summary:literal,
            in_schema: $in_schema:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        pub(crate) static $ident: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            default_severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            docs: concat!($($doc, "\n"),+),
            in_schema: $in_schema,
            file: file!(),
        };
    };
}

pub mod access_level_forbids_field;
pub(crate) mod conflicting_fields;
pub(crate) mod deprecated_field;
pub(crate) mod duplicate_key;
pub(crate) mod empty_update;
pub(crate) mod id_format;
pub(crate) mod identifier_format;
pub(crate) mod insecure_url;
pub(crate) mod invalid_connection_field;
pub(crate) mod invalid_enum;
pub(crate) mod invalid_format;
pub(crate) mod invalid_syntax;
pub(crate) mod legacy_api_version;
pub(crate) mod length_out_of_range;
pub(crate) mod management_api_limit;
pub(crate) mod missing_connection_field;
pub(crate) mod missing_context;
pub(crate) mod missing_field;
pub(crate) mod pattern_mismatch;
pub(crate) mod placeholder_value;
pub(crate) mod plaintext_secret;
pub(crate) mod read_only_field;
pub(crate) mod surrounding_whitespace;
pub(crate) mod unknown_connection_field;
pub(crate) mod unknown_field;
pub(crate) mod unknown_kind;
pub(crate) mod value_out_of_range;
pub(crate) mod wrong_type;

/// Every rule, in code order.
pub static ALL: &[&Rule] = &[
    &invalid_syntax::RULE,
    &duplicate_key::RULE,
    &unknown_kind::RULE,
    &legacy_api_version::RULE,
    &missing_field::RULE,
    &unknown_field::RULE,
    &wrong_type::RULE,
    &invalid_enum::RULE,
    &pattern_mismatch::RULE,
    &length_out_of_range::RULE,
    &read_only_field::RULE,
    &conflicting_fields::RULE,
    &invalid_format::RULE,
    &value_out_of_range::RULE,
    &access_level_forbids_field::RULE,
    &missing_context::RULE,
    &deprecated_field::RULE,
    &empty_update::RULE,
    &management_api_limit::RULE,
    &plaintext_secret::RULE,
    &insecure_url::RULE,
    &placeholder_value::RULE,
    &surrounding_whitespace::RULE,
    &id_format::RULE,
    &identifier_format::RULE,
    &unknown_connection_field::RULE,
    &invalid_connection_field::RULE,
    &missing_connection_field::RULE,
];

/// Find a rule by its code (`IDP010`) or its name (`missing-field`), ignoring ASCII case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// The assertion and the description sentence of a rule that the schemas attach to a field with
/// `x-idplint-lint` (see [`crate::schema`]).
pub(crate) fn schema_assertion(name: &str) -> Option<(serde_json::Value, &'static str)> {
    let (pattern, note) = if name == id_format::RULE.name {
        (id_format::PATTERN, id_format::NOTE)
    } else if name == identifier_format::RULE.name {
        (identifier_format::PATTERN, identifier_format::NOTE)
    } else {
        return None;
    };
    // An empty string is left to the field's own length rule: one finding, not two.
    let assertion = serde_json::json!({ "if": { "minLength": 1 }, "then": { "pattern": pattern } });
    Some((assertion, note))
}

/// Run the rules that look at every string of a payload, in one walk.
pub(crate) fn check_strings<'v, V: View<'v>>(
    value: V,
    out: &mut Vec<crate::diagnostic::Diagnostic>,
) {
    let top = Field {
        name: "",
        secret: false,
        in_secret: false,
    };
    walk_strings(value, &mut Vec::new(), top, out);
}

/// Where a string is: the keys and indices down to it, written as a JSON Pointer only when a
/// rule reports it (most strings have no finding).
#[derive(Clone, Copy)]
pub(crate) struct Site<'a>(&'a [Step<'a>]);

/// One step down a payload.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    /// A member of an object.
    Key(&'a str),
    /// An item of an array.
    Index(usize),
}

impl Site<'_> {
    /// The JSON Pointer of the string.
    pub(crate) fn pointer(self) -> String {
        let mut pointer = String::new();
        for step in self.0 {
            match step {
                Step::Key(k) => crate::pointer::push_token(&mut pointer, k),
                Step::Index(i) => crate::pointer::push_index(&mut pointer, *i),
            }
        }
        pointer
    }
}

/// The member a string belongs to (an array item belongs to the array's member).
#[derive(Clone, Copy)]
struct Field<'a> {
    /// Its key.
    name: &'a str,
    /// Whether the key names a secret.
    secret: bool,
    /// Whether it, or a member it is inside, is a secret (as [`crate::secrets::is_secret_pointer`]).
    in_secret: bool,
}

fn walk_strings<'v, V: View<'v>>(
    value: V,
    path: &mut Vec<Step<'v>>,
    field: Field<'v>,
    out: &mut Vec<crate::diagnostic::Diagnostic>,
) {
    if let Some(s) = value.as_str() {
        let site = Site(path);
        plaintext_secret::check_string(site, field.secret, s, out);
        placeholder_value::check_string(site, field.in_secret, s, out);
        surrounding_whitespace::check_string(site, field.name, s, out);
    } else if let Some(items) = value.items() {
        for (i, item) in items.enumerate() {
            path.push(Step::Index(i));
            walk_strings(item, path, field, out);
            path.pop();
        }
    } else if let Some(members) = value.members() {
        for (k, v) in members {
            let secret = crate::secrets::is_secret_key(k);
            let member = Field {
                name: k,
                secret,
                in_secret: field.in_secret || secret,
            };
            path.push(Step::Key(k));
            walk_strings(v, path, member, out);
            path.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn find_by_code_or_name() {
        assert_eq!(find("idp010").map(|r| r.name), Some("missing-field"));
        assert_eq!(find("unknown-field").map(|r| r.code), Some("IDP011"));
        assert!(find("nope").is_none());
    }
}
