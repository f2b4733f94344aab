//! Where the time of a `validate` call on Python data goes, for `bench/python.py`: each part
//! of the call timed alone, many times over. Not part of the documented API.

use std::time::Instant;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::{args, convert, types};

/// Nanoseconds per call of each part of `validate(kind, payload)`, over `n` calls each:
/// `arguments` (finding the kind, the context), `convert` (Python data to a value, and dropping
/// it), `validate` (the library's check of the converted value), `release` (giving the GIL up
/// and taking it back), `results` (the findings as `Diagnostic` objects in a list).
#[pyfunction]
#[pyo3(signature = (kind, payload, n=10_000))]
pub fn profile<'py>(
    py: Python<'py>,
    kind: &str,
    payload: &Bound<'py, PyAny>,
    n: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let per_call = |start: Instant| start.elapsed().as_secs_f64() * 1e9 / f64::from(n.max(1));
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box((args::kind(kind)?, args::context(None, None)?));
    }
    let arguments = per_call(start);
    let id = kind;
    let kind = args::kind(id)?;
    let context = args::context(None, None)?;
    let convert_one = || {
        convert::to_value(payload).map_err(|_| PyValueError::new_err("not a clean JSON payload"))
    };
    let start = Instant::now();
    for _ in 0..n {
        drop(std::hint::black_box(convert_one()?));
    }
    let converting = per_call(start);
    let value = convert_one()?;
    let start = Instant::now();
    for _ in 0..n {
        drop(std::hint::black_box(idplint::validate_value(
            kind, &value, &context,
        )));
    }
    let validating = per_call(start);
    let start = Instant::now();
    for _ in 0..n {
        py.detach(|| std::hint::black_box(()));
    }
    let release = per_call(start);
    let found = idplint::validate_value(kind, &value, &context);
    let start = Instant::now();
    for _ in 0..n {
        let list = types::diagnostics(py, found.clone(), None)?;
        drop(std::hint::black_box(pyo3::types::PyList::new(py, list)?));
    }
    let results_with_copy = per_call(start);
    // Less the copy of the findings that each round needs.
    let start = Instant::now();
    for _ in 0..n {
        drop(std::hint::black_box(found.clone()));
    }
    let results = per_call(start).mul_add(-1.0, results_with_copy).max(0.0);
    let out = PyDict::new(py);
    out.set_item("arguments", arguments)?;
    out.set_item("convert", converting)?;
    out.set_item("validate", validating)?;
    out.set_item("release", release)?;
    out.set_item("results", results)?;
    out.set_item("findings", found.len())?;
    Ok(out)
}
