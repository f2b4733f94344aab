//! One read-only view of a payload, whichever way it is held: `serde_json`'s [`Value`] (YAML,
//! the library's `validate_value`, and JSON that the fast reader leaves to `serde_json`), or a
//! node of a document read straight from JSON text (`source::doc`, every other JSON file). The rules
//! are written once, against this trait.

use std::borrow::Cow;

use serde_json::Value;

use crate::pointer::{array_index, tokens};

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

/// The node at a JSON Pointer (RFC 6901) in `root`.
pub(crate) fn at_pointer<'a, V: View<'a>>(root: V, pointer: &str) -> Option<V> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return None;
    }
    let mut node = root;
    for token in tokens(pointer) {
        node = if node.items().is_some() {
            node.item(array_index(&token)?)?
        } else {
            node.get(&token)?
        };
    }
    Some(node)
}
