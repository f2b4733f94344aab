//! Python data to `serde_json::Value` and back, directly: no JSON text in between.
//!
//! The payload is copied once, with the GIL held, into a `Value` that the library then checks
//! with the GIL released. Exact built-in types are tried first (a payload is dicts, lists and
//! strs); subclasses (an `OrderedDict`, a `str` enum) are accepted after them.

use idplint::{Diagnostic, Origin, rules, source};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// The deepest nesting a payload may have: a level more than `serde_json` reads from text, so
/// that data and text get the same verdict (a cyclic structure ends here too).
pub const MAX_DEPTH: usize = 128;
const _: () = assert!(MAX_DEPTH == 128, "the message above says 128");

/// Why a Python object is not a payload.
pub enum Problem {
    /// Not JSON data at all (a `set`, a `datetime`, a key that is not a `str`): a `TypeError`.
    Type(PyErr),
    /// JSON-shaped, but not representable in JSON (NaN, an integer beyond any float, a lone
    /// surrogate, nesting beyond [`MAX_DEPTH`]): an `invalid-syntax` finding, as its JSON text
    /// would get.
    Syntax {
        /// The pointer's tokens, innermost first (pushed as the error goes up).
        path: Vec<String>,
        message: &'static str,
    },
}

impl Problem {
    fn syntax(message: &'static str) -> Problem {
        Problem::Syntax {
            path: Vec::new(),
            message,
        }
    }

    /// This problem, one level down in `token`.
    fn inside(mut self, token: impl FnOnce() -> String) -> Problem {
        if let Problem::Syntax { path, .. } = &mut self {
            path.push(token());
        }
        self
    }

    /// The `TypeError`, or the finding.
    pub fn into_result(self) -> PyResult<Diagnostic> {
        match self {
            Problem::Type(e) => Err(e),
            Problem::Syntax { path, message } => {
                let mut pointer = String::new();
                for token in path.iter().rev() {
                    source::push_token(&mut pointer, token);
                }
                let rule = rules::find("invalid-syntax").expect("invalid-syntax is a rule");
                Ok(Diagnostic::new(rule, pointer, message).with_origin(Origin::Syntax))
            }
        }
    }
}

/// `obj` as a JSON value.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Problem> {
    value(obj, 0)
}

fn value(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Problem> {
    if let Ok(s) = obj.cast_exact::<PyString>() {
        return string(s);
    }
    if let Ok(d) = obj.cast_exact::<PyDict>() {
        return object(d, depth);
    }
    if let Ok(l) = obj.cast_exact::<PyList>() {
        return array(l.iter(), l.len(), depth);
    }
    if let Ok(b) = obj.cast_exact::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = obj.cast_exact::<PyInt>() {
        return integer(i);
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(f) = obj.cast_exact::<PyFloat>() {
        return float(f);
    }
    subclass(obj, depth)
}

/// The rarer forms: a tuple, and subclasses of the JSON types (`bool` is a subclass of `int`).
fn subclass(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Problem> {
    if let Ok(t) = obj.cast::<PyTuple>() {
        array(t.iter(), t.len(), depth)
    } else if let Ok(d) = obj.cast::<PyDict>() {
        object(d, depth)
    } else if let Ok(l) = obj.cast::<PyList>() {
        array(l.iter(), l.len(), depth)
    } else if let Ok(s) = obj.cast::<PyString>() {
        string(s)
    } else if let Ok(b) = obj.cast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if let Ok(i) = obj.cast::<PyInt>() {
        integer(i)
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        float(f)
    } else {
        Err(Problem::Type(not_json(obj)))
    }
}

fn not_json(obj: &Bound<'_, PyAny>) -> PyErr {
    let name = obj
        .get_type()
        .qualname()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    PyTypeError::new_err(format!(
        "a payload holds dict, list, tuple, str, int, float, bool and None; got `{name}`"
    ))
}

fn string(s: &Bound<'_, PyString>) -> Result<Value, Problem> {
    owned(s).map(Value::String)
}

fn owned(s: &Bound<'_, PyString>) -> Result<String, Problem> {
    if let Some(text) = crate::utf8::borrow(s) {
        return Ok(text.to_owned());
    }
    match s.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(_) => Err(Problem::syntax(
            "the string is not valid Unicode: it holds a lone surrogate",
        )),
    }
}

fn integer(i: &Bound<'_, PyInt>) -> Result<Value, Problem> {
    if let Ok(n) = i.extract::<i64>() {
        return Ok(Value::Number(n.into()));
    }
    if let Ok(n) = i.extract::<u64>() {
        return Ok(Value::Number(n.into()));
    }
    // As `serde_json` reads a longer integer from text: a float, when one holds it.
    match i.extract::<f64>() {
        Ok(f) if f.is_finite() => Ok(Number::from_f64(f).map_or(Value::Null, Value::Number)),
        _ => Err(Problem::syntax("the number is out of range")),
    }
}

fn float(f: &Bound<'_, PyFloat>) -> Result<Value, Problem> {
    Number::from_f64(f.value())
        .map(Value::Number)
        .ok_or_else(|| Problem::syntax("the number is not finite: JSON has no NaN or infinity"))
}

fn deeper(depth: usize) -> Result<usize, Problem> {
    if depth >= MAX_DEPTH {
        Err(Problem::syntax(
            "nesting is deeper than 128 levels (or the data refers to itself)",
        ))
    } else {
        Ok(depth + 1)
    }
}

fn object(d: &Bound<'_, PyDict>, depth: usize) -> Result<Value, Problem> {
    let depth = deeper(depth)?;
    let mut map = Map::with_capacity(d.len());
    for (k, v) in d.iter() {
        let Ok(key) = k.cast::<PyString>() else {
            let name = k
                .get_type()
                .qualname()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string());
            return Err(Problem::Type(PyTypeError::new_err(format!(
                "a payload's keys are str; got a key of type `{name}`"
            ))));
        };
        let key = owned(key)?;
        match value(&v, depth) {
            Ok(v) => {
                map.insert(key, v);
            }
            Err(e) => return Err(e.inside(|| key)),
        }
    }
    Ok(Value::Object(map))
}

fn array<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
) -> Result<Value, Problem> {
    let depth = deeper(depth)?;
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        out.push(value(&item, depth).map_err(|e| e.inside(|| i.to_string()))?);
    }
    Ok(Value::Array(out))
}

/// A JSON value as Python data: dicts, lists, strs, ints, floats, bools and None.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}
