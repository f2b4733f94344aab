//! # idplint
//!
//! Validation of identity-provider connection payloads for the Auth0 My Organization API (and,
//! with the same machinery, the Authing / GenAuth V3 Management API), before they reach the API.
//!
//! Every field rule is declared once, on the payload types in [`payload`]; the JSON Schemas that
//! idplint publishes are generated from them ([`kinds`]), and validation compiles those same
//! schemas. Rules that JSON Schema cannot state, or that need [`Context`], are functions in
//! [`rules`], one file each.
//!
//! ```
//! use idplint::{Context, kinds, validate_value};
//!
//! let body = serde_json::json!({ "is_enabled": "yes" });
//! let kind = kinds::find("auth0.idp.update").unwrap();
//! let findings = validate_value(kind, &body, &Context::default());
//! assert_eq!(findings[0].rule.name, "wrong-type");
//! assert_eq!(findings[0].pointer, "/is_enabled");
//! ```

#[macro_use]
mod rule;

pub mod check;
pub mod context;
pub mod diagnostic;
pub mod kinds;
mod parsed;
pub mod payload;
pub mod pointer;
pub mod render;
pub mod rules;
pub mod schema;
pub mod secrets;
pub mod source;
#[cfg(test)]
mod test_files;
pub mod text;
mod validate;
mod view;

pub use check::{FileReport, Options, check_bytes, check_text};
pub use context::{AccessLevel, Context, Strategy};
pub use diagnostic::{Diagnostic, Origin, Severity};
pub use kinds::{Kind, find as find_kind};
pub use rule::Rule;
pub use validate::validate_value;

/// The README's Rust examples, run as doc tests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The Rust examples of `docs/library.md`, run as doc tests.
#[doc = include_str!("../../../docs/library.md")]
#[cfg(doctest)]
pub struct LibraryDocDoctests;
