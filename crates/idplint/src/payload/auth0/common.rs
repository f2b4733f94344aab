//! Types shared by the Auth0 payloads.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The pattern of an identity provider id (`IdpId`).
pub const IDP_ID_PATTERN: &str = "^con_[A-Za-z0-9]{16}$";
/// The pattern of an organization domain name (`OrgDomainName`).
pub const ORG_DOMAIN_PATTERN: &str = "^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$";
/// The pattern the Management API sets on a connection name.
pub const CONNECTION_NAME_PATTERN: &str = "^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$";

/// The patterns above in words, for messages.
pub const PATTERN_NAMES: &[(&str, &str)] = &[
    (
        IDP_ID_PATTERN,
        "an identity provider id: `con_` and 16 letters or digits",
    ),
    (
        ORG_DOMAIN_PATTERN,
        "a domain name such as `acme.com`, without scheme, port or path",
    ),
    (
        CONNECTION_NAME_PATTERN,
        "letters and digits, with single hyphens between them (such as `acme-sso`)",
    ),
];

/// The strategy of an identity provider: the protocol or vendor (`IdpStrategyEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Active Directory Federation Services.
    Adfs,
    /// Google Workspace.
    GoogleApps,
    /// Any OpenID Connect provider.
    Oidc,
    /// Okta Workforce.
    Okta,
    /// PingFederate.
    Pingfederate,
    /// Any SAML 2.0 provider.
    Samlp,
    /// Microsoft Entra ID (Azure AD).
    Waad,
}

impl Strategy {
    /// Every strategy, in the API's order.
    pub const ALL: [Strategy; 7] = [
        Strategy::Adfs,
        Strategy::GoogleApps,
        Strategy::Oidc,
        Strategy::Okta,
        Strategy::Pingfederate,
        Strategy::Samlp,
        Strategy::Waad,
    ];

    /// The API's name of the strategy (`google-apps`).
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Adfs => "adfs",
            Strategy::GoogleApps => "google-apps",
            Strategy::Oidc => "oidc",
            Strategy::Okta => "okta",
            Strategy::Pingfederate => "pingfederate",
            Strategy::Samlp => "samlp",
            Strategy::Waad => "waad",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Strategy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Strategy::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| format!("unknown strategy `{s}` (expected one of adfs, google-apps, oidc, okta, pingfederate, samlp, waad)"))
    }
}

/// What the organization admin may do with an identity provider (`OrganizationAccessLevelEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AccessLevel {
    /// Neither visible nor editable.
    None,
    /// Visible, not editable.
    Readonly,
    /// Only `show_as_button`, `assign_membership_on_login` and `is_enabled` may change.
    Limited,
    /// Everything the connection allows may change.
    Full,
}

impl AccessLevel {
    /// Every level, from least to most.
    pub const ALL: [AccessLevel; 4] = [
        AccessLevel::None,
        AccessLevel::Readonly,
        AccessLevel::Limited,
        AccessLevel::Full,
    ];

    /// The API's name of the level.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::None => "none",
            AccessLevel::Readonly => "readonly",
            AccessLevel::Limited => "limited",
            AccessLevel::Full => "full",
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccessLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        AccessLevel::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown access level `{s}` (expected one of none, readonly, limited, full)"
                )
            })
    }
}

/// How the oidc connection talks to the provider (`IdpOidcOptionsTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OidcType {
    /// In the browser: implicit flow with `form_post`.
    FrontChannel,
    /// Server to server: authorization code flow, with a client secret.
    BackChannel,
}

/// SAML signature algorithm (`IdpSignAlgTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureAlgorithm {
    /// RSA with SHA-256.
    RsaSha256,
    /// RSA with SHA-1.
    RsaSha1,
}

/// SAML digest algorithm (`IdpSignAlgDigestTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DigestAlgorithm {
    /// SHA-256.
    Sha256,
    /// SHA-1.
    Sha1,
}

/// SAML protocol binding (`IdpProtocolBindingTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ProtocolBinding {
    /// HTTP-Redirect binding.
    #[serde(rename = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect")]
    HttpRedirect,
    /// HTTP-POST binding.
    #[serde(rename = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")]
    HttpPost,
}

/// IdP-initiated single sign-on (`IdpOptionsIdpInitiated`). An open object: other keys are
/// accepted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IdpInitiated {
    /// Whether IdP-initiated SSO is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The default application for the IdP-initiated flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-warn" = {"minLength": 1, "maxLength": 256}))]
    pub client_id: Option<String>,
    /// The protocol of that application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-warn" = {"enum": ["oidc", "samlp", "wsfed"]}))]
    pub client_protocol: Option<String>,
    /// Query-string template for the flow, e.g. `redirect_uri=…&scope=openid email&response_type=token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-warn" = {"minLength": 1, "maxLength": 2048}))]
    pub client_authorizequery: Option<String>,
}

/// One attribute mapping of an identity provider (`IdpUserAttributeMapItem`). Read-only: it
/// changes only through the refresh endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserAttributeMapItem {
    /// The SSO-side field or fields, e.g. `["userName"]`.
    pub sso_field: Vec<String>,
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
    /// The provider sends it but the admin-defined schema does not define it; a refresh removes it.
    pub is_extra: bool,
    /// The admin-defined schema expects it but the provider does not send it; a refresh adds it.
    pub is_missing: bool,
}
