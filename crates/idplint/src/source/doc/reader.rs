//! The reader: JSON text into a [`Doc`], one pass, an explicit stack of open containers.

use serde_json::Number;

use super::{Doc, Key, Slot, Str, Tag, index};

/// The deepest nesting `serde_json` reads (see `json.rs`).
const SERDE_JSON_MAX_DEPTH: usize = 127;

/// The most members of one object the reader takes: each new key is compared with those before
/// it, so a larger object (no payload has one) is left to the full parser.
const MAX_MEMBERS: u32 = 64;

/// Read `text` into a document (see [`Doc::parse`]).
pub(super) fn read(text: &str, max_depth: usize) -> Option<Doc<'_>> {
    if u32::try_from(text.len()).is_err() {
        return None;
    }
    let mut r = Reader {
        b: text.as_bytes(),
        text,
        pos: 0,
        side: String::new(),
        slots: Vec::with_capacity(text.len() / 24 + 4),
        open: Vec::new(),
        item_stack: Vec::new(),
        items: Vec::new(),
        // One level short of either limit: the full parser decides at the limit itself.
        max_depth: max_depth.min(SERDE_JSON_MAX_DEPTH).saturating_sub(1),
    };
    r.document()?;
    Some(Doc {
        text,
        side: r.side,
        slots: r.slots,
        items: r.items,
    })
}

struct Reader<'t> {
    b: &'t [u8],
    text: &'t str,
    pos: usize,
    side: String,
    slots: Vec<Slot>,
    /// The slots of the open containers, outermost first.
    open: Vec<u32>,
    /// The items read so far of every open array, innermost last.
    item_stack: Vec<u32>,
    /// The items of the arrays already closed (see [`Doc`]).
    items: Vec<u32>,
    max_depth: usize,
}

/// The bytes that end a plain run in a string: the closing quote, a backslash, and the control
/// characters that JSON does not allow there.
static STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = true;
        b += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

