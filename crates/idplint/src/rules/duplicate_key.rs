use super::{Check, Step};
use crate::diagnostic::{Diagnostic, Origin};
use crate::source::SyntaxProblem;

declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same object.
    ///
    /// ## Why is this bad?
    /// JSON parsers disagree on which value wins: most keep the last, some the first, some
    /// reject the document. The value the API sees may not be the one you reviewed.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Acme", "is_enabled": true, "display_name": "Acme SSO" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Acme SSO", "is_enabled": true }
    /// ```
    pub(crate) static RULE = {
        code: "IDP002",
        name: "duplicate-key",
        default: Error,
        summary: "the same key twice in one object",
        in_schema: false,
        check: Check::Step(Step::Read),
    }
}

pub(crate) fn diagnostic(problem: &SyntaxProblem) -> Diagnostic {
    Diagnostic::new(&RULE, problem.pointer.clone(), problem.message.clone())
        .with_label("duplicate key")
        .with_help("remove one of the two; the last value wins in most parsers, but not in all")
        .with_span(problem.span.clone())
        .at_key()
        .with_origin(Origin::Syntax)
}
