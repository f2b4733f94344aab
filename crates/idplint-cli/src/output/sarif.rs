//! `--format sarif`: a SARIF 2.1.0 log with one run, for code scanning (GitHub, GitLab, SARIF
//! viewers). A test validates it against the official schema.
//!
//! Columns count Unicode code points (`columnKind`), as in every other format. The log lists the
//! rules that have results, in code order (as ruff does), so a clean run carries no rule texts:
//! the short description is the rule's summary, the full one its "What it does" section, and
//! the help its whole documentation (Markdown), and the help URI its page under `docs/rules/`.
//! Nothing from the source text is copied into the log: no snippets, so no secret.

use std::fmt::Write as _;

use idplint::{FileReport, Rule, Severity};
use serde::Serialize;

use super::{Position, Totals, indented, message_with_help, positions};

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

/// A rule (`reportingDescriptor`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help_uri: String,
    help: Markdown,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Markdown {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    properties: Properties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// 1-based lines and columns; `endColumn` is the column just past the end, as in SARIF.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// idplint's own data about a result: the JSON Pointer of the node it is about.
#[derive(Serialize)]
struct Properties<'a> {
    pointer: &'a str,
}

/// The log up to the first result. Results come first and the rule list after them, so that
/// the log can be written a file at a time and list only the rules with results.
pub(crate) const START: &str = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";

/// The results of one file, separated by commas; empty when it has none.
pub(crate) fn file(report: &FileReport) -> String {
    let uri = artifact_location(&report.source.name);
    let mut out = String::new();
    for (d, pos) in report.diagnostics.iter().zip(positions(report)) {
        let result = SarifResult {
            rule_id: d.rule.code,
            level: level(d.severity),
            message: Text {
                text: message_with_help(d),
            },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri.0.clone(),
                        uri_base_id: uri.1,
                    },
                    region: pos.as_ref().map(region),
                },
            }],
            properties: Properties {
                pointer: &d.pointer,
            },
        };
        if !out.is_empty() {
            out.push(',');
        }
        let value = serde_json::to_value(&result).unwrap_or_default();
        out.push_str(&indented(&value, "        ", true));
    }
    out
}

/// The rest of the log: the end of the results, and the tool with the rules that have results,
/// in code order.
pub(crate) fn end(totals: &Totals) -> String {
    let tool = Tool {
        driver: Driver {
            name: "idplint",
            version: env!("CARGO_PKG_VERSION"),
            semantic_version: env!("CARGO_PKG_VERSION"),
            information_uri: env!("CARGO_PKG_REPOSITORY"),
            rules: totals.rules.values().copied().map(descriptor).collect(),
        },
    };
    let close = if totals.errors + totals.warnings == 0 {
        "]"
    } else {
        "\n      ]"
    };
    let tool = serde_json::to_value(&tool).unwrap_or_default();
    format!(
        "{close},\n      \"tool\": {}\n    }}\n  ]\n}}\n",
        indented(&tool, "      ", false)
    )
}

fn descriptor(rule: &'static Rule) -> Descriptor {
    let docs = rule.documentation();
    Descriptor {
        id: rule.code,
        name: rule.name,
        short_description: Text {
            text: rule.summary.to_owned(),
        },
        full_description: Text {
            text: what_it_does(&docs)
                .unwrap_or(rule.summary)
                .replace('\n', " "),
        },
        help_uri: help_uri(rule),
        help: Markdown {
            text: docs.clone(),
            markdown: docs,
        },
        default_configuration: Configuration {
            level: level(rule.default_severity),
        },
    }
}

/// The rule's documentation page in the repository: `docs/rules/<name>.md`.
fn help_uri(rule: &Rule) -> String {
    format!(
        "{}/blob/main/docs/rules/{}.md",
        env!("CARGO_PKG_REPOSITORY"),
        rule.name
    )
}

/// The "What it does" section of a rule's documentation, without its heading.
fn what_it_does(docs: &str) -> Option<&str> {
    let body = docs.split_once("## What it does\n")?.1;
    Some(
        body.split_once("\n\n")
            .map_or(body, |(first, _)| first)
            .trim(),
    )
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn region(p: &Position) -> Region {
    Region {
        start_line: p.line,
        start_column: p.column,
        end_line: p.end_line,
        end_column: p.end_column,
    }
}

/// A file name as given, as a URI reference: a relative name stays relative to `%SRCROOT%` (the
/// directory idplint ran in), an absolute one becomes a `file://` URI. Returns the URI and its
/// base id.
fn artifact_location(name: &str) -> (String, Option<&'static str>) {
    let name = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_owned()
    };
    if let Some(path) = name.strip_prefix('/') {
        return (format!("file:///{}", percent_encode(path)), None);
    }
    let bytes = name.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        // `C:/dir/file.json`: the drive's colon stays.
        return (
            format!("file:///{}:{}", &name[..1], percent_encode(&name[2..])),
            None,
        );
    }
    (percent_encode(&name), Some("%SRCROOT%"))
}

/// Percent-encode what a URI path cannot hold as it is: every byte but the unreserved
/// characters, the sub-delimiters, `@` and `/`. A colon is encoded too, since one in the first
/// segment of a relative reference would read as a scheme.
fn percent_encode(path: &str) -> String {
    const KEPT: &[u8] = b"-._~!$&'()*+,;=@/";
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || KEPT.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{artifact_location, percent_encode, what_it_does};

    #[test]
    fn every_rule_has_a_full_description() {
        for rule in idplint::rules::ALL {
            let docs = rule.documentation();
            let text = what_it_does(&docs).unwrap_or_default();
            let one_section = !text.starts_with("## ") && !text.contains("\n## ");
            assert!(text.len() > 20 && one_section, "{}: {text:?}", rule.name);
        }
    }

    #[test]
    fn relative_paths_stay_relative_and_are_encoded() {
        assert_eq!(
            artifact_location("testdata/a@kind=auth0.idp.create.json"),
            (
                "testdata/a@kind=auth0.idp.create.json".to_owned(),
                Some("%SRCROOT%")
            )
        );
        assert_eq!(
            percent_encode("idp/okta prod#1 100%:ß?.json"),
            "idp/okta%20prod%231%20100%25%3A%C3%9F%3F.json"
        );
        assert_eq!(
            artifact_location("<stdin>").0,
            "%3Cstdin%3E",
            "not a valid URI character"
        );
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_are_file_uris() {
        assert_eq!(
            artifact_location("/tmp/a b/x.json"),
            ("file:///tmp/a%20b/x.json".to_owned(), None)
        );
        assert_eq!(
            artifact_location("dir\\x.json").0,
            "dir%5Cx.json",
            "a backslash is part of a Unix file name"
        );
    }
}
