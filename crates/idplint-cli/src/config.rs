//! `idplint.toml`: which kind and context each file has, and which rules run where.
//!
//! Every value is checked while it is read, so that an error points at its line and column.
//! The README documents every key.

use std::borrow::Cow;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSetBuilder};
use idplint::source::Limits;
use idplint::{AccessLevel, Context, Kind, Strategy};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use crate::limits::LimitSettings;
use crate::selection::{Ignored, Level, RuleSettings, Selector};

/// A byte range in the config file.
type Span = std::ops::Range<usize>;

/// The name of the config file.
pub(crate) const FILE_NAME: &str = "idplint.toml";

/// A loaded config file.
#[derive(Debug)]
pub(crate) struct Config {
    /// Its folder, absolute: globs are relative to it.
    dir: PathBuf,
    /// `[[files]]`, and their globs.
    files: Vec<FileEntry>,
    files_globs: Globs,
    /// `[rules]`.
    pub rules: RuleSettings,
    /// `[limits]`.
    pub limits: LimitSettings,
    /// `[[rules.per-file]]`, and their globs.
    per_file: Vec<RuleSettings>,
    per_file_globs: Globs,
}

/// What a `[[files]]` entry says about the files it matches.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileEntry {
    /// Their kind.
    pub kind: Option<&'static Kind>,
    /// The context of update bodies.
    pub context: Context,
}

/// A config error, already worded as `path:line:col: error: message` with the offending line.
#[derive(Debug)]
pub(crate) struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `idplint.toml` in `dir` or the nearest folder above it.
pub(crate) fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

impl Config {
    /// Read and check the config file at `path`, shown as `shown` in errors. `cwd` makes
    /// relative paths absolute.
    pub(crate) fn load(path: &Path, shown: &str, cwd: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let why = crate::input::io_reason(&e);
            ConfigError(format!(
                "{shown}: error: cannot read the config file: {why}"
            ))
        })?;
        let source = Source { shown, text: &text };
        let raw: Raw = toml::from_str(&text).map_err(|e| source.error(e.span(), e.message()))?;
        let dir = normalise(&cwd.join(path))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut files = Vec::new();
        let mut files_globs = Globs::default();
        for entry in raw.files {
            let mut context = Context {
                strategy: entry.strategy.map(|s| s.0),
                access_level: entry.access_level.map(|l| l.0),
            };
            if let Some(current) = entry.current {
                let path = dir.join(current.get_ref());
                let limits = raw.limits.apply(Limits::default());
                let from_file = crate::input::load_current(&path, &limits).map_err(|e| {
                    // Name the file as written, not as joined to the config's folder.
                    let e = e.replacen(&path.display().to_string(), current.get_ref(), 1);
                    source.error(Some(current.span()), &format!("`current`: {e}"))
                })?;
                context = context.or(from_file);
            }
            files_globs.add(&source, &entry.glob, files.len())?;
            files.push(FileEntry {
                kind: entry.kind.map(|k| k.0),
                context,
            });
        }
        let mut per_file = Vec::new();
        let mut per_file_globs = Globs::default();
        for entry in raw.rules.per_file {
            per_file_globs.add(&source, &entry.glob, per_file.len())?;
            per_file.push(source.settings(
                entry.select.as_deref(),
                &entry.ignore,
                entry.severity,
            )?);
        }
        let rules = source.settings(
            raw.rules.select.as_deref(),
            &raw.rules.ignore,
            raw.rules.severity,
        )?;
        Ok(Config {
            dir,
            files,
            files_globs,
            rules,
            limits: raw.limits,
            per_file,
            per_file_globs,
        })
    }

    /// `path` (relative to `cwd`, or absolute) relative to the config file's folder, when it is
    /// inside it.
    pub(crate) fn relative<'p>(&self, cwd: &Path, path: &'p Path) -> Option<Cow<'p, Path>> {
        // The usual case, a plain relative path found from the config's folder (`./a/b.json`),
        // is the path itself without its `./`.
        // (Read as text: `Path::strip_prefix` walks components, 850 instructions a file.)
        if cfg!(unix)
            && cwd == self.dir
            && let Some(text) = path.to_str()
        {
            let plain = text.strip_prefix("./").unwrap_or(text);
            if !plain.starts_with('/') && plain.split('/').all(|n| !matches!(n, "" | "." | "..")) {
                return Some(Cow::Borrowed(Path::new(plain)));
            }
        }
        normalise(&cwd.join(path))
            .strip_prefix(&self.dir)
            .ok()
            .map(|p| Cow::Owned(p.to_path_buf()))
    }

    /// The first `[[files]]` entry that matches a path relative to the config's folder.
    pub(crate) fn file_entry(&self, relative: &Path) -> Option<&FileEntry> {
        let first = self.files_globs.matching(relative).next()?;
        self.files.get(first)
    }

    /// Every `[[rules.per-file]]` entry that matches a path relative to the config's folder,
    /// in the order of the file.
    pub(crate) fn per_file(&self, relative: &Path) -> Vec<&RuleSettings> {
        if self.per_file.is_empty() {
            return Vec::new();
        }
        let mut owners: Vec<usize> = self.per_file_globs.matching(relative).collect();
        owners.dedup();
        owners.into_iter().map(|o| &self.per_file[o]).collect()
    }
}

