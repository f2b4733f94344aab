//! What the GenAuth connection rules share (not a rule): where a connection's `fields` are, and
//! what the sources document for its type.

use crate::payload::genauth::fields::{self, TypeFields};
use crate::view::View;

/// The `fields` of a connection.
pub(crate) struct Fields<'v, V> {
    /// The object.
    pub(crate) map: V,
    /// The JSON Pointer of the connection (`""`, or `/data` in an envelope).
    pub(crate) conn: &'static str,
    /// The connection's `type`, if it has one.
    pub(crate) kind: Option<&'v str>,
    /// What the sources document for that type, if anything.
    pub(crate) known: Option<&'static TypeFields>,
}

impl<V> Fields<'_, V> {
    /// The JSON Pointer of the `fields`, written only for a finding.
    pub(crate) fn pointer(&self) -> String {
        format!("{}/fields", self.conn)
    }

    /// The pointer of the key `name` of the `fields`.
    pub(crate) fn at(&self, name: &str) -> String {
        let mut at = self.pointer();
        crate::pointer::push_token(&mut at, name);
        at
    }
}

/// The `fields` of the connection at the root of `value`, or in its `data` (a response
/// envelope), when it has an object there.
pub(crate) fn fields<'v, V: View<'v>>(value: V) -> Option<Fields<'v, V>> {
    let (conn, at) = match value.get("data") {
        Some(data) if data.is_object() => (data, "/data"),
        _ => (value, ""),
    };
    let map = conn.get("fields").filter(|f| f.is_object())?;
    let kind = conn.get("type").and_then(View::as_str);
    Some(Fields {
        map,
        conn: at,
        kind,
        known: kind.and_then(fields::for_type),
    })
}
