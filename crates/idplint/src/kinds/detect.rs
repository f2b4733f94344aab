//! Kind detection: which kind a payload is, from its keys, when it is not given.

use serde_json::Value;

use super::{Kind, find};
use crate::view::View;

/// One row of the kind-detection table.
pub struct Detection {
    /// The condition, in Markdown, as `docs/kinds.md` shows it.
    pub when: &'static str,
    /// The kind it means.
    pub kind: &'static str,
    /// A payload the row matches first (tested).
    pub example: &'static str,
    test: fn(&Keys<'_>) -> bool,
}

/// What detection looks at: the keys of a payload, and those of its `data` when that is an
/// object.
pub(crate) struct Keys<'a> {
    top: Vec<&'a str>,
    data: Option<Vec<&'a str>>,
}

impl<'a> Keys<'a> {
    /// The keys of `value`, when it is an object.
    fn of<V: View<'a>>(value: V) -> Option<Keys<'a>> {
        let keys = |v: V| v.members().map(|m| m.map(|(k, _)| k).collect::<Vec<_>>());
        Some(Keys {
            top: keys(value)?,
            data: value.get("data").and_then(keys),
        })
    }

    fn len(&self) -> usize {
        self.top.len()
    }

    fn is_empty(&self) -> bool {
        self.top.is_empty()
    }

    fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.top.iter().copied()
    }
}

/// The keys an Auth0 update body may have.
const AUTH0_UPDATE_FIELDS: &[&str] = &[
    "display_name",
    "show_as_button",
    "assign_membership_on_login",
    "is_enabled",
    "options",
];

fn has(obj: &Keys<'_>, key: &str) -> bool {
    obj.top.contains(&key)
}

fn data_has(obj: &Keys<'_>, keys: &[&str]) -> bool {
    obj.data
        .as_ref()
        .is_some_and(|d| keys.iter().any(|k| d.contains(k)))
}