/// Where the first byte of `bytes` that ends a plain run in a string is. Eight bytes are tested
/// at once (with the classic tests for a zero byte and a byte below a bound), the last few one
/// by one: strings are short, and a vectorised search costs more to set up than this takes.
pub(super) fn plain_run(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(eight);
        let quote = zero(x ^ (ONES * u64::from(b'"')));
        let backslash = zero(x ^ (ONES * u64::from(b'\\')));
        let control = x.wrapping_sub(ONES * 0x20) & !x;
        let stops = (quote | backslash | control) & HIGHS;
        if stops != 0 {
            // The lowest flagged byte is a stop: a borrow can flag a byte above a stop (a
            // false one), never below it.
            return Some(i + (stops.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|b| STOPS[usize::from(*b)])
        .map(|at| i + at)
}

impl Reader<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn document(&mut self) -> Option<()> {
        self.ws();
        self.values()?;
        self.ws();
        (self.pos == self.b.len()).then_some(())
    }

    fn push(&mut self, tag: Tag, start: usize, key: Key) -> usize {
        let i = self.slots.len();
        self.slots.push(Slot {
            tag,
            count: 0,
            next: index(i + 1),
            start: index(start),
            end: index(self.pos),
            key,
            string: Str::default(),
            bits: 0,
        });
        i
    }

    /// Read the root value and everything in it, with an explicit stack of open containers.
    fn values(&mut self) -> Option<()> {
        let mut key = Key::default();
        loop {
            let start = self.pos;
            if self
                .open
                .last()
                .is_some_and(|&o| self.slots[o as usize].tag == Tag::Array)
            {
                self.item_stack.push(index(self.slots.len()));
            }
            match *self.b.get(self.pos)? {
                open @ (b'{' | b'[') => {
                    if self.open.len() >= self.max_depth {
                        return None;
                    }
                    let object = open == b'{';
                    self.pos += 1;
                    let tag = if object { Tag::Object } else { Tag::Array };
                    let i = self.push(tag, start, key);
                    self.open.push(index(i));
                    self.ws();
                    let close = if object { b'}' } else { b']' };
                    if self.b.get(self.pos) == Some(&close) {
                        self.pos += 1;
                        self.close();
                    } else {
                        key = if object {
                            self.member_key()?
                        } else {
                            Key::default()
                        };
                        continue;
                    }
                }
                b'"' => {
                    let s = self.string()?;
                    let i = self.push(Tag::String, start, key);
                    self.slots[i].string = s;
                }
                b't' => self.word(b"true", Tag::True, key)?,
                b'f' => self.word(b"false", Tag::False, key)?,
                b'n' => self.word(b"null", Tag::Null, key)?,
                b'-' | b'0'..=b'9' => self.number(key)?,
                _ => return None,
            }
            // After a value: a comma and the next one, or the end of containers.
            loop {
                let Some(&top) = self.open.last() else {
                    return Some(());
                };
                let container = &mut self.slots[top as usize];
                container.count += 1;
                let object = container.tag == Tag::Object;
                self.ws();
                match *self.b.get(self.pos)? {
                    b',' => {
                        self.pos += 1;
                        self.ws();
                        if object {
                            key = self.member_key()?;
                            if self.has_member(top, key) {
                                return None;
                            }
                        } else {
                            key = Key::default();
                        }
                        break;
                    }
                    b'}' if object => {
                        self.pos += 1;
                        self.close();
                    }
                    b']' if !object => {
                        self.pos += 1;
                        self.close();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// Whether the object at slot `top` already has a member named `key`; `true` (let the full
    /// parser read it) for an object with [`MAX_MEMBERS`].
    fn has_member(&self, top: u32, key: Key) -> bool {
        let count = self.slots[top as usize].count;
        if count >= MAX_MEMBERS {
            return true;
        }
        let name = self.str(key.name);
        let mut j = top + 1;
        for _ in 0..count {
            let slot = &self.slots[j as usize];
            // The lengths first: they are those of the strings themselves, escapes read.
            if slot.key.name.len == key.name.len && self.str(slot.key.name) == name {
                return true;
            }
            j = slot.next;
        }
        false
    }

    fn str(&self, s: Str) -> &str {
        s.of(self.text, &self.side)
    }

    /// Close the innermost container, whose closing bracket has been read.
    fn close(&mut self) {
        if let Some(i) = self.open.pop() {
            let next = index(self.slots.len());
            let end = index(self.pos);
            let first = self.items.len() as u64;
            let slot = &mut self.slots[i as usize];
            slot.end = end;
            slot.next = next;
            if slot.tag == Tag::Array {
                // Its items are the last of the stack: those of arrays inside it left at their
                // own end.
                let from = self.item_stack.len() - slot.count as usize;
                slot.bits = first;
                self.items.extend(self.item_stack.drain(from..));
            }
        }
    }

    /// `"key"` and `:`, leaving `pos` at the value after them.
    fn member_key(&mut self) -> Option<Key> {
        if self.b.get(self.pos) != Some(&b'"') {
            return None;
        }
        let at = index(self.pos);
        let key = Key {
            name: self.string()?,
            at,
            end: index(self.pos),
        };
        self.ws();
        if self.b.get(self.pos) != Some(&b':') {
            return None;
        }
        self.pos += 1;
        self.ws();
        Some(key)
    }

    fn word(&mut self, word: &[u8], tag: Tag, key: Key) -> Option<()> {
        if !self.b[self.pos..].starts_with(word) {
            return None;
        }
        let start = self.pos;
        self.pos += word.len();
        self.push(tag, start, key);
        Some(())
    }

    /// The string whose opening quote is at `pos`; `pos` ends after its closing quote.
    fn string(&mut self) -> Option<Str> {
        let start = self.pos + 1;
        let end = start + plain_run(self.b.get(start..)?)?;
        if self.b[end] != b'"' {
            return if self.b[end] == b'\\' {
                self.escaped(start, end)
            } else {
                None // a control character
            };
        }
        self.pos = end + 1;
        Some(Str {
            start: index(start),
            len: index(end - start),
            unescaped: false,
        })
    }

    /// The rest of a string that has escapes, from `i` (a backslash), copied into the side
    /// buffer unescaped.
    fn escaped(&mut self, start: usize, mut i: usize) -> Option<Str> {
        if self.side.capacity() == 0 {
            // What is left of the text bounds every string still to come, unescaped: the side
            // buffer is allocated once and never grows (up to 64 KiB; a larger one can grow).
            self.side.reserve((self.b.len() - start).min(1 << 16));
        }
        let from = self.side.len();
        let mut plain = start;
        loop {
            match *self.b.get(i)? {
                b'"' => {
                    self.side.push_str(&self.text[plain..i]);
                    self.pos = i + 1;
                    return Some(Str {
                        start: index(from),
                        len: index(self.side.len() - from),
                        unescaped: true,
                    });
                }
                b'\\' => {
                    self.side.push_str(&self.text[plain..i]);
                    let (c, len) = match *self.b.get(i + 1)? {
                        b'"' => ('"', 2),
                        b'\\' => ('\\', 2),
                        b'/' => ('/', 2),
                        b'b' => ('\u{8}', 2),
                        b'f' => ('\u{c}', 2),
                        b'n' => ('\n', 2),
                        b'r' => ('\r', 2),
                        b't' => ('\t', 2),
                        b'u' => self.unicode(i)?,
                        _ => return None,
                    };
                    self.side.push(c);
                    i += len;
                    plain = i;
                    // Straight to the next quote, backslash or control character (a PEM
                    // certificate is a kilobyte with a `\n` every 64 characters).
                    i += plain_run(self.b.get(i..)?)?;
                }
                // A control character: a plain run ends at nothing else.
                _ => return None,
            }
        }
    }

    /// The `\uXXXX` escape at `i`, with the low surrogate after it when it is a high one: the
    /// character and the length of the escape. A lone surrogate is left to the full parser.
    fn unicode(&self, i: usize) -> Option<(char, usize)> {
        let hex = |at: usize| -> Option<u32> {
            let digits = self.b.get(at..at + 4)?;
            digits
                .iter()
                .try_fold(0, |n, d| char::from(*d).to_digit(16).map(|d| n * 16 + d))
        };
        let first = hex(i + 2)?;
        match first {
            0xD800..=0xDBFF => {
                if self.b.get(i + 6..i + 8)? != b"\\u" {
                    return None;
                }
                let second = hex(i + 8)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                Some((char::from_u32(c)?, 12))
            }
            0xDC00..=0xDFFF => None,
            _ => Some((char::from_u32(first)?, 6)),
        }
    }

    fn number(&mut self, key: Key) -> Option<()> {
        let start = self.pos;
        let b = self.b;
        let digits = |mut i: usize| {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let mut i = start + usize::from(b[start] == b'-');
        match *b.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(i),
            _ => return None,
        }
        let whole = i;
        if b.get(i) == Some(&b'.') {
            if !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            i = digits(i + 1);
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            if !b.get(i).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            i = digits(i);
        }
        let text = &self.text[start..i];
        // The common case, a small non-negative integer, directly; anything else as
        // `serde_json` reads it (`-0` is a float there, a huge integer too, `1e400` an error).
        let plain = whole == i && b[start] != b'-' && text.len() <= 19;
        let (tag, bits) = match text.parse::<u64>() {
            Ok(u) if plain => (Tag::Unsigned, u),
            _ => {
                let n: Number = text.parse().ok()?;
                if let Some(u) = n.as_u64() {
                    (Tag::Unsigned, u)
                } else if let Some(s) = n.as_i64() {
                    (Tag::Signed, u64::from_ne_bytes(s.to_ne_bytes()))
                } else {
                    (Tag::Float, n.as_f64()?.to_bits())
                }
            }
        };
        self.pos = i;
        let slot = self.push(tag, start, key);
        self.slots[slot].bits = bits;
        Some(())
    }
}
