use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports an `http://` URL where the API requires `https://`: discovery and metadata URLs,
    /// sign-in endpoints, base URLs, icons.
    ///
    /// ## Why is this bad?
    /// These URLs carry the identity provider's signing keys and endpoints. Over plain HTTP
    /// anyone on the path can substitute their own, and log users in as anyone.
    ///
    /// ## Example
    /// ```json
    /// { "discovery_url": "http://acme.example/.well-known/openid-configuration" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "discovery_url": "https://acme.example/.well-known/openid-configuration" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP201",
        name: "insecure-url",
        default: Error,
        summary: "`http://` where the API requires `https://`",
        in_schema: true,
    }
}

pub(crate) fn diagnostic(pointer: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` must use https", field_path(pointer)),
    )
    .with_label("expected https, got http")
    .with_help("use the https:// URL of the same endpoint")
}
