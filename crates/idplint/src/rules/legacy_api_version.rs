use super::{Check, Step};
use crate::diagnostic::{Diagnostic, Origin};
use crate::text::field_path;
use crate::view::View;

declare_rule! {
    /// ## What it does
    /// Reports an Authing V2 payload: a response in the V2 envelope (`code`, `message`,
    /// `data`), a connection with V2's `userMatchFields`, or an identity source created with its
    /// `connections` embedded. idplint checks V3 Management API payloads (`/api/v3/…`).
    ///
    /// ## Why is this bad?
    /// The V3 API does not take V2 bodies, and V2 responses do not have V3's shape. Checking
    /// one against V3's rules would bury the one real problem under a dozen findings.
    ///
    /// ## Example
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "github", "identifier": "acme-github",
    ///   "displayName": "GitHub",
    ///   "fields": { "clientID": "acme", "clientSecret": "${GITHUB_SECRET}" },
    ///   "userMatchFields": ["email"] }
    /// ```
    ///
    /// ## Use instead
    /// The V3 body of `POST /api/v3/create-ext-idp-conn`, without `userMatchFields` (set
    /// account linking in the console):
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "github", "identifier": "acme-github",
    ///   "displayName": "GitHub",
    ///   "fields": { "clientID": "acme", "clientSecret": "${GITHUB_SECRET}" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP004",
        name: "legacy-api-version",
        default: Error,
        summary: "an Authing V2 payload, where idplint checks V3",
        in_schema: true,
        check: Check::Step(Step::ChooseKind),
    }
}

/// The V2 marker in `value`, if it has one.
pub(crate) fn find<'v, V: View<'v>>(value: V) -> Option<Diagnostic> {
    if !value.is_object() {
        return None;
    }
    let has = |key| value.has(key);
    if has("code") && has("data") && !has("statusCode") {
        return Some(
            diagnostic(
                "/code",
                "this is a response in the Authing V2 envelope (`code`, `message`, `data`)",
            )
            .with_help("V3 responses have `statusCode`, `message` and `data`; fetch it again through `/api/v3/…`"),
        );
    }
    if has("connections") && has("type") && has("name") && !has("id") {
        return Some(
            diagnostic(
                "/connections",
                "an identity source created with its connections embedded is an Authing V2 body",
            )
            .with_help("in V3, create the identity source with `create-ext-idp`, then each connection with `create-ext-idp-conn`"),
        );
    }
    user_match_fields(value, "")
}

fn user_match_fields<'v, V: View<'v>>(value: V, pointer: &str) -> Option<Diagnostic> {
    if !value.is_object() {
        return None;
    }
    if value.has("userMatchFields") {
        let at = format!("{pointer}/userMatchFields");
        return Some(
            diagnostic(
                &at,
                &format!("`{}` is an Authing V2 field", field_path(&at)),
            )
            .with_help("the V3 API has no `userMatchFields`: remove it, and set account linking in the console"),
        );
    }
    if let Some(items) = value.get("connections").and_then(View::items) {
        for (i, item) in items.enumerate() {
            if let Some(d) = user_match_fields(item, &format!("{pointer}/connections/{i}")) {
                return Some(d);
            }
        }
    }
    value
        .get("data")
        .filter(|_| pointer.is_empty())
        .and_then(|d| user_match_fields(d, "/data"))
}

/// A V2 payload never fits a V3 schema: the finding stands for the schema's verdict, so its
/// origin is the schema's.
fn diagnostic(pointer: &str, message: &str) -> Diagnostic {
    Diagnostic::new(&RULE, pointer, message)
        .with_label("Authing V2")
        .at_key()
        .with_origin(Origin::Schema)
}
