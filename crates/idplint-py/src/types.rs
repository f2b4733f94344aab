//! The classes the package returns: `Diagnostic`, `Report` and `Rule`.

use std::fmt::Write as _;

use idplint::source::LineIndex;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// One finding. Its message, help and repr never hold a secret value.
#[pyclass(module = "idplint", frozen, get_all)]
pub struct Diagnostic {
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: String,
    help: Option<String>,
    pointer: String,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
}

/// Where a finding is: 1-based line and column (in code points) of its start and end.
type Position = (usize, usize, usize, usize);

impl Diagnostic {
    pub fn new(d: idplint::Diagnostic, at: Option<Position>) -> Diagnostic {
        Diagnostic {
            code: d.rule.code,
            rule: d.rule.name,
            severity: d.severity.as_str(),
            message: d.message,
            help: d.help,
            pointer: d.pointer,
            line: at.map(|p| p.0),
            column: at.map(|p| p.1),
            end_line: at.map(|p| p.2),
            end_column: at.map(|p| p.3),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| -> PyResult<String> { Ok(PyString::new(py, s).repr()?.to_string()) };
        let mut out = format!(
            "Diagnostic(code={}, rule={}, severity={}, pointer={}, message={}",
            repr(self.code)?,
            repr(self.rule)?,
            repr(self.severity)?,
            repr(&self.pointer)?,
            repr(&self.message)?,
        );
        if let (Some(line), Some(column)) = (self.line, self.column) {
            let _ = write!(out, ", line={line}, column={column}");
        }
        out.push(')');
        Ok(out)
    }
}

/// The diagnostics of one payload, each with its position in `text` when it has a span.
pub fn diagnostics(
    py: Python<'_>,
    found: Vec<idplint::Diagnostic>,
    text: Option<&str>,
) -> PyResult<Vec<Py<Diagnostic>>> {
    let lines = text
        .filter(|_| found.iter().any(|d| d.span.is_some()))
        .map(LineIndex::new);
    found
        .into_iter()
        .map(|d| {
            let at = match (&lines, text, &d.span) {
                (Some(lines), Some(text), Some(span)) => {
                    let (line, column) = lines.line_col(text, span.start);
                    let (end_line, end_column) = lines.line_col(text, span.end);
                    Some((line, column, end_line, end_column))
                }
                _ => None,
            };
            Py::new(py, Diagnostic::new(d, at))
        })
        .collect()
}

/// The result of `idplint.check`: the kind the text was checked as, and its findings in the
/// order of the text.
#[pyclass(module = "idplint", frozen)]
pub struct Report {
    /// The kind, or `None` when it could not be determined (an `unknown-kind` finding says why).
    #[pyo3(get)]
    kind: Option<&'static str>,
    /// The path the text was checked as.
    #[pyo3(get)]
    path: String,
    found: Vec<Py<Diagnostic>>,
}

impl Report {
    pub fn new(kind: Option<&'static str>, path: String, found: Vec<Py<Diagnostic>>) -> Report {
        Report { kind, path, found }
    }

    fn select<'py>(&self, py: Python<'py>, errors: bool) -> PyResult<Bound<'py, PyList>> {
        let chosen = self.found.iter().filter(|d| d.get().is_error() == errors);
        PyList::new(py, chosen.map(|d| d.clone_ref(py)))
    }
}

#[pymethods]
impl Report {
    /// Every finding.
    #[getter]
    fn diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.found.iter().map(|d| d.clone_ref(py)))
    }

    /// The findings of severity `error`.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, true)
    }

    /// The findings of severity `warning`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, false)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let errors = self.found.iter().filter(|d| d.get().is_error()).count();
        let kind = match self.kind {
            Some(k) => PyString::new(py, k).repr()?.to_string(),
            None => "None".to_owned(),
        };
        let path = PyString::new(py, &self.path).repr()?;
        Ok(format!(
            "Report(path={path}, kind={kind}, errors={errors}, warnings={})",
            self.found.len() - errors
        ))
    }
}

/// A rule of the registry.
#[pyclass(module = "idplint", frozen, get_all)]
pub struct Rule {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    summary: &'static str,
}

impl Rule {
    pub fn new(rule: &'static idplint::Rule) -> Rule {
        Rule {
            code: rule.code,
            name: rule.name,
            severity: rule.default_severity.as_str(),
            summary: rule.summary,
        }
    }
}

#[pymethods]
impl Rule {
    /// The rule's documentation, as `idplint explain` prints it.
    #[getter]
    fn docs(&self) -> String {
        idplint::rules::find(self.code).map_or_else(String::new, idplint::Rule::documentation)
    }

    fn __repr__(&self) -> String {
        format!(
            "Rule(code={:?}, name={:?}, severity={:?})",
            self.code, self.name, self.severity
        )
    }
}
