//! The payload kinds: the one list of every payload shape idplint knows.

use std::sync::OnceLock;

use serde_json::Value;

use crate::payload::auth0::AccessLevel;
use crate::payload::{auth0, genauth};
use crate::schema::{self, Built, Meta};
use crate::source::doc::{Doc, NodeRef, Tape};
use crate::view::View;

/// One published schema, compiled on first use.
pub struct SchemaDef {
    /// Its file name under `schemas/` (without `.json`), and the last part of its `$id`.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// What it describes.
    pub description: &'static str,
    request: bool,
    generate: fn(&Meta<'_>) -> Built,
    built: OnceLock<Built>,
    /// The generated lint schema's text, when no committed one exists.
    generated_lint: OnceLock<String>,
    lint: OnceLock<Doc<'static>>,
    shape: OnceLock<Value>,
    access: OnceLock<Vec<(String, Vec<AccessLevel>)>>,
    lint_validator: OnceLock<jsonschema::Validator>,
    lint_doc_validator: OnceLock<jsonschema::Validator<Tape>>,
    shape_validator: OnceLock<jsonschema::Validator>,
}

/// The lint schemas committed under `crates/idplint/lint-schemas/`, by schema id (see
/// `build.rs`). Checking a file parses these rather than generating its schema.
static LINT_SCHEMAS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lint_schemas.rs"));

impl SchemaDef {
    const fn new(
        id: &'static str,
        title: &'static str,
        description: &'static str,
        request: bool,
        generate: fn(&Meta<'_>) -> Built,
    ) -> SchemaDef {
        SchemaDef {
            id,
            title,
            description,
            request,
            generate,
            built: OnceLock::new(),
            generated_lint: OnceLock::new(),
            lint: OnceLock::new(),
            shape: OnceLock::new(),
            access: OnceLock::new(),
            lint_validator: OnceLock::new(),
            lint_doc_validator: OnceLock::new(),
            shape_validator: OnceLock::new(),
        }
    }

    /// The published and lint forms of the schema.
    pub fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            (self.generate)(&Meta {
                id: self.id,
                title: self.title,
                description: self.description,
                request: self.request,
            })
        })
    }

    /// The schema as published in `schemas/<id>.json`.
    pub fn published(&self) -> &Value {
        &self.built().published
    }

    /// The lint schema's text: the committed `lint-schemas/<id>.json` (the `schemas` test keeps
    /// it equal to [`Built::lint`]), or the generated one when there is no such file.
    fn lint_text(&'static self) -> &'static str {
        LINT_SCHEMAS
            .iter()
            .find(|(id, _)| *id == self.id)
            .map_or_else(
                || {
                    self.generated_lint
                        .get_or_init(|| self.built().lint.to_string())
                        .as_str()
                },
                |(_, text)| text,
            )
    }

    /// The lint schema, read in place from its text: what findings are worded from. It is held
    /// for the whole run; as a document over the text it costs a third of a parsed value.
    pub(crate) fn lint(&'static self) -> NodeRef<'static> {
        self.lint
            .get_or_init(|| {
                let mut doc = Doc::parse(self.lint_text(), usize::MAX).unwrap_or_else(|| {
                    panic!(
                        "idplint bug: the lint schema of `{}` is not plain JSON",
                        self.id
                    )
                });
                doc.shrink_to_fit();
                doc
            })
            .root()
    }

    /// The lint schema as a value, parsed anew: only to compile it and to read what is kept of
    /// it, so that no parsed copy is held.
    fn lint_value(&'static self) -> Value {
        serde_json::from_str(self.lint_text()).unwrap_or_else(|e| {
            panic!(
                "idplint bug: the lint schema of `{}` is not JSON: {e}",
                self.id
            )
        })
    }

    /// The shape of the payload as a value, made from the lint schema: the published schema
    /// without the assertions of `read-only-field` and `insecure-url` (see
    /// [`schema::shape_from_lint`]), and without its `$id`.
    pub(crate) fn shape_value(&'static self) -> &'static Value {
        self.shape
            .get_or_init(|| schema::shape_from_lint(&self.lint_value()))
    }

    /// The top-level fields that only some access levels may change, with those levels.
    pub(crate) fn access(&'static self) -> &'static [(String, Vec<AccessLevel>)] {
        self.access
            .get_or_init(|| schema::access_levels(self.lint()))
    }

    /// The validator of the lint schema: what idplint validates with.
    pub(crate) fn lint_validator(&'static self) -> &'static jsonschema::Validator {
        self.lint_validator
            .get_or_init(|| compile(&self.lint_value(), self.id))
    }

    /// The validator of the lint schema for documents read straight from JSON text.
    pub(crate) fn lint_doc_validator(&'static self) -> &'static jsonschema::Validator<Tape> {
        self.lint_doc_validator
            .get_or_init(|| compile(&self.lint_value(), self.id))
    }

    /// The validator of the payload's shape alone ([`SchemaDef::shape_value`]).
    pub(crate) fn shape_validator(&'static self) -> &'static jsonschema::Validator {
        self.shape_validator
            .get_or_init(|| compile(self.shape_value(), self.id))
    }
}

/// Compile a schema for validation of instances held as `F` (serde_json's `Value`, or a
/// document read from JSON text), with formats asserted. The schemas are idplint's own and
/// tested, so a failure here is a bug in idplint, not in the user's input.
fn compile<F: jsonschema::json::Json>(schema: &Value, id: &str) -> jsonschema::Validator<F> {
    jsonschema::options_for::<F>()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("idplint bug: the schema of `{id}` does not compile: {e}"))
}

/// How a kind is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Validation {
    /// Against its schema.
    Plain,
    /// An Auth0 update body: against the schema of the strategy in the context, or the one that
    /// `options` fits.
    Auth0Update,
    /// A GenAuth connection (or an envelope around one): against its schema, then its `fields`
    /// against what is known of its type. `create`: a new connection.
    GenAuthConnection { create: bool },
}

/// Which API a kind belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Auth0 My Organization API.
    Auth0,
    /// Authing / GenAuth V3 Management API.
    GenAuth,
}

/// A payload kind.
pub struct Kind {
    /// Its id, as used by `--kind`, `idplint.toml` and the JSON output.
    pub id: &'static str,
    /// The API it belongs to.
    pub api: Api,
    /// Its main schema, `schemas/<id>.json`.
    pub schema: &'static SchemaDef,
    /// Further schemas published for it (per strategy).
    pub variants: &'static [SchemaDef],
    pub(crate) validation: Validation,
}

impl Kind {
    /// One line: what the kind is.
    pub fn summary(&self) -> &'static str {
        self.schema.title
    }

    /// Every schema published for the kind: the main one first.
    pub fn schemas(&self) -> impl Iterator<Item = &'static SchemaDef> {
        std::iter::once(self.schema).chain(self.variants.iter())
    }
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kind")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

macro_rules! def {
    ($id:literal, $ty:ty, $request:literal, $title:literal, $description:literal) => {
        SchemaDef::new($id, $title, $description, $request, schema::build::<$ty>)
    };
}

static AUTH0_IDP_CREATE: SchemaDef = def!(
    "auth0.idp.create",
    auth0::IdpCreate,
    true,
    "Auth0 identity provider: create request",
    "The body of `POST /my-org/identity-providers` (Auth0 My Organization API). The shape of `options` depends on `strategy`."
);
static AUTH0_IDP_UPDATE: SchemaDef = def!(
    "auth0.idp.update",
    auth0::IdpUpdate,
    true,
    "Auth0 identity provider: update request",
    "The body of `PATCH /my-org/identity-providers/{idp_id}` (Auth0 My Organization API), for any strategy. The body names no strategy: validate `options` with the schema of the identity provider's strategy (`auth0.idp.update.<strategy>.json`) for precise errors."
);
pub(crate) static AUTH0_IDP_UPDATE_BY_STRATEGY: [SchemaDef; 7] = [
    def!(
        "auth0.idp.update.adfs",
        auth0::IdpUpdateFor<auth0::AdfsOptionsRequest>,
        true,
        "Auth0 identity provider: update request, adfs",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `adfs` identity provider."
    ),
    def!(
        "auth0.idp.update.google-apps",
        auth0::IdpUpdateFor<auth0::GoogleAppsOptionsRequest>,
        true,
        "Auth0 identity provider: update request, google-apps",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `google-apps` identity provider."
    ),
    def!(
        "auth0.idp.update.oidc",
        auth0::IdpUpdateFor<auth0::OidcOptionsRequest>,
        true,
        "Auth0 identity provider: update request, oidc",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `oidc` identity provider."
    ),
    def!(
        "auth0.idp.update.okta",
        auth0::IdpUpdateFor<auth0::OktaOptionsRequest>,
        true,
        "Auth0 identity provider: update request, okta",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for an `okta` identity provider."
    ),
    def!(
        "auth0.idp.update.pingfederate",
        auth0::IdpUpdateFor<auth0::PingfederateOptionsRequest>,
        true,
        "Auth0 identity provider: update request, pingfederate",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `pingfederate` identity provider."
    ),
    def!(
        "auth0.idp.update.samlp",
        auth0::IdpUpdateFor<auth0::SamlpOptionsRequest>,
        true,
        "Auth0 identity provider: update request, samlp",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `samlp` identity provider."
    ),
    def!(
        "auth0.idp.update.waad",
        auth0::IdpUpdateFor<auth0::WaadOptionsRequest>,
        true,
        "Auth0 identity provider: update request, waad",
        "The body of `PATCH /my-org/identity-providers/{idp_id}` for a `waad` identity provider."
    ),
];
static AUTH0_IDP: SchemaDef = def!(
    "auth0.idp",
    auth0::Idp,
    false,
    "Auth0 identity provider",
    "An identity provider as returned by get, create, update and refresh (Auth0 My Organization API). Secrets are write-only and never returned."
);
static AUTH0_IDP_LIST: SchemaDef = def!(
    "auth0.idp.list",
    auth0::IdpList,
    false,
    "Auth0 identity providers: list response",
    "The response of `GET /my-org/identity-providers`: full items, and minimal items for identity providers with access level `none`."
);
static AUTH0_IDP_DOMAIN: SchemaDef = def!(
    "auth0.idp.domain",
    auth0::IdpDomain,
    false,
    "Auth0 identity provider: domain association",
    "The body and the response of `POST /my-org/identity-providers/{idp_id}/domains`."
);
static AUTH0_IDP_PROVISIONING: SchemaDef = def!(
    "auth0.idp.provisioning",
    auth0::ProvisioningConfig,
    false,
    "Auth0 identity provider: provisioning configuration",
    "A provisioning configuration as returned by `GET`, `POST` and `PUT …/update-attributes` of `/my-org/identity-providers/{idp_id}/provisioning`."
);
static AUTH0_IDP_SCIM_TOKEN_CREATE: SchemaDef = def!(
    "auth0.idp.scim-token.create",
    auth0::ScimTokenCreate,
    true,
    "Auth0 identity provider: SCIM token create request",
    "The body of `POST /my-org/identity-providers/{idp_id}/provisioning/scim-tokens`."
);

static GENAUTH_EXT_IDP_CREATE: SchemaDef = def!(
    "genauth.ext-idp.create",
    genauth::ExtIdpCreate,
    true,
    "GenAuth identity source: create request",
    "The body of `POST /api/v3/create-ext-idp` (Authing / GenAuth V3 Management API)."
);
static GENAUTH_EXT_IDP_UPDATE: SchemaDef = def!(
    "genauth.ext-idp.update",
    genauth::ExtIdpUpdate,
    true,
    "GenAuth identity source: update request",
    "The body of `POST /api/v3/update-ext-idp` (Authing / GenAuth V3 Management API): only the name can change."
);
static GENAUTH_EXT_IDP_DELETE: SchemaDef = def!(
    "genauth.ext-idp.delete",
    genauth::Delete,
    true,
    "GenAuth identity source: delete request",
    "The body of `POST /api/v3/delete-ext-idp` (Authing / GenAuth V3 Management API)."
);
static GENAUTH_EXT_IDP: SchemaDef = def!(
    "genauth.ext-idp",
    genauth::ExtIdp,
    false,
    "GenAuth identity source",
    "An identity source as returned (`ExtIdpDto`; `ExtIdpDetail` from `get-ext-idp` adds `connections` and `autoJoin`), without the response envelope."
);
static GENAUTH_EXT_IDP_RESPONSE: SchemaDef = def!(
    "genauth.ext-idp.response",
    genauth::Envelope<genauth::ExtIdp>,
    false,
    "GenAuth identity source: response",
    "The response of `create-ext-idp`, `update-ext-idp` and `get-ext-idp`: the V3 envelope (`statusCode`, `message`, `apiCode`, `requestId`, `data`) around an identity source."
);
static GENAUTH_EXT_IDP_LIST_RESPONSE: SchemaDef = def!(
    "genauth.ext-idp.list.response",
    genauth::Envelope<genauth::ExtIdpList>,
    false,
    "GenAuth identity sources: list response",
    "The response of `list-ext-idp` and `list-tenant-ext-idp`: the V3 envelope around a page of identity sources."
);
static GENAUTH_EXT_IDP_CONN_CREATE: SchemaDef = def!(
    "genauth.ext-idp-conn.create",
    genauth::ExtIdpConnCreate,
    true,
    "GenAuth connection: create request",
    "The body of `POST /api/v3/create-ext-idp-conn` (Authing / GenAuth V3 Management API). The keys of `fields` depend on `type`."
);
static GENAUTH_EXT_IDP_CONN_UPDATE: SchemaDef = def!(
    "genauth.ext-idp-conn.update",
    genauth::ExtIdpConnUpdate,
    true,
    "GenAuth connection: update request",
    "The body of `POST /api/v3/update-ext-idp-conn` (Authing / GenAuth V3 Management API). `fields` is merged into the stored settings."
);
static GENAUTH_EXT_IDP_CONN_DELETE: SchemaDef = def!(
    "genauth.ext-idp-conn.delete",
    genauth::Delete,
    true,
    "GenAuth connection: delete request",
    "The body of `POST /api/v3/delete-ext-idp-conn` (Authing / GenAuth V3 Management API)."
);
static GENAUTH_EXT_IDP_CONN_STATE: SchemaDef = def!(
    "genauth.ext-idp-conn.state",
    genauth::ExtIdpConnState,
    true,
    "GenAuth connection: state change request",
    "The body of `POST /api/v3/change-ext-idp-conn-state`: turn a connection on or off for an application."
);
static GENAUTH_EXT_IDP_CONN_ASSOCIATION: SchemaDef = def!(
    "genauth.ext-idp-conn.association",
    genauth::ExtIdpConnAssociation,
    true,
    "GenAuth connection: tenant association request",
    "The body of `POST /api/v3/change-ext-idp-conn-association-state`: associate a connection with a tenant, or end the association."
);
static GENAUTH_EXT_IDP_CONN_USERPOOL_TENANT_STATE: SchemaDef = def!(
    "genauth.ext-idp-conn.userpool-tenant-state",
    genauth::UserPoolTenantConnState,
    true,
    "GenAuth connections: user-pool tenant state request",
    "The body of `POST /api/v3/change-userpool-tenant-ext-idp-conn-state`: turn connections on or off for the tenants of a user pool."
);
static GENAUTH_EXT_IDP_CONN: SchemaDef = def!(
    "genauth.ext-idp-conn",
    genauth::ExtIdpConnDetail,
    false,
    "GenAuth connection",
    "A connection as returned by create and update (`ExtIdpConnDetail`), without the response envelope."
);
static GENAUTH_EXT_IDP_CONN_RESPONSE: SchemaDef = def!(
    "genauth.ext-idp-conn.response",
    genauth::Envelope<genauth::ExtIdpConnDetail>,
    false,
    "GenAuth connection: response",
    "The response of `create-ext-idp-conn` and `update-ext-idp-conn`: the V3 envelope (`statusCode`, `message`, `apiCode`, `requestId`, `data`) around a connection. An error response carries no `data`."
);
static GENAUTH_IS_SUCCESS_RESPONSE: SchemaDef = def!(
    "genauth.is-success.response",
    genauth::Envelope<genauth::IsSuccess>,
    false,
    "GenAuth: success response",
    "The response of the delete, state and association operations: the V3 envelope around `{\"success\": …}`."
);

/// Every kind.
pub static KINDS: &[Kind] = &[
    Kind {
        id: "auth0.idp.create",
        api: Api::Auth0,
        schema: &AUTH0_IDP_CREATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "auth0.idp.update",
        api: Api::Auth0,
        schema: &AUTH0_IDP_UPDATE,
        variants: &AUTH0_IDP_UPDATE_BY_STRATEGY,
        validation: Validation::Auth0Update,
    },
    Kind {
        id: "auth0.idp",
        api: Api::Auth0,
        schema: &AUTH0_IDP,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "auth0.idp.list",
        api: Api::Auth0,
        schema: &AUTH0_IDP_LIST,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "auth0.idp.domain",
        api: Api::Auth0,
        schema: &AUTH0_IDP_DOMAIN,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "auth0.idp.provisioning",
        api: Api::Auth0,
        schema: &AUTH0_IDP_PROVISIONING,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "auth0.idp.scim-token.create",
        api: Api::Auth0,
        schema: &AUTH0_IDP_SCIM_TOKEN_CREATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp.create",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CREATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp.update",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_UPDATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp.delete",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_DELETE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp.response",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_RESPONSE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp.list.response",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_LIST_RESPONSE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp-conn.create",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_CREATE,
        variants: &[],
        validation: Validation::GenAuthConnection { create: true },
    },
    Kind {
        id: "genauth.ext-idp-conn.update",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_UPDATE,
        variants: &[],
        validation: Validation::GenAuthConnection { create: false },
    },
    Kind {
        id: "genauth.ext-idp-conn.delete",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_DELETE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp-conn.state",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_STATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp-conn.association",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_ASSOCIATION,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp-conn.userpool-tenant-state",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_USERPOOL_TENANT_STATE,
        variants: &[],
        validation: Validation::Plain,
    },
    Kind {
        id: "genauth.ext-idp-conn",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN,
        variants: &[],
        validation: Validation::GenAuthConnection { create: false },
    },
    Kind {
        id: "genauth.ext-idp-conn.response",
        api: Api::GenAuth,
        schema: &GENAUTH_EXT_IDP_CONN_RESPONSE,
        variants: &[],
        validation: Validation::GenAuthConnection { create: false },
    },
    Kind {
        id: "genauth.is-success.response",
        api: Api::GenAuth,
        schema: &GENAUTH_IS_SUCCESS_RESPONSE,
        variants: &[],
        validation: Validation::Plain,
    },
];

/// The kind with this id.
pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// Every published schema, in order.
pub fn all_schemas() -> impl Iterator<Item = &'static SchemaDef> {
    KINDS.iter().flat_map(Kind::schemas)
}

/// One row of the kind-detection table.
pub struct Detection {
    /// The condition, in Markdown, as `docs/kinds.md` shows it.
    pub when: &'static str,
    /// The kind it means.
    pub kind: &'static str,
    /// A payload the row matches first (tested).
    pub example: &'static str,
    test: fn(&Keys<'_>) -> bool,
}

/// What detection looks at: the keys of a payload, and those of its `data` when that is an
/// object.
pub(crate) struct Keys<'a> {
    top: Vec<&'a str>,
    data: Option<Vec<&'a str>>,
}

impl<'a> Keys<'a> {
    /// The keys of `value`, when it is an object.
    fn of<V: View<'a>>(value: V) -> Option<Keys<'a>> {
        let keys = |v: V| v.members().map(|m| m.map(|(k, _)| k).collect::<Vec<_>>());
        Some(Keys {
            top: keys(value)?,
            data: value.get("data").and_then(keys),
        })
    }

    fn len(&self) -> usize {
        self.top.len()
    }

    fn is_empty(&self) -> bool {
        self.top.is_empty()
    }

    fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.top.iter().copied()
    }
}

