//! What a rule is: its metadata, its severity, and the macro that declares it.
//!
//! A leaf: it uses no other module of the crate, so that [`crate::diagnostic`] (which names the
//! rule of a finding) and [`crate::rules`] (which holds every rule, and builds findings) both
//! depend on it, and not on each other.

use std::fmt;

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

/// A rule's metadata.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code, e.g. `IDP010`. Never reused.
    pub code: &'static str,
    /// The stable kebab-case name, e.g. `missing-field`. Never renamed.
    pub name: &'static str,
    /// The severity a finding has unless configured otherwise.
    pub default_severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The documentation, in Markdown: what it does, why, an example, what to use instead. Code
    /// blocks may carry test attributes after their language (```` ```json kind:K ````), which
    /// [`Rule::documentation`] leaves out.
    pub docs: &'static str,
    /// Whether the published schemas state the rule: the published schema of the kind rejects
    /// every payload that the rule reports an error in, so any JSON Schema validator (and an
    /// editor) finds it too. A rule that is not stated is idplint's alone.
    pub in_schema: bool,
    /// Where it is declared.
    pub file: &'static str,
}

impl Rule {
    /// The documentation as Markdown, without the leading space of each doc-comment line, and
    /// without the test attributes of its code blocks.
    pub fn documentation(&self) -> String {
        self.docs
            .lines()
            .map(|l| {
                let l = l.strip_prefix(' ').unwrap_or(l);
                match l.strip_prefix("```") {
                    Some(info) if !info.is_empty() => {
                        &l[..3 + info.find(' ').unwrap_or(info.len())]
                    }
                    _ => l,
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    /// The code blocks of one `## section` of the docs: each block's info string (language and
    /// attributes) and its text.
    pub fn code_blocks(&self, section: &str) -> Vec<(&'static str, String)> {
        let docs: &'static str = self.docs;
        let mut blocks = Vec::new();
        let mut in_section = false;
        let mut open: Option<(&'static str, String)> = None;
        for line in docs.lines() {
            let line = line.strip_prefix(' ').unwrap_or(line);
            if open.is_none() && line.starts_with("## ") {
                in_section = line == section;
                continue;
            }
            match (line.strip_prefix("```"), open.take()) {
                (Some(_), Some(block)) => blocks.push(block),
                (Some(info), None) => open = in_section.then(|| (info, String::new())),
                (None, Some((info, mut text))) => {
                    text.push_str(line);
                    text.push('\n');
                    open = Some((info, text));
                }
                (None, None) => {}
            }
        }
        blocks
    }
}

/// Declare a rule's metadata: a doc comment (What it does / Why is this bad? / Example / Use
/// instead) and `{ code, name, default, summary, in_schema }` make a `static` [`Rule`].
///
/// ```text
/// declare_rule! {
///     /// ## What it does
///     /// …
///     pub(crate) static RULE = {
///         code: "IDP201",
///         name: "insecure-url",
///         default: Error,
///         summary: "`http://` where the API requires `https://`",
///         in_schema: true,
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            default: $severity:ident,
            summary: $summary:literal,
            in_schema: $in_schema:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        $vis static $ident: $crate::rule::Rule = $crate::rule::Rule {
            code: $code,
            name: $name,
            default_severity: $crate::rule::Severity::$severity,
            summary: $summary,
            docs: concat!($($doc, "\n"),+),
            in_schema: $in_schema,
            file: file!(),
        };
    };
}
