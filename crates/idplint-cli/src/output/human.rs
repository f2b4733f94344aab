//! `--format human`: miette reports with the (secret-masked) source snippet.

use idplint::FileReport;
use idplint::render::{Style, render_report};

/// The report of a file with findings; nothing for a clean file.
pub(crate) fn file(report: &FileReport, style: Style) -> String {
    if report.diagnostics.is_empty() {
        return String::new();
    }
    let mut out = render_report(report, style);
    out.push('\n');
    out
}
