//! One parsed payload, whichever form it was read into: plain JSON as a flat document over its
//! text (`source::doc`), anything else (YAML, and JSON with something to report: a syntax
//! error, a duplicate key, nesting near the limit) as `serde_json`'s value. It answers what a
//! check asks of a payload (its syntax problems, its kind, its findings, where its nodes are)
//! the same way for both, so that `check` has one path.

use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::kinds::{self, Kind};
use crate::rules::{legacy_api_version, unknown_kind};
use crate::source::doc::Doc;
use crate::source::{self, Format, Limits, SpanIndex, SyntaxProblem};
use crate::validate::{self, Instance};

/// A payload read from its text.
pub(crate) struct ParsedPayload<'t> {
    text: &'t str,
    format: Format,
    limits: Limits,
    form: Form<'t>,
    problems: Vec<SyntaxProblem>,
}

/// What the text was read into.
enum Form<'t> {
    /// Plain JSON, read in place.
    Doc(Doc<'t>),
    /// Read by the parser that reports problems.
    Value(Value),
    /// Nothing: the text has a fatal syntax error.
    Unreadable,
}

impl<'t> ParsedPayload<'t> {
    /// Read `text` (decoded, BOM removed): plain JSON into a document, anything else through
    /// [`source::parse`], which reports what is wrong.
    pub(crate) fn read(text: &'t str, format: Format, limits: &Limits) -> Self {
        let doc = match format {
            Format::Json => Doc::parse(text, limits.max_depth),
            Format::Yaml => None,
        };
        let (form, problems) = if let Some(doc) = doc {
            (Form::Doc(doc), Vec::new())
        } else {
            let parsed = source::parse(text, format, limits);
            let form = parsed.value.map_or(Form::Unreadable, Form::Value);
            (form, parsed.problems)
        };
        ParsedPayload {
            text,
            format,
            limits: *limits,
            form,
            problems,
        }
    }

    /// The syntax problems and duplicate keys, in text order.
    pub(crate) fn problems(&self) -> &[SyntaxProblem] {
        &self.problems
    }

    /// The kind its content suggests (see [`kinds::DETECTION`]).
    pub(crate) fn detect(&self) -> Option<&'static Kind> {
        match &self.form {
            Form::Doc(doc) => kinds::detect_view(doc.root()),
            Form::Value(value) => kinds::detect_view(value),
            Form::Unreadable => None,
        }
    }

    /// Its findings as a payload of `kind`, or, without a kind, why it has none.
    pub(crate) fn findings(
        &self,
        kind: Option<&Kind>,
        context: Context,
        out: &mut Vec<Diagnostic>,
    ) {
        match &self.form {
            Form::Doc(doc) => findings(kind, doc.root(), context, out),
            Form::Value(value) => findings(kind, value, context, out),
            Form::Unreadable => {}
        }
    }

    /// Where the nodes at `pointers` and their ancestors are, and every secret value.
    pub(crate) fn spans<'p>(&self, pointers: impl IntoIterator<Item = &'p str>) -> SpanIndex {
        match &self.form {
            // From the document itself: no second walk of the text.
            Form::Doc(doc) => SpanIndex::build_for_doc(doc, pointers),
            Form::Value(_) | Form::Unreadable => {
                SpanIndex::build_for(self.text, self.format, &self.limits, pointers)
            }
        }
    }
}

/// The findings of a payload held as `V`.
fn findings<'v, V: Instance<'v>>(
    kind: Option<&Kind>,
    value: V,
    context: Context,
    out: &mut Vec<Diagnostic>,
) {
    match kind {
        Some(k) => out.extend(validate::validate(k, value, context)),
        None => out.push(
            legacy_api_version::find(value).unwrap_or_else(|| unknown_kind::diagnostic(value)),
        ),
    }
}
