use serde_json::Value;

use crate::diagnostic::{Diagnostic, Origin};
use crate::text::field_path;

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
    ///   "displayName": "GitHub", "fields": { … }, "userMatchFields": ["email"] }
    /// ```
    ///
    /// ## Use instead
    /// The V3 body of `POST /api/v3/create-ext-idp-conn`, without `userMatchFields` (set
    /// account linking in the console):
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "github", "identifier": "acme-github",
    ///   "displayName": "GitHub", "fields": { … } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP004",
        name: "legacy-api-version",
        default: Error,
        summary: "an Authing V2 payload, where idplint checks V3",
    }
}

/// The V2 marker in `value`, if it has one.
pub(crate) fn find(value: &Value) -> Option<Diagnostic> {
    let obj = value.as_object()?;
    if obj.contains_key("code") && obj.contains_key("data") && !obj.contains_key("statusCode") {
        return Some(
            diagnostic(
                "/code",
                "this is a response in the Authing V2 envelope (`code`, `message`, `data`)",
            )
            .with_help("V3 responses have `statusCode`, `message` and `data`; fetch it again through `/api/v3/…`"),
        );
    }
    let connections = obj.get("connections").filter(|_| {
        obj.contains_key("type") && obj.contains_key("name") && !obj.contains_key("id")
    });
    if connections.is_some() {
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

fn user_match_fields(value: &Value, pointer: &str) -> Option<Diagnostic> {
    let obj = value.as_object()?;
    if obj.contains_key("userMatchFields") {
        let at = format!("{pointer}/userMatchFields");
        return Some(
            diagnostic(
                &at,
                &format!("`{}` is an Authing V2 field", field_path(&at)),
            )
            .with_help("the V3 API has no `userMatchFields`: remove it, and set account linking in the console"),
        );
    }
    if let Some(Value::Array(items)) = obj.get("connections") {
        for (i, item) in items.iter().enumerate() {
            if let Some(d) = user_match_fields(item, &format!("{pointer}/connections/{i}")) {
                return Some(d);
            }
        }
    }
    obj.get("data")
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
