use serde_json::Value;

use super::reader::plain_run;
use super::*;
use crate::view::at_pointer;

fn read(text: &str) -> Option<Value> {
    Doc::parse(text, 128).map(|d| d.root().to_value())
}

#[test]
fn reads_what_serde_json_reads() {
    for text in [
        "{}",
        "[]",
        " \t\r\n{ \"a\" : [ 1 , { } , [ ] , null , true , false ] } \n",
        r#"{"s": "plain", "e": "a\"b\\c\/d\b\f\n\r\t", "u": "\u00e9\u20ac\ud83d\ude00\u0000"}"#,
        r#"{"caf\u00e9": 1, "café2": "x\u0041y"}"#,
        "[0, -0, 1, -1, 1.5, -2.25, 1e2, 1E-7, 2.5e+3]",
        "[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]",
        "[123456789012345678901234567890, 0.1, 3.141592653589793238462643383279]",
        "\"a string alone\"",
        "42",
        "null",
        r#"{"a": {"b": {"c": [[["deep"]]]}}}"#,
    ] {
        let expected: Value = serde_json::from_str(text).expect(text);
        let doc = Doc::parse(text, 128).expect(text);
        let got = doc.root().to_value();
        assert_eq!(got, expected, "{text}");
        // The same numbers, not only equal ones: -0 and big integers are floats in both.
        assert_eq!(got.to_string(), expected.to_string(), "{text}");
    }
}

#[test]
fn reads_long_runs_between_escapes() {
    // A PEM certificate: 64 characters to a line, each line ended by an escape; runs shorter
    // and longer than eight bytes, escapes back to back and at the ends.
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\\n{}-----END CERTIFICATE-----\\n",
        "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\\n".repeat(12)
    );
    for text in [
        format!(r#"{{"cert": "{pem}", "k": 1}}"#),
        r#"["\n\t\"x\\", "ab\ncdefghijklmnop\u00e9qrstuvwxyz0123456789\/"]"#.to_owned(),
    ] {
        let expected: Value = serde_json::from_str(&text).expect(&text);
        assert_eq!(read(&text), Some(expected), "{text}");
    }
    for text in [
        "[\"a\\nbcdefghijklmnopq\tr\"]",
        "[\"a\\nbcdefghijklmnopqrstuvwxyz",
        "[\"a\\nbcdefghijklmnopqrstuvwxyz\\",
    ] {
        assert_eq!(read(text), None, "{text:?}: a control character or no end");
    }
}

#[test]
fn leaves_anything_unusual_to_the_full_parser() {
    for text in [
        "",
        "  \n",
        "{\"a\": 1,}",
        "[1, 2,]",
        "{\"a\": 1} // comment",
        r#"["\ud800"]"#,
        r#"["\udc00x"]"#,
        r#"["\ud800\u0041"]"#,
        "[\"tab\there\"]",
        r#"["\x"]"#,
        r#"["\u12"]"#,
        "[1e400]",
        "[-1e400]",
        "[01]",
        "[1.]",
        "[.5]",
        "[-]",
        "[1e]",
        "[tru]",
        "[nul]",
        "{} x",
        "{\"a\" 1}",
        "{a: 1}",
        "[1 2]",
        "{\"a\": 1]",
        "[1}",
        "\"open",
        "{",
    ] {
        assert!(Doc::parse(text, 128).is_none(), "{text:?} was read");
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "{text:?} is valid JSON: the fast reader should take it"
        );
    }
    // Duplicate keys are valid JSON to serde_json; the full parser reports them.
    for text in [
        "{\"a\": 1, \"a\": 2}",
        r#"{"a": 1, "\u0061": 2}"#,
        r#"{"x": {"b": 1, "c": 2, "b": 3}}"#,
    ] {
        assert!(Doc::parse(text, 128).is_none(), "{text:?} was read");
    }
}

#[test]
fn nesting_at_the_limit_is_left_to_the_full_parser() {
    let nested = |levels: usize| format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
    assert!(Doc::parse(&nested(2), 3).is_some());
    assert!(Doc::parse(&nested(3), 3).is_none(), "at the limit");
    assert!(Doc::parse(&nested(4), 3).is_none());
    assert!(Doc::parse(&nested(126), 1000).is_some());
    assert!(
        Doc::parse(&nested(127), 1000).is_none(),
        "serde_json's own limit"
    );
}

#[test]
fn large_objects_are_left_to_the_full_parser() {
    let object = |n: usize| {
        let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
        format!("{{{}}}", members.join(", "))
    };
    assert!(Doc::parse(&object(64), 128).is_some());
    assert!(Doc::parse(&object(65), 128).is_none());
    // Arrays have no such bound.
    let array = format!("[{}]", vec!["1"; 10_000].join(","));
    assert_eq!(
        read(&array).and_then(|v| v.as_array().map(Vec::len)),
        Some(10_000)
    );
}

