//! `--format json`: the stable machine-readable contract (see the README).

use idplint::FileReport;
use serde_json::{Value, json};

pub(crate) fn render(reports: &[FileReport]) -> String {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
            let diagnostics: Vec<Value> = r
                .diagnostics
                .iter()
                .zip(super::positions(r))
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
            json!({ "path": r.source.name, "kind": r.kind.map(|k| k.id), "diagnostics": diagnostics })
        })
        .collect();
    let (n, errors, warnings) = super::summary(reports);
    let doc = json!({
        "version": 1,
        "files": files,
        "summary": { "files": n, "errors": errors, "warnings": warnings },
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
