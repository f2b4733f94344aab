//! The body of `PATCH /my-org/identity-providers/{idp_id}` (kind `auth0.idp.update`).
//!
//! The body names no strategy. [`IdpUpdate`] takes any strategy's options (`anyOf` in the
//! schema); [`IdpUpdateFor`] takes one strategy's. The access level each field needs is declared
//! here, once, with `x-idplint-access`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::options::{
    AdfsOptionsRequest, GoogleAppsOptionsRequest, OidcOptionsRequest, OktaOptionsRequest,
    PingfederateOptionsRequest, SamlpOptionsRequest, WaadOptionsRequest,
};
use crate::schema::transforms::forbid;

/// Update an identity provider: the body of `PATCH /my-org/identity-providers/{idp_id}`, for
/// options of type `O`. Every field is optional; `options`, when sent, replaces the whole
/// options object, so it must be complete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = forbid(UPDATE_FORBIDDEN))]
pub struct IdpUpdateFor<O> {
    /// The name shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128), extend("x-idplint-access" = ["full"]))]
    pub display_name: Option<String>,
    /// Show a login button for this identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-access" = ["full", "limited"]))]
    pub show_as_button: Option<bool>,
    /// Make users members of the organization when they log in through it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-access" = ["full", "limited"]))]
    pub assign_membership_on_login: Option<bool>,
    /// Whether the identity provider is enabled for the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-access" = ["full", "limited"]))]
    pub is_enabled: Option<bool>,
    /// The strategy's options. They replace the stored options whole: send every required key,
    /// secrets included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-access" = ["full"]))]
    pub options: Option<O>,
}

/// Fields an update body may not carry: `(name, read-only, why)`.
const UPDATE_FORBIDDEN: &[(&str, bool, &str)] = &[
    (
        "id",
        true,
        "the id goes in the URL: `PATCH /my-org/identity-providers/{idp_id}`",
    ),
    (
        "strategy",
        true,
        "the strategy of an identity provider cannot change; create a new one instead",
    ),
    (
        "access_level",
        true,
        "the access level is set by a tenant admin through the Management API",
    ),
    (
        "name",
        false,
        "the connection name cannot be changed through the My Organization API",
    ),
    (
        "domains",
        false,
        "domains change through `POST /identity-providers/{idp_id}/domains` and `DELETE …/domains/{domain}`",
    ),
    (
        "attributes",
        false,
        "attribute mappings change only through `PUT /identity-providers/{idp_id}/update-attributes`",
    ),
];

/// The options of any strategy, as sent (`anyOf` of the seven shapes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnyOptionsRequest {
    /// `adfs` options.
    Adfs(AdfsOptionsRequest),
    /// `google-apps` options.
    GoogleApps(GoogleAppsOptionsRequest),
    /// `oidc` options.
    Oidc(OidcOptionsRequest),
    /// `okta` options.
    Okta(OktaOptionsRequest),
    /// `pingfederate` options.
    Pingfederate(PingfederateOptionsRequest),
    /// `samlp` options.
    Samlp(SamlpOptionsRequest),
    /// `waad` options.
    Waad(WaadOptionsRequest),
}

/// An update body for an identity provider of any strategy.
pub type IdpUpdate = IdpUpdateFor<AnyOptionsRequest>;
