//! Auth0 update bodies: pick the strategy's schema from the context, or from the shape of
//! `options`, and say so when neither tells.

use serde_json::json;

use crate::context::{Context, Strategy};
use crate::diagnostic::Diagnostic;
use crate::kinds::{Kind, SchemaDef};
use crate::rules::{access_level_forbids_field, empty_update, missing_context};
use crate::text::one_of;
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
                [] => {
                    let closest = closest(kind, options);
                    out.push(
                        Diagnostic::new(
                            &missing_context::RULE,
                            "/options",
                            format!("`options` fits no strategy's shape; checked as `{closest}`, the closest"),
                        )
                        .with_label("strategy unknown")
                        .with_help("name the strategy with `--strategy`, or pass the identity provider as last fetched with `--current FILE`")
                        .at_key(),
                    );
                    super::run(
                        schema_for(kind, closest),
                        value,
                        "",
                        Some(closest.as_str()),
                        out,
                    );
                }
                many => {
                    let names: Vec<String> = many.iter().map(|s| s.as_str().to_owned()).collect();
                    out.push(
                        Diagnostic::new(
                            &missing_context::RULE,
                            "/options",
                            format!("`options` cannot be checked: it fits strategies {}", one_of(&names).replace(" or ", " and ")),
                        )
                        .with_label("strategy unknown")
                        .with_help("name the strategy with `--strategy`, or pass the identity provider as last fetched with `--current FILE`")
                        .at_key(),
                    );
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

/// The strategy whose options share the most keys with `options`, and lack the fewest.
fn closest<'v, V: View<'v>>(kind: &Kind, options: V) -> Strategy {
    let keys: Vec<&str> = options
        .members()
        .map(|m| m.map(|(k, _)| k).collect())
        .unwrap_or_default();
    let mut best = (i64::MIN, Strategy::Oidc);
    for s in Strategy::ALL {
        let schema = schema_for(kind, s).lint();
        let Some(def) = at_pointer(schema, "/properties/options/$ref")
            .and_then(View::as_str)
            .and_then(|r| at_pointer(schema, r.trim_start_matches('#')))
        else {
            continue;
        };
        let props = def.get("properties");
        let known = keys
            .iter()
            .filter(|k| props.is_some_and(|p| p.has(k)))
            .count();
        let missing = def.get("required").and_then(View::items).map_or(0, |r| {
            r.filter(|f| !keys.iter().any(|k| Some(*k) == f.as_str()))
                .count()
        });
        let score =
            i64::try_from(known).unwrap_or(i64::MAX) * 2 - i64::try_from(missing).unwrap_or(0);
        if score > best.0 {
            best = (score, s);
        }
    }
    best.1
}
