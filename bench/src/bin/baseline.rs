//! `idplint-baseline SCHEMAS CORPUS`: the honest floor that `idplint check` is measured
//! against. It reads every `*.json` file in the folders of a corpus on all cores, parses it with
//! serde_json and validates it with the `jsonschema` crate against `SCHEMAS/<folder>.json`, with
//! formats asserted, as idplint does. Nothing more: no spans, no semantic rules, no messages.
//!
//! It prints the path of each invalid file, then (on stderr) how many there were, and exits
//! with 1 when there was one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Folder {
    validator: jsonschema::Validator,
    files: Vec<PathBuf>,
}

/// The folders of the corpus that have a schema, each with its files, in name order.
fn folders(schemas: &Path, corpus: &Path) -> Result<Vec<Folder>, String> {
    let read = |p: &Path| std::fs::read_dir(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut dirs: Vec<PathBuf> = read(corpus)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let schema_path = schemas.join(format!("{name}.json"));
        let text = std::fs::read_to_string(&schema_path)
            .map_err(|e| format!("{}: {e}", schema_path.display()))?;
        let schema: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", schema_path.display()))?;
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("{}: {e}", schema_path.display()))?;
        let mut files: Vec<PathBuf> = read(&dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        out.push(Folder { validator, files });
    }
    Ok(out)
}

fn is_valid(validator: &jsonschema::Validator, path: &Path) -> bool {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|value| validator.is_valid(&value))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let [schemas, corpus] = argv.as_slice() else {
        eprintln!("usage: idplint-baseline SCHEMAS CORPUS");
        return ExitCode::from(2);
    };
    let folders = match folders(Path::new(schemas), Path::new(corpus)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("idplint-baseline: {e}");
            return ExitCode::from(2);
        }
    };
    let work: Vec<(&jsonschema::Validator, &Path)> = folders
        .iter()
        .flat_map(|f| f.files.iter().map(move |p| (&f.validator, p.as_path())))
        .collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut invalid: Vec<&Path> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut bad = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((validator, path)) = work.get(i) else {
                            break bad;
                        };
                        if !is_valid(validator, path) {
                            bad.push(*path);
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    invalid.sort();
    for path in &invalid {
        println!("{}", path.display());
    }
    eprintln!("{} of {} files invalid", invalid.len(), work.len());
    if invalid.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
