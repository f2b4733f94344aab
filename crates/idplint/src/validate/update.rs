//! Auth0 update bodies: pick the strategy's schema from the context, or from the shape of
//! `options`, and say so when neither tells.

use serde_json::json;

use crate::context::{Context, Strategy};
use crate::diagnostic::{Diagnostic, Origin};
use crate::kinds::{Kind, SchemaDef};
use crate::rules::{missing_context, unknown_field};
use crate::view::{View, at_pointer};

use super::Instance;

/// The schema of `kind` for `strategy`: its variants follow [`Strategy::ALL`].
fn schema_for(kind: &Kind, strategy: Strategy) -> &'static SchemaDef {
    let i = Strategy::ALL
        .iter()
        .position(|s| *s == strategy)
        .unwrap_or_default();
    kind.variants.get(i).unwrap_or(kind.schema)
}

pub(crate) fn validate<'v, V: Instance<'v>>(
    kind: &Kind,
    value: V,
    context: Context,
    out: &mut Vec<Diagnostic>,
) {
    let options = value
        .get("options")
        .filter(|o| value.is_object() && !o.is_null());
    match (options, context.strategy) {
        (None, _) => super::run(
            kind.schema,
            value,
            "",
            context.strategy.map(Strategy::as_str),
            out,
        ),
        (Some(_), Some(s)) => super::run(schema_for(kind, s), value, "", Some(s.as_str()), out),
        (Some(options), None) => {
            let probe = json!({ "options": options.to_value().into_owned() });
            let fits: Vec<Strategy> = Strategy::ALL
                .into_iter()
                .filter(|s| schema_for(kind, *s).shape_validator().is_valid(&probe))
                .collect();
            match fits.as_slice() {
                [one] => super::run(schema_for(kind, *one), value, "", Some(one.as_str()), out),
                [] => infer(kind, value, options, out),
                many => {
                    let names: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
                    out.push(missing_context::fits_several(&names));
                    super::run(kind.schema, value, "", None, out);
                }
            }
        }
    }
}

/// `options` fits no strategy's shape: check it only against the strategies that have all of
/// its keys, so that no finding is one that another of them would not make.
fn infer<'v, V: Instance<'v>>(kind: &Kind, value: V, options: V, out: &mut Vec<Diagnostic>) {
    let keys: Vec<&str> = options
        .members()
        .map(|m| m.map(|(k, _)| k).collect())
        .unwrap_or_default();
    let known: Vec<(Strategy, Vec<String>)> = Strategy::ALL
        .into_iter()
        .map(|s| (s, option_keys(kind, s)))
        .collect();
    let fit: Vec<Strategy> = known
        .iter()
        .filter(|(_, names)| keys.iter().all(|k| names.iter().any(|n| n == k)))
        .map(|(s, _)| *s)
        .collect();
    let findings = |s: Strategy, label: Option<&str>| {
        let mut found = Vec::new();
        super::run(schema_for(kind, s), value, "", label, &mut found);
        found
    };
    match fit.as_slice() {
        [one] => {
            out.push(missing_context::checked_as(one.as_str()));
            out.extend(findings(*one, Some(one.as_str())));
        }
        [] => {
            let mut all: Vec<&str> = known
                .iter()
                .flat_map(|(_, names)| names.iter().map(String::as_str))
                .collect();
            all.sort_unstable();
            all.dedup();
            let unknown: Vec<&str> = keys
                .iter()
                .copied()
                .filter(|k| all.binary_search(k).is_err())
                .collect();
            out.push(missing_context::no_strategy_has_all(&unknown));
            for k in unknown {
                // The published schema rejects it too: every strategy's branch does.
                let d = unknown_field::diagnostic("/options", k, all.iter().copied());
                out.push(d.with_origin(Origin::Schema));
            }
            // The rest of the body, which every strategy shares; nothing in `options`.
            let in_options = |d: &Diagnostic| d.pointer.starts_with("/options");
            let rest = findings(Strategy::ALL[0], None);
            out.extend(rest.into_iter().filter(|d| !in_options(d)));
        }
        several => {
            let names: Vec<&str> = several.iter().map(|s| s.as_str()).collect();
            out.push(missing_context::checked_under_all(&names));
            let plain: Vec<Vec<Diagnostic>> = several.iter().map(|s| findings(*s, None)).collect();
            let labelled: Vec<Vec<Diagnostic>> = several
                .iter()
                .map(|s| findings(*s, Some(s.as_str())))
                .collect();
            out.extend(under_every(&plain, &labelled));
        }
    }
}

/// What to report when `options` may belong to any of several strategies, given each one's
/// findings, worded plainly and with its strategy named.
///
/// - A finding that every strategy makes, word for word, is reported as it is.
/// - A finding at the same place and of the same rule under every strategy, but worded for
///   each (`options.domain` is required for `okta`, `options.tenant_domain` for `waad`), is one
///   finding that gives each wording.
/// - When each strategy finds an error but no error is found by all of them, the body is wrong
///   whichever strategy it has: each strategy's errors are reported, each naming its strategy.
fn under_every(plain: &[Vec<Diagnostic>], labelled: &[Vec<Diagnostic>]) -> Vec<Diagnostic> {
    let (Some((first, others)), Some((first_labelled, others_labelled))) =
        (plain.split_first(), labelled.split_first())
    else {
        return Vec::new();
    };
    let same = |a: &Diagnostic, b: &Diagnostic| {
        a.rule == b.rule && a.pointer == b.pointer && a.message == b.message
    };
    let same_place = |a: &Diagnostic, b: &Diagnostic| a.rule == b.rule && a.pointer == b.pointer;
    let mut out: Vec<Diagnostic> = first
        .iter()
        .filter(|d| others.iter().all(|o| o.iter().any(|e| same(d, e))))
        .cloned()
        .collect();
    for d in first_labelled {
        let known = |o: &Diagnostic| same_place(o, d);
        if out.iter().any(known)
            || !others_labelled
                .iter()
                .all(|o| o.iter().any(|e| same_place(d, e)))
        {
            continue;
        }
        let mut messages: Vec<&str> = labelled
            .iter()
            .flatten()
            .filter(|e| same_place(d, e))
            .map(|e| e.message.as_str())
            .collect();
        messages.dedup();
        let mut merged = d.clone();
        merged.message = messages.join("; ");
        out.push(merged);
    }
    let every_one_errs = plain.iter().all(|f| f.iter().any(Diagnostic::is_error));
    if every_one_errs && !out.iter().any(Diagnostic::is_error) {
        out.extend(labelled.iter().flatten().filter(|d| d.is_error()).cloned());
    }
    out
}

/// The keys the options of strategy `s` may have, read from its lint schema.
fn option_keys(kind: &Kind, s: Strategy) -> Vec<String> {
    let schema = schema_for(kind, s).lint();
    at_pointer(schema, "/properties/options/$ref")
        .and_then(View::as_str)
        .and_then(|r| at_pointer(schema, r.trim_start_matches('#')))
        .and_then(|def| def.get("properties"))
        .and_then(View::members)
        .map(|p| p.map(|(k, _)| k.to_owned()).collect())
        .unwrap_or_default()
}
