//! `--format json`: the stable machine-readable contract (see `docs/output-formats.md`). One
//! document, written a file at a time, exactly as `serde_json::to_string_pretty` would write it
//! whole.

use idplint::FileReport;
use serde_json::{Value, json};

use super::{Totals, indented};

/// The document up to the first file.
pub(crate) const START: &str = "{\n  \"version\": 1,\n  \"files\": [";

/// The entry of one file in `files`.
pub(crate) fn file(report: &FileReport) -> String {
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .zip(super::positions(report))
        .map(|(d, pos)| {
            let mut v = json!({
                "code": d.rule.code,
                "rule": d.rule.name,
                "severity": d.severity.as_str(),
                "message": d.message,
                "help": d.help,
                "pointer": d.pointer,
                "span": d.span.as_ref().map(|s| json!({"offset": s.start, "length": s.end - s.start})),
            });
            if let Some(p) = pos {
                v["line"] = json!(p.line);
                v["column"] = json!(p.column);
                v["end_line"] = json!(p.end_line);
                v["end_column"] = json!(p.end_column);
            } else {
                for k in ["line", "column", "end_line", "end_column"] {
                    v[k] = Value::Null;
                }
            }
            v
        })
        .collect();
    let entry = json!({
        "path": report.source.name,
        "kind": report.kind.map(|k| k.id),
        "diagnostics": diagnostics,
    });
    indented(&entry, "    ", true)
}

/// The rest of the document, after the last file.
pub(crate) fn end(totals: &Totals) -> String {
    let summary = json!({
        "files": totals.files,
        "errors": totals.errors,
        "warnings": totals.warnings,
    });
    let close = if totals.files == 0 { "]" } else { "\n  ]" };
    format!(
        "{close},\n  \"summary\": {}\n}}\n",
        indented(&summary, "  ", false)
    )
}
