//! One read-only view of a payload, whichever way it is held: `serde_json`'s [`Value`] (YAML,
//! the library's `validate_value`, and JSON that the fast reader leaves to `serde_json`), or a
//! [`NodeRef`] into a document read straight from JSON text (every other JSON file). The rules
//! are written once, against this trait.

use std::borrow::Cow;

use serde_json::Value;

use crate::source::doc::{Children, Members, NodeRef, Tag};

/// A JSON value to read.
pub(crate) trait View<'a>: Copy {
    /// The members of an object.
    type Members: Iterator<Item = (&'a str, Self)>;
    /// The items of an array.
    type Items: Iterator<Item = Self>;

    /// A string's content.
    fn as_str(self) -> Option<&'a str>;
    /// A boolean.
    fn as_bool(self) -> Option<bool>;
    /// Whether it is `null`.
    fn is_null(self) -> bool;
    /// The members of an object, in order; `None` for anything else.
    fn members(self) -> Option<Self::Members>;
    /// The items of an array; `None` for anything else.
    fn items(self) -> Option<Self::Items>;
    /// The member `key` of an object.
    fn get(self, key: &str) -> Option<Self>;
    /// The item at `i` of an array.
    fn item(self, i: usize) -> Option<Self>;
    /// The JSON type, as messages name it (see [`crate::text::type_name`]).
    fn type_name(self) -> &'static str;
    /// The value as `serde_json` holds it (borrowed where it is one already).
    fn to_value(self) -> Cow<'a, Value>;

    /// Whether it is an object.
    fn is_object(self) -> bool {
        self.members().is_some()
    }
    /// Whether it is a string.
    fn is_string(self) -> bool {
        self.as_str().is_some()
    }
    /// Whether it is an object that has the member `key`.
    fn has(self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'a> View<'a> for &'a Value {
    type Members = std::iter::Map<
        serde_json::map::Iter<'a>,
        fn((&'a String, &'a Value)) -> (&'a str, &'a Value),
    >;
    type Items = std::slice::Iter<'a, Value>;

    fn as_str(self) -> Option<&'a str> {
        Value::as_str(self)
    }
    fn as_bool(self) -> Option<bool> {
        Value::as_bool(self)
    }
    fn is_null(self) -> bool {
        Value::is_null(self)
    }
    fn members(self) -> Option<Self::Members> {
        let member: fn((&'a String, &'a Value)) -> (&'a str, &'a Value) = |(k, v)| (k.as_str(), v);
        self.as_object().map(|o| o.iter().map(member))
    }
    fn items(self) -> Option<Self::Items> {
        self.as_array().map(|a| a.iter())
    }
    fn get(self, key: &str) -> Option<Self> {
        self.as_object().and_then(|o| o.get(key))
    }
    fn item(self, i: usize) -> Option<Self> {
        self.as_array().and_then(|a| a.get(i))
    }
    fn type_name(self) -> &'static str {
        crate::text::type_name(self)
    }
    fn to_value(self) -> Cow<'a, Value> {
        Cow::Borrowed(self)
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

/// The node at a JSON Pointer (RFC 6901) in `root`.
pub(crate) fn at_pointer<'a, V: View<'a>>(root: V, pointer: &str) -> Option<V> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return None;
    }
    let mut node = root;
    for token in crate::source::tokens(pointer) {
        node = if node.items().is_some() {
            node.item(array_index(&token)?)?
        } else {
            node.get(&token)?
        };
    }
    Some(node)
}

/// An array index in a JSON Pointer: digits, without a leading zero.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() > 1) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::doc::Doc;

    /// Everything the view says about a value, read through the view, as one string.
    fn describe<'a, V: View<'a>>(v: V) -> String {
        let members = v.members().map(|m| {
            let inner: Vec<String> = m.map(|(k, m)| format!("{k:?}:{}", describe(m))).collect();
            inner.join(",")
        });
        let items = v
            .items()
            .map(|i| i.map(describe).collect::<Vec<_>>().join(","));
        format!(
            "{} {:?} {:?} {} {:?} {:?}",
            v.type_name(),
            v.as_str(),
            v.as_bool(),
            v.is_null(),
            members,
            items
        )
    }

    #[test]
    fn a_document_reads_as_its_value() {
        let text = r#"{"s": "a\u00e9", "n": [1, -2, 2.5, -0, 1e2], "b": [true, false, null], "o": {"k": {}}, "e": []}"#;
        let value: Value = serde_json::from_str(text).expect("JSON");
        let doc = Doc::parse(text, 128).expect("plain JSON");
        assert_eq!(describe(doc.root()), describe(&value));
        assert_eq!(View::to_value(doc.root()).into_owned(), value);
        for key in ["s", "n", "o", "missing"] {
            assert_eq!(
                doc.root().get(key).map(describe),
                View::get(&value, key).map(describe),
                "{key}"
            );
        }
        assert_eq!(
            View::get(doc.root().get("s").expect("s"), "x").map(describe),
            None
        );
    }

    #[test]
    fn pointers_find_what_serde_json_finds() {
        let text = r#"{"a/b": {"m~n": [10, {"k": "v"}]}, "": 1, "list": [0, 1, 2]}"#;
        let value: Value = serde_json::from_str(text).expect("JSON");
        let doc = Doc::parse(text, 128).expect("plain JSON");
        for pointer in [
            "",
            "/",
            "/a~1b",
            "/a~1b/m~0n",
            "/a~1b/m~0n/1/k",
            "/a~1b/m~0n/2",
            "/list/01",
            "/list/+1",
            "/list/2",
            "/list/-",
            "/missing",
            "/list/0/x",
            "a",
        ] {
            let expected = value.pointer(pointer).map(describe);
            assert_eq!(
                at_pointer(doc.root(), pointer).map(describe),
                expected,
                "{pointer}"
            );
            assert_eq!(
                at_pointer(&value, pointer).map(describe),
                expected,
                "{pointer}"
            );
        }
    }
}
