use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a string that is not in the format the API states for it: a malformed URI,
    /// host name or date-time.
    ///
    /// ## Why is this bad?
    /// The API rejects it, or stores a value that breaks the login flow later.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.provisioning
    /// { "identity_provider_id": "con_zW1UHutvkVWSWdCC", "identity_provider_name": "acme-okta",
    ///   "strategy": "okta", "method": "scim", "attributes": [], "user_id_attribute": "externalId",
    ///   "created_at": "yesterday", "updated_on": "2026-05-15T23:32:52.351Z" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.provisioning
    /// { "identity_provider_id": "con_zW1UHutvkVWSWdCC", "identity_provider_name": "acme-okta",
    ///   "strategy": "okta", "method": "scim", "attributes": [], "user_id_attribute": "externalId",
    ///   "created_at": "2026-05-15T23:32:52.351Z", "updated_on": "2026-05-15T23:32:52.351Z" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP018",
        name: "invalid-format",
        default: Error,
        summary: "a malformed URI, host name or date-time",
        in_schema: true,
        check: Check::Schema,
    }
}

pub(crate) fn diagnostic(pointer: &str, format: &str) -> Diagnostic {
    let (article, what) = match format {
        "uri" => ("an", "absolute URI"),
        "date-time" => ("an", "RFC 3339 date-time, such as `2026-05-15T23:32:52Z`"),
        "hostname" => ("a", "host name"),
        "email" => ("an", "email address"),
        "uuid" => ("a", "UUID"),
        other => ("a", other),
    };
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` must be {article} {what}", field_path(pointer)),
    )
    .with_label(format!("not a valid {format}"))
}