#[test]
fn nodes_know_their_text_and_key() {
    let text = "{\"name\": \"x\", \"list\": [1, {\"k\\u0041\": true}], \"n\": -3}";
    let doc = Doc::parse(text, 128).expect("valid");
    let root = doc.root();
    assert_eq!(root.text(), text);
    let keys: Vec<&str> = root.children().map(|c| c.key()).collect();
    assert_eq!(keys, ["name", "list", "n"]);
    let list = root.get("list").expect("list");
    assert_eq!(list.text(), "[1, {\"k\\u0041\": true}]");
    assert_eq!(list.len(), 2);
    let inner = list.children().nth(1).expect("an object");
    assert_eq!(inner.children().next().map(|c| c.key()), Some("kA"));
    assert_eq!(root.get("n").map(|n| n.tag()), Some(Tag::Signed));
    assert_eq!(root.get("name").and_then(View::as_str), Some("x"));
    assert!(root.get("missing").is_none());
    assert!(list.get("0").is_none(), "an array has no members");
}

#[test]
fn meets_the_validators_accessor_contract() {
    let text = serde_json::to_string(&jsonschema::json::conformance::document()).expect("JSON");
    let doc = Doc::parse(&text, 128).expect("the conformance document is plain JSON");
    jsonschema::json::conformance::assert_conformance::<Tape>(&doc.root());
}

#[test]
fn validates_as_the_value_does() {
    let schema = serde_json::json!({
        "type": "object",
        "required": ["name"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"},
            "n": {"type": "integer", "maximum": 10},
            "tags": {"type": "array", "uniqueItems": true, "items": {"enum": ["a", "b"]}},
            "url": {"type": "string", "format": "uri"},
        },
        "propertyNames": {"maxLength": 4}
    });
    let by_value = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("compiles");
    let by_doc = jsonschema::options_for::<Tape>()
        .should_validate_formats(true)
        .build(&schema)
        .expect("compiles");
    for text in [
        r#"{"name": "ok"}"#,
        r#"{"name": "x", "n": 11.0, "tags": ["a", "a", "c"], "url": "no scheme"}"#,
        r#"{"n": 1.5, "extra": 1}"#,
        r#"{"name": "OK", "n": -0}"#,
        "[]",
    ] {
        let value: Value = serde_json::from_str(text).expect(text);
        let doc = Doc::parse(text, 128).expect(text);
        let errors = |e: jsonschema::ValidationError<'_>| format!("{} at {}", e, e.instance_path());
        let expected: Vec<String> = by_value.iter_errors(&value).map(errors).collect();
        let got: Vec<String> = by_doc.iter_errors(doc.root()).map(errors).collect();
        assert_eq!(got, expected, "{text}");
        assert_eq!(
            by_doc.is_valid(doc.root()),
            by_value.is_valid(&value),
            "{text}"
        );
    }
}

#[test]
fn span_indexes_from_a_document_are_those_of_the_text_walk() {
    use crate::source::{Format, Limits, SpanIndex};
    let limits = Limits::default();
    let mut compared = 0;
    for path in crate::test_files::json_files(&["testdata", "examples"]) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let Some(doc) = Doc::parse(text, 128) else {
            continue;
        };
        let all = SpanIndex::build(text, Format::Json, &limits);
        let mut pointers: Vec<&str> = all.iter().map(|(p, _)| p).collect();
        // Pointers to nothing: their known ancestors are recorded.
        pointers.extend(["/missing/deeper", "/0/x", "/options/nope", "/data/list/99"]);
        let from_doc = SpanIndex::build_for_doc(&doc, pointers.iter().copied());
        let from_text = SpanIndex::build_for(text, Format::Json, &limits, pointers.iter().copied());
        let sorted = |index: &SpanIndex| {
            let mut nodes: Vec<(String, NodeSpansKey)> = index
                .iter()
                .map(|(p, n)| (p.to_owned(), (n.key.clone(), n.value.clone())))
                .collect();
            nodes.sort_by(|a, b| a.0.cmp(&b.0));
            nodes
        };
        assert_eq!(sorted(&from_doc), sorted(&from_text), "{}", path.display());
        assert_eq!(
            from_doc.secret_values(),
            from_text.secret_values(),
            "{}",
            path.display()
        );
        compared += pointers.len();
    }
    assert!(compared > 1000, "{compared} pointers compared");
}

type NodeSpansKey = (Option<std::ops::Range<usize>>, std::ops::Range<usize>);

