//! The testdata corpus, shared by the test binaries of this crate.
//!
//! `testdata/valid/<kind>/*`: payloads with no error, whose kind is detected from their content.
//! `testdata/invalid/<rule-name>/*`: payloads with at least one finding of that rule. A file name
//! may carry `@kind=K`, `@strategy=S` and `@access=L` tokens: the kind (a payload that detection
//! cannot tell, or one outside `valid/`) and the context of an update body.

#![allow(dead_code, clippy::missing_panics_doc)]

use std::path::{Path, PathBuf};

use idplint::source::Format;
use idplint::{Context, FileReport, Kind, Options};

/// The repository's `testdata` folder.
pub fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// One payload file of the corpus.
pub struct Case {
    /// The path relative to `testdata/`, with `/` separators.
    pub name: String,
    /// The absolute path.
    pub path: PathBuf,
    /// `valid` or `invalid`.
    pub group: String,
    /// The folder: a kind (valid) or a rule name (invalid).
    pub folder: String,
    /// What to check it as.
    pub options: Options,
}

impl Case {
    /// Run idplint on it.
    pub fn check(&self) -> FileReport {
        let bytes = std::fs::read(&self.path).expect("read testdata");
        idplint::check_bytes(
            &self.name,
            &bytes,
            Format::from_path(&self.path),
            &self.options,
        )
    }
}

fn token<'a>(stem: &'a str, key: &str) -> Option<&'a str> {
    stem.split('@')
        .skip(1)
        .find_map(|t| t.strip_prefix(key)?.strip_prefix('='))
}

/// Every file of the corpus, sorted by name.
pub fn cases() -> Vec<Case> {
    let root = testdata();
    let mut out = Vec::new();
    for group in ["valid", "invalid"] {
        let Ok(folders) = std::fs::read_dir(root.join(group)) else {
            continue;
        };
        for folder in folders.flatten() {
            let folder_name = folder.file_name().to_string_lossy().into_owned();
            for file in std::fs::read_dir(folder.path())
                .expect("read folder")
                .flatten()
            {
                let path = file.path();
                let file_name = file.file_name().to_string_lossy().into_owned();
                if !path.is_file() || file_name.starts_with('.') {
                    continue;
                }
                let stem = file_name
                    .rsplit_once('.')
                    .map_or(file_name.as_str(), |(s, _)| s);
                // A valid payload's kind is detected, unless the file name gives it.
                let kind: Option<&'static Kind> = token(stem, "kind").map(|k| {
                    idplint::find_kind(k)
                        .unwrap_or_else(|| panic!("{file_name}: unknown kind `{k}`"))
                });
                let context = Context {
                    strategy: token(stem, "strategy").map(|s| s.parse().expect("strategy token")),
                    access_level: token(stem, "access").map(|s| s.parse().expect("access token")),
                };
                out.push(Case {
                    name: format!("{group}/{folder_name}/{file_name}"),
                    path,
                    group: group.to_owned(),
                    folder: folder_name.clone(),
                    options: Options {
                        kind,
                        context,
                        ..Options::default()
                    },
                });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
