//! Checking a payload file: decode, parse, choose the kind, validate, locate.

use std::sync::Arc;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Origin};
use crate::kinds::Kind;
use crate::parsed::ParsedPayload;
use crate::pointer::Span;
use crate::rules::{duplicate_key, invalid_syntax};
use crate::source::{Format, Limits, SpanIndex, SyntaxProblemKind};

/// How to check a file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The kind of the payload; detected from the content when `None`.
    pub kind: Option<&'static Kind>,
    /// The context of an update body.
    pub context: Context,
    /// Parser limits.
    pub limits: Limits,
}

/// The text of a checked file, once decoded.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The file name as given (used in reports).
    pub name: String,
    /// The text, BOM removed; every span is a byte range in it.
    pub text: Arc<str>,
    /// Its syntax.
    pub format: Format,
}

/// The findings of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The source, when it could be decoded.
    pub source: SourceText,
    /// The kind it was checked as.
    pub kind: Option<&'static Kind>,
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the nodes that the findings point at are, and every secret value, when the file has
    /// findings (built once, reused to render them).
    pub spans: Option<SpanIndex>,
}

impl FileReport {
    /// The number of findings of each severity: `(errors, warnings)`.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, self.diagnostics.len() - errors)
    }
}

/// Decode the bytes of a payload file: UTF-8, with an optional BOM. UTF-16 and other encodings
/// are reported.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    const REENCODE: Option<&str> = Some("re-encode it as UTF-8");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if utf16(bytes).is_some() {
        let message = "the file is UTF-16; idplint reads UTF-8";
        return Err(Box::new(syntax_error(0..0, message, REENCODE)));
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        let message = "the file contains a NUL byte: payload files are text";
        return Err(Box::new(syntax_error(
            at..at + 1,
            message,
            Some("remove it"),
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let len = e.error_len().unwrap_or(bytes.len() - at);
        Box::new(syntax_error(
            at..at + len,
            "the file is not valid UTF-8",
            REENCODE,
        ))
    })
}

/// Whether the bytes look like UTF-16: a byte order mark, or ASCII with every other byte zero.
/// `Some(true)` for big-endian.
fn utf16(bytes: &[u8]) -> Option<bool> {
    let zeros = |a: usize, b: usize| bytes.len() >= 4 && bytes[a] == 0 && bytes[b] == 0;
    let non_zero = |a: usize, b: usize| bytes.len() >= 4 && bytes[a] != 0 && bytes[b] != 0;
    if bytes.starts_with(b"\xFF\xFE") || (zeros(1, 3) && non_zero(0, 2)) {
        Some(false)
    } else if bytes.starts_with(b"\xFE\xFF") || (zeros(0, 2) && non_zero(1, 3)) {
        Some(true)
    } else {
        None
    }
}

/// The text to show for a file that does not decode: UTF-16 decoded as such (so that secrets
/// in it are recognised and masked like anywhere else), anything else as far as it is UTF-8.
fn shown_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(big_endian) = utf16(bytes) else {
        return String::from_utf8_lossy(bytes).into_owned();
    };
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()
}

fn syntax_error(span: Span, message: &str, help: Option<&str>) -> Diagnostic {
    let d = Diagnostic::new(&invalid_syntax::RULE, "", message)
        .with_span(span)
        .with_origin(Origin::Syntax)
        .with_label("here");
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// Check the contents of one file.
pub fn check_bytes(name: &str, bytes: &[u8], format: Format, options: &Options) -> FileReport {
    check_bytes_with(name, bytes, format, options, |_| {})
}

/// [`check_bytes`], with `select` applied to the findings before they are located and sorted:
/// it may drop findings or re-grade them (a caller's rule selection), and only those it keeps are
/// looked up in the text.
pub fn check_bytes_with(
    name: &str,
    bytes: &[u8],
    format: Format,
    options: &Options,
    select: impl FnOnce(&mut Vec<Diagnostic>),
) -> FileReport {
    match decode(bytes) {
        Ok(text) => check_text_with(name, text, format, options, select),
        Err(d) => {
            // Show the text as far as it decodes, so that the snippet has something to point at.
            let shown = shown_text(bytes);
            let mut d = *d;
            d.span = d.span.map(|s| char_bounds(&shown, s));
            let mut diagnostics = vec![d];
            select(&mut diagnostics);
            FileReport {
                source: SourceText {
                    name: name.to_owned(),
                    text: shown.into(),
                    format,
                },
                kind: options.kind,
                diagnostics,
                spans: None,
            }
        }
    }
}

/// Where a finding points: the key of its node when it is about the key (an unknown key, a
/// missing field), otherwise the value. A node without a key (the root, an array item) is
/// pointed at by its first character: the opening brace rather than the whole object.
fn locate(text: &str, index: &SpanIndex, pointer: &str, at_key: bool) -> Span {
    match index.get(pointer) {
        Some(n) => match (&n.key, at_key) {
            (Some(k), true) => k.clone(),
            (None, true) => {
                let first = text.get(n.value.start..).and_then(|t| t.chars().next());
                n.value.start..n.value.start + first.map_or(0, char::len_utf8)
            }
            _ => n.value.clone(),
        },
        None => index.locate(pointer, at_key).unwrap_or(0..0),
    }
}

/// `span` within `text`, widened to whole characters (the shown text of an undecodable file has
/// replacement characters where the bytes were).
fn char_bounds(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Check payload text (already decoded, BOM removed).
pub fn check_text(name: &str, text: &str, format: Format, options: &Options) -> FileReport {
    check_text_with(name, text, format, options, |_| {})
}

/// [`check_text`], with `select` applied to the findings before they are located and sorted
/// (see [`check_bytes_with`]).
pub fn check_text_with(
    name: &str,
    text: &str,
    format: Format,
    options: &Options,
    select: impl FnOnce(&mut Vec<Diagnostic>),
) -> FileReport {
    let payload = ParsedPayload::read(text, format, &options.limits);
    let mut diagnostics: Vec<Diagnostic> = payload
        .problems()
        .iter()
        .map(|p| match p.kind {
            SyntaxProblemKind::DuplicateKey => duplicate_key::diagnostic(p),
            SyntaxProblemKind::InvalidSyntax => syntax_error(p.span.clone(), &p.message, None),
        })
        .collect();
    let kind = options.kind.or_else(|| payload.detect());
    payload.findings(kind, options.context, &mut diagnostics);
    select(&mut diagnostics);
    let spans = (!diagnostics.is_empty()).then(|| {
        let unlocated = diagnostics.iter().filter(|d| d.span.is_none());
        payload.spans(unlocated.map(|d| d.pointer.as_str()))
    });
    if let Some(index) = &spans {
        for d in diagnostics.iter_mut().filter(|d| d.span.is_none()) {
            d.span = Some(locate(text, index, &d.pointer, d.at_key));
        }
    }
    diagnostics.sort_by(|a, b| {
        let (sa, sb) = (
            a.span.clone().unwrap_or_default(),
            b.span.clone().unwrap_or_default(),
        );
        (sa.start, sa.end, a.rule.code).cmp(&(sb.start, sb.end, b.rule.code))
    });
    FileReport {
        source: SourceText {
            name: name.to_owned(),
            text: text.into(),
            format,
        },
        kind,
        diagnostics,
        spans,
    }
}
