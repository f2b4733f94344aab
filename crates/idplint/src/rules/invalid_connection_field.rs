use super::{Check, Facts, Kinds};
use crate::diagnostic::Diagnostic;
use crate::payload::genauth::fields::Shape;
use crate::secrets::is_reference;
use crate::text::one_of;
use crate::view::View;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a documented key of a GenAuth connection's `fields` whose value has the wrong
    /// shape: a number where a string belongs, an `oidc` `mode` other than `FRONT_CHANNEL` or
    /// `BACK_CHANNEL`, an endpoint that is not an `http(s)://` URL, or both spellings of the
    /// client id (`clientId` and `clientID`) in one connection.
    ///
    /// ## Why is this bad?
    /// The API stores `fields` without checking it; a bad value shows up only when a user
    /// tries to sign in.
    ///
    /// It is a warning, not an error: the shapes come from the SDKs' types, not a V3 schema.
    ///
    /// ## Example
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "idp.example.com", "clientId": "acme", "mode": "back" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme",
    ///               "clientSecret": "${OIDC_SECRET}", "mode": "BACK_CHANNEL" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP305",
        name: "invalid-connection-field",
        default: Warning,
        summary: "a value of a GenAuth connection's `fields` with the wrong shape",
        in_schema: false,
        check: Check::Payload(Kinds::GenAuthConnections, payload_check!(check)),
    }
}

fn check<'v, V: View<'v>>(value: V, _: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let Some(conn) = super::connection::fields(value) else {
        return;
    };
    let Some(known) = conn.known else {
        return;
    };
    for (name, value) in conn.map.members().into_iter().flatten() {
        if let Some(key) = known.keys.iter().find(|k| k.name == name) {
            shape(|| conn.at(name), key.shape, value, out);
        }
    }
    if conn.map.has("clientId") && conn.map.has("clientID") {
        out.push(both(&conn.pointer(), "clientId", "clientID"));
    }
}

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
    out.push(diagnostic(&pointer, &expected, &got));
}

/// The value at `pointer` should `expected` ("be a URL starting with `https://`").
fn diagnostic(pointer: &str, expected: &str, got: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` should {expected}", field_path(pointer)),
    )
    .with_label(format!("got {got}"))
}

/// Both `a` and `b` are in the `fields` at `pointer`.
fn both(pointer: &str, a: &str, b: &str) -> Diagnostic {
    let mut at = pointer.to_owned();
    crate::pointer::push_token(&mut at, b);
    Diagnostic::new(
        &RULE,
        &at,
        format!("`{}` has both `{a}` and `{b}`", field_path(pointer)),
    )
    .with_label("second spelling")
    .with_help("keep one: the API reads only one of them, and which one is not documented")
    .at_key()
}
