use serde_json::{Value, json};

use super::{Annotation, Check, Failure, Field, Statement};
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
    /// ```json kind:auth0.idp.update strategy:oidc
    /// { "options": { "type": "front_channel", "client_id": "abc",
    ///                "discovery_url": "http://acme.example/.well-known/openid-configuration" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update strategy:oidc
    /// { "options": { "type": "front_channel", "client_id": "abc",
    ///                "discovery_url": "https://acme.example/.well-known/openid-configuration" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP201",
        name: "insecure-url",
        default: Error,
        summary: "`http://` where the API requires `https://`",
        in_schema: true,
        check: Check::Assertion,
        annotation: Annotation {
            key: "x-idplint-https",
            keep: false,
            state,
            report: Some(report),
        },
    }
}

/// A URL annotated `x-idplint-https: true` must not start with `http://`.
fn state(field: &Field<'_>) -> Option<Statement> {
    (field.value == &Value::Bool(true)).then(|| Statement {
        note: Some("Must use `https://`.".to_owned()),
        assertion: Some(json!({
            "x-idplint-rule": RULE.name,
            "not": {"pattern": "^[Hh][Tt][Tt][Pp]://"}
        })),
    })
}

fn report(failure: &Failure<'_>) -> Diagnostic {
    let pointer = failure.pointer;
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` must use https", field_path(pointer)),
    )
    .with_label("expected https, got http")
    .with_help("use the https:// URL of the same endpoint")
}