/// The keys an Auth0 update body may have.
const AUTH0_UPDATE_FIELDS: &[&str] = &[
    "display_name",
    "show_as_button",
    "assign_membership_on_login",
    "is_enabled",
    "options",
];

fn has(obj: &Keys<'_>, key: &str) -> bool {
    obj.top.contains(&key)
}

fn data_has(obj: &Keys<'_>, keys: &[&str]) -> bool {
    obj.data
        .as_ref()
        .is_some_and(|d| keys.iter().any(|k| d.contains(k)))
}

/// How a payload's kind is detected from its content when it is not given: the first row that
/// matches wins. Deletes (`{"id": …}`) are not detected: an identity source's and a
/// connection's look the same.
pub static DETECTION: &[Detection] = &[
    Detection {
        when: "has `identity_providers`",
        kind: "auth0.idp.list",
        example: r#"{"identity_providers": []}"#,
        test: |o| has(o, "identity_providers"),
    },
    Detection {
        when: "has `identity_provider_id` and `method`",
        kind: "auth0.idp.provisioning",
        example: r#"{"identity_provider_id": "con_zW1UHutvkVWSWdCC", "method": "scim"}"#,
        test: |o| has(o, "identity_provider_id") && has(o, "method"),
    },
    Detection {
        when: "has `strategy` and `id`",
        kind: "auth0.idp",
        example: r#"{"id": "con_zW1UHutvkVWSWdCC", "strategy": "okta"}"#,
        test: |o| has(o, "strategy") && has(o, "id"),
    },
    Detection {
        when: "has `strategy` and `name`, no `id`",
        kind: "auth0.idp.create",
        example: r#"{"name": "acme", "strategy": "okta"}"#,
        test: |o| has(o, "strategy") && has(o, "name"),
    },
    Detection {
        when: "has only `domain`",
        kind: "auth0.idp.domain",
        example: r#"{"domain": "acme.com"}"#,
        test: |o| o.len() == 1 && has(o, "domain"),
    },
    Detection {
        when: "has only `token_lifetime`",
        kind: "auth0.idp.scim-token.create",
        example: r#"{"token_lifetime": 86400}"#,
        test: |o| o.len() == 1 && has(o, "token_lifetime"),
    },
    Detection {
        when: "has only Auth0 update fields (`display_name`, `show_as_button`, `assign_membership_on_login`, `is_enabled`, `options`)",
        kind: "auth0.idp.update",
        example: r#"{"is_enabled": false}"#,
        test: |o| !o.is_empty() && o.keys().all(|k| AUTH0_UPDATE_FIELDS.contains(&k)),
    },
    Detection {
        when: "has `statusCode`, and `data` has `extIdpId`, `associationMode` or `challengeBindingMethods`",
        kind: "genauth.ext-idp-conn.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"extIdpId": "60b49eb83fd80adb96f26e68"}}"#,
        test: |o| {
            has(o, "statusCode")
                && data_has(
                    o,
                    &["extIdpId", "associationMode", "challengeBindingMethods"],
                )
        },
    },
    Detection {
        when: "has `statusCode`, and `data` has `list` or `totalCount`",
        kind: "genauth.ext-idp.list.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"totalCount": 0, "list": []}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["list", "totalCount"]),
    },
    Detection {
        when: "has `statusCode`, and `data` has `success`",
        kind: "genauth.is-success.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"success": true}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["success"]),
    },
    Detection {
        when: "has `statusCode`, and `data` has `name`",
        kind: "genauth.ext-idp.response",
        example: r#"{"statusCode": 200, "message": "ok", "data": {"name": "acme"}}"#,
        test: |o| has(o, "statusCode") && data_has(o, &["name"]),
    },
    Detection {
        when: "has `statusCode` (any other envelope, such as an error response without `data`)",
        kind: "genauth.ext-idp-conn.response",
        example: r#"{"statusCode": 403, "message": "forbidden", "apiCode": 2333}"#,
        test: |o| has(o, "statusCode"),
    },
    Detection {
        when: "has `extIdpId` and `id`",
        kind: "genauth.ext-idp-conn",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "extIdpId": "6318061be13c0ce6a64093e5"}"#,
        test: |o| has(o, "extIdpId") && has(o, "id"),
    },
    Detection {
        when: "has `extIdpId`, no `id`",
        kind: "genauth.ext-idp-conn.create",
        example: r#"{"extIdpId": "6318061be13c0ce6a64093e5", "type": "oidc"}"#,
        test: |o| has(o, "extIdpId"),
    },
    Detection {
        when: "has `associationMode` or `challengeBindingMethods`",
        kind: "genauth.ext-idp-conn",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "associationMode": "none"}"#,
        test: |o| has(o, "associationMode") || has(o, "challengeBindingMethods"),
    },
    Detection {
        when: "has `id`, `enabled`, and `appId` or `appIds`",
        kind: "genauth.ext-idp-conn.state",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "enabled": true, "appId": "6229ffa0c7b2b3cade3e3d9a"}"#,
        test: |o| has(o, "id") && has(o, "enabled") && (has(o, "appId") || has(o, "appIds")),
    },
    Detection {
        when: "has `connIds`",
        kind: "genauth.ext-idp-conn.userpool-tenant-state",
        example: r#"{"connIds": ["60b49eb83fd80adb96f26e68"], "enabled": true}"#,
        test: |o| has(o, "connIds"),
    },
    Detection {
        when: "has `id` and `association`",
        kind: "genauth.ext-idp-conn.association",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "association": true}"#,
        test: |o| has(o, "id") && has(o, "association"),
    },
    Detection {
        when: "has `id` and `fields`",
        kind: "genauth.ext-idp-conn.update",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "displayName": "Acme", "fields": {}}"#,
        test: |o| has(o, "id") && has(o, "fields"),
    },
    Detection {
        when: "has `type`, `name`, `id` and `logo`",
        kind: "genauth.ext-idp",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "name": "Acme", "type": "oidc", "logo": "https://example.com/a.png"}"#,
        test: |o| has(o, "type") && has(o, "name") && has(o, "id") && has(o, "logo"),
    },
    Detection {
        when: "has `type` and `name`, no `id`",
        kind: "genauth.ext-idp.create",
        example: r#"{"name": "Acme", "type": "oidc"}"#,
        test: |o| has(o, "type") && has(o, "name") && !has(o, "id"),
    },
    Detection {
        when: "has `id` and `name`, no `logo`",
        kind: "genauth.ext-idp.update",
        example: r#"{"id": "60b49eb83fd80adb96f26e68", "name": "Acme"}"#,
        test: |o| has(o, "id") && has(o, "name") && !has(o, "logo"),
    },
];

