//! Secrets never leak: every testdata file that holds a literal secret, found by walking
//! testdata with the library's own list of secret fields (`idplint::secrets`), is checked in
//! every output format, and no part of any secret appears in standard output or standard
//! error. This covers one-line minified files (where the snippet is the whole file), files
//! with syntax errors, undecodable files (UTF-16, Latin-1) and YAML.

use std::path::{Path, PathBuf};

use idplint::render::SourceView;
use idplint::secrets::{is_reference, is_secret_pointer, lexical_secret_spans};
use idplint::source::{Format, Limits, SpanIndex};
use serde_json::Value;

use super::{code, idplint, root};

const FORMATS: [&str; 5] = ["human", "concise", "json", "sarif", "github"];

/// Every file under `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The string values under secret keys of a parsed value.
fn secret_values(value: &Value, pointer: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                let mut p = pointer.to_owned();
                idplint::source::push_token(&mut p, k);
                secret_values(v, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                secret_values(v, &format!("{pointer}/{i}"), out);
            }
        }
        Value::String(s) if is_secret_pointer(pointer) => out.push(s.clone()),
        _ => {}
    }
}

/// The literal secrets of a file: the values of secret fields when it parses, and what the
/// lexical scan finds either way (the only way into a file with a syntax error). The text is
/// the one idplint shows (UTF-16 decoded, invalid UTF-8 replaced). Also the text with every
/// secret masked, which may be shown.
fn secrets_of(path: &Path) -> (Vec<String>, String) {
    let bytes = std::fs::read(path).expect("read testdata");
    let format = Format::from_path(path);
    let report = idplint::check_bytes("t", &bytes, format, &idplint::Options::default());
    // A UTF-16 file is searched as the text it holds, decoded here, whatever idplint shows.
    let utf16 = |big: bool| {
        let units = bytes.get(2..).unwrap_or_default().chunks_exact(2);
        let units = units.map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        String::from_utf16_lossy(&units.collect::<Vec<_>>())
    };
    let text = match bytes.get(..2) {
        Some(b"\xFF\xFE") => utf16(false),
        Some(b"\xFE\xFF") => utf16(true),
        _ => report.source.text.to_string(),
    };
    let text = &text;
    let mut found = Vec::new();
    let mut index = None;
    if let Some(value) = idplint::source::parse(text, format, &Limits::default()).value {
        secret_values(&value, "", &mut found);
        index = Some(SpanIndex::build(text, format, &Limits::default()));
    }
    let masked = SourceView::new("t", text, index.as_ref()).text().to_owned();
    for span in lexical_secret_spans(text) {
        // A block scalar spans lines: each line is searched for on its own.
        let lines = text[span]
            .lines()
            .map(|l| l.trim().trim_matches(['"', '\'', '|', '>']));
        found.extend(lines.map(str::to_owned));
    }
    found.retain(|s| !s.trim().is_empty() && !is_reference(s));
    found.sort();
    found.dedup();
    (found, masked)
}

/// `--kind`, `--strategy` and `--access-level` from the file name's `@` tokens.
fn context_args(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.rsplit_once('.').map_or(&*name, |(s, _)| s);
    let mut args = Vec::new();
    for token in stem.split('@').skip(1) {
        if let Some((key, value)) = token.split_once('=') {
            let flag = match key {
                "kind" => "--kind",
                "strategy" => "--strategy",
                "access" => "--access-level",
                _ => continue,
            };
            args.extend([flag.to_owned(), value.to_owned()]);
        }
    }
    args
}

#[test]
fn no_format_shows_any_secret_of_any_testdata_file() {
    let testdata = root().join("testdata");
    let mut checked = Vec::new();
    for path in files(&testdata) {
        let (secrets, masked) = secrets_of(&path);
        if secrets.is_empty() {
            continue;
        }
        let relative = path.strip_prefix(root()).expect("in the repository");
        let relative = relative.to_str().expect("a UTF-8 path").to_owned();
        for (i, secret) in secrets.iter().enumerate() {
            // A secret short enough to occur by chance elsewhere cannot be searched for.
            assert!(
                secret.chars().count() >= 8,
                "{relative}: a literal secret shorter than 8 characters; make it longer"
            );
            assert!(
                !masked.contains(secret.as_str()),
                "{relative}: secret #{i} is not masked"
            );
        }
        let mut args = vec!["check".to_owned(), relative.clone()];
        args.extend(context_args(&path));
        for format in FORMATS {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.extend(["--format", format]);
            let o = idplint(&args, None);
            assert!(
                code(&o) <= 1,
                "{relative} --format {format}: exit {}",
                code(&o)
            );
            // NUL bytes would hide a secret written as UTF-16 from a plain search.
            let printed = [o.stdout, o.stderr].concat();
            let printed = String::from_utf8_lossy(&printed).replace('\0', "");
            for (i, secret) in secrets.iter().enumerate() {
                // Not even a part of it. A failure names the secret by its number, never by
                // its value.
                let chars: Vec<char> = secret.chars().collect();
                for part in chars.windows(12.min(chars.len())) {
                    let part: String = part.iter().collect();
                    // A part that the file shows elsewhere, outside any secret, may be printed.
                    assert!(
                        !printed.contains(&part) || masked.contains(&part),
                        "{relative} --format {format} prints a part of secret #{i}"
                    );
                }
            }
        }
        checked.push(relative);
    }
    // The walk finds what it must: the cases that are easiest to get wrong are among them.
    for needle in [
        "invalid/plaintext-secret/minified@",
        "invalid/plaintext-secret/genauth-minified.json",
        "invalid/plaintext-secret/genauth-saml-sp-key.yaml",
        "invalid/invalid-syntax/secret-minified-trailing-comma@",
        "invalid/invalid-syntax/secret-bad-indentation@",
        "invalid/invalid-syntax/secret-utf16@",
        "invalid/invalid-syntax/secret-latin1@",
    ] {
        assert!(
            checked.iter().any(|c| c.contains(needle)),
            "{needle} is not among the files with a secret: {checked:#?}"
        );
    }
    assert!(
        checked.len() >= 12,
        "only {} files hold a secret",
        checked.len()
    );
}
