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
    for token in crate::pointer::tokens(pointer) {
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
///
/// A candidate is scored only if it could beat the best so far and reach `min`. What it could
/// score at most: Jaro is `(m/|a| + m/|b| + (m-t)/m) / 3` with `m` matching characters, and `m`
/// is at most the characters the two words have in common (counted with repeats, for ASCII
/// words; otherwise the shorter length); Winkler adds `0.1 l (1 - j)` for a common prefix of
/// `l ≤ 4` characters, which is known before scoring.
// Lengths of words, far below 2^52, become f64 as in strsim itself.
#[allow(clippy::cast_precision_loss)]
pub fn nearest_within<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    min: f64,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let word_ascii = lower.is_ascii();
    let mut counts = [0u16; 128];
    if word_ascii {
        lower.bytes().for_each(|b| counts[usize::from(b)] += 1);
    }
    let mut best: Option<(f64, &'a str)> = None;
    let lower_bytes = lower.as_bytes().to_vec();
    let mut candidate = Vec::new();
    for c in candidates {
        let ascii = word_ascii && c.is_ascii();
        let other = c.chars().count();
        let common = if ascii {
            candidate.clear();
            candidate.extend(c.bytes().map(|b| b.to_ascii_lowercase()));
            shared(&counts, &candidate)
        } else {
            length.min(other)
        };
        let upper = if length == 0 || other == 0 {
            1.0
        } else {
            let m = common as f64;
            let jaro = (m / length as f64 + m / other as f64 + 1.0) / 3.0;
            let prefix = lower
                .chars()
                .zip(c.chars().flat_map(char::to_lowercase))
                .take(4)
                .take_while(|(a, b)| a == b)
                .count();
            jaro + 0.1 * prefix as f64 * (1.0 - jaro)
        };
        // (A hair of slack for rounding: a tie with the best does not replace it anyway.)
        if upper + 1e-9 < min || best.is_some_and(|(b, _)| upper + 1e-9 <= b) {
            continue;
        }
        let score = if ascii {
            // Byte for byte: the same score as by characters, without decoding them.
            strsim::generic_jaro_winkler(&lower_bytes, &candidate)
        } else {
            strsim::jaro_winkler(&lower, &c.to_lowercase())
        };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.filter(|(score, _)| *score >= min).map(|(_, c)| c)
}

/// How many characters of `word` (ASCII) the word counted in `counts` has too, with repeats.
fn shared(counts: &[u16; 128], word: &[u8]) -> usize {
    let mut left = *counts;
    word.iter()
        .filter(|&&b| {
            let slot = &mut left[usize::from(b)];
            let hit = *slot > 0;
            *slot -= u16::from(hit);
            hit
        })
        .count()
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
    fn skipping_candidates_that_cannot_win_changes_no_answer() {
        // Every candidate compared, first best kept: what `nearest_within` must agree with.
        fn every<'a>(word: &str, candidates: &[&'a str], min: f64) -> Option<&'a str> {
            let mut best: Option<(f64, &'a str)> = None;
            for c in candidates {
                let score = strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase());
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, c));
                }
            }
            best.filter(|(s, _)| *s >= min).map(|(_, c)| c)
        }
        let candidates = [
            "id",
            "name",
            "display_name",
            "strategy",
            "options",
            "client_id",
            "client_secret",
            "discovery_url",
            "type",
            "issuer",
            "is_enabled",
            "show_as_button",
            "domain_aliases",
            "a",
            "",
            "clientSecret",
            "signInEndpoint",
            "signingCert",
            "metadataUrl",
            "ÉtÉ",
        ];
        let words = [
            "nme",
            "Name",
            "clientid",
            "client-secret",
            "disply_name",
            "typ",
            "x",
            "",
            "optons",
            "signinendpoint",
            "metadata_url",
            "ete",
            "été",
            "ident",
            "domain",
            "strat",
        ];
        for word in words {
            for min in [0.0, 0.5, 0.8, 0.95] {
                for n in 0..=candidates.len() {
                    let c = &candidates[..n];
                    assert_eq!(
                        nearest_within(word, c.iter().copied(), min),
                        every(word, c, min),
                        "{word} {min} {n}"
                    );
                }
            }
        }
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
