//! Authing / GenAuth V3 payloads: identity sources and connections, the state changes, and the
//! response envelope.

use serde_json::{Map, Value, json};

use super::words::{Org, object_id};
use crate::rng::Rng;

/// Connection types, with how often they appear (out of the sum).
const CONN_TYPES: &[(&str, usize)] = &[
    ("oidc", 30),
    ("saml", 15),
    ("oauth", 10),
    ("azure-ad", 12),
    ("github", 8),
    ("wechat:pc", 6),
    ("ldap", 10),
    ("cas", 4),
    ("dingtalk", 5),
];

fn conn_type(rng: &mut Rng) -> &'static str {
    let total: usize = CONN_TYPES.iter().map(|(_, w)| w).sum();
    let mut at = rng.below(total);
    for (t, w) in CONN_TYPES {
        if at < *w {
            return t;
        }
        at -= w;
    }
    "oidc"
}

/// The identity source type of a connection type.
fn source_type(conn: &str) -> &'static str {
    match conn {
        "oauth" => "oauth2",
        "wechat:pc" => "wechat",
        "saml" => "saml",
        "azure-ad" => "azure-ad",
        "github" => "github",
        "ldap" => "ldap",
        "cas" => "cas",
        "dingtalk" => "dingtalk",
        _ => "oidc",
    }
}

/// The `fields` of a connection of this type: every key a new one needs, some optional ones,
/// secrets as deploy-time references.
fn fields(rng: &mut Rng, org: &Org, kind: &str) -> Value {
    let client_id = rng.alnum(20);
    match kind {
        "oidc" => json!({
            "issuerUrl": org.url("login", "/oauth2/default"),
            "authorizationEdpoint": org.url("login", "/oauth2/default/v1/authorize"),
            "responseType": "code",
            "mode": rng.pick(&["FRONT_CHANNEL", "BACK_CHANNEL"]),
            "clientId": client_id,
            "clientSecret": org.secret_ref(rng, "OIDC_CLIENT_SECRET"),
            "scopes": "openid profile email",
            "redirectUri": org.url("app", "/oidc/callback"),
        }),
        "oauth" => json!({
            "authEndPoint": org.url("auth", "/oauth/authorize"),
            "tokenEndPoint": org.url("auth", "/oauth/token"),
            "scope": "read:user",
            "clientId": client_id,
            "clientSecret": org.secret_ref(rng, "OAUTH_CLIENT_SECRET"),
            "codeToTokenScript": "async function (code) { const res = await fetch(TOKEN_URL, { method: 'POST', body: code }); return res.json(); }",
            "tokenToUserInfoScript": "async function (token) { const res = await fetch(USERINFO_URL, { headers: { authorization: 'Bearer ' + token } }); return res.json(); }",
        }),
        "saml" => json!({
            "signInEndPoint": org.url("idp", "/saml2/sso"),
            "samlIdpCert": super::words::pem_cert(rng),
            "signSamlRequest": rng.chance(60),
            "signatureAlgorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "digestAlgorithm": "http://www.w3.org/2001/04/xmlenc#sha256",
            "protocolBinding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
        }),
        "azure-ad" => json!({
            "microsoftAzureAdDomain": format!("{}.onmicrosoft.com", org.slug),
            "clientId": rng.uuid(),
            "clientSecret": org.secret_ref(rng, "ENTRA_CLIENT_SECRET"),
            "emailVerifiedDefault": rng.chance(50),
            "syncUserProfileOnLogin": rng.pick(&["true", "false"]),
        }),
        "github" => json!({
            "clientID": format!("Iv1.{}", rng.hex(16)),
            "clientSecret": org.secret_ref(rng, "GITHUB_CLIENT_SECRET"),
            "callbackURL": org.url("app", "/after-login"),
            "scopes": ["read:user", "user:email"],
        }),
        "wechat:pc" => json!({
            "clientID": format!("wx{}", rng.hex(16)),
            "clientSecret": org.secret_ref(rng, "WECHAT_APP_SECRET"),
        }),
        "ldap" => json!({
            "ldapLink": format!("ldaps://ldap.{}:636", org.domain),
            "bindDn": format!("cn=admin,dc={},dc=example", org.slug),
            "bindPassword": org.secret_ref(rng, "LDAP_BIND_PASSWORD"),
            "baseDn": format!("ou=people,dc={},dc=example", org.slug),
            "searchFilter": "(&(objectClass=person)(uid=%s))",
        }),
        "cas" => json!({ "casConnectionLoginUrl": org.url("cas", "/cas/login") }),
        _ => json!({
            "appKey": format!("ding{}", rng.alnum(16).to_lowercase()),
            "appSecret": org.secret_ref(rng, "DINGTALK_APP_SECRET"),
            "corpId": format!("ding{}", rng.hex(16)),
        }),
    }
}

fn identifier(org: &Org, kind: &str) -> String {
    let suffix = kind.split(':').next().unwrap_or(kind);
    let id = format!("{}-{suffix}", org.slug);
    id.chars().take(31).collect()
}

