use serde_json::json;

use std::collections::HashMap;

use super::{duplicates, parse};
use crate::source::{Limits, NodeSpans, Recorder, SyntaxProblem, SyntaxProblemKind};

fn limits() -> Limits {
    Limits::default()
}

/// The spans of every node.
fn spans(text: &str, limits: &Limits) -> HashMap<String, NodeSpans> {
    super::spans(text, limits, Recorder::default()).nodes
}

/// The one fatal problem of `text`.
fn error(text: &str) -> SyntaxProblem {
    let parsed = parse(text, &limits());
    assert!(parsed.value.is_none(), "{text:?} should not parse");
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    let problem = parsed.problems[0].clone();
    assert_eq!(problem.kind, SyntaxProblemKind::InvalidSyntax);
    assert_eq!(problem.pointer, "");
    assert_eq!(problem.first, None);
    problem
}

/// Assert the problem of `text` covers `token` and says `message`.
#[track_caller]
fn assert_error(text: &str, token: &str, message: &str) {
    let problem = error(text);
    assert_eq!(&text[problem.span.clone()], token, "span of {text:?}");
    assert_eq!(problem.message, message, "message for {text:?}");
}

#[test]
fn parses_like_serde_json() {
    let text = r#"{"b": [1, -2, 3.5, 1e2, 18446744073709551615, true, null], "a": {"x": "y\n"}}"#;
    let parsed = parse(text, &limits());
    let expected: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(parsed.value, Some(expected.clone()));
    assert!(parsed.problems.is_empty());
    // preserve_order: keys in text order.
    let value = parsed.value.unwrap();
    let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["b", "a"]);
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
}

#[test]
fn empty_files() {
    for text in ["", "  \n\t\r\n"] {
        let problem = error(text);
        assert_eq!(problem.span, 0..0);
        assert_eq!(problem.message, "the file is empty");
    }
}

#[test]
fn truncated() {
    let text = "{\"a\": [1, 2";
    let problem = error(text);
    assert_eq!(problem.span, text.len()..text.len());
    assert_eq!(
        problem.message,
        "unexpected end of file: the JSON is truncated"
    );
    assert_eq!(error("[\"abc").span, 5..5);
}

#[test]
fn trailing_commas() {
    let message = "trailing comma: JSON does not allow a comma before `}` or `]`";
    assert_error("{\"a\": 1,\n  }", ",", message);
    let text = "[1, 2 ,\n ]";
    assert_eq!(error(text).span, 6..7);
    assert_error(text, ",", message);
}

#[test]
fn comments() {
    let message = "comments are not allowed in JSON";
    assert_error("// c\n{}", "//", message);
    assert_error("{\"a\": /* x */ 1}", "/*", message);
    assert_error("{\"a\": 1} // c", "//", message);
    assert_error("{\"a\": 1, # c\n}", "#", message);
}

#[test]
fn numbers() {
    let message = "number out of range: `1e400` does not fit in a 64-bit float";
    assert_error("[1e400]", "1e400", message);
    let message = "number out of range: `-1e400` does not fit in a 64-bit float";
    assert_error("{\"a\": -1e400 }", "-1e400", message);
    assert_error("[01]", "01", "invalid number `01`");
    assert_error("[1.]", "1.", "invalid number `1.`");
}

