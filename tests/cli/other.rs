//! `schema`, `rules`, `explain`, `kinds`.

use super::{code, idplint, stderr, stdout};

#[test]
fn schema_prints_one_kind() {
    let o = idplint(&["schema", "auth0.idp.update.oidc"], None);
    assert_eq!(code(&o), 0);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("a JSON schema");
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/idplint/idplint/main/schemas/auth0.idp.update.oidc.json"
    );
    let committed =
        std::fs::read_to_string(super::root().join("schemas/auth0.idp.update.oidc.json")).unwrap();
    assert_eq!(stdout(&o), committed);
}

#[test]
fn schema_check_passes_on_the_committed_folder_and_fails_on_a_stale_one() {
    let o = idplint(&["schema", "--out-dir", "schemas", "--check"], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = idplint(&["schema", "--out-dir", "crates", "--check"], None);
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains("stale: crates/auth0.idp.create.json"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn schema_unknown_kind_is_a_usage_error() {
    let o = idplint(&["schema", "auth0.nope"], None);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("unknown schema `auth0.nope`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_table_and_json() {
    let o = idplint(&["rules"], None);
    assert_eq!(code(&o), 0);
    insta::assert_snapshot!("rules_table", stdout(&o));
    let o = idplint(&["rules", "--format", "json"], None);
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rules.len(), idplint::rules::ALL.len());
    assert_eq!(rules[0]["code"], "IDP001");
    assert!(
        rules[0]["docs"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?")
    );
}

#[test]
fn explain_by_code_and_by_name() {
    let by_code = idplint(&["explain", "IDP100"], None);
    let by_name = idplint(&["explain", "access-level-forbids-field"], None);
    assert_eq!(code(&by_code), 0);
    assert_eq!(stdout(&by_code), stdout(&by_name));
    insta::assert_snapshot!("explain_idp100", stdout(&by_code));
    let o = idplint(&["explain", "nope"], None);
    assert_eq!(code(&o), 2);
}

#[test]
fn kinds_lists_every_kind() {
    let o = idplint(&["kinds"], None);
    assert_eq!(code(&o), 0);
    for k in idplint::kinds::KINDS {
        assert!(stdout(&o).contains(k.id), "{}", k.id);
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = idplint(&["completions", shell], None);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in ["check", "explain", "error-on-warnings", "no-config"] {
            assert!(script.contains(word), "{shell} lacks `{word}`");
        }
    }
    let o = idplint(&["completions", "tcsh"], None);
    assert_eq!(code(&o), 2);
}
