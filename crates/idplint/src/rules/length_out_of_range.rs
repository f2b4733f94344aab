use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a string that is shorter or longer than the API allows, such as an empty
    /// `display_name` or a `name` of more than 128 characters. Length counts Unicode code
    /// points, as JSON Schema does: `日本` is 2 long, and so is `😀😀`.
    ///
    /// ## Why is this bad?
    /// The API rejects it.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "display_name": "" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Acme SSO" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP015",
        name: "length-out-of-range",
        default: Error,
        summary: "a string shorter or longer than allowed (counted in code points)",
        in_schema: true,
        check: Check::Schema,
    }
}

pub(crate) fn too_short(pointer: &str, min: u64, len: usize) -> Diagnostic {
    let what = if min == 1 {
        "must not be empty".to_owned()
    } else {
        format!("must be at least {min} characters long")
    };
    Diagnostic::new(&RULE, pointer, format!("`{}` {what}", field_path(pointer)))
        .with_label(format!("{len} characters"))
}

pub(crate) fn too_long(pointer: &str, max: u64, len: usize) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` must be at most {max} characters long",
            field_path(pointer)
        ),
    )
    .with_label(format!("{len} characters"))
    .with_help("length counts Unicode code points")
}
