//! `idplint check`.

use std::io::{Read, Write};
use std::path::Path;

use idplint::source::Format as Syntax;
use idplint::{Context, FileReport, Options};

use super::tool_error;
use crate::args::{CheckArgs, Format};
use crate::output;
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

/// Files larger than this are reported, not read.
const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let options = match options(args) {
        Ok(o) => o,
        Err(e) => {
            tool_error(&e);
            return EXIT_ERROR;
        }
    };
    let mut failed = false;
    let mut reports: Vec<FileReport> = Vec::new();
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            if let Err(e) = collect(path, &mut files) {
                tool_error(&format!("{}: {e}", path.display()));
                failed = true;
            }
        } else {
            files.push(path.clone());
        }
    }
    for path in &files {
        match read(path, &args.stdin_filename) {
            Ok((name, bytes)) => {
                let syntax = Syntax::from_path(Path::new(&name));
                reports.push(idplint::check_bytes(&name, &bytes, syntax, &options));
            }
            Err(e) => {
                tool_error(&e);
                failed = true;
            }
        }
    }
    reports.sort_by(|a, b| a.source.name.cmp(&b.source.name));
    let text = match args.format {
        Format::Human => output::human::render(&reports),
        Format::Concise => output::concise::render(&reports),
        Format::Json => output::json::render(&reports),
        Format::Sarif => output::sarif::render(&reports),
        Format::Github => output::github::render(&reports),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return EXIT_ERROR;
    }
    let errors = reports
        .iter()
        .any(|r| r.diagnostics.iter().any(idplint::Diagnostic::is_error));
    if failed {
        EXIT_ERROR
    } else if errors {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn options(args: &CheckArgs) -> Result<Options, String> {
    let kind = match &args.kind {
        Some(k) => Some(idplint::find_kind(k).ok_or_else(|| {
            let ids: Vec<&str> = idplint::kinds::KINDS.iter().map(|k| k.id).collect();
            format!("unknown kind `{k}`; known kinds: {}", ids.join(", "))
        })?),
        None => None,
    };
    let mut context = Context {
        strategy: args.strategy.as_deref().map(str::parse).transpose()?,
        access_level: args.access_level.as_deref().map(str::parse).transpose()?,
    };
    if let Some(current) = &args.current {
        let (name, bytes) = read(current, "<stdin>")?;
        let text = idplint::check::decode(&bytes)
            .map_err(|d| format!("--current {name}: {}", d.message))?;
        let parsed = idplint::source::parse(
            text,
            Syntax::from_path(current),
            &idplint::source::Limits::default(),
        );
        let value = parsed.value.ok_or_else(|| {
            let why = parsed.problems.first().map_or("", |p| p.message.as_str());
            format!("--current {name}: not valid JSON or YAML: {why}")
        })?;
        let from_file =
            Context::from_current(&value).map_err(|e| format!("--current {name}: {e}"))?;
        context = context.or(from_file);
    }
    Ok(Options {
        kind,
        context,
        limits: idplint::source::Limits::default(),
    })
}

/// The payload files under a directory (`*.json`, `*.yaml`, `*.yml`), recursively, sorted.
/// Hidden entries are skipped, and so are symbolic links to directories (no loops).
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let mut kind = entry.file_type()?;
        if kind.is_symlink() {
            // Follow links to files; never links to directories (no loops).
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => kind = meta.file_type(),
                _ => continue,
            }
        }
        let payload = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["json", "yaml", "yml"].contains(&e.to_ascii_lowercase().as_str()));
        if kind.is_dir() {
            collect(&path, out)?;
        } else if kind.is_file() && payload {
            out.push(path);
        }
    }
    Ok(())
}

/// Read a file (or standard input for `-`), refusing what is not a regular file or is too large.
fn read(path: &Path, stdin_name: &str) -> Result<(String, Vec<u8>), String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{stdin_name}: cannot read standard input: {e}"))?;
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(format!(
                "{stdin_name}: larger than the limit of {MAX_FILE_SIZE} bytes"
            ));
        }
        return Ok((stdin_name.to_owned(), bytes));
    }
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err(format!("{name}: is a directory"));
    }
    if !meta.is_file() {
        return Err(format!("{name}: not a regular file"));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "{name}: {} bytes, larger than the limit of {MAX_FILE_SIZE} bytes",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    Ok((name, bytes))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
