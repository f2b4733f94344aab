use super::{Check, Failure};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a GenAuth connection `identifier` outside the console's rule: lowercase letters,
    /// digits and `-` only, and shorter than 32 characters.
    ///
    /// ## Why is this bad?
    /// The identifier is part of the connection's callback URL, it must be unique, and it can
    /// never change after the connection is created. The console refuses identifiers that break
    /// the rule, so a connection created through the API with one cannot be edited in the
    /// console the same way, and may be rejected by the API too.
    ///
    /// It is a warning, not an error: the rule comes from the console's guides, the API's own
    /// schema states no pattern, and whether the API enforces it is not documented.
    ///
    /// ## Example
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "Acme_SSO",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme-sso",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP303",
        name: "identifier-format",
        default: Warning,
        summary: "a GenAuth connection `identifier` outside `[a-z0-9-]{1,31}`",
        in_schema: false,
        check: Check::Assertion,
        annotation: pattern_annotation!(PATTERN, NOTE, report),
    }
}

/// The console's rule.
const PATTERN: &str = crate::payload::genauth::IDENTIFIER_PATTERN;

/// What the published schemas say about it.
const NOTE: &str = "The console allows lowercase letters, digits and `-`, shorter than 32 characters; it cannot change after the connection is created.";

fn report(failure: &Failure<'_>) -> Diagnostic {
    let (pointer, value) = (failure.pointer, failure.instance());
    let text = value.as_str().unwrap_or_default();
    let len = text.chars().count();
    // The assertion fails only on a non-empty value with a bad character, or a long one.
    let bad = text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'));
    let label = match bad {
        Some(c) if c.is_uppercase() => "has upper-case letters".to_owned(),
        Some(c) => format!("has `{}`", c.escape_default()),
        None => format!("{len} characters long"),
    };
    Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` should be lowercase letters, digits and `-`, shorter than 32 characters",
            field_path(pointer)
        ),
    )
    .with_label(label)
    .with_help("the console allows only `[a-z0-9-]{1,31}`, and the identifier cannot change later")
}
