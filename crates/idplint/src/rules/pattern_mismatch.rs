use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a string that does not match the pattern the API sets for it, such as an
    /// identity provider id that does not match `^con_[A-Za-z0-9]{16}$`, or a domain that is
    /// not a valid host name.
    ///
    /// ## Why is this bad?
    /// The API rejects it, or cannot find what it refers to.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.domain
    /// { "domain": "https://acme.example.com" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.domain
    /// { "domain": "acme.example.com" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP014",
        name: "pattern-mismatch",
        default: Error,
        summary: "a string that does not match the pattern the API sets",
        in_schema: true,
        check: Check::Schema,
    }
}

pub(crate) fn diagnostic(pointer: &str, pattern: &str) -> Diagnostic {
    match crate::payload::describe_pattern(pattern) {
        Some(words) => Diagnostic::new(
            &RULE,
            pointer,
            format!("`{}` must be {words}", field_path(pointer)),
        )
        .with_label("does not match the pattern")
        .with_help(format!("the pattern is `{pattern}`")),
        None => Diagnostic::new(
            &RULE,
            pointer,
            format!("`{}` does not match `{pattern}`", field_path(pointer)),
        )
        .with_label("does not match the pattern"),
    }
}
