//! The fields an update may change, and the access levels that allow it, are declared once on
//! the update body (`x-idplint-access` on each field, see `payload::auth0::update`). This rule
//! reads that declaration; the published schema states it in each field's description.

use serde_json::Value;

use super::{Annotation, Check, Facts, Field, Kinds, Statement};
use crate::context::AccessLevel;
use crate::diagnostic::Diagnostic;
use crate::text::one_of;
use crate::view::View;

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
    /// ```json kind:auth0.idp.update access:limited
    /// { "display_name": "Acme SSO", "is_enabled": true }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update access:limited
    /// { "is_enabled": true }
    /// ```
    /// and ask a tenant admin to change `display_name` through the Management API.
    pub(crate) static RULE = {
        code: "IDP100",
        name: "access-level-forbids-field",
        default: Error,
        summary: "the update sets a field that the identity provider's access level does not allow",
        in_schema: false,
        check: Check::Payload(Kinds::Auth0Updates, payload_check!(check)),
        annotation: Annotation {
            key: LINT_KEY,
            keep: true,
            state,
            report: None,
        },
    }
}

/// The published description says which access levels may change the field.
fn state(field: &Field<'_>) -> Option<Statement> {
    let levels: Vec<String> = field
        .value
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(|l| format!("`{l}`"))
        .collect();
    Some(Statement {
        note: Some(format!(
            "Can be changed when the identity provider's `access_level` is {}.",
            levels.join(" or ")
        )),
        assertion: None,
    })
}

/// The top-level fields of a lint schema that declare the access levels that may change them,
/// with those levels.
pub(crate) fn declared<'a, V: View<'a>>(lint: V) -> Vec<(String, Vec<AccessLevel>)> {
    let mut access = Vec::new();
    if let Some(props) = lint.get("properties").and_then(View::members) {
        for (name, node) in props {
            if let Some(levels) = node.get(LINT_KEY).and_then(View::items) {
                let levels = levels.filter_map(|l| l.as_str()?.parse().ok()).collect();
                access.push((name.to_owned(), levels));
            }
        }
    }
    access
}

const LINT_KEY: &str = "x-idplint-access";

/// Check the top-level fields of an update body against the declared access levels.
fn check<'v, V: View<'v>>(body: V, facts: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(level), Some(members)) = (facts.context.access_level, body.members()) else {
        return;
    };
    let keys = members.map(|(k, _)| k);
    let access = facts.access;
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
