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
    }
}
