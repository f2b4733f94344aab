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

mod reader;
mod tape;

use std::borrow::Cow;

use serde_json::{Number, Value};

pub(crate) use tape::Tape;

use crate::view::View;

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

impl<'t> Doc<'t> {
    /// Read `text`, nested at most `max_depth` levels, or `None` when it is anything but plain,
    /// valid JSON (see the module's documentation).
    pub(crate) fn parse(text: &'t str, max_depth: usize) -> Option<Doc<'t>> {
        reader::read(text, max_depth)
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

/// A slot index: the reader refuses text of 4 GiB or more, so every index fits.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The members of an object: key and value.
pub(crate) struct Members<'a>(Children<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, NodeRef<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|c| (c.key(), c))
    }
}

impl<'a> View<'a> for NodeRef<'a> {
    type Members = Members<'a>;
    type Items = Children<'a>;

    fn as_str(self) -> Option<&'a str> {
        NodeRef::as_str(&self)
    }
    fn as_bool(self) -> Option<bool> {
        NodeRef::as_bool(&self)
    }
    fn is_null(self) -> bool {
        self.tag() == Tag::Null
    }
    fn members(self) -> Option<Self::Members> {
        (self.tag() == Tag::Object).then(|| self.members_of())
    }
    fn items(self) -> Option<Self::Items> {
        (self.tag() == Tag::Array).then(|| self.children())
    }
    fn get(self, key: &str) -> Option<Self> {
        NodeRef::get(&self, key)
    }
    fn item(self, i: usize) -> Option<Self> {
        NodeRef::item(&self, i)
    }
    fn type_name(self) -> &'static str {
        match self.tag() {
            Tag::Null => "null",
            Tag::False | Tag::True => "boolean",
            Tag::Float => "number",
            Tag::Unsigned | Tag::Signed => "integer",
            Tag::String => "string",
            Tag::Array => "array",
            Tag::Object => "object",
        }
    }
    fn to_value(self) -> Cow<'a, Value> {
        Cow::Owned(NodeRef::to_value(self))
    }
}

#[cfg(test)]
mod tests;
