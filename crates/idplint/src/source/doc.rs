//! The fast reader of JSON text: a flat, read-only document, every node in one vector in text
//! order, its strings borrowed from the text (or, when they have escapes, from one side buffer).
//!
//! A clean file is checked on this document: no allocation per node, no hashing of keys, no
//! drop of a tree. The `jsonschema` crate validates it directly ([`Doc`] is one of its custom
//! instance representations, [`Tape`]), and the rules read it through [`crate::view::View`].
//!
//! It reads only plain, valid JSON: on anything else (a syntax error, a duplicate key, a lone
//! surrogate, a number out of range, nesting near the limit, an object too large to search for
//! duplicates) it returns `None`, and the caller takes [`super::parse`], the path that reports
//! what is wrong. Whatever it accepts, it reads as `serde_json` does (the tests hold it to that).

use std::borrow::Cow;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use jsonschema_value::LazyInstance;
use serde_json::{Number, Value};

/// A string of a document: a range of its text, or of its side buffer when it had escapes.
#[derive(Debug, Clone, Copy, Default)]
struct Str {
    start: u32,
    len: u32,
    /// In the side buffer (it had escapes) rather than the text.
    unescaped: bool,
}

/// The key of a member: its name, and where it is in the text, quotes included (`0..0` for a
/// node that is not a member).
#[derive(Debug, Clone, Copy, Default)]
struct Key {
    name: Str,
    at: u32,
    end: u32,
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Null,
    False,
    True,
    /// A number that `serde_json` holds as a `u64`.
    Unsigned,
    /// As an `i64` (negative).
    Signed,
    /// As an `f64`.
    Float,
    String,
    Array,
    Object,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    tag: Tag,
    /// For an array or object: how many items or members it has.
    count: u32,
    /// The index of the node after this one's subtree (its next sibling, if it has one).
    next: u32,
    /// The byte range of the value in the text.
    start: u32,
    end: u32,
    /// The key, for a member of an object.
    key: Key,
    /// A string's content.
    string: Str,
    /// A number's bits: `u64`, `i64` or `f64`, as `tag` says; for an array, where its items
    /// start in [`Doc`]'s `items`.
    bits: u64,
}

/// A parsed JSON document.
#[derive(Debug)]
pub(crate) struct Doc<'t> {
    text: &'t str,
    side: String,
    slots: Vec<Slot>,
    /// The items of every array, each array's in a run (its slot's `bits` say where the run
    /// starts): so that an item is found by its index at once, not by walking its siblings.
    items: Vec<u32>,
}

/// The deepest nesting `serde_json` reads (see `json.rs`).
const SERDE_JSON_MAX_DEPTH: usize = 127;

/// The most members of one object the reader takes: each new key is compared with those before
/// it, so a larger object (no payload has one) is left to the full parser.
const MAX_MEMBERS: u32 = 64;

impl<'t> Doc<'t> {
    /// Read `text`, nested at most `max_depth` levels, or `None` when it is anything but plain,
    /// valid JSON (see the module's documentation).
    pub(crate) fn parse(text: &'t str, max_depth: usize) -> Option<Doc<'t>> {
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

    /// Give back what was reserved for the nodes and not used: for a document kept for long.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.slots.shrink_to_fit();
        self.items.shrink_to_fit();
        self.side.shrink_to_fit();
    }

    /// The root node.
    pub(crate) fn root(&self) -> NodeRef<'_> {
        NodeRef { doc: self, i: 0 }
    }

    fn str(&self, s: Str) -> &str {
        s.of(self.text, &self.side)
    }
}

impl Str {
    /// The string, from a document's text or its side buffer.
    fn of<'s>(self, text: &'s str, side: &'s str) -> &'s str {
        let range = self.start as usize..(self.start + self.len) as usize;
        if self.unescaped {
            &side[range]
        } else {
            &text[range]
        }
    }
}

/// A node of a document: cheap to copy.
#[derive(Clone, Copy)]
pub(crate) struct NodeRef<'a> {
    doc: &'a Doc<'a>,
    i: u32,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text())
    }
}

