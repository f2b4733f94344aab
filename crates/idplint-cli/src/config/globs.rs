//! The globs of `[[files]]` and `[[rules.per-file]]`: which entries match a path.

use std::path::Path;
use std::sync::OnceLock;

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSetBuilder};

/// The globs of several entries, in the order of the file, each matched by globset, its regex
/// compiled the first time a path could match it. A run over a few files then compiles few
/// regexes, or none.
#[derive(Debug, Default)]
pub(super) struct Globs(Vec<LazyGlob>);

#[derive(Debug)]
struct LazyGlob {
    glob: Glob,
    matcher: OnceLock<GlobMatcher>,
    /// The whole folders at the start of the pattern (`a/b` of `a/b/*.json`): a path that does
    /// not start with them cannot match.
    folders: Box<[u8]>,
    /// The entry it belongs to.
    owner: usize,
}

impl Globs {
    /// Add a glob of the entry `owner`; the error says why the glob is not one.
    pub(super) fn add(&mut self, pattern: &str, owner: usize) -> Result<(), String> {
        let glob = glob(pattern)?;
        let matcher = OnceLock::new();
        // A regex too large to compile is a config error now, not a failure halfway through a
        // run; short patterns cannot reach the limit.
        if glob.regex().len() > EAGER_GLOB {
            GlobSetBuilder::new()
                .add(glob.clone())
                .build()
                .map_err(|e| e.to_string())?;
            let _ = matcher.set(glob.compile_matcher());
        }
        self.0.push(LazyGlob {
            glob,
            matcher,
            folders: literal_folders(relative_pattern(pattern)).as_bytes().into(),
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
            .filter(move |g| {
                g.matcher
                    .get_or_init(|| g.glob.compile_matcher())
                    .is_match(path)
            })
            .map(|g| g.owner)
    }
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
fn glob(pattern: &str) -> Result<Glob, String> {
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
}
