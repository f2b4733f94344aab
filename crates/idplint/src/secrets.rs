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

/// Words that make a key a secret key wherever they occur in it, once it is normalised (lower
/// case, letters and digits only): `db_password`, `Client-Secret-Value`, `scimToken`,
/// `signing.key`. Each of [`SECRET_KEYS`] holds one, so a prefix or a suffix keeps it secret.
pub const SECRET_WORDS: &[&str] = &[
    "secret",
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "token",
    "credential",
    "apikey",
    "privatekey",
    "signingkey",
    "accesskey",
    "spkey",
];

/// What a key may end with after its last secret word and still name no secret, but something
/// about one: `token_endpoint`, `token_id`, `token_lifetime`, `codeToTokenScript`,
/// `client_secret_expires_at`. Only the word rule is waived: `token` itself stays secret.
pub const NOT_SECRET_ENDINGS: &[&str] = &[
    "endpoint",
    "url",
    "uri",
    "id",
    "ids",
    "script",
    "lifetime",
    "ttl",
    "type",
    "method",
    "methods",
    "alg",
    "algs",
    "algorithm",
    "name",
    "length",
    "format",
    "enabled",
    "expiresat",
    "expiresin",
    "expiry",
    "expiration",
    "rotation",
    "policy",
    "scope",
    "scopes",
    "createdat",
    "validuntil",
    "location",
    "path",
    "header",
];

/// Keys that hold records about secrets, not secrets: the SCIM token list's `scim_tokens`
/// (its items have no `token`), compared normalised.
const NOT_SECRET_KEYS: &[&str] = &["scimtokens"];

/// How many edits (an insertion, a deletion, a substitution or a swap of two neighbours) turn
/// a key into a look-alike of a secret key of `len` normalised bytes: one for short ones
/// (`token`, `secret`, `apikey`), two for the others.
const fn edits_allowed(len: usize) -> usize {
    if len <= 6 { 1 } else { 2 }
}

/// The lower-case ASCII letters of `bytes` as a set of bits (bit 0 for `a`).
const fn letters(bytes: &[u8]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_lowercase() {
            set |= 1 << (bytes[i] - b'a');
        }
        i += 1;
    }
    set
}

/// A normalised secret key or word and its letters.
struct Known {
    text: Box<str>,
    letters: u32,
}

/// [`SECRET_KEYS`] and [`SECRET_WORDS`] normalised once.
struct Normalised {
    keys: Vec<Known>,
    words: Vec<Known>,
}

static NORMALISED: std::sync::LazyLock<Normalised> = std::sync::LazyLock::new(|| {
    let known = |list: &[&str]| {
        let mut out: Vec<Known> = Vec::new();
        for k in list {
            let text = normalise(k);
            if !out.iter().any(|o| *o.text == *text) {
                let letters = letters(text.as_bytes());
                out.push(Known {
                    text: text.into(),
                    letters,
                });
            }
        }
        out
    };
    Normalised {
        keys: known(SECRET_KEYS),
        words: known(SECRET_WORDS),
    }
});

/// `key` in lower case with every ASCII byte other than a letter or a digit left out (`_`, `-`,
/// `.`, spaces, ...). Bytes of other characters are kept, so the result is UTF-8.
fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| !c.is_ascii() || c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a member with this key holds a secret: it is one of [`SECRET_KEYS`] or a look-alike
/// of one, ignoring case and separators (`Client-Secret`, `CLIENTSECRET`, `client.secret`),
/// within one edit of one (two for keys longer than six letters: `client_secert`), or it holds
/// one of [`SECRET_WORDS`] not followed by one of [`NOT_SECRET_ENDINGS`]. The policy, declared
/// here once, decides both what is masked and what `plaintext-secret` checks.
pub fn is_secret_key(key: &str) -> bool {
    // Field names repeat across the members of a payload and across files: a short key's
    // verdict is looked up by its text before any of the work below.
    let raw = key.as_bytes();
    if raw.len() <= SEEN_KEY {
        return seen(raw, || decide(key));
    }
    decide(key)
}

