//! Findings: what idplint reports about a payload.

use std::fmt;

use crate::pointer::Span;
use crate::rules::Rule;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Warning,
    /// The API would reject the payload, or accept it with the wrong settings.
    Error,
}

impl Severity {
    /// `error` or `warning`, as in the JSON output and config files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Where a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The text itself: syntax, duplicate keys.
    Syntax,
    /// A constraint that the published JSON Schema of the kind states too. Any other JSON Schema
    /// validator that uses idplint's schemas finds the same problem.
    Schema,
    /// A check only idplint makes: advice, context-dependent rules, limits that a source only
    /// suggests.
    Lint,
}

/// One finding in one payload.
///
/// Messages never quote the value of a secret field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: &'static Rule,
    /// The severity: the rule's default unless the caller re-grades it.
    pub severity: Severity,
    /// The JSON Pointer (RFC 6901) of the node the finding is about (`""` is the root).
    pub pointer: String,
    /// What is wrong, without a trailing period.
    pub message: String,
    /// A short text for the source label ("expected https, got http").
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// Where it is in the source text, once known (byte offsets).
    pub span: Option<Span>,
    /// Whether the key (rather than the value) of the node is what the finding is about.
    pub at_key: bool,
    /// Where it comes from.
    pub origin: Origin,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity.
    pub fn new(
        rule: &'static Rule,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity,
            pointer: pointer.into(),
            message: message.into(),
            label: None,
            help: None,
            span: None,
            at_key: false,
            origin: Origin::Lint,
        }
    }

    /// Set the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Set the label text.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Point at the key of the node rather than its value.
    #[must_use]
    pub fn at_key(mut self) -> Self {
        self.at_key = true;
        self
    }

    /// Set the span.
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Set the origin.
    #[must_use]
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// Whether this finding is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether the published JSON Schema states the same constraint (or the text is not valid
    /// JSON / YAML at all): the verdict any schema validator shares.
    pub fn is_structural(&self) -> bool {
        self.origin != Origin::Lint && self.is_error()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.rule.code, self.rule.name, self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("{} {}", self.rule.code, self.rule.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(self.label.clone(), span.start..span.end),
        )))
    }
}
