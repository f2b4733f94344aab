//! The `options` of each strategy: what a create or update request sends, and what a response
//! returns. Limits that only the Management API states are `x-idplint-warn` (warnings).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{DigestAlgorithm, IdpInitiated, OidcType, ProtocolBinding, SignatureAlgorithm};
use crate::schema::transforms::{exactly_one_of, write_only};

// ---------------------------------------------------------------------------------------------
// Requests (create and update)
// ---------------------------------------------------------------------------------------------

/// Options of an `oidc` identity provider, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OidcOptionsRequest {
    /// `front_channel` (browser, implicit flow with form_post) or `back_channel` (server to server).
    #[serde(rename = "type")]
    pub kind: OidcType,
    /// The client id of the application registered at the provider.
    #[schemars(extend("x-idplint-warn" = {"maxLength": 255}))]
    pub client_id: String,
    /// The client secret. Write-only: never returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"maxLength": 700}))]
    pub client_secret: Option<String>,
    /// The provider's OpenID configuration URL (`…/.well-known/openid-configuration`).
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub discovery_url: String,
}

/// Options of an `okta` identity provider, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OktaOptionsRequest {
    /// The Okta domain of the organization, e.g. `acme.okta.com`.
    #[schemars(extend("x-idplint-warn" = {"minLength": 4, "maxLength": 255}))]
    pub domain: String,
    /// The client id of the Okta application.
    #[schemars(extend("x-idplint-warn" = {"maxLength": 255}))]
    pub client_id: String,
    /// The client secret of the Okta application. Write-only: never returned.
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"maxLength": 700}))]
    pub client_secret: String,
    /// The URL of the icon shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub icon_url: Option<String>,
}

/// Options of a `waad` (Microsoft Entra ID) identity provider, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaadOptionsRequest {
    /// The Entra ID (Azure AD) domain, e.g. `acme.onmicrosoft.com`, or the tenant id.
    #[schemars(extend("x-idplint-warn" = {"maxLength": 512}))]
    pub tenant_domain: String,
    /// The application (client) id.
    #[schemars(extend("x-idplint-warn" = {"pattern": "^[a-zA-Z0-9-:./_~]+$", "maxLength": 100}))]
    pub client_id: String,
    /// The client secret. Write-only: never returned.
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"maxLength": 10000}))]
    pub client_secret: String,
    /// The URL of the icon shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub icon_url: Option<String>,
}

/// Options of a `google-apps` (Google Workspace) identity provider, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoogleAppsOptionsRequest {
    /// The Google Workspace domain, e.g. `acme.com`.
    #[schemars(extend("x-idplint-warn" = {"minLength": 1, "maxLength": 1024}))]
    pub domain: String,
    /// The OAuth client id.
    #[schemars(extend("x-idplint-warn" = {"minLength": 1, "maxLength": 128}))]
    pub client_id: String,
    /// The OAuth client secret. Write-only: never returned.
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"minLength": 1, "maxLength": 4096}))]
    pub client_secret: String,
    /// The URL of the icon shown on the login button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub icon_url: Option<String>,
}

/// Options of an `adfs` identity provider, as sent: exactly one of `adfs_server` and
/// `fedMetadataXml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = exactly_one_of("adfs_server", "fedMetadataXml"))]
pub struct AdfsOptionsRequest {
    /// The public URL of the ADFS server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-warn" = {"maxLength": 2048}))]
    pub adfs_server: Option<String>,
    /// The Federation Metadata XML document.
    #[serde(
        default,
        rename = "fedMetadataXml",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(extend("x-idplint-warn" = {"minLength": 1, "maxLength": 102_400}))]
    pub fed_metadata_xml: Option<String>,
}

/// Options of a `pingfederate` identity provider, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PingfederateOptionsRequest {
    /// The PingFederate base URL used to build the connection.
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "maxLength": 256}))]
    pub ping_federate_base_url: String,
    /// The PingFederate server's public key, PEM or CER encoded. Write-only: responses carry
    /// `cert` instead.
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"minLength": 1, "maxLength": 10240}))]
    pub signing_cert: String,
    /// The signature algorithm.
    pub signature_algorithm: SignatureAlgorithm,
    /// The digest algorithm.
    pub digest_algorithm: DigestAlgorithm,
    /// Whether to sign the SAML AuthnRequest.
    #[serde(rename = "signSAMLRequest")]
    pub sign_saml_request: bool,
    /// IdP-initiated single sign-on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_initiated: Option<IdpInitiated>,
    /// The URL of the icon shown on the login button.
    #[serde(default, rename = "icon_url", skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub icon_url: Option<String>,
}

/// Options of a `samlp` identity provider, as sent: either an automatic set-up
/// (`metadataUrl`) or a manual one (`signInEndpoint` and `signingCert`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = samlp_setup)]
pub struct SamlpOptionsRequest {
    /// Automatic set-up: the URL of the IdP's SAML metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 2048}))]
    pub metadata_url: Option<String>,
    /// Manual set-up: the IdP's sign-in URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 2048}))]
    pub sign_in_endpoint: Option<String>,
    /// The IdP's signing certificate, PEM or CER encoded. Required for a manual set-up; read
    /// from the metadata when left out of an automatic one. Write-only: responses carry `cert`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("writeOnly" = true, "x-idplint-warn" = {"minLength": 1, "maxLength": 10240}))]
    pub signing_cert: Option<String>,
    /// Deprecated in requests since 2026-08: the old name of `signingCert`. Send `signingCert`
    /// instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("deprecated" = true))]
    pub cert: Option<String>,
    /// Whether to sign the SAML AuthnRequest.
    #[serde(rename = "signSAMLRequest")]
    pub sign_saml_request: bool,
    /// The signature algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The digest algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// The SAML protocol binding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol_binding: Option<ProtocolBinding>,
    /// The HTTP binding used for sending SAML messages, e.g. `HTTP-Redirect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<String>,
    /// IdP-initiated single sign-on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_initiated: Option<IdpInitiated>,
    /// The URL of the icon shown on the login button.
    #[serde(default, rename = "icon_url", skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-https" = true, "x-idplint-warn" = {"format": "uri", "minLength": 8, "maxLength": 255}))]
    pub icon_url: Option<String>,
    /// The OpenID discovery URL of a trusted OIDC provider linked to this SAML IdP, used to
    /// validate ID-JAGs for cross-app access.
    #[serde(
        default,
        rename = "discovery_url",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(extend("x-idplint-https" = true))]
    pub discovery_url: Option<String>,
}

