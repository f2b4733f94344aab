use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::{field_path, type_name};
use serde_json::Value;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong JSON type: a string where a boolean belongs, a number
    /// where a string belongs, an object where an array belongs.
    ///
    /// ## Why is this bad?
    /// The API rejects it. YAML makes this easy to get wrong: `is_enabled: "true"` is a string,
    /// and `client_id: 12345` is a number.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "is_enabled": "true" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "is_enabled": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP012",
        name: "wrong-type",
        default: Error,
        summary: "a value of the wrong JSON type",
        in_schema: true,
        check: Check::Schema,
    }
}

pub(crate) fn diagnostic(pointer: &str, expected: &[&str], got: &Value) -> Diagnostic {
    let expected = expected
        .iter()
        .filter(|t| **t != "null")
        .copied()
        .collect::<Vec<_>>();
    let expected = if expected.is_empty() {
        "null".to_owned()
    } else {
        expected.join(" or ")
    };
    let got_value = got;
    let got = type_name(got);
    let d = Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` must be {} {expected}",
            field_path(pointer),
            article(&expected)
        ),
    )
    .with_label(format!("expected {expected}, got {got}"));
    let encoded = got_value
        .as_str()
        .and_then(|s| serde_json::from_str::<Value>(s.trim()).ok())
        .is_some_and(|v| type_name(&v) == expected || (expected == "number" && v.is_number()));
    match (expected.as_str(), got) {
        (_, "string") if encoded && matches!(expected.as_str(), "array" | "object") => d.with_help(
            format!("the string holds a JSON-encoded {expected}: send the {expected} itself, not a string"),
        ),
        ("boolean", "string") => d.with_help("write `true` or `false`, unquoted"),
        ("string", "integer" | "number") => d.with_help("quote the value to make it a string"),
        _ => d,
    }
}

/// A value that fits none of the shapes allowed here.
pub(crate) fn unexpected_shape(pointer: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` does not have any of the allowed shapes",
            field_path(pointer)
        ),
    )
    .with_label("unexpected shape")
    .with_help("see the field's description in the published schema (`idplint schema KIND`)")
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
