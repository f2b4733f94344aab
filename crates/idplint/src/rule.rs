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

/// Declare a rule, once, in its own file: its metadata and what it does. A doc comment (What it
/// does / Why is this bad? / Example / Use instead), then `{ code, name, default, summary,
/// in_schema, check }` and the optional entries `annotation` (what it adds to the schemas) and
/// `hides` (rules whose findings at the same pointer it hides). It makes two statics: `RULE`
/// (the name given; a [`Rule`]) and `LINT` (a `crate::rules::Lint` for that rule), which the
/// registry in `rules/mod.rs` reads by the rule's module.
///
/// A new optional entry is one more `$(name: $value:expr,)?` line here, in a fixed place in the
/// order, and a default in the expansion.
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
///         check: Check::Assertion,
///         annotation: Annotation { key: "x-idplint-https", keep: false, state, report: Some(report) },
///     }
/// }
/// ```
///
/// The `LINT` paths are written as `$crate::rules::…`: they resolve where the macro is used
/// (a rule file), so this module imports nothing of the crate.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            default: $severity:ident,
            summary: $summary:literal,
            in_schema: $in_schema:literal,
            check: $check:expr,
            $(annotation: $annotation:expr,)?
            $(hides: $hides:expr,)?
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

        /// What the rule does.
        $vis static LINT: $crate::rules::Lint = $crate::rules::Lint {
            rule: &$ident,
            annotation: declare_rule!(@or [$(Some($annotation))?] None),
            check: $check,
            hides: declare_rule!(@or [$($hides)?] &[]),
        };
    };
    (@or [$given:expr] $default:expr) => {
        $given
    };
    (@or [] $default:expr) => {
        $default
    };
}
