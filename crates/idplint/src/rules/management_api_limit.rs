use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a value that breaks a limit the Auth0 Management API sets on the same connection
    /// field, where the My Organization API itself states none: the length of a client id or
    /// secret, the character set of a connection `name`, a URL that is not a valid URI. The
    /// published schemas state these limits in the field's description, not as constraints.
    ///
    /// ## Why is this bad?
    /// My Organization identity providers are Auth0 connections, and the backend may enforce the
    /// connection limits. Whether it does is not documented, which is why this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "name": "Acme SSO", "strategy": "okta", "options": { … } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme-sso", "strategy": "okta", "options": { … } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP104",
        name: "management-api-limit",
        default: Warning,
        summary: "a value outside a limit the Management API sets on the same field",
        in_schema: false,
    }
}

/// `what` describes the broken limit as what the value should do ("be at most 255 characters long").
pub(crate) fn diagnostic(pointer: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` should {what}", field_path(pointer)),
    )
    .with_label("outside the Management API's limit")
    .with_help("the Management API enforces this on connections; the My Organization API may too")
}
