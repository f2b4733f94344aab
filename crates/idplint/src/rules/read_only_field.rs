use serde_json::{Value, json};

use super::{Annotation, Check, Failure, Field, Statement};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a read-only field sent in a request: `id` or `access_level` in a create body,
    /// `id`, `access_level` or `strategy` in an update body.
    ///
    /// ## Why is this bad?
    /// The API assigns these fields itself. An update cannot change them: sending them is
    /// rejected, or silently ignored, which hides a mistake (a payload copied from a GET
    /// response, or an attempt to change the strategy of an existing identity provider).
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "id": "con_zW1UHutvkVWSWdCC", "is_enabled": false }
    /// ```
    ///
    /// ## Use instead
    /// The id goes in the URL: `PATCH /my-org/identity-providers/con_zW1UHutvkVWSWdCC` with
    /// ```json kind:auth0.idp.update
    /// { "is_enabled": false }
    /// ```
    pub(crate) static RULE = {
        code: "IDP016",
        name: "read-only-field",
        default: Error,
        summary: "a read-only field sent where the API does not take it",
        in_schema: true,
        check: Check::Schema,
        annotation: Annotation {
            key: "readOnly",
            keep: false,
            state,
            report: Some(report),
        },
    }
}

/// A read-only field of a request body, unless the body already forbids it with a reason
/// (`not`, see `schema::transforms`), gets an assertion that fails whenever it is sent.
fn state(field: &Field<'_>) -> Option<Statement> {
    (field.request && field.value == &Value::Bool(true) && !field.schema.contains_key("not")).then(
        || Statement {
            note: None,
            assertion: Some(json!({"x-idplint-rule": RULE.name, "not": {}})),
        },
    )
}

fn report(failure: &Failure<'_>) -> Diagnostic {
    diagnostic(failure.pointer, None)
}

pub(crate) fn diagnostic(pointer: &str, why: Option<&str>) -> Diagnostic {
    let d = Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` is read-only and cannot be sent in this request",
            field_path(pointer)
        ),
    )
    .with_label("read-only")
    .at_key();
    d.with_help(why.unwrap_or("remove it: the API sets it"))
}
