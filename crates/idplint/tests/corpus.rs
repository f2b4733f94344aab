//! The testdata corpus: valid payloads pass, invalid ones show their rule, every rule is covered,
//! and every invalid payload's rendered report matches its reviewed snapshot.

mod common;

use std::collections::BTreeSet;

use idplint::render::{Style, render_report};

#[test]
fn valid_payloads_have_no_errors() {
    let cases: Vec<_> = common::cases()
        .into_iter()
        .filter(|c| c.group == "valid")
        .collect();
    assert!(
        cases.len() >= 30,
        "the valid corpus is too small: {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let report = case.check();
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{}:\n  {}", case.name, errors.join("\n  ")));
        }
        // Detected, unless the file name gives the kind.
        if report.kind.map(|k| k.id) != Some(case.folder.as_str()) {
            failures.push(format!(
                "{}: checked as {:?}",
                case.name,
                report.kind.map(|k| k.id)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "valid payloads with errors, or of another kind:\n{}",
        failures.join("\n")
    );
}

#[test]
fn invalid_payloads_show_their_rule() {
    let mut failures = Vec::new();
    for case in common::cases().into_iter().filter(|c| c.group == "invalid") {
        let rule = idplint::rules::find(&case.folder)
            .unwrap_or_else(|| panic!("{}: the folder names no rule", case.name));
        assert_eq!(
            rule.name, case.folder,
            "{}: use the rule's name, not its code",
            case.name
        );
        let report = case.check();
        if !report.diagnostics.iter().any(|d| d.rule == rule) {
            let got: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
            failures.push(format!(
                "{}: no `{}` finding; got {got:?}",
                case.name, rule.name
            ));
        }
        for d in &report.diagnostics {
            let span = d.span.clone().expect("every finding of a file has a span");
            assert!(
                span.end <= report.source.text.len() && span.start <= span.end,
                "{}: span {span:?} out of the text",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rules that no payload file can show, with the reason.
const NOT_IN_CORPUS: &[(&str, &str)] = &[];

#[test]
fn every_rule_has_invalid_payloads() {
    let folders: BTreeSet<String> = common::cases()
        .into_iter()
        .filter(|c| c.group == "invalid")
        .map(|c| c.folder)
        .collect();
    for rule in idplint::rules::ALL {
        if NOT_IN_CORPUS.iter().any(|(n, _)| *n == rule.name) {
            continue;
        }
        assert!(
            folders.contains(rule.name),
            "no testdata/invalid/{}/ payload",
            rule.name
        );
    }
}

#[test]
fn every_kind_has_valid_payloads() {
    let folders: BTreeSet<String> = common::cases()
        .into_iter()
        .filter(|c| c.group == "valid")
        .map(|c| c.folder)
        .collect();
    for kind in idplint::kinds::KINDS {
        assert!(
            folders.contains(kind.id),
            "no testdata/valid/{}/ payload",
            kind.id
        );
    }
}

#[test]
fn invalid_payload_reports_match_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots/corpus");
    settings.bind(|| {
        for case in common::cases().into_iter().filter(|c| c.group == "invalid") {
            let report = case.check();
            let rendered = render_report(&report, Style::default());
            let name = case.name.trim_start_matches("invalid/").replace('/', "__");
            insta::assert_snapshot!(name, rendered);
        }
    });
}
