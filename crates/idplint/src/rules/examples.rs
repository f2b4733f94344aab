//! Every rule's documented examples, run (biome's way): each code block of "## Example" produces
//! findings of exactly that rule, and each code block of "## Use instead" has no finding of it
//! and no error.
//!
//! A code block is checked as a file of its language (`json`, `yaml`). Its info string may name
//! what the file is checked as, as `idplint check` options would: `kind:K` (otherwise the kind is
//! detected), `strategy:S` and `access:L`. `idplint explain` does not print these.
//!
//! `fragment` marks a block that shows only part of a payload: it must still have (or not have)
//! a finding of its rule, but the findings about the parts it leaves out are not held against
//! it. Only docs whose text a committed snapshot pins (SARIF output carries the docs of the
//! rules it reports) use it; the others show whole payloads.

use crate::check::{Options, check_text};
use crate::context::Context;
use crate::source::Format;

use super::ALL;

/// Check a code block with its info string; `true` with the report when it is a fragment.
fn run(info: &str, text: &str) -> Result<(crate::FileReport, bool), String> {
    let mut words = info.split(' ');
    let format = match words.next() {
        Some("json") => Format::Json,
        Some("yaml") => Format::Yaml,
        other => return Err(format!("a code block in {other:?}, not json or yaml")),
    };
    let mut options = Options::default();
    let mut context = Context::default();
    let mut fragment = false;
    for word in words {
        if word == "fragment" {
            fragment = true;
            continue;
        }
        let (key, value) = word
            .split_once(':')
            .ok_or_else(|| format!("`{word}` is not key:value"))?;
        match key {
            "kind" => {
                options.kind = Some(crate::kinds::find(value).ok_or(format!("no kind `{value}`"))?);
            }
            "strategy" => context.strategy = Some(value.parse()?),
            "access" => context.access_level = Some(value.parse()?),
            _ => return Err(format!("unknown attribute `{key}`")),
        }
    }
    options.context = context;
    Ok((check_text("example", text, format, &options), fragment))
}

fn found(report: &crate::FileReport) -> Vec<String> {
    report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn examples_produce_exactly_their_rule() {
    let mut failures = Vec::new();
    for rule in ALL {
        let blocks = rule.code_blocks("## Example");
        if blocks.is_empty() {
            failures.push(format!("{}: its Example has no code block", rule.name));
        }
        for (info, text) in blocks {
            match run(info, &text) {
                Err(e) => failures.push(format!("{}: {e}", rule.name)),
                Ok((report, fragment)) => {
                    let only_it = report.diagnostics.iter().all(|d| d.rule == *rule);
                    let has_it = report.diagnostics.iter().any(|d| d.rule == *rule);
                    if !has_it || !(only_it || fragment) {
                        failures.push(format!(
                            "{}: its Example gives {:?}",
                            rule.name,
                            found(&report)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn use_instead_has_neither_the_rule_nor_an_error() {
    let mut failures = Vec::new();
    for rule in ALL {
        for (info, text) in rule.code_blocks("## Use instead") {
            match run(info, &text) {
                Err(e) => failures.push(format!("{}: {e}", rule.name)),
                Ok((report, fragment)) => {
                    let bad = report
                        .diagnostics
                        .iter()
                        .any(|d| d.rule == *rule || (d.is_error() && !fragment));
                    if bad {
                        failures.push(format!(
                            "{}: its Use instead gives {:?}",
                            rule.name,
                            found(&report)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn code_blocks_are_read_by_section() {
    let rule = &super::test_only_rule::RULE;
    let example = rule.code_blocks("## Example");
    assert_eq!(
        example,
        [(
            "json kind:auth0.idp.update",
            "{ \"display_name\": \"Trigger the test-only rule\" }\n".to_owned()
        )]
    );
    assert_eq!(rule.code_blocks("## Use instead").len(), 1);
    assert!(rule.code_blocks("## Why is this bad?").is_empty());
}
