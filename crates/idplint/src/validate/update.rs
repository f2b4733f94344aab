//! Auth0 update bodies: pick the strategy's schema from the context, or from the shape of
//! `options`, and say so when neither tells.

use serde_json::json;

use crate::context::{Context, Strategy};
use crate::diagnostic::{Diagnostic, Origin};
use crate::kinds::{Kind, SchemaDef};
use crate::rules::{access_level_forbids_field, empty_update, missing_context, unknown_field};
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
    empty_update::check(value, out);
    if let (Some(level), Some(members)) = (context.access_level, value.members()) {
        let keys = members.map(|(k, _)| k);
        access_level_forbids_field::check(keys, kind.schema.access(), level, out);
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
        [first, others @ ..] => {
            let names: Vec<&str> = fit.iter().map(|s| s.as_str()).collect();
            out.push(missing_context::checked_under_all(&names));
            let others: Vec<Vec<Diagnostic>> = others.iter().map(|s| findings(*s, None)).collect();
            let same = |a: &Diagnostic, b: &Diagnostic| {
                a.rule == b.rule && a.pointer == b.pointer && a.message == b.message
            };
            out.extend(
                findings(*first, None)
                    .into_iter()
                    .filter(|d| others.iter().all(|o| o.iter().any(|e| same(d, e)))),
            );
        }
    }
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
