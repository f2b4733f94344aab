//! `idplint schema`.

use std::path::Path;

use super::tool_error;
use crate::args::SchemaArgs;
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

pub(crate) fn run(args: &SchemaArgs) -> u8 {
    if let Some(dir) = &args.out_dir {
        return write_all(dir, args.check);
    }
    let Some(id) = &args.kind else {
        tool_error("name a kind (see `idplint kinds`), or use `--out-dir DIR` for every schema");
        return EXIT_ERROR;
    };
    if let Some(def) = idplint::kinds::all_schemas().find(|s| s.id == id) {
        print!("{}", idplint::schema::to_file_text(def.published()));
        return EXIT_OK;
    }
    let ids: Vec<&str> = idplint::kinds::all_schemas().map(|s| s.id).collect();
    tool_error(&format!("unknown schema `{id}`; known: {}", ids.join(", ")));
    EXIT_ERROR
}

fn write_all(dir: &Path, check: bool) -> u8 {
    let mut stale = Vec::new();
    for def in idplint::kinds::all_schemas() {
        let path = dir.join(format!("{}.json", def.id));
        let text = idplint::schema::to_file_text(def.published());
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
            continue;
        }
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| write_atomic(&path, &text)) {
            tool_error(&format!("{}: {e}", path.display()));
            return EXIT_ERROR;
        }
        println!("wrote {}", path.display());
    }
    if stale.is_empty() {
        EXIT_OK
    } else {
        for s in &stale {
            println!("stale: {s}");
        }
        println!("run `idplint schema --out-dir {}` to update", dir.display());
        EXIT_FINDINGS
    }
}

/// Write through a temporary file and a rename, so a reader never sees half a file.
fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
