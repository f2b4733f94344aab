declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid JSON or YAML, or not UTF-8 text: a truncated document,
    /// a trailing comma, a comment in a `.json` file, a number too large for a 64-bit float, a
    /// lone surrogate escape, nesting deeper than the limit, a YAML alias bomb, an empty file.
    ///
    /// ## Why is this bad?
    /// The API parses the body as JSON and rejects it outright; nothing else in the file can be
    /// checked until it parses.
    ///
    /// ## Example
    /// ```json
    /// { "name": "acme", "strategy": "okta", }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "acme", "strategy": "okta" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP001",
        name: "invalid-syntax",
        default: Error,
        summary: "not valid JSON or YAML, or not UTF-8",
        in_schema: false,
    }
}
