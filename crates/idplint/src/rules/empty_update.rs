use super::{Check, Facts, Kinds};
use crate::diagnostic::Diagnostic;
use crate::view::View;

declare_rule! {
    /// ## What it does
    /// Reports an update body that changes nothing: `{}`.
    ///
    /// ## Why is this bad?
    /// The request succeeds and does nothing, which usually means the intended change was
    /// lost on the way (a template that rendered empty, a wrong file).
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// {}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "is_enabled": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP103",
        name: "empty-update",
        default: Warning,
        summary: "an update body that changes nothing",
        in_schema: false,
        check: Check::Payload(Kinds::Auth0Updates, payload_check!(check)),
    }
}

fn check<'v, V: View<'v>>(body: V, _: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    if body.members().is_some_and(|mut m| m.next().is_none()) {
        out.push(
            Diagnostic::new(&RULE, "", "the update changes nothing")
                .with_label("empty object")
                .with_help("add the fields to change, or drop the request"),
        );
    }
}
