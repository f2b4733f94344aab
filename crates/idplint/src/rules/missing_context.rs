use super::{Check, Step};
use crate::diagnostic::Diagnostic;
use crate::text::one_of;

declare_rule! {
    /// ## What it does
    /// Reports an update body whose `options` cannot be checked because the strategy of the
    /// identity provider is not known. An update body names no strategy; idplint infers it
    /// when `options` fits exactly one strategy's shape, and otherwise says so here.
    ///
    /// When `options` fits no strategy's shape, idplint never checks it against a strategy
    /// that lacks one of its keys: it considers only the strategies that have all of them.
    /// With one, `options` is checked as that strategy. With several, idplint names them and
    /// reports only what is wrong under each; when each finds an error of its own (a different
    /// required field), the body is wrong whichever strategy it has, and that error is
    /// reported with each strategy's wording. With none, it names the keys that no strategy
    /// has (each also an `unknown-field`) and checks nothing else in `options`.
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
        check: Check::Step(Step::ChooseStrategy),
    }
}

/// What every finding of this rule's help says.
const HELP: &str = "name the strategy with `--strategy`, or pass the identity provider as last fetched with `--current FILE`";

fn diagnostic(message: String) -> Diagnostic {
    Diagnostic::new(&RULE, "/options", message)
        .with_label("strategy unknown")
        .with_help(HELP)
        .at_key()
}

/// `` `a`, `b` and `c` `` for these names.
fn all_of(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    one_of(&names).replace(" or ", " and ")
}

/// `options` fits the shape of every one of `strategies`, so it cannot be checked further.
pub(crate) fn fits_several(strategies: &[&str]) -> Diagnostic {
    diagnostic(format!(
        "`options` cannot be checked: it fits strategies {}",
        all_of(strategies)
    ))
}

/// `options` fits no strategy's shape; `strategy` is the only one that has all of its keys.
pub(crate) fn checked_as(strategy: &str) -> Diagnostic {
    diagnostic(format!(
        "`options` fits no strategy's shape; checked as `{strategy}`, the only strategy with all of its keys"
    ))
}

/// `options` fits no strategy's shape; each of `strategies` has all of its keys.
pub(crate) fn checked_under_all(strategies: &[&str]) -> Diagnostic {
    diagnostic(format!(
        "`options` fits no strategy's shape; strategies {} have all of its keys, and only what is wrong under each of them is reported",
        all_of(strategies)
    ))
}

/// No strategy has all of the keys of `options`; `unknown` are those that none has.
pub(crate) fn no_strategy_has_all(unknown: &[&str]) -> Diagnostic {
    let message = "`options` cannot be checked: no strategy has all of its keys";
    let d = diagnostic(message.to_owned());
    if unknown.is_empty() {
        return d;
    }
    let names: Vec<String> = unknown.iter().map(|n| format!("`{n}`")).collect();
    let them = if names.len() == 1 { "it" } else { "them" };
    d.with_help(format!(
        "no strategy has {}; remove or correct {them}, or {HELP}",
        names.join(", ")
    ))
}
