use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a key of a GenAuth connection's `fields` that no source documents for the
    /// connection's `type`, or that looks like a misspelling of a documented key, and suggests
    /// the nearest one. It knows the keys of `oidc`, `oauth`, `saml`, `azure-ad`, `github`,
    /// `wechat:pc` and `wechatmp-qrcode`. For other types, and for update bodies (which name no
    /// type), it reports only likely misspellings.
    ///
    /// Keys are spelt as the API spells them: an `oidc` connection's authorize endpoint is
    /// `authorizationEdpoint` (sic), and `clientID`/`callbackURL` are the social connections'
    /// spelling, while `oidc` and `oauth` use `clientId`.
    ///
    /// ## Why is this bad?
    /// The API types `fields` as a free-form object: it stores a misspelt key without a word,
    /// and the connection then fails at sign-in, far from the mistake.
    ///
    /// It is a warning, not an error: the keys come from the SDKs' public-config types and V2
    /// payloads, not from a V3 schema.
    ///
    /// ## Example
    /// ```json
    /// { "type": "oidc", "fields": { "issuerUrl": "https://idp.example.com", "clientID": "acme" }, … }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "type": "oidc", "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme" }, … }
    /// ```
    pub(crate) static RULE = {
        code: "IDP304",
        name: "unknown-connection-field",
        default: Warning,
        summary: "a key of a GenAuth connection's `fields` that no source documents for its type",
        in_schema: false,
    }
}

/// `pointer` names a key of `fields`; `kind` is the connection type (if known), `suggestion` the
/// nearest documented key.
pub(crate) fn diagnostic(
    pointer: &str,
    kind: Option<&str>,
    suggestion: Option<&str>,
) -> Diagnostic {
    let message = match kind {
        Some(k) => format!(
            "`{}` is not a documented key for connection type `{k}`",
            field_path(pointer)
        ),
        None => format!("`{}` looks like a misspelt key", field_path(pointer)),
    };
    let d = Diagnostic::new(&RULE, pointer, message)
        .with_label("unknown key")
        .at_key();
    match suggestion {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_help("check its spelling against the connection's settings in the console"),
    }
}
