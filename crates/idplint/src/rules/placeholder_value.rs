use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports placeholders copied from documentation and never filled in: `{yourDomain}`,
    /// `YOUR_CLIENT_ID`, `<your-tenant>`, `{TENANT}`. Deploy-time references (`${VAR}`,
    /// `##VAR##`, `@@VAR@@`) are not placeholders, and are not reported.
    ///
    /// ## Why is this bad?
    /// The API accepts most of these strings, and the identity provider then fails at the first
    /// login.
    ///
    /// ## Example
    /// ```json
    /// { "discovery_url": "https://{yourDomain}/.well-known/openid-configuration" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "discovery_url": "https://acme.okta.com/.well-known/openid-configuration" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP300",
        name: "placeholder-value",
        default: Warning,
        summary: "a documentation placeholder left in a value",
    }
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^$])\{(?i:your)[A-Za-z0-9_-]*\}   # {yourDomain}, not ${yourDomain}
      | \{(?:TENANT|DOMAIN|CLIENT_ID)\}
      | \bYOUR_[A-Z0-9_]+\b
      | <(?i:your)[^<>]*>
    ",
    )
    .expect("static regex")
});

/// The placeholder in `value`, if there is one.
pub(crate) fn find(value: &str) -> Option<&str> {
    PLACEHOLDER.find(value).map(|m| {
        m.as_str()
            .trim_start_matches(|c| c != '{' && c != '<' && c != 'Y')
    })
}

pub(crate) fn check_string(pointer: &str, value: &str, out: &mut Vec<Diagnostic>) {
    if crate::secrets::is_secret_pointer(pointer) {
        return; // never quote a secret, even a placeholder one
    }
    if let Some(p) = find(value) {
        out.push(
            Diagnostic::new(
                &RULE,
                pointer,
                format!("`{}` contains the placeholder `{p}`", field_path(pointer)),
            )
            .with_label("placeholder")
            .with_help(
                "replace it with the real value, or with a deploy-time reference such as `${VAR}`",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_doc_placeholders_only() {
        assert_eq!(super::find("https://{yourDomain}/x"), Some("{yourDomain}"));
        assert_eq!(super::find("YOUR_CLIENT_ID"), Some("YOUR_CLIENT_ID"));
        assert_eq!(super::find("<your-tenant>.okta.com"), Some("<your-tenant>"));
        assert_eq!(super::find("${yourDomain}"), None);
        assert_eq!(super::find("##DOMAIN##"), None);
        assert_eq!(super::find("https://acme.okta.com"), None);
    }
}
