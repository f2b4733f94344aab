//! `--format github`: one GitHub Actions workflow command per finding, which the runner shows as
//! an annotation on the file:
//! `::error file=a.json,line=2,endLine=2,col=3,endColumn=17,title=IDP010 missing-field::message`.
//!
//! Values are escaped as `@actions/core` does: `%`, CR and LF in the message; those and `:` and
//! `,` in properties. GitHub shows at most 10 annotations of each level per step; later lines
//! are still in the log.

use std::fmt::Write as _;

use idplint::{FileReport, Severity};

use super::{message_with_help, positions};

/// One annotation line per finding of a file.
pub(crate) fn file(report: &FileReport) -> String {
    let mut out = String::new();
    let file = escape_property(&report.source.name);
    for (d, pos) in report.diagnostics.iter().zip(positions(report)) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = write!(out, "::{command} file={file}");
        if let Some(p) = pos {
            let _ = write!(out, ",line={},endLine={}", p.line, p.end_line);
            // GitHub takes columns only within one line.
            if p.line == p.end_line {
                let _ = write!(out, ",col={},endColumn={}", p.column, p.end_column);
            }
        }
        let title = format!("{} {}", d.rule.code, d.rule.name);
        let _ = writeln!(
            out,
            ",title={}::{}",
            escape_property(&title),
            escape_data(&message_with_help(d))
        );
    }
    out
}

/// Escape a command's message: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    escape(s, false)
}

/// Escape a property value: as a message, and also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property, file};
    use idplint::source::Format;
    use idplint::{Diagnostic, FileReport, check::SourceText};

    #[test]
    fn data_escapes_percent_cr_lf_only() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(escape_data("%0A"), "%250A", "no double meaning");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("idp/okta, prod:1%.json\n"),
            "idp/okta%2C prod%3A1%25.json%0A"
        );
    }

    fn report(name: &str, text: &str, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            source: SourceText {
                name: name.to_owned(),
                text: text.into(),
                format: Format::Json,
            },
            kind: None,
            diagnostics,
            spans: None,
        }
    }

    fn rule(name: &str) -> &'static idplint::Rule {
        idplint::rules::find(name).expect("a rule of the registry")
    }

    #[test]
    fn a_finding_without_a_span_names_the_file_only() {
        let d = Diagnostic::new(rule("empty-update"), "", "the update changes nothing");
        assert_eq!(
            file(&report("a,b.json", "{}", vec![d])),
            "::warning file=a%2Cb.json,title=IDP103 empty-update::the update changes nothing\n"
        );
    }

    #[test]
    fn columns_only_within_one_line_and_help_on_its_own_line() {
        let text = "{\n  \"é\": 1,\n  \"x\": \"http://a\"\n}\n";
        let one_line = Diagnostic::new(rule("unknown-field"), "/é", "`é`: not allowed")
            .with_span(4..8)
            .with_help("remove it, 100%");
        let two_lines =
            Diagnostic::new(rule("insecure-url"), "/x", "`x` uses http").with_span(4..14);
        let out = file(&report("p.json", text, vec![one_line, two_lines]));
        assert_eq!(
            out,
            "::error file=p.json,line=2,endLine=2,col=3,endColumn=6,title=IDP011 unknown-field::`é`: not allowed%0Ahelp: remove it, 100%25\n\
             ::error file=p.json,line=2,endLine=3,title=IDP201 insecure-url::`x` uses http\n"
        );
    }
}
