use super::{Check};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports alternatives sent together: an adfs `adfs_server` with a `fedMetadataXml`, or a
    /// samlp `metadataUrl` (automatic set-up) with a `signInEndpoint` (manual set-up).
    ///
    /// ## Why is this bad?
    /// The API takes exactly one of them. Which one wins, if the request is accepted at all,
    /// is not documented.
    ///
    /// ## Example
    /// ```json
    /// { "name": "acme-adfs", "strategy": "adfs",
    ///   "options": { "adfs_server": "https://adfs.acme.example",
    ///                "fedMetadataXml": "<EntityDescriptor …/>" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme-adfs", "strategy": "adfs",
    ///   "options": { "adfs_server": "https://adfs.acme.example" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP017",
        name: "conflicting-fields",
        default: Error,
        summary: "alternatives sent together",
        in_schema: true,
        check: Check::Schema,
    }
}

/// The object at `parent` has all of `fields`, of which only one may be sent.
pub(crate) fn diagnostic(parent: &str, fields: &[String], why: Option<&str>) -> Diagnostic {
    let names: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    let mut pointer = parent.to_owned();
    crate::pointer::push_token(&mut pointer, fields.last().map_or("", String::as_str));
    let where_ = if parent.is_empty() {
        String::new()
    } else {
        format!(" in `{}`", field_path(parent))
    };
    Diagnostic::new(
        &RULE,
        pointer,
        format!("{} cannot be sent together{where_}", names.join(" and ")),
    )
    .with_label(format!(
        "conflicts with {}",
        names.first().map_or("", String::as_str)
    ))
    .with_help(why.unwrap_or("send only one of them").to_owned())
    .at_key()
}
