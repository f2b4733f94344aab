//! Every kind, each declared once: its id (which is also its main schema's), its API, how it
//! is validated, the payload type its schemas are generated from, and their title and
//! description. Per-strategy variants are named by their suffix; their title is the kind's
//! with the suffix after a comma.

use super::Validation::{Auth0Update, GenAuthConnection, Plain};
use super::{Api, Kind, SchemaDef};
use crate::payload::{auth0, genauth};
use crate::schema;

/// `"id" => Api, validation, Type, request: bool, "title", "description"` (and optionally
/// `variants: ["suffix": Type, "description"; …]`), `;` after each: the [`Kind`]s with their
/// schemas.
macro_rules! kinds {
    ($(
        $id:literal => $api:ident, $validation:expr,
        $ty:ty, request: $request:literal,
        $title:literal,
        $description:literal
        $(, variants: [$($suffix:literal: $vty:ty, $vdescription:literal;)*])?
    );* $(;)?) => {
        &[$(Kind {
            id: $id,
            api: Api::$api,
            schema: {
                static SCHEMA: SchemaDef =
                    SchemaDef::new($id, $title, $description, $request, schema::build::<$ty>);
                &SCHEMA
            },
            variants: {
                const N: usize = <[&str]>::len(&[$($($suffix),*)?]);
                static VARIANTS: [SchemaDef; N] = [$($(SchemaDef::new(
                    concat!($id, ".", $suffix),
                    concat!($title, ", ", $suffix),
                    $vdescription,
                    $request,
                    schema::build::<$vty>,
                )),*)?];
                &VARIANTS
            },
            validation: $validation,
        }),*]
    };
}

