//! The repository's own payload files, for tests that run over all of them.

use std::path::{Path, PathBuf};

/// Every `.json` file under these folders of the repository, recursively.
pub(crate) fn json_files(folders: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a folder of the repository") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for folder in folders {
        walk(&root.join(folder), &mut out);
    }
    out.sort();
    out
}
