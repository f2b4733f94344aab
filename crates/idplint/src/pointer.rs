//! JSON Pointers (RFC 6901) and byte spans: the leaf that every layer which names or finds a
//! place in a payload uses (`secrets`, `source`, `text`, `view`). It imports nothing of idplint.

use std::borrow::Cow;
use std::ops::Range;

/// A byte range in the (BOM-stripped) source text.
pub type Span = Range<usize>;

/// The reference tokens of a JSON Pointer, unescaped (`~1` → `/`, `~0` → `~`): the inverse of
/// [`push_token`]. `""` (the root) has none.
pub fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> {
    pointer.split('/').skip(1).map(|token| {
        if token.contains('~') {
            token.replace("~1", "/").replace("~0", "~").into()
        } else {
            token.into()
        }
    })
}

/// Escape one reference token of a JSON Pointer (`~` → `~0`, `/` → `~1`) and append it.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Append an array index to a JSON Pointer.
pub fn push_index(pointer: &mut String, index: usize) {
    // Without `write!`: its formatting machinery costs more than the digits.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = index;
    loop {
        start -= 1;
        digits[start] = b"0123456789"[n % 10];
        n /= 10;
        if n == 0 {
            break;
        }
    }
    pointer.push('/');
    pointer.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// An array index in a JSON Pointer: digits, without a leading zero or a sign.
pub fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() > 1) {
        return None;
    }
    token.parse().ok()
}

/// The pointer itself, then each ancestor up to the root (`""`): `/a/0` → `/a/0`, `/a`, `""`.
pub fn ancestors(pointer: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(pointer);
    std::iter::from_fn(move || {
        let p = next?;
        next = p.rfind('/').map(|i| &p[..i]);
        Some(p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_are_escaped_and_indices_written() {
        let mut p = String::new();
        push_token(&mut p, "a/b~c");
        push_index(&mut p, 0);
        push_index(&mut p, 1_234_567);
        push_token(&mut p, "x");
        assert_eq!(p, "/a~1b~0c/0/1234567/x");
        let back: Vec<_> = tokens(&p).collect();
        assert_eq!(
            back,
            ["a/b~c", "0", "1234567", "x"],
            "tokens undoes push_token"
        );
        assert_eq!(
            tokens("/~01").collect::<Vec<_>>(),
            ["~1"],
            "`~0` then `1`, not `~1`"
        );
        assert_eq!(tokens("").count(), 0);
        p.clear();
        push_index(&mut p, usize::MAX);
        assert_eq!(p, format!("/{}", usize::MAX));
    }

    #[test]
    fn array_indices_are_plain_digits() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        for bad in ["01", "+1", "-1", "", "x", "1x"] {
            assert_eq!(array_index(bad), None, "{bad}");
        }
    }

    #[test]
    fn ancestors_end_at_the_root() {
        assert_eq!(
            ancestors("/a/0/b").collect::<Vec<_>>(),
            ["/a/0/b", "/a/0", "/a", ""]
        );
        assert_eq!(ancestors("").collect::<Vec<_>>(), [""]);
    }
}
