//! YAML: saphyr's event parser driven into a `serde_json::Value` and node spans in one walk.
//!
//! Choices, where YAML and JSON differ:
//! - Scalars resolve with the YAML 1.2 core schema (see [`resolve`]); `.inf`, `.nan` and floats
//!   out of range are syntax problems, as JSON has no such numbers.
//! - Mapping keys must be scalars resolving to strings, integers or booleans.
//! - Merge keys (`<<`) do not exist in YAML 1.2; a plain `<<` key is a syntax problem rather
//!   than a key named `<<` that the APIs would reject in a confusing way.
//! - Aliases copy the anchored value. The nodes they produce count against
//!   `limits.max_alias_nodes`, and the nesting they add against `limits.max_depth`. The span of
//!   an aliased node is the alias (`*name`); nodes inside it have no spans of their own, so
//!   [`super::SpanIndex::locate`] falls back to the alias.
//! - saphyr counts positions in characters; they are converted to byte offsets.
//! - The event parser is iterative, and so is this builder: deep nesting is a problem, never a
//!   stack overflow. (saphyr's scanner refuses more than 255 nested flow collections itself.)

use std::collections::HashMap;

use saphyr::{ScalarStyle, ScanError};
use saphyr_parser::{Event, Parser};
use serde_json::{Map, Value};

use super::json_errors::invalid;
use super::yaml_scalar::{CharOffsets, bad_unicode_escape, key_string, resolve};
use super::{Limits, NodeSpans, Parsed, Recorder, Span, SyntaxProblem, push_index, push_token};
use crate::secrets::is_secret_key;

/// The deepest flow nesting saphyr's scanner accepts.
const SAPHYR_MAX_FLOW_DEPTH: usize = 255;

/// Parse YAML text (one document) into a value, with duplicate keys (last one wins) and at most
/// one fatal syntax problem.
pub(super) fn parse(text: &str, limits: &Limits) -> Parsed {
    let mut builder = Builder::new(text, limits, None);
    match builder.run() {
        Ok(value) => Parsed {
            value: Some(value),
            problems: builder.problems,
        },
        Err(problem) => Parsed {
            value: None,
            problems: vec![problem],
        },
    }
}

/// The spans of the nodes of a YAML text that `recorder` keeps (see [`super::SpanIndex`]).
pub(super) fn spans<'w>(text: &str, limits: &Limits, recorder: Recorder<'w>) -> Recorder<'w> {
    let mut builder = Builder::new(text, limits, Some(recorder));
    let _ = builder.run();
    builder.spans.unwrap_or_default()
}

/// An open sequence or mapping.
struct Frame {
    content: Content,
    /// The anchor id to register the finished value under (0: none).
    anchor: usize,
    /// Where the value starts (its anchor or tag included).
    start: usize,
    /// Whether it is a flow collection, which ends at its closing bracket.
    flow: bool,
    /// The furthest end of its contents so far: where a block collection ends.
    end: usize,
    /// The length of the collection's own JSON Pointer.
    ptr_len: usize,
    /// How many nodes it holds so far, itself included.
    count: usize,
    /// Whether it is, or is inside, a secret field (known only when spans are recorded).
    secret: bool,
    /// The height of its highest child (0 for scalars).
    child_height: usize,
}

enum Content {
    Seq(Vec<Value>),
    Map {
        map: Map<String, Value>,
        /// The key whose value comes next, and its span.
        key: Option<(String, Span)>,
        /// The span of the first occurrence of each key.
        seen: HashMap<String, Span>,
    },
}

/// An anchored value, ready to be copied by aliases.
struct Anchored {
    value: Value,
    /// How many nodes it has.
    count: usize,
    /// How many levels of collections it has.
    height: usize,
}

struct Builder<'t, 'w> {
    text: &'t str,
    offsets: CharOffsets<'t>,
    limits: Limits,
    /// Where spans go, when they are recorded.
    spans: Option<Recorder<'w>>,
    problems: Vec<SyntaxProblem>,
    stack: Vec<Frame>,
    /// The JSON Pointer of the node being read.
    pointer: String,
    anchors: HashMap<usize, Anchored>,
    alias_nodes: usize,
    root: Option<Value>,
    /// The root is an empty plain scalar: the document has no content.
    root_empty: bool,
    documents: usize,
    /// The start of a second document, whose content (if any) is an error.
    extra_document: Option<Span>,
}

impl<'t, 'w> Builder<'t, 'w> {
    fn new(text: &'t str, limits: &Limits, spans: Option<Recorder<'w>>) -> Self {
        Builder {
            text,
            offsets: CharOffsets::new(text),
            limits: *limits,
            spans,
            problems: Vec::new(),
            stack: Vec::new(),
            pointer: String::new(),
            anchors: HashMap::new(),
            alias_nodes: 0,
            root: None,
            root_empty: false,
            documents: 0,
            extra_document: None,
        }
    }

