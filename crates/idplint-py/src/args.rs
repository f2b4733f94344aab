//! Arguments by name: a kind, a strategy, an access level, a current identity provider. A name
//! that is not one raises `ValueError` naming the nearest valid one.

use idplint::{AccessLevel, Context, Kind, Strategy, kinds, text};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// `names`'s entry nearest to `given`, as a `ValueError` message.
fn unknown<'a>(what: &str, given: &str, names: impl Iterator<Item = &'a str> + Clone) -> PyErr {
    let all: Vec<&str> = names.clone().collect();
    let nearest = text::nearest(given, names).or_else(|| {
        // A name that is far from every one (a typo of two words): still name the closest.
        all.iter()
            .copied()
            .min_by_key(|n| strsim::levenshtein(given, n))
    });
    let message = match nearest {
        Some(near) => format!(
            "unknown {what} `{given}`; did you mean `{near}`? (one of: {})",
            all.join(", ")
        ),
        None => format!("unknown {what} `{given}`"),
    };
    PyValueError::new_err(message)
}

/// The kind named `id`.
pub fn kind(id: &str) -> PyResult<&'static Kind> {
    kinds::find(id).ok_or_else(|| unknown("kind", id, kinds::KINDS.iter().map(|k| k.id)))
}

/// The context from a strategy and an access level, each by its API name.
pub fn context(strategy: Option<&str>, access_level: Option<&str>) -> PyResult<Context> {
    let strategy = strategy
        .map(|s| {
            s.parse::<Strategy>()
                .map_err(|_| unknown("strategy", s, Strategy::ALL.iter().map(|x| x.as_str())))
        })
        .transpose()?;
    let access_level = access_level
        .map(|s| {
            s.parse::<AccessLevel>().map_err(|_| {
                unknown(
                    "access level",
                    s,
                    AccessLevel::ALL.iter().map(|x| x.as_str()),
                )
            })
        })
        .transpose()?;
    Ok(Context {
        strategy,
        access_level,
    })
}

/// The context of the identity provider `current` (a saved `auth0.idp` payload: Python data, or
/// its JSON text).
pub fn current(current: &Bound<'_, PyAny>) -> PyResult<Context> {
    let value = if let Ok(b) = current.cast::<PyBytes>() {
        from_json(b.as_bytes())?
    } else if let Ok(s) = current.cast::<PyString>() {
        from_json(s.to_cow()?.as_bytes())?
    } else {
        match crate::convert::to_value(current) {
            Ok(value) => value,
            Err(crate::convert::Problem::Type(e)) => return Err(e),
            Err(crate::convert::Problem::Syntax { message, .. }) => {
                return Err(PyValueError::new_err(format!("`current`: {message}")));
            }
        }
    };
    Context::from_current(&value).map_err(|e| PyValueError::new_err(format!("`current`: {e}")))
}

fn from_json(bytes: &[u8]) -> PyResult<serde_json::Value> {
    serde_json::from_slice(bytes).map_err(|e| {
        // serde_json's message names a line and column, never the text itself.
        PyValueError::new_err(format!("`current` is not JSON: {e}"))
    })
}
