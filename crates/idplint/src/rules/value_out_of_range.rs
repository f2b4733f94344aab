use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a number outside the range the API allows, or a list with too few or too many
    /// items, such as a SCIM `token_lifetime` of 900 seconds or less.
    ///
    /// ## Why is this bad?
    /// The API rejects it.
    ///
    /// ## Example
    /// ```json
    /// { "token_lifetime": 600 }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "token_lifetime": 86400 }
    /// ```
    pub(crate) static RULE = {
        code: "IDP019",
        name: "value-out-of-range",
        default: Error,
        summary: "a number outside the allowed range, or a list of the wrong size",
        in_schema: true,
    }
}

/// `what` is the broken bound as what the value must do ("be more than 900").
pub(crate) fn diagnostic(pointer: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` must {what}", field_path(pointer)),
    )
    .with_label("out of range")
}
