//! Reading JavaScript values through Node-API: a payload object into a `serde_json::Value`
//! directly (no JSON text in between), and strings and byte arrays into Rust text.
//!
//! These are the only raw Node-API calls of the crate, each wrapped in a function that checks
//! its status. Every function takes the `napi_env` of the call it serves and values that belong
//! to it; none keeps a value past that call.
#![allow(unsafe_code)]
// Node-API's out-parameters, written as `&mut local` (coerced to `*mut`), as its docs show.
#![allow(clippy::borrow_as_ptr)]

use std::ptr;

use idplint::source::{push_index, push_token};
use napi::sys::{self, ValueType, napi_env, napi_value};
use napi::{Error, Result, Status};
use serde_json::{Map, Number, Value};

/// Why a JavaScript value is not a payload.
pub(crate) enum Problem {
    /// It is not JSON-compatible (a function, `undefined`, `NaN`, a `Date`, a cycle…): a
    /// `TypeError`. The message names where, never the value.
    Type(String),
    /// It is JSON-compatible, but not as text: what JSON text with the same flaw would get as an
    /// `invalid-syntax` finding (a lone surrogate, nesting too deep), at this JSON Pointer.
    Syntax { pointer: String, message: String },
    /// Node-API failed, or a getter threw: passed on as it is.
    Napi(Error),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        Problem::Napi(e)
    }
}

fn check(env: napi_env, status: sys::napi_status) -> Result<()> {
    if status == sys::Status::napi_ok {
        return Ok(());
    }
    if status == sys::Status::napi_pending_exception {
        // A getter threw: leave its exception pending, napi-rs throws it.
        return Err(Error::new(Status::PendingException, String::new()));
    }
    let _ = env;
    Err(Error::new(
        Status::from(status),
        "Node-API call failed".to_owned(),
    ))
}

/// The `typeof` of a value, as Node-API's `napi_valuetype`.
pub(crate) fn type_of(env: napi_env, v: napi_value) -> Result<i32> {
    let mut t = 0;
    // SAFETY: `env` and `v` come from the current call; `t` outlives it.
    check(env, unsafe { sys::napi_typeof(env, v, &mut t) })?;
    Ok(t)
}

/// The bytes of a `Buffer` or `Uint8Array`, if `v` is one.
pub(crate) fn bytes<'a>(env: napi_env, v: napi_value) -> Result<Option<&'a [u8]>> {
    let mut is = false;
    // SAFETY: as in `type_of`.
    check(env, unsafe { sys::napi_is_typedarray(env, v, &mut is) })?;
    if !is {
        return Ok(None);
    }
    let (mut kind, mut len, mut data, mut offset) = (0, 0usize, ptr::null_mut(), 0usize);
    let mut buffer = ptr::null_mut();
    // SAFETY: `v` is a typed array; every out-pointer is valid.
    check(env, unsafe {
        sys::napi_get_typedarray_info(
            env,
            v,
            &mut kind,
            &mut len,
            &mut data,
            &mut buffer,
            &mut offset,
        )
    })?;
    if kind != sys::TypedarrayType::uint8_array {
        return Ok(None);
    }
    if len == 0 || data.is_null() {
        return Ok(Some(&[]));
    }
    // SAFETY: Node-API gives the array's `len` bytes at `data`; they stay alive and unmoved while
    // the array is reachable, which it is (an argument) until the call returns, and nothing in the
    // call runs JavaScript that could detach it.
    Ok(Some(unsafe {
        std::slice::from_raw_parts(data.cast::<u8>(), len)
    }))
}

/// Reads JavaScript strings into one reused buffer.
#[derive(Default)]
pub(crate) struct Strings {
    buf: Vec<u8>,
}

/// A string read from JavaScript: its UTF-8 text, or where it has a lone surrogate (which
/// UTF-8 cannot hold) as a byte offset in the text with U+FFFD in its place.
pub(crate) enum Text {
    Ok(String),
    LoneSurrogate { lossy: String, at: usize, unit: u16 },
}

impl Strings {
    /// The UTF-8 text of the string `v`.
    pub(crate) fn read(&mut self, env: napi_env, v: napi_value) -> Result<Text> {
        if self.buf.len() < 256 {
            self.buf.resize(256, 0);
        }
        let mut len = 0;
        // SAFETY: the buffer holds `buf.len()` bytes; Node-API writes at most that many, NUL
        // included, and says how many it wrote.
        check(env, unsafe {
            sys::napi_get_value_string_utf8(
                env,
                v,
                self.buf.as_mut_ptr().cast(),
                self.buf.len(),
                &mut len,
            )
        })?;
        if len + 1 >= self.buf.len() {
            // Possibly cut short: ask for the length, then read it whole.
            // SAFETY: a null buffer asks only for the length.
            check(env, unsafe {
                sys::napi_get_value_string_utf8(env, v, ptr::null_mut(), 0, &mut len)
            })?;
            self.buf.resize(len + 1, 0);
            // SAFETY: as above, with a buffer of `len + 1` bytes.
            check(env, unsafe {
                sys::napi_get_value_string_utf8(
                    env,
                    v,
                    self.buf.as_mut_ptr().cast(),
                    len + 1,
                    &mut len,
                )
            })?;
        }
        let text = String::from_utf8_lossy(&self.buf[..len]).into_owned();
        // V8 writes U+FFFD for a lone surrogate; tell those apart from a real U+FFFD.
        if !text.contains('\u{FFFD}') {
            return Ok(Text::Ok(text));
        }
        Ok(match lone_surrogate(env, v)? {
            None => Text::Ok(text),
            Some((index, unit)) => {
                let at = text
                    .char_indices()
                    .scan(0usize, |units, (at, c)| {
                        let here = *units;
                        *units += c.len_utf16();
                        Some((here, at))
                    })
                    .find(|&(units, _)| units >= index)
                    .map_or(text.len(), |(_, at)| at);
                Text::LoneSurrogate {
                    lossy: text,
                    at,
                    unit,
                }
            }
        })
    }
}

