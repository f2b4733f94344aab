//! Property tests: random JSON values and their YAML renderings, and mutations of every valid
//! testdata payload (drop a field, change a type, rename a key, change an enum value's case,
//! truncate the text). For each input:
//!
//! - checking never panics, and rendering the report never shows a secret;
//! - every span lies inside the text, on character boundaries, and points at the node that the
//!   diagnostic's JSON Pointer names (or, when that node is not in the text, its nearest
//!   ancestor); the span index itself is checked against the parsed value;
//! - the structural verdict is the verdict of the published schema alone (jsonschema crate);
//! - the JSON form and the YAML form of the same value give the same findings.
//!
//! `PROPTEST_CASES` raises the number of cases (default 256 per property: a few seconds in a debug build).

#[path = "../common/mod.rs"]
mod common;
mod yaml;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use idplint::kinds::{self, KINDS, Kind, SchemaDef};
use idplint::render::{Style, render_report};
use idplint::source::{Format, Limits, SpanIndex};
use idplint::{Context, FileReport, Options, Origin, check_text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};
use serde_json::{Map, Value};

/// A literal secret: the check is that it never shows in a rendered report or a message.
const SECRET: &str = "Zq8-SECRET-value-7Kp";

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        ..Config::default()
    }
}

/// The valid payloads of testdata, parsed, with what to check them as.
struct Seed {
    name: String,
    text: String,
    format: Format,
    value: Value,
    options: Options,
}

static SEEDS: LazyLock<Vec<Seed>> = LazyLock::new(|| {
    common::cases()
        .into_iter()
        .filter(|c| c.group == "valid")
        .map(|c| {
            let text = std::fs::read_to_string(&c.path).expect("read testdata");
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
            let format = Format::from_path(&c.path);
            let value = idplint::source::parse(&text, format, &Limits::default())
                .value
                .unwrap_or_else(|| panic!("{}: a valid payload parses", c.name));
            Seed {
                name: c.name,
                text,
                format,
                value,
                options: c.options,
            }
        })
        .collect()
});

/// Collect the keys and the short strings of a value.
fn walk(v: &Value, keys: &mut BTreeSet<String>, strings: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                keys.insert(k.clone());
                walk(v, keys, strings);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| walk(v, keys, strings)),
        Value::String(s) if s.len() < 80 => {
            strings.insert(s.clone());
        }
        _ => {}
    }
}

/// Keys and strings that occur in the valid payloads, so that random values look like
/// payloads: kinds are detected, and rules run.
static VOCABULARY: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let (mut keys, mut strings) = (BTreeSet::new(), BTreeSet::new());
    for seed in SEEDS.iter() {
        walk(&seed.value, &mut keys, &mut strings);
    }
    keys.extend(
        [
            "client_secret",
            "clientSecret",
            "password",
            "<<",
            "a/b",
            "~x",
            "",
        ]
        .map(String::from),
    );
    strings.extend(
        [
            SECRET,
            "{yourDomain}",
            "http://example.com",
            " padded ",
            "OIDC",
            "日本語",
            "a\"b\\c\n",
        ]
        .map(String::from),
    );
    (keys.into_iter().collect(), strings.into_iter().collect())
});

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(VOCABULARY.0.clone()),
        1 => "[a-zA-Z_~/ -]{0,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => (0u64..100).prop_map(Value::from),
        1 => (-1e9f64..1e9).prop_map(Value::from),
        4 => prop::sample::select(VOCABULARY.1.clone()).prop_map(Value::String),
        2 => "\\PC{0,12}".prop_map(Value::String),
    ]
}

