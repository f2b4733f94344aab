use super::{Check, StringSite};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a literal secret in a payload file: a `client_secret`, `clientSecret`,
    /// `samlSpKey`, password, app secret or SCIM `token` whose value is not a variable
    /// reference. References such as `${VAR}`, `$VAR`, `##VAR##`, `@@VAR@@` and `{{ var }}` are
    /// fine. The secret fields are declared once, in the library (`idplint::secrets`), and
    /// their values are masked in every output. That includes look-alikes of a secret key: a
    /// misspelling (`client_secert`), another case or other separators (`CLIENT.SECRET`), or a
    /// key holding a secret word (`db_password`, `scim_token`); their literal values are
    /// reported here too, as the user meant them to be the secret.
    ///
    /// ## Why is this bad?
    /// A secret committed to a repository is readable by everyone with access to it, for as
    /// long as the history exists. Rotate it, and have the deploy step substitute it.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update fragment
    /// { "options": { "client_id": "abc", "client_secret": "h7Rk2pWx9LmQ4vTs" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update fragment
    /// { "options": { "client_id": "abc", "client_secret": "${OKTA_CLIENT_SECRET}" } }
    /// ```
    pub(crate) static RULE = {
        code: "IDP200",
        name: "plaintext-secret",
        default: Warning,
        summary: "a literal secret in a file",
        in_schema: false,
        check: Check::Strings(check_string),
    }
}

use crate::secrets::is_reference;

/// Report `value` when it belongs to a secret field and is a literal.
fn check_string(site: &StringSite<'_>, value: &str, out: &mut Vec<Diagnostic>) {
    if !site.secret || value.trim().is_empty() || is_reference(value) {
        return;
    }
    let pointer = site.pointer();
    let at = field_path(&pointer);
    out.push(
        Diagnostic::new(&RULE, pointer, format!("`{at}` holds a literal secret"))
            .with_label("literal secret (masked)")
            .with_help(
                "use a reference such as `${CLIENT_SECRET}` and substitute it at deploy time",
            ),
    );
}
