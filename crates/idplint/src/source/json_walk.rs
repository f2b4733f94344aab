//! One iterative scanner over JSON text: node spans, duplicate keys and nesting depth.
//!
//! It runs only on text that `serde_json` has read (or has read up to an error), so it checks
//! little: on anything it does not expect it stops and returns what it has. It never recurses
//! (an explicit stack of open containers) and never indexes out of bounds.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{NodeSpans, Recorder, Span, SyntaxProblem, push_index, push_token};
use crate::secrets::is_secret_key;

/// What a walk is asked to collect.
#[derive(Debug, Clone, Copy)]
pub(super) struct Want {
    /// Record the spans of every node.
    pub spans: bool,
    /// Report duplicate keys.
    pub duplicates: bool,
}

/// What a walk found.
pub(super) struct Walk<'w> {
    /// Node spans by JSON Pointer, and secret values (empty unless asked for).
    pub spans: Recorder<'w>,
    /// One problem per repeated key, in text order (empty unless asked for).
    pub duplicates: Vec<SyntaxProblem>,
    /// The offset of the first `{` or `[` that opens a container deeper than the limit.
    pub too_deep: Option<usize>,
}

/// An open object or array.
struct Frame {
    /// For an object, the keys seen so far (when duplicates are wanted) with their spans;
    /// `None` for an array.
    keys: Option<HashMap<String, Span>>,
    /// For an array, the index of the current item.
    index: usize,
    /// Whether this is an object.
    object: bool,
    /// The offset of the opening bracket.
    start: usize,
    /// The length of the container's own JSON Pointer.
    ptr_len: usize,
    /// The container's key in its parent object.
    key: Option<Span>,
    /// Whether the container is, or is inside, a secret field.
    secret: bool,
}

/// Walk `text` with an explicit stack, stopping at containers nested deeper than `max_depth`.
/// Spans, when wanted, go to `recorder`.
pub(super) fn walk<'w>(
    text: &str,
    max_depth: usize,
    want: Want,
    recorder: Recorder<'w>,
) -> Walk<'w> {
    let mut walker = Walker {
        text,
        bytes: text.as_bytes(),
        pointer: String::new(),
        stack: Vec::new(),
        key: None,
        key_secret: false,
        want,
        out: Walk {
            spans: recorder,
            duplicates: Vec::new(),
            too_deep: None,
        },
    };
    walker.run(max_depth);
    walker.out
}

struct Walker<'t, 'w> {
    text: &'t str,
    bytes: &'t [u8],
    /// The JSON Pointer of the node being read.
    pointer: String,
    stack: Vec<Frame>,
    /// The key of the node about to be read.
    key: Option<Span>,
    /// Whether that key names a secret (false for an array item).
    key_secret: bool,
    want: Want,
    out: Walk<'w>,
}

impl Walker<'_, '_> {
    /// Whether the node about to be read is, or is inside, a secret field.
    fn secret(&self) -> bool {
        self.key_secret || self.stack.last().is_some_and(|f| f.secret)
    }

