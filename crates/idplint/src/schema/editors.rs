//! The published schemas as editors read them: VS Code's JSON support
//! (vscode-json-languageservice) and the YAML extension (yaml-language-server).
//!
//! - **Hover.** VS Code resolves a `$ref` by copying the keywords of its target over the schema
//!   that holds it, so a definition's `description` replaces the property's own. And hover shows
//!   the first description among the schemas that match a value, where the subschemas of
//!   `allOf`, `anyOf`, `oneOf`, `if`, `then`, `else` and `not` come before the property's own.
//!   So the text of a definition and of such a subschema is kept as `$comment`, which editors do
//!   not show, and a schema that refers to a definition without a description of its own gets
//!   the definition's.
//! - **Completion.** VS Code and the YAML extension offer every key of `properties`. A read-only
//!   field that a request forbids (`readOnly` with `not: {}`) is declared under
//!   `patternProperties` instead (`"^id$"`): it is still described on hover and still rejected,
//!   but not offered.
//!
//! - **Where an error shows.** Alternatives sent together (`not: {required: [a, b]}`) fail on
//!   the object, where idplint points at the field that should go. They are written as
//!   `if: {required: [a]}, then: {properties: {b: false}}`, which fails on `b`.
//!
//! Validators read the result as before: only where descriptions stand changes, a pattern that
//! matches one name is that name, and "not both" is "if one, not the other".

use serde_json::{Map, Value, json};

/// Keywords whose value is a map of subschemas.
const MAPS: &[&str] = &["properties", "patternProperties", "dependentSchemas"];

