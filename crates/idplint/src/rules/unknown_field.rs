use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::{field_path, nearest};

declare_rule! {
    /// ## What it does
    /// Reports a field that the API does not accept in this payload, and suggests the nearest
    /// known name when the field looks like a typo. It also reports fields that exist but not
    /// here: `attributes` on a `waad` identity provider, a write-only `client_secret` in a
    /// response, `name` in an update body.
    ///
    /// ## Why is this bad?
    /// The API's schemas are closed: it rejects unknown fields. Worse, a misspelt optional
    /// field (`show_as_buton`) is a setting you believe you made and did not.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "displayname": "Acme", "is_enabled": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Acme", "is_enabled": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP011",
        name: "unknown-field",
        default: Error,
        summary: "a field the API does not accept; suggests the nearest known name",
        in_schema: true,
        check: Check::Schema,
    }
}

/// `key` in the object at `parent` is not one of `known`.
pub(crate) fn diagnostic<'a>(
    parent: &str,
    key: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let mut pointer = parent.to_owned();
    crate::pointer::push_token(&mut pointer, key);
    let where_ = if parent.is_empty() {
        String::new()
    } else {
        format!(" in `{}`", field_path(parent))
    };
    let d = Diagnostic::new(&RULE, &pointer, format!("unknown field `{key}`{where_}"))
        .with_label("unknown field")
        .at_key();
    if let Some(s) = nearest(key, known.clone()) {
        return d.with_help(format!("did you mean `{s}`?"));
    }
    let mut names: Vec<&str> = known.into_iter().collect();
    if names.is_empty() {
        d.with_help("remove it: this object takes no fields")
    } else {
        names.truncate(12);
        d.with_help(format!("remove it; known fields: {}", names.join(", ")))
    }
}

/// `pointer` names a field that exists elsewhere but is not allowed here, for the reason `why`.
pub(crate) fn not_allowed(pointer: &str, strategy: Option<&str>, why: Option<&str>) -> Diagnostic {
    let message = match strategy {
        Some(s) => format!(
            "`{}` is not allowed for strategy `{s}`",
            field_path(pointer)
        ),
        None => format!("`{}` is not allowed here", field_path(pointer)),
    };
    let d = Diagnostic::new(&RULE, pointer, message)
        .with_label("not allowed here")
        .at_key();
    match why {
        Some(w) => d.with_help(w),
        None => d.with_help("remove it"),
    }
}
