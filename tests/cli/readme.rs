//! The README's rule table is generated from the registry; this keeps it current.
//! `UPDATE_README=1 cargo test --test cli readme` rewrites it.

use std::fmt::Write as _;

const START: &str = "<!-- rules:start";
const END: &str = "<!-- rules:end -->";

fn table() -> String {
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

#[test]
fn rule_table_is_current() {
    let path = super::root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("rules:start marker");
    let body_start = start + readme[start..].find('\n').expect("marker line") + 1;
    let end = readme.find(END).expect("rules:end marker");
    let expected = table();
    if readme[body_start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
            let updated = format!("{}{}{}", &readme[..body_start], expected, &readme[end..]);
            std::fs::write(&path, updated).expect("write README.md");
        } else {
            panic!(
                "the README's rule table is stale: run `UPDATE_README=1 cargo test --test cli readme`"
            );
        }
    }
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