#[test]
fn string_escapes() {
    let lone = "invalid string escape: lone surrogate `\\ud800`";
    assert_error(r#"["\ud800"]"#, r"\ud800", lone);
    assert_error(r#"["\ud800\u0041"]"#, r"\ud800", lone);
    assert_error(r#"["ok \ud83d\ude00", "\ud800x"]"#, r"\ud800", lone);
    let trailing = error(r#"["\udc00"]"#);
    assert!(
        trailing.message.starts_with("invalid string escape"),
        "{trailing:?}"
    );
    let message =
        "invalid string escape `\\x`: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX";
    assert_error(r#"["\x"]"#, r"\x", message);
    assert_error(
        "[\"a\tb\"]",
        "\t",
        "control character U+0009 in a string: write it as `\\t`",
    );
    assert_error(
        "[\"a\u{1}b\"]",
        "\u{1}",
        "control character U+0001 in a string: write it as `\\u0001`",
    );
}

#[test]
fn structure_errors() {
    assert_error(
        "{\"a\" 1}",
        "1",
        "expected `:` after the object key, found `1`",
    );
    assert_error(
        "[1 2]",
        "2",
        "expected `,` or `]` after an array item, found `2`",
    );
    assert_error(
        "{\"a\":1 \"b\":2}",
        "\"",
        "expected `,` or `}` after an object member, found `\\\"`",
    );
    assert_error(
        "{1:2}",
        "1",
        "object keys must be strings in double quotes, found `1`",
    );
    let quotes = "strings must be in double quotes (`\"`), not single quotes";
    assert_error("{'a':1}", "'", quotes);
    assert_error("['a']", "'", quotes);
    assert_error(
        "{} x",
        "x",
        "unexpected text after the end of the JSON value",
    );
    let literal = "invalid literal `tru`: JSON literals are `true`, `false` and `null`";
    assert_error("[tru]", "tru", literal);
    let word = "expected a value, found `True` (JSON literals are `true`, `false` and `null`)";
    assert_error("[True]", "True", word);
    assert_error("[,]", ",", "expected a value, found `,`");
    assert_error(
        "[undefined]",
        "undefined",
        "expected a value, found `undefined`",
    );
}

#[test]
fn error_positions_count_bytes_on_non_ascii_lines() {
    // serde_json's column is 1-based and counts bytes: "名前" is 6 bytes, "😀" 4.
    let text = "{\n  \"名前\": \"😀\", \"k\": x}";
    let err = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let x = text.find('x').unwrap();
    assert_eq!(err.line(), 2);
    assert_eq!(err.column(), x - text.find('\n').unwrap());
    assert_error(text, "x", "expected a value, found `x`");
    // A multi-byte offending character is covered whole.
    assert_error("[1, é]", "é", "expected a value, found `é`");
    assert_error(
        "\u{feff}{}",
        "\u{feff}",
        "expected a value, found `\\u{feff}`",
    );
}

#[test]
fn duplicate_keys() {
    let text = r#"{"options": {"client_id": "a", "x": 1, "client_id": "b", "client_id": "c"}}"#;
    let parsed = parse(text, &limits());
    assert_eq!(
        parsed.value,
        Some(json!({"options": {"client_id": "c", "x": 1}}))
    );
    assert_eq!(parsed.problems.len(), 2);
    let first = text.find("\"client_id\"").unwrap();
    let mut seconds = text.match_indices("\"client_id\"").skip(1);
    for problem in &parsed.problems {
        let second = seconds.next().unwrap().0;
        assert_eq!(problem.kind, SyntaxProblemKind::DuplicateKey);
        assert_eq!(problem.span, second..second + 11);
        assert_eq!(problem.first, Some(first..first + 11));
        assert_eq!(problem.pointer, "/options/client_id");
        assert_eq!(problem.message, "duplicate key `client_id`");
    }
    assert_eq!(duplicates(text, &limits()), parsed.problems);
    // Keys are compared decoded.
    let text = r#"{"a/b": 1, "a\/b": 2}"#;
    let problems = parse(text, &limits()).problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(&text[problems[0].span.clone()], r#""a\/b""#);
    assert_eq!(problems[0].pointer, "/a~1b");
}

#[test]
fn node_spans() {
    let text = "{\"名前\": \"漢字😀\", \"a/b\": {\"m~n\": [1, {\"x\": true}, []]}, \"e\": {}}";
    let spans = spans(text, &limits());
    let value = |p: &str| &text[spans[p].value.clone()];
    let key = |p: &str| spans[p].key.clone().map(|k| &text[k]);
    assert_eq!(value(""), text);
    assert_eq!(key(""), None);
    assert_eq!(value("/名前"), "\"漢字😀\"");
    assert_eq!(key("/名前"), Some("\"名前\""));
    assert_eq!(value("/a~1b"), "{\"m~n\": [1, {\"x\": true}, []]}");
    assert_eq!(key("/a~1b"), Some("\"a/b\""));
    assert_eq!(value("/a~1b/m~0n"), "[1, {\"x\": true}, []]");
    assert_eq!(value("/a~1b/m~0n/0"), "1");
    assert_eq!(key("/a~1b/m~0n/0"), None);
    assert_eq!(value("/a~1b/m~0n/1"), "{\"x\": true}");
    assert_eq!(value("/a~1b/m~0n/1/x"), "true");
    assert_eq!(key("/a~1b/m~0n/1/x"), Some("\"x\""));
    assert_eq!(value("/a~1b/m~0n/2"), "[]");
    assert_eq!(value("/e"), "{}");
    assert_eq!(spans.len(), 9);
}

#[test]
fn escaped_keys_are_decoded_in_pointers() {
    let text = r#"{"\u00e9\ud83d\ude00": 1, "t\"q\\": 2, "\n": 3}"#;
    let spans = spans(text, &limits());
    assert_eq!(&text[spans["/é😀"].value.clone()], "1");
    assert_eq!(&text[spans["/t\"q\\"].value.clone()], "2");
    assert_eq!(&text[spans["/\n"].key.clone().unwrap()], r#""\n""#);
}

#[test]
fn duplicate_spans_map_to_the_last_occurrence() {
    let text = r#"{"a": 1, "a": [true]}"#;
    let spans = spans(text, &limits());
    assert_eq!(&text[spans["/a"].value.clone()], "[true]");
    assert_eq!(spans["/a"].key, Some(9..12));
}

#[test]
fn nesting_limits() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nested(127), &limits()).value.is_some());
    let problem = error(&nested(129));
    assert_eq!(problem.message, "nesting is deeper than 128 levels");
    assert_eq!(problem.span, 128..129);
    // serde_json reads 127 levels at most.
    let problem = error(&nested(128));
    assert_eq!(
        problem.message,
        "nesting is deeper than 127 levels, the most the JSON reader supports"
    );
    let small = Limits {
        max_depth: 5,
        ..Limits::default()
    };
    assert!(parse(&nested(5), &small).value.is_some());
    let text = "{\"a\": [[{\"b\": [[1]]}]]}";
    let parsed = parse(text, &small);
    assert_eq!(
        parsed.problems[0].message,
        "nesting is deeper than 5 levels"
    );
    assert_eq!(parsed.problems[0].span, 15..16);
    assert!(parse(&nested(6), &small).value.is_none());
}

/// Run `f` on a thread with a small stack: recursion per level would overflow it.
fn with_stack<T: Send + 'static>(kib: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    let thread = std::thread::Builder::new().stack_size(kib * 1024);
    thread.spawn(f).unwrap().join().unwrap()
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let arrays = "[".repeat(100_000);
    let objects = "{\"a\":".repeat(100_000);
    // The walker is iterative: 256 KiB is plenty.
    let (a, o) = (arrays.clone(), objects.clone());
    let (spans, dups) = with_stack(256, move || {
        let spans = spans(&a, &Limits::default()).len();
        let dups = duplicates(&o, &Limits::default()).len();
        (spans, dups)
    });
    assert_eq!((spans, dups), (0, 0));
    // serde_json recurses, but never more than 127 levels: about 300 KiB in a debug build
    // (100,000 levels would need hundreds of MiB).
    let (parsed, deep_objects) = with_stack(512, move || {
        let parsed = parse(&arrays, &Limits::default());
        (parsed, parse(&objects, &Limits::default()))
    });
    assert_eq!(
        parsed.problems[0].message,
        "nesting is deeper than 128 levels"
    );
    assert_eq!(parsed.problems[0].span, 128..129);
    assert_eq!(deep_objects.problems[0].span, 5 * 128..5 * 128 + 1);
}

#[test]
fn ten_megabyte_string() {
    let big = "x".repeat(10 * 1024 * 1024);
    let text = format!("{{\"a\": \"{big}\", \"a\": 1, \"b\": \"é\"}}");
    let parsed = parse(&text, &limits());
    assert_eq!(parsed.value, Some(json!({"a": 1, "b": "é"})));
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].span.start, big.len() + 10);
    let spans = spans(&text, &limits());
    assert_eq!(&text[spans["/b"].value.clone()], "\"é\"");
    let text = format!("[\"{big}\"]");
    assert_eq!(parse(&text, &limits()).value, Some(json!([big])));
}

#[test]
fn walker_survives_unexpected_text() {
    let sample = r#"{"a": [1, {"b\u00e9": "c\"", "d": null}], "e": -1.5e3, "f": {}}"#;
    for end in 0..=sample.len() {
        let Some(prefix) = sample.get(..end) else {
            continue;
        };
        let _ = spans(prefix, &limits());
        let _ = duplicates(prefix, &limits());
        let _ = parse(prefix, &limits());
    }
    for text in [
        "}}}",
        "]",
        "{\"a\" 1}",
        "{,}",
        "[1,,]",
        "\"",
        "{\"a\":}",
        "\\",
        "[\"\\",
    ] {
        let _ = spans(text, &limits());
        let _ = duplicates(text, &limits());
        assert!(parse(text, &limits()).value.is_none());
    }
}