/// The text of the config file, for errors.
struct Source<'a> {
    shown: &'a str,
    text: &'a str,
}

impl Source<'_> {
    /// An error at `span` (or at no place).
    fn error(&self, span: Option<Span>, message: &str) -> ConfigError {
        ConfigError(located(self.shown, self.text, span, message))
    }

    /// The rule settings of `[rules]` or of a `[[rules.per-file]]` entry.
    fn settings(
        &self,
        select: Option<&[Spanned<String>]>,
        ignore: &[Spanned<String>],
        severity: SeverityTable,
    ) -> Result<RuleSettings, ConfigError> {
        let selector = |s: &Spanned<String>| {
            s.get_ref()
                .parse::<Selector>()
                .map_err(|e| self.error(Some(s.span()), &e))
        };
        let select = match select {
            Some(list) => Some(list.iter().map(selector).collect::<Result<_, _>>()?),
            None => None,
        };
        let ignore = ignore
            .iter()
            .map(|s| {
                let adjustable = selector(s)?.adjustable();
                adjustable
                    .map(Ignored)
                    .map_err(|e| self.error(Some(s.span()), &e))
            })
            .collect::<Result<_, _>>()?;
        Ok(RuleSettings {
            select,
            ignore,
            severity: severity.0,
        })
    }
}

/// The globs of several entries, in the order of the file. A glob of literal names and `*`
/// (`auth0/updates/*.json`) is matched here, segment by segment; any other glob by globset's
/// regex, compiled the first time a path could match it. A run over a few files then compiles
/// few regexes, or none.
#[derive(Debug, Default)]
struct Globs(Vec<LazyGlob>);

#[derive(Debug)]
struct LazyGlob {
    matcher: Matcher,
    /// The whole folders at the start of the pattern (`a/b` of `a/b/*.json`): a path that does
    /// not start with them cannot match.
    folders: Box<[u8]>,
    /// The entry it belongs to.
    owner: usize,
}

#[derive(Debug)]
enum Matcher {
    /// Segments of literal bytes and `*`, which matches any bytes but `/` (as in globset with
    /// `literal_separator`).
    Simple(Box<[u8]>),
    /// Anything else.
    Regex(Glob, OnceLock<GlobMatcher>),
}

impl Globs {
    fn add(
        &mut self,
        source: &Source<'_>,
        patterns: &Spanned<Patterns>,
        owner: usize,
    ) -> Result<(), ConfigError> {
        for (pattern, span) in &patterns.get_ref().0 {
            let span = span.clone().unwrap_or_else(|| patterns.span());
            let relative = relative_pattern(pattern);
            let matcher = if cfg!(unix) && is_simple(relative) {
                Matcher::Simple(relative.as_bytes().into())
            } else {
                let glob = glob(pattern).map_err(|e| source.error(Some(span.clone()), &e))?;
                let matcher = OnceLock::new();
                // A regex too large to compile is a config error now, not a failure halfway
                // through a run; short patterns cannot reach the limit.
                if glob.regex().len() > EAGER_GLOB {
                    GlobSetBuilder::new()
                        .add(glob.clone())
                        .build()
                        .map_err(|e| source.error(Some(span), &e.to_string()))?;
                    let _ = matcher.set(glob.compile_matcher());
                }
                Matcher::Regex(glob, matcher)
            };
            self.0.push(LazyGlob {
                matcher,
                folders: literal_folders(relative).as_bytes().into(),
                owner,
            });
        }
        Ok(())
    }

    /// The entries with a glob that matches `path`, in the order of the file (an entry with two
    /// matching globs appears twice, one after the other).
    fn matching<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = usize> + 'a {
        self.0
            .iter()
            .filter(move |g| may_match(&g.folders, path))
            .filter(move |g| match &g.matcher {
                Matcher::Simple(pattern) => {
                    simple_match(pattern, path.as_os_str().as_encoded_bytes())
                }
                Matcher::Regex(glob, matcher) => matcher
                    .get_or_init(|| glob.compile_matcher())
                    .is_match(path),
            })
            .map(|g| g.owner)
    }
}

