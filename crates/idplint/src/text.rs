//! Small helpers for the wording of findings.

use serde_json::Value;

use crate::secrets;

/// A JSON Pointer as people read it in a message: `/options/client_id` → `options.client_id`,
/// `/identity_providers/0/id` → `identity_providers[0].id`, `""` → `the payload`.
pub fn field_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the payload".to_owned();
    }
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&token);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&token);
        }
    }
    out
}

/// The JSON type name of a value, as JSON Schema names it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A short, safe rendering of a value for a message: never the value of a secret field, at most
/// 40 characters of a string, and only the type of an array or object.
pub fn show_value(pointer: &str, value: &Value) -> String {
    if secrets::is_secret_pointer(pointer) {
        return "a secret value".to_owned();
    }
    match value {
        Value::String(s) => {
            let mut shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            format!("`{}`", shown.replace('`', "'").replace(['\n', '\r'], " "))
        }
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => format!("`{other}`"),
    }
}

/// The candidate closest to `word`, if one is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest_within(word, candidates, 0.8)
}

/// The candidate closest to `word` with a Jaro-Winkler similarity (ignoring case) of at least
/// `min`.
pub fn nearest_within<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    min: f64,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = if c.to_lowercase() == lower {
            1.0
        } else {
            strsim::jaro_winkler(&lower, &c.to_lowercase())
        };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.filter(|(score, _)| *score >= min).map(|(_, c)| c)
}

/// `a`, `a` or `b`, `a`, `b` or `c`, with backticks.
pub fn one_of(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_read_naturally() {
        assert_eq!(field_path(""), "the payload");
        assert_eq!(field_path("/options/client_id"), "options.client_id");
        assert_eq!(
            field_path("/identity_providers/0/id"),
            "identity_providers[0].id"
        );
        assert_eq!(field_path("/a~1b/c~0d"), "a/b.c~d");
    }

    #[test]
    fn nearest_finds_typos_and_case() {
        let c = ["display_name", "show_as_button", "is_enabled"];
        assert_eq!(nearest("displayname", c), Some("display_name"));
        assert_eq!(nearest("DISPLAY_NAME", c), Some("display_name"));
        assert_eq!(nearest("zzz", c), None);
    }

    #[test]
    fn secret_values_are_never_shown() {
        let v = Value::String("hunter2".into());
        assert_eq!(show_value("/options/client_secret", &v), "a secret value");
        assert_eq!(show_value("/options/client_id", &v), "`hunter2`");
        let long = Value::String("x".repeat(100));
        assert_eq!(show_value("/a", &long).chars().count(), 43);
    }
}
