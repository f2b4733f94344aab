//! The payload types of both APIs, with serde and schemars.
//!
//! The structural rules (required, type, pattern, length, enum, unknown fields, read-only and
//! conflicting fields) are declared here, once, on the types. The JSON Schemas under `schemas/`
//! are generated from them, and validation compiles those same schemas.
//!
//! Conventions for idplint's own annotations (stripped from the published schemas, see
//! [`crate::schema`]):
//! - `x-idplint-access`: the access levels that may change a field of an update body;
//! - `x-idplint-warn`: JSON Schema keywords that a source only suggests (the Auth0 Management
//!   API's limits), checked as `management-api-limit` warnings;
//! - `x-idplint-https`: a URL that must use `https://` (`insecure-url`, which the published
//!   schemas state too);
//! - `x-idplint-lint`: a rule whose assertion the lint schema attaches to the field (the
//!   GenAuth `id-format` and `identifier-format` warnings);
//! - `x-idplint-nullable`: the field may be `null` (otherwise `Option` means "may be absent").

pub mod auth0;
pub mod genauth;

/// A declared pattern in words ("a domain name such as `acme.com`…"), for messages.
pub(crate) fn describe_pattern(pattern: &str) -> Option<&'static str> {
    auth0::PATTERN_NAMES
        .iter()
        .find(|(p, _)| *p == pattern)
        .map(|(_, words)| *words)
}
