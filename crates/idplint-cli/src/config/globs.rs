//! The globs of `[[files]]` and `[[rules.per-file]]`: which entries match a path.

use std::path::Path;
use std::sync::OnceLock;

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSetBuilder};

/// The globs of several entries, in the order of the file. A glob of literal names and `*`
/// (`auth0/updates/*.json`) is matched here, segment by segment; any other glob by globset's
/// regex, compiled the first time a path could match it. A run over a few files then compiles
/// few regexes, or none.
#[derive(Debug, Default)]
pub(super) struct Globs(Vec<LazyGlob>);

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
    /// Add a glob of the entry `owner`; the error says why the glob is not one.
    pub(super) fn add(&mut self, pattern: &str, owner: usize) -> Result<(), String> {
        let relative = relative_pattern(pattern);
        let matcher = if cfg!(unix) && is_simple(relative) {
            Matcher::Simple(relative.as_bytes().into())
        } else {
            let glob = glob(pattern)?;
            let matcher = OnceLock::new();
            // A regex too large to compile is a config error now, not a failure halfway
            // through a run; short patterns cannot reach the limit.
            if glob.regex().len() > EAGER_GLOB {
                GlobSetBuilder::new()
                    .add(glob.clone())
                    .build()
                    .map_err(|e| e.to_string())?;
                let _ = matcher.set(glob.compile_matcher());
            }
            Matcher::Regex(glob, matcher)
        };
        self.0.push(LazyGlob {
            matcher,
            folders: literal_folders(relative).as_bytes().into(),
            owner,
        });
        Ok(())
    }

    /// The entries with a glob that matches `path`, in the order of the file (an entry with two
    /// matching globs appears twice, one after the other).
    pub(super) fn matching<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = usize> + 'a {
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
pub(super) fn is_simple(pattern: &str) -> bool {
    !pattern.is_empty()
        && !pattern.contains("**")
        && !pattern.contains(['?', '[', ']', '{', '}', '\\'])
        && pattern.split('/').all(|name| !name.is_empty())
}

/// Whether `path` (bytes, `/`-separated) matches a simple glob: as many names, each matching.
pub(super) fn simple_match(pattern: &[u8], path: &[u8]) -> bool {
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

/// A pattern without its leading `./` or `/`: globs are relative to the config's folder.
fn relative_pattern(pattern: &str) -> &str {
    pattern
        .strip_prefix("./")
        .or_else(|| pattern.strip_prefix('/'))
        .unwrap_or(pattern)
}

/// A glob relative to the config file's folder: `*` stays within a folder, `**` crosses them.
pub(super) fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(relative_pattern(pattern))
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_is_tried_only_on_paths_under_its_literal_folders() {
        for (pattern, folders) in [
            ("auth0/updates/*.json", "auth0/updates"),
            ("auth0/updates/one.json", "auth0/updates"),
            ("a/**", "a"),
            ("a/b*/c.json", "a"),
            ("a/{b,c}/d.json", "a"),
            ("a\\*/b.json", ""),
            ("*.json", ""),
            ("**/x.json", ""),
            ("one.json", ""),
        ] {
            assert_eq!(literal_folders(pattern), folders, "{pattern}");
        }
        assert!(may_match(b"a/b", Path::new("a/b/c.json")));
        assert!(may_match(b"a/b", Path::new("a/b")));
        assert!(!may_match(b"a/b", Path::new("a/bc/d.json")));
        assert!(!may_match(b"a/b", Path::new("x/a/b/c.json")));
        assert!(may_match(b"", Path::new("anything.json")));
    }

    #[test]
    fn simple_globs_match_as_globset_does() {
        let patterns = [
            "auth0/updates/*.json",
            "*.json",
            "*",
            "a/*",
            "a/*/c.json",
            "a*b*c.json",
            "*.y*ml",
            "a/b.json",
            "x*",
            "*x*y*",
            "a.*.json",
            "**/x.json",
            "a/[bc].json",
        ];
        let paths = [
            "auth0/updates/one.json",
            "auth0/updates/.json",
            "auth0/updates/deep/one.json",
            "auth0/one.json",
            "one.json",
            ".hidden.json",
            "a/b",
            "a/b/c.json",
            "a/b/d/c.json",
            "abc.json",
            "aXbYc.json",
            "acb.json",
            "a.yaml",
            "a.yml",
            "a.b.json",
            "x/y",
            "xy",
            "axbyc",
            "a/b.json",
            "a/c.json",
            "x.json",
        ];
        for pattern in patterns {
            let regex = glob(pattern).unwrap().compile_matcher();
            for path in paths {
                if is_simple(pattern) {
                    assert_eq!(
                        simple_match(pattern.as_bytes(), path.as_bytes()),
                        regex.is_match(path),
                        "{pattern} on {path}"
                    );
                }
            }
        }
        assert!(!is_simple("**/x.json") && !is_simple("a/[bc].json") && !is_simple("a//b"));
        assert!(is_simple("auth0/updates/*.json") && is_simple("a*b*c.json"));
    }
}