/// [`is_secret_key`] without the memory of [`seen`].
fn decide(key: &str) -> bool {
    // The cheap part first: lower case and letters, on the stack, in one pass. Most keys share
    // too few letters with every secret key and word to be one, and stop there.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut set = 0u32;
    let mut other = false;
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() {
            let b = b.to_ascii_lowercase();
            if b.is_ascii_lowercase() {
                set |= 1 << (b - b'a');
            }
            if n < buf.len() {
                buf[n] = b;
            }
            n += 1;
        } else if !b.is_ascii() {
            other = true;
        }
    }
    let secrets = &*NORMALISED;
    let near = |k: &Known| {
        let d = edits_allowed(k.text.len());
        (k.letters & !set).count_ones() as usize <= d && n.abs_diff(k.text.len()) <= d
    };
    let has = |w: &Known| w.letters & !set == 0;
    if !secrets.keys.iter().any(near) && !secrets.words.iter().any(has) {
        return false;
    }
    if n <= buf.len() && !other {
        // The letters and digits in lower case are the normalised key of an ASCII key.
        return is_secret_normalised(std::str::from_utf8(&buf[..n]).unwrap_or_default());
    }
    is_secret_normalised(&normalise(key))
}

/// The longest key, in bytes, whose verdict [`seen`] keeps.
const SEEN_KEY: usize = 32;

/// How many verdicts [`seen`] keeps: a power of two, more than the field names of both APIs.
const SEEN_PLACES: usize = 1024;

/// A key's text and whether it is a secret key.
#[derive(Clone, Copy)]
struct Seen {
    len: u8,
    key: [u8; SEEN_KEY],
    secret: bool,
}

thread_local! {
    /// The verdicts of the last keys looked up, each in the place a hash of its text picks.
    /// A place holds the whole text, so a hash collision can only cost a second decision,
    /// never give one key another's verdict.
    static SEEN: std::cell::RefCell<[Seen; SEEN_PLACES]> = const {
        std::cell::RefCell::new(
            [Seen { len: u8::MAX, key: [0; SEEN_KEY], secret: false }; SEEN_PLACES],
        )
    };
}

/// `decide(key)` for a key of at most [`SEEN_KEY`] bytes, through [`SEEN`].
fn seen(key: &[u8], decide: impl FnOnce() -> bool) -> bool {
    let hash = key.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    // The top bits of the hash pick the place.
    let at = usize::try_from(hash >> (64 - SEEN_PLACES.trailing_zeros())).unwrap_or_default();
    let len = u8::try_from(key.len()).unwrap_or(u8::MAX);
    SEEN.with(|cache| {
        let mut cache = cache.borrow_mut();
        let place = &mut cache[at];
        if place.len == len && &place.key[..key.len()] == key {
            return place.secret;
        }
        let secret = decide();
        place.len = len;
        place.key[..key.len()].copy_from_slice(key);
        place.secret = secret;
        secret
    })
}

/// [`is_secret_key`] of a key already normalised, without the shortcuts.
fn is_secret_normalised(key: &str) -> bool {
    let secrets = &*NORMALISED;
    if NOT_SECRET_KEYS.contains(&key) {
        return false;
    }
    let bytes = key.as_bytes();
    if secrets.keys.iter().any(|k| k.text.as_bytes() == bytes) {
        return true;
    }
    let set = letters(bytes);
    let near = secrets.keys.iter().any(|k| {
        let d = edits_allowed(k.text.len());
        (k.letters & !set).count_ones() as usize <= d
            && bytes.len().abs_diff(k.text.len()) <= d
            && edits(bytes, k.text.as_bytes()) <= d
    });
    if near {
        return true;
    }
    // The end of the last secret word, and what follows it.
    let end = secrets
        .words
        .iter()
        .filter(|w| w.letters & !set == 0)
        .filter_map(|w| {
            let w = w.text.as_bytes();
            let at = bytes.windows(w.len()).rposition(|x| x == w)?;
            Some(at + w.len())
        })
        .max();
    end.is_some_and(|end| {
        let rest = &key[end..];
        rest.is_empty() || !NOT_SECRET_ENDINGS.iter().any(|e| rest.ends_with(e))
    })
}

/// The optimal-string-alignment distance between two short byte strings (insertions,
/// deletions, substitutions and swaps of neighbours, each once per place), on the stack.
/// Longer strings than a secret key's neighbours (16 bytes) count as far apart.
fn edits(a: &[u8], b: &[u8]) -> usize {
    const MAX: usize = 16;
    if a.len() > MAX || b.len() > MAX {
        return usize::MAX;
    }
    // Three rows of the distance matrix: two back, the last, and this one.
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (two, last, this) = ((i + 1) % 3, (i + 2) % 3, i % 3);
        let (two, last) = (rows[two], rows[last]);
        let row = &mut rows[this];
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two[j - 2] + 1);
            }
            row[j] = d;
        }
    }
    rows[a.len() % 3][b.len()]
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
mod tests;
