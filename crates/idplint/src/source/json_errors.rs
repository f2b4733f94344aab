//! Turning a `serde_json` error into a [`SyntaxProblem`] in idplint's words, with a byte span.

use super::{LineIndex, Span, SyntaxProblem, SyntaxProblemKind};

/// The problem for a `serde_json` error on `text` (nesting errors are handled by the caller).
pub(super) fn syntax_problem(text: &str, err: &serde_json::Error) -> SyntaxProblem {
    let (span, message) = describe(text, err);
    invalid(span, message)
}

/// An [`SyntaxProblemKind::InvalidSyntax`] problem.
pub(super) fn invalid(span: Span, message: String) -> SyntaxProblem {
    SyntaxProblem {
        kind: SyntaxProblemKind::InvalidSyntax,
        span,
        pointer: String::new(),
        message,
        first: None,
    }
}

/// The byte offset `serde_json`'s error points at. Its line is 1-based; its column is 1-based and
/// counts bytes (0 when the error is at the very start of a line).
pub(super) fn error_offset(text: &str, err: &serde_json::Error) -> usize {
    if err.line() == 0 {
        return 0;
    }
    let lines = LineIndex::new(text);
    let mut offset = lines
        .line_start(err.line() - 1)
        .saturating_add(err.column().saturating_sub(1))
        .min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `serde_json`'s message without its " at line L column C" suffix.
pub(super) fn bare_message(err: &serde_json::Error) -> String {
    let mut message = err.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    message
}

fn describe(text: &str, err: &serde_json::Error) -> (Span, String) {
    if err.classify() == serde_json::error::Category::Eof {
        let end = text.len();
        return (
            end..end,
            "unexpected end of file: the JSON is truncated".to_owned(),
        );
    }
    let offset = error_offset(text, err);
    let rest = text.get(offset..).unwrap_or_default();
    if rest.starts_with("//") || rest.starts_with("/*") {
        return (
            offset..offset + 2,
            "comments are not allowed in JSON".to_owned(),
        );
    }
    let code = bare_message(err);
    let one = char_span(text, offset);
    let found = found(text, offset);
    let message = match code.as_str() {
        "trailing comma" => {
            let before = text.get(..offset).unwrap_or_default();
            let trimmed = before.trim_end_matches([' ', '\t', '\n', '\r']);
            let span = if trimmed.ends_with(',') {
                trimmed.len() - 1..trimmed.len()
            } else {
                one
            };
            return (
                span,
                "trailing comma: JSON does not allow a comma before `}` or `]`".to_owned(),
            );
        }
        "number out of range" | "invalid number" | "expected ident" => {
            return token_problem(text, offset, &code);
        }
        "lone leading surrogate in hex escape"
        | "unexpected end of hex escape"
        | "invalid unicode code point"
        | "invalid escape" => return escape_problem(text, offset, one),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            return control_problem(text, offset);
        }
        "expected value" | "key must be a string" if rest.starts_with('\'') => {
            "strings must be in double quotes (`\"`), not single quotes".to_owned()
        }
        "expected value" if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            return token_problem(text, offset, &code);
        }
        _ if rest.starts_with('#') => "comments are not allowed in JSON".to_owned(),
        "expected value" => format!("expected a value, found {found}"),
        "key must be a string" => {
            format!("object keys must be strings in double quotes, found {found}")
        }
        "expected `:`" => format!("expected `:` after the object key, found {found}"),
        "expected `,` or `]`" => format!("expected `,` or `]` after an array item, found {found}"),
        "expected `,` or `}`" => {
            format!("expected `,` or `}}` after an object member, found {found}")
        }
        "trailing characters" => "unexpected text after the end of the JSON value".to_owned(),
        _ => code,
    };
    (one, message)
}

/// A raw control character in a string. serde_json reports the position after it, so look
/// back for it. A line break there most often means the string was never closed.
fn control_problem(text: &str, offset: usize) -> (Span, String) {
    let end = (offset + 1).min(text.len());
    let end = (0..=end)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let Some((at, c)) = text[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| u32::from(*c) < 0x20)
    else {
        return (
            char_span(text, offset),
            "control character in a string".to_owned(),
        );
    };
    let escape = match c {
        '\n' => "\\n".to_owned(),
        '\r' => "\\r".to_owned(),
        '\t' => "\\t".to_owned(),
        c => format!("\\u{:04x}", u32::from(c)),
    };
    let message = if c == '\n' || c == '\r' {
        format!(
            "line break in a string: the string is not closed, or the break must be written `{escape}`"
        )
    } else {
        format!(
            "control character U+{:04X} in a string: write it as `{escape}`",
            u32::from(c)
        )
    };
    (at..at + c.len_utf8(), message)
}

