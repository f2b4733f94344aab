//! # idplint-node
//!
//! The native part of idplint's Node package: a thin napi-rs layer over the `idplint` library.
//! The package's API (`index.js`, `index.mjs`, `index.d.ts`) wraps these functions; they are not
//! meant to be called directly, and their shapes (flat arrays of results) serve speed, not
//! reading.
//!
//! A payload object is read into a `serde_json::Value` directly (`js::Converter`), with no
//! JSON text in between, and checked with [`idplint::validate_value`]; text goes through
//! [`idplint::check_text`] / [`idplint::check_bytes`], which point at lines and columns. No rule
//! logic lives here.
// napi-derive's expansions are `unsafe` code; the crate's own raw Node-API calls are in `js` and
// `out`, each with its reason.
#![allow(unsafe_code)]
// `#[napi]` functions take their arguments as owned Rust values (napi-rs converts into them).
#![allow(clippy::needless_pass_by_value)]

mod js;
mod names;
mod out;

use std::path::Path;

use idplint::source::Format;
use idplint::{Context, Diagnostic, Options, Origin, check_bytes, check_text, validate_value};
use napi::bindgen_prelude::Unknown;
use napi::sys::{ValueType, napi_value};
use napi::{Env, Error, JsValue, Result, Status};
use napi_derive::napi;

use crate::js::{Converter, Problem, Strings, Text};

/// How deep a payload object may nest: what text may (`Limits::default().max_depth`).
fn max_depth() -> usize {
    idplint::source::Limits::default().max_depth
}

/// A usage error: an `Error` whose `code` is `InvalidArg`.
fn invalid(message: String) -> Error {
    Error::new(Status::InvalidArg, message)
}

/// Throw a `TypeError` and tell napi-rs that an exception is pending.
fn type_error(env: Env, message: &str) -> Error {
    match env.throw_type_error(message, None) {
        Ok(()) => Error::new(Status::PendingException, message.to_owned()),
        Err(e) => e,
    }
}

fn raw(env: &Env, v: napi_value) -> Unknown<'_> {
    // SAFETY: `v` was made in this call, on this env.
    unsafe { Unknown::from_raw_unchecked(env.raw(), v) }
}

/// The `invalid-syntax` finding of a payload object that JSON text could not hold as it is.
fn syntax(pointer: String, message: String) -> Diagnostic {
    let rule = idplint::rules::find("invalid-syntax").expect("idplint has the invalid-syntax rule");
    Diagnostic::new(rule, pointer, message).with_origin(Origin::Syntax)
}

/// A payload object as JSON, or the finding or error that replaces its findings.
fn convert(
    env: &Env,
    payload: napi_value,
    object_prototype: &Unknown<'_>,
) -> Result<std::result::Result<serde_json::Value, Diagnostic>> {
    let mut converter = Converter::new(env.raw(), object_prototype.raw(), max_depth());
    match converter.convert(payload) {
        Ok(v) => Ok(Ok(v)),
        Err(Problem::Syntax { pointer, message }) => Ok(Err(syntax(pointer, message))),
        Err(Problem::Type(message)) => Err(type_error(*env, &message)),
        Err(Problem::Napi(e)) => Err(e),
    }
}

/// The findings of a payload object of `kind`, as a flat array (`index.js` makes objects).
#[napi(js_name = "validateValue")]
pub fn validate_value_js<'env>(
    env: &'env Env,
    kind: String,
    payload: Unknown<'env>,
    strategy: Option<String>,
    access_level: Option<String>,
    object_prototype: Unknown<'env>,
) -> Result<Unknown<'env>> {
    let kind = names::kind(&kind).map_err(invalid)?;
    let context = names::context(strategy.as_deref(), access_level.as_deref()).map_err(invalid)?;
    let findings = match convert(env, payload.raw(), &object_prototype)? {
        Ok(value) => validate_value(kind, &value, &context),
        Err(d) => vec![d],
    };
    Ok(raw(env, out::findings(env.raw(), &findings, None)?))
}

/// The text of an argument that may be a string or a `Uint8Array`.
enum Input<'a> {
    Text(String),
    Bytes(&'a [u8]),
    /// A string with a lone surrogate: its lossy UTF-8 text and the finding.
    Bad(String, Diagnostic),
}

fn input<'a>(env: &Env, v: napi_value) -> Result<Option<Input<'a>>> {
    let e = env.raw();
    if js::type_of(e, v)? == ValueType::napi_string {
        return Ok(Some(match Strings::default().read(e, v)? {
            Text::Ok(s) => Input::Text(s),
            Text::LoneSurrogate { lossy, at, unit } => {
                let message = format!(
                    "the text has a lone surrogate `\\u{unit:04x}`, which is not Unicode: it cannot be UTF-8 or sent as JSON"
                );
                let d = syntax(String::new(), message)
                    .with_span(at..at + '\u{FFFD}'.len_utf8())
                    .with_label("here");
                Input::Bad(lossy, d)
            }
        }));
    }
    Ok(js::bytes(e, v)?.map(Input::Bytes))
}

/// The located findings of JSON text of `kind`, as a flat array.
#[napi(js_name = "validateText")]
pub fn validate_text_js<'env>(
    env: &'env Env,
    kind: String,
    text: Unknown<'env>,
    strategy: Option<String>,
    access_level: Option<String>,
) -> Result<Unknown<'env>> {
    let kind = names::kind(&kind).map_err(invalid)?;
    let context = names::context(strategy.as_deref(), access_level.as_deref()).map_err(invalid)?;
    let options = Options {
        kind: Some(kind),
        context,
        ..Options::default()
    };
    let report = run_check(env, text.raw(), "payload", Format::Json, &options)?;
    Ok(raw(
        env,
        out::findings(env.raw(), &report.diagnostics, Some(&report.source.text))?,
    ))
}

