//! The `fields` of a GenAuth connection, against what the sources document for its type.

use crate::diagnostic::Diagnostic;
use crate::payload::genauth::fields::{self, Shape, TypeFields};
use crate::pointer::push_token;
use crate::rules::{invalid_connection_field, missing_connection_field, unknown_connection_field};
use crate::secrets::is_reference;
use crate::text::{nearest_within, one_of};
use crate::view::View;

/// How close an unknown key must be to a documented one to be called a misspelling, where the
/// type's keys are not all known. Stricter than for unknown fields, to keep false alarms rare.
const MISSPELLING: f64 = 0.9;

/// Check the `fields` of the connection at the root of `value`, or in its `data` (a response
/// envelope). `create`: a new connection, whose `fields` must hold what its type needs.
pub(crate) fn check<'v, V: View<'v>>(value: V, create: bool, out: &mut Vec<Diagnostic>) {
    let (conn, at) = match value.get("data") {
        Some(data) if data.is_object() => (data, "/data"),
        _ => (value, ""),
    };
    let Some(map) = conn.get("fields").filter(|f| f.is_object()) else {
        return;
    };
    let pointer = format!("{at}/fields");
    let kind = conn.get("type").and_then(View::as_str);
    let known = kind.and_then(fields::for_type);
    keys(map, &pointer, kind, known, out);
    if let Some(known) = known {
        if create {
            needed(map, &pointer, kind.unwrap_or_default(), known, out);
        }
        if map.has("clientId") && map.has("clientID") {
            out.push(invalid_connection_field::both(
                &pointer, "clientId", "clientID",
            ));
        }
    }
}

fn keys<'v, V: View<'v>>(
    map: V,
    pointer: &str,
    kind: Option<&str>,
    known: Option<&TypeFields>,
    out: &mut Vec<Diagnostic>,
) {
    let all = || fields::all_keys().map(|k| k.name);
    // The pointer of a field, written only for a finding.
    let at = |name: &str| {
        let mut at = pointer.to_owned();
        push_token(&mut at, name);
        at
    };
    for (name, value) in map.members().into_iter().flatten() {
        match known.and_then(|t| t.keys.iter().find(|k| k.name == name)) {
            Some(key) => shape(|| at(name), key.shape, value, out),
            None => match known {
                Some(t) if t.complete => {
                    let suggestion = crate::text::nearest(name, t.keys.iter().map(|k| k.name));
                    out.push(unknown_connection_field::diagnostic(
                        &at(name),
                        kind,
                        suggestion,
                    ));
                }
                _ => {
                    // Every type's keys are among all keys: a key of another type is no typo.
                    if ALL_KEYS.contains(name) {
                        continue;
                    }
                    if let Some(s) = nearest_within(name, all(), MISSPELLING) {
                        out.push(unknown_connection_field::diagnostic(
                            &at(name),
                            None,
                            Some(s),
                        ));
                    }
                }
            },
        }
    }
}

/// Every documented key of every type, to look up.
static ALL_KEYS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| fields::all_keys().map(|k| k.name).collect());

fn shape<'v, V: View<'v>>(
    pointer: impl FnOnce() -> String,
    shape: Shape,
    value: V,
    out: &mut Vec<Diagnostic>,
) {
    let string = value.as_str();
    if string.is_some_and(is_reference) {
        return;
    }
    let is_bool = value.as_bool().is_some();
    let expected = match (shape, string) {
        (Shape::String | Shape::StringOrList | Shape::StringOrBool, Some(_)) => return,
        (Shape::Bool | Shape::StringOrBool, None) if is_bool => return,
        (Shape::StringOrList, None)
            if value
                .items()
                .is_some_and(|mut items| items.all(View::is_string)) =>
        {
            return;
        }
        (Shape::Url, Some(s)) if s.starts_with("https://") || s.starts_with("http://") => return,
        (Shape::OneOf(options), Some(s)) if options.contains(&s) => return,
        (Shape::String, _) => "be a string".to_owned(),
        (Shape::Bool, _) => "be `true` or `false`".to_owned(),
        (Shape::StringOrBool, _) => "be a string or a boolean".to_owned(),
        (Shape::StringOrList, _) => "be a string or a list of strings".to_owned(),
        (Shape::Url, _) => "be a URL starting with `https://`".to_owned(),
        (Shape::OneOf(options), _) => {
            let options: Vec<String> = options.iter().map(|o| (*o).to_owned()).collect();
            format!("be {}", one_of(&options))
        }
    };
    let pointer = pointer();
    let got = match string {
        Some(_) if crate::secrets::is_secret_pointer(&pointer) => "a string".to_owned(),
        Some(s) if matches!(shape, Shape::OneOf(_)) => format!("`{}`", s.replace('`', "'")),
        Some(_) if matches!(shape, Shape::Url) => "no scheme".to_owned(),
        _ => value.type_name().to_owned(),
    };
    out.push(invalid_connection_field::diagnostic(
        &pointer, &expected, &got,
    ));
}

fn needed<'v, V: View<'v>>(
    map: V,
    pointer: &str,
    kind: &str,
    known: &TypeFields,
    out: &mut Vec<Diagnostic>,
) {
    for group in known.needed {
        if !group.iter().any(|k| map.has(k)) {
            out.push(missing_connection_field::diagnostic(
                pointer, kind, group[0], None,
            ));
        }
    }
    let back_channel = map.get("mode").and_then(View::as_str) == Some("BACK_CHANNEL");
    if kind == "oidc" && back_channel && !map.has("clientSecret") {
        out.push(missing_connection_field::diagnostic(
            pointer,
            kind,
            "clientSecret",
            Some("in `BACK_CHANNEL` mode"),
        ));
    }
}