/// Whether a glob is only literal names and `*` (never two together), with no empty name.
fn is_simple(pattern: &str) -> bool {
    !pattern.is_empty()
        && !pattern.contains("**")
        && !pattern.contains(['?', '[', ']', '{', '}', '\\'])
        && pattern.split('/').all(|name| !name.is_empty())
}

/// Whether `path` (bytes, `/`-separated) matches a simple glob: as many names, each matching.
fn simple_match(pattern: &[u8], path: &[u8]) -> bool {
    let mut names = path.split(|b| *b == b'/');
    pattern
        .split(|b| *b == b'/')
        .all(|p| names.next().is_some_and(|name| wildcard(p, name)))
        && names.next().is_none()
}

/// Whether `name` matches `pattern`, in which `*` matches any bytes (the usual backtracking to
/// the last `*`).
fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if pattern.get(p) == Some(&b'*') {
            star = Some((p, n));
            p += 1;
        } else if pattern.get(p) == Some(&name[n]) {
            p += 1;
            n += 1;
        } else if let Some((sp, sn)) = star {
            p = sp + 1;
            n = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|b| *b == b'*')
}

/// Regexes of globs longer than this are compiled when the config file is read.
const EAGER_GLOB: usize = 2_000;

/// The literal folders a glob (as [`relative_pattern`] gives it) starts with: `a/b` of `a/b/*.json`
/// and of `a/b/c.json`, nothing of `*.json` or `a*/b.json`. Every path it matches starts with them.
fn literal_folders(pattern: &str) -> &str {
    let literal = pattern
        .find(['*', '?', '[', '{', '\\'])
        .map_or(pattern, |meta| &pattern[..meta]);
    literal.rfind('/').map_or("", |slash| &literal[..slash])
}

/// Whether `path` starts with `folders` (then a `/`, or nothing more); always true where paths
/// are not `/`-separated bytes.
fn may_match(folders: &[u8], path: &Path) -> bool {
    #[cfg(unix)]
    {
        let path = path.as_os_str().as_encoded_bytes();
        folders.is_empty()
            || path
                .strip_prefix(folders)
                .is_some_and(|rest| rest.is_empty() || rest[0] == b'/')
    }
    #[cfg(not(unix))]
    {
        let _ = (folders, path);
        true
    }
}

/// `path:line:col: error: message`, then the line and a caret under the span.
fn located(shown: &str, text: &str, span: Option<Span>, message: &str) -> String {
    let Some(span) = span else {
        return format!("{shown}: error: {message}");
    };
    let start = span.start.min(text.len());
    let before = text.get(..start).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    let line_text = text[line_start..].lines().next().unwrap_or_default();
    let width = text
        .get(start..span.end.clamp(start, line_start + line_text.len()))
        .map_or(1, |s| s.chars().count().max(1));
    let gutter = " ".repeat(line.to_string().len());
    format!(
        "{shown}:{line}:{column}: error: {}\n{gutter} |\n{line} | {line_text}\n{gutter} | {}{}",
        message.trim_end(),
        " ".repeat(column - 1),
        "^".repeat(width)
    )
}

/// A path with `.` and `..` resolved by their names (no file system access).
pub(crate) fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table")]
struct Raw {
    #[serde(default)]
    files: Vec<RawFiles>,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    limits: LimitSettings,
}

/// `[[files]]`.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a `[[files]]` table"
)]
struct RawFiles {
    glob: Spanned<Patterns>,
    kind: Option<KindName>,
    strategy: Option<Parsed<Strategy>>,
    access_level: Option<Parsed<AccessLevel>>,
    current: Option<Spanned<String>>,
}

/// `[rules]`.
#[derive(Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "a `[rules]` table"
)]
struct RawRules {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: SeverityTable,
    #[serde(default)]
    per_file: Vec<RawPerFile>,
}

/// `[[rules.per-file]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a `[[rules.per-file]]` table")]
struct RawPerFile {
    glob: Spanned<Patterns>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: SeverityTable,
}

/// A glob or a list of globs, relative to the config file's folder, with where each is written
/// (`None`: the value itself, a single string).
struct Patterns(Vec<(String, Option<Span>)>);

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

/// A glob relative to the config file's folder: `*` stays within a folder, `**` crosses them.
/// A pattern without its leading `./` or `/`: globs are relative to the config's folder.
fn relative_pattern(pattern: &str) -> &str {
    pattern
        .strip_prefix("./")
        .or_else(|| pattern.strip_prefix('/'))
        .unwrap_or(pattern)
}

fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(relative_pattern(pattern))
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

/// A kind id.
struct KindName(&'static Kind);

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
struct Parsed<T>(T);

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
struct SeverityTable(Vec<(Selector, Level)>);

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

#[cfg(test)]
mod tests;
