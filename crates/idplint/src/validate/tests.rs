//! A document read straight from JSON text is checked exactly as its `serde_json` value is.

use serde_json::Value;

use crate::context::{AccessLevel, Context, Strategy};
use crate::kinds::{self, KINDS, Kind, Validation};
use crate::source::doc::Doc;

/// Check `doc` and `value` (the same payload) as `kind` in `context`, assert the same findings,
/// and say how many there were; `what` names the case when they differ.
fn same_findings(
    kind: &Kind,
    doc: &Doc<'_>,
    value: &Value,
    context: Context,
    what: &dyn std::fmt::Display,
) -> usize {
    let by_doc = super::validate(kind, doc.root(), context);
    let by_value = super::validate(kind, value, context);
    assert_eq!(by_doc, by_value, "{what}");
    by_value.len()
}

/// Every context an update body can be checked in.
fn contexts() -> Vec<Context> {
    let mut out = vec![Context::default()];
    for strategy in Strategy::ALL {
        for access_level in [None, Some(AccessLevel::Limited), Some(AccessLevel::Full)] {
            out.push(Context {
                strategy: Some(strategy),
                access_level,
            });
        }
    }
    out.push(Context {
        strategy: None,
        access_level: Some(AccessLevel::Readonly),
    });
    out
}

#[test]
fn every_payload_has_the_same_findings_as_a_document_and_as_a_value() {
    let files = crate::test_files::json_files(&["testdata", "examples"]);
    let (mut read, mut compared) = (0, 0);
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // a test of encodings
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let Some(doc) = Doc::parse(text, 128) else {
            continue; // the full parser's: a syntax problem or a duplicate key
        };
        read += 1;
        let value: Value = serde_json::from_str(text).expect("what the document reads is JSON");
        assert_eq!(
            kinds::detect_view(doc.root()).map(|k| k.id),
            kinds::detect(&value).map(|k| k.id),
            "{}",
            path.display()
        );
        // Every kind, not only the file's own: most of these findings are errors.
        for kind in KINDS {
            // Only an update body reads its context.
            let contexts = if kind.validation == Validation::Auth0Update {
                contexts()
            } else {
                vec![Context::default()]
            };
            for context in contexts {
                let what = format!("{} as {} in {context:?}", path.display(), kind.id);
                compared += same_findings(kind, &doc, &value, context, &what);
            }
        }
    }
    assert!(
        read * 10 >= files.len() * 8,
        "{read} of {} files read",
        files.len()
    );
    eprintln!(
        "{read} of {} files, {compared} findings compared",
        files.len()
    );
    assert!(compared > 10_000, "{compared} findings compared");
}

/// Values that the two readers could tell apart if either were wrong: numbers of each kind,
/// escapes, white space, secrets, references, every type.
const REPLACEMENTS: &[&str] = &[
    "1.5",
    "-0",
    "-7",
    "18446744073709551616",
    "1e2",
    "\"  padded\\n\"",
    "\"quote \\\" and \\\\ and \\u00e9 \\ud83d\\ude00\"",
    "\"\\t\"",
    "\"\"",
    "\"${SECRET}\"",
    "\"REPLACE_ME\"",
    "\"http://idp.example\"",
    "true",
    "null",
    "[1, \"two\"]",
    "{\"k\\u0065y\": \"v\"}",
];

/// Every pointer to a member or item of `value`.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => return,
    };
    for (token, child) in children {
        let mut pointer = at.to_owned();
        crate::pointer::push_token(&mut pointer, &token);
        pointers(child, &pointer, out);
        out.push(pointer);
    }
}

#[test]
fn changed_payloads_have_the_same_findings_as_a_document_and_as_a_value() {
    let files = crate::test_files::json_files(&["testdata/valid"]);
    let with_strategy = Context {
        strategy: Some(Strategy::Oidc),
        access_level: Some(AccessLevel::Limited),
    };
    let mut compared = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let Some(kind) = kinds::detect(&value) else {
            continue;
        };
        let mut at = Vec::new();
        pointers(&value, "", &mut at);
        for pointer in &at {
            for replacement in REPLACEMENTS {
                let mut changed = value.clone();
                if let Some(node) = changed.pointer_mut(pointer) {
                    *node = serde_json::from_str(replacement).expect("a replacement is JSON");
                }
                // Written back with serde_json's own escapes, then read both ways.
                let text = serde_json::to_string_pretty(&changed).expect("JSON");
                let value: Value = serde_json::from_str(&text).expect("JSON");
                let doc = Doc::parse(&text, 128).expect("plain JSON");
                for context in [Context::default(), with_strategy] {
                    let what = format!("{} with {pointer} = {replacement}", path.display());
                    compared += same_findings(kind, &doc, &value, context, &what);
                }
            }
        }
    }
    eprintln!("{} files, {compared} findings compared", files.len());
    assert!(compared > 10_000, "{compared} findings compared");
}
