//! Checking files: spans in JSON and YAML, BOM, duplicate keys, masking in rendered reports.

use std::fmt::Write as _;

use idplint::render::{Style, render_report};
use idplint::source::Format;
use idplint::{Options, check_bytes, find_kind};

fn options(kind: &str) -> Options {
    Options {
        kind: find_kind(kind),
        ..Options::default()
    }
}

/// The text each finding's span covers, with its rule.
fn spans(bytes: &[u8], format: Format, kind: &str) -> Vec<(&'static str, String)> {
    let report = check_bytes("t", bytes, format, &options(kind));
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.name,
                report.source.text[d.span.clone().unwrap()].to_owned(),
            )
        })
        .collect()
}

#[test]
fn json_spans_point_at_keys_and_values() {
    let text = br#"{"display_nam": "x", "is_enabled": "yes"}"#;
    assert_eq!(
        spans(text, Format::Json, "auth0.idp.update"),
        [
            ("unknown-field", r#""display_nam""#.to_owned()),
            ("wrong-type", r#""yes""#.to_owned())
        ]
    );
}

#[test]
fn yaml_spans_count_bytes_not_characters() {
    let text =
        "# 日本語のコメント\ndisplay_name: \"株式会社\"\nis_enabled: oui\nshow_as_buton: true\n";
    assert_eq!(
        spans(text.as_bytes(), Format::Yaml, "auth0.idp.update"),
        [
            ("wrong-type", "oui".to_owned()),
            ("unknown-field", "show_as_buton".to_owned())
        ]
    );
}

#[test]
fn a_bom_is_accepted_and_spans_stay_right() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(br#"{"is_enabled": 1}"#);
    assert_eq!(
        spans(&bytes, Format::Json, "auth0.idp.update"),
        [("wrong-type", "1".to_owned())]
    );
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"is_enabled: true\n");
    assert!(spans(&bytes, Format::Yaml, "auth0.idp.update").is_empty());
}

#[test]
fn duplicate_keys_point_at_the_second_key_and_the_last_value_counts() {
    for (text, format) in [
        (
            &br#"{"is_enabled": "no", "is_enabled": true}"#[..],
            Format::Json,
        ),
        (&b"is_enabled: no\nis_enabled: true\n"[..], Format::Yaml),
    ] {
        let report = check_bytes("t", text, format, &options("auth0.idp.update"));
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.name).collect();
        assert_eq!(
            rules,
            ["duplicate-key"],
            "{format:?}: the last value (true) is the one checked"
        );
        let d = &report.diagnostics[0];
        let span = d.span.clone().unwrap();
        assert!(span.start > 5, "{format:?}: the second occurrence");
        assert!(report.source.text[span].contains("is_enabled"));
        assert_eq!(d.pointer, "/is_enabled");
    }
}

#[test]
fn utf16_and_invalid_utf8_are_reported() {
    let utf16: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend(&utf16);
    for (bytes, message) in [
        (utf16, "the file is UTF-16; idplint reads UTF-8"),
        (with_bom, "the file is UTF-16; idplint reads UTF-8"),
        (
            b"{\"a\": \"\xC3\x28\"}".to_vec(),
            "the file is not valid UTF-8",
        ),
        (
            b"{\"a\": 1}\0".to_vec(),
            "the file contains a NUL byte: payload files are text",
        ),
    ] {
        let report = check_bytes("t", &bytes, Format::Json, &options("auth0.idp.update"));
        let found: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.rule.name, d.message.as_str()))
            .collect();
        assert_eq!(found, [("invalid-syntax", message)]);
        // The report renders without panicking, whatever the bytes.
        assert!(render_report(&report, Style::default()).contains(message));
    }
}

#[test]
fn rendered_reports_never_show_secrets() {
    let secret = "s3cr3t-Val-9f8e7d6c5b4a";
    let cases: Vec<(String, Format)> = vec![
        (
            format!(
                r#"{{"options":{{"domain":"a.example","client_id":"x","client_secret":"{secret}"}},"bogus":1}}"#
            ),
            Format::Json,
        ),
        (
            format!(
                "options:\n  domain: a.example\n  client_id: x\n  client_secret: {secret}\nbogus: 1\n"
            ),
            Format::Yaml,
        ),
        (
            format!("options:\n  client_secret:\n    {secret}\nbogus: 1\n"),
            Format::Yaml,
        ),
        (
            format!("{{\"options\": {{\"client_secret\": \"{secret}\", \"x\": }}"),
            Format::Json,
        ),
        (
            format!("options:\n  client_secret: \"{secret}\n  x: [\n"),
            Format::Yaml,
        ),
    ];
    for (text, format) in cases {
        let report = check_bytes("t", text.as_bytes(), format, &options("auth0.idp.update"));
        assert!(!report.diagnostics.is_empty(), "{text}");
        let rendered = render_report(&report, Style::default());
        assert!(
            !rendered.contains(secret),
            "{format:?} leaks the secret:\n{rendered}"
        );
        for d in &report.diagnostics {
            assert!(!format!("{} {:?} {:?}", d.message, d.label, d.help).contains(secret));
        }
    }
}

#[test]
fn the_agnostic_update_schema_accepts_bodies_without_options() {
    let schema = find_kind("auth0.idp.update").unwrap().schema.published();
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap();
    assert!(v.is_valid(&serde_json::json!({"is_enabled": false})));
    assert!(v.is_valid(&serde_json::json!({"options": {"adfs_server": "https://adfs.example"}})));
    assert!(!v.is_valid(&serde_json::json!({"options": {"type": "front_channel"}})));
    assert!(!v.is_valid(&serde_json::json!({"strategy": "okta"})));
}

#[test]
fn rendering_a_large_file_finds_the_right_line() {
    // 200,000 lines, one finding on the last but one.
    let mut text =
        String::from("{\n  \"strategy\": \"adfs\",\n  \"options\": {},\n  \"domains\": [\n");
    for i in 0..200_000 {
        let _ = writeln!(text, "    \"d{i}.example\",");
    }
    text.push_str("    \"last.example\"\n  ],\n  \"is_enabled\": \"yes\"\n}\n");
    let report = check_bytes(
        "big.json",
        text.as_bytes(),
        Format::Json,
        &options("auth0.idp"),
    );
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.name).collect();
    assert_eq!(rules, ["wrong-type"]);
    let rendered = render_report(&report, Style::default());
    assert!(rendered.contains("big.json:200007:17"), "{rendered}");
    assert!(
        rendered.contains("200007 │   \"is_enabled\": \"yes\""),
        "{rendered}"
    );
}

#[test]
fn only_the_selected_findings_are_located() {
    let text = br#"{"display_nam": "x", "is_enabled": "yes"}"#;
    let one = idplint::check::check_bytes_with(
        "t",
        text,
        Format::Json,
        &options("auth0.idp.update"),
        |d| d.retain(|d| d.rule.name == "wrong-type"),
    );
    assert_eq!(one.diagnostics.len(), 1);
    assert_eq!(one.diagnostics[0].span, Some(35..40));
    let spans = one.spans.expect("a file with findings has spans");
    assert!(spans.get("/is_enabled").is_some());
    assert!(spans.get("/display_nam").is_none(), "not asked for");
    let none = idplint::check::check_bytes_with(
        "t",
        text,
        Format::Json,
        &options("auth0.idp.update"),
        Vec::clear,
    );
    assert!(none.diagnostics.is_empty());
    assert!(none.spans.is_none(), "no finding left: no span index");
}
