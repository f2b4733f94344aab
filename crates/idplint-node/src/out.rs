//! Results back to JavaScript: findings as one flat array of primitives, which `index.js` turns
//! into objects of one shape (cheaper than an object per finding built through Node-API, and the
//! objects get the shape the JIT expects).
#![allow(unsafe_code)]
// Node-API's out-parameters, written as `&mut local` (coerced to `*mut`), as its docs show.
#![allow(clippy::borrow_as_ptr)]

use std::ptr;

use idplint::source::LineIndex;
use idplint::{Diagnostic, FileReport};
use napi::bindgen_prelude::{Null, ToNapiValue};
use napi::sys::{self, napi_env, napi_value};
use napi::{Error, Result, Status};

/// How many array slots one finding takes: `code, rule, severity, message, help, pointer` and,
/// with positions, `line, column, endLine, endColumn`.
pub(crate) const FIELDS: usize = 6;
pub(crate) const FIELDS_WITH_POSITIONS: usize = 10;

fn check(status: sys::napi_status) -> Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(Error::new(
            Status::from(status),
            "Node-API call failed".to_owned(),
        ))
    }
}

fn string(env: napi_env, s: &str) -> Result<napi_value> {
    let mut v = ptr::null_mut();
    let len = isize::try_from(s.len()).map_err(|_| Error::from_reason("string too long"))?;
    // SAFETY: `s` is `len` bytes of UTF-8.
    check(unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), len, &mut v) })?;
    Ok(v)
}

fn number(env: napi_env, n: usize) -> Result<napi_value> {
    let mut v = ptr::null_mut();
    // Lines and columns of a text that fits in memory: exact in an f64.
    #[allow(clippy::cast_precision_loss)]
    // SAFETY: plain value creation.
    check(unsafe { sys::napi_create_double(env, n as f64, &mut v) })?;
    Ok(v)
}

/// A flat array of `FIELDS` (or `FIELDS_WITH_POSITIONS`, with `text` given) values per finding.
pub(crate) fn findings(
    env: napi_env,
    diagnostics: &[Diagnostic],
    text: Option<&str>,
) -> Result<napi_value> {
    let width = if text.is_some() {
        FIELDS_WITH_POSITIONS
    } else {
        FIELDS
    };
    let mut array = ptr::null_mut();
    // SAFETY: plain value creation.
    check(unsafe {
        sys::napi_create_array_with_length(env, diagnostics.len() * width, &mut array)
    })?;
    // SAFETY: `null` needs only the env.
    let null = unsafe { Null::to_napi_value(env, Null)? };
    let lines = text.map(LineIndex::new);
    let mut slot = 0u32;
    let mut put = |v: napi_value| -> Result<()> {
        // SAFETY: `array` is an array of this call.
        check(unsafe { sys::napi_set_element(env, array, slot, v) })?;
        slot += 1;
        Ok(())
    };
    for d in diagnostics {
        put(string(env, d.rule.code)?)?;
        put(string(env, d.rule.name)?)?;
        put(string(env, d.severity.as_str())?)?;
        put(string(env, &d.message)?)?;
        put(match &d.help {
            Some(h) => string(env, h)?,
            None => null,
        })?;
        put(string(env, &d.pointer)?)?;
        if let (Some(text), Some(lines)) = (text, &lines) {
            let span = d.span.clone().unwrap_or_default();
            let (line, column) = lines.line_col(text, span.start);
            let (end_line, end_column) = lines.line_col(text, span.end);
            for n in [line, column, end_line, end_column] {
                put(number(env, n)?)?;
            }
        }
    }
    Ok(array)
}

/// `[kind or null, findings, errors, warnings]` of a checked text.
pub(crate) fn report(env: napi_env, report: &FileReport) -> Result<napi_value> {
    let (errors, warnings) = report.counts();
    let kind = match report.kind {
        Some(k) => string(env, k.id)?,
        // SAFETY: `null` needs only the env.
        None => unsafe { Null::to_napi_value(env, Null)? },
    };
    let items = [
        kind,
        findings(env, &report.diagnostics, Some(&report.source.text))?,
        number(env, errors)?,
        number(env, warnings)?,
    ];
    let mut array = ptr::null_mut();
    // SAFETY: plain value creation, then elements of it.
    check(unsafe { sys::napi_create_array_with_length(env, items.len(), &mut array) })?;
    for (i, v) in (0u32..).zip(items) {
        check(unsafe { sys::napi_set_element(env, array, i, v) })?;
    }
    Ok(array)
}
