//! The fields an update may change, and the access levels that allow it, are declared once on
//! the update body (`x-idplint-access` on each field, see `payload::auth0::update`). This rule
//! reads that declaration; the published schema states it in each field's description.

use crate::context::AccessLevel;
use crate::diagnostic::Diagnostic;
use crate::text::one_of;

declare_rule! {
    /// ## What it does
    /// Reports an update that sets a field the identity provider's `access_level` does not let
    /// the organization admin change. `limited` may change only `show_as_button`,
    /// `assign_membership_on_login` and `is_enabled`; `full` may also change `display_name`
    /// and `options`; `readonly` and `none` may change nothing. The access level comes from
    /// `--access-level`, from `--current FILE` (the identity provider as last fetched), or from
    /// `idplint.toml`.
    ///
    /// ## Why is this bad?
    /// The My Organization API refuses the whole update.
    ///
    /// ## Example
    /// With `--access-level limited`:
    /// ```json
    /// { "display_name": "Acme SSO", "is_enabled": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "is_enabled": true }
    /// ```
    /// and ask a tenant admin to change `display_name` through the Management API.
    pub(crate) static RULE = {
        code: "IDP100",
        name: "access-level-forbids-field",
        default: Error,
        summary: "the update sets a field that the identity provider's access level does not allow",
        in_schema: false,
    }
}

/// Check the top-level fields of an update body against the declared access levels.
pub(crate) fn check<'v>(
    keys: impl Iterator<Item = &'v str>,
    access: &[(String, Vec<AccessLevel>)],
    level: AccessLevel,
    out: &mut Vec<Diagnostic>,
) {
    let changeable: Vec<String> = access
        .iter()
        .filter(|(_, levels)| levels.contains(&level))
        .map(|(f, _)| f.clone())
        .collect();
    for key in keys {
        let Some((_, levels)) = access.iter().find(|(f, _)| f == key) else {
            continue; // not an updatable field: the schema reports it
        };
        if levels.contains(&level) {
            continue;
        }
        let mut pointer = String::new();
        crate::pointer::push_token(&mut pointer, key);
        let needs: Vec<String> = levels.iter().map(|l| l.as_str().to_owned()).collect();
        let help = if changeable.is_empty() {
            format!(
                "an identity provider with access level `{level}` cannot be changed through the My Organization API"
            )
        } else {
            format!(
                "access level `{level}` may change only {}",
                one_of(&changeable).replace(" or ", " and ")
            )
        };
        out.push(
            Diagnostic::new(
                &RULE,
                pointer,
                format!("`{key}` cannot be changed when the access level is `{level}`"),
            )
            .with_label(format!("needs access level {}", one_of(&needs)))
            .with_help(help)
            .at_key(),
        );
    }
}
