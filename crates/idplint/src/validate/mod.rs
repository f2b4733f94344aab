//! Validation of a parsed payload: the schema of its kind, then the semantic rules.

mod map;
mod strings;
mod update;

use std::sync::LazyLock;

use jsonschema::ValidationError;
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::kinds::{Api, Kind, SchemaDef, Validation};
use crate::rules::{self, Check, Facts, Kinds, PayloadCheck};
use crate::source::doc::NodeRef;
use crate::view::View;

/// Validate a value as a payload of `kind`. The findings have no spans (there is no source
/// text); their `pointer` says where they are.
pub fn validate_value(kind: &Kind, value: &Value, context: &Context) -> Vec<Diagnostic> {
    validate(kind, value, *context)
}

/// [`validate_value`], for a payload held either way: the schema of its kind, then the rules of
/// the registry that check whole payloads of that kind, then those that check every string.
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
            Validation::Auth0Update => update::validate(kind, value, context, &mut out),
            _ => run(kind.schema, value, "", None, &mut out),
        }
        let facts = Facts {
            context,
            access: kind.schema.access(),
        };
        for (kinds, check) in PAYLOAD_CHECKS.iter() {
            if applies(*kinds, kind) {
                value.run(check, &facts, &mut out);
            }
        }
    }
    strings::check(value, &mut out);
    hide_noise(&mut out);
    out
}

/// The checks of whole payloads in the registry, in its order.
static PAYLOAD_CHECKS: LazyLock<Vec<(Kinds, &'static PayloadCheck)>> = LazyLock::new(|| {
    rules::LINTS
        .iter()
        .filter_map(|l| match &l.check {
            Check::Payload(kinds, check) => Some((*kinds, check)),
            _ => None,
        })
        .collect()
});

/// Whether a rule that checks `kinds` checks `kind`.
fn applies(kinds: Kinds, kind: &Kind) -> bool {
    match kinds {
        Kinds::All => true,
        Kinds::Auth0Updates => kind.validation == Validation::Auth0Update,
        Kinds::GenAuthConnections => {
            matches!(kind.validation, Validation::GenAuthConnection { .. })
        }
        Kinds::GenAuthConnectionCreates => {
            kind.validation == Validation::GenAuthConnection { create: true }
        }
    }
}

/// Drop the findings that a finding of another rule at the same pointer makes noise
/// ([`rules::Lint::hides`]).
fn hide_noise(out: &mut Vec<Diagnostic>) {
    if out.len() < 2 {
        return;
    }
    let hidden: Vec<(&'static crate::rule::Rule, String)> = out
        .iter()
        .filter_map(|d| Some((rules::lint(d.rule)?.hides, &d.pointer)))
        .flat_map(|(hides, pointer)| hides.iter().map(move |r| (*r, pointer.clone())))
        .collect();
    if !hidden.is_empty() {
        out.retain(|d| {
            !hidden
                .iter()
                .any(|(r, p)| std::ptr::eq(*r, d.rule) && *p == d.pointer)
        });
    }
}

/// A payload that the lint schemas validate: `serde_json`'s value, or a document read straight
/// from JSON text (validated by `jsonschema` as it is, without building a value).
pub(crate) trait Instance<'a>: View<'a> {
    /// Whether it is valid against `def`'s lint schema.
    fn is_valid(self, def: &'static SchemaDef) -> bool;
    /// Each error of its validation against `def`'s lint schema.
    fn errors(self, def: &'static SchemaDef, each: &mut dyn FnMut(&ValidationError<'_>));
    /// Run a rule's check of whole payloads on it.
    fn run(self, check: &PayloadCheck, facts: &Facts<'_>, out: &mut Vec<Diagnostic>);
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
    fn run(self, check: &PayloadCheck, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
        (check.value)(self, facts, out);
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
    fn run(self, check: &PayloadCheck, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
        (check.doc)(self, facts, out);
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
