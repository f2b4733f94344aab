use std::fmt::Write as _;

use jsonschema::error::ValidationErrorKind as K;
use serde_json::{Map, Value, json};

use super::{Annotation, Check, Failure, Field, Statement};
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
    /// { "name": "Acme SSO", "strategy": "okta",
    ///   "options": { "domain": "acme.okta.com", "client_id": "0oa1",
    ///                "client_secret": "${OKTA_SECRET}" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme-sso", "strategy": "okta",
    ///   "options": { "domain": "acme.okta.com", "client_id": "0oa1",
    ///                "client_secret": "${OKTA_SECRET}" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP104",
        name: "management-api-limit",
        default: Warning,
        summary: "a value outside a limit the Management API sets on the same field",
        in_schema: false,
        check: Check::Assertion,
        annotation: Annotation {
            key: "x-idplint-warn",
            keep: false,
            state,
            report: Some(report),
        },
    }
}

/// `x-idplint-warn` holds JSON Schema keywords that only the Management API states: the lint
/// schema asserts them, and the description says them in words.
fn state(field: &Field<'_>) -> Option<Statement> {
    let keywords = field.value.as_object()?;
    let mut note = format!(
        "The Auth0 Management API expects it to {}",
        describe_keywords(keywords)
    );
    if let Some(p) = keywords.get("pattern").and_then(Value::as_str) {
        let _ = write!(note, " (pattern `{p}`)");
    }
    note.push('.');
    let mut assertion = keywords.clone();
    assertion.insert("x-idplint-rule".into(), json!(RULE.name));
    Some(Statement {
        note: Some(note),
        assertion: Some(Value::Object(assertion)),
    })
}

fn report(failure: &Failure<'_>) -> Diagnostic {
    diagnostic(failure.pointer, &bound_in_words(failure.kind()))
}

/// The broken limit, in words.
fn bound_in_words(kind: &K) -> String {
    let kw = |k: &str, v: Value| {
        let mut m = Map::new();
        m.insert(k.to_owned(), v);
        describe_keywords(&m)
    };
    match kind {
        K::MaxLength { limit } => kw("maxLength", (*limit).into()),
        K::MinLength { limit } => kw("minLength", (*limit).into()),
        K::Pattern { pattern } => kw("pattern", pattern.clone().into()),
        K::Format { format } => kw("format", format.clone().into()),
        K::Enum { options } => kw("enum", (**options).clone()),
        _ => "be as documented".to_owned(),
    }
}

/// Describe JSON Schema keywords as what a value must do: "be at most 255 characters long and
/// be an absolute URI".
fn describe_keywords(kw: &Map<String, Value>) -> String {
    let mut parts = Vec::new();
    match (
        kw.get("minLength").and_then(Value::as_u64),
        kw.get("maxLength").and_then(Value::as_u64),
    ) {
        (Some(min), Some(max)) => parts.push(format!("be {min} to {max} characters long")),
        (Some(1), None) => parts.push("not be empty".to_owned()),
        (Some(min), None) => parts.push(format!("be at least {min} characters long")),
        (None, Some(max)) => parts.push(format!("be at most {max} characters long")),
        (None, None) => {}
    }
    if let Some(p) = kw.get("pattern").and_then(Value::as_str) {
        parts.push(match crate::payload::describe_pattern(p) {
            Some(words) => format!("be {words}"),
            None => format!("match `{p}`"),
        });
    }
    if let Some(f) = kw.get("format").and_then(Value::as_str) {
        parts.push(match f {
            "uri" => "be an absolute URI".to_owned(),
            other => format!("be a valid {other}"),
        });
    }
    if let Some(Value::Array(values)) = kw.get("enum") {
        let names: Vec<String> = values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect();
        parts.push(format!("be one of {}", crate::text::one_of(&names)));
    }
    parts.join(" and ")
}

/// `what` describes the broken limit as what the value should do ("be at most 255 characters long").
fn diagnostic(pointer: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` should {what}", field_path(pointer)),
    )
    .with_label("outside the Management API's limit")
    .with_help("the Management API enforces this on connections; the My Organization API may too")
}