/// A member of an object: mostly a random one, sometimes a secret key with [`SECRET`] (the only
/// place the secret occurs, so that it may never be shown).
fn member(value: impl Strategy<Value = Value>) -> impl Strategy<Value = (String, Value)> {
    let secret = (
        prop::sample::select(idplint::secrets::SECRET_KEYS),
        prop_oneof![
            Just(Value::from(SECRET)),
            Just(Value::from(vec![SECRET, SECRET]))
        ],
    )
        .prop_map(|(k, v)| (k.to_owned(), v));
    prop_oneof![8 => (key(), value), 1 => secret]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(member(inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A payload: an object, checked with a random kind or with the kind detected.
fn payload() -> impl Strategy<Value = (Value, Option<&'static Kind>)> {
    let object = prop::collection::vec(member(value()), 0..8)
        .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>()));
    let kind = prop::option::of(prop::sample::select(KINDS.iter().collect::<Vec<_>>()));
    (object, kind)
}

/// The schema that states `kind`'s structural rules in `context`.
fn schema_of(kind: &'static Kind, context: Context) -> &'static SchemaDef {
    match (kind.id, context.strategy) {
        ("auth0.idp.update", Some(s)) => kinds::all_schemas()
            .find(|d| d.id == format!("auth0.idp.update.{s}"))
            .expect("a strategy schema"),
        _ => kind.schema,
    }
}

/// Whether the published schema alone accepts `value` (validators compiled once per schema).
fn schema_accepts(def: &'static SchemaDef, value: &Value) -> bool {
    static VALIDATORS: LazyLock<Mutex<HashMap<&'static str, Arc<jsonschema::Validator>>>> =
        LazyLock::new(Mutex::default);
    let validator = VALIDATORS
        .lock()
        .expect("lock")
        .entry(def.id)
        .or_insert_with(|| {
            let v = jsonschema::options()
                .should_validate_formats(true)
                .build(def.published())
                .expect("the schema compiles");
            Arc::new(v)
        })
        .clone();
    validator.is_valid(value)
}

/// Check `text` and assert every property that holds for any text.
fn check(text: &str, format: Format, options: &Options) -> Result<FileReport, TestCaseError> {
    let report = check_text("t", text, format, options);
    let text = &*report.source.text;
    let limits = Limits::default();
    let parsed = idplint::source::parse(text, format, &limits);
    let index = SpanIndex::build(text, format, &limits);
    for d in &report.diagnostics {
        let span = d
            .span
            .clone()
            .ok_or_else(|| TestCaseError::fail(format!("{d}: no span")))?;
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{d}: {span:?}"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert!(
            !d.message.contains(SECRET) && !d.help.as_deref().unwrap_or("").contains(SECRET)
        );
        if d.origin == Origin::Syntax {
            continue; // about the text, not a node: `invalid-syntax`, `duplicate-key`
        }
        prop_assert!(
            parsed.value.is_some(),
            "{d}: a finding about a node of an unparsed text"
        );
        // The node the pointer names, or the nearest ancestor that is in the text.
        let mut p = d.pointer.as_str();
        let node = loop {
            if let Some(node) = index.get(p) {
                break node;
            }
            p = &p[..p
                .rfind('/')
                .ok_or_else(|| TestCaseError::fail(format!("{d}: no node")))?];
        };
        let in_value = node.value.start <= span.start && span.end <= node.value.end;
        prop_assert!(
            node.key.as_ref() == Some(&span) || in_value,
            "{d} ({}): span {span:?} is not at {p:?} ({node:?})",
            d.pointer
        );
    }
    // The secret may show only where a non-secret field holds it too (shrinking can put it
    // there).
    let hidden = parsed.value.as_ref().is_none_or(|v| {
        let mut all = Vec::new();
        pointers(v, "", &mut all);
        all.iter().all(|p| {
            v.pointer(p).and_then(Value::as_str) != Some(SECRET)
                || idplint::secrets::is_secret_pointer(p)
        })
    });
    if hidden && !report.diagnostics.is_empty() {
        let rendered = render_report(&report, Style::default());
        prop_assert!(
            !rendered.contains(SECRET),
            "the rendered report shows the secret"
        );
    }
    if let (Some(value), Some(kind)) = (&parsed.value, report.kind) {
        let schema = schema_accepts(schema_of(kind, options.context), value);
        let idplint = !report
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.rule.in_schema);
        prop_assert_eq!(
            schema,
            idplint,
            "schema and idplint disagree on {}:\n{}",
            kind.id,
            text
        );
    }
    Ok(report)
}

/// The span index of a text idplint wrote: every node's span holds that node.
fn index_matches_value(text: &str, format: Format, value: &Value) -> Result<(), TestCaseError> {
    let index = SpanIndex::build(text, format, &Limits::default());
    let mut count = 0;
    for (pointer, node) in index.iter() {
        let expected = value.pointer(pointer);
        prop_assert!(expected.is_some(), "{pointer:?} is not in the value");
        let shown = &text[node.value.clone()];
        let read = idplint::source::parse(shown, format, &Limits::default()).value;
        // A YAML block collection does not parse alone once cut out of its indentation.
        if format == Format::Json || !matches!(expected, Some(Value::Object(_) | Value::Array(_))) {
            prop_assert_eq!(read.as_ref(), expected, "{:?} at {:?}", pointer, node.value);
        }
        if let Some(key) = &node.key {
            let name = idplint::source::parse(&text[key.clone()], format, &Limits::default()).value;
            let last = pointer
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .replace("~1", "/")
                .replace("~0", "~");
            prop_assert_eq!(name, Some(Value::String(last)), "the key of {:?}", pointer);
        }
        count += 1;
    }
    prop_assert!(count > 0);
    Ok(())
}

/// The findings that must agree between two forms of one value.
fn findings(report: &FileReport) -> Vec<(&'static str, String, String)> {
    let mut out: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule.name, d.pointer.clone(), d.message.clone()))
        .collect();
    out.sort();
    out
}

