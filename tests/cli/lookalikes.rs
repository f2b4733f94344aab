//! Look-alike secret keys (issue 16): every secret key the library knows, its name mutated (a
//! typo, another case, other separators, a prefix or a suffix), holds a literal secret next to
//! findings of other rules, in an Auth0 create body's `options` and in a GenAuth
//! connection's `fields`, as JSON and as YAML. No part of the value reaches any output format,
//! and the value is a `plaintext-secret` (README: "Secrets masked").
//!
//! `PROPTEST_CASES` raises the number of cases (default 24: each runs idplint five times).

use std::fmt::Write as _;

use idplint::secrets::SECRET_KEYS;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::{Temp, code};

/// The literal secret: no four characters of it in a row may be printed.
const SECRET: &str = "Qh7Vw2Lx9Kp4Rz6M";

const FORMATS: [&str; 5] = ["human", "concise", "json", "sarif", "github"];

/// One edit of `key` at byte `at` (modulo its length) with the letter `c`: a substitution, an
/// insertion, a deletion or a swap of two neighbours.
fn typo(key: &str, edit: u8, at: usize, c: char) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    let i = at % n;
    match edit % 4 {
        0 => chars[i] = c,
        1 => chars.insert(i, c),
        2 => {
            chars.remove(i);
        }
        _ => chars.swap(i.min(n - 2), i.min(n - 2) + 1),
    }
    chars.into_iter().collect()
}

/// `key` in another case, and with other separators between its words.
fn respell(key: &str, case: u8, separator: &str) -> String {
    let key = key.replace('_', separator);
    match case % 4 {
        0 => key.to_ascii_uppercase(),
        1 => key.to_ascii_lowercase(),
        2 => {
            let mut c = key.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        }
        _ => key,
    }
}

/// A secret key of the library, mutated.
fn look_alike() -> impl Strategy<Value = String> {
    let edit = (any::<u8>(), any::<usize>(), prop::char::range('a', 'z'));
    let affix = (
        prop::sample::select(vec!["", "my_", "x", "Prod-", "oauth.", "legacy "]),
        prop::sample::select(vec!["", "_value", "2", "_old", "X", "Data", "-b64"]),
    );
    let separator = prop::sample::select(vec!["_", "-", ".", "", " "]);
    (
        prop::sample::select(SECRET_KEYS),
        any::<bool>(),
        edit,
        affix,
        any::<u8>(),
        separator,
    )
        .prop_map(|(key, with_typo, (e, at, c), (pre, post), case, sep)| {
            let key = if with_typo {
                typo(key, e, at, c)
            } else {
                format!("{pre}{key}{post}")
            };
            respell(&key, case, sep)
        })
}

/// The four files of a case: `key` holds the secret beside an `http://` URL (`insecure-url`).
fn files(key: &str) -> [(&'static str, String); 4] {
    let k = serde_json::to_string(key).expect("a key");
    let auth0 = format!(
        r#"{{"name": "acme", "strategy": "okta", "options": {{"domain": "acme.okta.example", "client_id": "a", {k}: "{SECRET}", "icon_url": "http://acme.example/i.png"}}}}"#
    );
    let genauth = format!(
        r#"{{"extIdpId": "6318061be13c0ce6a64093e5", "type": "oidc", "identifier": "acme", "displayName": "Acme", "fields": {{"issuerUrl": "http://login.acme.example", {k}: "{SECRET}", "clientId": "a"}}}}"#
    );
    let yaml = |json: &str| {
        let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
        // YAML's flow style is JSON's syntax; block style is what people write.
        let options = if value.get("options").is_some() {
            "options"
        } else {
            "fields"
        };
        let mut out = String::new();
        for (name, v) in value.as_object().expect("an object") {
            if name == options {
                writeln!(out, "{name}:").expect("a String");
                for (k, v) in v.as_object().expect("an object") {
                    let k = serde_json::to_string(k).expect("a key");
                    writeln!(out, "  {k}: {v}").expect("a String");
                }
            } else {
                writeln!(out, "{name}: {v}").expect("a String");
            }
        }
        out
    };
    [
        ("auth0.json", auth0.clone()),
        ("auth0.yaml", yaml(&auth0)),
        ("genauth.json", genauth.clone()),
        ("genauth.yaml", yaml(&genauth)),
    ]
}

#[test]
fn no_part_of_a_look_alike_secret_reaches_any_output() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(24);
    let t = Temp::new("lookalikes");
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let windows: Vec<&str> = (0..=SECRET.len() - 4).map(|i| &SECRET[i..i + 4]).collect();
    runner
        .run(&look_alike(), |key| {
            for (name, text) in files(&key) {
                t.write(name, &text);
            }
            for format in FORMATS {
                let o = t.run(".", &["check", ".", "--format", format]);
                prop_assert!(
                    code(&o) == 1,
                    "{key:?} --format {format}: exit {}",
                    code(&o)
                );
                let printed = String::from_utf8_lossy(&[o.stdout, o.stderr].concat()).into_owned();
                for w in &windows {
                    prop_assert!(
                        !printed.contains(w),
                        "{key:?} --format {format} shows `{w}`"
                    );
                }
                if format == "json" {
                    // The look-alike's literal value is a `plaintext-secret` in each file.
                    let report: serde_json::Value =
                        serde_json::from_str(&printed).expect("JSON output");
                    for file in report["files"].as_array().expect("files") {
                        let found = file["diagnostics"].as_array().expect("diagnostics");
                        let rules = |r: &str| found.iter().filter(|d| d["rule"] == r).count();
                        prop_assert!(rules("plaintext-secret") == 1, "{key:?}: {file}");
                        prop_assert!(found.len() > 1, "{key:?}: no neighbour: {file}");
                    }
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
