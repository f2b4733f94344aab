use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::{field_path, nearest, one_of, show_value};
use serde_json::Value;

declare_rule! {
    /// ## What it does
    /// Reports a value outside the allowed set, such as a `strategy` of `okat` or an oidc
    /// `type` of `backchannel`, and suggests the nearest allowed value.
    ///
    /// ## Why is this bad?
    /// The API rejects it.
    ///
    /// ## Example
    /// ```json
    /// { "name": "acme", "strategy": "google_apps",
    ///   "options": { "domain": "acme.example", "client_id": "abc",
    ///                "client_secret": "${SECRET}" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme", "strategy": "google-apps",
    ///   "options": { "domain": "acme.example", "client_id": "abc",
    ///                "client_secret": "${SECRET}" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP013",
        name: "invalid-enum",
        default: Error,
        summary: "a value outside the allowed set; suggests the nearest value",
        in_schema: true,
        check: Check::Schema,
    }
}

/// Enums longer than this are not spelt out in the message.
const LISTED: usize = 12;

pub(crate) fn diagnostic(pointer: &str, got: &Value, allowed: &[Value]) -> Diagnostic {
    let names: Vec<String> = allowed
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    let message = if names.len() > LISTED {
        format!(
            "`{}` is not one of its {} allowed values",
            field_path(pointer),
            names.len()
        )
    } else {
        format!(
            "`{}` must be one of {}",
            field_path(pointer),
            one_of(&names)
        )
    };
    let d = Diagnostic::new(&RULE, pointer, message)
        .with_label(format!("got {}", show_value(pointer, got)));
    let suggestion = got
        .as_str()
        .and_then(|g| nearest(g, names.iter().map(String::as_str)));
    match suggestion {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None if names.len() > LISTED => {
            d.with_help(format!("the allowed values are {}", names.join(", ")))
        }
        None => d,
    }
}
