use super::{Check, Step};
use crate::diagnostic::{Diagnostic, Origin};
use crate::pointer::Span;

declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid JSON or YAML, or not UTF-8 text: a truncated document,
    /// a trailing comma, a comment in a `.json` file, a number too large for a 64-bit float, a
    /// lone surrogate escape, nesting deeper than the limit, a YAML alias bomb, an empty file.
    ///
    /// ## Why is this bad?
    /// The API parses the body as JSON and rejects it outright; nothing else in the file can be
    /// checked until it parses.
    ///
    /// ## Example
    /// ```json
    /// { "name": "acme", "strategy": "okta", }
    /// ```
    ///
    /// ## Use instead
    /// ```json fragment
    /// { "name": "acme", "strategy": "okta" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP001",
        name: "invalid-syntax",
        default: Error,
        summary: "not valid JSON or YAML, or not UTF-8",
        in_schema: false,
        check: Check::Step(Step::Read),
    }
}

const REENCODE: &str = "re-encode it as UTF-8";

/// A problem the parser found, in its own words.
pub(crate) fn diagnostic(span: Span, message: &str) -> Diagnostic {
    base(span, message)
}

/// The file is UTF-16.
pub(crate) fn utf16() -> Diagnostic {
    base(0..0, "the file is UTF-16; idplint reads UTF-8").with_help(REENCODE)
}

/// The file has a NUL byte at `at`.
pub(crate) fn nul_byte(at: usize) -> Diagnostic {
    base(
        at..at + 1,
        "the file contains a NUL byte: payload files are text",
    )
    .with_help("remove it")
}

/// The bytes at `span` are not UTF-8.
pub(crate) fn not_utf8(span: Span) -> Diagnostic {
    base(span, "the file is not valid UTF-8").with_help(REENCODE)
}

fn base(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(&RULE, "", message)
        .with_span(span)
        .with_origin(Origin::Syntax)
        .with_label("here")
}