impl<'a> NodeRef<'a> {
    fn slot(&self) -> &'a Slot {
        &self.doc.slots[self.i as usize]
    }

    /// What it is.
    pub(crate) fn tag(&self) -> Tag {
        self.slot().tag
    }

    /// Its text.
    pub(crate) fn text(&self) -> &'a str {
        let s = self.slot();
        &self.doc.text[s.start as usize..s.end as usize]
    }

    /// Its key, for a member of an object (empty otherwise).
    pub(crate) fn key(&self) -> &'a str {
        self.doc.str(self.slot().key.name)
    }

    /// Where its key is in the text, quotes included, for a member of an object.
    pub(crate) fn key_span(&self) -> Option<std::ops::Range<usize>> {
        let k = self.slot().key;
        (k.end > k.at).then_some(k.at as usize..k.end as usize)
    }

    /// Where it is in the text.
    pub(crate) fn span(&self) -> std::ops::Range<usize> {
        let s = self.slot();
        s.start as usize..s.end as usize
    }

    /// A string's content.
    pub(crate) fn as_str(&self) -> Option<&'a str> {
        let s = self.slot();
        (s.tag == Tag::String).then(|| self.doc.str(s.string))
    }

    /// A boolean.
    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self.tag() {
            Tag::True => Some(true),
            Tag::False => Some(false),
            _ => None,
        }
    }

    /// The items of an array or the members of an object, in text order (none for anything
    /// else).
    pub(crate) fn children(&self) -> Children<'a> {
        let s = self.slot();
        Children {
            doc: self.doc,
            next: self.i + 1,
            left: if matches!(s.tag, Tag::Array | Tag::Object) {
                s.count
            } else {
                0
            },
        }
    }

    /// The members of an object: key and value (none for anything else).
    pub(crate) fn members_of(&self) -> Members<'a> {
        Members(self.children())
    }

    /// The item at `i` of an array.
    pub(crate) fn item(&self, i: usize) -> Option<NodeRef<'a>> {
        let s = self.slot();
        if s.tag != Tag::Array || i >= s.count as usize {
            return None;
        }
        let at = usize::try_from(s.bits).ok()? + i;
        Some(NodeRef {
            doc: self.doc,
            i: *self.doc.items.get(at)?,
        })
    }

    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<NodeRef<'a>> {
        if self.tag() != Tag::Object {
            return None;
        }
        self.find(key)
    }

    /// The member `key` of an object: the lengths compared first, as most keys differ in it.
    fn find(&self, key: &str) -> Option<NodeRef<'a>> {
        let len = index(key.len());
        self.children()
            .find(|c| c.slot().key.name.len == len && c.key() == key)
    }

    /// How many items or members an array or object has.
    pub(crate) fn len(&self) -> usize {
        self.slot().count as usize
    }

    fn number(&self) -> Option<Number> {
        let s = self.slot();
        match s.tag {
            Tag::Unsigned => Some(s.bits.into()),
            Tag::Signed => Some(i64::from_ne_bytes(s.bits.to_ne_bytes()).into()),
            Tag::Float => Number::from_f64(f64::from_bits(s.bits)),
            _ => None,
        }
    }

    /// The value as `serde_json` reads it.
    pub(crate) fn to_value(self) -> Value {
        match self.tag() {
            Tag::Null => Value::Null,
            Tag::False => Value::Bool(false),
            Tag::True => Value::Bool(true),
            Tag::Unsigned | Tag::Signed | Tag::Float => {
                self.number().map_or(Value::Null, Value::Number)
            }
            Tag::String => Value::String(self.as_str().unwrap_or_default().to_owned()),
            Tag::Array => Value::Array(self.children().map(NodeRef::to_value).collect()),
            Tag::Object => Value::Object(
                self.children()
                    .map(|c| (c.key().to_owned(), c.to_value()))
                    .collect(),
            ),
        }
    }
}

/// The children of a node, in text order.
#[derive(Clone)]
pub(crate) struct Children<'a> {
    doc: &'a Doc<'a>,
    next: u32,
    left: u32,
}

