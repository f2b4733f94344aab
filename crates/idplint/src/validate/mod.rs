//! Validation of a parsed payload: the schema of its kind, then the semantic rules.

mod connection_fields;
mod map;
mod update;

use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::kinds::{Api, Kind, SchemaDef, Validation};
use crate::rules;

/// Validate a value as a payload of `kind`. The findings have no spans (there is no source
/// text); their `pointer` says where they are.
pub fn validate_value(kind: &Kind, value: &Value, context: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A V2 payload gets one clear finding, not a dozen about V3's shape.
    let legacy = if kind.api == Api::GenAuth {
        rules::legacy_api_version::find(value)
    } else {
        None
    };
    if let Some(d) = legacy {
        out.push(d);
    } else {
        match kind.validation {
            Validation::Plain => run(kind.schema, value, "", None, &mut out),
            Validation::Auth0Update => update::validate(kind, value, *context, &mut out),
            Validation::GenAuthConnection { create } => {
                run(kind.schema, value, "", None, &mut out);
                connection_fields::check(value, create, &mut out);
            }
        }
    }
    rules::check_strings(value, &mut out);
    // A placeholder is the finding; that it is also not a valid URI, say, is noise.
    let placeholders: Vec<String> = out
        .iter()
        .filter(|d| d.rule == &rules::placeholder_value::RULE)
        .map(|d| d.pointer.clone())
        .collect();
    if !placeholders.is_empty() {
        out.retain(|d| {
            d.rule != &rules::management_api_limit::RULE || !placeholders.contains(&d.pointer)
        });
    }
    out
}

/// Validate `value` against one schema's lint form and map every error.
pub(crate) fn run(
    def: &SchemaDef,
    value: &Value,
    prefix: &str,
    strategy: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let validator = def.lint_validator();
    if validator.is_valid(value) {
        return;
    }
    let site = map::Site {
        schema: def.lint(),
        root: value,
        prefix,
        strategy,
    };
    for error in validator.iter_errors(value) {
        map::map(&error, &site, out);
    }
}
