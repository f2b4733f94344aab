//! Embeds the committed lint schemas, `lint-schemas/<id>.json`: checking a file then parses its
//! schema instead of generating it from the payload types, which costs more at start-up
//! (bench/PROFILE.md, part A, `e45dba9`). The `schemas` test writes the files
//! (`UPDATE_SCHEMAS=1`) and fails when one is stale; a unit test fails when one is missing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("lint-schemas");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut table = String::from("&[\n");
    for path in &files {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // Written as Rust string literals, escapes and all.
        let path = path.to_str().expect("the crate's path is UTF-8");
        let _ = writeln!(table, "    ({id:?}, include_str!({path:?})),");
    }
    table.push_str("]\n");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("lint_schemas.rs"), table).expect("write lint_schemas.rs");
}
