//! YAML helpers: character to byte offsets, and resolving scalars to JSON values.

use std::borrow::Cow;

use saphyr::{Scalar, ScalarStyle, Tag};
use serde_json::{Number, Value};

use super::Span;

/// Converts saphyr's positions, which count characters, to byte offsets.
///
/// For non-ASCII text it keeps the byte offset of every 64th character (built once, in one
/// pass), so a lookup walks at most 63 characters.
pub(super) struct CharOffsets<'t> {
    text: &'t str,
    /// `None` when the text is ASCII, where characters and bytes are the same.
    checkpoints: Option<Vec<usize>>,
}

const STRIDE: usize = 64;

impl<'t> CharOffsets<'t> {
    /// Prepare the conversion for `text`.
    pub(super) fn new(text: &'t str) -> Self {
        let checkpoints = (!text.is_ascii()).then(|| {
            text.char_indices()
                .step_by(STRIDE)
                .map(|(byte, _)| byte)
                .collect()
        });
        CharOffsets { text, checkpoints }
    }

    /// The byte offset of the character at `index` (the end of the text past the last one).
    pub(super) fn byte(&self, index: usize) -> usize {
        let len = self.text.len();
        let Some(checkpoints) = &self.checkpoints else {
            return index.min(len);
        };
        let Some(&base) = checkpoints.get(index / STRIDE) else {
            return len;
        };
        self.text
            .get(base..)
            .and_then(|rest| rest.char_indices().nth(index % STRIDE))
            .map_or(len, |(byte, _)| base + byte)
    }
}

/// Resolve a scalar with the YAML 1.2 core schema, as saphyr does: quoted and block scalars are
/// strings; `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` are respected; other tags are
/// resolved as if untagged. An integer beyond `i64` but within `u64` stays an integer (as in
/// JSON). `.inf`, `.nan` and floats out of range have no JSON form: they are errors.
pub(super) fn resolve(
    raw: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Cow<'_, Tag>>,
) -> Result<Value, String> {
    let text = raw.clone();
    let Some(scalar) = Scalar::parse_from_cow_and_metadata(raw, style, tag) else {
        let tag = tag.map(|t| tag_name(t)).unwrap_or_default();
        return Err(
            if tag.ends_with("!bool")
                || tag.ends_with("!int")
                || tag.ends_with("!float")
                || tag.ends_with("!null")
            {
                format!("`{text}` is not a valid `{tag}`")
            } else {
                format!("the tag `{tag}` is not supported")
            },
        );
    };
    Ok(match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(b),
        Scalar::Integer(i) => Value::Number(i.into()),
        Scalar::FloatingPoint(f) => {
            let digits = text.strip_prefix('+').unwrap_or(&text);
            if let Some(u) = digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse::<u64>().ok())
                .flatten()
            {
                Value::Number(u.into())
            } else if let Some(n) = Number::from_f64(f.into_inner()) {
                Value::Number(n)
            } else if text.contains('.') && !text.bytes().any(|b| b.is_ascii_digit()) {
                return Err(format!("`{text}` has no JSON equivalent"));
            } else {
                return Err(format!(
                    "number out of range: `{text}` does not fit in a 64-bit float"
                ));
            }
        }
        Scalar::String(s) => Value::String(s.into_owned()),
    })
}

/// A tag as written: `!!str` for the core schema, `!local`, or the full handle and suffix.
fn tag_name(tag: &Tag) -> String {
    if tag.is_yaml_core_schema() {
        format!("!!{}", tag.suffix)
    } else {
        tag.to_string()
    }
}

/// The first `\u` or `\U` escape of the double-quoted scalar that opens at `quote` whose
/// value is not a character (a UTF-16 surrogate, or past U+10FFFF): its span and what is wrong.
/// saphyr reports such an escape at the opening quote, without saying which one.
pub(super) fn bad_unicode_escape(text: &str, quote: usize) -> Option<(Span, String)> {
    let bytes = text.as_bytes();
    let mut i = quote + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => return None,
            b'\\' => {
                let digits = match bytes.get(i + 1) {
                    Some(b'u') => 4,
                    Some(b'U') => 8,
                    _ => {
                        i += 2;
                        continue;
                    }
                };
                let escape = text.get(i..i + 2 + digits)?;
                let code = u32::from_str_radix(&escape[2..], 16).ok()?;
                if char::from_u32(code).is_none() {
                    let why = if (0xD800..=0xDFFF).contains(&code) {
                        "is a UTF-16 surrogate, not a character"
                    } else {
                        "is past U+10FFFF, not a character"
                    };
                    let message = format!("invalid string escape: `{escape}` {why}");
                    return Some((i..i + escape.len(), message));
                }
                i += 2 + digits;
            }
            _ => i += 1,
        }
    }
    None
}