/// Rewrite a published schema for editors (see the module's documentation).
pub(crate) fn prepare(schema: &mut Value) {
    let definitions: Map<String, Value> = schema
        .get("$defs")
        .and_then(Value::as_object)
        .map(|defs| {
            defs.iter()
                .filter_map(|(name, def)| Some((name.clone(), def.get("description")?.clone())))
                .collect()
        })
        .unwrap_or_default();
    visit(schema, Place::Value, &definitions);
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for def in defs.values_mut() {
            visit(def, Place::InPlace, &definitions);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The schema of a value of its own: the root, a member, an item.
    Value,
    /// A subschema applied to the same value as its parent, or a definition.
    InPlace,
}

fn visit(node: &mut Value, place: Place, definitions: &Map<String, Value>) {
    let Some(obj) = node.as_object_mut() else {
        return;
    };
    match place {
        Place::InPlace => {
            if obj.contains_key("description") {
                // Renamed where it stands, so that the file reads as before.
                *obj = std::mem::take(obj)
                    .into_iter()
                    .map(|(k, v)| match k.as_str() {
                        "description" => ("$comment".to_owned(), v),
                        _ => (k, v),
                    })
                    .collect();
            }
        }
        Place::Value => {
            let inherited = obj
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .and_then(|name| definitions.get(name));
            if let Some(description) = inherited
                && !obj.contains_key("description")
            {
                obj.insert("description".into(), description.clone());
            }
        }
    }
    hide_forbidden_read_only(obj);
    conflicts_fail_on_the_field(obj);
    for (k, v) in obj.iter_mut() {
        let Some(place) = place_of(k) else {
            continue;
        };
        match v {
            Value::Array(list) => list.iter_mut().for_each(|s| visit(s, place, definitions)),
            Value::Object(map) if MAPS.contains(&k.as_str()) => {
                map.values_mut().for_each(|s| visit(s, place, definitions));
            }
            schema => visit(schema, place, definitions),
        }
    }
}

/// Where the subschemas under a keyword apply: to a value of their own, or to the same value.
fn place_of(keyword: &str) -> Option<Place> {
    match keyword {
        "properties"
        | "patternProperties"
        | "items"
        | "prefixItems"
        | "additionalProperties"
        | "unevaluatedProperties"
        | "contains"
        | "propertyNames" => Some(Place::Value),
        "allOf" | "anyOf" | "oneOf" | "if" | "then" | "else" | "not" | "dependentSchemas" => {
            Some(Place::InPlace)
        }
        _ => None,
    }
}

/// Whether a property's schema marks a read-only field that may not be sent: `readOnly` with
/// `not: {}`, directly or as an item of its `allOf`.
fn is_forbidden_read_only(schema: &Value) -> bool {
    let nothing = Value::Object(Map::new());
    schema.get("readOnly") == Some(&Value::Bool(true))
        && (schema.get("not") == Some(&nothing)
            || schema
                .get("allOf")
                .and_then(Value::as_array)
                .is_some_and(|all| all.iter().any(|a| a.get("not") == Some(&nothing))))
}

/// Move the forbidden read-only fields of `obj`'s `properties` to its `patternProperties`.
fn hide_forbidden_read_only(obj: &mut Map<String, Value>) {
    let Some(Value::Object(props)) = obj.get_mut("properties") else {
        return;
    };
    let names: Vec<String> = props
        .iter()
        .filter(|(_, s)| is_forbidden_read_only(s))
        .map(|(n, _)| n.clone())
        .collect();
    if names.is_empty() {
        return;
    }
    let moved: Vec<(String, Value)> = names
        .into_iter()
        .filter_map(|n| {
            let schema = props.shift_remove(&n)?;
            Some((format!("^{}$", regex::escape(&n)), schema))
        })
        .collect();
    if let Some(Value::Object(patterns)) = obj.get_mut("patternProperties") {
        patterns.extend(moved);
        return;
    }
    // Right after `properties`, where a reader looks for the fields.
    let mut patterns = Some(Value::Object(moved.into_iter().collect()));
    *obj = std::mem::take(obj)
        .into_iter()
        .flat_map(|(k, v)| {
            let after = (k == "properties")
                .then(|| patterns.take())
                .flatten()
                .map(|p| ("patternProperties".to_owned(), p));
            std::iter::once((k, v)).chain(after)
        })
        .collect();
}

/// Rewrite `not: {required: [a, …, z]}` as `if: {required: [a, …]}, then: {properties: {z:
/// false}}`, in place.
fn conflicts_fail_on_the_field(obj: &mut Map<String, Value>) {
    let fields = match obj.get("not") {
        Some(Value::Object(not)) if not.len() == 1 => not.get("required").and_then(Value::as_array),
        _ => None,
    };
    let Some([first @ .., last]) = fields.map(Vec::as_slice) else {
        return;
    };
    if first.is_empty() || ["if", "then", "else"].iter().any(|k| obj.contains_key(*k)) {
        return;
    }
    let Some(last) = last.as_str() else {
        return;
    };
    let condition = json!({ "required": first });
    let mut forbidden = Map::new();
    forbidden.insert(last.to_owned(), Value::Bool(false));
    let then = json!({ "properties": forbidden });
    *obj = std::mem::take(obj)
        .into_iter()
        .flat_map(|(k, v)| match k.as_str() {
            "not" => vec![
                ("if".to_owned(), condition.clone()),
                ("then".to_owned(), then.clone()),
            ],
            _ => vec![(k, v)],
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_move_off_definitions_and_in_place_subschemas() {
        let mut schema = json!({
            "description": "root",
            "properties": {
                "own": {"description": "own text", "$ref": "#/$defs/D"},
                "bare": {"$ref": "#/$defs/D"},
                "either": {"description": "either", "anyOf": [{"$ref": "#/$defs/D"}]}
            },
            "allOf": [{"description": "a rule", "if": {"required": ["own"]}, "then": {"required": ["bare"]}}],
            "$defs": {"D": {"description": "definition", "type": "string"}}
        });
        prepare(&mut schema);
        assert_eq!(
            schema,
            json!({
                "description": "root",
                "properties": {
                    "own": {"description": "own text", "$ref": "#/$defs/D"},
                    "bare": {"$ref": "#/$defs/D", "description": "definition"},
                    "either": {"description": "either", "anyOf": [{"$ref": "#/$defs/D"}]}
                },
                "allOf": [{"$comment": "a rule", "if": {"required": ["own"]}, "then": {"required": ["bare"]}}],
                "$defs": {"D": {"$comment": "definition", "type": "string"}}
            })
        );
    }

    #[test]
    fn alternatives_fail_on_the_second_field() {
        let mut schema = json!({
            "properties": {"a": {}, "b": {}},
            "allOf": [{"description": "send one", "not": {"required": ["a", "b"]}}]
        });
        prepare(&mut schema);
        assert_eq!(
            schema["allOf"],
            json!([{
                "$comment": "send one",
                "if": {"required": ["a"]},
                "then": {"properties": {"b": false}}
            }])
        );
    }

    #[test]
    fn forbidden_read_only_fields_are_not_offered() {
        let mut schema = json!({
            "properties": {
                "id": {"readOnly": true, "description": "Do not send it.", "allOf": [{"not": {}}]},
                "a.b": {"readOnly": true, "not": {}},
                "kept": {"readOnly": true},
                "name": {"type": "string"}
            }
        });
        prepare(&mut schema);
        assert_eq!(
            schema,
            json!({
                "properties": {"kept": {"readOnly": true}, "name": {"type": "string"}},
                "patternProperties": {
                    "^id$": {"readOnly": true, "description": "Do not send it.", "allOf": [{"not": {}}]},
                    "^a\\.b$": {"readOnly": true, "not": {}}
                }
            })
        );
    }
}
