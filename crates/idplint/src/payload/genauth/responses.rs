//! What the API returns: connections, identity sources, and the envelope around them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::enums::{AssociationMode, ChallengeBindingMethod, ConnType};
use crate::schema::transforms::push_all_of;

/// A connection as returned by create and update (`ExtIdpConnDetail`, kind `genauth.ext-idp-conn`).
/// Since 2022-09 the API no longer returns `fields`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdpConnDetail {
    /// The connection's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// The connection's type.
    #[serde(rename = "type")]
    pub kind: ConnType,
    /// The id of the identity source it belongs to.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub ext_idp_id: String,
    /// The URL of the icon on the login button.
    pub logo: String,
    /// The connection's identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-lint" = "identifier-format"))]
    pub identifier: Option<String>,
    /// The name on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Only existing accounts may sign in through it.
    pub login_only: bool,
    /// How a user is linked to an existing account.
    pub association_mode: AssociationMode,
    /// How a user proves an existing account when asked to bind it: a JSON array (some
    /// documentation samples show it as a JSON-encoded string, which the schema does not allow).
    pub challenge_binding_methods: Vec<ChallengeBindingMethod>,
    /// The connection's settings: returned by the V2 API and by some list endpoints, not by V3
    /// create and update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Map<String, Value>>,
}

/// An identity source as returned (`ExtIdpDto`, and `ExtIdpDetail` with its connections;
/// kind `genauth.ext-idp`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdp {
    /// The identity source's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// Its name.
    pub name: String,
    /// The URL of its icon.
    pub logo: String,
    /// Its type, such as `oidc`, `oauth2` or `wechat` (a plain string in the API's response
    /// schema).
    #[serde(rename = "type")]
    pub kind: String,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
    /// Its connections (`get-ext-idp` only). The official spec declares an object; the API
    /// returns a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<Vec<Map<String, Value>>>,
    /// Whether users join the tenant automatically (`get-ext-idp` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_join: Option<bool>,
}

/// A page of identity sources (`ExtIdpListPagingDto`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdpList {
    /// How many identity sources there are in all.
    pub total_count: u64,
    /// This page.
    pub list: Vec<ExtIdp>,
}

/// The answer of a delete or a state change (`IsSuccessDto`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IsSuccess {
    /// Whether it worked.
    pub success: bool,
}

/// The envelope of every V3 response, around `data` of type `T` (kinds
/// `genauth.ext-idp-conn.response`, `genauth.ext-idp.response`, `genauth.ext-idp.list.response`,
/// `genauth.is-success.response`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = data_on_success)]
pub struct Envelope<T> {
    /// `200` on success; otherwise the class of the error, such as `400` or `403` (the HTTP
    /// status is usually 200 either way).
    pub status_code: i64,
    /// What happened.
    pub message: String,
    /// A finer error code, on business errors only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_code: Option<i64>,
    /// The request's id, for support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The result; required on success (`statusCode` 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

/// A successful response (`statusCode` 200) carries `data`.
fn data_on_success(schema: &mut schemars::Schema) {
    push_all_of(
        schema,
        json!([{
            "if": {"properties": {"statusCode": {"const": 200}}, "required": ["statusCode"]},
            "then": {
                "description": "needs `data` on success (`statusCode` 200)",
                "required": ["data"]
            }
        }]),
    );
}