/// A problem about a whole token (a number or a word) rather than one character.
fn token_problem(text: &str, offset: usize, code: &str) -> (Span, String) {
    if code == "number out of range" || code == "invalid number" {
        let span = token_around(text, offset, is_number_byte);
        let token = text.get(span.clone()).unwrap_or_default();
        let message = if code == "invalid number" {
            format!("invalid number `{token}`")
        } else {
            format!("number out of range: `{token}` does not fit in a 64-bit float")
        };
        return (span, message);
    }
    let span = token_around(text, offset, |b| b.is_ascii_alphanumeric());
    let token = text.get(span.clone()).unwrap_or_default();
    let literals = "JSON literals are `true`, `false` and `null`";
    let message = if code == "expected ident" {
        format!("invalid literal `{token}`: {literals}")
    } else if ["true", "false", "null"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(token))
    {
        format!("expected a value, found `{token}` ({literals})")
    } else {
        format!("expected a value, found `{token}`")
    };
    (span, message)
}

/// A string escape problem: a lone surrogate when the error follows one, else the escape.
fn escape_problem(text: &str, offset: usize, one: Span) -> (Span, String) {
    let bytes = text.as_bytes();
    // The escape the error is about starts at most 12 bytes back (`\ud800\u0041`).
    let from = offset.saturating_sub(12);
    let mut last_escape = None;
    let mut i = from;
    while i <= offset {
        if bytes.get(i) == Some(&b'\\') {
            last_escape = Some(i);
            if let Some(code) = text
                .get(i + 2..i + 6)
                .filter(|_| bytes.get(i + 1) == Some(&b'u'))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .filter(|code| (0xD800..=0xDFFF).contains(code))
            {
                let escape = text.get(i..i + 6).unwrap_or_default();
                let followed_by_low = text
                    .get(i + 6..i + 12)
                    .filter(|next| next.starts_with("\\u"))
                    .and_then(|next| u32::from_str_radix(next.get(2..)?, 16).ok())
                    .is_some_and(|low| (0xDC00..=0xDFFF).contains(&low));
                if !(0xD800..=0xDBFF).contains(&code) || !followed_by_low {
                    return (
                        i..i + 6,
                        format!("invalid string escape: lone surrogate `{escape}`"),
                    );
                }
                i += 12;
                continue;
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    match last_escape {
        Some(start) if start < offset => {
            let end = one.end.max(start + 2).min(text.len());
            let escape = text.get(start..end).unwrap_or_default();
            (
                start..end,
                format!(
                    "invalid string escape `{escape}`: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
                ),
            )
        }
        _ => (one, "invalid string escape".to_owned()),
    }
}

/// The character at `offset` as a span (empty at the end of the text).
pub(super) fn char_span(text: &str, offset: usize) -> Span {
    let len = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    offset..offset + len
}

/// How to name the character at `offset` in a message.
fn found(text: &str, offset: usize) -> String {
    match text.get(offset..).and_then(|rest| rest.chars().next()) {
        None => "the end of the file".to_owned(),
        Some(c) => format!("`{}`", c.escape_debug()),
    }
}

fn is_number_byte(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
}

/// The run of bytes accepted by `part` that contains `offset` or ends just before it; the
/// character at `offset` when there is none.
fn token_around(text: &str, offset: usize, part: impl Fn(u8) -> bool) -> Span {
    let bytes = text.as_bytes();
    let mut start = offset.min(bytes.len());
    while start > 0 && bytes.get(start - 1).is_some_and(|&b| part(b)) {
        start -= 1;
    }
    let mut end = offset.min(bytes.len());
    while bytes.get(end).is_some_and(|&b| part(b)) {
        end += 1;
    }
    if start == end {
        char_span(text, offset)
    } else {
        start..end
    }
}