fn run_check(
    env: &Env,
    text: napi_value,
    name: &str,
    format: Format,
    options: &Options,
) -> Result<idplint::FileReport> {
    let Some(input) = input(env, text)? else {
        return Err(type_error(
            *env,
            "the text must be a string or a Uint8Array",
        ));
    };
    Ok(match input {
        Input::Text(s) => check_text(name, &s, format, options),
        Input::Bytes(b) => check_bytes(name, b, format, options),
        Input::Bad(lossy, d) => {
            let mut report = check_text(name, "", format, &Options::default());
            report.source.text = lossy.into();
            report.kind = options.kind;
            report.diagnostics = vec![d];
            report
        }
    })
}

/// The context of `current`, a saved `auth0.idp` payload (object or JSON text).
fn current_context(
    env: &Env,
    current: &Unknown<'_>,
    object_prototype: &Unknown<'_>,
) -> Result<Context> {
    let bad = |m: String| {
        invalid(format!(
            "`current` is not a usable `auth0.idp` payload: {m}"
        ))
    };
    let value = match input(env, current.raw())? {
        Some(Input::Text(s)) => serde_json::from_str(&s).map_err(|e| bad(e.to_string()))?,
        Some(Input::Bytes(b)) => serde_json::from_slice(b).map_err(|e| bad(e.to_string()))?,
        Some(Input::Bad(_, d)) => return Err(bad(d.message)),
        None => match convert(env, current.raw(), object_prototype)? {
            Ok(v) => v,
            Err(d) => return Err(bad(d.message)),
        },
    };
    Context::from_current(&value).map_err(bad)
}

/// Check a payload file's text: `[kind, findings, errors, warnings]`.
#[napi(js_name = "check")]
#[allow(clippy::too_many_arguments)]
pub fn check_js<'env>(
    env: &'env Env,
    text: Unknown<'env>,
    path: Option<String>,
    kind: Option<String>,
    strategy: Option<String>,
    access_level: Option<String>,
    current: Option<Unknown<'env>>,
    object_prototype: Unknown<'env>,
) -> Result<Unknown<'env>> {
    let kind = kind
        .as_deref()
        .map(names::kind)
        .transpose()
        .map_err(invalid)?;
    let mut context =
        names::context(strategy.as_deref(), access_level.as_deref()).map_err(invalid)?;
    if let Some(current) =
        current.filter(|c| js::type_of(env.raw(), c.raw()).is_ok_and(|t| t > ValueType::napi_null))
    {
        context = context.or(current_context(env, &current, &object_prototype)?);
    }
    let name = path.as_deref().unwrap_or("payload.json");
    let format = Format::from_path(Path::new(name));
    let options = Options {
        kind,
        context,
        ..Options::default()
    };
    let report = run_check(env, text.raw(), name, format, &options)?;
    Ok(raw(env, out::report(env.raw(), &report)?))
}

/// The published JSON Schema of a kind (or of a per-strategy variant), as JSON text.
#[napi(js_name = "schema")]
pub fn schema_js(kind: String) -> Result<String> {
    let schema = names::schema(&kind).map_err(invalid)?;
    Ok(idplint::schema::to_file_text(schema.published()))
}

/// Every kind, as JSON text: `[{ id, api, summary, schemas }]`.
#[napi(js_name = "kinds")]
pub fn kinds_js() -> String {
    let kinds: Vec<serde_json::Value> = idplint::kinds::KINDS
        .iter()
        .map(|k| {
            serde_json::json!({
                "id": k.id,
                "api": match k.api { idplint::kinds::Api::Auth0 => "auth0", idplint::kinds::Api::GenAuth => "genauth" },
                "summary": k.summary(),
                "schemas": k.schemas().map(|s| s.id).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::Value::from(kinds).to_string()
}

/// Every rule, as JSON text: `[{ code, name, severity, summary, docs }]`.
#[napi(js_name = "rules")]
pub fn rules_js() -> String {
    let rules: Vec<serde_json::Value> = idplint::rules::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "code": r.code,
                "name": r.name,
                "severity": r.default_severity.as_str(),
                "summary": r.summary,
                "docs": r.documentation(),
            })
        })
        .collect();
    serde_json::Value::from(rules).to_string()
}

/// For the benchmark's breakdown: a call that does nothing with its payload.
#[napi(js_name = "benchCross")]
pub fn bench_cross(_payload: Unknown<'_>) -> u32 {
    0
}

/// For the benchmark's breakdown: convert the payload object and drop it.
#[napi(js_name = "benchConvert")]
pub fn bench_convert(
    env: &Env,
    payload: Unknown<'_>,
    object_prototype: Unknown<'_>,
) -> Result<u32> {
    Ok(u32::from(
        convert(env, payload.raw(), &object_prototype)?.is_ok(),
    ))
}

/// For the benchmark's breakdown: convert and validate, and return only the number of findings.
#[napi(js_name = "benchValidate")]
pub fn bench_validate(
    env: &Env,
    kind: String,
    payload: Unknown<'_>,
    object_prototype: Unknown<'_>,
) -> Result<u32> {
    let kind = names::kind(&kind).map_err(invalid)?;
    let n = match convert(env, payload.raw(), &object_prototype)? {
        Ok(value) => validate_value(kind, &value, &Context::default()).len(),
        Err(_) => 1,
    };
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