/// Every kind.
pub static KINDS: &[Kind] = kinds![
    "auth0.idp.create" => Auth0, Plain,
        auth0::IdpCreate, request: true,
        "Auth0 identity provider: create request",
        "The body of `POST /my-org/identity-providers` (Auth0 My Organization API). The shape of `options` depends on `strategy`.";
    "auth0.idp.update" => Auth0, Auth0Update,
        auth0::IdpUpdate, request: true,
        "Auth0 identity provider: update request",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` (Auth0 My Organization API), for any strategy. The body names no strategy: validate `options` with the schema of the identity provider's strategy (`auth0.idp.update.<strategy>.json`) for precise errors.",
        variants: [
            "adfs": auth0::IdpUpdateFor<auth0::AdfsOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `adfs` identity provider.";
            "google-apps": auth0::IdpUpdateFor<auth0::GoogleAppsOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `google-apps` identity provider.";
            "oidc": auth0::IdpUpdateFor<auth0::OidcOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `oidc` identity provider.";
            "okta": auth0::IdpUpdateFor<auth0::OktaOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `okta` identity provider.";
            "pingfederate": auth0::IdpUpdateFor<auth0::PingfederateOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `pingfederate` identity provider.";
            "samlp": auth0::IdpUpdateFor<auth0::SamlpOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `samlp` identity provider.";
            "waad": auth0::IdpUpdateFor<auth0::WaadOptionsRequest>,
                "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `waad` identity provider.";
        ];
    "auth0.idp" => Auth0, Plain,
        auth0::Idp, request: false,
        "Auth0 identity provider",
        "An identity provider as returned by get, create, update and refresh (Auth0 My Organization API). Secrets are write-only and never returned.";
    "auth0.idp.list" => Auth0, Plain,
        auth0::IdpList, request: false,
        "Auth0 identity providers: list response",
        "The response of `GET /my-org/identity-providers`: full items, and minimal items for identity providers with access level `none`.";
    "auth0.idp.domain" => Auth0, Plain,
        auth0::IdpDomain, request: false,
        "Auth0 identity provider: domain association",
        "The body and the response of `POST /my-org/identity-providers/{idp_id}/domains`.";
    "auth0.idp.provisioning" => Auth0, Plain,
        auth0::ProvisioningConfig, request: false,
        "Auth0 identity provider: provisioning configuration",
        "A provisioning configuration as returned by `GET`, `POST` and `PUT …/update-attributes` of `/my-org/identity-providers/{idp_id}/provisioning`.";
    "auth0.idp.scim-token.create" => Auth0, Plain,
        auth0::ScimTokenCreate, request: true,
        "Auth0 identity provider: SCIM token create request",
        "The body of `POST /my-org/identity-providers/{idp_id}/provisioning/scim-tokens`.";
    "auth0.idp.scim-token" => Auth0, Plain,
        auth0::ScimToken, request: false,
        "Auth0 identity provider: SCIM token create response",
        "The response of `POST /my-org/identity-providers/{idp_id}/provisioning/scim-tokens`: the token, returned only then. Its `token` is a secret.";
    "auth0.idp.scim-token.list" => Auth0, Plain,
        auth0::ScimTokenList, request: false,
        "Auth0 identity provider: SCIM token list response",
        "The response of `GET /my-org/identity-providers/{idp_id}/provisioning/scim-tokens`: the tokens, without their secret.";
    "auth0.idp.config" => Auth0, Plain,
        auth0::IdentityProvidersConfig, request: false,
        "Auth0 identity providers: configuration",
        "The response of `GET /my-org/config/identity-providers`: what the organization's admins may set, and each strategy's features and provisioning methods.";
    "genauth.ext-idp.create" => GenAuth, Plain,
        genauth::ExtIdpCreate, request: true,
        "GenAuth identity source: create request",
        "The body of `POST /api/v3/create-ext-idp` (Authing / GenAuth V3 Management API).";
    "genauth.ext-idp.update" => GenAuth, Plain,
        genauth::ExtIdpUpdate, request: true,
        "GenAuth identity source: update request",
        "The body of `POST /api/v3/update-ext-idp` (Authing / GenAuth V3 Management API): only the name can change.";
    "genauth.ext-idp.delete" => GenAuth, Plain,
        genauth::Delete, request: true,
        "GenAuth identity source: delete request",
        "The body of `POST /api/v3/delete-ext-idp` (Authing / GenAuth V3 Management API).";
    "genauth.ext-idp" => GenAuth, Plain,
        genauth::ExtIdp, request: false,
        "GenAuth identity source",
        "An identity source as returned (`ExtIdpDto`; `ExtIdpDetail` from `get-ext-idp` adds `connections` and `autoJoin`), without the response envelope.";
    "genauth.ext-idp.response" => GenAuth, Plain,
        genauth::Envelope<genauth::ExtIdp>, request: false,
        "GenAuth identity source: response",
        "The response of `create-ext-idp`, `update-ext-idp` and `get-ext-idp`: the V3 envelope (`statusCode`, `message`, `apiCode`, `requestId`, `data`) around an identity source.";
    "genauth.ext-idp.list.response" => GenAuth, Plain,
        genauth::Envelope<genauth::ExtIdpList>, request: false,
        "GenAuth identity sources: list response",
        "The response of `list-ext-idp` and `list-tenant-ext-idp`: the V3 envelope around a page of identity sources.";
    "genauth.ext-idp-conn.create" => GenAuth, GenAuthConnection { create: true },
        genauth::ExtIdpConnCreate, request: true,
        "GenAuth connection: create request",
        "The body of `POST /api/v3/create-ext-idp-conn` (Authing / GenAuth V3 Management API). The keys of `fields` depend on `type`.";
    "genauth.ext-idp-conn.update" => GenAuth, GenAuthConnection { create: false },
        genauth::ExtIdpConnUpdate, request: true,
        "GenAuth connection: update request",
        "The body of `POST /api/v3/update-ext-idp-conn` (Authing / GenAuth V3 Management API). `fields` is merged into the stored settings.";
    "genauth.ext-idp-conn.delete" => GenAuth, Plain,
        genauth::Delete, request: true,
        "GenAuth connection: delete request",
        "The body of `POST /api/v3/delete-ext-idp-conn` (Authing / GenAuth V3 Management API).";
    "genauth.ext-idp-conn.state" => GenAuth, Plain,
        genauth::ExtIdpConnState, request: true,
        "GenAuth connection: state change request",
        "The body of `POST /api/v3/change-ext-idp-conn-state`: turn a connection on or off for an application.";
    "genauth.ext-idp-conn.association" => GenAuth, Plain,
        genauth::ExtIdpConnAssociation, request: true,
        "GenAuth connection: tenant association request",
        "The body of `POST /api/v3/change-ext-idp-conn-association-state`: associate a connection with a tenant, or end the association.";
    "genauth.ext-idp-conn.userpool-tenant-state" => GenAuth, Plain,
        genauth::UserPoolTenantConnState, request: true,
        "GenAuth connections: user-pool tenant state request",
        "The body of `POST /api/v3/change-userpool-tenant-ext-idp-conn-state`: turn connections on or off for the tenants of a user pool.";
    "genauth.ext-idp-conn" => GenAuth, GenAuthConnection { create: false },
        genauth::ExtIdpConnDetail, request: false,
        "GenAuth connection",
        "A connection as returned by create and update (`ExtIdpConnDetail`), without the response envelope.";
    "genauth.ext-idp-conn.response" => GenAuth, GenAuthConnection { create: false },
        genauth::Envelope<genauth::ExtIdpConnDetail>, request: false,
        "GenAuth connection: response",
        "The response of `create-ext-idp-conn` and `update-ext-idp-conn`: the V3 envelope (`statusCode`, `message`, `apiCode`, `requestId`, `data`) around a connection. An error response carries no `data`.";
    "genauth.is-success.response" => GenAuth, Plain,
        genauth::Envelope<genauth::IsSuccess>, request: false,
        "GenAuth: success response",
        "The response of the delete, state and association operations: the V3 envelope around `{\"success\": …}`.";
];
