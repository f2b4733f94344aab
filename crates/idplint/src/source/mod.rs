//! Reading payload text: JSON and YAML parsing with byte spans, duplicate keys, line lookup.
//!
//! Plain JSON is read by `doc` into a flat document that is checked as it is. Everything else
//! goes through [`parse`]: YAML, and JSON that the fast reader leaves to it (a syntax problem,
//! a duplicate key, nesting near the limit): it returns the value and any syntax problem, and
//! nothing else. [`SpanIndex::build`] walks the text again to find where each node is; callers
//! build it only for files that have findings.

pub(crate) mod doc;
mod json;
mod json_errors;
mod json_walk;
mod lines;
mod yaml;
mod yaml_scalar;

use std::collections::{HashMap, HashSet};

pub use crate::pointer::{Span, push_index, push_token, tokens};
pub use lines::LineIndex;

/// The syntax of a payload file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON (RFC 8259): no comments, no trailing commas.
    Json,
    /// YAML 1.2.
    Yaml,
}

impl Format {
    /// The format a file name implies: `.yaml` and `.yml` are YAML, everything else is JSON.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                Format::Yaml
            }
            _ => Format::Json,
        }
    }
}

/// Bounds on what idplint reads, so that hostile input cannot exhaust time or memory. The
/// defaults live here and nowhere else; the command line and `idplint.toml` can change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest payload file, in bytes, that a caller should read. The parsers do not look
    /// at it (they are given text already read); the CLI refuses a larger file before it reads
    /// it, and never reads more than this many bytes.
    pub max_file_size: u64,
    /// The deepest nesting of arrays and objects accepted (at most [`Limits::MAX_DEPTH`]; JSON
    /// reads 127 levels at most whatever it says).
    pub max_depth: usize,
    /// The most nodes that YAML alias expansion may produce.
    pub max_alias_nodes: usize,
}

impl Limits {
    /// The largest `max_depth` a caller may set. Validation and rendering walk a value
    /// recursively; this many levels stay far from the stack's end, even on a worker thread
    /// and in a debug build.
    pub const MAX_DEPTH: usize = 1000;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 16 * 1024 * 1024,
            max_depth: 128,
            max_alias_nodes: 100_000,
        }
    }
}

/// What went wrong in the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblemKind {
    /// Not valid JSON or YAML; fatal, no value.
    InvalidSyntax,
    /// The same key twice in one object; the value is still produced (the last one wins).
    DuplicateKey,
}

/// One problem found while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// Which problem.
    pub kind: SyntaxProblemKind,
    /// Where: for a duplicate key, the second occurrence of the key; for a syntax error, the
    /// offending character (possibly empty, at the end of the text).
    pub span: Span,
    /// For a duplicate key, the JSON Pointer of the duplicated member; otherwise empty.
    pub pointer: String,
    /// What is wrong, in idplint's words: no trailing period, no position (the span has it).
    pub message: String,
    /// For a duplicate key, where the first occurrence of the key is.
    pub first: Option<Span>,
}

impl SyntaxProblem {
    /// The key `name` of the member at `pointer` appears again at `span`; first at `first`.
    pub(crate) fn duplicate_key(name: &str, pointer: String, span: Span, first: Span) -> Self {
        SyntaxProblem {
            kind: SyntaxProblemKind::DuplicateKey,
            span,
            pointer,
            message: format!("duplicate key `{name}`"),
            first: Some(first),
        }
    }
}

/// The result of [`parse`].
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The value, unless the text has a fatal syntax error.
    pub value: Option<serde_json::Value>,
    /// Syntax problems and duplicate keys, in text order.
    pub problems: Vec<SyntaxProblem>,
}

/// Parse payload text (already decoded as UTF-8, BOM removed) into a value.
#[must_use]
pub fn parse(text: &str, format: Format, limits: &Limits) -> Parsed {
    match format {
        Format::Json => json::parse(text, limits),
        Format::Yaml => yaml::parse(text, limits),
    }
}

