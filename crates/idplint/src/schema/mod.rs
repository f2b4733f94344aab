//! JSON Schema generation: from the payload types to the published schemas (`schemas/*.json`)
//! and to the lint schemas that validation compiles.
//!
//! Both come from one walk over the schema that schemars generates. idplint's own annotations
//! (`x-idplint-*`, see [`crate::payload`]) are turned into plain descriptions in the published
//! schema, which uses standard keywords only, and into tagged assertions in the lint schema,
//! where `x-idplint-rule` names the rule that reports a failure inside it. The assertions of
//! the rules that the published schemas state ([`crate::rules::Rule::in_schema`]) are published
//! too, untagged. The published form is then prepared for editors (`editors`).

mod editors;
pub(crate) mod transforms;

use std::fmt::Write as _;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::payload::auth0::AccessLevel;
use crate::view::View;

/// The JSON Schema dialect of every published schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where the published schemas live; a schema's `$id` is this plus `<kind>.json`.
pub const ID_BASE: &str = "https://raw.githubusercontent.com/idplint/idplint/main/schemas/";

/// Formats that JSON Schema 2020-12 defines; schemars' numeric formats (`int64`, …) are dropped
/// because strict validators (ajv) reject formats they do not know.
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// The schemas of one payload shape.
#[derive(Debug, Clone)]
pub struct Built {
    /// The schema as published: standard keywords only.
    pub published: Value,
    /// The schema that validation compiles: the generated schema with each assertion of idplint's
    /// own tagged with its rule (`x-idplint-rule`), those that the published one leaves out
    /// included, and not prepared for editors.
    pub lint: Value,
    /// For update bodies: each top-level field and the access levels that may change it.
    pub access: Vec<(String, Vec<AccessLevel>)>,
}

/// What [`build`] needs to know about a schema besides the type.
pub(crate) struct Meta<'a> {
    /// The file name (without `.json`) and `$id` of the schema.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its description.
    pub description: &'a str,
    /// Whether it is a request body: read-only fields are then errors.
    pub request: bool,
}

/// Generate the schema of `T` and turn it into its published and lint forms.
pub(crate) fn build<T: JsonSchema>(meta: &Meta<'_>) -> Built {
    let raw = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    finish(raw, meta)
}

/// Turn a generated schema into its published and lint forms.
pub(crate) fn finish(mut raw: Value, meta: &Meta<'_>) -> Built {
    if let Some(obj) = raw.as_object_mut() {
        let defs = obj.remove("$defs");
        let mut head = Map::new();
        head.insert("$schema".into(), json!(DIALECT));
        head.insert("$id".into(), json!(format!("{ID_BASE}{}.json", meta.id)));
        head.insert("title".into(), json!(meta.title));
        head.insert("description".into(), json!(meta.description));
        for (k, v) in std::mem::take(obj) {
            if !matches!(k.as_str(), "$schema" | "$id" | "title" | "description") {
                head.insert(k, v);
            }
        }
        if let Some(defs) = defs {
            head.insert("$defs".into(), defs);
        }
        *obj = head;
    }
    let mut published = raw.clone();
    walk(&mut published, Mode::Published, meta.request);
    editors::prepare(&mut published);
    let mut lint = raw;
    walk(&mut lint, Mode::Lint, meta.request);
    // The lint form is idplint's own and is never referred to by URI. Without an `$id`, compiling
    // it skips the meta-schema's check of the `$id`, a regex compiled on every run (its cost:
    // bench/PROFILE.md, part B, `0489bfb`).
    if let Some(obj) = lint.as_object_mut() {
        obj.shift_remove("$id");
    }
    Built {
        published,
        access: access_levels(&lint),
        lint,
    }
}

/// The published schema made from a lint schema, without generating it: the lint schema
/// without the `x-idplint-` markers and the assertions of rules that the published schemas do
/// not state ([`crate::rules::Rule::in_schema`]), prepared for editors. It equals the published
/// schema without its `$id`, the order of keys aside (a test checks it).
#[cfg(test)]
pub(crate) fn published_from_lint(lint: &Value) -> Value {
    let mut published = strip_lint(lint, true);
    editors::prepare(&mut published);
    published
}

/// The shape of a payload: a lint schema without any of idplint's tagged assertions, as the
/// published schema was before it stated `read-only-field` and `insecure-url`. Inferring an
/// update's strategy from its `options` reads it, so that an `http://` URL does not make the
/// options fit no strategy.
pub(crate) fn shape_from_lint(lint: &Value) -> Value {
    strip_lint(lint, false)
}

/// Whether an assertion of the lint schema is published: it names no rule, or a rule that the
/// published schemas state.
fn is_published(assertion: &Value) -> bool {
    assertion
        .get("x-idplint-rule")
        .and_then(Value::as_str)
        .is_none_or(|rule| crate::rules::find(rule).is_some_and(|r| r.in_schema))
}

