//! The keys of a connection's `fields`, per connection type.
//!
//! The V3 API types `fields` as a free-form object. What is known of its keys comes from
//! secondary sources: the public-config interfaces of the Authing JS SDK and of Guard (oidc,
//! oauth, saml, cas, azure-ad), and V2 payloads (github, wechat:pc, wechatmp-qrcode). None of
//! them is a V3 schema, so every finding about `fields` is a warning.

/// The shape of a value of a known key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Any string.
    String,
    /// A URL string (`http://` or `https://`).
    Url,
    /// `true` or `false`.
    Bool,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A string, or a list of strings.
    StringOrList,
    /// A string or a boolean (typed inconsistently by the sources).
    StringOrBool,
}

/// A documented key of `fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key, spelt as the API spells it (even `authorizationEdpoint`).
    pub name: &'static str,
    /// Its value's shape.
    pub shape: Shape,
}

/// What is known of the `fields` of some connection types.
#[derive(Debug)]
pub struct TypeFields {
    /// The connection types.
    pub types: &'static [&'static str],
    /// The documented keys.
    pub keys: &'static [Key],
    /// Whether the sources list every key, so that any other key is reported; otherwise only
    /// likely misspellings are.
    pub complete: bool,
    /// Keys a new connection needs; each entry lists alternative spellings.
    pub needed: &'static [&'static [&'static str]],
}

const fn key(name: &'static str, shape: Shape) -> Key {
    Key { name, shape }
}

use Shape::{Bool, OneOf, String as Str, StringOrBool, StringOrList, Url};

const OIDC_MODES: &[&str] = &["FRONT_CHANNEL", "BACK_CHANNEL"];

/// Every connection type whose keys some source documents.
pub static KNOWN: &[TypeFields] = &[
    TypeFields {
        types: &["oidc"],
        keys: &[
            key("issuerUrl", Url),
            key("authorizationEdpoint", Url),
            key("responseType", Str),
            key("mode", OneOf(OIDC_MODES)),
            key("clientId", Str),
            key("clientSecret", Str),
            key("scopes", Str),
            key("redirectUri", Url),
            key("oidcConnectionLoginUrl", Url),
        ],
        complete: true,
        needed: &[&["issuerUrl"], &["clientId"]],
    },
    TypeFields {
        types: &["oauth"],
        keys: &[
            key("authEndPoint", Url),
            key("tokenEndPoint", Url),
            key("scope", Str),
            key("clientId", Str),
            key("clientSecret", Str),
            key("authUrlTemplate", Str),
            key("codeToTokenScript", Str),
            key("tokenToUserInfoScript", Str),
            key("tokenToUserInfoScriptFuncId", Str),
            key("codeToTokenScriptFuncId", Str),
            key("authUrl", Url),
        ],
        complete: true,
        needed: &[&["authEndPoint"], &["tokenEndPoint"], &["clientId"]],
    },
    TypeFields {
        types: &["saml"],
        keys: &[
            key("signInEndPoint", Url),
            key("samlRequest", Str),
            key("samlIdpCert", Str),
            key("samlSpCert", Str),
            key("samlSpKey", Str),
            key("signOutEndPoint", Url),
            key("signSamlRequest", Bool),
            key("signatureAlgorithm", Str),
            key("digestAlgorithm", Str),
            key("protocolBinding", Str),
        ],
        complete: true,
        needed: &[&["signInEndPoint"], &["samlIdpCert"]],
    },
    TypeFields {
        types: &["cas"],
        keys: &[key("casConnectionLoginUrl", Url)],
        complete: false,
        needed: &[],
    },
    TypeFields {
        types: &["azure-ad"],
        keys: &[
            key("microsoftAzureAdDomain", Str),
            key("clientId", Str),
            key("clientSecret", Str),
            key("syncUserProfileOnLogin", StringOrBool),
            key("emailVerifiedDefault", Bool),
            key("authorizationUrl", Url),
            key("callbackUrl", Url),
        ],
        complete: true,
        needed: &[&["clientId"]],
    },
    TypeFields {
        types: &["github"],
        keys: &[
            key("clientID", Str),
            key("clientId", Str),
            key("clientSecret", Str),
            key("callbackURL", Str),
            key("scopes", StringOrList),
        ],
        complete: true,
        needed: &[&["clientId", "clientID"], &["clientSecret"]],
    },
    TypeFields {
        types: &["wechat:pc", "wechatmp-qrcode"],
        keys: &[
            key("clientID", Str),
            key("clientId", Str),
            key("clientSecret", Str),
            key("callbackURL", Str),
        ],
        complete: true,
        needed: &[&["clientId", "clientID"], &["clientSecret"]],
    },
];

/// What is known of the `fields` of a connection type.
pub fn for_type(kind: &str) -> Option<&'static TypeFields> {
    KNOWN.iter().find(|t| t.types.contains(&kind))
}

/// Every documented key, of any type.
pub fn all_keys() -> impl Iterator<Item = &'static Key> + Clone {
    KNOWN.iter().flat_map(|t| t.keys.iter())
}

/// A sentence for the schemas: the documented keys of each type.
pub fn describe() -> String {
    let types: Vec<String> = KNOWN
        .iter()
        .map(|t| {
            let keys: Vec<&str> = t.keys.iter().map(|k| k.name).collect();
            format!("{}: {}", t.types.join(", "), keys.join(", "))
        })
        .collect();
    format!(
        "Documented keys by connection type (idplint warns about others): {}.",
        types.join("; ")
    )
}

/// Add [`describe`] to the description of `fields` (a schemars transform).
pub(crate) fn describe_fields(schema: &mut schemars::Schema) {
    if let Some(fields) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("fields"))
        .and_then(serde_json::Value::as_object_mut)
    {
        let mut text = fields
            .get("description")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&describe());
        fields.insert("description".into(), text.into());
    }
}
