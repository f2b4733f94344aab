//! Auth0 My Organization API payloads: create and update bodies, identity providers as
//! returned, lists, provisioning configurations.

use serde_json::{Map, Value, json};

use super::words::{Org, idp_id, pem_cert, timestamp};
use crate::rng::Rng;

/// The strategies, in the API's order.
pub const STRATEGIES: &[&str] = &[
    "adfs",
    "google-apps",
    "oidc",
    "okta",
    "pingfederate",
    "samlp",
    "waad",
];

/// Strategies whose responses carry attribute mappings.
const WITH_ATTRIBUTES: &[&str] = &["oidc", "okta", "samlp"];

const SIG: &[&str] = &["rsa-sha256", "rsa-sha256", "rsa-sha1"];
const DIGEST: &[&str] = &["sha256", "sha256", "sha1"];
const BINDING: &[&str] = &[
    "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
    "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
];

/// An object from `(key, value)` pairs, leaving out the `None`s.
fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    let map: Map<String, Value> = pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
    Value::Object(map)
}

/// `Some(value)` with a probability of `percent` in 100.
fn maybe(rng: &mut Rng, percent: usize, value: impl FnOnce(&mut Rng) -> Value) -> Option<Value> {
    rng.chance(percent).then(|| value(rng))
}

fn idp_initiated(rng: &mut Rng, org: &Org) -> Value {
    json!({
        "enabled": true,
        "client_id": rng.alnum(32),
        "client_protocol": rng.pick(&["samlp", "oidc"]),
        "client_authorizequery": format!(
            "redirect_uri={}&scope=openid email profile",
            org.url("portal", "/callback")
        ),
    })
}

/// The `options` of a create or update body.
pub fn options_request(rng: &mut Rng, org: &Org, strategy: &str) -> Value {
    let icon = |rng: &mut Rng| Value::String(org.logo(rng));
    match strategy {
        "adfs" if rng.chance(70) => json!({ "adfs_server": org.url("adfs", "") }),
        "adfs" => json!({ "fedMetadataXml": federation_metadata(rng, org) }),
        "google-apps" => object(vec![
            ("domain", Some(json!(org.domain))),
            (
                "client_id",
                Some(json!(format!(
                    "{}-{}.apps.googleusercontent.com",
                    rng.range(100_000_000_000, 999_999_999_999),
                    rng.alnum(24).to_lowercase()
                ))),
            ),
            (
                "client_secret",
                Some(json!(org.secret_ref(rng, "GOOGLE_CLIENT_SECRET"))),
            ),
            ("icon_url", maybe(rng, 40, icon)),
        ]),
        "oidc" => {
            let back = rng.chance(60);
            object(vec![
                (
                    "type",
                    Some(json!(if back {
                        "back_channel"
                    } else {
                        "front_channel"
                    })),
                ),
                ("client_id", Some(json!(format!("0oa{}", rng.alnum(17))))),
                (
                    "client_secret",
                    back.then(|| json!(org.secret_ref(rng, "OIDC_CLIENT_SECRET"))),
                ),
                (
                    "discovery_url",
                    Some(json!(org.url("login", "/.well-known/openid-configuration"))),
                ),
            ])
        }
        "okta" => object(vec![
            ("domain", Some(json!(format!("{}.okta.com", org.slug)))),
            ("client_id", Some(json!(format!("0oa{}", rng.alnum(17))))),
            (
                "client_secret",
                Some(json!(org.secret_ref(rng, "OKTA_CLIENT_SECRET"))),
            ),
            ("icon_url", maybe(rng, 50, icon)),
        ]),
        "pingfederate" => object(vec![
            ("pingFederateBaseUrl", Some(json!(org.url("sso", "")))),
            ("signingCert", Some(json!(pem_cert(rng)))),
            ("signatureAlgorithm", Some(json!(rng.pick(SIG)))),
            ("digestAlgorithm", Some(json!(rng.pick(DIGEST)))),
            ("signSAMLRequest", Some(json!(rng.chance(70)))),
            ("idpInitiated", maybe(rng, 30, |r| idp_initiated(r, org))),
            ("icon_url", maybe(rng, 30, icon)),
        ]),
        "samlp" => {
            let manual = rng.chance(50);
            object(vec![
                (
                    "metadataUrl",
                    (!manual).then(|| json!(org.url("idp", "/saml/metadata"))),
                ),
                (
                    "signInEndpoint",
                    manual.then(|| json!(org.url("login", "/saml2/sso"))),
                ),
                ("signingCert", manual.then(|| json!(pem_cert(rng)))),
                ("signSAMLRequest", Some(json!(rng.chance(60)))),
                ("signatureAlgorithm", Some(json!(rng.pick(SIG)))),
                ("digestAlgorithm", Some(json!(rng.pick(DIGEST)))),
                (
                    "protocolBinding",
                    maybe(rng, 70, |r| json!(r.pick(BINDING))),
                ),
                ("idpInitiated", maybe(rng, 20, |r| idp_initiated(r, org))),
            ])
        }
        _ => object(vec![
            (
                "tenant_domain",
                Some(json!(format!("{}.onmicrosoft.com", org.slug))),
            ),
            ("client_id", Some(json!(rng.uuid()))),
            (
                "client_secret",
                Some(json!(org.secret_ref(rng, "ENTRA_CLIENT_SECRET"))),
            ),
            ("icon_url", maybe(rng, 30, icon)),
        ]),
    }
}