    fn run(&mut self) -> Result<Value, SyntaxProblem> {
        for event in Parser::new_from_str(self.text) {
            let (event, span) = event.map_err(|e| self.scan_problem(&e))?;
            let span = self.offsets.byte(span.start.index())..self.offsets.byte(span.end.index());
            self.event(event, span)?;
        }
        match self.root.take() {
            Some(value) if !self.root_empty => Ok(value),
            _ => Err(invalid(0..0, "the file is empty".to_owned())),
        }
    }

    fn event(&mut self, event: Event<'t>, span: Span) -> Result<(), SyntaxProblem> {
        if let Event::DocumentStart(_) = event {
            self.documents += 1;
            if self.documents > 1 {
                self.extra_document = Some(span);
            }
            return Ok(());
        }
        if let Some(second) = &self.extra_document {
            let nothing =
                matches!(&event, Event::Scalar(raw, ScalarStyle::Plain, 0, None) if raw.is_empty());
            if nothing || matches!(event, Event::DocumentEnd | Event::StreamEnd) {
                return Ok(()); // `---` at the end, with nothing after it
            }
            return Err(invalid(
                second.clone(),
                "more than one YAML document: a payload file holds one".to_owned(),
            ));
        }
        match event {
            Event::Scalar(raw, style, anchor, tag) => {
                let untagged_plain = style == ScalarStyle::Plain && tag.is_none();
                if self.key_expected() {
                    if untagged_plain && raw == "<<" {
                        let message = "merge keys (`<<`) are not supported: the APIs take plain JSON objects; write the keys out";
                        return Err(invalid(span, message.to_owned()));
                    }
                    let written = raw.to_string();
                    let value =
                        resolve(raw, style, tag.as_ref()).map_err(|m| invalid(span.clone(), m))?;
                    return self.key(value, &written, span, anchor);
                }
                if self.stack.is_empty() {
                    self.root_empty = untagged_plain && anchor == 0 && raw.is_empty();
                }
                let value =
                    resolve(raw, style, tag.as_ref()).map_err(|m| invalid(span.clone(), m))?;
                self.set_pointer();
                let secret = self.child_secret();
                self.finish(value, span, anchor, 1, 0, secret);
            }
            Event::Alias(id) => self.alias(id, span)?,
            Event::SequenceStart(anchor, _) => self.open(Content::Seq(Vec::new()), anchor, span)?,
            Event::MappingStart(anchor, _) => {
                let content = Content::Map {
                    map: Map::new(),
                    key: None,
                    seen: HashMap::new(),
                };
                self.open(content, anchor, span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(&span),
            Event::DocumentStart(_)
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
        Ok(())
    }

    /// An alias: a copy of the anchored value, within the alias and depth budgets.
    fn alias(&mut self, id: usize, span: Span) -> Result<(), SyntaxProblem> {
        let Some(anchored) = self.anchors.get(&id) else {
            let message = "this alias refers to a node that contains it";
            return Err(invalid(span, message.to_owned()));
        };
        self.alias_nodes = self.alias_nodes.saturating_add(anchored.count);
        if self.alias_nodes > self.limits.max_alias_nodes {
            let message = format!(
                "alias expansion exceeds the limit of {} nodes (a \"billion laughs\" document?)",
                self.limits.max_alias_nodes
            );
            return Err(invalid(span, message));
        }
        if self.stack.len() + anchored.height > self.limits.max_depth {
            return Err(self.too_deep(span));
        }
        let (value, count, height) = (anchored.value.clone(), anchored.count, anchored.height);
        if self.key_expected() {
            let written = self.text.get(span.clone()).unwrap_or_default().to_owned();
            return self.key(value, &written, span, 0);
        }
        self.set_pointer();
        let secret = self.child_secret();
        self.finish(value, span, 0, count, height, secret);
        Ok(())
    }

    /// A sequence or mapping starts.
    fn open(&mut self, content: Content, anchor: usize, span: Span) -> Result<(), SyntaxProblem> {
        if self.key_expected() {
            return Err(invalid(span, "mapping keys must be scalars".to_owned()));
        }
        if self.stack.len() >= self.limits.max_depth {
            return Err(self.too_deep(span));
        }
        self.set_pointer();
        let secret = self.child_secret();
        let flow = span.end > span.start
            && matches!(self.text.as_bytes().get(span.end - 1), Some(b'[' | b'{'));
        self.stack.push(Frame {
            content,
            anchor,
            start: span.start,
            flow,
            end: span.end,
            ptr_len: self.pointer.len(),
            count: 1,
            secret,
            child_height: 0,
        });
        Ok(())
    }

    /// The innermost sequence or mapping ends (at `span` for a flow collection).
    fn close(&mut self, span: &Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let end = if frame.flow { span.end } else { frame.end };
        let value = match frame.content {
            Content::Seq(items) => Value::Array(items),
            Content::Map { map, .. } => Value::Object(map),
        };
        self.pointer.truncate(frame.ptr_len);
        let span = frame.start..end.max(frame.start);
        self.finish(
            value,
            span,
            frame.anchor,
            frame.count,
            frame.child_height + 1,
            frame.secret,
        );
    }

    /// Whether the node that starts is, or is inside, a secret field. Only worked out when
    /// spans are recorded (masking is all it is for).
    fn child_secret(&self) -> bool {
        self.spans.is_some()
            && self.stack.last().is_some_and(|top| {
                top.secret
                    || matches!(&top.content, Content::Map { key: Some((name, _)), .. } if is_secret_key(name))
            })
    }

    /// Whether the next node is a mapping key.
    fn key_expected(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                content: Content::Map { key: None, .. },
                ..
            })
        )
    }

