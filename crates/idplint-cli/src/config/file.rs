//! `idplint.toml` as written: its tables and keys, each value checked while it is read (serde).

use std::fmt;

use idplint::{AccessLevel, Kind, Strategy};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::Span;
use crate::limits::LimitSettings;
use crate::selection::{Ignored, Level, Selector};

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub(super) struct Raw {
    #[serde(default)]
    pub(super) files: Vec<RawFiles>,
    #[serde(default)]
    pub(super) rules: RawRules,
    #[serde(default)]
    pub(super) limits: LimitSettings,
}

/// `[[files]]`.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a `[[files]]` table"
)]
pub(super) struct RawFiles {
    pub(super) glob: Spanned<Patterns>,
    pub(super) kind: Option<KindName>,
    pub(super) strategy: Option<Parsed<Strategy>>,
    pub(super) access_level: Option<Parsed<AccessLevel>>,
    pub(super) current: Option<Spanned<String>>,
}

/// `[rules]`.
#[derive(Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a `[rules]` table"
)]
pub(super) struct RawRules {
    pub(super) select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) severity: SeverityTable,
    #[serde(default)]
    pub(super) per_file: Vec<RawPerFile>,
}

/// `[[rules.per-file]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a `[[rules.per-file]]` table")]
pub(super) struct RawPerFile {
    pub(super) glob: Spanned<Patterns>,
    pub(super) select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) severity: SeverityTable,
}

/// A glob or a list of globs, relative to the config file's folder, with where each is written
/// (`None`: the value itself, a single string).
pub(super) struct Patterns(pub(super) Vec<(String, Option<Span>)>);

impl<'de> Deserialize<'de> for Patterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Patterns;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a glob or a list of globs")
            }
            fn visit_str<E: de::Error>(self, pattern: &str) -> Result<Patterns, E> {
                Ok(Patterns(vec![(pattern.to_owned(), None)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Patterns, A::Error> {
                let mut patterns = Vec::new();
                while let Some(p) = seq.next_element::<Spanned<String>>()? {
                    let span = p.span();
                    patterns.push((p.into_inner(), Some(span)));
                }
                if patterns.is_empty() {
                    return Err(de::Error::custom("expected at least one glob"));
                }
                Ok(Patterns(patterns))
            }
        }
        d.deserialize_any(OneOrMany)
    }
}

/// A kind id.
pub(super) struct KindName(pub(super) &'static Kind);

impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        find_kind(&id).map(KindName).map_err(de::Error::custom)
    }
}

/// The kind `id`, or an error that suggests the nearest kind or lists them all.
pub(crate) fn find_kind(id: &str) -> Result<&'static Kind, String> {
    idplint::find_kind(id).ok_or_else(|| {
        let ids = idplint::kinds::KINDS.iter().map(|k| k.id);
        match idplint::text::nearest(id, ids.clone()) {
            Some(near) => format!("unknown kind `{id}`; did you mean `{near}`?"),
            None => format!(
                "unknown kind `{id}`; known kinds: {}",
                ids.collect::<Vec<_>>().join(", ")
            ),
        }
    })
}

/// A value the library parses from a string (a strategy, an access level).
pub(super) struct Parsed<T>(pub(super) T);

impl<'de, T: std::str::FromStr<Err = String>> Deserialize<'de> for Parsed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map(Parsed)
            .map_err(de::Error::custom)
    }
}

/// `severity = { RULE = "error" | "warning" | "off" }`.
#[derive(Default)]
pub(super) struct SeverityTable(pub(super) Vec<(Selector, Level)>);

impl<'de> Deserialize<'de> for SeverityTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = SeverityTable;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of rules to `error`, `warning` or `off`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SeverityTable, A::Error> {
                let mut out = Vec::new();
                while let Some(Ignored(selector)) = map.next_key()? {
                    out.push((selector, map.next_value()?));
                }
                Ok(SeverityTable(out))
            }
        }
        d.deserialize_map(Table)
    }
}
