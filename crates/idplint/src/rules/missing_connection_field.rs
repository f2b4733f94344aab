use super::{Check, Facts, Kinds};
use crate::diagnostic::Diagnostic;
use crate::view::View;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a new GenAuth connection whose `fields` lack a setting its type cannot work
    /// without: an `oidc` connection's `issuerUrl` and `clientId` (and `clientSecret` in
    /// `BACK_CHANNEL` mode), an `oauth` connection's endpoints and `clientId`, a `saml`
    /// connection's `signInEndPoint` and `samlIdpCert`, a social connection's client id and
    /// secret. Update bodies are not checked: their `fields` are merged into the stored ones.
    ///
    /// ## Why is this bad?
    /// The API accepts the connection, and sign-in through it fails.
    ///
    /// It is a warning, not an error: the V3 API documents no required keys.
    ///
    /// ## Example
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme", "fields": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "extIdpId": "60b49eb83fd80adb96f26e68", "type": "oidc", "identifier": "acme",
    ///   "displayName": "Acme",
    ///   "fields": { "issuerUrl": "https://idp.example.com", "clientId": "acme" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP306",
        name: "missing-connection-field",
        default: Warning,
        summary: "a new GenAuth connection without a setting its type needs",
        in_schema: false,
        check: Check::Payload(Kinds::GenAuthConnectionCreates, payload_check!(check)),
    }
}

/// A new connection's `fields` must hold what its type needs.
fn check<'v, V: View<'v>>(value: V, _: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let Some(conn) = super::connection::fields(value) else {
        return;
    };
    let (Some(known), Some(kind)) = (conn.known, conn.kind) else {
        return;
    };
    let map = conn.map;
    for group in known.needed {
        if !group.iter().any(|k| map.has(k)) {
            out.push(diagnostic(&conn.pointer(), kind, group[0], None));
        }
    }
    let back_channel = map.get("mode").and_then(View::as_str) == Some("BACK_CHANNEL");
    if kind == "oidc" && back_channel && !map.has("clientSecret") {
        out.push(diagnostic(
            &conn.pointer(),
            kind,
            "clientSecret",
            Some("in `BACK_CHANNEL` mode"),
        ));
    }
}

/// The `fields` at `pointer` of a `kind` connection lack `key` (`why` adds a condition).
fn diagnostic(pointer: &str, kind: &str, key: &str, why: Option<&str>) -> Diagnostic {
    let message = format!(
        "`{}` has no `{key}`, which `{kind}` connections need{}",
        field_path(pointer),
        why.map(|w| format!(" {w}")).unwrap_or_default()
    );
    Diagnostic::new(&RULE, pointer, message)
        .with_label(format!("no `{key}`"))
        .with_help(format!("add `{key}` to `fields`"))
        .at_key()
}
