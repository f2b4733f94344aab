//! `idplint rules`.

use crate::EXIT_OK;
use crate::args::{ListFormat, RulesArgs};

pub(crate) fn run(args: &RulesArgs) -> u8 {
    match args.format {
        ListFormat::Table => {
            println!("{:<7} {:<27} {:<8} summary", "code", "name", "default");
            for r in idplint::rules::ALL {
                println!(
                    "{:<7} {:<27} {:<8} {}",
                    r.code, r.name, r.default_severity, r.summary
                );
            }
        }
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = idplint::rules::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code, "name": r.name, "severity": r.default_severity.as_str(),
                        "summary": r.summary, "docs": r.documentation(),
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&rules).unwrap_or_default()
            );
        }
    }
    EXIT_OK
}
