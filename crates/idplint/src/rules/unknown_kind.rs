use super::{Check, Step};
declare_rule! {
    /// ## What it does
    /// Reports a payload whose kind (create body, update body, response, …) idplint cannot
    /// determine, so that it cannot say which rules apply.
    ///
    /// ## Why is this bad?
    /// A file that is silently skipped is a file that is never checked.
    ///
    /// ## Example
    /// A file with no `--kind`, no matching `[[files]]` entry in `idplint.toml`, and content
    /// that fits no row of the detection table:
    /// ```json
    /// { "hello": "world" }
    /// ```
    ///
    /// ## Use instead
    /// Name the kind: `idplint check --kind auth0.idp.create FILE`, or map the file to a kind
    /// in `idplint.toml`.
    pub(crate) static RULE = {
        code: "IDP003",
        name: "unknown-kind",
        default: Error,
        summary: "the payload kind cannot be determined",
        in_schema: false,
        check: Check::Step(Step::ChooseKind),
    }
}

/// The finding for a payload that fits no row of the detection table.
pub(crate) fn diagnostic<'v, V: crate::view::View<'v>>(value: V) -> crate::diagnostic::Diagnostic {
    let message = if value.is_object() {
        "cannot tell what kind of payload this is".to_owned()
    } else {
        format!(
            "cannot tell what kind of payload this is: it is {}, and every payload is an object",
            value.type_name()
        )
    };
    crate::diagnostic::Diagnostic::new(&RULE, "", message)
        .with_label("unknown kind")
        .at_key()
        .with_help(
            "name it with `--kind`, or map the file to a kind in `idplint.toml`; `idplint kinds` lists the kinds",
        )
}
