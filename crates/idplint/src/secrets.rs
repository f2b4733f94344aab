//! The secret fields: declared once, here. Their values never appear in a message, in any
//! output format, or in a rendered source snippet.

use crate::pointer::Span;

/// Keys whose values are secrets, in both APIs. Matched exactly, and also ignoring case and
/// `_`/`-` (so `clientSecret`, `client_secret` and `Client-Secret` are all secret).
pub const SECRET_KEYS: &[&str] = &[
    "client_secret",
    "clientSecret",
    "samlSpKey",
    "password",
    "bindPassword",
    "appSecret",
    "app_secret",
    "secret",
    "token",
    "private_key",
    "privateKey",
    "apiKey",
    "api_key",
];

/// Whether the value of a secret field is a variable reference that a deploy step substitutes
/// (`${VAR}`, `$VAR`, `##VAR##`, `@@VAR@@` or `{{ var }}`, with white space around it allowed)
/// rather than a literal secret: a secret field may hold one, as it is no secret itself.
#[must_use]
pub fn is_reference(value: &str) -> bool {
    let v = value.trim();
    // `open`, then one or more characters other than `stop`, then `close`.
    let wrapped = |open: &str, stop: char, close: &str| {
        v.len() > open.len() + close.len()
            && v.starts_with(open)
            && v.ends_with(close)
            && !v[open.len()..v.len() - close.len()].contains(stop)
    };
    let variable = |name: &str| {
        let mut bytes = name.bytes();
        bytes
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    wrapped("${", '}', "}")
        || wrapped("##", '#', "##")
        || wrapped("@@", '@', "@@")
        || wrapped("{{", '}', "}}")
        || v.strip_prefix('$').is_some_and(variable)
}

/// Longer than any secret key once normalised: a key that reaches it is not one, and is read no
/// further.
const NORMALISED_MAX: usize = 16;

/// `key` in lower case without `_` and `-`, into `buf`; `None` when it cannot be a secret key
/// (too long, or not ASCII).
fn normalise<'a>(key: &str, buf: &'a mut [u8; NORMALISED_MAX]) -> Option<&'a [u8]> {
    let mut n = 0;
    for b in key.bytes() {
        if b == b'_' || b == b'-' {
            continue;
        }
        if !b.is_ascii() || n == buf.len() {
            return None;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    Some(&buf[..n])
}

/// [`SECRET_KEYS`], normalised once, and the last [`TAIL`] letters of each.
struct Normalised {
    keys: Vec<Vec<u8>>,
    tails: Vec<[u8; TAIL]>,
}

/// How many letters of a key's end [`is_secret_key`] looks at first: a key that does not end
/// like a secret key (`…ret`, `…key`, `…ord`, `…ken`) is rejected without normalising it. Most
/// keys and most words of a text are.
const TAIL: usize = 3;

static NORMALISED: std::sync::LazyLock<Normalised> = std::sync::LazyLock::new(|| {
    let keys: Vec<Vec<u8>> = SECRET_KEYS
        .iter()
        .filter_map(|k| normalise(k, &mut [0; NORMALISED_MAX]).map(<[u8]>::to_vec))
        .collect();
    let mut tails: Vec<[u8; TAIL]> = keys
        .iter()
        .filter_map(|k| k.get(k.len().checked_sub(TAIL)?..)?.try_into().ok())
        .collect();
    tails.sort_unstable();
    tails.dedup();
    Normalised { keys, tails }
});

/// The last [`TAIL`] bytes of `key` as [`normalise`] would make them, if it has that many.
fn tail(key: &str) -> Option<[u8; TAIL]> {
    let mut out = [0; TAIL];
    let mut n = 0;
    for b in key.bytes().rev().filter(|b| *b != b'_' && *b != b'-') {
        n += 1;
        out[TAIL - n] = b.to_ascii_lowercase();
        if n == TAIL {
            return Some(out);
        }
    }
    None
}

/// The bytes a secret key can end with: the last letter of each of [`SECRET_KEYS`] in either
/// case, and `_` and `-` (which [`normalise`] drops). Most keys end otherwise (`name`,
/// `options`, `display_name`), and are rejected on their last byte alone.
static ENDS: [bool; 256] = {
    let mut ends = [false; 256];
    ends[b'_' as usize] = true;
    ends[b'-' as usize] = true;
    let mut k = 0;
    while k < SECRET_KEYS.len() {
        let key = SECRET_KEYS[k].as_bytes();
        let mut i = key.len();
        while i > 0 && (key[i - 1] == b'_' || key[i - 1] == b'-') {
            i -= 1;
        }
        if i > 0 {
            ends[key[i - 1].to_ascii_lowercase() as usize] = true;
            ends[key[i - 1].to_ascii_uppercase() as usize] = true;
        }
        k += 1;
    }
    ends
};

/// Whether a member with this key holds a secret.
pub fn is_secret_key(key: &str) -> bool {
    if !key.as_bytes().last().is_some_and(|b| ENDS[usize::from(*b)]) {
        return false;
    }
    let secrets = &*NORMALISED;
    if !tail(key).is_some_and(|t| secrets.tails.contains(&t)) {
        return false;
    }
    let mut buf = [0; NORMALISED_MAX];
    normalise(key, &mut buf).is_some_and(|k| secrets.keys.iter().any(|s| s.as_slice() == k))
}

/// Whether the node at this JSON Pointer is (inside) a secret field.
pub fn is_secret_pointer(pointer: &str) -> bool {
    crate::pointer::tokens(pointer).any(|t| is_secret_key(&t))
}

/// Byte ranges of secret values found by a lexical scan of the text: works on any text, even one
/// that does not parse. A secret key followed by `:` masks its value: a JSON string up to its
/// closing quote, or the rest of the line (and, for a YAML block scalar, the lines indented below
/// it). Over-masking is safe; under-masking is not.
pub fn lexical_secret_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Find the next key-like token: a quoted string, or a bare word at a line start.
        let Some((key, after_key)) = next_key(text, i) else {
            break;
        };
        i = after_key.max(i + 1);
        // A key is followed by `:`; most tokens are not (values), and that is the cheaper test.
        let mut j = after_key;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= bytes.len() || bytes[j] != b':' || !is_secret_key(key) {
            continue;
        }
        j += 1;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        let start = j;
        let end = value_end(text, start);
        if end > start {
            out.push(start..end);
        }
        i = end.max(i);
    }
    out
}

