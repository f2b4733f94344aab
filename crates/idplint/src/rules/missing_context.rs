use super::{Check, Lint, Step};
use crate::diagnostic::Diagnostic;
use crate::text::one_of;

declare_rule! {
    /// ## What it does
    /// Reports an update body whose `options` cannot be checked because the strategy of the
    /// identity provider is not known. An update body names no strategy; idplint infers it
    /// when `options` fits exactly one strategy's shape, and otherwise says so here.
    ///
    /// ## Why is this bad?
    /// `options` replaces the whole options object of the identity provider. Unchecked, a
    /// missing required key or a misspelt one reaches the API.
    ///
    /// ## Example
    /// `idplint check update.json` with
    /// ```json kind:auth0.idp.update
    /// { "options": { "domain": "acme.example", "client_id": "abc", "client_secret": "${SECRET}" } }
    /// ```
    /// (this fits both `okta` and `google-apps`).
    ///
    /// ## Use instead
    /// `idplint check --strategy okta update.json`, or `--current idp.json` with the identity
    /// provider as last fetched, or a `[[files]]` entry with `strategy` in `idplint.toml`.
    pub(crate) static RULE = {
        code: "IDP101",
        name: "missing-context",
        default: Warning,
        summary: "an update's options cannot be checked without the strategy",
        in_schema: false,
    }
}

pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    annotation: None,
    check: Check::Step(Step::ChooseStrategy),
    hides: &[],
};

const HELP: &str = "name the strategy with `--strategy`, or pass the identity provider as last fetched with `--current FILE`";

/// `options` fits no strategy's shape; it is checked as `closest`'s.
pub(crate) fn fits_none(closest: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        "/options",
        format!("`options` fits no strategy's shape; checked as `{closest}`, the closest"),
    )
    .with_label("strategy unknown")
    .with_help(HELP)
    .at_key()
}

/// `options` fits the shapes of all of `strategies`.
pub(crate) fn fits_many(strategies: &[String]) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        "/options",
        format!(
            "`options` cannot be checked: it fits strategies {}",
            one_of(strategies).replace(" or ", " and ")
        ),
    )
    .with_label("strategy unknown")
    .with_help(HELP)
    .at_key()
}
