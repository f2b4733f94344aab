//! Domains, provisioning and SCIM tokens of an identity provider.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{IDP_ID_PATTERN, ORG_DOMAIN_PATTERN, Strategy};

/// The body and the response of `POST /my-org/identity-providers/{idp_id}/domains`
/// (kind `auth0.idp.domain`). The domain must already be claimed and verified by the organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: domain association")]
pub struct IdpDomain {
    /// A verified domain of the organization, e.g. `acme.com`.
    #[schemars(pattern(ORG_DOMAIN_PATTERN))]
    pub domain: String,
}

/// How users are provisioned (`IdpProvisioningMethodEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProvisioningMethod {
    /// No provisioning.
    None,
    /// SCIM 2.0.
    Scim,
}

/// A provisioning configuration as returned (kind `auth0.idp.provisioning`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: provisioning configuration")]
pub struct ProvisioningConfig {
    /// The identity provider's id.
    #[schemars(pattern(IDP_ID_PATTERN))]
    pub identity_provider_id: String,
    /// The identity provider's name.
    #[schemars(length(min = 1, max = 128), extend("readOnly" = true))]
    pub identity_provider_name: String,
    /// The identity provider's strategy.
    pub strategy: Strategy,
    /// How users are provisioned.
    pub method: ProvisioningMethod,
    /// The provisioning attribute mappings.
    pub attributes: Vec<ProvisioningAttributeMapItem>,
    /// The SCIM attribute that identifies a user, e.g. `externalId`.
    pub user_id_attribute: String,
    /// When the configuration was created.
    #[schemars(extend("format" = "date-time"))]
    pub created_at: String,
    /// When the configuration was last updated (note: `updated_on`, not `updated_at`).
    #[schemars(extend("format" = "date-time"))]
    pub updated_on: String,
}

/// One provisioning attribute mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisioningAttributeMapItem {
    /// The SCIM field, e.g. `userName`.
    pub provisioning_field: String,
    /// The Auth0 user attribute, e.g. `preferred_username`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_attribute: Option<String>,
    /// A description of the attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The attribute's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether the attribute is required.
    pub is_required: bool,
    /// The source sends it but the admin-defined schema does not define it.
    pub is_extra: bool,
    /// The admin-defined schema expects it but the source does not send it.
    pub is_missing: bool,
}

/// The body of `POST …/provisioning/scim-tokens` (kind `auth0.idp.scim-token.create`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: SCIM token create request")]
pub struct ScimTokenCreate {
    /// The token's lifetime in seconds, more than 900. Leave it out for a token that never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("exclusiveMinimum" = 900))]
    pub token_lifetime: Option<i64>,
}

/// A SCIM token as returned once, by `POST …/provisioning/scim-tokens` (kind
/// `auth0.idp.scim-token`). The `token` is a secret: idplint masks it in every output, and a
/// literal one in a file is a `plaintext-secret`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: SCIM token create response")]
pub struct ScimToken {
    /// The token's id.
    pub token_id: String,
    /// The SCIM client's token. Returned only here, when the token is created.
    pub token: String,
    /// The token's scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// When the token was created.
    #[schemars(extend("format" = "date-time"))]
    pub created_at: String,
    /// When the token expires; absent for a token that never does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub valid_until: Option<String>,
}

/// The response of `GET …/provisioning/scim-tokens` (kind `auth0.idp.scim-token.list`): the
/// tokens without their secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: SCIM token list response")]
pub struct ScimTokenList {
    /// The tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scim_tokens: Option<Vec<ScimTokenItem>>,
}

/// One token of the list: a [`ScimToken`] without its `token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScimTokenItem {
    /// The token's id.
    pub token_id: String,
    /// The token's scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// When the token was created.
    #[schemars(extend("format" = "date-time"))]
    pub created_at: String,
    /// When the token expires; absent for a token that never does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub valid_until: Option<String>,
}

/// What the organization's admins may configure on identity providers, as returned by
/// `GET /my-org/config/identity-providers` (kind `auth0.idp.config`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity providers: configuration")]
pub struct IdentityProvidersConfig {
    /// What the organization's admins may set.
    pub organization: IdpConfigOrganization,
    /// Per-strategy features and provisioning methods.
    pub strategies: IdpConfigStrategies,
}

/// What the organization's admins may set on their identity providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdpConfigOrganization {
    /// Whether they may set `show_as_button`.
    pub can_set_show_as_button: bool,
    /// Whether they may set `assign_membership_on_login`.
    pub can_set_assign_membership_on_login: bool,
}

/// The strategies' configurations, by strategy (Google Workspace is `googleapps` here).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdpConfigStrategies {
    /// `adfs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adfs: Option<StrategyConfig>,
    /// `google-apps`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub googleapps: Option<StrategyConfig>,
    /// `oidc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc: Option<StrategyConfig>,
    /// `okta`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub okta: Option<StrategyConfig>,
    /// `pingfederate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pingfederate: Option<StrategyConfig>,
    /// `samlp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samlp: Option<StrategyConfig>,
    /// `waad`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waad: Option<StrategyConfig>,
}

/// One strategy's features and provisioning methods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategyConfig {
    /// The features enabled for the strategy, each once.
    #[schemars(extend("uniqueItems" = true))]
    pub enabled_features: Vec<EnabledFeature>,
    /// The provisioning methods the strategy supports.
    pub provisioning_methods: Vec<ConfigProvisioningMethod>,
}

/// A feature of a strategy (`IdentityProvidersConfigEnabledFeaturesEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EnabledFeature {
    /// User provisioning.
    Provisioning,
    /// Universal logout.
    UniversalLogout,
}

/// A provisioning method a strategy supports (`IdentityProvidersConfigProvisioningMethodsEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ConfigProvisioningMethod {
    /// SCIM 2.0.
    Scim,
}