    fn run(&mut self, max_depth: usize) -> Option<()> {
        let mut pos = self.skip_ws(0);
        loop {
            // Read one value at `pos`; the pointer and key are set for it.
            match self.bytes.get(pos)? {
                &open @ (b'{' | b'[') => {
                    if self.stack.len() >= max_depth {
                        self.out.too_deep = Some(pos);
                        return None;
                    }
                    let object = open == b'{';
                    let secret = self.secret();
                    self.stack.push(Frame {
                        keys: (object && self.want.duplicates).then(HashMap::new),
                        index: 0,
                        object,
                        start: pos,
                        ptr_len: self.pointer.len(),
                        key: self.key.take(),
                        secret,
                    });
                    self.key_secret = false;
                    pos = self.skip_ws(pos + 1);
                    let close = if object { b'}' } else { b']' };
                    if self.bytes.get(pos) != Some(&close) {
                        pos = if object {
                            self.member(pos)?
                        } else {
                            self.pointer.push_str("/0");
                            pos
                        };
                        continue;
                    }
                }
                b'"' => {
                    let end = self.string_end(pos)?;
                    self.record(pos..end, self.secret());
                    pos = end;
                }
                _ => {
                    let len = self.bytes.get(pos..)?.iter().position(|&b| {
                        matches!(
                            b,
                            b',' | b']'
                                | b'}'
                                | b':'
                                | b'"'
                                | b'['
                                | b'{'
                                | b' '
                                | b'\t'
                                | b'\n'
                                | b'\r'
                        )
                    });
                    let end = len.map_or(self.bytes.len(), |len| pos + len);
                    if end == pos {
                        return None;
                    }
                    self.record(pos..end, self.secret());
                    pos = end;
                }
            }
            // After a value: close containers until the next value.
            loop {
                let top = self.stack.last_mut()?;
                pos = skip_ws(self.bytes, pos);
                match (self.bytes.get(pos)?, top.object) {
                    (b',', false) => {
                        top.index += 1;
                        self.pointer.truncate(top.ptr_len);
                        push_index(&mut self.pointer, top.index);
                        pos = self.skip_ws(pos + 1);
                        break;
                    }
                    (b',', true) => {
                        pos = self.skip_ws(pos + 1);
                        pos = self.member(pos)?;
                        break;
                    }
                    (b']', false) | (b'}', true) => {
                        let frame = self.stack.pop()?;
                        self.pointer.truncate(frame.ptr_len);
                        self.key = frame.key;
                        self.record(frame.start..pos + 1, frame.secret);
                        self.key_secret = false;
                        pos += 1;
                    }
                    _ => return None,
                }
            }
        }
    }

    fn skip_ws(&self, pos: usize) -> usize {
        skip_ws(self.bytes, pos)
    }

    /// Read `"key" :` at `pos` in the innermost object; set the pointer and key for its value.
    fn member(&mut self, pos: usize) -> Option<usize> {
        if self.bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let end = self.string_end(pos)?;
        let name = decode_string(self.text.get(pos + 1..end - 1)?);
        let span = pos..end;
        let frame = self.stack.last_mut()?;
        self.pointer.truncate(frame.ptr_len);
        push_token(&mut self.pointer, &name);
        if self.want.spans {
            self.key_secret = is_secret_key(&name);
        }
        if let Some(keys) = &mut frame.keys {
            if let Some(first) = keys.get(name.as_ref()) {
                let problem = SyntaxProblem::duplicate_key(
                    &name,
                    self.pointer.clone(),
                    span.clone(),
                    first.clone(),
                );
                self.out.duplicates.push(problem);
            } else {
                keys.insert(name.into_owned(), span.clone());
            }
        }
        self.key = Some(span);
        let colon = skip_ws(self.bytes, end);
        if self.bytes.get(colon) != Some(&b':') {
            return None;
        }
        Some(skip_ws(self.bytes, colon + 1))
    }

    /// The offset just past the closing quote of the string that starts at `pos`.
    fn string_end(&self, pos: usize) -> Option<usize> {
        let mut i = pos + 1;
        loop {
            let rest = self.bytes.get(i..)?;
            let found = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            i += found;
            if self.bytes.get(i) == Some(&b'"') {
                return Some(i + 1);
            }
            i += 2;
        }
    }

    fn record(&mut self, value: Span, secret: bool) {
        let key = self.key.take();
        if self.want.spans {
            self.out
                .spans
                .record(&self.pointer, secret, NodeSpans { key, value });
        }
    }
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// Decode the escapes of a JSON string's content (without its quotes). Invalid escapes and lone
/// surrogates, which `serde_json` rejects anyway, become U+FFFD.
pub(super) fn decode_string(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => match hex4(&mut chars) {
                Some(high @ 0xD800..=0xDBFF) => {
                    let mut ahead = chars.clone();
                    let low = match (ahead.next(), ahead.next()) {
                        (Some('\\'), Some('u')) => hex4(&mut ahead),
                        _ => None,
                    };
                    match low {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            chars = ahead;
                            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => '\u{FFFD}',
                    }
                }
                Some(code) => char::from_u32(code).unwrap_or('\u{FFFD}'),
                None => '\u{FFFD}',
            },
            Some(other) => other, // `"`, `\`, `/` (and anything else, leniently)
            None => '\u{FFFD}',
        };
        out.push(decoded);
    }
    Cow::Owned(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut code = 0;
    for _ in 0..4 {
        code = code * 16 + chars.next()?.to_digit(16)?;
    }
    Some(code)
}