/// The next key candidate at or after `from`: `"key"` or `'key'` or a bare word.
fn next_key(text: &str, from: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let i = from
        + bytes
            .get(from..)?
            .iter()
            .position(|b| STARTS_TOKEN[usize::from(*b)])?;
    let q = bytes[i];
    if !matches!(q, b'"' | b'\'') {
        // A bare word.
        let j = bytes[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'))
            .map_or(bytes.len(), |p| i + p);
        return Some((text.get(i..j).unwrap_or(""), j));
    }
    let start = i + 1;
    let mut j = start;
    // Up to the closing quote or the end of the line; a backslash escapes the byte after it in a
    // double-quoted string.
    let end = loop {
        let Some(at) = bytes
            .get(j..)
            .and_then(|rest| memchr::memchr3(q, b'\n', b'\\', rest))
        else {
            break bytes.len();
        };
        j += at;
        match bytes[j] {
            b'\\' if q == b'"' => j += 2,
            b'\\' => j += 1,
            _ => break j,
        }
    };
    Some((
        text.get(start..end).unwrap_or(""),
        (end + 1).min(bytes.len()),
    ))
}

/// The bytes a key candidate starts with: a quote, a letter, a digit or `_`.
static STARTS_TOKEN: [bool; 256] = {
    let mut starts = [false; 256];
    let mut c: u8 = 0;
    loop {
        starts[c as usize] = c == b'"' || c == b'\'' || c == b'_' || c.is_ascii_alphanumeric();
        if c == u8::MAX {
            break;
        }
        c += 1;
    }
    starts
};

/// Where a value that starts at `start` ends, for masking purposes.
fn value_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let line_end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |p| start + p);
    match bytes.get(start) {
        Some(b'"') => {
            let mut j = start + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                if bytes[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            (j + 1).min(bytes.len())
        }
        Some(b'|' | b'>') => {
            // A YAML block scalar: every following line that is blank or indented deeper than
            // the key's line.
            let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
            let indent = text[line_start..].chars().take_while(|c| *c == ' ').count();
            let mut end = line_end;
            let mut pos = line_end;
            while pos < bytes.len() {
                let next = bytes[pos..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| pos + p);
                let line = &text[pos..next];
                let line = line.trim_start_matches(['\n', '\r']);
                let this_indent = line.chars().take_while(|c| *c == ' ').count();
                if !line.trim().is_empty() && this_indent <= indent {
                    break;
                }
                end = next;
                pos = next + 1;
            }
            end
        }
        _ => {
            // A bare value: up to the end of the line, or a `,` `}` `]` in flow style.
            let mut j = start;
            while j < line_end && !matches!(bytes[j], b',' | b'}' | b']') {
                j += 1;
            }
            j
        }
    }
}

