//! A published schema and what is made of it on first use: its lint form, read in place, and
//! the validators compiled from it.

use std::sync::OnceLock;

use serde_json::Value;

use crate::payload::auth0::AccessLevel;
use crate::schema::{self, Built, Meta};
use crate::source::doc::{Doc, NodeRef, Tape};

/// One published schema, compiled on first use.
pub struct SchemaDef {
    /// Its file name under `schemas/` (without `.json`), and the last part of its `$id`.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// What it describes.
    pub description: &'static str,
    request: bool,
    generate: fn(&Meta<'_>) -> Built,
    built: OnceLock<Built>,
    lint: OnceLock<Doc<'static>>,
    access: OnceLock<Vec<(String, Vec<AccessLevel>)>>,
    lint_validator: OnceLock<jsonschema::Validator>,
    lint_doc_validator: OnceLock<jsonschema::Validator<Tape>>,
    shape_validator: OnceLock<jsonschema::Validator>,
}

/// The lint schemas committed under `crates/idplint/lint-schemas/`, by schema id (see
/// `build.rs`). Checking a file parses these rather than generating its schema.
static LINT_SCHEMAS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lint_schemas.rs"));

impl SchemaDef {
    pub(super) const fn new(
        id: &'static str,
        title: &'static str,
        description: &'static str,
        request: bool,
        generate: fn(&Meta<'_>) -> Built,
    ) -> SchemaDef {
        SchemaDef {
            id,
            title,
            description,
            request,
            generate,
            built: OnceLock::new(),
            lint: OnceLock::new(),
            access: OnceLock::new(),
            lint_validator: OnceLock::new(),
            lint_doc_validator: OnceLock::new(),
            shape_validator: OnceLock::new(),
        }
    }

    /// The published and lint forms of the schema.
    pub fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            (self.generate)(&Meta {
                id: self.id,
                title: self.title,
                description: self.description,
                request: self.request,
            })
        })
    }

    /// The schema as published in `schemas/<id>.json`.
    pub fn published(&self) -> &Value {
        &self.built().published
    }

    /// The lint schema's text: the committed `lint-schemas/<id>.json`, embedded (the
    /// `schemas` test writes it and keeps it equal to [`Built::lint`]; a test below fails
    /// when one is missing).
    fn lint_text(&'static self) -> &'static str {
        LINT_SCHEMAS
            .iter()
            .find(|(id, _)| *id == self.id)
            .map_or_else(
                || {
                    panic!(
                        "idplint bug: no lint-schemas/{}.json (run `UPDATE_SCHEMAS=1 cargo test --test schemas`)",
                        self.id
                    )
                },
                |(_, text)| text,
            )
    }

    /// The lint schema, read in place from its text: what findings are worded from. It is held
    /// for the whole run; as a document over the text it takes less memory than a parsed value
    /// (bench/PROFILE.md, part D, `16d0644`).
    pub(crate) fn lint(&'static self) -> NodeRef<'static> {
        self.lint
            .get_or_init(|| {
                let mut doc = Doc::parse(self.lint_text(), usize::MAX).unwrap_or_else(|| {
                    panic!(
                        "idplint bug: the lint schema of `{}` is not plain JSON",
                        self.id
                    )
                });
                doc.shrink_to_fit();
                doc
            })
            .root()
    }

    /// The lint schema as a value, parsed anew: only to compile it and to read what is kept of
    /// it, so that no parsed copy is held.
    fn lint_value(&'static self) -> Value {
        serde_json::from_str(self.lint_text()).unwrap_or_else(|e| {
            panic!(
                "idplint bug: the lint schema of `{}` is not JSON: {e}",
                self.id
            )
        })
    }

    /// The top-level fields that only some access levels may change, with those levels.
    pub(crate) fn access(&'static self) -> &'static [(String, Vec<AccessLevel>)] {
        self.access
            .get_or_init(|| schema::access_levels(self.lint()))
    }

    /// The validator of the lint schema: what idplint validates with.
    pub(crate) fn lint_validator(&'static self) -> &'static jsonschema::Validator {
        self.lint_validator
            .get_or_init(|| compile(&self.lint_value(), self.id))
    }

    /// The validator of the lint schema for documents read straight from JSON text.
    pub(crate) fn lint_doc_validator(&'static self) -> &'static jsonschema::Validator<Tape> {
        self.lint_doc_validator
            .get_or_init(|| compile(&self.lint_value(), self.id))
    }

    /// The validator of the payload's shape alone: the published schema without the
    /// assertions of `read-only-field` and `insecure-url` (see [`schema::shape_from_lint`]),
    /// compiled from a value made on the spot, so that no parsed copy is held.
    pub(crate) fn shape_validator(&'static self) -> &'static jsonschema::Validator {
        self.shape_validator
            .get_or_init(|| compile(&schema::shape_from_lint(&self.lint_value()), self.id))
    }
}

/// Compile a schema for validation of instances held as `F` (serde_json's `Value`, or a
/// document read from JSON text), with formats asserted. The schemas are idplint's own and
/// tested, so a failure here is a bug in idplint, not in the user's input.
fn compile<F: jsonschema::json::Json>(schema: &Value, id: &str) -> jsonschema::Validator<F> {
    jsonschema::options_for::<F>()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("idplint bug: the schema of `{id}` does not compile: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::all_schemas;

    #[test]
    fn every_lint_schema_is_embedded_and_is_the_generated_one() {
        for def in all_schemas() {
            let Some((_, text)) = LINT_SCHEMAS.iter().find(|(id, _)| *id == def.id) else {
                panic!(
                    "no lint-schemas/{}.json: run `UPDATE_SCHEMAS=1 cargo test --test schemas`",
                    def.id
                );
            };
            let embedded: Value = serde_json::from_str(text).expect("a lint schema parses");
            // What findings are worded from: the same schema, read in place.
            assert!(
                def.lint().to_value() == embedded,
                "lint-schemas/{}.json reads differently as a document",
                def.id
            );
            assert!(
                embedded == def.built().lint,
                "lint-schemas/{}.json is stale: run `UPDATE_SCHEMAS=1 cargo test --test schemas`",
                def.id
            );
            assert_eq!(def.access(), def.built().access.as_slice(), "{}", def.id);
            let mut published = def.built().published.clone();
            let id = published
                .as_object_mut()
                .and_then(|o| o.shift_remove("$id"));
            assert!(
                id.is_some(),
                "{}: the published schema has an `$id`",
                def.id
            );
            assert!(
                schema::published_from_lint(&embedded) == published,
                "{}: the published schema made from the lint one differs",
                def.id
            );
        }
    }
}
