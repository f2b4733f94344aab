use std::sync::LazyLock;

use regex::Regex;

use super::{Check, StringSite};
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
    /// ```json kind:auth0.idp.update fragment
    /// { "discovery_url": "https://{yourDomain}/.well-known/openid-configuration" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update fragment
    /// { "discovery_url": "https://acme.okta.com/.well-known/openid-configuration" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP300",
        name: "placeholder-value",
        default: Warning,
        summary: "a documentation placeholder left in a value",
        in_schema: false,
        check: Check::Strings(check_string),
        // A placeholder is the finding; that the value also breaks a Management API limit (it
        // is not a valid URI, say) is noise.
        hides: &[&super::management_api_limit::RULE],
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

/// The placeholder in `value`, if any.
pub(crate) fn find(value: &str) -> Option<&str> {
    if !may_hold_placeholder(value) {
        return None;
    }
    PLACEHOLDER.find(value).map(|m| {
        m.as_str()
            .trim_start_matches(|c| c != '{' && c != '<' && c != 'Y')
    })
}

/// Whether [`PLACEHOLDER`] can match `value`: each of its branches needs `{` or `<` followed by
/// `your` in any case, or one of the `{…}` names, or `YOUR_`. Almost no value has any, and this
/// test is much cheaper than the regex.
fn may_hold_placeholder(value: &str) -> bool {
    let bytes = value.as_bytes();
    let opens_one = |i: usize| {
        let rest = &bytes[i + 1..];
        match bytes[i] {
            b'Y' => rest.starts_with(b"OUR_"),
            open => {
                rest.get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"your"))
                    || (open == b'{'
                        && [&b"TENANT}"[..], b"DOMAIN}", b"CLIENT_ID}"]
                            .iter()
                            .any(|name| rest.starts_with(name)))
            }
        }
    };
    // Most values are short: a plain loop over them answers before a vectorised search has
    // set up.
    if bytes.len() < 32 {
        (0..bytes.len())
            .filter(|&i| matches!(bytes[i], b'{' | b'<' | b'Y'))
            .any(opens_one)
    } else {
        memchr::memchr3_iter(b'{', b'<', b'Y', bytes).any(opens_one)
    }
}

/// Report a placeholder in `value`, unless it is (inside) a secret field.
fn check_string(site: &StringSite<'_>, value: &str, out: &mut Vec<Diagnostic>) {
    if site.in_secret {
        return; // never quote a secret, even a placeholder one
    }
    if let Some(p) = find(value) {
        let pointer = site.pointer();
        let at = field_path(&pointer);
        out.push(
            Diagnostic::new(
                &RULE,
                pointer,
                format!("`{at}` contains the placeholder `{p}`"),
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
        assert_eq!(super::find("{Your_Tenant}.example"), Some("{Your_Tenant}"));
        assert_eq!(super::find("https://{TENANT}/x"), Some("{TENANT}"));
        assert_eq!(super::find("<YOUR>"), Some("<YOUR>"));
        assert_eq!(super::find("a YOUR_X"), Some("YOUR_X"));
        assert_eq!(super::find("{yours"), None);
    }

    #[test]
    fn the_prefilter_lets_every_match_through() {
        for v in [
            "{yourDomain}",
            "x{YOURS}",
            "{TENANT}",
            "{DOMAIN}",
            "{CLIENT_ID}",
            "YOUR_ID",
            "<your tenant>",
            "<YoUr>",
        ] {
            assert!(super::PLACEHOLDER.is_match(v), "{v}");
            assert!(super::may_hold_placeholder(v), "{v}");
            // Short values and long ones take different paths.
            let long = format!("https://login.example.com/path/{v}/rest");
            assert!(super::may_hold_placeholder(&long), "{long}");
        }
        for v in [
            "${VAR}",
            "<saml:Assertion>",
            "{{ x }}",
            "https://a.example/{id}",
        ] {
            assert!(!super::may_hold_placeholder(v), "{v}");
            let long = format!("https://login.example.com/path/{v}/rest");
            assert!(!super::may_hold_placeholder(&long), "{long}");
        }
    }
}
