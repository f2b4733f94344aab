//! The body of `POST /my-org/identity-providers` (kind `auth0.idp.create`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{AccessLevel, CONNECTION_NAME_PATTERN, IDP_ID_PATTERN};
use super::options::{
    AdfsOptionsRequest, GoogleAppsOptionsRequest, OidcOptionsRequest, OktaOptionsRequest,
    PingfederateOptionsRequest, SamlpOptionsRequest, WaadOptionsRequest,
};
use crate::schema::transforms::dispatch_on;

/// Create an identity provider: the body of `POST /my-org/identity-providers`. The shape of
/// `options` depends on `strategy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Auth0 identity provider: create request", transform = dispatch_on("strategy"))]
pub struct IdpCreate {
    /// Read-only: the API assigns the id. Do not send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(IDP_ID_PATTERN), extend("readOnly" = true))]
    pub id: Option<String>,
    /// The connection name, unique in the tenant. The Connection Profile's prefix may be put
    /// in front of it.
    #[schemars(length(min = 1, max = 128), extend("x-idplint-warn" = {"pattern": CONNECTION_NAME_PATTERN}))]
    pub name: String,
    /// The name shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128))]
    pub display_name: Option<String>,
    /// Domains for Home Realm Discovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Show a login button for this identity provider (new Universal Login only). When false,
    /// it is reachable only through Home Realm Discovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_button: Option<bool>,
    /// Make users members of the organization when they log in through it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_membership_on_login: Option<bool>,
    /// Whether the identity provider is enabled for the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_enabled: Option<bool>,
    /// Read-only: what the organization admin may do with the identity provider. Do not send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("readOnly" = true))]
    pub access_level: Option<AccessLevel>,
    /// The strategy and its options.
    #[serde(flatten)]
    pub config: CreateConfig,
}

/// A strategy with the options it takes in a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "strategy", content = "options", rename_all = "kebab-case")]
pub enum CreateConfig {
    /// Active Directory Federation Services.
    Adfs(AdfsOptionsRequest),
    /// Google Workspace.
    GoogleApps(GoogleAppsOptionsRequest),
    /// Any OpenID Connect provider.
    Oidc(OidcOptionsRequest),
    /// Okta Workforce.
    Okta(OktaOptionsRequest),
    /// PingFederate.
    Pingfederate(PingfederateOptionsRequest),
    /// Any SAML 2.0 provider.
    Samlp(SamlpOptionsRequest),
    /// Microsoft Entra ID (Azure AD).
    Waad(WaadOptionsRequest),
}