/// Where one node is in the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodeSpans {
    /// The key of the member, quotes included in JSON; `None` for the root and array items.
    pub key: Option<Span>,
    /// The whole value: for an object or array, from its opening to its closing bracket.
    pub value: Span,
}

/// The location of the nodes of a parsed document, by JSON Pointer (RFC 6901, `""` is the
/// root): of every node ([`SpanIndex::build`]), or of the nodes that findings point at
/// ([`SpanIndex::build_for`]); and the value of every secret field. With duplicate keys, the
/// pointer maps to the last occurrence, the one whose value counts.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    nodes: HashMap<String, NodeSpans>,
    secrets: Vec<Span>,
}

impl SpanIndex {
    /// Walk a text that [`parse`] accepted, and record where every node is.
    #[must_use]
    pub fn build(text: &str, format: Format, limits: &Limits) -> SpanIndex {
        Self::walk(text, format, limits, Recorder::default())
    }

    /// Walk a text that [`parse`] accepted, and record where the nodes at `pointers` and their
    /// ancestors are: all that [`SpanIndex::locate`] needs for those pointers, and much less
    /// than every node of a large file.
    #[must_use]
    pub fn build_for<'p>(
        text: &str,
        format: Format,
        limits: &Limits,
        pointers: impl IntoIterator<Item = &'p str>,
    ) -> SpanIndex {
        let mut wanted = HashSet::new();
        for pointer in pointers {
            let mut p = pointer;
            while wanted.insert(p) {
                match p.rfind('/') {
                    Some(i) => p = &p[..i],
                    None => break,
                }
            }
        }
        let recorder = Recorder {
            only: Some(&wanted),
            ..Recorder::default()
        };
        Self::walk(text, format, limits, recorder)
    }

    /// [`SpanIndex::build_for`], from a document already read (no second walk of the text).
    pub(crate) fn build_for_doc<'p>(
        doc: &doc::Doc<'_>,
        pointers: impl IntoIterator<Item = &'p str>,
    ) -> SpanIndex {
        let mut nodes = HashMap::new();
        for pointer in pointers {
            let mut p = pointer;
            loop {
                if nodes.contains_key(p) {
                    break;
                }
                if let Some(node) = crate::view::at_pointer(doc.root(), p) {
                    let spans = NodeSpans {
                        key: node.key_span(),
                        value: node.span(),
                    };
                    nodes.insert(p.to_owned(), spans);
                }
                match p.rfind('/') {
                    Some(i) => p = &p[..i],
                    None => break,
                }
            }
        }
        let mut secrets = Vec::new();
        doc_secrets(doc.root(), false, &mut secrets);
        SpanIndex { nodes, secrets }
    }

    fn walk(text: &str, format: Format, limits: &Limits, recorder: Recorder<'_>) -> SpanIndex {
        let recorder = match format {
            Format::Json => json::spans(text, limits, recorder),
            Format::Yaml => yaml::spans(text, limits, recorder),
        };
        SpanIndex {
            nodes: recorder.nodes,
            secrets: recorder.secrets,
        }
    }

    /// The spans of the node at `pointer`.
    #[must_use]
    pub fn get(&self, pointer: &str) -> Option<&NodeSpans> {
        self.nodes.get(pointer)
    }

    /// Where a diagnostic about the node at `pointer` points: its value, or its key when `key`
    /// is asked for and the node has one. Falls back to the nearest ancestor that is known.
    #[must_use]
    pub fn locate(&self, pointer: &str, key: bool) -> Option<Span> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(match (&n.key, key) {
                    (Some(k), true) => k.clone(),
                    _ => n.value.clone(),
                });
            }
            p = &p[..p.rfind('/')?];
        }
    }

    /// Every node recorded, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &NodeSpans)> {
        self.nodes.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The value of every node that is, or is inside, a secret field (see
    /// [`crate::secrets::is_secret_pointer`]), whether asked for or not.
    #[must_use]
    pub fn secret_values(&self) -> &[Span] {
        &self.secrets
    }
}

