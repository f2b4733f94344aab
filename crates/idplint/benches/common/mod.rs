//! Payloads for the benchmarks: one valid and one invalid payload of every kind in the registry,
//! taken from `testdata/` (which every clone has), and two 1 KB create bodies written here.

#![allow(dead_code, clippy::missing_panics_doc)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use idplint::kinds::{KINDS, Kind};
use idplint::source::Format;
use idplint::{Context, Options};
use serde_json::Value;

/// A payload to benchmark: its text and its parsed value.
pub struct Payload {
    /// The file name to report.
    pub name: String,
    /// The text.
    pub text: String,
    /// Its syntax.
    pub format: Format,
    /// The parsed value.
    pub value: Value,
    /// The kind and context to check it with.
    pub options: Options,
}

impl Payload {
    /// The kind it is checked as.
    pub fn kind(&self) -> &'static Kind {
        self.options
            .kind
            .expect("a benchmark payload names its kind")
    }

    /// Validate the parsed value: the library's `validate_value`.
    pub fn validate(&self) -> Vec<idplint::Diagnostic> {
        idplint::validate_value(self.kind(), &self.value, &self.options.context)
    }

    /// Check the text: parse, validate, locate (`check_text`).
    pub fn check(&self) -> idplint::FileReport {
        idplint::check_text(&self.name, &self.text, self.format, &self.options)
    }
}

/// The benchmarks of every payload: a valid and a broken payload of each kind of the registry,
/// and the two 1 KB create bodies, each timed by `$bench(bencher, &payload)`.
macro_rules! payload_benches {
    ($bench:ident) => {
        /// A payload of each kind with no error.
        #[divan::bench(args = common::kind_ids())]
        fn valid(bencher: divan::Bencher<'_, '_>, kind: &str) {
            $bench(bencher, &common::valid(kind));
        }

        /// A payload of each kind with an unknown member and a number where a string belongs.
        #[divan::bench(args = common::kind_ids())]
        fn invalid(bencher: divan::Bencher<'_, '_>, kind: &str) {
            $bench(bencher, &common::invalid(kind));
        }

        /// A 1 KB `auth0.idp.create` body for an `oidc` identity provider.
        #[divan::bench]
        fn auth0_oidc_create_1k(bencher: divan::Bencher<'_, '_>) {
            let payload = common::create_1k("auth0.idp.create", common::AUTH0_OIDC_CREATE_1K);
            $bench(bencher, &payload);
        }

        /// A 1 KB `genauth.ext-idp-conn.create` body.
        #[divan::bench]
        fn genauth_conn_create_1k(bencher: divan::Bencher<'_, '_>) {
            let payload = common::create_1k(
                "genauth.ext-idp-conn.create",
                common::GENAUTH_CONN_CREATE_1K,
            );
            $bench(bencher, &payload);
        }
    };
}

/// The ids of every kind, for `#[divan::bench(args = kind_ids())]`.
pub fn kind_ids() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.id)
}

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

fn token<'a>(stem: &'a str, key: &str) -> Option<&'a str> {
    stem.split('@')
        .skip(1)
        .find_map(|t| t.strip_prefix(key)?.strip_prefix('='))
}

/// The first file (by name) of `testdata/valid/<kind>/`, with the context its name carries.
pub fn valid(kind_id: &str) -> Payload {
    let kind = idplint::find_kind(kind_id).expect("a kind of the registry");
    let dir = testdata().join("valid").join(kind_id);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let path = files.first().expect("every kind has a valid payload");
    let text = std::fs::read_to_string(path).expect("read testdata");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let context = Context {
        strategy: token(stem, "strategy").map(|s| s.parse().expect("strategy token")),
        access_level: token(stem, "access").map(|s| s.parse().expect("access token")),
    };
    let payload = payload(
        path.file_name()
            .and_then(|s| s.to_str())
            .unwrap_or_default(),
        text,
        Format::from_path(path),
        kind,
        context,
    );
    let errors = payload.validate().iter().filter(|d| d.is_error()).count();
    assert_eq!(errors, 0, "{} has errors", path.display());
    payload
}

/// The valid payload of `kind_id`, broken: an unknown member at the root, and the first string
/// found (depth first) replaced by a number. Asserted to have at least one error.
pub fn invalid(kind_id: &str) -> Payload {
    let valid = valid(kind_id);
    let mut value = valid.value.clone();
    if let Some(root) = value.as_object_mut() {
        root.insert("bench_unknown_field".to_owned(), Value::Bool(true));
    }
    if let Some(s) = first_string(&mut value) {
        *s = Value::from(42);
    }
    let text = serde_json::to_string_pretty(&value).expect("serialise");
    let payload = payload(
        "invalid.json",
        text,
        Format::Json,
        valid.kind(),
        valid.options.context,
    );
    let errors = payload.validate().iter().filter(|d| d.is_error()).count();
    assert!(errors > 0, "the broken {kind_id} payload has no error");
    payload
}

fn first_string(value: &mut Value) -> Option<&mut Value> {
    match value {
        Value::String(_) => Some(value),
        Value::Array(items) => items.iter_mut().find_map(first_string),
        Value::Object(map) => map.values_mut().find_map(first_string),
        _ => None,
    }
}

