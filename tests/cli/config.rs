//! `idplint.toml`: found from the working directory upward, `--config`, `--no-config`; kinds
//! and context by glob; rules, per glob too; errors that point at a line and column.

use std::fmt::Write as _;

use super::discovery::GOOD;
use super::{Temp, code, json_paths, json_rules, stderr, stdout};

/// An update body that access level `limited` forbids (`display_name`).
const RENAME: &str = "{\"display_name\": \"Acme\"}\n";
/// A payload whose kind cannot be detected.
const UNKNOWN: &str = "{\"foo\": 1}\n";
/// An `oidc` update body with a literal secret and a placeholder (two warnings).
fn secret() -> String {
    let docs = "testdata/valid/auth0.idp.update/docs-oidc-update@strategy=oidc@access=full.json";
    std::fs::read_to_string(super::root().join(docs)).expect("the documented update")
}

const UPDATES: &str = r#"
[[files]]
glob = "payloads/updates/*.json"
kind = "auth0.idp.update"
strategy = "oidc"
access-level = "limited"
"#;

fn kinds(o: &std::process::Output) -> Vec<String> {
    let files = super::json_files(o);
    let kind = |f: &serde_json::Value| f["kind"].as_str().unwrap_or("null").to_owned();
    files.iter().map(kind).collect()
}

#[test]
fn the_config_is_found_from_a_subdirectory_upward() {
    let t = Temp::new("config-upward");
    t.write("idplint.toml", UPDATES)
        .write("payloads/updates/u.json", RENAME);
    for (cwd, path) in [
        (".", "payloads/updates/u.json"),
        ("payloads", "updates/u.json"),
        ("payloads/updates", "u.json"),
        ("payloads/updates", "."),
    ] {
        let o = t.run(cwd, &["check", path, "--format", "json"]);
        assert_eq!(code(&o), 1, "{cwd} {path}: {}{}", stdout(&o), stderr(&o));
        assert_eq!(
            json_rules(&o),
            ["access-level-forbids-field"],
            "{cwd} {path}"
        );
        let o = t.run(cwd, &["check", path, "--no-config"]);
        assert_eq!(
            code(&o),
            0,
            "{cwd} {path} without the config: {}",
            stdout(&o)
        );
    }
}

#[test]
fn the_first_matching_glob_gives_the_kind_and_flags_override_it() {
    let t = Temp::new("config-kind");
    t.write(
        "idplint.toml",
        r#"
[[files]]
glob = ["legacy/*.json", "more/**/*.yaml"]
kind = "auth0.idp.update"

[[files]]
glob = "legacy/**"
kind = "auth0.idp.create"
"#,
    )
    .write("legacy/a.json", UNKNOWN)
    .write("legacy/deep/b.json", UNKNOWN)
    .write("more/x/y/c.yaml", "foo: 1\n")
    .write("other/d.json", UNKNOWN);
    let o = t.run(
        ".",
        &["check", "legacy", "more", "other", "--format", "json"],
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        kinds(&o),
        [
            "auth0.idp.update",
            "auth0.idp.create",
            "auth0.idp.update",
            "null"
        ],
        "{:?}",
        json_paths(&o)
    );
    let o = t.run(
        ".",
        &[
            "check",
            "legacy/a.json",
            "--kind",
            "auth0.idp.domain",
            "--format",
            "json",
        ],
    );
    assert_eq!(kinds(&o), ["auth0.idp.domain"], "--kind wins");
}