impl<'a> Iterator for Children<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let node = NodeRef {
            doc: self.doc,
            i: self.next,
        };
        self.next = node.slot().next;
        Some(node)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Children<'_> {}

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
fn plain_run(bytes: &[u8]) -> Option<usize> {
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

/// A slot index: the reader refuses text of 4 GiB or more, so every index fits.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
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

// The document as an instance that the `jsonschema` crate validates.

/// [`Doc`] as one of `jsonschema`'s instance representations.
pub(crate) struct Tape;

impl Json for Tape {
    type Node<'a> = NodeRef<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = String;
    // A lookup scans the members; one pass over them is never dearer than two lookups.
    const KEYS_PER_LOOKUP: usize = 8;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut String,
        string: &str,
        f: impl FnOnce(NodeRef<'_>) -> T,
    ) -> T {
        // A document of one string node: its text is the string as JSON (which an error's
        // instance is read from), its content the string itself, in the side buffer.
        buffer.clear();
        buffer.push_str(&Value::from(string).to_string());
        let doc = Doc {
            text: buffer,
            items: Vec::new(),
            side: string.to_owned(),
            slots: vec![Slot {
                tag: Tag::String,
                count: 0,
                next: 1,
                start: 0,
                end: index(buffer.len()),
                key: Key::default(),
                string: Str {
                    start: 0,
                    len: index(string.len()),
                    unescaped: true,
                },
                bits: 0,
            }],
        };
        f(doc.root())
    }
}

/// A number of a document, for `jsonschema`.
#[derive(Debug, Clone)]
pub(crate) struct TapeNumber<'a>(Number, &'a str);

impl JsonNumber for TapeNumber<'_> {
    fn as_u64(&self) -> Option<u64> {
        self.0.as_u64()
    }
    fn as_i64(&self) -> Option<i64> {
        self.0.as_i64()
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.1)
    }
    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Borrowed(&self.0)
    }
}

impl<'a> Node<'a, Tape> for NodeRef<'a> {
    type Object = NodeRef<'a>;
    type Array = NodeRef<'a>;
    type Number = TapeNumber<'a>;

    fn as_object(&self) -> Option<NodeRef<'a>> {
        (self.tag() == Tag::Object).then_some(*self)
    }
    fn as_array(&self) -> Option<NodeRef<'a>> {
        (self.tag() == Tag::Array).then_some(*self)
    }
    fn as_string(&self) -> Option<Cow<'a, str>> {
        NodeRef::as_str(self).map(Cow::Borrowed)
    }
    fn as_number(&self) -> Option<TapeNumber<'a>> {
        self.number().map(|n| TapeNumber(n, self.text()))
    }
    fn as_boolean(&self) -> Option<bool> {
        NodeRef::as_bool(self)
    }
    fn is_null(&self) -> bool {
        self.tag() == Tag::Null
    }
    fn json_type(&self) -> JsonType {
        match self.tag() {
            Tag::Null => JsonType::Null,
            Tag::False | Tag::True => JsonType::Boolean,
            Tag::Unsigned | Tag::Signed | Tag::Float => JsonType::Number,
            Tag::String => JsonType::String,
            Tag::Array => JsonType::Array,
            Tag::Object => JsonType::Object,
        }
    }
    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(NodeRef::to_value(*self))
    }
    /// The instance of an error, built from the node's own text only when a finding reads it
    /// (most do not: an unknown key's does not need the whole object).
    fn lazy_value(&self) -> LazyInstance<'a> {
        LazyInstance::Deferred {
            bytes: self.text().as_bytes(),
            tag: 0,
            // The text was read as plain JSON, so serde_json reads it too, to the same value.
            make: |bytes, _| serde_json::from_slice(bytes).unwrap_or(Value::Null),
            cell: std::sync::OnceLock::new(),
        }
    }
    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref(self.doc) as usize,
            self.i,
        ))
    }
}

impl<'a> Object<'a, Tape> for NodeRef<'a> {
    type Node = NodeRef<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        NodeRef::len(self)
    }
    fn get(&self, key: &Box<str>) -> Option<NodeRef<'a>> {
        self.find(key)
    }
    fn members(&self) -> Members<'a> {
        self.members_of()
    }
}

/// The members of an object: key and value.
pub(crate) struct Members<'a>(Children<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, NodeRef<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|c| (c.key(), c))
    }
}

impl<'a> Array<'a, Tape> for NodeRef<'a> {
    type Node = NodeRef<'a>;
    type ElementsIter = Children<'a>;

    fn len(&self) -> usize {
        NodeRef::len(self)
    }
    fn elements(&self) -> Children<'a> {
        self.children()
    }
}

#[cfg(test)]
mod tests;
