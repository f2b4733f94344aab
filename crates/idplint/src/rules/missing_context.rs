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
    /// ```json
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