/// Check a value as JSON and as YAML: every property, and the same findings.
fn both_forms(value: &Value, options: &Options) -> Result<(), TestCaseError> {
    let json = serde_json::to_string_pretty(value).expect("JSON");
    let yaml = yaml::to_yaml(value);
    let from_json = check(&json, Format::Json, options)?;
    let from_yaml = check(&yaml, Format::Yaml, options)?;
    index_matches_value(&json, Format::Json, value)?;
    index_matches_value(&yaml, Format::Yaml, value)?;
    prop_assert_eq!(
        findings(&from_json),
        findings(&from_yaml),
        "JSON:\n{}\nYAML:\n{}",
        json,
        yaml
    );
    Ok(())
}

/// How to change a valid payload.
#[derive(Debug, Clone, Copy)]
enum Mutation {
    DropField,
    ChangeType,
    RenameKey,
    ChangeCase,
    Truncate,
}

/// Every node's pointer, in document order.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                let mut p = at.to_owned();
                idplint::source::push_token(&mut p, k);
                pointers(v, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The parent of a pointer and its last token (unescaped).
fn split(pointer: &str) -> Option<(&str, String)> {
    let at = pointer.rfind('/')?;
    let token = pointer[at + 1..].replace("~1", "/").replace("~0", "~");
    Some((&pointer[..at], token))
}

/// Apply a value mutation at the `pick`-th eligible node; `None` when no node is eligible.
fn mutate(value: &Value, mutation: Mutation, pick: usize) -> Option<Value> {
    let mut all = Vec::new();
    pointers(value, "", &mut all);
    let member = |p: &String| {
        split(p).is_some_and(|(parent, _)| value.pointer(parent).is_some_and(Value::is_object))
    };
    let eligible: Vec<&String> = match mutation {
        Mutation::DropField | Mutation::RenameKey => all.iter().filter(|p| member(p)).collect(),
        Mutation::ChangeType => all.iter().collect(),
        Mutation::ChangeCase => all
            .iter()
            .filter(|p| value.pointer(p).is_some_and(Value::is_string))
            .collect(),
        Mutation::Truncate => return None,
    };
    let pointer = eligible.get(pick % eligible.len().max(1))?.as_str();
    let mut out = value.clone();
    match mutation {
        Mutation::DropField | Mutation::RenameKey => {
            let (parent, key) = split(pointer)?;
            let object = out.pointer_mut(parent)?.as_object_mut()?;
            let old = object.shift_remove(&key)?;
            if let Mutation::RenameKey = mutation {
                let renamed = match pick % 3 {
                    0 => format!("{key}_"),
                    1 => key.to_uppercase(),
                    _ => key.replace('_', ""),
                };
                object.insert(renamed, old);
            }
        }
        Mutation::ChangeType => {
            let node = out.pointer_mut(pointer)?;
            *node = match node {
                Value::String(_) => Value::from(1),
                Value::Number(_) => Value::from("1"),
                Value::Bool(b) => Value::from(b.to_string()),
                Value::Null => Value::Bool(false),
                Value::Array(_) => Value::Object(Map::new()),
                Value::Object(_) => Value::Array(Vec::new()),
            };
        }
        Mutation::ChangeCase => {
            let node = out.pointer_mut(pointer)?;
            let s = node.as_str()?;
            let upper = s.to_uppercase();
            *node = Value::from(if upper == s { s.to_lowercase() } else { upper });
        }
        Mutation::Truncate => return None,
    }
    Some(out)
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::DropField),
        Just(Mutation::ChangeType),
        Just(Mutation::RenameKey),
        Just(Mutation::ChangeCase),
        Just(Mutation::Truncate),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_values_as_json_and_yaml((value, kind) in payload()) {
        both_forms(&value, &Options { kind, ..Options::default() })?;
    }

    #[test]
    fn mutations_of_valid_payloads(seed in 0..SEEDS.len(), mutation in mutation(), pick in any::<usize>()) {
        let seed = &SEEDS[seed];
        if let Mutation::Truncate = mutation {
            let mut cut = pick % (seed.text.len() + 1);
            while !seed.text.is_char_boundary(cut) {
                cut -= 1;
            }
            check(&seed.text[..cut], seed.format, &seed.options)?;
        } else if let Some(changed) = mutate(&seed.value, mutation, pick) {
            both_forms(&changed, &seed.options)
                .map_err(|e| TestCaseError::fail(format!("{} ({mutation:?}): {e}", seed.name)))?;
        }
    }
}

/// Every valid payload, unchanged: the same findings as JSON and as YAML, whatever form its
/// file has; a sanity check of the harness itself.
#[test]
fn every_valid_payload_in_both_forms() {
    assert!(SEEDS.len() > 40, "only {} valid payloads", SEEDS.len());
    for seed in SEEDS.iter() {
        check(&seed.text, seed.format, &seed.options)
            .unwrap_or_else(|e| panic!("{}: {e}", seed.name));
        both_forms(&seed.value, &seed.options).unwrap_or_else(|e| panic!("{}: {e}", seed.name));
    }
}
