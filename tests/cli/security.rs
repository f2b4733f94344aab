//! The security promise "no network" (`docs/security.md`): no code of the project opens a socket, and no
//! crate that could (an HTTP client, an async runtime, TLS) is in the build. jsonschema's remote
//! `$ref` resolution is a default feature, turned off in the workspace manifest.

use std::path::Path;

use super::root;

/// Crates that speak to the network, or exist to.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "attohttpc",
    "surf",
    "h2",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "rustls",
    "native-tls",
    "openssl",
];

#[test]
fn no_network_crate_is_in_the_lock_file() {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"'))
        .collect();
    assert!(names.contains(&"jsonschema"), "the lock file is read");
    for name in NETWORK_CRATES {
        assert!(!names.contains(name), "`{name}` is in Cargo.lock");
    }
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let jsonschema = manifest
        .lines()
        .find(|l| l.starts_with("jsonschema = {"))
        .expect("jsonschema in the workspace manifest");
    assert!(
        jsonschema.contains("default-features = false") && !jsonschema.contains("resolve-"),
        "jsonschema without its default features (remote references): {jsonschema}"
    );
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_uses_sockets() {
    let mut files = Vec::new();
    sources(&root().join("crates"), &mut files);
    sources(&root().join("src"), &mut files);
    assert!(files.len() > 30, "only {} sources", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for needle in ["std::net", "TcpStream", "UdpSocket", "TcpListener"] {
            assert!(!text.contains(needle), "{} uses `{needle}`", file.display());
        }
    }
}
