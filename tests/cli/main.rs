//! The `idplint` binary, end to end: one module per command. Temporary paths never reach a
//! snapshot: every command runs in the repository root with relative paths.

#![allow(clippy::missing_panics_doc)] // test helpers panic on purpose

mod check;
mod config;
mod discovery;
mod docs;
mod formats;
mod hostile;
mod lookalikes;
mod other;
mod secrets;
mod security;
mod selection;
mod untouched;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Run `idplint` with `args` in the repository root, with `stdin` as standard input.
pub fn idplint(args: &[&str], stdin: Option<&[u8]>) -> Output {
    idplint_in(root(), args, stdin)
}

/// Run `idplint` with `args` in `dir`, with `stdin` as standard input.
pub fn idplint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_idplint"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run idplint");
    if let Some(bytes) = stdin {
        use std::io::Write;
        // idplint may exit (a usage error) before it reads standard input.
        let _ = child.stdin.take().expect("stdin").write_all(bytes);
    }
    child.wait_with_output().expect("wait for idplint")
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// A temporary folder, removed when dropped. Commands run inside it with relative paths, so
/// that its name never reaches a snapshot.
pub struct Temp(PathBuf);

impl Temp {
    /// A new, empty folder, unique to this test process and `name`.
    pub fn new(name: &str) -> Temp {
        let dir = std::env::temp_dir().join(format!("idplint-cli-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        Temp(dir)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Write a file (and its folders) at a relative path.
    pub fn write(&self, relative: &str, contents: &str) -> &Temp {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, contents).expect("write a file");
        self
    }

    /// Run `idplint` in the folder `cwd` (relative to this one).
    pub fn run(&self, cwd: &str, args: &[&str]) -> Output {
        idplint_in(&self.0.join(cwd), args, None)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The `files` of a `--format json` document.
pub fn json_files(o: &Output) -> Vec<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_str(&stdout(o)).expect("one JSON document");
    doc["files"].as_array().expect("files").clone()
}

/// The paths of the files in a `--format json` document, in order.
pub fn json_paths(o: &Output) -> Vec<String> {
    let files = json_files(o);
    files
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_owned())
        .collect()
}

/// The rule names of every finding in a `--format json` document.
pub fn json_rules(o: &Output) -> Vec<String> {
    json_files(o)
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics").iter())
        .map(|d| d["rule"].as_str().expect("rule").to_owned())
        .collect()
}
