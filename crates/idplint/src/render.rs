//! Rendering findings with miette: the source snippet, with every secret masked, looked up
//! through a line index so that large files stay fast.

use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, MietteSpanContents, SourceCode, SourceSpan,
    SpanContents,
};

use crate::check::FileReport;
use crate::diagnostic::Diagnostic;
use crate::secrets;
use crate::source::{LineIndex, SpanIndex};

/// The text of a file as it may be shown: secrets masked byte for byte, lines indexed.
pub struct SourceView {
    name: String,
    text: String,
    lines: LineIndex,
}

impl SourceView {
    /// Mask the secrets of `text` and index its lines. `spans`, when known, locates secret
    /// values that a lexical scan cannot see (a YAML plain scalar continued on the next line).
    pub fn new(name: &str, text: &str, spans: Option<&SpanIndex>) -> SourceView {
        let mut masked = secrets::lexical_secret_spans(text);
        if let Some(index) = spans {
            masked.extend(index.secret_values().iter().cloned());
        }
        let text = secrets::mask(text, &masked);
        let lines = LineIndex::new(&text);
        SourceView {
            name: name.to_owned(),
            text,
            lines,
        }
    }

    /// The masked text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl SourceCode for SourceView {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let len = self.text.len();
        let start = span.offset().min(len);
        let end = (span.offset() + span.len()).min(len).max(start);
        if span.offset() > len {
            return Err(miette::MietteError::OutOfBounds);
        }
        let first = self
            .lines
            .line_of(start)
            .saturating_sub(context_lines_before);
        let last_of_span = self.lines.line_of(if end > start { end - 1 } else { end });
        let last =
            (last_of_span + context_lines_after).min(self.lines.line_count().saturating_sub(1));
        let from = self.lines.line_start(first);
        let to = self.lines.line_end(&self.text, last);
        let data = &self.text.as_bytes()[from..to.max(from)];
        let column = self.text[self.lines.line_start(self.lines.line_of(start))..start]
            .chars()
            .count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            SourceSpan::new(from.into(), to.max(from) - from),
            first,
            column,
            last - first + 1,
        )))
    }
}

/// One finding with the source it points into, as miette renders it.
struct WithSource<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a SourceView,
    /// The help text shown.
    help: Option<&'a str>,
}

impl std::fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl std::fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        miette::Diagnostic::code(self.diagnostic)
    }
    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.diagnostic)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.help
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display + 'b>)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = underlined(self.source.text(), self.diagnostic.span.clone()?);
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(self.diagnostic.label.clone(), span),
        )))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }
}

/// The longest one-line span underlined in full, in bytes.
const MAX_UNDERLINE: usize = 1024;

/// The part of `span` to underline: all of it, except that a one-line span longer than
/// [`MAX_UNDERLINE`] is underlined at its start only, so that a 10 MB value does not add an
/// underline three times its size to the output.
fn underlined(text: &str, span: crate::pointer::Span) -> std::ops::Range<usize> {
    if span.len() <= MAX_UNDERLINE || text.get(span.clone()).is_none_or(|s| s.contains('\n')) {
        return span;
    }
    let mut end = span.start + MAX_UNDERLINE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    span.start..end
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Unicode box drawing (otherwise ASCII).
    pub unicode: bool,
    /// Wrap width.
    pub width: usize,
}

impl Default for Style {
    /// Plain: no colour, Unicode, 80 columns (what snapshots use).
    fn default() -> Self {
        Style {
            color: false,
            unicode: true,
            width: 80,
        }
    }
}

/// Render every finding of a report, one after the other.
pub fn render_report(report: &FileReport, style: Style) -> String {
    let view = SourceView::new(
        &report.source.name,
        &report.source.text,
        report.spans.as_ref(),
    );
    render_with(report, &view, style)
}

/// Render every finding of a report against an already built view of its source.
pub fn render_with(report: &FileReport, view: &SourceView, style: Style) -> String {
    render_wrapping(report, view, style, false)
}

/// [`render_with`]; `always_wrap` sends every finding through textwrap (what `fits` spares).
fn render_wrapping(
    report: &FileReport,
    view: &SourceView,
    style: Style,
    always_wrap: bool,
) -> String {
    HANDLERS.with_borrow_mut(|cached| {
        if cached.as_ref().is_some_and(|(built, _)| *built != style) {
            *cached = None;
        }
        let (_, handlers) = cached.get_or_insert_with(|| (style, Handlers::new(style)));
        render_each(report, view, style, handlers, always_wrap)
    })
}

/// The two handlers of a style, built once per thread: building one allocates its theme.
struct Handlers {
    wrapping: GraphicalReportHandler,
    plain: GraphicalReportHandler,
}

thread_local! {
    static HANDLERS: std::cell::RefCell<Option<(Style, Handlers)>> =
        const { std::cell::RefCell::new(None) };
}

impl Handlers {
    fn new(style: Style) -> Handlers {
        let theme = match (style.unicode, style.color) {
            (true, true) => GraphicalTheme::unicode(),
            (true, false) => GraphicalTheme::unicode_nocolor(),
            (false, true) => GraphicalTheme::ascii(),
            (false, false) => GraphicalTheme::none(),
        };
        // Lines break at spaces (and words at hyphens when they must): the Unicode line-breaking
        // algorithm, miette's default, costs more (bench/PROFILE.md, part B), and idplint's
        // messages are English, for which both break at the same places (every snapshot is
        // unchanged).
        let wrapping = GraphicalReportHandler::new_themed(theme)
            .with_width(style.width)
            .with_links(false)
            .with_word_separator(textwrap::WordSeparator::AsciiSpace);
        // A finding whose texts are short lines needs no wrapping, and costs less to render
        // without it (the same output: see `fits`; bench/PROFILE.md, part B).
        let plain = wrapping.clone().with_wrap_lines(false);
        Handlers { wrapping, plain }
    }
}

