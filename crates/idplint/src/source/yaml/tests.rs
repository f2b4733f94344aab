use std::fmt::Write as _;
use std::time::{Duration, Instant};

use serde_json::json;

use std::collections::HashMap;

use super::parse;
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
    problem
}

#[track_caller]
fn assert_error(text: &str, token: &str, message: &str) {
    let problem = error(text);
    assert_eq!(&text[problem.span.clone()], token, "span of {text:?}");
    assert_eq!(problem.message, message, "message for {text:?}");
}

#[test]
fn same_value_as_json() {
    let yaml = "\
strategy: oidc
name: \"corp-sso\"
options:
  client_id: abc
  scopes: [openid, profile, email]
  port: 8443
  ratio: 0.5
  big: 18446744073709551615
  negative: -3
  enabled: true
  secret: null
  nested:
    - {a: 1, b: [x, 'y']}
    - []
    - {}
  text: |
    line one
    line two
";
    let json = r#"{"strategy": "oidc", "name": "corp-sso", "options": {"client_id": "abc",
        "scopes": ["openid", "profile", "email"], "port": 8443, "ratio": 0.5,
        "big": 18446744073709551615, "negative": -3, "enabled": true, "secret": null,
        "nested": [{"a": 1, "b": ["x", "y"]}, [], {}], "text": "line one\nline two\n"}}"#;
    let from_yaml = parse(yaml, &limits());
    let from_json = super::super::json::parse(json, &limits());
    assert!(from_yaml.problems.is_empty(), "{:?}", from_yaml.problems);
    assert!(from_json.problems.is_empty());
    assert_eq!(from_yaml.value, from_json.value);
    // Same key order, same number representation.
    assert_eq!(
        serde_json::to_string(&from_yaml.value).unwrap(),
        serde_json::to_string(&from_json.value).unwrap()
    );
}

#[test]
fn scalars_and_keys() {
    let text = "1: a\ntrue: b\n0x10: c\nq: !!str 123\nr: '123'\ns: ~\nt:\nu: 1e3\n";
    let value = parse(text, &limits()).value.unwrap();
    let expected = json!({"1": "a", "true": "b", "16": "c", "q": "123", "r": "123",
        "s": null, "t": null, "u": 1000.0});
    assert_eq!(value, expected);
}

#[test]
fn node_spans_with_non_ascii_text() {
    let text = "名前: \"漢字😀\"\r\nopts:\r\n  a/b: [1, {m~n: true}]\r\n  list:\r\n    - é\r\n    - x: 😀y\r\n";
    let spans = spans(text, &limits());
    let value = |p: &str| &text[spans[p].value.clone()];
    let key = |p: &str| spans[p].key.clone().map(|k| &text[k]);
    assert_eq!(key(""), None);
    assert_eq!(value("/名前"), "\"漢字😀\"");
    assert_eq!(key("/名前"), Some("名前"));
    assert_eq!(key("/opts"), Some("opts"));
    assert_eq!(value("/opts/a~1b"), "[1, {m~n: true}]");
    assert_eq!(key("/opts/a~1b"), Some("a/b"));
    assert_eq!(value("/opts/a~1b/0"), "1");
    assert_eq!(key("/opts/a~1b/0"), None);
    assert_eq!(value("/opts/a~1b/1"), "{m~n: true}");
    assert_eq!(value("/opts/a~1b/1/m~0n"), "true");
    assert_eq!(key("/opts/a~1b/1/m~0n"), Some("m~n"));
    assert_eq!(value("/opts/list/0"), "é");
    assert_eq!(value("/opts/list/1/x"), "😀y");
    assert_eq!(value("/opts/list/1"), "x: 😀y");
    assert_eq!(value("/opts/list"), "- é\r\n    - x: 😀y");
    assert!(value("/opts").starts_with("a/b: [1"));
    assert!(value("/opts").ends_with("x: 😀y"));
    assert!(value("").starts_with("名前"));
}

