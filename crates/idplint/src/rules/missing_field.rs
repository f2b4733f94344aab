use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a required field that is absent, such as `options.discovery_url` for an `oidc`
    /// identity provider, or `name` in a create body.
    ///
    /// ## Why is this bad?
    /// The API rejects the request with a validation error.
    ///
    /// ## Example
    /// ```json
    /// { "name": "acme-oidc", "strategy": "oidc",
    ///   "options": { "type": "back_channel", "client_id": "abc" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme-oidc", "strategy": "oidc",
    ///   "options": { "type": "back_channel", "client_id": "abc",
    ///                "discovery_url": "https://acme.example/.well-known/openid-configuration" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP010",
        name: "missing-field",
        default: Error,
        summary: "a required field is absent",
        in_schema: true,
        check: Check::Schema,
    }
}

/// `field` is missing from the object at `parent`; `strategy` names the variant that requires it.
/// `needs`, when the requirement is one of alternatives, says what the object needs instead
/// ("needs `adfs_server` or `fedMetadataXml`").
pub(crate) fn diagnostic(
    parent: &str,
    field: &str,
    strategy: Option<&str>,
    needs: Option<&str>,
) -> Diagnostic {
    let mut pointer = parent.to_owned();
    crate::pointer::push_token(&mut pointer, field);
    let for_strategy = strategy
        .map(|s| format!(" for strategy `{s}`"))
        .unwrap_or_default();
    let message = match needs {
        Some(needs) if parent.is_empty() => format!("the payload {needs}{for_strategy}"),
        Some(needs) => format!("`{}` {needs}{for_strategy}", field_path(parent)),
        None => format!("`{}` is required{for_strategy}", field_path(&pointer)),
    };
    let label = if parent.is_empty() {
        format!("`{field}` is missing")
    } else {
        format!("`{field}` is missing from `{}`", field_path(parent))
    };
    Diagnostic::new(&RULE, parent, message)
        .with_label(label)
        .with_help(format!("add `{field}`"))
        .at_key()
}
