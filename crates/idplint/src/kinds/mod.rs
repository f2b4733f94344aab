//! The payload kinds: the one list of every payload shape idplint knows ([`KINDS`], declared in
//! `declarations.rs`, each kind's id written once), the schemas published for them
//! ([`SchemaDef`]), and how a payload's kind is detected ([`DETECTION`]).

mod declarations;
mod detect;
mod schema_def;

pub use declarations::KINDS;
pub(crate) use detect::detect_view;
pub use detect::{DETECTION, Detection, detect};
pub use schema_def::SchemaDef;

/// How a kind is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Validation {
    /// Against its schema.
    Plain,
    /// An Auth0 update body: against the schema of the strategy in the context, or the one that
    /// `options` fits.
    Auth0Update,
    /// A GenAuth connection (or an envelope around one): against its schema, then its `fields`
    /// against what is known of its type. `create`: a new connection.
    GenAuthConnection { create: bool },
}

/// Which API a kind belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Auth0 My Organization API.
    Auth0,
    /// Authing / GenAuth V3 Management API.
    GenAuth,
}

/// A payload kind.
pub struct Kind {
    /// Its id, as used by `--kind`, `idplint.toml` and the JSON output.
    pub id: &'static str,
    /// The API it belongs to.
    pub api: Api,
    /// Its main schema, `schemas/<id>.json`.
    pub schema: &'static SchemaDef,
    /// Further schemas published for it (per strategy).
    pub variants: &'static [SchemaDef],
    pub(crate) validation: Validation,
}

impl Kind {
    /// One line: what the kind is.
    pub fn summary(&self) -> &'static str {
        self.schema.title
    }

    /// Every schema published for the kind: the main one first.
    pub fn schemas(&self) -> impl Iterator<Item = &'static SchemaDef> {
        std::iter::once(self.schema).chain(self.variants.iter())
    }
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kind")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The kind with this id.
pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// Every published schema, in order.
pub fn all_schemas() -> impl Iterator<Item = &'static SchemaDef> {
    KINDS.iter().flat_map(Kind::schemas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Strategy;

    #[test]
    fn update_variants_follow_the_strategies() {
        for kind in KINDS
            .iter()
            .filter(|k| k.validation == Validation::Auth0Update)
        {
            let ids: Vec<&str> = kind.variants.iter().map(|v| v.id).collect();
            let expected: Vec<String> = Strategy::ALL
                .iter()
                .map(|s| format!("{}.{}", kind.id, s.as_str()))
                .collect();
            assert_eq!(ids, expected, "{}", kind.id);
        }
    }

    #[test]
    fn every_kind_is_its_main_schema() {
        for kind in KINDS {
            assert_eq!(kind.schema.id, kind.id);
            assert!(find(kind.id).is_some_and(|k| std::ptr::eq(k, kind)));
        }
    }
}
