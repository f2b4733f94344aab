use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a field that the API still accepts but has replaced, such as samlp `cert` in a
    /// request, which is now `signingCert`. The field carries `deprecated: true` in the
    /// published schema.
    ///
    /// ## Why is this bad?
    /// Deprecated fields disappear from the API without much warning; payloads that still use
    /// them start failing then.
    ///
    /// ## Example
    /// ```json
    /// { "signInEndpoint": "https://idp.acme.example/sso", "cert": "MIIC…", "signSAMLRequest": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "signInEndpoint": "https://idp.acme.example/sso", "signingCert": "MIIC…", "signSAMLRequest": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP102",
        name: "deprecated-field",
        default: Warning,
        summary: "a field the API has replaced",
        in_schema: false,
    }
}

pub(crate) fn diagnostic(pointer: &str, advice: Option<&str>) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        pointer,
        format!("`{}` is deprecated", field_path(pointer)),
    )
    .with_label("deprecated")
    .with_help(advice.unwrap_or("remove it"))
    .at_key()
}
