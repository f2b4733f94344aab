//! `idplint check`: exit codes, formats, context, files and directories.

use super::{code, idplint, stderr, stdout};

const DOCS_UPDATE: &str =
    "testdata/valid/auth0.idp.update/docs-oidc-update@strategy=oidc@access=full.json";

#[test]
fn the_documented_update_passes_with_warnings_only() {
    let o = idplint(
        &[
            "check",
            DOCS_UPDATE,
            "--kind",
            "auth0.idp.update",
            "--strategy",
            "oidc",
            "--access-level",
            "full",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    insta::assert_snapshot!("docs_update_human", stdout(&o));
}

#[test]
fn the_documented_update_fails_at_access_level_limited() {
    let o = idplint(
        &[
            "check",
            DOCS_UPDATE,
            "--strategy",
            "oidc",
            "--access-level",
            "limited",
            "--format",
            "concise",
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("docs_update_limited_concise", stdout(&o));
}

#[test]
fn json_output_follows_the_contract() {
    let o = idplint(
        &[
            "check",
            DOCS_UPDATE,
            "--kind",
            "auth0.idp.update",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&o), 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 2})
    );
    let file = &doc["files"][0];
    assert_eq!(file["path"], DOCS_UPDATE);
    assert_eq!(file["kind"], "auth0.idp.update");
    let d = &file["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "code",
            "rule",
            "severity",
            "message",
            "help",
            "pointer",
            "span",
            "line",
            "column",
            "end_line",
            "end_column"
        ]
    );
    assert_eq!(
        (d["code"].as_str(), d["rule"].as_str()),
        (Some("IDP200"), Some("plaintext-secret"))
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9), Some(22))
    );
    let text = std::fs::read_to_string(super::root().join(DOCS_UPDATE)).unwrap();
    let (offset, length) = (
        usize::try_from(d["span"]["offset"].as_u64().unwrap()).unwrap(),
        usize::try_from(d["span"]["length"].as_u64().unwrap()).unwrap(),
    );
    assert!(
        text[offset..offset + length].starts_with("\"KzQp"),
        "the span is the secret's value"
    );
    insta::assert_snapshot!("docs_update_json", stdout(&o));
}

#[test]
fn no_secret_in_any_format() {
    for format in ["human", "concise", "json"] {
        let o = idplint(&["check", DOCS_UPDATE, "--format", format], None);
        let all = stdout(&o) + &stderr(&o);
        assert!(
            !all.contains("KzQp2sVxR8nTgMjFhYcE"),
            "{format} leaks the secret:\n{all}"
        );
    }
}

#[test]
fn columns_count_code_points() {
    let input = "{\"display_name\": \"日本語\", \"is_enabled\": \"yes\"}";
    let o = idplint(&["check", "-", "--format", "json"], Some(input.as_bytes()));
    assert_eq!(code(&o), 1);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &doc["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "wrong-type");
    assert_eq!(d["column"], 39, "38 code points precede it");
    assert_eq!(
        d["span"]["offset"], 44,
        "and 44 bytes (each of 日本語 is 3)"
    );
    assert_eq!(doc["files"][0]["path"], "<stdin>");
}

#[test]
fn stdin_with_a_file_name() {
    let o = idplint(
        &[
            "check",
            "-",
            "--stdin-filename",
            "idp.yaml",
            "--format",
            "concise",
        ],
        Some(b"is_enabled: 1\n"),
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o).lines().next(),
        Some("idp.yaml:1:13: IDP012 wrong-type [error] `is_enabled` must be a boolean")
    );
}

#[test]
fn current_file_gives_the_context() {
    let dir = std::env::temp_dir().join(format!("idplint-current-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let current = dir.join("current.json");
    std::fs::write(&current, r#"{"id": "con_zW1UHutvkVWSWdCC", "strategy": "oidc", "access_level": "limited", "options": {}, "attributes": []}"#).unwrap();
    let o = idplint(
        &[
            "check",
            DOCS_UPDATE,
            "--current",
            current.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code(&o), 1);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(
        rules
            .iter()
            .filter(|r| **r == "access-level-forbids-field")
            .count(),
        2,
        "{rules:?}"
    );
}

#[test]
fn missing_file_is_exit_2_and_other_files_are_still_checked() {
    let o = idplint(
        &[
            "check",
            "no/such/file.json",
            "examples/okta-create.json",
            "--format",
            "concise",
        ],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("no/such/file.json: no such file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&o),
        "Found 0 errors and 0 warnings in 1 file; some paths could not be checked (see the errors above).\n",
        "the other file is checked, and the summary never says all checks passed"
    );
}

#[test]
fn findings_are_exit_1_and_warnings_alone_are_exit_0() {
    let o = idplint(&["check", "testdata/invalid/missing-field"], None);
    assert_eq!(code(&o), 1);
    let o = idplint(&["check", "testdata/invalid/placeholder-value"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn directories_are_searched_and_reported_in_order() {
    let o = idplint(&["check", "examples", "--format", "json"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 6);
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        vec!["check", DOCS_UPDATE, "--kind", "auth0.nope"],
        vec!["check", DOCS_UPDATE, "--strategy", "ad"],
        vec!["check", DOCS_UPDATE, "--access-level", "admin"],
        vec!["check"],
        vec!["check", "examples", "--format", "xml"],
    ] {
        let o = idplint(&args, None);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}: tool errors go to stderr");
    }
}

#[cfg(unix)]
#[test]
fn links_loops_and_fifos() {
    let dir = std::env::temp_dir().join(format!("idplint-links-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(
        super::root().join("examples/okta-create.json"),
        dir.join("real.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("real.json"), sub.join("link.json")).unwrap();
    std::os::unix::fs::symlink(&dir, sub.join("loop")).unwrap();
    let fifo = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let d = dir.to_str().unwrap();
    let o = idplint(&["check", d, "--format", "json"], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        doc["summary"]["files"], 2,
        "the file and the link to it; not the loop, not the FIFO"
    );
    if made {
        let o = idplint(&["check", fifo.to_str().unwrap()], None);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    }
    std::fs::remove_dir_all(&dir).ok();
}
