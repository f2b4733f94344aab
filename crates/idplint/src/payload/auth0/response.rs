//! An identity provider as returned (kind `auth0.idp`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{AccessLevel, IDP_ID_PATTERN, UserAttributeMapItem};
use super::options::{
    AdfsOptionsResponse, GoogleAppsOptionsResponse, OidcOptionsResponse, OktaOptionsResponse,
    PingfederateOptionsResponse, SamlpOptionsResponse, WaadOptionsResponse,
};
use crate::schema::transforms::dispatch_on;

/// An identity provider as returned by get, create, update and refresh (`IdpKnownResponse`).
/// Secrets are write-only: a response never carries them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Auth0 identity provider", transform = dispatch_on("strategy"))]
pub struct Idp {
    /// The identity provider's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(IDP_ID_PATTERN), extend("readOnly" = true))]
    pub id: Option<String>,
    /// The connection name; `null` when a tenant admin has not set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 128), extend("x-idplint-nullable" = true))]
    pub name: Option<String>,
    /// The name shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128))]
    pub display_name: Option<String>,
    /// Domains for Home Realm Discovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Whether a login button is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_as_button: Option<bool>,
    /// Whether users become members of the organization when they log in through it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_membership_on_login: Option<bool>,
    /// Whether the identity provider is enabled for the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_enabled: Option<bool>,
    /// What the organization admin may do with the identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("readOnly" = true))]
    pub access_level: Option<AccessLevel>,
    /// The strategy, its options, and (for oidc, okta and samlp) the attribute mappings.
    #[serde(flatten)]
    pub config: IdpConfig,
}

/// A strategy with the options (and attribute mappings) it has in a response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "strategy", rename_all = "kebab-case")]
pub enum IdpConfig {
    /// Active Directory Federation Services.
    Adfs {
        /// The options.
        options: AdfsOptionsResponse,
    },
    /// Google Workspace.
    GoogleApps {
        /// The options.
        options: GoogleAppsOptionsResponse,
    },
    /// Any OpenID Connect provider.
    Oidc {
        /// The options.
        options: OidcOptionsResponse,
        /// The attribute mappings.
        attributes: Vec<UserAttributeMapItem>,
    },
    /// Okta Workforce.
    Okta {
        /// The options.
        options: OktaOptionsResponse,
        /// The attribute mappings.
        attributes: Vec<UserAttributeMapItem>,
    },
    /// PingFederate.
    Pingfederate {
        /// The options.
        options: PingfederateOptionsResponse,
    },
    /// Any SAML 2.0 provider.
    Samlp {
        /// The options.
        options: SamlpOptionsResponse,
        /// The attribute mappings.
        attributes: Vec<UserAttributeMapItem>,
    },
    /// Microsoft Entra ID (Azure AD).
    Waad {
        /// The options.
        options: WaadOptionsResponse,
    },
}
