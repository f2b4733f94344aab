use serde_json::{Value, json};

use super::{Annotation, Check, Failure, Field, Statement};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a field that the API still accepts but has replaced, such as samlp `cert` in a
    /// request, which is now `signingCert`. The field carries `deprecated: true` in the
    /// published schema.
    ///
    /// ## Why is this bad?
    /// Deprecated fields disappear from the API without much warning; payloads that still use
    /// them start failing then.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update strategy:samlp
    /// { "options": { "signInEndpoint": "https://idp.acme.example/sso", "cert": "MIIC…",
    ///                "signSAMLRequest": true } }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update strategy:samlp
    /// { "options": { "signInEndpoint": "https://idp.acme.example/sso", "signingCert": "MIIC…",
    ///                "signSAMLRequest": true } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP102",
        name: "deprecated-field",
        default: Warning,
        summary: "a field the API has replaced",
        in_schema: false,
        check: Check::Assertion,
        annotation: Annotation {
            key: "deprecated",
            keep: false,
            state,
            report: Some(report),
        },
    }
}

/// A field with `deprecated: true` gets an assertion that fails whenever it is sent.
fn state(field: &Field<'_>) -> Option<Statement> {
    (field.value == &Value::Bool(true)).then(|| Statement {
        note: None,
        assertion: Some(json!({"x-idplint-rule": RULE.name, "not": {}})),
    })
}

/// The field's description says what to use instead.
fn report(failure: &Failure<'_>) -> Diagnostic {
    diagnostic(failure.pointer, failure.description().as_deref())
}

fn diagnostic(pointer: &str, advice: Option<&str>) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` is deprecated", field_path(pointer)),
    )
    .with_label("deprecated")
    .with_help(advice.unwrap_or("remove it"))
    .at_key()
}