/// A Federation Metadata XML document, shortened (a real one is tens of kilobytes).
fn federation_metadata(rng: &mut Rng, org: &Org) -> String {
    format!(
        "<EntityDescriptor ID=\"_{}\" entityID=\"{}\" xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>{}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"{}\"/></IDPSSODescriptor></EntityDescriptor>",
        rng.uuid(),
        org.url("adfs", "/adfs/services/trust"),
        pem_cert(rng)
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<String>(),
        org.url("adfs", "/adfs/ls/"),
    )
}

/// The `options` of an identity provider as returned: no secrets.
fn options_response(rng: &mut Rng, org: &Org, strategy: &str) -> Value {
    let mut options = options_request(rng, org, strategy);
    if let Some(map) = options.as_object_mut() {
        map.remove("client_secret");
        if let Some(cert) = map.remove("signingCert") {
            map.insert("cert".to_owned(), cert);
        }
    }
    options
}

const ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("email", "email", "Email"),
    ("given_name", "given_name", "First name"),
    ("family_name", "family_name", "Last name"),
    ("name", "name", "Full name"),
    ("preferred_username", "username", "Username"),
    ("phone_number", "phone_number", "Phone"),
    ("groups", "groups", "Groups"),
    ("department", "department", "Department"),
];

fn attributes(rng: &mut Rng) -> Value {
    let n = rng.range(2, ATTRIBUTES.len());
    let first = rng.below(ATTRIBUTES.len());
    let items = (0..n)
        .map(|i| {
            let (sso, user, label) = ATTRIBUTES[(first + i) % ATTRIBUTES.len()];
            object(vec![
                ("sso_field", Some(json!([sso]))),
                ("user_attribute", Some(json!(user))),
                ("label", maybe(rng, 70, |_| json!(label))),
                ("is_required", Some(json!(i == 0))),
                ("is_extra", Some(json!(false))),
                ("is_missing", Some(json!(rng.chance(10)))),
            ])
        })
        .collect();
    Value::Array(items)
}

fn domains(rng: &mut Rng, org: &Org) -> Value {
    let n = rng.range(1, 3);
    let mut list = vec![json!(org.domain)];
    list.extend((1..n).map(|i| {
        json!(format!(
            "{}{i}.{}",
            org.slug,
            rng.pick(&["example.com", "example.net"])
        ))
    }));
    Value::Array(list)
}

/// The body of `POST /my-org/identity-providers`.
pub fn create(rng: &mut Rng, _: Option<&str>) -> Value {
    let org = Org::random(rng);
    let strategy = *rng.pick(STRATEGIES);
    object(vec![
        ("name", Some(json!(format!("{}-{strategy}", org.slug)))),
        ("display_name", Some(json!(org.display))),
        ("strategy", Some(json!(strategy))),
        ("domains", maybe(rng, 60, |r| domains(r, &org))),
        ("show_as_button", Some(json!(rng.chance(80)))),
        (
            "assign_membership_on_login",
            maybe(rng, 60, |r| json!(r.chance(50))),
        ),
        ("is_enabled", Some(json!(rng.chance(90)))),
        ("options", Some(options_request(rng, &org, strategy))),
    ])
}