#[test]
fn duplicate_keys() {
    let text = "options:\n  client_id: a\n  x: 1\n  client_id: b\n  \"client_id\": c\n";
    let parsed = parse(text, &limits());
    assert_eq!(
        parsed.value,
        Some(json!({"options": {"client_id": "c", "x": 1}}))
    );
    assert_eq!(parsed.problems.len(), 2);
    let first = text.find("client_id").unwrap();
    let seconds = [
        text.rfind(" client_id").unwrap() + 1,
        text.find("\"client_id\"").unwrap(),
    ];
    for (problem, second) in parsed.problems.iter().zip(seconds) {
        assert_eq!(problem.kind, SyntaxProblemKind::DuplicateKey);
        assert_eq!(problem.span.start, second);
        assert_eq!(problem.first, Some(first..first + 9));
        assert_eq!(problem.pointer, "/options/client_id");
        assert_eq!(problem.message, "duplicate key `client_id`");
    }
    assert_eq!(&text[parsed.problems[0].span.clone()], "client_id");
    assert_eq!(&text[parsed.problems[1].span.clone()], "\"client_id\"");
    // Spans point at the last occurrence; keys compare after resolution (1 and 0x1).
    let text = "é: 1\n1: a\n0x1: b\né: [2]\n";
    let parsed = parse(text, &limits());
    assert_eq!(parsed.value, Some(json!({"é": [2], "1": "b"})));
    assert_eq!(&text[parsed.problems[0].span.clone()], "0x1");
    assert_eq!(parsed.problems[1].pointer, "/é");
    let spans = spans(text, &limits());
    assert_eq!(&text[spans["/é"].value.clone()], "[2]");
}

#[test]
fn anchors_and_aliases() {
    let text = "base: &b {x: 1, y: [2]}\ncopy: *b\nname: &n joe\nwho: *n\n";
    let parsed = parse(text, &limits());
    let expected = json!({"base": {"x": 1, "y": [2]}, "copy": {"x": 1, "y": [2]},
        "name": "joe", "who": "joe"});
    assert_eq!(parsed.value, Some(expected));
    let spans = spans(text, &limits());
    assert_eq!(&text[spans["/copy"].value.clone()], "*b");
    assert_eq!(&text[spans["/base"].value.clone()], "&b {x: 1, y: [2]}");
    assert!(!spans.contains_key("/copy/x")); // locate() falls back to the alias
    assert_error(
        "a: &a [1, *a]\n",
        "*a",
        "this alias refers to a node that contains it",
    );
}

#[test]
fn billion_laughs() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        writeln!(text, "{name}: &{name} [{refs}]").unwrap();
    }
    let start = Instant::now();
    let problem = error(&text);
    assert!(start.elapsed() < Duration::from_secs(1));
    assert_eq!(
        problem.message,
        "alias expansion exceeds the limit of 100000 nodes (a \"billion laughs\" document?)"
    );
    assert!(text[problem.span.clone()].starts_with('*'));
}

#[test]
fn unsupported_yaml() {
    let merge =
        "merge keys (`<<`) are not supported: the APIs take plain JSON objects; write the keys out";
    assert_error("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n", "<<", merge);
    assert!(parse("'<<': 1", &limits()).value.is_some());
    assert_error("a: .inf\n", ".inf", "`.inf` has no JSON equivalent");
    assert_error("a: [-.Inf]\n", "-.Inf", "`-.Inf` has no JSON equivalent");
    assert_error("a: .NaN\n", ".NaN", "`.NaN` has no JSON equivalent");
    let range = "number out of range: `1e400` does not fit in a 64-bit float";
    assert_error("a: 1e400\n", "1e400", range);
    assert_error("? [a, b]\n: 1\n", "[", "mapping keys must be scalars");
    assert_error("{a: 1, {b: 2}: 3}", "{", "mapping keys must be scalars");
    let float = "mapping key `1.5` is a float: quote it to make it a string";
    assert_error("1.5: a\n", "1.5", float);
    let null = "mapping key is null: keys must be strings, integers or booleans";
    assert_error("~: a\n", "~", null);
    assert_error(
        "a: !!bool yes\n",
        "!!bool yes",
        "`yes` is not a valid `!!bool`",
    );
}

#[test]
fn empty_and_multiple_documents() {
    for text in [
        "",
        "  \n",
        "# only a comment\n\n",
        "---\n",
        "--- # c\n...\n",
    ] {
        let problem = error(text);
        assert_eq!(problem.span, 0..0, "{text:?}");
        assert_eq!(problem.message, "the file is empty");
    }
    assert_eq!(parse("~", &limits()).value, Some(serde_json::Value::Null));
    let multi = "more than one YAML document: a payload file holds one";
    let text = "a: 1\n---\nb: 2\n";
    assert_error(text, "---", multi);
    assert_eq!(error(text).span.start, 5);
    assert_error("--- a\n--- b\n", "---", multi);
    assert_eq!(error("--- a\n--- b\n").span.start, 6);
    // A trailing `---` or `...` with nothing after it is fine.
    assert_eq!(parse("a: 1\n---\n", &limits()).value, Some(json!({"a": 1})));
    assert_eq!(parse("a: 1\n...\n", &limits()).value, Some(json!({"a": 1})));
}

