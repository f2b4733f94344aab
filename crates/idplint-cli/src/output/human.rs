//! `--format human`: miette reports with the (secret-masked) source snippet.

use std::io::IsTerminal;

use idplint::FileReport;
use idplint::render::{Style, render_report};

pub(crate) fn render(reports: &[FileReport]) -> String {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal();
    let style = Style {
        color,
        ..Style::default()
    };
    let mut out = String::new();
    for r in reports.iter().filter(|r| !r.diagnostics.is_empty()) {
        out.push_str(&render_report(r, style));
        out.push('\n');
    }
    out.push_str(&super::summary_line(reports));
    out
}