/// The body of `POST /api/v3/create-ext-idp-conn`.
pub fn conn_create(rng: &mut Rng, _: Option<&str>) -> Value {
    let org = Org::random(rng);
    let kind = conn_type(rng);
    let mut body = json!({
        "extIdpId": object_id(rng),
        "type": kind,
        "identifier": identifier(&org, kind),
        "displayName": format!("{} {}", org.display, kind.to_uppercase()),
        "fields": fields(rng, &org, kind),
        "loginOnly": rng.chance(30),
        "logo": org.logo(rng),
    });
    if rng.chance(30) {
        body["tenantId"] = json!(object_id(rng));
    }
    body
}

/// The body of `POST /api/v3/update-ext-idp-conn`: a new name, and some of the fields.
pub fn conn_update(rng: &mut Rng, _: Option<&str>) -> Value {
    let org = Org::random(rng);
    let kind = conn_type(rng);
    let all = fields(rng, &org, kind);
    let some: Map<String, Value> = all
        .as_object()
        .into_iter()
        .flatten()
        .filter(|_| rng.chance(60))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut body = json!({
        "id": object_id(rng),
        "displayName": format!("{} {}", org.display, kind.to_uppercase()),
        "fields": some,
    });
    if rng.chance(40) {
        body["logo"] = json!(org.logo(rng));
    }
    if rng.chance(40) {
        body["loginOnly"] = json!(rng.chance(50));
    }
    body
}

/// The envelope of a successful response around `data`.
fn envelope(rng: &mut Rng, data: Value) -> Value {
    let mut envelope = json!({
        "statusCode": 200,
        "message": "Operation successful",
        "apiCode": 0,
        "requestId": rng.uuid(),
    });
    envelope["data"] = data;
    envelope
}

/// A connection as returned (`ExtIdpConnDetail`): no secrets.
fn conn_detail(rng: &mut Rng) -> Value {
    let org = Org::random(rng);
    let kind = conn_type(rng);
    let mut fields = fields(rng, &org, kind);
    if let Some(map) = fields.as_object_mut() {
        map.retain(|k, _| !idplint_secret_like(k));
    }
    let methods = &["username-password", "email-code"][..rng.range(1, 2)];
    json!({
        "id": object_id(rng),
        "type": kind,
        "extIdpId": object_id(rng),
        "logo": org.logo(rng),
        "identifier": identifier(&org, kind),
        "displayName": format!("{} {}", org.display, kind.to_uppercase()),
        "loginOnly": rng.chance(30),
        "associationMode": rng.pick(&["none", "field", "challenge"]),
        "challengeBindingMethods": methods,
        "fields": fields,
    })
}

/// Whether a key of `fields` holds a secret (left out of responses).
fn idplint_secret_like(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("secret") || k.contains("password")
}

/// The response of `create-ext-idp-conn` and `update-ext-idp-conn`.
pub fn conn_response(rng: &mut Rng, _: Option<&str>) -> Value {
    let data = conn_detail(rng);
    envelope(rng, data)
}

/// The body of `POST /api/v3/create-ext-idp`.
pub fn source_create(rng: &mut Rng, _: Option<&str>) -> Value {
    let org = Org::random(rng);
    let kind = source_type(conn_type(rng));
    let mut body = json!({
        "name": format!("{} {}", org.display, kind),
        "type": kind,
    });
    if rng.chance(30) {
        body["tenantId"] = json!(object_id(rng));
    }
    body
}

/// An identity source as returned (`ExtIdpDto`, or `ExtIdpDetail` with its connections).
fn source(rng: &mut Rng, detail: bool) -> Value {
    let org = Org::random(rng);
    let conn = conn_type(rng);
    let mut s = json!({
        "id": object_id(rng),
        "name": format!("{} {}", org.display, source_type(conn)),
        "logo": org.logo(rng),
        "type": source_type(conn),
    });
    if rng.chance(30) {
        s["tenantId"] = json!(object_id(rng));
    }
    if detail {
        let connections: Vec<Value> = (0..rng.range(1, 3))
            .map(|_| {
                json!({
                    "id": object_id(rng),
                    "type": conn,
                    "identifier": identifier(&org, conn),
                    "displayName": format!("{} {}", org.display, conn.to_uppercase()),
                })
            })
            .collect();
        s["connections"] = json!(connections);
        s["autoJoin"] = json!(rng.chance(30));
    }
    s
}

/// The response of `create-ext-idp`, `update-ext-idp` and `get-ext-idp`.
pub fn source_response(rng: &mut Rng, _: Option<&str>) -> Value {
    let detail = rng.chance(50);
    let data = source(rng, detail);
    envelope(rng, data)
}

/// The response of `list-ext-idp`: a page of identity sources.
pub fn source_list_response(rng: &mut Rng, _: Option<&str>) -> Value {
    let n = rng.range(4, 12);
    let list: Vec<Value> = (0..n).map(|_| source(rng, false)).collect();
    let total = n + rng.below(20);
    envelope(rng, json!({ "totalCount": total, "list": list }))
}

/// The body of `POST /api/v3/change-ext-idp-conn-state`.
pub fn conn_state(rng: &mut Rng, _: Option<&str>) -> Value {
    let mut body = json!({
        "id": object_id(rng),
        "enabled": rng.chance(70),
        "appId": object_id(rng),
    });
    if rng.chance(30) {
        body["tenantId"] = json!(object_id(rng));
    }
    if rng.chance(30) {
        let apps: Vec<String> = (0..rng.range(1, 4)).map(|_| object_id(rng)).collect();
        body["appIds"] = json!(apps);
    }
    body
}
