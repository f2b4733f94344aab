//! `idplint.toml`: which kind and context each file has, and which rules run where.
//!
//! Every value is checked while it is read, so that an error points at its line and column.
//! `docs/configuration.md` documents every key. Parsing reads no file of its own: the `current`
//! payloads a config names are read by the loader its caller passes.

mod file;
mod globs;

use std::borrow::Cow;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use idplint::source::Limits;
use idplint::{Context, Kind};
use toml::Spanned;

pub(crate) use file::find_kind;
use file::{Patterns, Raw, SeverityTable};
use globs::Globs;

use crate::limits::LimitSettings;
use crate::selection::{Ignored, RuleSettings, Selector};

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

/// How a config's `current` payloads are read: the path (joined to the config's folder) and the
/// limits of the config file, to the context saved there or why not.
pub(crate) type LoadCurrent<'a> = &'a dyn Fn(&Path, &Limits) -> Result<Context, String>;

impl Config {
    /// Read the config file at `path`, shown as `shown` in errors, and [parse](Config::parse)
    /// it. `cwd` makes relative paths absolute.
    pub(crate) fn load(
        path: &Path,
        shown: &str,
        cwd: &Path,
        load_current: LoadCurrent<'_>,
    ) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let why = crate::input::io_reason(&e);
            ConfigError(format!(
                "{shown}: error: cannot read the config file: {why}"
            ))
        })?;
        let dir = normalise(&cwd.join(path))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Config::parse(&text, shown, dir, load_current)
    }

    /// Check the text of a config file whose folder is `dir` (absolute), shown as `shown` in
    /// errors. The file's `current` payloads are read by `load_current`, in the order of the
    /// file, so that the first error of the file is the one reported.
    pub(crate) fn parse(
        text: &str,
        shown: &str,
        dir: PathBuf,
        load_current: LoadCurrent<'_>,
    ) -> Result<Config, ConfigError> {
        let source = Source { shown, text };
        let raw: Raw = toml::from_str(text).map_err(|e| source.error(e.span(), e.message()))?;
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
                let from_file = load_current(&path, &limits).map_err(|e| {
                    // Name the file as written, not as joined to the config's folder.
                    let e = e.replacen(&path.display().to_string(), current.get_ref(), 1);
                    source.error(Some(current.span()), &format!("`current`: {e}"))
                })?;
                context = context.or(from_file);
            }
            source.add_globs(&mut files_globs, &entry.glob, files.len())?;
            files.push(FileEntry {
                kind: entry.kind.map(|k| k.0),
                context,
            });
        }
        let mut per_file = Vec::new();
        let mut per_file_globs = Globs::default();
        for entry in raw.rules.per_file {
            source.add_globs(&mut per_file_globs, &entry.glob, per_file.len())?;
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
        // (Read as text: `Path::strip_prefix` walks components; bench/PROFILE.md, part E.)
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

    /// Add an entry's globs, each error at the glob's place (or at the entry's single glob).
    fn add_globs(
        &self,
        globs: &mut Globs,
        patterns: &Spanned<Patterns>,
        owner: usize,
    ) -> Result<(), ConfigError> {
        for (pattern, span) in &patterns.get_ref().0 {
            globs.add(pattern, owner).map_err(|e| {
                let span = span.clone().unwrap_or_else(|| patterns.span());
                self.error(Some(span), &e)
            })?;
        }
        Ok(())
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

#[cfg(test)]
mod tests;
