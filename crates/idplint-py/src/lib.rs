//! The `idplint` Python package's native module, `idplint._idplint`: a thin layer over the
//! library. It converts arguments and results at its edge and holds no rule of its own; the
//! Python-level API (`ensure_valid`, `InvalidPayload`) and the documentation of every function
//! are in `python/idplint/`.

mod args;
mod convert;
mod profile;
mod types;
mod utf8;

use std::borrow::Cow;
use std::path::Path;

use idplint::source::{Format, Limits};
use idplint::{Options, kinds};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::types::{Diagnostic, Report, Rule};

/// `obj`'s bytes, when it is text (`str` or `bytes`). A `str` that is not valid Unicode (it holds
/// a lone surrogate) gives the bytes that Python's `surrogatepass` writes, which the check then
/// reports as not UTF-8.
fn as_text<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Option<Cow<'a, [u8]>>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(Cow::Borrowed(b.as_bytes())));
    }
    let Ok(s) = obj.cast::<PyString>() else {
        return Ok(None);
    };
    if let Some(text) = utf8::borrow(s) {
        return Ok(Some(Cow::Borrowed(text.as_bytes())));
    }
    let bytes = if let Ok(text) = s.to_cow() {
        text.into_owned().into_bytes()
    } else {
        let raw = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
        raw.cast_into::<PyBytes>()?.as_bytes().to_vec()
    };
    Ok(Some(Cow::Owned(bytes)))
}

/// Check `text` (the bytes of a JSON or YAML file), with the GIL released.
fn check_text(
    py: Python<'_>,
    name: &str,
    bytes: &[u8],
    format: Format,
    options: &Options,
) -> PyResult<(Option<&'static str>, Vec<Py<Diagnostic>>)> {
    let report = py.detach(|| idplint::check_bytes(name, bytes, format, options));
    let kind = report.kind.map(|k| k.id);
    let found = types::diagnostics(py, report.diagnostics, Some(&report.source.text))?;
    Ok((kind, found))
}

/// Validate a payload of `kind` (Python data, or JSON text as str or bytes) and return its
/// findings: a list of `Diagnostic`.
#[pyfunction]
#[pyo3(signature = (kind, payload, *, strategy=None, access_level=None))]
fn validate(
    py: Python<'_>,
    kind: &Bound<'_, PyString>,
    payload: &Bound<'_, PyAny>,
    strategy: Option<&str>,
    access_level: Option<&str>,
) -> PyResult<Vec<Py<Diagnostic>>> {
    // The kind's name read without a copy where the interpreter allows (it is read every call).
    let kind = match utf8::borrow(kind) {
        Some(name) => args::kind(name)?,
        None => args::kind(&kind.to_cow()?)?,
    };
    let context = args::context(strategy, access_level)?;
    if let Some(text) = as_text(payload)? {
        let options = Options {
            kind: Some(kind),
            context,
            limits: Limits::default(),
        };
        return Ok(check_text(py, "-", &text, Format::Json, &options)?.1);
    }
    let found = match convert::to_value(payload) {
        // Checked, and dropped, with the GIL released.
        Ok(value) => py.detach(move || idplint::validate_value(kind, &value, &context)),
        Err(problem) => vec![problem.into_result()?],
    };
    types::diagnostics(py, found, None)
}

/// Check the text of a payload file, as `idplint check` does, and return a `Report`.
#[pyfunction]
#[pyo3(signature = (text, *, path="-", kind=None, strategy=None, access_level=None, current=None))]
fn check(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    path: &str,
    kind: Option<&str>,
    strategy: Option<&str>,
    access_level: Option<&str>,
    current: Option<&Bound<'_, PyAny>>,
) -> PyResult<Report> {
    let Some(payload) = as_text(text)? else {
        let name = text.get_type().qualname()?;
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "check() takes the text of a file as str or bytes, got `{name}`; \
             use validate() for Python data"
        )));
    };
    let mut context = args::context(strategy, access_level)?;
    if let Some(current) = current {
        context = context.or(args::current(current)?);
    }
    let options = Options {
        kind: kind.map(args::kind).transpose()?,
        context,
        limits: Limits::default(),
    };
    let format = Format::from_path(Path::new(path));
    let (kind, found) = check_text(py, path, &payload, format, &options)?;
    Ok(Report::new(kind, path.to_owned(), found))
}

/// The JSON Schema that idplint publishes for `kind`, as a dict.
#[pyfunction]
fn schema<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyDict>> {
    let kind = args::kind(kind)?;
    let schema = convert::to_python(py, kind.schema.published())?;
    Ok(schema.cast_into::<PyDict>()?)
}

/// The id of every payload kind.
#[pyfunction(name = "kinds")]
fn kind_ids(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    PyList::new(py, kinds::KINDS.iter().map(|k| k.id))
}

/// Every rule of the registry.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Vec<Py<Rule>>> {
    idplint::rules::ALL
        .iter()
        .map(|r| Py::new(py, Rule::new(r)))
        .collect()
}

#[pymodule(name = "_idplint")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    utf8::init(m.py());
    m.add_class::<Diagnostic>()?;
    m.add_class::<Report>()?;
    m.add_class::<Rule>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(kind_ids, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(profile::profile, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_DEPTH", convert::MAX_DEPTH)?;
    Ok(())
}
