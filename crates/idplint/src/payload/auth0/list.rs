//! The list response (kind `auth0.idp.list`).

use std::borrow::Cow;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::common::{AccessLevel, IDP_ID_PATTERN};
use super::response::Idp;

/// The response of `GET /my-org/identity-providers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity providers: list response")]
pub struct IdpList {
    /// The identity providers: full items, and minimal items for those the organization admin
    /// cannot configure.
    pub identity_providers: Vec<IdpListItem>,
}

/// One item of the list: a full identity provider (it has a `strategy`), or a minimal one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IdpListItem {
    /// An identity provider the organization admin can see.
    Known(Box<Idp>),
    /// An identity provider with access level `none`, listed through its member access level.
    Minimal(IdpMinimal),
}

impl JsonSchema for IdpListItem {
    fn schema_name() -> Cow<'static, str> {
        "IdpListItem".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        // Chosen by the presence of `strategy`, so that errors come from the right shape
        // instead of an `anyOf` that fails as a whole.
        json_schema!({
            "description": "A full identity provider when it has a `strategy`, otherwise a minimal item",
            "if": {"type": "object", "required": ["strategy"]},
            "then": generator.subschema_for::<Idp>(),
            "else": generator.subschema_for::<IdpMinimal>(),
        })
    }
}

/// A minimal list item (`IdpMinimalResponse`): an identity provider with access level `none`
/// that still appears through its member access level. Configuration is left out on purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdpMinimal {
    /// The identity provider's id.
    #[schemars(pattern(IDP_ID_PATTERN), extend("readOnly" = true))]
    pub id: String,
    /// The connection name; `null` when a tenant admin has not set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 128), extend("x-idplint-nullable" = true))]
    pub name: Option<String>,
    /// The name shown on the login button.
    #[schemars(length(min = 1, max = 128))]
    pub display_name: String,
    /// Whether the identity provider is enabled for the organization.
    pub is_enabled: bool,
    /// What the organization admin may do with the identity provider.
    #[schemars(extend("readOnly" = true))]
    pub access_level: AccessLevel,
}
