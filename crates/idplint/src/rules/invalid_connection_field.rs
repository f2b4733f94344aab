use crate::diagnostic::Diagnostic;
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
    /// { "type": "oidc", "fields": { "issuerUrl": "idp.example.com", "mode": "back" }, … }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "type": "oidc", "fields": { "issuerUrl": "https://idp.example.com", "mode": "BACK_CHANNEL" }, … }
    /// ```
    pub(crate) static RULE = {
        code: "IDP305",
        name: "invalid-connection-field",
        default: Warning,
        summary: "a value of a GenAuth connection's `fields` with the wrong shape",
        in_schema: false,
    }
}

/// The value at `pointer` should `expected` ("be a URL starting with `https://`").
pub(crate) fn diagnostic(pointer: &str, expected: &str, got: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` should {expected}", field_path(pointer)),
    )
    .with_label(format!("got {got}"))
}

/// Both `a` and `b` are in the `fields` at `pointer`.
pub(crate) fn both(pointer: &str, a: &str, b: &str) -> Diagnostic {
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