#[test]
fn scan_errors_have_byte_spans() {
    let text = "名前😀: b: c\n";
    let problem = error(text);
    assert_eq!(
        problem.message,
        "mapping values are not allowed in this context"
    );
    assert_eq!(&text[problem.span.clone()], ":");
    assert_eq!(problem.span.start, text.rfind(':').unwrap());
    let text = "é: [1, 2\n";
    let problem = error(text);
    assert!(
        !problem.message.contains(" at byte "),
        "{}",
        problem.message
    );
    assert!(problem.span.end <= text.len());
    // saphyr points at the opening quote; the problem names the escape.
    let surrogate = "invalid string escape: `\\ud800` is a UTF-16 surrogate, not a character";
    assert_error("k: \"漢字\\t\\\\\\ud800\"", "\\ud800", surrogate);
    let pair = "invalid string escape: `\\ud83d` is a UTF-16 surrogate, not a character";
    assert_error("k: \"\\ud83d\\ude00\"", "\\ud83d", pair);
    let past = "invalid string escape: `\\U00110000` is past U+10FFFF, not a character";
    assert_error(
        "k: [\"\\x41\\u00e9\", \"\\U00110000\"]",
        "\\U00110000",
        past,
    );
}

#[test]
fn nesting_limits() {
    let text = "[\n".repeat(129);
    let problem = error(&text);
    assert_eq!(problem.message, "nesting is deeper than 128 levels");
    assert_eq!(problem.span, 256..257);
    let nested = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(parse(&nested, &limits()).value.is_some());
    let small = Limits {
        max_depth: 2,
        ..Limits::default()
    };
    assert!(parse("a: [1]", &small).value.is_some());
    assert!(parse("a: [[1]]", &small).value.is_none());
    // Aliases count with the nesting they bring.
    let text = "a: &a [[1]]\nb: [*a]\n";
    let four = Limits {
        max_depth: 4,
        ..Limits::default()
    };
    assert!(parse(text, &four).value.is_some());
    let three = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let problem = parse(text, &three).problems[0].clone();
    assert_eq!(&text[problem.span], "*a");
}

#[test]
fn flow_nesting_points_at_the_first_level_too_deep() {
    // saphyr's scanner trips its own limit (255) while looking ahead on one line; the problem
    // still points at the bracket that opens level 129.
    for (prefix, opening) in [("", "["), ("a: ", "["), ("k: ", "{a: ")] {
        let text = format!("{prefix}{}", opening.repeat(100_000));
        let problem = error(&text);
        assert_eq!(
            problem.message, "nesting is deeper than 128 levels",
            "{prefix:?}"
        );
        let levels_before = if prefix.is_empty() { 128 } else { 127 };
        let expected = prefix.len() + opening.len() * levels_before;
        assert_eq!(
            problem.span,
            expected..expected + 1,
            "{prefix:?}{opening:?}"
        );
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let thread = std::thread::Builder::new().stack_size(256 * 1024);
    let handle = thread.spawn(|| {
        let texts = [
            "[".repeat(100_000),
            "[\n".repeat(100_000),
            "- ".repeat(100_000) + "x",
            "{a: ".repeat(100_000),
        ];
        texts.map(|text| {
            let _ = spans(&text, &Limits::default());
            parse(&text, &Limits::default()).problems[0].message.clone()
        })
    });
    for message in handle.unwrap().join().unwrap() {
        assert_eq!(message, "nesting is deeper than 128 levels");
    }
}

#[test]
fn ten_megabyte_string() {
    let big = "x".repeat(10 * 1024 * 1024);
    let text = format!("a: \"{big}\"\nb: é\n");
    let parsed = parse(&text, &limits());
    assert_eq!(parsed.value, Some(json!({"a": big, "b": "é"})));
    let spans = spans(&text, &limits());
    assert_eq!(&text[spans["/b"].value.clone()], "é");
}
