//! The document as one of `jsonschema`'s instance representations: what lets the same
//! validators check a [`Doc`] as they check `serde_json`'s value, without building one.

use std::borrow::Cow;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use jsonschema_value::LazyInstance;
use serde_json::{Number, Value};

use super::{Children, Doc, Key, Members, NodeRef, Slot, Str, Tag, index};

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
