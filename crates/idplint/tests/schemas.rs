//! The published schemas: fresh, valid against the meta-schema, and in agreement with idplint.

mod common;

use std::path::Path;

use idplint::kinds::{self, SchemaDef};
use idplint::schema::to_file_text;
use serde_json::Value;

fn schemas_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas")
}

/// `schemas/*.json` is what `idplint schema --out-dir schemas` writes. With `UPDATE_SCHEMAS=1`
/// the test rewrites the stale files instead of failing.
#[test]
fn committed_schemas_are_fresh() {
    assert_fresh(&schemas_dir(), |def| def.published());
}

/// `crates/idplint/lint-schemas/*.json` are the lint schemas that checking embeds (see the
/// crate's `build.rs`), so that it need not generate them. With `UPDATE_SCHEMAS=1` the test
/// rewrites the stale files instead of failing.
#[test]
fn committed_lint_schemas_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lint-schemas");
    assert_fresh(&dir, |def| &def.built().lint);
}

/// Every schema's `<id>.json` in `dir` holds `schema(def)`, and nothing else is there.
fn assert_fresh(dir: &Path, schema: impl Fn(&SchemaDef) -> &Value) {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    let mut expected_files = Vec::new();
    for def in kinds::all_schemas() {
        let file = format!("{}.json", def.id);
        let path = dir.join(&file);
        let text = to_file_text(schema(def));
        expected_files.push(file.clone());
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if update {
                std::fs::create_dir_all(dir).expect("create the folder");
                std::fs::write(&path, text).expect("write schema");
            } else {
                stale.push(file);
            }
        }
    }
    let extra: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| {
                    Path::new(f).extension().is_some_and(|e| e == "json")
                        && !expected_files.contains(f)
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(
        extra.is_empty(),
        "{} has files no kind generates: {extra:?}",
        dir.display()
    );
    assert!(
        stale.is_empty(),
        "stale schemas in {} (run `UPDATE_SCHEMAS=1 cargo test --test schemas`): {stale:?}",
        dir.display()
    );
}

#[test]
fn schemas_are_valid_2020_12_with_standard_keywords_only() {
    for def in kinds::all_schemas() {
        let schema = def.published();
        assert!(
            jsonschema::meta::is_valid(schema),
            "{} fails its meta-schema",
            def.id
        );
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(
            schema["title"].is_string() && schema["description"].is_string(),
            "{}",
            def.id
        );
        let text = serde_json::to_string(schema).unwrap();
        assert!(!text.contains("\"x-"), "{} has an x- keyword", def.id);
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
            .unwrap_or_else(|e| panic!("{}: {e}", def.id));
        every_property_is_described(def, schema, "");
    }
}

/// Every field has a description of its own (one that refers to a definition too: editors
/// replace a property's keywords with its definition's, see the next test).
fn every_property_is_described(def: &SchemaDef, node: &Value, at: &str) {
    for keyword in ["properties", "patternProperties"] {
        if let Some(props) = node.get(keyword).and_then(Value::as_object) {
            for (name, sub) in props {
                let has = sub.get("description").is_some() || sub == &Value::Bool(false);
                assert!(has, "{}: {at}/{keyword}/{name} has no description", def.id);
            }
        }
    }
    if let Some(obj) = node.as_object() {
        for (k, v) in obj {
            // `if` and `not` hold conditions, not descriptions of fields.
            if (v.is_object() || v.is_array()) && k != "if" && k != "not" {
                every_property_is_described(def, v, &format!("{at}/{k}"));
            }
        }
    } else if let Some(list) = node.as_array() {
        for (i, v) in list.iter().enumerate() {
            every_property_is_described(def, v, &format!("{at}/{i}"));
        }
    }
}

/// VS Code copies a definition's keywords over the schema that refers to it, and shows the first
/// description among a value's schemas, where in-place subschemas (`allOf`, `anyOf`, `oneOf`,
/// `if`, `then`, `else`, `not`) come before the field's own. So no definition and no in-place
/// subschema has a description (their text is a `$comment`), and completion offers no field
/// that a request forbids (read-only fields are under `patternProperties`).
#[test]
fn descriptions_stand_where_editors_show_them() {
    fn walk(id: &str, node: &Value, at: &str, in_place: bool) {
        let Some(obj) = node.as_object() else { return };
        assert!(
            !(in_place && obj.contains_key("description")),
            "{id}: {at} has a description that hides the field's own"
        );
        if let Some(props) = obj.get("properties").and_then(Value::as_object) {
            for (name, sub) in props {
                let read_only = sub["readOnly"] == true;
                let forbidden = sub["not"] == serde_json::json!({})
                    || sub["allOf"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|s| s["not"] == serde_json::json!({})));
                assert!(
                    !(read_only && forbidden),
                    "{id}: {at}/properties/{name} is read-only and offered"
                );
            }
        }
        for (k, v) in obj {
            let at = format!("{at}/{k}");
            match k.as_str() {
                "allOf" | "anyOf" | "oneOf" => {
                    for (i, sub) in v.as_array().into_iter().flatten().enumerate() {
                        walk(id, sub, &format!("{at}/{i}"), true);
                    }
                }
                "if" | "then" | "else" | "not" => walk(id, v, &at, true),
                "$defs" | "dependentSchemas" => {
                    for (name, sub) in v.as_object().into_iter().flatten() {
                        walk(id, sub, &format!("{at}/{name}"), true);
                    }
                }
                "properties" | "patternProperties" => {
                    for (name, sub) in v.as_object().into_iter().flatten() {
                        walk(id, sub, &format!("{at}/{name}"), false);
                    }
                }
                "items" | "additionalProperties" | "contains" | "propertyNames" => {
                    walk(id, v, &at, false);
                }
                _ => {}
            }
        }
    }
    for def in kinds::all_schemas() {
        walk(def.id, def.published(), "", false);
    }
}

#[test]
fn update_access_levels_are_stated_in_descriptions() {
    let update = kinds::find("auth0.idp.update").unwrap();
    let schema = update.schema.published();
    for (field, needs) in [
        ("display_name", "`full`."),
        ("options", "`full`."),
        ("is_enabled", "`full` or `limited`."),
    ] {
        let d = schema["properties"][field]["description"].as_str().unwrap();
        assert!(d.ends_with(needs), "{field}: {d}");
    }
}

/// The verdict of idplint on the rules that the published schemas state is the verdict of the
/// published schema alone, for every payload of the corpus: an error of such a rule if and only
/// if the schema rejects the payload.
#[test]
fn schema_and_validator_agree() {
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for case in common::cases() {
        let report = case.check();
        let Some(kind) = report.kind else { continue };
        let text = report.source.text.clone();
        let Some(value) = idplint::source::parse(
            &text,
            report.source.format,
            &idplint::source::Limits::default(),
        )
        .value
        else {
            continue;
        };
        let def = match (kind.id, case.options.context.strategy) {
            ("auth0.idp.update", Some(s)) => kinds::all_schemas()
                .find(|d| d.id == format!("auth0.idp.update.{s}"))
                .unwrap(),
            _ => kind.schema,
        };
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(def.published())
            .unwrap();
        let schema_says = validator.is_valid(&value);
        // An error of a rule that the published schemas state (`Rule::in_schema`).
        let idplint_says = !report
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.rule.in_schema);
        checked += 1;
        if schema_says != idplint_says {
            disagreements.push(format!(
                "{}: schema {schema_says}, idplint {idplint_says}",
                case.name
            ));
        }
    }
    assert!(checked >= 40, "only {checked} payloads compared");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
