//! One file per output format.
//!
//! `check` prints as it goes: [`start`], then each file's text in path order with
//! [`separator`]s between them (the text is rendered by [`file`] on a worker thread as soon as
//! the file is checked, so that the file itself need not be kept), then [`end`].

pub(crate) mod concise;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;

use idplint::render::Style;
use idplint::source::LineIndex;
use idplint::{Diagnostic, FileReport};

use crate::args::Format;

/// What a run found, for the summary.
#[derive(Debug, Clone, Default)]
pub(crate) struct Totals {
    /// Files checked.
    pub files: usize,
    /// Error-severity findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Whether a path could not be checked (a tool error was reported).
    pub incomplete: bool,
    /// The rules with findings, by code (for the SARIF log's rule list).
    pub rules: std::collections::BTreeMap<&'static str, &'static idplint::Rule>,
}

/// Printed before the first file.
pub(crate) fn start(format: Format) -> &'static str {
    match format {
        Format::Json => json::START,
        Format::Sarif => sarif::START,
        Format::Human | Format::Concise | Format::Github => "",
    }
}

/// The text of one checked file.
pub(crate) fn file(format: Format, report: &FileReport, style: Style) -> String {
    match format {
        Format::Human => human::file(report, style),
        Format::Concise => concise::file(report),
        Format::Json => json::file(report),
        Format::Sarif => sarif::file(report),
        Format::Github => github::file(report),
    }
}

/// Printed between the texts of two files (files with an empty text are left out).
pub(crate) fn separator(format: Format) -> &'static str {
    match format {
        Format::Json | Format::Sarif => ",",
        Format::Human | Format::Concise | Format::Github => "",
    }
}

/// Printed after the last file.
pub(crate) fn end(format: Format, totals: &Totals) -> String {
    match format {
        Format::Json => json::end(totals),
        Format::Sarif => sarif::end(totals),
        Format::Github => String::new(),
        Format::Human | Format::Concise => summary_line(totals),
    }
}

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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `Found 2 errors and 1 warning in 3 files.`
pub(crate) fn summary_line(totals: &Totals) -> String {
    let Totals {
        files,
        errors,
        warnings,
        incomplete,
        ..
    } = *totals;
    if errors + warnings == 0 && !incomplete {
        return format!("All checks passed ({} checked).\n", plural(files, "file"));
    }
    let not_all = if incomplete {
        "; some paths could not be checked (see the errors above)"
    } else {
        ""
    };
    format!(
        "Found {} and {} in {}{not_all}.\n",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

/// The message of a finding with its help, for formats that have one text field per finding
/// (SARIF, GitHub annotations): `message` alone, or `message` and `help: …` on the next line.
pub(crate) fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

/// `value` pretty-printed, every line after the first indented by `indent` (the first too, on a
/// new line, when `newline`). JSON strings hold no raw line breaks, so lines are values' lines.
pub(crate) fn indented(value: &serde_json::Value, indent: &str, newline: bool) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        if i > 0 || newline {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out
}
