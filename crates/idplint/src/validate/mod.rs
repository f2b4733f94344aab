//! Validation of a parsed payload: the schema of its kind, then the semantic rules.

mod connection_fields;
mod map;
mod update;

use jsonschema::ValidationError;
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::kinds::{Api, Kind, SchemaDef, Validation};
use crate::rules;
use crate::source::doc::NodeRef;
use crate::view::View;

/// Validate a value as a payload of `kind`. The findings have no spans (there is no source
/// text); their `pointer` says where they are.
pub fn validate_value(kind: &Kind, value: &Value, context: &Context) -> Vec<Diagnostic> {
    validate(kind, value, *context)
}

/// [`validate_value`], for a payload held either way.
pub(crate) fn validate<'v, V: Instance<'v>>(
    kind: &Kind,
    value: V,
    context: Context,
) -> Vec<Diagnostic> {
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
            Validation::Auth0Update => update::validate(kind, value, context, &mut out),
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

/// A payload that the lint schemas validate: `serde_json`'s value, or a document read straight
/// from JSON text (validated by `jsonschema` as it is, without building a value).
pub(crate) trait Instance<'a>: View<'a> {
    /// Whether it is valid against `def`'s lint schema.
    fn is_valid(self, def: &'static SchemaDef) -> bool;
    /// Each error of its validation against `def`'s lint schema.
    fn errors(self, def: &'static SchemaDef, each: &mut dyn FnMut(&ValidationError<'_>));
}

impl<'a> Instance<'a> for &'a Value {
    fn is_valid(self, def: &'static SchemaDef) -> bool {
        def.lint_validator().is_valid(self)
    }
    fn errors(self, def: &'static SchemaDef, each: &mut dyn FnMut(&ValidationError<'_>)) {
        def.lint_validator()
            .iter_errors(self)
            .for_each(|e| each(&e));
    }
}

impl<'a> Instance<'a> for NodeRef<'a> {
    fn is_valid(self, def: &'static SchemaDef) -> bool {
        def.lint_doc_validator().is_valid(self)
    }
    fn errors(self, def: &'static SchemaDef, each: &mut dyn FnMut(&ValidationError<'_>)) {
        def.lint_doc_validator()
            .iter_errors(self)
            .for_each(|e| each(&e));
    }
}

/// Validate `value` against one schema's lint form and map every error.
pub(crate) fn run<'v, V: Instance<'v>>(
    def: &'static SchemaDef,
    value: V,
    prefix: &str,
    strategy: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    if value.is_valid(def) {
        return;
    }
    let site = map::Site {
        schema: def.lint(),
        root: value,
        prefix,
        strategy,
    };
    value.errors(def, &mut |error| map::map(error, &site, out));
}

#[cfg(test)]
mod tests;
