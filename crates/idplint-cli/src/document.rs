//! One file's report as the whole standard output of `idplint check`, in each format: what the
//! fuzz targets and property tests render, without running the binary.

use clap::ValueEnum;
use idplint::FileReport;
use idplint::render::Style;

use crate::args::Format;
use crate::output::{self, Totals};

/// The output formats, by the names `--format` takes.
pub const FORMATS: [&str; 5] = ["human", "concise", "json", "sarif", "github"];

/// What `idplint check --format FORMAT` prints on standard output when it checks only this
/// report's file (no colour); `None` for an unknown format name.
pub fn check_output(format: &str, report: &FileReport) -> Option<String> {
    let format = Format::from_str(format, false).ok()?;
    let (errors, warnings) = report.counts();
    let totals = Totals {
        files: 1,
        errors,
        warnings,
        incomplete: false,
        rules: report
            .diagnostics
            .iter()
            .map(|d| (d.rule.code, d.rule))
            .collect(),
    };
    let mut out = output::start(format).to_owned();
    out.push_str(&output::file(format, report, Style::default()));
    out.push_str(&output::end(format, &totals));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_renders_a_whole_document() {
        let report = idplint::check_bytes(
            "t.json",
            br#"{"is_enabled": "yes", "options": {"client_secret": "KzQp2sVxR8nTgMjFhYcE"}}"#,
            idplint::source::Format::Json,
            &idplint::Options {
                kind: idplint::find_kind("auth0.idp.update"),
                ..idplint::Options::default()
            },
        );
        for format in FORMATS {
            let out = check_output(format, &report).unwrap();
            assert!(out.contains("IDP012"), "{format}: {out}");
            assert!(!out.contains("KzQp2sVxR8nTgMjFhYcE"), "{format}: {out}");
            if matches!(format, "json" | "sarif") {
                let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert!(doc.is_object());
            }
        }
        assert_eq!(check_output("xml", &report), None);
    }
}