#[test]
fn array_items_are_found_by_index() {
    fn check(node: NodeRef<'_>, seen: &mut usize) {
        if node.tag() == Tag::Array {
            for i in 0..=node.len() {
                let by_index = node.item(i).map(|n| n.span());
                let by_walk = node.children().nth(i).map(|n| n.span());
                assert_eq!(by_index, by_walk, "item {i} of {}", node.text());
                *seen += 1;
            }
        } else {
            assert!(node.item(0).is_none(), "{} has no items", node.text());
        }
        for child in node.children() {
            check(child, seen);
        }
    }
    let text = r#"[[1, [2, 3], []], {"a": [4, 5, [6, [7]]], "b": {"c": [8]}}, [], 9, [[[10]]]]"#;
    let doc = Doc::parse(text, 128).expect("plain JSON");
    let mut seen = 0;
    check(doc.root(), &mut seen);
    assert!(seen > 20, "{seen}");
    let big = format!("[{}]", vec!["{\"k\": [1, 2]}"; 5_000].join(","));
    let doc = Doc::parse(&big, 128).expect("plain JSON");
    assert_eq!(
        doc.root().item(4_321).map(|n| n.span().start),
        Some(1 + 4_321 * 14)
    );
}

#[test]
fn a_plain_run_ends_at_the_first_stop_whatever_follows() {
    // Stops, the bytes next to them, and UTF-8 bytes, mixed by a fixed generator: every
    // position of the first stop within and across the eight-byte words, and stops just above
    // another (where the word tests can flag a false one).
    let alphabet = [
        b'"', b'\\', 0x00, 0x01, 0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, b'a', 0x7f, 0x80, 0xc3, 0xff,
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::from(seed.to_le_bytes()[0]) << 8 | usize::from(seed.to_le_bytes()[1])
    };
    for _ in 0..20_000 {
        let len = next() % 40;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                // Mostly plain bytes, so that runs are long enough to span words.
                if r % 5 == 0 {
                    alphabet[(r / 5) % alphabet.len()]
                } else {
                    b"abcdefghijklmnopqrstuvwxyz"[r % 26]
                }
            })
            .collect();
        let naive = bytes
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        assert_eq!(plain_run(&bytes), naive, "{bytes:?}");
    }
}

/// Everything the view says about a value, read through the view, as one string.
fn describe<'a, V: View<'a>>(v: V) -> String {
    let members = v.members().map(|m| {
        let inner: Vec<String> = m.map(|(k, m)| format!("{k:?}:{}", describe(m))).collect();
        inner.join(",")
    });
    let items = v
        .items()
        .map(|i| i.map(describe).collect::<Vec<_>>().join(","));
    format!(
        "{} {:?} {:?} {} {:?} {:?}",
        v.type_name(),
        v.as_str(),
        v.as_bool(),
        v.is_null(),
        members,
        items
    )
}

#[test]
fn a_document_reads_as_its_value() {
    let text = r#"{"s": "a\u00e9", "n": [1, -2, 2.5, -0, 1e2], "b": [true, false, null], "o": {"k": {}}, "e": []}"#;
    let value: Value = serde_json::from_str(text).expect("JSON");
    let doc = Doc::parse(text, 128).expect("plain JSON");
    assert_eq!(describe(doc.root()), describe(&value));
    assert_eq!(View::to_value(doc.root()).into_owned(), value);
    for key in ["s", "n", "o", "missing"] {
        assert_eq!(
            doc.root().get(key).map(describe),
            View::get(&value, key).map(describe),
            "{key}"
        );
    }
    assert_eq!(
        View::get(doc.root().get("s").expect("s"), "x").map(describe),
        None
    );
}

#[test]
fn pointers_find_what_serde_json_finds() {
    let text = r#"{"a/b": {"m~n": [10, {"k": "v"}]}, "": 1, "list": [0, 1, 2]}"#;
    let value: Value = serde_json::from_str(text).expect("JSON");
    let doc = Doc::parse(text, 128).expect("plain JSON");
    for pointer in [
        "",
        "/",
        "/a~1b",
        "/a~1b/m~0n",
        "/a~1b/m~0n/1/k",
        "/a~1b/m~0n/2",
        "/list/01",
        "/list/+1",
        "/list/2",
        "/list/-",
        "/missing",
        "/list/0/x",
        "a",
    ] {
        let expected = value.pointer(pointer).map(describe);
        assert_eq!(
            at_pointer(doc.root(), pointer).map(describe),
            expected,
            "{pointer}"
        );
        assert_eq!(
            at_pointer(&value, pointer).map(describe),
            expected,
            "{pointer}"
        );
    }
}
