use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an update body that changes nothing: `{}`.
    ///
    /// ## Why is this bad?
    /// The request succeeds and does nothing, which usually means the intended change was
    /// lost on the way (a template that rendered empty, a wrong file).
    ///
    /// ## Example
    /// ```json
    /// {}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "is_enabled": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP103",
        name: "empty-update",
        default: Warning,
        summary: "an update body that changes nothing",
        in_schema: false,
    }
}

pub(crate) fn check<'v, V: crate::view::View<'v>>(body: V, out: &mut Vec<Diagnostic>) {
    if body.members().is_some_and(|mut m| m.next().is_none()) {
        out.push(
            Diagnostic::new(&RULE, "", "the update changes nothing")
                .with_label("empty object")
                .with_help("add the fields to change, or drop the request"),
        );
    }
}
