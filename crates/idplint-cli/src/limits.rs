//! The resource limits a user can set: `--max-file-size`, `--max-depth`,
//! `--max-yaml-alias-nodes`, and the `[limits]` table of `idplint.toml`. The defaults are the
//! library's ([`Limits::default`]).

use std::fmt;

use idplint::source::Limits;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// Limits set by the command line or the config file; `None` leaves the one below.
#[allow(clippy::struct_field_names)] // the names of the config keys
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a `[limits]` table"
)]
pub(crate) struct LimitSettings {
    /// The largest file read, in bytes.
    pub max_file_size: Option<Size>,
    /// The deepest nesting accepted.
    pub max_depth: Option<Depth>,
    /// The most nodes YAML aliases may produce.
    pub max_yaml_alias_nodes: Option<Count>,
}

impl LimitSettings {
    /// `limits` with these settings on top.
    pub(crate) fn apply(&self, mut limits: Limits) -> Limits {
        if let Some(Size(n)) = self.max_file_size {
            limits.max_file_size = n;
        }
        if let Some(Depth(n)) = self.max_depth {
            limits.max_depth = n;
        }
        if let Some(Count(n)) = self.max_yaml_alias_nodes {
            limits.max_alias_nodes = n;
        }
        limits
    }
}

/// A number of bytes: `1048576`, `512KiB`, `16MiB`, `1GiB` (the unit in any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Size(pub u64);

/// A nesting depth, from 1 to [`Limits::MAX_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Depth(pub usize);

/// A count of nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Count(pub usize);

/// Parse `--max-file-size`.
pub(crate) fn parse_size(text: &str) -> Result<Size, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "kib" => 10,
        "mib" => 20,
        "gib" => 30,
        _ => return Err(size_error(text)),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .map(Size)
        .ok_or_else(|| size_error(text))
}

fn size_error(text: &str) -> String {
    format!("invalid size `{text}`: expected bytes, such as `1048576`, `512KiB` or `16MiB`")
}

/// Parse `--max-depth`.
pub(crate) fn parse_depth(text: &str) -> Result<Depth, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .and_then(depth)
        .ok_or_else(|| depth_error(text))
}

fn depth(n: usize) -> Option<Depth> {
    (1..=Limits::MAX_DEPTH).contains(&n).then_some(Depth(n))
}

fn depth_error(text: &str) -> String {
    format!(
        "invalid depth `{text}`: expected a whole number from 1 to {}",
        Limits::MAX_DEPTH
    )
}

/// Parse `--max-yaml-alias-nodes`.
pub(crate) fn parse_count(text: &str) -> Result<Count, String> {
    text.trim()
        .parse::<usize>()
        .map(Count)
        .map_err(|_| format!("invalid count `{text}`: expected a whole number"))
}

/// How a limit is read from a number.
type FromInt<T> = fn(u64) -> Result<T, String>;
/// How a limit is read from a string.
type FromStr<T> = fn(&str) -> Result<T, String>;

/// Deserialize a limit written as a TOML integer, or (for sizes) a string with a unit.
struct LimitVisitor<T> {
    what: &'static str,
    from_int: FromInt<T>,
    from_str: Option<FromStr<T>>,
}

impl<T> Visitor<'_> for LimitVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<T, E> {
        let n = u64::try_from(n).map_err(|_| E::custom(format!("expected {}", self.what)))?;
        (self.from_int)(n).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<T, E> {
        (self.from_int)(n).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        match self.from_str {
            Some(parse) => parse(s).map_err(E::custom),
            None => Err(E::invalid_type(de::Unexpected::Str(s), &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Size {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LimitVisitor {
            what: "a size in bytes, such as `1048576` or \"16MiB\"",
            from_int: |n| Ok(Size(n)),
            from_str: Some(parse_size),
        })
    }
}

impl<'de> Deserialize<'de> for Depth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LimitVisitor {
            what: "a nesting depth (a whole number)",
            from_int: |n| {
                usize::try_from(n)
                    .ok()
                    .and_then(depth)
                    .ok_or_else(|| depth_error(&n.to_string()))
            },
            from_str: None,
        })
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LimitVisitor {
            what: "a number of nodes (a whole number)",
            from_int: |n| {
                usize::try_from(n)
                    .map(Count)
                    .map_err(|_| format!("invalid count `{n}`"))
            },
            from_str: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1048576"), Ok(Size(1_048_576)));
        assert_eq!(parse_size("16MiB"), Ok(Size(16 << 20)));
        assert_eq!(parse_size("16 mib"), Ok(Size(16 << 20)));
        assert_eq!(parse_size("512KiB"), Ok(Size(512 << 10)));
        assert_eq!(parse_size("1GiB"), Ok(Size(1 << 30)));
        assert_eq!(parse_size("0"), Ok(Size(0)));
        for bad in [
            "",
            "MiB",
            "16MB",
            "-1",
            "1.5MiB",
            "99999999999999999999GiB",
            "16 M",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn depths_and_counts() {
        assert_eq!(parse_depth("1"), Ok(Depth(1)));
        assert_eq!(parse_depth("1000"), Ok(Depth(Limits::MAX_DEPTH)));
        assert!(parse_depth("0").is_err());
        assert!(parse_depth("1001").is_err());
        assert!(parse_depth("x").is_err());
        assert_eq!(parse_count("0"), Ok(Count(0)));
        assert!(parse_count("-1").is_err());
    }

    #[test]
    fn settings_apply_over_the_defaults() {
        let settings = LimitSettings {
            max_file_size: Some(Size(10)),
            max_depth: None,
            max_yaml_alias_nodes: Some(Count(5)),
        };
        let limits = settings.apply(Limits::default());
        assert_eq!(limits.max_file_size, 10);
        assert_eq!(limits.max_depth, Limits::default().max_depth);
        assert_eq!(limits.max_alias_nodes, 5);
    }
}
