//! `--format concise`: `path:line:col: CODE name message`, one line per finding.

use std::fmt::Write as _;

use idplint::FileReport;

/// One line per finding of a file.
pub(crate) fn file(report: &FileReport) -> String {
    let mut out = String::new();
    for (d, pos) in report.diagnostics.iter().zip(super::positions(report)) {
        let (line, col) = pos.map_or((1, 1), |p| (p.line, p.column));
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {} {} [{}] {}",
            report.source.name, d.rule.code, d.rule.name, d.severity, d.message
        );
    }
    out
}