    /// Set the pointer for the node that starts, from the innermost collection.
    fn set_pointer(&mut self) {
        let Some(top) = self.stack.last() else {
            self.pointer.clear();
            return;
        };
        self.pointer.truncate(top.ptr_len);
        match &top.content {
            Content::Seq(items) => {
                push_index(&mut self.pointer, items.len());
            }
            Content::Map {
                key: Some((name, _)),
                ..
            } => push_token(&mut self.pointer, name),
            Content::Map { key: None, .. } => {}
        }
    }

    /// A mapping key was read: check it, report it if repeated, and wait for its value.
    fn key(
        &mut self,
        value: Value,
        written: &str,
        span: Span,
        anchor: usize,
    ) -> Result<(), SyntaxProblem> {
        if anchor != 0 {
            let anchored = Anchored {
                value: value.clone(),
                count: 1,
                height: 0,
            };
            self.anchors.insert(anchor, anchored);
        }
        let name = key_string(value, written).map_err(|m| invalid(span.clone(), m))?;
        let Some(top) = self.stack.last_mut() else {
            return Ok(());
        };
        top.end = top.end.max(span.end);
        let Content::Map { key, seen, .. } = &mut top.content else {
            return Ok(());
        };
        if let Some(first) = seen.get(&name) {
            self.pointer.truncate(top.ptr_len);
            push_token(&mut self.pointer, &name);
            let problem = SyntaxProblem::duplicate_key(
                &name,
                self.pointer.clone(),
                span.clone(),
                first.clone(),
            );
            self.problems.push(problem);
        } else {
            seen.insert(name.clone(), span.clone());
        }
        *key = Some((name, span));
        Ok(())
    }

    /// A node is complete: register its anchor, record its spans, add it to its parent.
    fn finish(
        &mut self,
        value: Value,
        span: Span,
        anchor: usize,
        count: usize,
        height: usize,
        secret: bool,
    ) {
        if anchor != 0 {
            let anchored = Anchored {
                value: value.clone(),
                count,
                height,
            };
            self.anchors.insert(anchor, anchored);
        }
        let Some(top) = self.stack.last_mut() else {
            if let Some(recorder) = &mut self.spans {
                let spans = NodeSpans {
                    key: None,
                    value: span,
                };
                recorder.record(&self.pointer, secret, spans);
            }
            self.root = Some(value);
            return;
        };
        top.end = top.end.max(span.end);
        top.count = top.count.saturating_add(count);
        top.child_height = top.child_height.max(height);
        let key_span = match &mut top.content {
            Content::Seq(items) => {
                items.push(value);
                None
            }
            Content::Map { map, key, .. } => {
                let (name, key_span) = key.take().unwrap_or_default();
                map.insert(name, value);
                Some(key_span)
            }
        };
        if let Some(recorder) = &mut self.spans {
            let spans = NodeSpans {
                key: key_span,
                value: span,
            };
            recorder.record(&self.pointer, secret, spans);
        }
    }

    fn too_deep(&self, span: Span) -> SyntaxProblem {
        let message = format!("nesting is deeper than {} levels", self.limits.max_depth);
        invalid(span, message)
    }

    fn scan_problem(&self, err: &ScanError) -> SyntaxProblem {
        let start = self.offsets.byte(err.marker().index());
        let width = self
            .text
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        let span = start..start + width;
        if err.info() == "recursion limit exceeded" {
            if self.limits.max_depth < SAPHYR_MAX_FLOW_DEPTH {
                // The scanner looks ahead (a `[` may open a flow key), so its own limit can trip
                // before the builder has seen the level past `max_depth`. The text before the
                // offending bracket nests at most 255 levels: read it again to find that level.
                let before = self.text.get(..start).unwrap_or_default();
                if let Err(problem) = Builder::new(before, &self.limits, None).run()
                    && problem.message == self.too_deep(0..0).message
                {
                    return problem;
                }
            }
            let limit = self.limits.max_depth.min(SAPHYR_MAX_FLOW_DEPTH);
            return invalid(span, format!("nesting is deeper than {limit} levels"));
        }
        if err
            .info()
            .ends_with("found invalid Unicode character escape code")
            && let Some((span, message)) = bad_unicode_escape(self.text, start)
        {
            return invalid(span, message);
        }
        invalid(span, err.info().to_owned())
    }
}

#[cfg(test)]
mod tests;