fn render_each(
    report: &FileReport,
    view: &SourceView,
    style: Style,
    handlers: &Handlers,
    always_wrap: bool,
) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        if !out.is_empty() {
            out.push('\n');
        }
        // The plain handler when the message and the help text are short lines.
        let help = d.help.as_deref();
        let shown = if always_wrap || !fits(&d.message, style.width) {
            None
        } else {
            match help {
                None => Some(None),
                Some(h) if fits(h, style.width) => Some(Some(h)),
                Some(_) => None,
            }
        };
        let (handler, help) = match shown {
            Some(lines) => (&handlers.plain, lines),
            None => (&handlers.wrapping, help),
        };
        let item = WithSource {
            diagnostic: d,
            source: view,
            help,
        };
        if handler.render_report(&mut out, &item).is_err() {
            let _ = writeln!(out, "{d}");
        }
    }
    out
}

/// Whether miette would leave `text` on one line, as it is, at this width: one line of ASCII
/// (one column a byte), no white space at its ends, and room to spare for the widest indent
/// miette puts before it (`  help: `, within the width less 2).
fn fits(text: &str, width: usize) -> bool {
    one_line(text) && text.len() + 12 <= width
}

/// One line of ASCII without white space at its ends.
fn one_line(text: &str) -> bool {
    text.is_ascii() && !text.contains('\n') && text.trim() == text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcuts_render_as_miette_wrapping_every_finding_does() {
        use crate::check::{SourceText, check_text};
        use crate::diagnostic::Diagnostic;
        use crate::source::Format;

        let text = "{\n  \"strategy\": \"oidc\",\n  \"name\": \" x \",\n  \"options\": {\"client_id\": 1, \"x\": 2}\n}\n";
        let mut report = check_text("a.json", text, Format::Json, &crate::Options::default());
        assert!(report.diagnostics.len() >= 3, "{:?}", report.diagnostics);
        // Messages and help texts at the edge of fitting, with inner double spaces, backticks,
        // hyphens, words longer than a line, and texts the shortcuts leave to miette.
        let mut texts = vec![
            ("m".repeat(67), "h".repeat(68)),
            (
                "a  b `c`  d".to_owned(),
                "x ".repeat(30).trim_end().to_owned(),
            ),
            ("word ".repeat(13).trim_end().to_owned(), "help".to_owned()),
            ("short".to_owned(), "a-very-long-hyphenated-word ".repeat(9)),
            (
                "short".to_owned(),
                format!("see {} and `that`", "z".repeat(150)),
            ),
            (
                "short".to_owned(),
                "two  spaces  between, ".repeat(8).trim_end().to_owned(),
            ),
            (
                "short".to_owned(),
                "a line\nand another line that is longer than most".repeat(3),
            ),
            ("short".to_owned(), format!(" {} ", "padded ".repeat(20))),
            ("short".to_owned(), "non-ASCII: café ".repeat(10)),
            ("m ".repeat(50), "h ".repeat(50)),
        ];
        // And a few hundred help texts of words of every length, generated.
        let words = [
            "a",
            "to",
            "the",
            "field",
            "`strategy`",
            "connection's",
            "re-enable",
            "x",
        ];
        let mut seed = 7_u32;
        for n in 1..300 {
            let mut help = String::new();
            for _ in 0..=n % 40 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let word = words[(seed >> 16) as usize % words.len()];
                if !help.is_empty() {
                    help.push(' ');
                }
                help.push_str(word);
                if seed.is_multiple_of(17) {
                    help.push_str(&"w".repeat((seed % 90) as usize));
                }
            }
            texts.push(("short".to_owned(), help));
        }
        for (message, help) in texts {
            let d = Diagnostic::new(&crate::rules::invalid_syntax::RULE, "", &message)
                .with_span(0..1)
                .with_label("here")
                .with_help(&help);
            report.diagnostics.push(d);
        }
        report.source = SourceText {
            name: "a.json".into(),
            text: text.into(),
            format: Format::Json,
        };
        let view = SourceView::new("a.json", text, report.spans.as_ref());
        for width in [12, 20, 40, 60, 80, 81, 100] {
            for (unicode, color) in [(true, false), (false, false), (true, true)] {
                let style = Style {
                    color,
                    unicode,
                    width,
                };
                let shortcuts = render_wrapping(&report, &view, style, false);
                let miette = render_wrapping(&report, &view, style, true);
                if shortcuts != miette {
                    let (a, b) = shortcuts
                        .lines()
                        .zip(miette.lines())
                        .find(|(a, b)| a != b)
                        .unwrap_or_default();
                    panic!("width {width}, {unicode} {color}: {a:?} for {b:?}");
                }
            }
        }
    }

    #[test]
    fn long_one_line_spans_are_underlined_at_their_start() {
        let text = format!("a: \"{}\"\nb: [\n{}]\n", "é".repeat(1000), "1,".repeat(600));
        let value = 3..2005;
        assert_eq!(
            underlined(&text, value),
            3..1026,
            "1024 bytes, whole characters"
        );
        assert_eq!(underlined(&text, 0..10), 0..10);
        let list = text.find('[').unwrap()..text.len() - 1;
        assert_eq!(
            underlined(&text, list.clone()),
            list,
            "a span over lines stays whole"
        );
    }
}
