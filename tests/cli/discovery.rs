//! `idplint check` on directories: what is searched, what is skipped, and in what order the
//! files are reported.

use super::{Temp, code, json_paths, stderr, stdout};

/// An update body with no finding.
pub const GOOD: &str = "{\"is_enabled\": true}\n";
/// An update body with one error (`wrong-type`).
pub const BAD: &str = "{\"is_enabled\": \"yes\"}\n";

#[test]
fn gitignore_and_ignore_files_are_honoured_outside_a_git_repository() {
    let t = Temp::new("gitignore");
    t.write(".gitignore", "ignored/\n*.skip.json\n")
        .write(".ignore", "local.yaml\n")
        .write("sub/.gitignore", "generated.json\n")
        .write("a.json", GOOD)
        .write("sub/b.yaml", "is_enabled: true\n")
        .write("sub/generated.json", BAD)
        .write("ignored/bad.json", BAD)
        .write("sub/c.skip.json", BAD)
        .write("local.yaml", "is_enabled: 1\n")
        .write(".hidden/bad.json", BAD)
        .write("notes.txt", "not a payload");
    let o = t.run(".", &["check", ".", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(json_paths(&o), ["./a.json", "./sub/b.yaml"]);
}

#[test]
fn git_excludes_are_honoured_in_a_git_repository() {
    let t = Temp::new("git-exclude");
    t.write(".git/info/exclude", "excluded.json\n")
        .write("excluded.json", BAD)
        .write("kept.json", GOOD);
    let o = t.run(".", &["check", ".", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(json_paths(&o), ["./kept.json"]);
}

#[test]
fn files_named_explicitly_are_checked_even_when_ignored() {
    let t = Temp::new("explicit");
    t.write(".gitignore", "*.json\n").write("bad.json", BAD);
    let o = t.run(".", &["check", ".", "--format", "json"]);
    assert_eq!((code(&o), json_paths(&o).len()), (0, 0), "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        "idplint: warning: .: no payload files (`*.json`, `*.yaml`, `*.yml`) that are not ignored\n"
    );
    let o = t.run(".", &["check", "bad.json", "--format", "concise"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with("bad.json:1:16: IDP012 wrong-type"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn many_files_are_reported_in_path_order_every_time() {
    let t = Temp::new("order");
    let mut expected = Vec::new();
    for i in 0..240 {
        // Names that sort differently by component and by text (`a-b` before `a/b`).
        let name = format!(
            "d{}/f{:03}{}.json",
            i % 6,
            (i * 37) % 240,
            ["", "-x", "/y"][i % 3]
        );
        t.write(&name, if i % 4 == 0 { BAD } else { GOOD });
        expected.push(name);
    }
    expected.sort_unstable();
    let args = ["check", "d5", "d1", "d0", "d3", "d2", "d4", "d0/f000.json"];
    let json: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    let o = t.run(".", &json);
    assert_eq!(code(&o), 1);
    assert_eq!(json_paths(&o), expected, "sorted by path, each file once");
    let concise: Vec<&str> = args
        .iter()
        .copied()
        .chain(["--format", "concise"])
        .collect();
    let first = t.run(".", &concise);
    assert!(
        stdout(&first).ends_with("Found 60 errors and 0 warnings in 240 files.\n"),
        "{}",
        stdout(&first)
    );
    for _ in 0..3 {
        assert_eq!(
            stdout(&t.run(".", &concise)),
            stdout(&first),
            "the same every time"
        );
    }
    let paths: Vec<String> = stdout(&first)
        .lines()
        .filter_map(|l| l.split_once(':').map(|(p, _)| p.to_owned()))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!((paths.len(), &paths), (60, &sorted));
}

#[test]
fn a_file_named_and_found_in_a_folder_named_too_is_checked_once() {
    let t = Temp::new("named-and-found");
    t.write("sub/bad.json", BAD).write("sub/ok.json", GOOD);
    let o = t.run(".", &["check", "sub/bad.json", "sub", "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(json_paths(&o), ["sub/bad.json", "sub/ok.json"]);
    assert!(stdout(&o).contains(r#""files": 2"#), "{}", stdout(&o));
}

#[test]
fn unreadable_inputs_are_reported_in_order_and_the_rest_is_checked() {
    let t = Temp::new("missing");
    t.write("ok.json", GOOD);
    let o = t.run(".", &["check", "no/b.json", "ok.json", "no/a.json"]);
    assert_eq!(code(&o), 2, "2 wins over 0");
    assert_eq!(
        stderr(&o),
        "idplint: error: no/a.json: no such file\nidplint: error: no/b.json: no such file\n"
    );
    assert_eq!(
        stdout(&o),
        "Found 0 errors and 0 warnings in 1 file; some paths could not be checked (see the errors above).\n"
    );
    t.write("bad.json", BAD);
    let o = t.run(".", &["check", "no/b.json", "bad.json"]);
    assert_eq!(code(&o), 2, "2 wins over 1");
}