#[test]
fn standard_input_is_matched_by_its_file_name() {
    let t = Temp::new("config-stdin");
    t.write("idplint.toml", UPDATES);
    let o = super::idplint_in(
        t.path(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "payloads/updates/s.json",
            "--format",
            "json",
        ],
        Some(RENAME.as_bytes()),
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert_eq!(json_rules(&o), ["access-level-forbids-field"]);
}

#[test]
fn context_flags_override_the_config_and_current_is_relative_to_it() {
    let t = Temp::new("config-context");
    t.write("idplint.toml", UPDATES)
        .write("payloads/updates/u.json", RENAME);
    let o = t.run(".", &["check", "payloads", "--access-level", "full"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    t.write(
        "idplint.toml",
        "[[files]]\nglob = \"payloads/updates/*.json\"\ncurrent = \"state/idp.json\"\n",
    )
    .write(
        "state/idp.json",
        r#"{"id": "con_zW1UHutvkVWSWdCC", "strategy": "oidc", "access_level": "limited", "options": {}, "attributes": []}"#,
    );
    let o = t.run("payloads/updates", &["check", "u.json", "--format", "json"]);
    assert_eq!(
        json_rules(&o),
        ["access-level-forbids-field"],
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_are_selected_ignored_and_regraded_per_glob() {
    let t = Temp::new("config-rules");
    t.write(
        "idplint.toml",
        r#"
[[files]]
glob = "**/*.json"
kind = "auth0.idp.update"
strategy = "oidc"

[rules]
severity = { plaintext-secret = "error", "placeholder-value" = "off" }

[[rules.per-file]]
glob = "legacy/**"
ignore = ["unknown-field"]
severity = { plaintext-secret = "warning" }
"#,
    )
    .write("new/secret.json", &secret())
    .write("new/unknown.json", UNKNOWN)
    .write("legacy/secret.json", &secret())
    .write("legacy/unknown.json", UNKNOWN);
    let o = t.run(".", &["check", "new", "--format", "json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(json_rules(&o), ["plaintext-secret", "unknown-field"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        doc["files"][0]["diagnostics"][0]["severity"], "error",
        "re-graded"
    );
    let o = t.run(".", &["check", "legacy", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_rules(&o), ["plaintext-secret"], "a warning there");
    let o = t.run(".", &["check", "legacy", "--error-on-warnings"]);
    assert_eq!(code(&o), 1);
    let o = t.run(
        ".",
        &["check", "new/secret.json", "--ignore", "plaintext-secret"],
    );
    assert_eq!(code(&o), 0, "the command line goes last: {}", stdout(&o));
    let o = t.run(
        ".",
        &[
            "check",
            "new",
            "--select",
            "placeholder-value",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        (code(&o), json_rules(&o)),
        (0, vec!["placeholder-value".to_owned()]),
        "--select replaces the config's selection, and turns on what it had off"
    );
}

#[test]
fn config_errors_point_at_line_and_column() {
    let t = Temp::new("config-errors");
    t.write("a.json", GOOD);
    let mut all = String::new();
    for config in [
        "[[files]]\nglob = \"auth0/*.json\"\nkindd = \"auth0.idp.update\"\n",
        "[[files]]\nglob = \"auth0/*.json\"\nkind = \"auth0.idp.updte\"\n",
        "[[files]]\nglob = [\"ok/*.json\", \"auth0/[*.json\"]\n",
        "[[files]]\nglob = \"x\"\nstrategy = \"ad\"\n",
        "[rules]\nignore = [\n  \"deprecated-field\",\n  \"plaintext-secrett\",\n]\n",
        "[rules.severity]\nplaintext-secret = \"fatal\"\n",
        "[rules.severity]\ninvalid-syntax = \"warning\"\n",
        "[[rules.per-file]]\nignore = [\"unknown-field\"]\n",
        "[rules]\nselect = \"IDP2\"\n",
        "[files]\nglob = \"x\"\n",
    ] {
        t.write("idplint.toml", config);
        let o = t.run(".", &["check", "a.json"]);
        assert_eq!(code(&o), 2, "{config}");
        assert!(stdout(&o).is_empty(), "{config}");
        let _ = write!(
            all,
            "$ cat idplint.toml\n{config}$ idplint check a.json\n{}\n",
            stderr(&o)
        );
        let o = t.run(".", &["check", "a.json", "--no-config"]);
        assert_eq!(code(&o), 0, "--no-config reads no config: {}", stderr(&o));
    }
    insta::assert_snapshot!("config_errors", all);
}

#[test]
fn config_flag_names_the_file() {
    let t = Temp::new("config-flag");
    t.write("idplint.toml", "[rules]\nselect = [\"nope\"]\n")
        .write("ci/strict.toml", "[rules.severity]\nIDP3 = \"error\"\n")
        .write("a.json", "{\"display_name\": \"YOUR_CLIENT_ID\"}\n");
    let o = t.run(".", &["check", "a.json", "--config", "ci/strict.toml"]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let o = t.run(".", &["check", "a.json", "--config", "ci/missing.toml"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "ci/missing.toml: error: cannot read the config file: no such file\n"
    );
    let o = t.run(
        ".",
        &[
            "check",
            "a.json",
            "--config",
            "ci/strict.toml",
            "--no-config",
        ],
    );
    assert_eq!(code(&o), 2, "they conflict");
    let o = t.run("ci", &["check", "../a.json"]);
    assert_eq!(code(&o), 2, "the broken config above is found");
    assert!(
        stderr(&o).starts_with("../idplint.toml:2:11: error: unknown rule `nope`"),
        "{}",
        stderr(&o)
    );
}
