//! From jsonschema's errors to idplint's findings: each error kind maps to one rule, whose file
//! holds the wording. jsonschema's own messages quote values, so they never reach a user.

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind as K};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Origin};
use crate::rules::{
    conflicting_fields, deprecated_field, id_format, identifier_format, insecure_url, invalid_enum,
    invalid_format, length_out_of_range, management_api_limit, missing_field, pattern_mismatch,
    read_only_field, unknown_field, value_out_of_range, wrong_type,
};
use crate::schema::describe_keywords;
use crate::source::doc::NodeRef;
use crate::view::{View, at_pointer};

/// Where an error happened, and what is known around it.
pub(crate) struct Site<'a, V> {
    /// The lint schema the error comes from.
    pub schema: NodeRef<'static>,
    /// The whole instance.
    pub root: V,
    /// The pointer prefix of the instance within the payload (for a sub-validation).
    pub prefix: &'a str,
    /// The strategy the caller validated against, when it was not in the payload.
    pub strategy: Option<&'a str>,
}

/// Turn one error into findings (one per unexpected key for `additionalProperties`).
pub(crate) fn map<'v, V: View<'v>>(
    error: &ValidationError<'_>,
    site: &Site<'_, V>,
    out: &mut Vec<Diagnostic>,
) {
    let local = error.instance_path().as_str();
    let pointer = format!("{}{local}", site.prefix);
    let schema_path = error.schema_path().as_str();
    // Built from the document's text on first use (see `source::doc`).
    let instance = || error.instance();
    let node = parent_node(site.schema, schema_path);

    // An assertion tagged with the rule that reports it (in the lint schema only).
    if let Some(rule) = tagged_rule(site.schema, schema_path) {
        let property_node = schema_path
            .rfind("/allOf/")
            .and_then(|i| at_pointer(site.schema, &schema_path[..i]));
        let d = match rule {
            r if r == insecure_url::RULE.name => insecure_url::diagnostic(&pointer),
            r if r == deprecated_field::RULE.name => deprecated_field::diagnostic(
                &pointer,
                property_node.and_then(description).as_deref(),
            ),
            r if r == read_only_field::RULE.name => read_only_field::diagnostic(&pointer, None),
            r if r == id_format::RULE.name => id_format::diagnostic(&pointer),
            r if r == identifier_format::RULE.name => {
                identifier_format::diagnostic(&pointer, instance())
            }
            _ => management_api_limit::diagnostic(&pointer, &bound_in_words(error.kind())),
        };
        // The published schemas state some of these rules too (`read-only-field`, `insecure-url`).
        let origin = if d.rule.in_schema {
            Origin::Schema
        } else {
            Origin::Lint
        };
        out.push(d.with_origin(origin));
        return;
    }

    // The strategy a finding depends on: the one the caller validated against, or the
    // payload's own when the error comes from a strategy's branch.
    let near = || {
        error
            .evaluation_path()
            .as_str()
            .contains("/then")
            .then(|| strategy_near(site.root, local))
            .flatten()
    };
    let strategy = site.strategy.map(str::to_owned).or_else(near);
    let strategy = strategy.as_deref();
    let mut push = |d: Diagnostic| out.push(d.with_origin(Origin::Schema));
    match error.kind() {
        K::Required { property } => {
            let field = property.as_str().unwrap_or_default();
            let help = node.filter(|n| is_assertion(n)).and_then(description);
            push(missing_field::diagnostic(
                &pointer,
                field,
                strategy,
                help.as_deref(),
            ));
        }
        K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
            let known: Vec<&str> = node
                .and_then(|n| n.get("properties"))
                .and_then(View::members)
                .map(|p| {
                    p.filter(|(_, s)| !s.get("not").is_some_and(is_empty_object))
                        .map(|(k, _)| k)
                        .collect()
                })
                .unwrap_or_default();
            for key in unexpected {
                push(unknown_field::diagnostic(
                    &pointer,
                    key,
                    known.iter().copied(),
                ));
            }
        }
        K::Type { kind } => {
            let expected: Vec<&str> = match kind {
                TypeKind::Single(t) => vec![t.as_str()],
                TypeKind::Multiple(set) => set.iter().map(jsonschema::JsonType::as_str).collect(),
            };
            push(wrong_type::diagnostic(&pointer, &expected, instance()));
        }
        K::Enum { options } => {
            let options = options.as_array().cloned().unwrap_or_default();
            push(invalid_enum::diagnostic(&pointer, instance(), &options));
        }
        K::Constant { expected_value } => {
            push(invalid_enum::diagnostic(
                &pointer,
                instance(),
                std::slice::from_ref(expected_value),
            ));
        }
        K::Pattern { pattern } => push(pattern_mismatch::diagnostic(&pointer, pattern)),
        K::MinLength { limit } => {
            let len = instance().as_str().map_or(0, |s| s.chars().count());
            push(length_out_of_range::too_short(&pointer, *limit, len));
        }
        K::MaxLength { limit } => {
            let len = instance().as_str().map_or(0, |s| s.chars().count());
            push(length_out_of_range::too_long(&pointer, *limit, len));
        }
        K::Format { format } => push(invalid_format::diagnostic(&pointer, format)),
        K::Minimum { .. }
        | K::Maximum { .. }
        | K::ExclusiveMinimum { .. }
        | K::ExclusiveMaximum { .. }
        | K::MinItems { .. }
        | K::MaxItems { .. }
        | K::UniqueItems => push(value_out_of_range::diagnostic(
            &pointer,
            &bound_in_words(error.kind()),
        )),
        K::Not { schema } => {
            let parent = schema_path
                .strip_suffix("/not")
                .and_then(|p| at_pointer(site.schema, p));
            let why = parent.and_then(description);
            let forbidden_why = parent
                .and_then(|p| p.get("x-idplint-why"))
                .and_then(View::as_str);
            let is_true =
                |key| parent.and_then(|p| p.get(key)).and_then(View::as_bool) == Some(true);
            let per_variant = is_true("x-idplint-per-variant");
            if let Some(fields) = schema.get("required").and_then(Value::as_array) {
                let fields: Vec<String> = fields
                    .iter()
                    .filter_map(|f| f.as_str().map(str::to_owned))
                    .collect();
                push(conflicting_fields::diagnostic(
                    &pointer,
                    &fields,
                    why.as_deref(),
                ));
            } else if is_true("readOnly") {
                push(read_only_field::diagnostic(&pointer, forbidden_why));
            } else {
                // Only a field that other strategies have is "not allowed for strategy X".
                let strategy = if per_variant { strategy } else { None };
                push(unknown_field::not_allowed(
                    &pointer,
                    strategy,
                    forbidden_why,
                ));
            }
        }
        K::FalseSchema => push(unknown_field::not_allowed(&pointer, strategy, None)),
        // Not produced by idplint's own schemas; kept so that no error is ever lost.
        _ => push(wrong_type::unexpected_shape(&pointer)),
    }
}

