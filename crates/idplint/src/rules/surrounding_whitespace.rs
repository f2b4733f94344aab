use super::{Check, StringSite};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports leading or trailing white space in names, ids, domains and URLs.
    ///
    /// ## Why is this bad?
    /// Most APIs store the value as sent: `" acme.com"` is not the domain `acme.com`, and a
    /// client id with a trailing newline fails at the identity provider with an unhelpful
    /// error.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update strategy:okta
    /// { "options": { "domain": "acme.okta.com", "client_id": "a8f3b2e7 ",
    ///                "client_secret": "${OKTA_SECRET}" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update strategy:okta
    /// { "options": { "domain": "acme.okta.com", "client_id": "a8f3b2e7",
    ///                "client_secret": "${OKTA_SECRET}" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP301",
        name: "surrounding-whitespace",
        default: Warning,
        summary: "leading or trailing white space in a name, id, domain or URL",
        in_schema: false,
        check: Check::Strings(check_string),
    }
}

/// Whether a field of this name holds a name, an id, a domain or a URL.
fn is_identifier_field(field: &str) -> bool {
    // `name`, or ending in `_name`, in any case; and so on.
    let snake = |s: &str| {
        let (f, s) = (field.as_bytes(), s.as_bytes());
        f.len() >= s.len()
            && f[f.len() - s.len()..].eq_ignore_ascii_case(s)
            && (f.len() == s.len() || f[f.len() - s.len() - 1] == b'_')
    };
    [
        "name",
        "id",
        "identifier",
        "domain",
        "domains",
        "url",
        "uri",
        "endpoint",
        "server",
        "tenant",
    ]
    .into_iter()
    .any(snake)
        || ["Name", "Id", "ID", "Url", "URL", "Endpoint", "Domain"]
            .iter()
            .any(|s| field.ends_with(s))
}

fn check_string(site: &StringSite<'_>, value: &str, out: &mut Vec<Diagnostic>) {
    let padded = value.starts_with(char::is_whitespace) || value.ends_with(char::is_whitespace);
    if !padded || !is_identifier_field(site.key) {
        return;
    }
    let where_ = match (
        value.starts_with(char::is_whitespace),
        value.ends_with(char::is_whitespace),
    ) {
        (true, true) => "leading and trailing",
        (true, false) => "leading",
        _ => "trailing",
    };
    let pointer = site.pointer();
    let at = field_path(&pointer);
    out.push(
        Diagnostic::new(&RULE, pointer, format!("`{at}` has {where_} white space"))
            .with_label(format!("{where_} white space"))
            .with_help("remove the white space"),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn identifier_fields() {
        for f in [
            "name",
            "display_name",
            "client_id",
            "discovery_url",
            "signInEndpoint",
            "extIdpId",
            "domains",
            "tenant_domain",
            "adfs_server",
        ] {
            assert!(super::is_identifier_field(f), "{f}");
        }
        for f in ["description", "label", "fedMetadataXml", "signingCert"] {
            assert!(!super::is_identifier_field(f), "{f}");
        }
    }
}
