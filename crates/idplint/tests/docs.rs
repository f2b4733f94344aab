//! The documentation that is generated from the library: one page per rule in `docs/rules/`,
//! the table of rules, the list of the rules only idplint checks, and the tables of kinds and of
//! kind detection. With `UPDATE_DOCS=1` the
//! tests rewrite what is stale instead of failing, as `UPDATE_SCHEMAS=1` does for `schemas/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use idplint::rules::{ALL, Rule};

/// The tests run in parallel, and each may rewrite a file.
static LOCK: Mutex<()> = Mutex::new(());

const UPDATE: &str = "UPDATE_DOCS=1 cargo test -p idplint --test docs";

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1")
}

/// The page of `rule`, `docs/rules/<name>.md`: what `idplint explain` prints, under a line that
/// says where it comes from, and over links to the other pages.
fn rule_page(rule: &Rule) -> String {
    let mut summary = rule.summary.chars();
    let summary: String = summary
        .next()
        .map(|c| c.to_uppercase().chain(summary).collect())
        .unwrap_or_default();
    format!(
        "<!-- Generated from the rule's declaration in crates/idplint/src/rules/ \
         (`{UPDATE}` rewrites it). -->\n\n\
         # {} ({})\n\n\
         Default severity: {}. {summary}.\n\n\
         {}\n\
         [All rules](README.md) · [Choosing and re-grading rules](../configuration.md#choosing-rules)\n",
        rule.name,
        rule.code,
        rule.default_severity,
        rule.documentation(),
    )
}

fn rule_table() -> String {
    let mut t = String::from("| code | name | default | what it finds |\n|---|---|---|---|\n");
    for r in ALL {
        let _ = writeln!(
            t,
            "| {} | [`{}`]({}.md) | {} | {} |",
            r.code, r.name, r.name, r.default_severity, r.summary
        );
    }
    t
}

/// The rules that the published schemas do not state (`Rule::in_schema`).
fn idplint_only() -> String {
    let names: Vec<String> = ALL
        .iter()
        .filter(|r| !r.in_schema)
        .map(|r| format!("[`{}`](rules/{}.md)", r.name, r.name))
        .collect();
    format!("{}.\n", names.join(", "))
}

fn kind_table() -> String {
    let mut t = String::from("| kind | what |\n|---|---|\n");
    for k in idplint::kinds::KINDS {
        let _ = writeln!(t, "| `{}` | {} |", k.id, k.schema.description);
    }
    t
}

fn detection_table() -> String {
    let mut t = String::from("| the payload | kind |\n|---|---|\n");
    for row in idplint::kinds::DETECTION {
        let _ = writeln!(t, "| {} | `{}` |", row.when, row.kind);
    }
    t
}

/// `docs/rules/<name>.md` is [`rule_page`] for every rule, and no other page is there but the
/// index, `README.md`.
#[test]
fn rule_pages_are_fresh() {
    let _guard = LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = docs_dir().join("rules");
    let mut stale = Vec::new();
    let mut expected = vec!["README.md".to_owned()];
    for rule in ALL {
        let file = format!("{}.md", rule.name);
        let text = rule_page(rule);
        let path = dir.join(&file);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if updating() {
                std::fs::write(&path, text).expect("write a rule page");
            } else {
                stale.push(file.clone());
            }
        }
        expected.push(file);
    }
    let extra: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/rules")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| !expected.contains(f))
        .collect();
    assert!(
        extra.is_empty(),
        "docs/rules/ has pages of no rule (remove them): {extra:?}"
    );
    assert!(
        stale.is_empty(),
        "stale rule pages in docs/rules/ (run `{UPDATE}`): {stale:?}"
    );
}

#[test]
fn rule_table_is_fresh() {
    section_is_fresh("rules/README.md", "rules", &rule_table());
}

#[test]
fn idplint_only_rules_are_fresh() {
    section_is_fresh("schemas.md", "idplint-only", &idplint_only());
}

#[test]
fn kind_table_is_fresh() {
    section_is_fresh("kinds.md", "kinds", &kind_table());
}

#[test]
fn detection_table_is_fresh() {
    section_is_fresh("kinds.md", "detection", &detection_table());
}

/// The page's text between `<!-- NAME:start … -->` and `<!-- NAME:end -->` is `expected`.
fn section_is_fresh(page: &str, name: &str, expected: &str) {
    let _guard = LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = docs_dir().join(page);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("docs/{page}: {e}"));
    let start_marker = format!("<!-- {name}:start");
    let end_marker = format!("<!-- {name}:end -->");
    let start = text
        .find(&start_marker)
        .unwrap_or_else(|| panic!("no {start_marker} marker in docs/{page}"));
    let body_start = start + text[start..].find('\n').expect("the marker's line") + 1;
    let end = text
        .find(&end_marker)
        .unwrap_or_else(|| panic!("no {end_marker} marker in docs/{page}"));
    if text[body_start..end] == *expected {
        return;
    }
    assert!(
        updating(),
        "the {name} table of docs/{page} is stale: run `{UPDATE}`"
    );
    let updated = format!("{}{expected}{}", &text[..body_start], &text[end..]);
    std::fs::write(&path, updated).expect("write the page");
}
