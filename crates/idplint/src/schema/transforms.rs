//! Schema transforms used in `#[schemars(transform = …)]` attributes of the payload types.
//!
//! A forbidden field is `{"not": {}}` with a description; for idplint's messages it also carries
//! `x-idplint-why` (the reason, as help) and, when other variants of a tagged union do have it,
//! `x-idplint-per-variant`. Both stay in the lint schema and are stripped from the published one.

use schemars::Schema;
use serde_json::{Map, Value, json};

/// Append subschemas to the `allOf` of a schema.
pub(crate) fn push_all_of(schema: &mut Schema, items: Value) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let all_of = obj
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let (Some(list), Value::Array(new)) = (all_of.as_array_mut(), items) {
        list.extend(new);
    }
}

/// Rewrite the `oneOf` that schemars emits for a flattened enum tagged by `tag` into one
/// `if`/`then` per variant: `{"if": {tag: const}, "then": that variant's fields}`.
///
/// Every validator then reports a bad `tag` as an `enum` error, and the fields of the chosen
/// variant as plain leaf errors, never "not valid under any of the schemas listed in oneOf".
/// Fields that some variants have and others lack are declared at the top (so that the object
/// can be closed with `additionalProperties: false`) and forbidden with `not: {}` in the
/// variants that lack them.
pub(crate) fn dispatch_on(tag: &'static str) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        let Some(obj) = schema.as_object_mut() else {
            return;
        };
        let Some(Value::Array(variants)) = obj.remove("oneOf") else {
            return;
        };
        let mut values = Vec::new();
        // field name -> per-variant schema (None when the variant lacks it)
        let mut fields: Vec<(String, Vec<Option<Value>>)> = Vec::new();
        let mut required: Vec<Vec<String>> = Vec::new();
        let mut descriptions = Vec::new();
        for (i, variant) in variants.iter().enumerate() {
            let props = variant
                .get("properties")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            values.push(
                props
                    .get(tag)
                    .and_then(|t| t.get("const"))
                    .cloned()
                    .unwrap_or(Value::Null),
            );
            descriptions.push(variant.get("description").cloned());
            for (name, sub) in props {
                if name == tag {
                    continue;
                }
                let idx = fields
                    .iter()
                    .position(|(n, _)| *n == name)
                    .unwrap_or_else(|| {
                        fields.push((name.clone(), vec![None; variants.len()]));
                        fields.len() - 1
                    });
                fields[idx].1[i] = Some(sub);
            }
            required.push(
                variant
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| {
                        r.iter()
                            .filter_map(Value::as_str)
                            .filter(|r| *r != tag)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            );
        }
        let common: Vec<String> = required
            .first()
            .map(|first| {
                first
                    .iter()
                    .filter(|r| required.iter().all(|req| req.contains(r)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();

        let properties = obj
            .entry("properties")
            .or_insert_with(|| Value::Object(Map::new()));
        let Some(properties) = properties.as_object_mut() else {
            return;
        };
        let tag_names: Vec<String> = values
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        properties.insert(
            tag.to_owned(),
            json!({
                "description": format!("Decides the shape of the other fields: one of {}.", tag_names.join(", ")),
                "type": "string",
                "enum": values,
            }),
        );
        let mut uniform = Vec::new();
        for (name, per) in &fields {
            let first = per.first().cloned().flatten();
            if first.is_some() && per.iter().all(|p| *p == first) {
                properties.insert(name.clone(), first.unwrap_or(Value::Bool(true)));
                uniform.push(name.clone());
            } else {
                let has = holders(per, &tag_names);
                let description = if has.len() == tag_names.len() {
                    format!("Its shape depends on `{tag}`.")
                } else {
                    format!(
                        "Only for `{tag}` {}; its shape depends on `{tag}`.",
                        has.join(", ")
                    )
                };
                properties.insert(name.clone(), json!({ "description": description }));
            }
        }

        let req = obj
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(req) = req.as_array_mut() {
            for r in std::iter::once(tag.to_owned()).chain(common.iter().cloned()) {
                if !req.iter().any(|x| x == r.as_str()) {
                    req.push(Value::String(r));
                }
            }
        }

        let mut branches = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let mut then_props = Map::new();
            for (name, per) in &fields {
                if uniform.contains(name) {
                    continue;
                }
                let sub = per[i].clone().unwrap_or_else(|| {
                    let description = format!(
                        "`{name}` is only for `{tag}` {}",
                        holders(per, &tag_names).join(", ")
                    );
                    json!({ "description": description, "not": {}, "x-idplint-why": description, "x-idplint-per-variant": true })
                });
                then_props.insert(name.clone(), sub);
            }
            let mut then = Map::new();
            if let Some(Some(d)) = descriptions.get(i) {
                then.insert("description".into(), d.clone());
            }
            then.insert("properties".into(), Value::Object(then_props));
            let extra: Vec<&String> = required[i].iter().filter(|r| !common.contains(r)).collect();
            if !extra.is_empty() {
                then.insert("required".into(), json!(extra));
            }
            branches.push(json!({
                "if": {"properties": {tag: {"const": value}}, "required": [tag]},
                "then": then,
            }));
        }
        obj.insert("allOf".into(), Value::Array(branches));
        obj.remove("unevaluatedProperties");
        obj.insert("additionalProperties".into(), Value::Bool(false));
    }
}

/// The tag values of the variants that have a field.
fn holders<'a>(per: &[Option<Value>], tag_names: &'a [String]) -> Vec<&'a str> {
    per.iter()
        .zip(tag_names)
        .filter(|(p, _)| p.is_some())
        .map(|(_, t)| t.as_str())
        .collect()
}

/// Exactly one of two alternative fields.
pub(crate) fn exactly_one_of(a: &'static str, b: &'static str) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        push_all_of(
            schema,
            json!([
                {
                    "description": format!("`{a}` and `{b}` are alternatives: send one of them"),
                    "not": {"required": [a, b]}
                },
                {
                    "if": {"required": [b]},
                    "else": {
                        "description": format!("needs `{a}` or `{b}`"),
                        "required": [a]
                    }
                }
            ]),
        );
    }
}

/// Forbid write-only fields in a response: they are sent in requests and never returned.
pub(crate) fn write_only(names: &'static [&'static str]) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            return;
        };
        for name in names {
            props.insert((*name).to_owned(), {
                let why =
                    format!("`{name}` is write-only: it is sent in requests and never returned");
                json!({ "description": why, "writeOnly": true, "not": {}, "x-idplint-why": why })
            });
        }
    }
}

/// Forbid fields with a reason: `(name, read-only, why)`.
pub(crate) fn forbid(
    list: &'static [(&'static str, bool, &'static str)],
) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            return;
        };
        for (name, read_only, why) in list {
            let mut node = json!({ "description": format!("Not accepted here: {why}."), "not": {}, "x-idplint-why": why });
            if *read_only {
                node["readOnly"] = Value::Bool(true);
            }
            props.insert((*name).to_owned(), node);
        }
    }
}