fn payload(
    name: &str,
    text: String,
    format: Format,
    kind: &'static Kind,
    context: Context,
) -> Payload {
    let parsed = idplint::source::parse(&text, format, &idplint::source::Limits::default());
    let value = parsed.value.expect("a benchmark payload parses");
    Payload {
        name: name.to_owned(),
        text,
        format,
        value,
        options: Options {
            kind: Some(kind),
            context,
            ..Options::default()
        },
    }
}

/// A 1 KB `auth0.idp.create` body for an `oidc` identity provider, with no finding.
pub const AUTH0_OIDC_CREATE_1K: &str = r#"{
  "name": "acme-corporate-oidc",
  "display_name": "Acme Corporation (employees and contractors)",
  "strategy": "oidc",
  "domains": [
    "acme.example.com",
    "corp.acme.example.com",
    "eu.acme.example.com",
    "us.acme.example.com",
    "apac.acme.example.com",
    "contractors.acme.example.com",
    "labs.acme.example.com",
    "acme-subsidiary.example.org",
    "acme-holdings.example.net",
    "partners.acme.example.com",
    "retail.acme.example.com",
    "wholesale.acme.example.com",
    "research.acme.example.com",
    "manufacturing.acme.example.com",
    "logistics.acme.example.com",
    "support.acme.example.com"
  ],
  "show_as_button": true,
  "assign_membership_on_login": true,
  "is_enabled": true,
  "options": {
    "type": "back_channel",
    "client_id": "0oa4acmeoidc7x2Hq5d7-corporate-sso-application",
    "client_secret": "${ACME_OIDC_CLIENT_SECRET}",
    "discovery_url": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7corp/.well-known/openid-configuration"
  }
}
"#;

/// A 1 KB `genauth.ext-idp-conn.create` body for an `oidc` connection, with no finding.
pub const GENAUTH_CONN_CREATE_1K: &str = r#"{
  "extIdpId": "6318061be13c0ce6a64093e5",
  "type": "oidc",
  "identifier": "acme-oidc-employees",
  "displayName": "Acme Corporation single sign-on for all employees and contractors, worldwide",
  "fields": {
    "issuerUrl": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7corp",
    "authorizationEdpoint": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7corp/v1/authorize",
    "redirectUri": "https://acme-employees.genauth.example.com/connections/oidc/callback",
    "oidcConnectionLoginUrl": "https://acme-employees.genauth.example.com/connections/oidc/acme-oidc-employees/login",
    "responseType": "code",
    "mode": "BACK_CHANNEL",
    "clientId": "0oa5acme7client-employees-and-contractors-sso-application",
    "clientSecret": "${ACME_OIDC_CLIENT_SECRET}",
    "scopes": "openid profile email phone address offline_access groups"
  },
  "loginOnly": false,
  "logo": "https://files.acme.example.com/branding/logos/2026/acme-corporation-employees-and-contractors-sso-button.png"
}
"#;

/// One of the 1 KB create bodies, asserted to have no finding at all.
pub fn create_1k(kind_id: &str, text: &str) -> Payload {
    let kind = idplint::find_kind(kind_id).expect("a kind of the registry");
    let payload = payload(
        "create.json",
        text.to_owned(),
        Format::Json,
        kind,
        Context::default(),
    );
    assert!(
        (1000..=1200).contains(&text.len()),
        "{kind_id}: {} bytes",
        text.len()
    );
    let findings = payload.validate();
    let rules: Vec<_> = findings.iter().map(|d| (d.rule.name, &d.pointer)).collect();
    assert!(rules.is_empty(), "{kind_id}: {rules:?}");
    payload
}

/// An `auth0.idp.list` response of `items` identity providers (about 1 KB each), every one with
/// an unknown member: `items` findings in one large file.
pub fn list_with_unknown_fields(items: usize) -> Payload {
    let kind = idplint::find_kind("auth0.idp.list").expect("a kind of the registry");
    let mut text = String::from("{\n  \"identity_providers\": [");
    for i in 0..items {
        if i > 0 {
            text.push(',');
        }
        let _ = write!(
            text,
            r#"
    {{
      "id": "con_Ac3mE0idcQ7x2Hq5",
      "name": "acme-oidc-{i}",
      "display_name": "Acme Corporation, division {i}",
      "strategy": "oidc",
      "is_enabled": true,
      "access_level": "full",
      "show_as_button": true,
      "assign_membership_on_login": false,
      "domains": [
        "acme.example.com", "corp.acme.example.com", "eu.acme.example.com", "us.acme.example.com",
        "apac.acme.example.com", "labs.acme.example.com", "partners.acme.example.com",
        "retail.acme.example.com", "wholesale.acme.example.com", "research.acme.example.com",
        "logistics.acme.example.com", "support.acme.example.com"
      ],
      "options": {{
        "type": "back_channel",
        "client_id": "0oa4acmeoidc7x2Hq5d7-division-{i}",
        "discovery_url": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7/division/{i}/.well-known/openid-configuration"
      }},
      "attributes": [],
      "bench_unknown_field": "this member is not part of an identity provider"
    }}"#
        );
    }
    text.push_str("\n  ]\n}\n");
    assert!(text.len() >= items * 1000, "about 1 KB an item");
    payload("list.json", text, Format::Json, kind, Context::default())
}