/// The UTF-16 index and value of the first lone surrogate of the string `v`, if any.
fn lone_surrogate(env: napi_env, v: napi_value) -> Result<Option<(usize, u16)>> {
    let mut len = 0;
    // SAFETY: a null buffer asks only for the length.
    check(env, unsafe {
        sys::napi_get_value_string_utf16(env, v, ptr::null_mut(), 0, &mut len)
    })?;
    let mut units = vec![0u16; len + 1];
    // SAFETY: `units` holds `len + 1` code units.
    check(env, unsafe {
        sys::napi_get_value_string_utf16(env, v, units.as_mut_ptr(), len + 1, &mut len)
    })?;
    let mut at = 0;
    for c in char::decode_utf16(units[..len].iter().copied()) {
        match c {
            Ok(c) => at += c.len_utf16(),
            Err(e) => return Ok(Some((at, e.unpaired_surrogate()))),
        }
    }
    Ok(None)
}

/// Converts a JavaScript payload into a `serde_json::Value`, as `JSON.stringify` then
/// `JSON.parse` would, except that what JSON cannot say is refused rather than dropped: see
/// [`Problem`]. An object property whose value is `undefined` is left out, as `JSON.stringify`
/// leaves it out (an optional property not set).
pub(crate) struct Converter {
    env: napi_env,
    /// `Object.prototype`: a payload object must have it, or no prototype, as object literals and
    /// `JSON.parse` make them.
    object_prototype: napi_value,
    max_depth: usize,
    strings: Strings,
    /// The JSON Pointer of the value being read.
    pointer: String,
    /// The objects and arrays around it, to tell a cycle from deep nesting.
    ancestors: Vec<napi_value>,
}

impl Converter {
    pub(crate) fn new(env: napi_env, object_prototype: napi_value, max_depth: usize) -> Self {
        Converter {
            env,
            object_prototype,
            max_depth,
            strings: Strings::default(),
            pointer: String::new(),
            ancestors: Vec::new(),
        }
    }

    /// The value `v` as JSON.
    pub(crate) fn convert(&mut self, v: napi_value) -> std::result::Result<Value, Problem> {
        let t = type_of(self.env, v)?;
        self.value(v, t)
    }

    fn at(&self) -> String {
        if self.pointer.is_empty() {
            "the payload".to_owned()
        } else {
            format!("`{}`", self.pointer)
        }
    }

    fn value(&mut self, v: napi_value, t: i32) -> std::result::Result<Value, Problem> {
        let env = self.env;
        match t {
            ValueType::napi_null => Ok(Value::Null),
            ValueType::napi_boolean => {
                let mut b = false;
                // SAFETY: `v` is a boolean of this call.
                check(env, unsafe { sys::napi_get_value_bool(env, v, &mut b) })?;
                Ok(Value::Bool(b))
            }
            ValueType::napi_number => {
                let mut n = 0.0;
                // SAFETY: `v` is a number of this call.
                check(env, unsafe { sys::napi_get_value_double(env, v, &mut n) })?;
                number(n).ok_or_else(|| {
                    let what = if n.is_nan() {
                        "NaN"
                    } else {
                        "an infinite number"
                    };
                    Problem::Type(format!(
                        "{} is {what}, which JSON cannot represent",
                        self.at()
                    ))
                })
            }
            ValueType::napi_string => match self.strings.read(env, v)? {
                Text::Ok(s) => Ok(Value::String(s)),
                Text::LoneSurrogate { unit, .. } => Err(Problem::Syntax {
                    pointer: self.pointer.clone(),
                    message: format!("invalid string: lone surrogate `\\u{unit:04x}`"),
                }),
            },
            ValueType::napi_object => self.container(v),
            other => {
                let what = match other {
                    ValueType::napi_undefined => "undefined",
                    ValueType::napi_symbol => "a symbol",
                    ValueType::napi_function => "a function",
                    sys::ValueType::napi_bigint => "a BigInt",
                    _ => "not a JSON value",
                };
                Err(Problem::Type(format!(
                    "{} is {what}, which JSON cannot represent",
                    self.at()
                )))
            }
        }
    }