/// The two samlp set-ups, and `cert` as the old name of `signingCert`.
fn samlp_setup(schema: &mut schemars::Schema) {
    crate::schema::transforms::push_all_of(
        schema,
        serde_json::json!([
            {
                "description": "`metadataUrl` (automatic set-up) and `signInEndpoint` (manual set-up) are alternatives: send one of them",
                "not": {"required": ["metadataUrl", "signInEndpoint"]}
            },
            {
                "description": "`cert` is the deprecated name of `signingCert`: send `signingCert` only",
                "not": {"required": ["cert", "signingCert"]}
            },
            {
                "if": {"required": ["signInEndpoint"]},
                "then": {
                    "if": {"required": ["cert"]},
                    "else": {
                        "description": "needs `signingCert`, the IdP's signing certificate, for a manual set-up (`signInEndpoint`)",
                        "required": ["signingCert"]
                    }
                },
                "else": {
                    "description": "needs `metadataUrl` (automatic set-up), or `signInEndpoint` and `signingCert` (manual set-up)",
                    "required": ["metadataUrl"]
                }
            }
        ]),
    );
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const CLIENT_SECRET: &[&str] = &["client_secret"];
const SIGNING_CERT: &[&str] = &["signingCert"];

/// Options of an `oidc` identity provider, as returned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = write_only(CLIENT_SECRET))]
pub struct OidcOptionsResponse {
    /// `front_channel` or `back_channel`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<OidcType>,
    /// The client id of the application registered at the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The provider's OpenID configuration URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_url: Option<String>,
}

/// Options of an `okta`, `waad` or `google-apps` identity provider, as returned (one shape
/// per strategy, see the `Idp` response).
macro_rules! client_options_response {
    ($(#[$doc:meta])* $name:ident, $domain:ident, $domain_doc:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        #[schemars(transform = write_only(CLIENT_SECRET))]
        pub struct $name {
            #[doc = $domain_doc]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub $domain: Option<String>,
            /// The client id.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub client_id: Option<String>,
            /// The URL of the icon shown on the login button.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub icon_url: Option<String>,
        }
    };
}

client_options_response!(
    /// Options of an `okta` identity provider, as returned.
    OktaOptionsResponse, domain, "The Okta domain of the organization."
);
client_options_response!(
    /// Options of a `waad` (Microsoft Entra ID) identity provider, as returned.
    WaadOptionsResponse, tenant_domain, "The Entra ID (Azure AD) domain or tenant id."
);
client_options_response!(
    /// Options of a `google-apps` (Google Workspace) identity provider, as returned.
    GoogleAppsOptionsResponse, domain, "The Google Workspace domain."
);

/// Options of an `adfs` identity provider, as returned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdfsOptionsResponse {
    /// The public URL of the ADFS server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adfs_server: Option<String>,
    /// The Federation Metadata XML document.
    #[serde(
        default,
        rename = "fedMetadataXml",
        skip_serializing_if = "Option::is_none"
    )]
    pub fed_metadata_xml: Option<String>,
}

/// Options of a `pingfederate` identity provider, as returned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = write_only(SIGNING_CERT))]
pub struct PingfederateOptionsResponse {
    /// The PingFederate base URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ping_federate_base_url: Option<String>,
    /// The signing certificate, derived from the `signingCert` that was sent. Read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("readOnly" = true))]
    pub cert: Option<String>,
    /// The signature algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The digest algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// Whether the SAML AuthnRequest is signed.
    #[serde(
        default,
        rename = "signSAMLRequest",
        skip_serializing_if = "Option::is_none"
    )]
    pub sign_saml_request: Option<bool>,
    /// IdP-initiated single sign-on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_initiated: Option<IdpInitiated>,
    /// The URL of the icon shown on the login button.
    #[serde(default, rename = "icon_url", skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
}

/// Options of a `samlp` identity provider, as returned (automatic and manual set-ups alike).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(transform = write_only(SIGNING_CERT))]
pub struct SamlpOptionsResponse {
    /// Automatic set-up: the URL of the IdP's SAML metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-idplint-warn" = {"format": "uri"}))]
    pub metadata_url: Option<String>,
    /// Manual set-up: the IdP's sign-in URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_endpoint: Option<String>,
    /// The IdP's signing certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert: Option<String>,
    /// Whether the SAML AuthnRequest is signed.
    #[serde(
        default,
        rename = "signSAMLRequest",
        skip_serializing_if = "Option::is_none"
    )]
    pub sign_saml_request: Option<bool>,
    /// The signature algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The digest algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// The SAML protocol binding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol_binding: Option<ProtocolBinding>,
    /// The HTTP binding used for sending SAML messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<String>,
    /// IdP-initiated single sign-on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp_initiated: Option<IdpInitiated>,
    /// The URL of the icon shown on the login button.
    #[serde(default, rename = "icon_url", skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// The OpenID discovery URL of a trusted OIDC provider linked to this SAML IdP.
    #[serde(
        default,
        rename = "discovery_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub discovery_url: Option<String>,
}
