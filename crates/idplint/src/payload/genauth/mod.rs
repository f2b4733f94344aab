//! Authing / GenAuth V3 Management API: external identity sources ("ext idp") and their
//! connections ("ext idp conn").
//!
//! Facts and their sources are in the project's research notes; where the sources disagree, the
//! types follow the official OpenAPI spec (2023-11) and its SDKs, and idplint warns where a source
//! is unsure (the ObjectId shape of ids, the console's `identifier` rule, the keys of `fields`).

mod enums;
pub mod fields;
mod requests;
mod responses;

pub use enums::*;
pub use requests::*;
pub use responses::*;

/// The rule `id-format` checks GenAuth ids against this pattern: a 24-hex MongoDB ObjectId.
pub const OBJECT_ID_PATTERN: &str = "^[0-9a-f]{24}$";
/// The rule `identifier-format` checks a connection's `identifier` against this pattern: the
/// console's rule (lowercase letters, digits and `-`, shorter than 32).
pub const IDENTIFIER_PATTERN: &str = "^[a-z0-9-]{1,31}$";