/// An identity provider as returned, with its strategy and access level.
fn idp_of(rng: &mut Rng, strategy: &str) -> Value {
    let org = Org::random(rng);
    object(vec![
        ("id", Some(json!(idp_id(rng)))),
        ("name", Some(json!(format!("{}-{strategy}", org.slug)))),
        ("display_name", Some(json!(org.display))),
        ("strategy", Some(json!(strategy))),
        ("domains", maybe(rng, 70, |r| domains(r, &org))),
        ("show_as_button", Some(json!(rng.chance(80)))),
        ("assign_membership_on_login", Some(json!(rng.chance(50)))),
        ("is_enabled", Some(json!(rng.chance(90)))),
        (
            "access_level",
            Some(json!(rng.pick(&["full", "limited", "readonly"]))),
        ),
        ("options", Some(options_response(rng, &org, strategy))),
        (
            "attributes",
            WITH_ATTRIBUTES.contains(&strategy).then(|| attributes(rng)),
        ),
    ])
}

/// An identity provider as returned by get, create, update and refresh.
pub fn idp(rng: &mut Rng, _: Option<&str>) -> Value {
    let strategy = *rng.pick(STRATEGIES);
    idp_of(rng, strategy)
}

/// The list response: full items, and a few minimal ones (access level `none`). The first item
/// is always a full one.
pub fn list(rng: &mut Rng, _: Option<&str>) -> Value {
    let n = rng.range(2, 7);
    let items = (0..n)
        .map(|i| {
            if i > 0 && rng.chance(20) {
                let org = Org::random(rng);
                json!({
                    "id": idp_id(rng),
                    "display_name": org.display,
                    "is_enabled": rng.chance(50),
                    "access_level": "none",
                })
            } else {
                idp(rng, None)
            }
        })
        .collect();
    json!({ "identity_providers": Value::Array(items) })
}

const SCIM_FIELDS: &[(&str, &str)] = &[
    ("userName", "email"),
    ("name.givenName", "given_name"),
    ("name.familyName", "family_name"),
    ("emails[type eq \"work\"].value", "email"),
    ("displayName", "name"),
    ("externalId", "user_id"),
    ("active", "blocked"),
    ("title", "job_title"),
    ("phoneNumbers[type eq \"work\"].value", "phone_number"),
];

/// A provisioning configuration as returned.
pub fn provisioning(rng: &mut Rng, _: Option<&str>) -> Value {
    let org = Org::random(rng);
    let strategy = *rng.pick(&["okta", "waad", "oidc", "samlp"]);
    let n = rng.range(3, SCIM_FIELDS.len());
    let attributes: Vec<Value> = SCIM_FIELDS[..n]
        .iter()
        .enumerate()
        .map(|(i, (field, user))| {
            json!({
                "provisioning_field": field,
                "user_attribute": user,
                "is_required": i == 0,
                "is_extra": false,
                "is_missing": false,
            })
        })
        .collect();
    let created = timestamp(rng);
    json!({
        "identity_provider_id": idp_id(rng),
        "identity_provider_name": format!("{}-{strategy}", org.slug),
        "strategy": strategy,
        "method": rng.pick(&["scim", "scim", "none"]),
        "attributes": attributes,
        "user_id_attribute": "externalId",
        "created_at": created,
        "updated_on": created,
    })
}

/// The body of `PATCH /my-org/identity-providers/{idp_id}` for an identity provider of the
/// given strategy.
pub fn update(rng: &mut Rng, strategy: Option<&str>) -> Value {
    let strategy = strategy.unwrap_or("oidc");
    let org = Org::random(rng);
    let mut pairs = vec![
        ("display_name", maybe(rng, 50, |_| json!(org.display))),
        ("show_as_button", maybe(rng, 40, |r| json!(r.chance(70)))),
        (
            "assign_membership_on_login",
            maybe(rng, 30, |r| json!(r.chance(50))),
        ),
        ("is_enabled", maybe(rng, 40, |r| json!(r.chance(80)))),
    ];
    // Never an empty update (idplint warns about those).
    let empty = pairs.iter().all(|(_, v)| v.is_none());
    if empty || rng.chance(75) {
        pairs.push(("options", Some(options_request(rng, &org, strategy))));
    }
    object(pairs)
}