/// A lint schema without `x-idplint-` markers, and without the tagged assertions (but those of
/// stated rules when `keep_stated`).
fn strip_lint(lint: &Value, keep_stated: bool) -> Value {
    fn strip(node: &mut Value, keep_stated: bool) {
        match node {
            Value::Object(obj) => {
                obj.retain(|k, _| !k.starts_with("x-idplint-"));
                if let Some(Value::Array(all)) = obj.get_mut("allOf") {
                    all.retain(|a| {
                        a.get("x-idplint-rule").is_none() || (keep_stated && is_published(a))
                    });
                    if all.is_empty() {
                        obj.remove("allOf");
                    }
                }
                obj.values_mut().for_each(|v| strip(v, keep_stated));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| strip(v, keep_stated)),
            _ => {}
        }
    }
    let mut published = lint.clone();
    strip(&mut published, keep_stated);
    published
}

/// The top-level fields of a lint schema that declare the access levels that may change them
/// (`x-idplint-access`), with those levels.
pub(crate) fn access_levels<'a, V: View<'a>>(lint: V) -> Vec<(String, Vec<AccessLevel>)> {
    let mut access = Vec::new();
    if let Some(props) = lint.get("properties").and_then(View::members) {
        for (name, node) in props {
            if let Some(levels) = node.get("x-idplint-access").and_then(View::items) {
                let levels = levels.filter_map(|l| l.as_str()?.parse().ok()).collect();
                access.push((name.to_owned(), levels));
            }
        }
    }
    access
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Published,
    Lint,
}

/// Keywords whose value is a map of subschemas.
const MAP_KEYWORDS: &[&str] = &[
    "properties",
    "$defs",
    "patternProperties",
    "dependentSchemas",
];
/// Keywords whose value is a subschema.
const SCHEMA_KEYWORDS: &[&str] = &[
    "items",
    "not",
    "if",
    "then",
    "else",
    "additionalProperties",
    "unevaluatedProperties",
    "contains",
    "propertyNames",
];
/// Keywords whose value is a list of subschemas.
const LIST_KEYWORDS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];

fn walk(node: &mut Value, mode: Mode, request: bool) {
    let Some(obj) = node.as_object_mut() else {
        return;
    };
    own_keywords(obj, mode, request);
    for (k, v) in obj.iter_mut() {
        if MAP_KEYWORDS.contains(&k.as_str()) {
            if let Some(map) = v.as_object_mut() {
                for sub in map.values_mut() {
                    walk(sub, mode, request);
                }
            }
        } else if SCHEMA_KEYWORDS.contains(&k.as_str()) {
            walk(v, mode, request);
        } else if LIST_KEYWORDS.contains(&k.as_str())
            && let Some(list) = v.as_array_mut()
        {
            {
                for sub in list {
                    walk(sub, mode, request);
                }
            }
        }
    }
}

fn own_keywords(obj: &mut Map<String, Value>, mode: Mode, request: bool) {
    if let Some(Value::String(d)) = obj.get_mut("description") {
        *d = unwrap_lines(d);
    }
    consts_to_enum(obj);
    let nullable = obj
        .remove("x-idplint-nullable")
        .is_some_and(|v| v == Value::Bool(true));
    if !nullable {
        strip_null(obj);
    }
    if let Some(Value::String(f)) = obj.get("format")
        && !STANDARD_FORMATS.contains(&f.as_str())
    {
        obj.remove("format");
    }
    let mut notes: Vec<String> = Vec::new();
    let mut assertions: Vec<Value> = Vec::new();
    let access = obj.remove("x-idplint-access");
    if let Some(Value::Array(levels)) = &access {
        let levels: Vec<String> = levels
            .iter()
            .filter_map(Value::as_str)
            .map(|l| format!("`{l}`"))
            .collect();
        notes.push(format!(
            "Can be changed when the identity provider's `access_level` is {}.",
            levels.join(" or ")
        ));
    }
    if let Some(Value::Object(kw)) = obj.remove("x-idplint-warn") {
        let mut note = format!(
            "The Auth0 Management API expects it to {}",
            describe_keywords(&kw)
        );
        if let Some(p) = kw.get("pattern").and_then(Value::as_str) {
            let _ = write!(note, " (pattern `{p}`)");
        }
        note.push('.');
        notes.push(note);
        let mut a = kw;
        a.insert(
            "x-idplint-rule".into(),
            json!(crate::rules::management_api_limit::RULE.name),
        );
        assertions.push(Value::Object(a));
    }
    if let Some(Value::String(rule)) = obj.remove("x-idplint-lint") {
        let (mut assertion, note) = crate::rules::schema_assertion(&rule).unwrap_or_else(|| {
            panic!("idplint bug: `x-idplint-lint` names no schema rule: {rule}")
        });
        notes.push(note.to_owned());
        assertion["x-idplint-rule"] = Value::String(rule);
        assertions.push(assertion);
    }
    if obj
        .remove("x-idplint-https")
        .is_some_and(|v| v == Value::Bool(true))
    {
        notes.push("Must use `https://`.".to_owned());
        assertions.push(json!({
            "x-idplint-rule": crate::rules::insecure_url::RULE.name,
            "not": {"pattern": "^[Hh][Tt][Tt][Pp]://"}
        }));
    }
    if obj.get("deprecated") == Some(&Value::Bool(true)) {
        assertions
            .push(json!({"x-idplint-rule": crate::rules::deprecated_field::RULE.name, "not": {}}));
    }
    if request && obj.get("readOnly") == Some(&Value::Bool(true)) && !obj.contains_key("not") {
        assertions
            .push(json!({"x-idplint-rule": crate::rules::read_only_field::RULE.name, "not": {}}));
    }
    for note in notes {
        append_description(obj, &note);
    }
    if mode == Mode::Published {
        // idplint's own markers stay in the lint schema only.
        obj.retain(|k, _| !k.starts_with("x-idplint-"));
    }
    if mode == Mode::Lint
        && let Some(access) = access
    {
        // The access rule reads it from the lint schema.
        obj.insert("x-idplint-access".into(), access);
    }
    if mode == Mode::Published {
        // The assertions of the rules that the published schemas state, untagged.
        assertions.retain(is_published);
        for a in &mut assertions {
            if let Some(a) = a.as_object_mut() {
                a.shift_remove("x-idplint-rule");
            }
        }
    }
    if !assertions.is_empty() {
        let all_of = obj
            .entry("allOf")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(list) = all_of.as_array_mut() {
            list.extend(assertions);
        }
    }
}

