use super::{Check, Facts, Kinds};
use crate::diagnostic::Diagnostic;
use crate::payload::genauth::fields;
use crate::text::nearest_within;
use crate::view::View;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a key of a GenAuth connection's `fields` that no source documents for the
    /// connection's `type`, or that looks like a misspelling of a documented key, and suggests
    /// the nearest one. It knows the keys of `oidc`, `oauth`, `saml`, `azure-ad`, `github`,
    /// `wechat:pc` and `wechatmp-qrcode`. For other types, and for update bodies (which name no
    /// type), it reports only likely misspellings.
    ///
    /// Keys are spelt as the API spells them: an `oidc` connection's authorize endpoint is
    /// `authorizationEdpoint` (sic), and `clientID`/`callbackURL` are the social connections'
    /// spelling, while `oidc` and `oauth` use `clientId`.
    ///
    /// ## Why is this bad?
    /// The API types `fields` as a free-form object: it stores a misspelt key without a word,
    /// and the connection then fails at sign-in, far from the mistake.
    ///
    /// It is a warning, not an error: the keys come from the SDKs' public-config types and V2
    /// payloads, not from a V3 schema.
    ///
    /// ## Example
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme",
    ///               "scope": "openid email" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme",
    ///               "scopes": "openid email" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP304",
        name: "unknown-connection-field",
        default: Warning,
        summary: "a key of a GenAuth connection's `fields` that no source documents for its type",
        in_schema: false,
        check: Check::Payload(Kinds::GenAuthConnections, payload_check!(check)),
    }
}

/// How close an unknown key must be to a documented one to be called a misspelling, where the
/// type's keys are not all known. Stricter than for unknown fields, to keep false alarms rare.
const MISSPELLING: f64 = 0.9;

/// Every documented key of every type, to look up.
static ALL_KEYS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| fields::all_keys().map(|k| k.name).collect());

fn check<'v, V: View<'v>>(value: V, _: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let Some(conn) = super::connection::fields(value) else {
        return;
    };
    for (name, _) in conn.map.members().into_iter().flatten() {
        match conn.known {
            Some(t) if t.keys.iter().any(|k| k.name == name) => {}
            Some(t) if t.complete => {
                let suggestion = crate::text::nearest(name, t.keys.iter().map(|k| k.name));
                out.push(diagnostic(&conn.at(name), conn.kind, suggestion));
            }
            _ => {
                // Every type's keys are among all keys: a key of another type is no typo.
                if ALL_KEYS.contains(name) {
                    continue;
                }
                let all = fields::all_keys().map(|k| k.name);
                if let Some(s) = nearest_within(name, all, MISSPELLING) {
                    out.push(diagnostic(&conn.at(name), None, Some(s)));
                }
            }
        }
    }
}

/// `pointer` names a key of `fields`; `kind` is the connection type (if known), `suggestion` the
/// nearest documented key.
fn diagnostic(
    pointer: &str,
    kind: Option<&str>,
    suggestion: Option<&str>,
) -> Diagnostic {
    let message = match kind {
        Some(k) => format!(
            "`{}` is not a documented key for connection type `{k}`",
            field_path(pointer)
        ),
        None => format!("`{}` looks like a misspelt key", field_path(pointer)),
    };
    let d = Diagnostic::new(&RULE, pointer, message)
        .with_label("unknown key")
        .at_key();
    match suggestion {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_help("check its spelling against the connection's settings in the console"),
    }
}