/// Guess the kind of a payload from its content, by the [`DETECTION`] table (first match wins).
pub fn detect(value: &Value) -> Option<&'static Kind> {
    detect_view(value)
}

/// [`detect`], for a payload held either way.
pub(crate) fn detect_view<'v, V: View<'v>>(value: V) -> Option<&'static Kind> {
    let keys = Keys::of(value)?;
    DETECTION
        .iter()
        .find(|row| (row.test)(&keys))
        .and_then(|row| find(row.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_detection_row_detects_its_example() {
        for row in DETECTION {
            assert!(find(row.kind).is_some(), "unknown kind {}", row.kind);
            let value: Value = serde_json::from_str(row.example).expect(row.example);
            let first = DETECTION
                .iter()
                .position(|r| (r.test)(&Keys::of(&value).expect("an object")));
            assert_eq!(
                first.map(|i| DETECTION[i].kind),
                Some(row.kind),
                "the example of `{}` is detected by another row",
                row.when
            );
        }
    }

    #[test]
    fn every_lint_schema_is_embedded_and_is_the_generated_one() {
        for def in all_schemas() {
            let Some((_, text)) = LINT_SCHEMAS.iter().find(|(id, _)| *id == def.id) else {
                panic!(
                    "no lint-schemas/{}.json: run `UPDATE_SCHEMAS=1 cargo test --test schemas`",
                    def.id
                );
            };
            let embedded: Value = serde_json::from_str(text).expect("a lint schema parses");
            // What findings are worded from: the same schema, read in place.
            assert!(
                def.lint().to_value() == embedded,
                "lint-schemas/{}.json reads differently as a document",
                def.id
            );
            assert!(
                embedded == def.built().lint,
                "lint-schemas/{}.json is stale: run `UPDATE_SCHEMAS=1 cargo test --test schemas`",
                def.id
            );
            assert_eq!(def.access(), def.built().access.as_slice(), "{}", def.id);
            let mut published = def.built().published.clone();
            let id = published
                .as_object_mut()
                .and_then(|o| o.shift_remove("$id"));
            assert!(
                id.is_some(),
                "{}: the published schema has an `$id`",
                def.id
            );
            assert!(
                schema::published_from_lint(&embedded) == published,
                "{}: the published schema made from the lint one differs",
                def.id
            );
        }
    }

    #[test]
    fn undetectable_payloads_are_not_guessed() {
        for text in [
            r#"{"id": "60b49eb83fd80adb96f26e68"}"#,
            r#"{"hello": "world"}"#,
            "{}",
            "[]",
            r#"{"code": 200, "message": "ok", "data": {}}"#,
        ] {
            let value: Value = serde_json::from_str(text).expect(text);
            assert!(detect(&value).is_none(), "{text} was detected");
        }
    }
}
