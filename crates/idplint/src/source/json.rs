//! JSON: a fast `serde_json` path, and one iterative walker for spans and duplicate keys.
//!
//! # Nesting depth
//!
//! `serde_json`'s own recursion limit stays on: it rejects a 128th level of nesting, so JSON
//! accepts at most `min(limits.max_depth, 127)` levels. The visitor counts depth itself to
//! enforce smaller limits. Either way the problem points at the first bracket past
//! `limits.max_depth` (found by the walker); when only `serde_json`'s limit is exceeded, the
//! message names that limit instead.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::json_errors::{bare_message, char_span, error_offset, invalid, syntax_problem};
use super::json_walk::{Want, walk};
use super::{Limits, Parsed, Recorder, SyntaxProblem};

/// The deepest nesting `serde_json` reads with its recursion limit on.
const SERDE_JSON_MAX_DEPTH: usize = 127;

/// Parse JSON text into a value, with duplicate keys (last one wins) and at most one fatal
/// syntax problem.
pub(super) fn parse(text: &str, limits: &Limits) -> Parsed {
    if text
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        return fatal(invalid(0..0, "the file is empty".to_owned()));
    }
    let mut state = State {
        depth: 0,
        max_depth: limits.max_depth,
        duplicate: false,
        too_deep: false,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = ValueSeed(&mut state)
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            problems: if state.duplicate {
                duplicates(text, limits)
            } else {
                Vec::new()
            },
        },
        Err(err) if state.too_deep || bare_message(&err) == "recursion limit exceeded" => {
            fatal(nesting_problem(text, &err, limits))
        }
        Err(err) => fatal(syntax_problem(text, &err)),
    }
}

/// The spans of the nodes of a JSON text that `recorder` keeps (see [`super::SpanIndex`]).
pub(super) fn spans<'w>(text: &str, limits: &Limits, recorder: Recorder<'w>) -> Recorder<'w> {
    let want = Want {
        spans: true,
        duplicates: false,
    };
    walk(text, limits.max_depth, want, recorder).spans
}

/// One [`super::SyntaxProblemKind::DuplicateKey`] problem per repeated key, in text order.
pub(super) fn duplicates(text: &str, limits: &Limits) -> Vec<SyntaxProblem> {
    let want = Want {
        spans: false,
        duplicates: true,
    };
    walk(text, limits.max_depth, want, Recorder::default()).duplicates
}

fn fatal(problem: SyntaxProblem) -> Parsed {
    Parsed {
        value: None,
        problems: vec![problem],
    }
}

fn nesting_problem(text: &str, err: &serde_json::Error, limits: &Limits) -> SyntaxProblem {
    let want = Want {
        spans: false,
        duplicates: false,
    };
    if let Some(offset) = walk(text, limits.max_depth, want, Recorder::default()).too_deep {
        let message = format!("nesting is deeper than {} levels", limits.max_depth);
        return invalid(offset..offset + 1, message);
    }
    let message = format!(
        "nesting is deeper than {SERDE_JSON_MAX_DEPTH} levels, the most the JSON reader supports"
    );
    invalid(char_span(text, error_offset(text, err)), message)
}

/// What the visitor tracks while `serde_json` reads.
struct State {
    depth: usize,
    max_depth: usize,
    /// A key was repeated in some object.
    duplicate: bool,
    /// Nesting went deeper than `max_depth`.
    too_deep: bool,
}

impl State {
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            self.too_deep = true;
            return Err(E::custom("nesting is too deep"));
        }
        Ok(())
    }
}

/// Reads one value, exactly like `serde_json::Value`'s own `Deserialize`.
struct ValueSeed<'s>(&'s mut State);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor(self.0))
    }
}

struct ValueVisitor<'s>(&'s mut State);

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.0.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed(&mut *self.0))? {
            items.push(item);
        }
        self.0.depth -= 1;
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.0.enter()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed(&mut *self.0))?;
            if object.insert(key, value).is_some() {
                self.0.duplicate = true;
            }
        }
        self.0.depth -= 1;
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests;
