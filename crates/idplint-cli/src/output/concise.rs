//! `--format concise`: `path:line:col: CODE name message`, one line per finding.

use std::fmt::Write as _;

use idplint::FileReport;

pub(crate) fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for (d, pos) in r.diagnostics.iter().zip(super::positions(r)) {
            let (line, col) = pos.map_or((1, 1), |p| (p.line, p.column));
            let _ = writeln!(
                out,
                "{}:{line}:{col}: {} {} [{}] {}",
                r.source.name, d.rule.code, d.rule.name, d.severity, d.message
            );
        }
    }
    out.push_str(&super::summary_line(reports));
    out
}
