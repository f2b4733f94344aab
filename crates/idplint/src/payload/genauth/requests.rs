//! The request bodies: identity sources, connections, and the state and association changes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::enums::{ConnType, ExtIdpType};
use super::fields::describe_fields;
use crate::schema::transforms::forbid;

/// Fields only a response has: `(name, read-only, why)`.
const RESPONSE_ONLY: &[(&str, bool, &str)] = &[
    (
        "associationMode",
        true,
        "`associationMode` is response-only: the V3 API takes no account-linking settings in a connection body; set them in the console",
    ),
    (
        "challengeBindingMethods",
        true,
        "`challengeBindingMethods` is response-only: the V3 API takes no account-linking settings in a connection body; set them in the console",
    ),
];

/// Fields of a connection that an update cannot change.
const CONN_FIXED: &[(&str, bool, &str)] = &[
    (
        "type",
        true,
        "the type of a connection cannot change after it is created; create a new connection instead",
    ),
    (
        "identifier",
        true,
        "the `identifier` of a connection cannot change after it is created",
    ),
    (
        "extIdpId",
        true,
        "a connection cannot move to another identity source",
    ),
];

const EXT_IDP_UPDATE_FORBIDDEN: &[(&str, bool, &str)] = &[(
    "type",
    true,
    "the type of an identity source cannot change after it is created; only `name` can",
)];

/// Create an identity source: the body of `POST /api/v3/create-ext-idp`
/// (kind `genauth.ext-idp.create`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdpCreate {
    /// The identity source's name.
    pub name: String,
    /// The identity source's type (generic OAuth 2.0 is `oauth2`).
    #[serde(rename = "type")]
    pub kind: ExtIdpType,
    /// The tenant; leave it out for the user pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Rename an identity source: the body of `POST /api/v3/update-ext-idp`
/// (kind `genauth.ext-idp.update`). Only the name can change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = forbid(EXT_IDP_UPDATE_FORBIDDEN))]
pub struct ExtIdpUpdate {
    /// The identity source's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// The new name.
    pub name: String,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Delete an identity source or a connection: the body of `POST /api/v3/delete-ext-idp` and of
/// `POST /api/v3/delete-ext-idp-conn` (kinds `genauth.ext-idp.delete`,
/// `genauth.ext-idp-conn.delete`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Delete {
    /// The id of what to delete.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Create a connection of an identity source: the body of `POST /api/v3/create-ext-idp-conn`
/// (kind `genauth.ext-idp-conn.create`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = forbid(RESPONSE_ONLY), transform = describe_fields)]
pub struct ExtIdpConnCreate {
    /// The id of the identity source the connection belongs to (the official spec calls it
    /// "connection id", but it is the parent identity source's id).
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub ext_idp_id: String,
    /// The connection's type (generic OAuth 2.0 is `oauth`).
    #[serde(rename = "type")]
    pub kind: ConnType,
    /// The connection's identifier: unique, and fixed once created.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "identifier-format"))]
    pub identifier: String,
    /// The name on the login button.
    pub display_name: String,
    /// The connection's settings, such as `clientId` and `clientSecret`; the keys depend on
    /// `type`.
    pub fields: Map<String, Value>,
    /// Only existing accounts may sign in through it; it creates no new ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_only: Option<bool>,
    /// The URL of the icon on the login button; the API picks one when it is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Update a connection: the body of `POST /api/v3/update-ext-idp-conn`
/// (kind `genauth.ext-idp-conn.update`). `displayName` and `fields` are required even for a
/// partial update; `fields` is merged into the stored settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(
    transform = forbid(RESPONSE_ONLY),
    transform = forbid(CONN_FIXED),
    transform = describe_fields
)]
pub struct ExtIdpConnUpdate {
    /// The connection's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// The name on the login button.
    pub display_name: String,
    /// The settings to change: merged into the stored ones.
    pub fields: Map<String, Value>,
    /// The URL of the icon on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Only existing accounts may sign in through it; it creates no new ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_only: Option<bool>,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Turn a connection on or off for an application: the body of
/// `POST /api/v3/change-ext-idp-conn-state` (kind `genauth.ext-idp-conn.state`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdpConnState {
    /// The connection's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// On or off.
    pub enabled: bool,
    /// The application's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub app_id: String,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
    /// Several applications at once (how it combines with `appId` is not documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_ids: Option<Vec<Id>>,
}

/// A GenAuth id in a list (`appIds`, `connIds`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Id(#[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))] pub String);

/// Associate a connection with a tenant, or end the association: the body of
/// `POST /api/v3/change-ext-idp-conn-association-state` (kind
/// `genauth.ext-idp-conn.association`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtIdpConnAssociation {
    /// The connection's id.
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub id: String,
    /// Associate (`true`) or dissociate (`false`).
    pub association: bool,
    /// The tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), extend("x-idplint-lint" = "id-format"))]
    pub tenant_id: Option<String>,
}

/// Turn connections on or off for the tenants of a user pool: the body of
/// `POST /api/v3/change-userpool-tenant-ext-idp-conn-state` (kind
/// `genauth.ext-idp-conn.userpool-tenant-state`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UserPoolTenantConnState {
    /// The connections' ids.
    pub conn_ids: Vec<Id>,
    /// On or off.
    pub enabled: bool,
}
