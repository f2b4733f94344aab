//! A `str`'s UTF-8 without a copy: the one unsafe part of the package.
//!
//! pyo3 built for the stable ABI of Python 3.9 reads a `str` by asking Python to encode it into
//! a new `bytes` object, which it then copies; that allocation was the largest part of
//! converting a payload. From Python 3.10 the stable ABI has `PyUnicode_AsUTF8AndSize`, which
//! gives the UTF-8 that the `str` keeps (for an ASCII `str`, its own characters). This module
//! calls it when the running interpreter is 3.10 or later, and the caller falls back to pyo3's
//! path otherwise, so one abi3 wheel still serves 3.9.
#![allow(unsafe_code)]

use std::ffi::c_char;
use std::sync::OnceLock;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

unsafe extern "C" {
    // In the stable ABI from 3.10 (pyo3's declaration is only for builds that target 3.10).
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut ffi::PyObject,
        size: *mut ffi::Py_ssize_t,
    ) -> *const c_char;
}

static AVAILABLE: OnceLock<bool> = OnceLock::new();

/// Note whether the running interpreter has `PyUnicode_AsUTF8AndSize` in its stable ABI.
pub fn init(py: Python<'_>) {
    AVAILABLE.get_or_init(|| py.version_info() >= (3, 10));
}

/// The UTF-8 of `s`, borrowed from it; `None` on Python 3.9, or when `s` is not valid Unicode
/// (a lone surrogate), for the caller's slower path to handle.
pub fn borrow<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    if !AVAILABLE.get().copied().unwrap_or(false) {
        return None;
    }
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` and the GIL is held (`Bound`). The function returns a pointer
    // to UTF-8 that the `str` owns and keeps for as long as it lives, which `'a` (a borrow of
    // `s`) cannot exceed; or NULL with an exception set, which is cleared here.
    let ptr = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &raw mut size) };
    if ptr.is_null() {
        // SAFETY: the GIL is held; the error is the encoding error of a lone surrogate.
        unsafe { ffi::PyErr_Clear() };
        return None;
    }
    let len = usize::try_from(size).ok()?;
    // SAFETY: `ptr` points at `len` bytes of valid UTF-8 (CPython encodes it strictly), alive
    // as long as `s`.
    Some(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr.cast(), len)) })
}
