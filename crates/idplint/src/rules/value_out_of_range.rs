use super::{Check};
use jsonschema::error::ValidationErrorKind as K;

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
    /// ```json kind:auth0.idp.scim-token.create
    /// { "token_lifetime": 600 }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.scim-token.create
    /// { "token_lifetime": 86400 }
    /// ```
    pub(crate) static RULE = {
        code: "IDP019",
        name: "value-out-of-range",
        default: Error,
        summary: "a number outside the allowed range, or a list of the wrong size",
        in_schema: true,
        check: Check::Schema,
    }
}

/// The value at `pointer` breaks the bound of `kind`.
pub(crate) fn diagnostic(pointer: &str, kind: &K) -> Diagnostic {
    let what = match kind {
        K::Minimum { limit } => format!("be at least {limit}"),
        K::Maximum { limit } => format!("be at most {limit}"),
        K::ExclusiveMinimum { limit } => format!("be more than {limit}"),
        K::ExclusiveMaximum { limit } => format!("be less than {limit}"),
        K::MinItems { limit } => format!("have at least {limit} items"),
        K::MaxItems { limit } => format!("have at most {limit} items"),
        K::UniqueItems => "have no repeated items".to_owned(),
        _ => "be as documented".to_owned(),
    };
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` must {what}", field_path(pointer)),
    )
    .with_label("out of range")
}