/// The JSON object key for a resolved mapping key: strings as they are, integers and booleans
/// in their plain form. Anything else cannot be a key.
pub(super) fn key_string(value: Value, written: &str) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        Value::Number(_) => Err(format!(
            "mapping key `{written}` is a float: quote it to make it a string"
        )),
        Value::Null => {
            Err("mapping key is null: keys must be strings, integers or booleans".to_owned())
        }
        Value::Array(_) | Value::Object(_) => Err("mapping keys must be scalars".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_ascii_and_not() {
        let ascii = CharOffsets::new("abc");
        assert_eq!(ascii.byte(1), 1);
        assert_eq!(ascii.byte(99), 3);
        let text = format!("{}é漢😀x", "a".repeat(130));
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.byte(130), 130);
        assert_eq!(offsets.byte(131), 132);
        assert_eq!(offsets.byte(132), 135);
        assert_eq!(offsets.byte(133), 139);
        assert_eq!(offsets.byte(134), text.len());
        assert_eq!(offsets.byte(10_000), text.len());
        let long = "é".repeat(1000);
        let offsets = CharOffsets::new(&long);
        for i in [0, 63, 64, 65, 127, 128, 999, 1000] {
            assert_eq!(offsets.byte(i), 2 * i);
        }
    }

    fn plain(s: &str) -> Result<Value, String> {
        resolve(Cow::Borrowed(s), ScalarStyle::Plain, None)
    }

    fn core(suffix: &str) -> Cow<'static, Tag> {
        Cow::Owned(Tag {
            handle: "tag:yaml.org,2002:".to_owned(),
            suffix: suffix.to_owned(),
        })
    }

    #[test]
    fn core_schema() {
        assert_eq!(plain(""), Ok(Value::Null));
        assert_eq!(plain("~"), Ok(Value::Null));
        assert_eq!(plain("null"), Ok(Value::Null));
        assert_eq!(plain("true"), Ok(Value::Bool(true)));
        assert_eq!(plain("False"), Ok(Value::Bool(false)));
        assert_eq!(plain("yes"), Ok(Value::String("yes".into())));
        assert_eq!(plain("-12"), Ok(Value::from(-12)));
        assert_eq!(plain("0x1F"), Ok(Value::from(31)));
        assert_eq!(plain("18446744073709551615"), Ok(Value::from(u64::MAX)));
        assert_eq!(plain("1.5"), Ok(Value::from(1.5)));
        assert_eq!(plain("1e3"), Ok(Value::from(1000.0)));
        assert_eq!(plain(".inf"), Err("`.inf` has no JSON equivalent".into()));
        assert_eq!(plain("-.Inf"), Err("`-.Inf` has no JSON equivalent".into()));
        assert_eq!(plain(".nan"), Err("`.nan` has no JSON equivalent".into()));
        assert_eq!(
            plain("1e400"),
            Err("number out of range: `1e400` does not fit in a 64-bit float".into())
        );
        let quoted = resolve(Cow::Borrowed("12"), ScalarStyle::DoubleQuoted, None);
        assert_eq!(quoted, Ok(Value::String("12".into())));
    }

    #[test]
    fn tags() {
        let str_tag = core("str");
        let r = resolve(Cow::Borrowed("12"), ScalarStyle::Plain, Some(&str_tag));
        assert_eq!(r, Ok(Value::String("12".into())));
        let bool_tag = core("bool");
        let r = resolve(Cow::Borrowed("yes"), ScalarStyle::Plain, Some(&bool_tag));
        assert_eq!(r, Err("`yes` is not a valid `!!bool`".into()));
        let binary = core("binary");
        let r = resolve(Cow::Borrowed("AAAA"), ScalarStyle::Plain, Some(&binary));
        assert_eq!(r, Err("the tag `!!binary` is not supported".into()));
    }

    #[test]
    fn keys() {
        assert_eq!(key_string(Value::from(7), "007"), Ok("7".to_owned()));
        assert_eq!(key_string(Value::Bool(true), "true"), Ok("true".into()));
        assert!(key_string(Value::from(1.5), "1.5").is_err());
        assert!(key_string(Value::Null, "~").is_err());
    }
}
