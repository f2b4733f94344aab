//! `--select`, `--ignore` and `--error-on-warnings`.

use super::{code, idplint, json_rules, stderr, stdout};

/// The documented update: at access level `full`, two warnings (`plaintext-secret`,
/// `placeholder-value`); at `limited`, two `access-level-forbids-field` errors as well.
const DOCS_UPDATE: &str =
    "testdata/valid/auth0.idp.update/docs-oidc-update@strategy=oidc@access=full.json";

fn check(level: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "check",
        DOCS_UPDATE,
        "--strategy",
        "oidc",
        "--access-level",
        level,
        "--format",
        "json",
    ];
    args.extend_from_slice(more);
    idplint(&args, None)
}

#[test]
fn error_on_warnings_fails_on_a_warning() {
    let o = check("full", &[]);
    assert_eq!(code(&o), 0);
    assert_eq!(json_rules(&o), ["plaintext-secret", "placeholder-value"]);
    let o = check("full", &["--error-on-warnings"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn ignore_takes_codes_names_and_lists() {
    let o = check(
        "full",
        &[
            "--error-on-warnings",
            "--ignore",
            "IDP200,placeholder-value",
        ],
    );
    assert_eq!((code(&o), json_rules(&o).len()), (0, 0), "{}", stdout(&o));
    let o = check("limited", &["--ignore", "access-level-forbids-field"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = check("limited", &[]);
    assert_eq!(code(&o), 1);
}

#[test]
fn select_keeps_only_the_rules_named_and_prefixes() {
    let o = check("limited", &["--select", "IDP2"]);
    assert_eq!(code(&o), 0);
    assert_eq!(json_rules(&o), ["plaintext-secret"]);
    let o = check("limited", &["--select", "IDP2", "--select", "idp100"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        json_rules(&o),
        [
            "access-level-forbids-field",
            "access-level-forbids-field",
            "plaintext-secret"
        ]
    );
    let o = check("limited", &["--select", "all", "--ignore", "IDP1"]);
    assert_eq!(code(&o), 0);
    assert_eq!(json_rules(&o), ["plaintext-secret", "placeholder-value"]);
}

#[test]
fn syntax_errors_are_always_reported() {
    let o = idplint(&["check", "-", "--select", "missing-field"], Some(b"{"));
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains("IDP001 invalid-syntax"),
        "{}",
        stdout(&o)
    );
    let o = idplint(&["check", "-", "--ignore", "IDP0"], Some(b"{"));
    assert_eq!(code(&o), 1, "a prefix leaves it on");
    for named in ["invalid-syntax", "IDP001"] {
        let o = idplint(&["check", "-", "--ignore", named], Some(b"{"));
        assert_eq!(code(&o), 2);
        assert_eq!(
            stderr(&o),
            "idplint: error: `invalid-syntax` cannot be ignored or re-graded: a file with it was not checked\n"
        );
    }
}

#[test]
fn unknown_rules_are_usage_errors_with_a_suggestion() {
    let o = check("full", &["--select", "missing-feild"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        "idplint: error: unknown rule `missing-feild`; did you mean `missing-field`?\n"
    );
    let o = check("full", &["--ignore", "no-such-rule-at-all"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "idplint: error: unknown rule `no-such-rule-at-all`; `idplint rules` lists them\n"
    );
}