/// Overwrite the given byte ranges with `*`, keeping every byte offset where it was (multi-byte
/// characters become several `*`).
pub fn mask(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        let end = s.end.min(bytes.len());
        for b in bytes.get_mut(s.start.min(end)..end).into_iter().flatten() {
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    // Masking whole characters only ever replaces bytes of characters with ASCII, but a span
    // boundary inside a character would leave a broken sequence: repair lossily.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn secret_keys_match_loosely() {
        assert!(is_secret_key("client_secret"));
        assert!(is_secret_key("clientSecret"));
        assert!(is_secret_key("Client-Secret"));
        assert!(!is_secret_key("client_id"));
        assert!(is_secret_key("c_l_i_e_n_t_s_e_c_r_e_t"));
        assert!(!is_secret_key("client_secret_rotation"));
        assert!(
            SECRET_KEYS
                .iter()
                .all(|k| normalise(k, &mut [0; NORMALISED_MAX]).is_some()),
            "every secret key fits"
        );
        assert!(
            NORMALISED.keys.len() == SECRET_KEYS.len()
                && NORMALISED.keys.iter().all(|k| k.len() >= TAIL),
            "every secret key has a tail to look at first"
        );
        for k in SECRET_KEYS {
            let shouted = k.to_ascii_uppercase().replace('_', "-") + "_";
            assert!(is_secret_key(k) && is_secret_key(&shouted), "{k}");
        }
        assert!(!is_secret_key("ret") && !is_secret_key("monkey") && !is_secret_key("tok"));
        assert!(is_secret_pointer("/options/client_secret"));
        assert!(!is_secret_pointer("/options/client_id"));
    }

    /// A key in lower case without `_` and `-`: what [`is_secret_key`] compares, plainly.
    fn plain(key: &str) -> String {
        key.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn the_shortcuts_agree_with_the_plain_comparison() {
        // Every key of up to four pieces from the secret keys' own pieces and a few others,
        // each in three cases: the last byte and the tail see all of them.
        let pieces = [
            "", "_", "-", "client", "Secret", "SECRET", "t", "T", "key", "Key", "KEY", "api",
            "password", "PassWord", "token", "tokens", "name", "id", "ken", "ord", "e", "é",
            "saml", "sp", "private", "bind", "app",
        ];
        let secrets: HashSet<String> = SECRET_KEYS.iter().map(|k| plain(k)).collect();
        let mut checked = 0;
        let mut secret = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "_", "-", "x", "Y", "d"] {
                        let key = format!("{a}{b}{c}{d}");
                        for key in [key.clone(), key.to_ascii_uppercase(), key.to_lowercase()] {
                            let want = secrets.contains(&plain(&key));
                            assert_eq!(is_secret_key(&key), want, "{key:?}");
                            checked += 1;
                            secret += usize::from(want);
                        }
                    }
                }
            }
        }
        assert!(
            checked > 100_000 && secret > 1_000,
            "{checked} keys, {secret} secret"
        );
    }

    #[test]
    fn masks_json_yaml_and_broken_text() {
        let json = r#"{"options":{"client_secret":"s3cr\"et","client_id":"x"}}"#;
        let masked = mask(json, &lexical_secret_spans(json));
        assert!(!masked.contains("s3cr"), "{masked}");
        assert!(masked.contains(r#""client_id":"x""#));
        assert_eq!(masked.len(), json.len());

        let yaml =
            "options:\n  clientSecret: hunter2 # c\n  samlSpKey: |\n    MIIB\n    AAAA\n  x: 1\n";
        let masked = mask(yaml, &lexical_secret_spans(yaml));
        assert!(
            !masked.contains("hunter2") && !masked.contains("MIIB") && !masked.contains("AAAA"),
            "{masked}"
        );
        assert!(masked.contains("  x: 1"));

        let broken = "{\"client_secret\": \"abc";
        assert!(!mask(broken, &lexical_secret_spans(broken)).contains("abc"));
        let flow = "{client_secret: abc, id: 2}";
        let m = mask(flow, &lexical_secret_spans(flow));
        assert!(!m.contains("abc") && m.contains("id: 2"), "{m}");
    }

    #[test]
    fn references_are_recognised() {
        for v in [
            "${CLIENT_SECRET}",
            "  ${a b}\n",
            "$VAR",
            "$_v4r",
            "##SECRET##",
            "@@SECRET@@",
            "{{ secret }}",
            "\u{3000}${X}\u{3000}",
        ] {
            assert!(is_reference(v), "{v:?}");
        }
    }

    #[test]
    fn literals_are_not_references() {
        for v in [
            "",
            "$",
            "${}",
            "${a}}",
            "${a}b",
            "$1VAR",
            "$VAR-X",
            "$VÄR",
            "####",
            "##a#b##",
            "@@@@",
            "{{}}",
            "{{ a } }}",
            "{{a}",
            "h7Rk2pWx9LmQ4vTs",
            "x${VAR}",
        ] {
            assert!(!is_reference(v), "{v:?}");
        }
    }
}