/// How a payload's kind is detected from its content when it is not given: the first row that
/// matches wins. Deletes (`{"id": …}`) are not detected: an identity source's and a
/// connection's look the same.
pub static DETECTION: &[Detection] = &[
    Detection {
        when: "has `identity_providers`",
        kind: "auth0.idp.list",
        example: r#"{"identity_providers": []}"#,
        test: |o| has(o, "identity_providers"),
    },
    Detection {
        when: "has `identity_provider_id` and `method`",
        kind: "auth0.idp.provisioning",
        example: r#"{"identity_provider_id": "con_zW1UHutvkVWSWdCC", "method": "scim"}"#,
        test: |o| has(o, "identity_provider_id") && has(o, "method"),
    },
    Detection {
        when: "has `strategy` and `id`",
        kind: "auth0.idp",
        example: r#"{"id": "con_zW1UHutvkVWSWdCC", "strategy": "okta"}"#,
        test: |o| has(o, "strategy") && has(o, "id"),
    },
    Detection {
        when: "has `strategy` and `name`, no `id`",
        kind: "auth0.idp.create",
        example: r#"{"name": "acme", "strategy": "okta"}"#,
        test: |o| has(o, "strategy") && has(o, "name"),
    },
    Detection {
        when: "has only `domain`",
        kind: "auth0.idp.domain",
        example: r#"{"domain": "acme.com"}"#,
        test: |o| o.len() == 1 && has(o, "domain"),
    },
    Detection {
        when: "has only `token_lifetime`",
        kind: "auth0.idp.scim-token.create",
        example: r#"{"token_lifetime": 86400}"#,
        test: |o| o.len() == 1 && has(o, "token_lifetime"),
    },
    Detection {
        when: "has `token_id` and `token`",
        kind: "auth0.idp.scim-token",
        example: r#"{"token_id": "tok_Xb3kQ9wLm2Rt7VpZ", "token": "${SCIM_TOKEN}"}"#,
        test: |o| has(o, "token_id") && has(o, "token"),
    },
    Detection {
        when: "has `scim_tokens`",
        kind: "auth0.idp.scim-token.list",
        example: r#"{"scim_tokens": []}"#,
        test: |o| has(o, "scim_tokens"),
    },
    Detection {
        when: "has `organization` and `strategies`",
        kind: "auth0.idp.config",
        example: r#"{"organization": {}, "strategies": {}}"#,
        test: |o| has(o, "organization") && has(o, "strategies"),
    },
    Detection {
        when: "has only Auth0 update fields (`display_name`, `show_as_button`, `assign_membership_on_login`, `is_enabled`, `options`)",
        kind: "auth0.idp.update",
        example: r#"{"is_enabled": false}"#,
        test: |o| !o.is_empty() && o.keys().all(|k| AUTH0_UPDATE_FIELDS.contains(&k)),
    },
    Detection {
        when: "has `statusCode`, and `data` has `extIdpId`, `associationMode` or `challengeBindingMethods`",
        kind: "genauth.ext-idp-conn.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"extIdpId": "60b49eb83fd80adb96f26e68"}}"#,
        test: |o| {
            has(o, "statusCode")
                && data_has(
                    o,
                    &["extIdpId", "associationMode", "challengeBindingMethods"],
                )
        },
    },
    Detection {
        when: "has `statusCode`, and `data` has `list` or `totalCount`",
        kind: "genauth.ext-idp.list.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"totalCount": 0, "list": []}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["list", "totalCount"]),
    },
    Detection {
        when: "has `statusCode`, and `data` has `success`",
        kind: "genauth.is-success.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"success": true}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["success"]),
    },
    Detection {
        when: "has `statusCode`, and `data` has `name`",
        kind: "genauth.ext-idp.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"name": "acme"}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["name"]),
    },
    Detection {
        when: "has `statusCode` (any other envelope, such as an error response without `data`)",
        kind: "genauth.ext-idp-conn.response",
        example: r#"{"statusCode": 403, "message": "forbidden", "apiCode": 2333}"#,
        test: |o| has(o, "statusCode"),
    },
    Detection {
        when: "has `extIdpId` and `id`",
        kind: "genauth.ext-idp-conn",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "extIdpId": "6318061be13c0ce6a64093e5"}"#,
        test: |o| has(o, "extIdpId") && has(o, "id"),
    },
    Detection {
        when: "has `extIdpId`, no `id`",
        kind: "genauth.ext-idp-conn.create",
        example: r#"{"extIdpId": "6318061be13c0ce6a64093e5", "type": "oidc"}"#,
        test: |o| has(o, "extIdpId"),
    },
    Detection {
        when: "has `associationMode` or `challengeBindingMethods`",
        kind: "genauth.ext-idp-conn",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "associationMode": "none"}"#,
        test: |o| has(o, "associationMode") || has(o, "challengeBindingMethods"),
    },
    Detection {
        when: "has `id`, `enabled`, and `appId` or `appIds`",
        kind: "genauth.ext-idp-conn.state",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "enabled": true, "appId": "6229ffa0c7b2b3cade3e3d9a"}"#,
        test: |o| has(o, "id") && has(o, "enabled") && (has(o, "appId") || has(o, "appIds")),
    },
    Detection {
        when: "has `connIds`",
        kind: "genauth.ext-idp-conn.userpool-tenant-state",
        example: r#"{"connIds": ["60b49eb83fd80adb96f26e68"], "enabled": true}"#,
        test: |o| has(o, "connIds"),
    },
    Detection {
        when: "has `id` and `association`",
        kind: "genauth.ext-idp-conn.association",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "association": true}"#,
        test: |o| has(o, "id") && has(o, "association"),
    },
    Detection {
        when: "has `id` and `fields`",
        kind: "genauth.ext-idp-conn.update",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "displayName": "Acme", "fields": {}}"#,
        test: |o| has(o, "id") && has(o, "fields"),
    },
    Detection {
        when: "has `type`, `name`, `id` and `logo`",
        kind: "genauth.ext-idp",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "name": "Acme", "type": "oidc", "logo": "https://example.com/a.png"}"#,
        test: |o| has(o, "type") && has(o, "name") && has(o, "id") && has(o, "logo"),
    },
    Detection {
        when: "has `type` and `name`, no `id`",
        kind: "genauth.ext-idp.create",
        example: r#"{"name": "Acme", "type": "oidc"}"#,
        test: |o| has(o, "type") && has(o, "name") && !has(o, "id"),
    },
    Detection {
        when: "has `id` and `name`, no `logo`",
        kind: "genauth.ext-idp.update",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "name": "Acme"}"#,
        test: |o| has(o, "id") && has(o, "name") && !has(o, "logo"),
    },
];

/// Guess the kind of a payload from its content, by the [`DETECTION`] table (first match wins).
pub fn detect(value: &Value) -> Option<&'static Kind> {
    detect_view(value)
}

/// [`detect`], for a payload held either way.
pub(crate) fn detect_view<'v, V: View<'v>>(value: V) -> Option<&'static Kind> {
    let keys = Keys::of(value)?;
    DETECTION
        .iter()
        .find(|row| (row.test)(&keys))
        .and_then(|row| find(row.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_detection_row_detects_its_example() {
        for row in DETECTION {
            assert!(find(row.kind).is_some(), "unknown kind {}", row.kind);
            let value: Value = serde_json::from_str(row.example).expect(row.example);
            let first = DETECTION
                .iter()
                .position(|r| (r.test)(&Keys::of(&value).expect("an object")));
            assert_eq!(
                first.map(|i| DETECTION[i].kind),
                Some(row.kind),
                "the example of `{}` is detected by another row",
                row.when
            );
        }
    }

    #[test]
    fn undetectable_payloads_are_not_guessed() {
        for text in [
            r#"{"id": "60b49eb83fd80adb96f26e68"}"#,
            r#"{"hello": "world"}"#,
            "{}",
            "[]",
            r#"{"code": 200, "message": "ok", "data": {}}"#,
        ] {
            let value: Value = serde_json::from_str(text).expect(text);
            assert!(detect(&value).is_none(), "{text} was detected");
        }
    }
}