/// The schema node that holds the failing keyword.
fn parent_node(schema: NodeRef<'static>, schema_path: &str) -> Option<NodeRef<'static>> {
    at_pointer(schema, &schema_path[..schema_path.rfind('/')?])
}

/// The rule named by the nearest enclosing `x-idplint-rule` assertion.
fn tagged_rule(schema: NodeRef<'static>, schema_path: &str) -> Option<&'static str> {
    let mut p = schema_path;
    while let Some(i) = p.rfind('/') {
        p = &p[..i];
        if let Some(rule) = at_pointer(schema, p)
            .and_then(|n| n.get("x-idplint-rule"))
            .and_then(View::as_str)
        {
            return Some(rule);
        }
    }
    None
}

/// A subschema that only asserts (`required`, `not`), as opposed to one that describes an object.
fn is_assertion(node: &NodeRef<'_>) -> bool {
    !node.has("properties") && !node.has("type")
}

/// `{}`: the schema that allows anything (under `not`, one that allows nothing).
fn is_empty_object(node: NodeRef<'_>) -> bool {
    node.members().is_some_and(|mut m| m.next().is_none())
}

fn description(node: NodeRef<'_>) -> Option<String> {
    node.get("description")
        .and_then(View::as_str)
        .map(str::to_owned)
}

/// The `strategy` of the nearest object at or above `pointer` in the instance.
fn strategy_near<'v, V: View<'v>>(root: V, pointer: &str) -> Option<String> {
    let mut p = pointer;
    loop {
        if let Some(s) = crate::view::at_pointer(root, p)
            .and_then(|n| n.get("strategy"))
            .and_then(View::as_str)
        {
            return Some(s.to_owned());
        }
        p = &p[..p.rfind('/')?];
    }
}

/// The broken bound of a range or size error, in words.
fn bound_in_words(kind: &K) -> String {
    let kw = |k: &str, v: Value| {
        let mut m = serde_json::Map::new();
        m.insert(k.to_owned(), v);
        describe_keywords(&m)
    };
    match kind {
        K::MaxLength { limit } => kw("maxLength", (*limit).into()),
        K::MinLength { limit } => kw("minLength", (*limit).into()),
        K::Pattern { pattern } => kw("pattern", pattern.clone().into()),
        K::Format { format } => kw("format", format.clone().into()),
        K::Enum { options } => kw("enum", (**options).clone()),
        K::Minimum { limit } => format!("be at least {limit}"),
        K::Maximum { limit } => format!("be at most {limit}"),
        K::ExclusiveMinimum { limit } => format!("be more than {limit}"),
        K::ExclusiveMaximum { limit } => format!("be less than {limit}"),
        K::MinItems { limit } => format!("have at least {limit} items"),
        K::MaxItems { limit } => format!("have at most {limit} items"),
        K::UniqueItems => "have no repeated items".to_owned(),
        _ => "be as documented".to_owned(),
    }
}
