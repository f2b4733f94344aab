//! The payload types of both APIs, with serde and schemars.
//!
//! The structural rules (required, type, pattern, length, enum, unknown fields, read-only and
//! conflicting fields) are declared here, once, on the types. The JSON Schemas under `schemas/`
//! are generated from them, and validation compiles those same schemas.
//!
//! idplint's own annotations (`x-idplint-*`, stripped from the published schemas, see
//! [`crate::schema`]) belong to the rules that read them: each rule's `LINT` names the key it
//! owns and says what the schemas state for it (`x-idplint-lint = "<rule name>"` asks for a
//! rule's own pattern assertion). Schema generation fails on an annotation that no rule takes.
//! One annotation is the schema generator's own: `x-idplint-nullable`, the field may be `null`
//! (otherwise `Option` means "may be absent").

pub mod auth0;
pub mod genauth;

/// A declared pattern in words ("a domain name such as `acme.com`…"), for messages.
pub(crate) fn describe_pattern(pattern: &str) -> Option<&'static str> {
    auth0::PATTERN_NAMES
        .iter()
        .find(|(p, _)| *p == pattern)
        .map(|(_, words)| *words)
}
