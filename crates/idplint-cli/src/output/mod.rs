//! One file per output format.

pub(crate) mod concise;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;

use idplint::source::LineIndex;
use idplint::{Diagnostic, FileReport};

/// Where a finding is, for output: 1-based lines, columns in code points, end exclusive.
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Positions of every finding of a report, through one line index.
pub(crate) fn positions(report: &FileReport) -> Vec<Option<Position>> {
    let text = &report.source.text;
    let lines = LineIndex::new(text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span.clone()?;
            let (line, column) = lines.line_col(text, span.start);
            let (end_line, end_column) = lines.line_col(text, span.end);
            Some(Position {
                line,
                column,
                end_line,
                end_column,
            })
        })
        .collect()
}

/// The message of a finding with its help, for formats that have one text field per finding
/// (SARIF, GitHub annotations): `message` alone, or `message` and `help: …` on the next line.
pub(crate) fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

/// The summary line of a run.
pub(crate) fn summary(reports: &[FileReport]) -> (usize, usize, usize) {
    let (errors, warnings) = reports
        .iter()
        .map(FileReport::counts)
        .fold((0, 0), |(e, w), (a, b)| (e + a, w + b));
    (reports.len(), errors, warnings)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `Found 2 errors and 1 warning in 3 files.`
pub(crate) fn summary_line(reports: &[FileReport]) -> String {
    let (files, errors, warnings) = summary(reports);
    if errors + warnings == 0 {
        return format!("All checks passed ({} checked).\n", plural(files, "file"));
    }
    format!(
        "Found {} and {} in {}.\n",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}