/// The value of every node of a document that is, or is inside, a secret field, in the order
/// the text walk records them (a container after what it holds).
fn doc_secrets(node: doc::NodeRef<'_>, secret: bool, out: &mut Vec<Span>) {
    let object = node.tag() == doc::Tag::Object;
    for child in node.children() {
        let inside = secret || (object && crate::secrets::is_secret_key(child.key()));
        doc_secrets(child, inside, out);
    }
    if secret {
        out.push(node.span());
    }
}

/// What a span walk keeps: the spans of the nodes asked for (every node, or those in `only`),
/// and the value of every secret node.
#[derive(Default)]
pub(crate) struct Recorder<'w> {
    only: Option<&'w HashSet<&'w str>>,
    nodes: HashMap<String, NodeSpans>,
    secrets: Vec<Span>,
}

impl Recorder<'_> {
    /// A node at `pointer` ends; `secret` when it is (inside) a secret field.
    pub(crate) fn record(&mut self, pointer: &str, secret: bool, spans: NodeSpans) {
        if secret {
            self.secrets.push(spans.value.clone());
        }
        if self.only.is_none_or(|only| only.contains(pointer)) {
            self.nodes.insert(pointer.to_owned(), spans);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Format, Limits, SpanIndex};

    const JSON: &str = r#"{"name": "a", "options": {"client_secret": "s3", "keys": {"token": "t", "x": [1]}, "apiKey": {"v": ["q"]}},
 "list": [{"password": "p"}, {"n": 2}]}"#;
    const YAML: &str = "name: a\noptions:\n  client_secret: s3\n    continued\n  keys:\n    token: t\n    x: [1]\n  apiKey:\n    v: [q]\nlist:\n  - password: p\n  - n: 2\n";

    fn texts() -> [(&'static str, Format); 2] {
        [(JSON, Format::Json), (YAML, Format::Yaml)]
    }

    #[test]
    fn a_partial_index_locates_as_the_full_one() {
        for (text, format) in texts() {
            let full = SpanIndex::build(text, format, &Limits::default());
            let wanted = [
                "/options/keys/x/0",
                "/list/1/n",
                "/list/1/missing",
                "/nope/0",
            ];
            let part = SpanIndex::build_for(text, format, &Limits::default(), wanted);
            for p in wanted {
                for key in [false, true] {
                    assert_eq!(part.locate(p, key), full.locate(p, key), "{format:?} {p}");
                }
            }
            let mut kept: Vec<&str> = part.iter().map(|(p, _)| p).collect();
            kept.sort_unstable();
            let expected = [
                "",
                "/list",
                "/list/1",
                "/list/1/n",
                "/options",
                "/options/keys",
            ];
            let mut expected: Vec<&str> = expected
                .into_iter()
                .chain(["/options/keys/x", "/options/keys/x/0"])
                .collect();
            expected.sort_unstable();
            assert_eq!(kept, expected, "{format:?}");
        }
    }

    #[test]
    fn every_secret_value_is_known_whatever_was_asked_for() {
        for (text, format) in texts() {
            let full = SpanIndex::build(text, format, &Limits::default());
            let mut expected: Vec<_> = full
                .iter()
                .filter(|(p, _)| crate::secrets::is_secret_pointer(p))
                .map(|(_, n)| n.value.clone())
                .collect();
            expected.sort_by_key(|s| (s.start, s.end));
            assert_eq!(expected.len(), 6, "{format:?}: {expected:?}");
            let part = SpanIndex::build_for(text, format, &Limits::default(), ["/name"]);
            for index in [&full, &part] {
                let mut got = index.secret_values().to_vec();
                got.sort_by_key(|s| (s.start, s.end));
                assert_eq!(got, expected, "{format:?}");
            }
            let shown: Vec<&str> = expected.iter().map(|s| &text[s.clone()]).collect();
            assert!(shown.iter().any(|s| s.contains("s3")), "{shown:?}");
        }
    }
}
