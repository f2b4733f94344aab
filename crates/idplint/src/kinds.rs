//! The payload kinds: the one list of every payload shape idplint knows.

use std::sync::OnceLock;

use serde_json::Value;

use crate::payload::auth0;
use crate::schema::{self, Built, Meta};

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
    lint: OnceLock<jsonschema::Validator>,
    published: OnceLock<jsonschema::Validator>,
}

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
            lint: OnceLock::new(),
            published: OnceLock::new(),
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

    /// The validator of the lint schema: what idplint validates with.
    pub(crate) fn lint_validator(&self) -> &jsonschema::Validator {
        self.lint
            .get_or_init(|| compile(&self.built().lint, self.id))
    }

    /// The validator of the published schema alone.
    pub(crate) fn published_validator(&self) -> &jsonschema::Validator {
        self.published
            .get_or_init(|| compile(&self.built().published, self.id))
    }
}

/// Compile a schema for validation, with formats asserted. The schemas are idplint's own and
/// tested, so a failure here is a bug in idplint, not in the user's input.
pub(crate) fn compile(schema: &Value, id: &str) -> jsonschema::Validator {
    jsonschema::options()
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
];

/// The kind with this id.
pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// Every published schema, in order.
pub fn all_schemas() -> impl Iterator<Item = &'static SchemaDef> {
    KINDS.iter().flat_map(Kind::schemas)
}

/// Guess the kind of a payload from its content, by a fixed table (first match wins):
///
/// | content | kind |
/// |---|---|
/// | has `identity_providers` | `auth0.idp.list` |
/// | has `identity_provider_id` and `method` | `auth0.idp.provisioning` |
/// | has `strategy` and `id` | `auth0.idp` |
/// | has `strategy` and `name`, no `id` | `auth0.idp.create` |
/// | has only `domain` | `auth0.idp.domain` |
/// | has only `token_lifetime`, or is `{}`… (not guessed: `{}` is ambiguous) | `auth0.idp.scim-token.create` |
/// | has no `strategy`, and only update fields (`display_name`, `show_as_button`, `assign_membership_on_login`, `is_enabled`, `options`) | `auth0.idp.update` |
pub fn detect(value: &Value) -> Option<&'static Kind> {
    let obj = value.as_object()?;
    let has = |k: &str| obj.contains_key(k);
    let id = if has("identity_providers") {
        "auth0.idp.list"
    } else if has("identity_provider_id") && has("method") {
        "auth0.idp.provisioning"
    } else if has("strategy") && has("id") {
        "auth0.idp"
    } else if has("strategy") && has("name") {
        "auth0.idp.create"
    } else if obj.len() == 1 && has("domain") {
        "auth0.idp.domain"
    } else if obj.len() == 1 && has("token_lifetime") {
        "auth0.idp.scim-token.create"
    } else if !obj.is_empty()
        && obj.keys().all(|k| {
            [
                "display_name",
                "show_as_button",
                "assign_membership_on_login",
                "is_enabled",
                "options",
            ]
            .contains(&k.as_str())
        })
    {
        "auth0.idp.update"
    } else {
        return None;
    };
    find(id)
}
