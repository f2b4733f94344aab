//! Values rendered as YAML, for the property tests' YAML form of each value.

use serde_json::Value;

/// `value` as YAML in block style (strings and keys double-quoted with JSON's escapes, which
/// YAML shares), so that the YAML reader's block paths are exercised.
pub fn to_yaml(value: &Value) -> String {
    fn scalar(v: &Value) -> String {
        match v {
            Value::Array(a) if a.is_empty() => "[]".to_owned(),
            Value::Object(o) if o.is_empty() => "{}".to_owned(),
            v => serde_json::to_string(v).expect("a JSON scalar"),
        }
    }
    fn block(v: &Value, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match v {
            Value::Object(o) if !o.is_empty() => {
                for (k, v) in o {
                    out.push_str(&pad);
                    out.push_str(&serde_json::to_string(k).expect("a key"));
                    out.push(':');
                    nested(v, indent, out);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                for v in a {
                    out.push_str(&pad);
                    out.push('-');
                    nested(v, indent, out);
                }
            }
            v => {
                out.push_str(&pad);
                out.push_str(&scalar(v));
                out.push('\n');
            }
        }
    }
    fn nested(v: &Value, indent: usize, out: &mut String) {
        let collection = matches!(v, Value::Object(o) if !o.is_empty())
            || matches!(v, Value::Array(a) if !a.is_empty());
        if collection {
            out.push('\n');
            block(v, indent + 2, out);
        } else {
            out.push(' ');
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
    let mut out = String::new();
    block(value, 0, &mut out);
    out
}
