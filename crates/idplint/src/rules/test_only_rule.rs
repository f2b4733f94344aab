//! A rule that exists only in the library's unit tests (its registry line is `#[cfg(test)]`).
//! It proves that a rule is its own file plus one registry line: declared here and nowhere
//! else, it is reported, explained and listed.

use super::{Check, Facts, Kinds};
use crate::diagnostic::Diagnostic;
use crate::view::View;

declare_rule! {
    /// ## What it does
    /// Reports a payload whose `display_name` is `Trigger the test-only rule`.
    ///
    /// ## Why is this bad?
    /// It is not: the rule exists to test the rule machinery.
    ///
    /// ## Example
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Trigger the test-only rule" }
    /// ```
    ///
    /// ## Use instead
    /// ```json kind:auth0.idp.update
    /// { "display_name": "Acme" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP999",
        name: "test-only-rule",
        default: Warning,
        summary: "a payload that triggers the test-only rule",
        in_schema: false,
        check: Check::Payload(Kinds::All, payload_check!(check)),
    }
}

fn check<'v, V: View<'v>>(payload: V, _: &Facts<'_>, out: &mut Vec<Diagnostic>) {
    let name = payload.get("display_name").and_then(View::as_str);
    if name == Some("Trigger the test-only rule") {
        out.push(
            Diagnostic::new(&RULE, "/display_name", "`display_name` triggers the test rule")
                .with_label("the trigger")
                .with_help("pick another name")
                .at_key(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::source::Format;
    use crate::{Context, Options, check_text, kinds, rules, validate_value};

    const TRIGGER: &str = r#"{ "display_name": "Trigger the test-only rule" }"#;

    #[test]
    fn it_is_reported_with_its_wording() {
        let kind = kinds::find("auth0.idp.update").unwrap();
        // From a value, and from JSON text read as a document, each with its span.
        let value: serde_json::Value = serde_json::from_str(TRIGGER).unwrap();
        let found = validate_value(kind, &value, &Context::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, &RULE);
        assert_eq!(found[0].pointer, "/display_name");
        assert_eq!(found[0].label.as_deref(), Some("the trigger"));
        assert_eq!(found[0].help.as_deref(), Some("pick another name"));
        let options = Options {
            kind: Some(kind),
            ..Options::default()
        };
        for format in [Format::Json, Format::Yaml] {
            let report = check_text("a", TRIGGER, format, &options);
            let [d] = report.diagnostics.as_slice() else {
                panic!("{:?}", report.diagnostics);
            };
            assert_eq!(d.rule.name, "test-only-rule");
            assert_eq!(d.span, Some(2..16), "at the key of `display_name`");
        }
        let clean = check_text("a", r#"{ "display_name": "Acme" }"#, Format::Json, &options);
        assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics);
    }

    #[test]
    fn it_is_explained_and_listed() {
        assert_eq!(rules::find("IDP999"), Some(&RULE));
        assert_eq!(rules::find("test-only-rule"), Some(&RULE));
        assert!(RULE.documentation().starts_with("## What it does\nReports a payload"));
        // The code block's test attributes are not part of what `idplint explain` prints.
        assert!(RULE.documentation().contains("\n```json\n{ \"display_name\""));
        assert!(rules::ALL.contains(&&RULE));
        assert!(rules::lint(&RULE).is_some());
    }
}