/// Add a sentence to a schema's description.
fn append_description(obj: &mut Map<String, Value>, sentence: &str) {
    let mut description = obj
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if !description.is_empty() {
        description.push(' ');
    }
    description.push_str(sentence);
    obj.insert("description".into(), Value::String(description));
}

/// schemars writes an enum whose variants have doc comments as a `oneOf` of `const`s; a
/// validator then reports "not valid under any of the schemas listed in oneOf". Write it as an
/// `enum`, with the variants' docs in the description.
fn consts_to_enum(obj: &mut Map<String, Value>) {
    let Some(Value::Array(items)) = obj.get("oneOf") else {
        return;
    };
    if items.is_empty() || !items.iter().all(|i| i.get("const").is_some()) {
        return;
    }
    let values: Vec<Value> = items
        .iter()
        .filter_map(|i| i.get("const").cloned())
        .collect();
    let notes: Vec<String> = items
        .iter()
        .filter_map(|i| {
            let value = i.get("const")?;
            let doc = i.get("description")?.as_str()?;
            Some(format!(
                "`{}`: {}",
                value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned),
                doc.trim_end_matches('.')
            ))
        })
        .collect();
    let kind = items.iter().find_map(|i| i.get("type").cloned());
    obj.remove("oneOf");
    if let Some(kind) = kind {
        obj.entry("type").or_insert(kind);
    }
    obj.insert("enum".into(), Value::Array(values));
    if !notes.is_empty() {
        append_description(obj, &format!("{}.", notes.join("; ")));
    }
}

/// `Option<T>` means "may be absent" in these APIs, not "may be null": drop the `null` that
/// schemars adds.
fn strip_null(obj: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(values)) = obj.get_mut("enum") {
        values.retain(|v| !v.is_null());
    }
    let single = match obj.get("anyOf") {
        Some(Value::Array(list))
            if list.len() == 2 && list.iter().any(|s| s == &json!({"type": "null"})) =>
        {
            list.iter()
                .find(|s| *s != &json!({"type": "null"}))
                .cloned()
        }
        _ => None,
    };
    if let Some(Value::Object(inner)) = single {
        obj.remove("anyOf");
        for (k, v) in inner {
            obj.entry(k).or_insert(v);
        }
    }
}

/// Describe JSON Schema keywords as what a value must do: "be at most 255 characters long and
/// be an absolute URI".
pub(crate) fn describe_keywords(kw: &Map<String, Value>) -> String {
    let mut parts = Vec::new();
    match (
        kw.get("minLength").and_then(Value::as_u64),
        kw.get("maxLength").and_then(Value::as_u64),
    ) {
        (Some(min), Some(max)) => parts.push(format!("be {min} to {max} characters long")),
        (Some(1), None) => parts.push("not be empty".to_owned()),
        (Some(min), None) => parts.push(format!("be at least {min} characters long")),
        (None, Some(max)) => parts.push(format!("be at most {max} characters long")),
        (None, None) => {}
    }
    if let Some(p) = kw.get("pattern").and_then(Value::as_str) {
        parts.push(match crate::payload::describe_pattern(p) {
            Some(words) => format!("be {words}"),
            None => format!("match `{p}`"),
        });
    }
    if let Some(f) = kw.get("format").and_then(Value::as_str) {
        parts.push(match f {
            "uri" => "be an absolute URI".to_owned(),
            other => format!("be a valid {other}"),
        });
    }
    if let Some(Value::Array(values)) = kw.get("enum") {
        let names: Vec<String> = values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect();
        parts.push(format!("be one of {}", crate::text::one_of(&names)));
    }
    parts.join(" and ")
}

/// The text of a published schema file: pretty-printed, two-space indent, final newline.
pub fn to_file_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Doc comments wrap at 100 columns; a description is one paragraph per blank-line-separated block.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}
