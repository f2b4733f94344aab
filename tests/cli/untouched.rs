//! idplint never writes to a payload file: a run over the whole testdata tree, in every output
//! format, leaves every file's bytes and modification time as they were, and adds no file.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{idplint, root};

/// Length, content hash and modification time of every file under `dir`.
fn state(dir: &Path) -> BTreeMap<PathBuf, (usize, u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                let bytes = std::fs::read(&path).expect("read");
                let mut h = DefaultHasher::new();
                bytes.hash(&mut h);
                let modified = meta.modified().expect("mtime");
                out.insert(path, (bytes.len(), h.finish(), modified));
            }
        }
    }
    out
}

#[test]
fn a_run_over_testdata_changes_no_file() {
    let testdata = root().join("testdata");
    let before = state(&testdata);
    assert!(before.len() > 150, "only {} files", before.len());
    for format in ["human", "concise", "json", "sarif", "github"] {
        let o = idplint(&["check", "testdata", "--format", format], None);
        assert_eq!(
            super::code(&o),
            1,
            "{format}: the invalid payloads are found"
        );
    }
    let after = state(&testdata);
    assert_eq!(before.len(), after.len(), "no file is added or removed");
    for (path, was) in &before {
        assert_eq!(after.get(path), Some(was), "{} changed", path.display());
    }
}