    fn container(&mut self, v: napi_value) -> std::result::Result<Value, Problem> {
        let env = self.env;
        if self.ancestors.len() >= self.max_depth {
            return Err(self.too_deep(v)?);
        }
        let mut is_array = false;
        // SAFETY: `v` is an object of this call.
        check(env, unsafe { sys::napi_is_array(env, v, &mut is_array) })?;
        self.ancestors.push(v);
        let value = if is_array {
            self.array(v)
        } else {
            self.object(v)
        };
        self.ancestors.pop();
        value
    }

    /// The problem of a container past the depth limit: a cycle, or nesting too deep.
    fn too_deep(&self, v: napi_value) -> std::result::Result<Problem, Problem> {
        for &a in &self.ancestors {
            let mut same = false;
            // SAFETY: both are objects of this call.
            check(self.env, unsafe {
                sys::napi_strict_equals(self.env, a, v, &mut same)
            })?;
            if same {
                return Ok(Problem::Type(format!(
                    "{} refers to an object that contains it: a cycle, which JSON cannot represent",
                    self.at()
                )));
            }
        }
        Ok(Problem::Syntax {
            pointer: self.pointer.clone(),
            message: format!("nesting is deeper than {} levels", self.max_depth),
        })
    }

    fn array(&mut self, v: napi_value) -> std::result::Result<Value, Problem> {
        let env = self.env;
        let mut len = 0u32;
        // SAFETY: `v` is an array of this call.
        check(env, unsafe { sys::napi_get_array_length(env, v, &mut len) })?;
        let mut items = Vec::with_capacity(len as usize);
        let base = self.pointer.len();
        for i in 0..len {
            let mut item = ptr::null_mut();
            // SAFETY: as above; `i` is below its length.
            check(env, unsafe { sys::napi_get_element(env, v, i, &mut item) })?;
            push_index(&mut self.pointer, i as usize);
            let t = type_of(env, item)?;
            items.push(self.value(item, t)?);
            self.pointer.truncate(base);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, v: napi_value) -> std::result::Result<Value, Problem> {
        let env = self.env;
        self.plain(v)?;
        let mut keys = ptr::null_mut();
        // SAFETY: `v` is an object of this call. Own, enumerable, string keys: what
        // `JSON.stringify` writes.
        check(env, unsafe {
            sys::napi_get_all_property_names(
                env,
                v,
                sys::KeyCollectionMode::own_only,
                sys::KeyFilter::enumerable | sys::KeyFilter::skip_symbols,
                sys::KeyConversion::numbers_to_strings,
                &mut keys,
            )
        })?;
        let mut len = 0u32;
        // SAFETY: `keys` is an array.
        check(env, unsafe {
            sys::napi_get_array_length(env, keys, &mut len)
        })?;
        let mut map = Map::with_capacity(len as usize);
        let base = self.pointer.len();
        for i in 0..len {
            let (mut key, mut item) = (ptr::null_mut(), ptr::null_mut());
            // SAFETY: `keys` is an array of strings, `i` below its length; `key` is one of `v`'s.
            check(env, unsafe {
                sys::napi_get_element(env, keys, i, &mut key)
            })?;
            check(env, unsafe {
                sys::napi_get_property(env, v, key, &mut item)
            })?;
            let name = match self.strings.read(env, key)? {
                Text::Ok(s) => s,
                Text::LoneSurrogate { lossy, unit, .. } => {
                    push_token(&mut self.pointer, &lossy);
                    return Err(Problem::Syntax {
                        pointer: self.pointer.clone(),
                        message: format!("invalid key: lone surrogate `\\u{unit:04x}`"),
                    });
                }
            };
            let t = type_of(env, item)?;
            if t == ValueType::napi_undefined {
                continue;
            }
            push_token(&mut self.pointer, &name);
            let value = self.value(item, t)?;
            self.pointer.truncate(base);
            map.insert(name, value);
        }
        Ok(Value::Object(map))
    }

    /// Refuse an object that is not plain: a `Date`, a `Map`, a class instance…
    fn plain(&self, v: napi_value) -> std::result::Result<(), Problem> {
        let env = self.env;
        let mut proto = ptr::null_mut();
        let mut same = false;
        // SAFETY: `v` and `object_prototype` are objects of this call.
        check(env, unsafe { sys::napi_get_prototype(env, v, &mut proto) })?;
        check(env, unsafe {
            sys::napi_strict_equals(env, proto, self.object_prototype, &mut same)
        })?;
        if same || type_of(env, proto)? == ValueType::napi_null {
            return Ok(());
        }
        Err(Problem::Type(format!(
            "{} is not a plain object or array (a Date, Map, class instance, typed array…), which JSON cannot represent as it is",
            self.at()
        )))
    }
}

/// A JavaScript number as JSON: integral numbers as integers (as JSON text would give them).
fn number(n: f64) -> Option<Value> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() <= SAFE {
        // Exact: an integer of at most 53 bits.
        #[allow(clippy::cast_possible_truncation)]
        return Some(Value::Number(Number::from(n as i64)));
    }
    Number::from_f64(n).map(Value::Number)
}
