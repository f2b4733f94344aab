//! The README's tables of rules, kinds and kind detection, and its list of the rules that only
//! idplint checks, are generated from the library; this keeps them current.
//! `UPDATE_README=1 cargo test --test cli readme` rewrites them.

use std::fmt::Write as _;

fn rules() -> String {
    let mut t = String::from("| code | name | default | what it finds |\n|---|---|---|---|\n");
    for r in idplint::rules::ALL {
        let _ = writeln!(
            t,
            "| {} | `{}` | {} | {} |",
            r.code, r.name, r.default_severity, r.summary
        );
    }
    t
}

/// The rules that the published schemas do not state (`Rule::in_schema`).
fn idplint_only() -> String {
    let names: Vec<String> = idplint::rules::ALL
        .iter()
        .filter(|r| !r.in_schema)
        .map(|r| format!("`{}`", r.name))
        .collect();
    format!("{}.\n", names.join(", "))
}

fn kinds() -> String {
    let mut t = String::from("| kind | what |\n|---|---|\n");
    for k in idplint::kinds::KINDS {
        let _ = writeln!(t, "| `{}` | {} |", k.id, k.schema.description);
    }
    t
}

fn detection() -> String {
    let mut t = String::from("| the payload | kind |\n|---|---|\n");
    for row in idplint::kinds::DETECTION {
        let _ = writeln!(t, "| {} | `{}` |", row.when, row.kind);
    }
    t
}

/// Check (or, with `UPDATE_README=1`, rewrite) the text between `<!-- NAME:start … -->` and
/// `<!-- NAME:end -->`.
fn section_is_current(name: &str, expected: &str) {
    // The tests run in parallel, and each may rewrite the file.
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = super::root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start_marker = format!("<!-- {name}:start");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme
        .find(&start_marker)
        .unwrap_or_else(|| panic!("no {start_marker} marker in the README"));
    let body_start = start + readme[start..].find('\n').expect("marker line") + 1;
    let end = readme
        .find(&end_marker)
        .unwrap_or_else(|| panic!("no {end_marker} marker in the README"));
    if readme[body_start..end] == *expected {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
        let updated = format!("{}{}{}", &readme[..body_start], expected, &readme[end..]);
        std::fs::write(&path, updated).expect("write README.md");
    } else {
        panic!(
            "the README's {name} table is stale: run `UPDATE_README=1 cargo test --test cli readme`"
        );
    }
}

#[test]
fn rule_table_is_current() {
    section_is_current("rules", &rules());
}

#[test]
fn idplint_only_rules_are_current() {
    section_is_current("idplint-only", &idplint_only());
}

#[test]
fn kind_table_is_current() {
    section_is_current("kinds", &kinds());
}

#[test]
fn detection_table_is_current() {
    section_is_current("detection", &detection());
}

/// The first block of `lang` after the heading `section`.
fn block<'a>(readme: &'a str, section: &str, lang: &str) -> &'a str {
    let at = readme.find(section).expect("the section");
    let open = format!("```{lang}\n");
    let start = at + readme[at..].find(&open).expect("a block") + open.len();
    let end = start + readme[start..].find("```").expect("its end");
    &readme[start..end]
}

#[test]
fn the_example_config_is_valid() {
    let readme = std::fs::read_to_string(super::root().join("README.md")).expect("README.md");
    let t = super::Temp::new("readme-config");
    t.write("idplint.toml", block(&readme, "## Configuration", "toml"))
        .write(
            "auth0/acme/current.json",
            r#"{"id": "con_zW1UHutvkVWSWdCC", "strategy": "okta", "access_level": "full", "options": {}}"#,
        )
        .write("auth0/updates/u.json", "{\"display_name\": \"Acme\"}\n");
    let o = t.run(".", &["check", "auth0/updates"]);
    assert_eq!(super::code(&o), 1, "{}", super::stderr(&o));
    assert!(
        super::stdout(&o).contains("access-level-forbids-field"),
        "the example's context applies: {}",
        super::stdout(&o)
    );
}
