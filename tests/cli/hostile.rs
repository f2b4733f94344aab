//! Hostile input: every item of DESIGN.md's "Bad input" list, as a `.json` and as a `.yaml`
//! file where both make sense. Each case asserts the exact rule and message (or tool error),
//! the position, the exit code, and that a second file of the same run is still checked. Every
//! run is bounded: at most 1 GiB of address space (`ulimit -v`) and two minutes, so that a
//! hang or a balloon fails the test instead of the machine. Large inputs are made at test time.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{Temp, code, stderr, stdout};

/// The second file of every run: one warning, so that it never changes the exit code, and
/// its finding shows that it was checked.
const OTHER: &str = "other.json";
const OTHER_TEXT: &str = "{\"display_name\": \" Acme\"}\n";

/// The address space a run may use, in KiB. A debug build checks a 10 MB string in less than
/// 100 MiB; expanding a "billion laughs" (10^9 nodes) or reading the 1 TiB sparse file of
/// `files_over_the_size_limit_are_not_read` would not fit.
const MEMORY_KIB: u64 = 1024 * 1024;
/// How long a run may take: generous, for a debug build on a busy machine.
const TIME: Duration = Duration::from_mins(2);

/// Run `idplint` in `dir` within [`MEMORY_KIB`] and [`TIME`], with `stdin` as standard input
/// (none: empty).
fn bounded(dir: &Path, args: &[&str], stdin: Stdio) -> Output {
    let script = format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\"");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_idplint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run idplint");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIME {
            let _ = child.kill();
            panic!("idplint {args:?} ran for more than {TIME:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

/// What a case must give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Exactly one finding, an error: rule name, message, line, column.
    Error(&'static str, &'static str, u64, u64),
    /// Read as a payload: exactly these rules (no error among them means exit code 0).
    Rules(&'static [&'static str], i32),
    /// Not checked: this tool error on stderr (after `idplint: error: NAME: `), exit code 2.
    ToolError(&'static str),
}

/// Run `idplint check NAME other.json --format json` (plus `extra`) in `dir` and assert `expect`.
fn assert_case(dir: &Path, name: &str, extra: &[&str], expect: Expect) {
    assert_with_stdin(dir, name, extra, expect, Stdio::null());
}

fn assert_with_stdin(dir: &Path, name: &str, extra: &[&str], expect: Expect, stdin: Stdio) {
    std::fs::write(dir.join(OTHER), OTHER_TEXT).expect("write the other file");
    let mut args = vec!["check", name, OTHER, "--format", "json"];
    args.extend_from_slice(extra);
    let o = bounded(dir, &args, stdin);
    // Standard input is reported as `<stdin>`.
    let name = if name == "-" { "<stdin>" } else { name };
    let doc: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{name}: not one JSON document ({e}): {}", stderr(&o)));
    let files = doc["files"].as_array().expect("files");
    let file = |path: &str| files.iter().find(|f| f["path"] == path);
    let rules = |f: &Value| -> Vec<String> {
        f["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["rule"].as_str().expect("rule").to_owned())
            .collect()
    };
    let other = file(OTHER).unwrap_or_else(|| panic!("{name}: {OTHER} was not checked"));
    assert_eq!(rules(other), ["surrounding-whitespace"], "{name}: {OTHER}");
    match expect {
        Expect::Error(rule, message, line, column) => {
            let f = file(name).unwrap_or_else(|| panic!("{name} not reported: {}", stderr(&o)));
            let d = &f["diagnostics"];
            assert_eq!(rules(f), [rule], "{name}: {d:#}");
            assert_eq!(d[0]["message"], message, "{name}");
            assert_eq!(
                (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
                (Some(line), Some(column)),
                "{name}"
            );
            assert_eq!(code(&o), 1, "{name}: {}", stderr(&o));
            assert_eq!(stderr(&o), "", "{name}");
        }
        Expect::Rules(expected, exit) => {
            let f = file(name).unwrap_or_else(|| panic!("{name} not reported: {}", stderr(&o)));
            assert_eq!(rules(f), expected, "{name}: {:#}", f["diagnostics"]);
            assert_eq!(code(&o), exit, "{name}: {}", stderr(&o));
        }
        Expect::ToolError(message) => {
            assert!(file(name).is_none(), "{name} must not be checked");
            assert_eq!(
                stderr(&o),
                format!("idplint: error: {name}: {message}\n"),
                "{name}"
            );
            assert_eq!(code(&o), 2, "{name}");
            assert_eq!(doc["summary"]["files"], 1, "{name}");
        }
    }
}

/// Write each `(name, bytes, expect)` into one folder and assert it.
fn assert_cases(folder: &str, cases: &[(&str, Vec<u8>, Expect)]) {
    let t = Temp::new(folder);
    for (name, bytes, expect) in cases {
        std::fs::write(t.path().join(name), bytes).expect("write a case");
        assert_case(t.path(), name, &[], *expect);
    }
}

const EMPTY: Expect = Expect::Error("invalid-syntax", "the file is empty", 1, 1);

#[test]
fn empty_and_white_space_only_files() {
    assert_cases(
        "hostile-empty",
        &[
            ("empty.json", b"".to_vec(), EMPTY),
            ("empty.yaml", b"".to_vec(), EMPTY),
            ("blank.json", b" \n\t\r\n".to_vec(), EMPTY),
            ("blank.yaml", b" \n\n  \n".to_vec(), EMPTY),
            // A YAML file of comments holds no document either.
            ("comments.yaml", b"# nothing here\n".to_vec(), EMPTY),
        ],
    );
}

#[test]
fn truncated_files() {
    let json = "unexpected end of file: the JSON is truncated";
    let yaml = "while parsing a flow sequence, expected ',' or ']'";
    assert_cases(
        "hostile-truncated",
        &[
            (
                "t.json",
                br#"{"display_name": "Acme""#.to_vec(),
                Expect::Error("invalid-syntax", json, 1, 24),
            ),
            (
                "t2.json",
                b"{\n  \"display_name\": \"Ac".to_vec(),
                Expect::Error("invalid-syntax", json, 2, 22),
            ),
            (
                "t.yaml",
                b"display_name: [Acme, x\n".to_vec(),
                Expect::Error("invalid-syntax", yaml, 2, 1),
            ),
        ],
    );
}

#[test]
fn trailing_commas_and_comments() {
    assert_cases(
        "hostile-commas",
        &[
            (
                "comma.json",
                br#"{"display_name": "Acme",}"#.to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "trailing comma: JSON does not allow a comma before `}` or `]`",
                    1,
                    24,
                ),
            ),
            (
                "comment.json",
                b"{\n  // the name\n  \"display_name\": \"Acme\"\n}".to_vec(),
                Expect::Error("invalid-syntax", "comments are not allowed in JSON", 2, 3),
            ),
            (
                "block-comment.json",
                b"{\"display_name\": /* x */ \"Acme\"}".to_vec(),
                Expect::Error("invalid-syntax", "comments are not allowed in JSON", 1, 18),
            ),
            // YAML allows both: a trailing comma in a flow mapping, and comments.
            (
                "comma.yaml",
                b"{display_name: Acme,}\n".to_vec(),
                Expect::Rules(&[], 0),
            ),
            (
                "comment.yaml",
                b"# the name\ndisplay_name: Acme # inline\n".to_vec(),
                Expect::Rules(&[], 0),
            ),
        ],
    );
}

#[test]
fn encodings_bom_utf16_invalid_utf8_and_nul_bytes() {
    let utf16 = "the file is UTF-16; idplint reads UTF-8";
    let not_utf8 = "the file is not valid UTF-8";
    let nul = "the file contains a NUL byte: payload files are text";
    let encode = |s: &str, big_endian: bool| -> Vec<u8> {
        let unit = if big_endian {
            u16::to_be_bytes
        } else {
            u16::to_le_bytes
        };
        s.encode_utf16().flat_map(unit).collect()
    };
    let bom = |s: &str| [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat();
    assert_cases(
        "hostile-encodings",
        &[
            // A UTF-8 BOM is accepted, and columns count from after it.
            (
                "bom.json",
                bom("{\"is_enabled\": 1}"),
                Expect::Error("wrong-type", "`is_enabled` must be a boolean", 1, 16),
            ),
            (
                "bom.yaml",
                bom("is_enabled: 1\n"),
                Expect::Error("wrong-type", "`is_enabled` must be a boolean", 1, 13),
            ),
            (
                "le.json",
                encode("\u{feff}{\"is_enabled\": true}", false),
                Expect::Error("invalid-syntax", utf16, 1, 1),
            ),
            (
                "be.json",
                encode("{\"is_enabled\": true}", true),
                Expect::Error("invalid-syntax", utf16, 1, 1),
            ),
            (
                "le.yaml",
                encode("is_enabled: true\n", false),
                Expect::Error("invalid-syntax", utf16, 1, 1),
            ),
            (
                "be.yaml",
                encode("\u{feff}is_enabled: true\n", true),
                Expect::Error("invalid-syntax", utf16, 1, 1),
            ),
            (
                "latin1.json",
                b"{\"display_name\": \"Soci\xe9t\xe9\"}".to_vec(),
                Expect::Error("invalid-syntax", not_utf8, 1, 23),
            ),
            (
                "latin1.yaml",
                b"display_name: Soci\xe9t\xe9\n".to_vec(),
                Expect::Error("invalid-syntax", not_utf8, 1, 19),
            ),
            (
                "nul.json",
                b"{\"display_name\": \"a\0b\"}".to_vec(),
                Expect::Error("invalid-syntax", nul, 1, 20),
            ),
            (
                "nul.yaml",
                b"display_name: a\0b\n".to_vec(),
                Expect::Error("invalid-syntax", nul, 1, 16),
            ),
        ],
    );
}

#[test]
fn numbers_out_of_range_and_lone_surrogates() {
    let range = "number out of range: `1e400` does not fit in a 64-bit float";
    assert_cases(
        "hostile-numbers",
        &[
            (
                "n.json",
                br#"{"display_name": 1e400}"#.to_vec(),
                Expect::Error("invalid-syntax", range, 1, 18),
            ),
            (
                "n.yaml",
                b"display_name: 1e400\n".to_vec(),
                Expect::Error("invalid-syntax", range, 1, 15),
            ),
            (
                "neg.json",
                br#"{"token_lifetime": -1e400}"#.to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "number out of range: `-1e400` does not fit in a 64-bit float",
                    1,
                    20,
                ),
            ),
            (
                "s.json",
                br#"{"display_name": "a\udc00"}"#.to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "invalid string escape: lone surrogate `\\udc00`",
                    1,
                    20,
                ),
            ),
            (
                "s2.json",
                br#"{"display_name": "\ud800x"}"#.to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "invalid string escape: lone surrogate `\\ud800`",
                    1,
                    19,
                ),
            ),
            (
                "s.yaml",
                b"display_name: \"a\\udc00\"\n".to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "invalid string escape: `\\udc00` is a UTF-16 surrogate, not a character",
                    1,
                    17,
                ),
            ),
        ],
    );
}

#[test]
fn nesting_100_000_deep() {
    let deep = "nesting is deeper than 128 levels";
    let n = 100_000;
    assert_cases(
        "hostile-deep",
        &[
            (
                "arrays.json",
                format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes(),
                Expect::Error("invalid-syntax", deep, 1, 129),
            ),
            (
                "objects.json",
                format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)).into_bytes(),
                Expect::Error("invalid-syntax", deep, 1, 641),
            ),
            (
                "open.json",
                "[".repeat(n).into_bytes(),
                Expect::Error("invalid-syntax", deep, 1, 129),
            ),
            (
                "flow.yaml",
                format!("a: {}", "[".repeat(n)).into_bytes(),
                Expect::Error("invalid-syntax", deep, 1, 131),
            ),
            (
                "block.yaml",
                format!("{}x\n", "- ".repeat(n)).into_bytes(),
                Expect::Error("invalid-syntax", deep, 1, 257),
            ),
            (
                "lines.yaml",
                "[\n".repeat(n).into_bytes(),
                Expect::Error("invalid-syntax", deep, 129, 1),
            ),
        ],
    );
}

#[test]
fn ten_megabyte_strings() {
    let long = "`display_name` must be at most 128 characters long";
    let big = "x".repeat(10 * 1024 * 1024);
    assert_cases(
        "hostile-10mb",
        &[
            (
                "big.json",
                format!("{{\"display_name\": \"{big}\"}}").into_bytes(),
                Expect::Error("length-out-of-range", long, 1, 18),
            ),
            (
                "big.yaml",
                format!("display_name: \"{big}\"\n").into_bytes(),
                Expect::Error("length-out-of-range", long, 1, 15),
            ),
            (
                "plain.yaml",
                format!("display_name: {big}\n").into_bytes(),
                Expect::Error("length-out-of-range", long, 1, 15),
            ),
            // A key of 10 MB too.
            (
                "key.json",
                format!("{{\"{big}\": 1}}").into_bytes(),
                Expect::Rules(&["unknown-kind"], 1),
            ),
        ],
    );
}

#[test]
fn millions_of_tiny_values() {
    // 7.5 million numbers in 15 MB, a node every two bytes: the most nodes a file under the
    // size limit can hold, read within the bound (about 550 MB in a release build).
    let items = vec!["0"; 7_500_000].join(",");
    assert_cases(
        "hostile-tiny",
        &[(
            "numbers.json",
            format!("[{items}]").into_bytes(),
            Expect::Rules(&["unknown-kind"], 1),
        )],
    );
}

#[test]
fn yaml_anchors_aliases_merge_keys_and_billion_laughs() {
    // Nine levels of ten aliases each: 10^9 nodes if expanded.
    let mut laughs = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let items = vec![format!("*{prev}"); 10].join(", ");
        laughs.push_str(&[name, ": &", name, " [", &items, "]\n"].concat());
    }
    let limit =
        "alias expansion exceeds the limit of 100000 nodes (a \"billion laughs\" document?)";
    assert_cases(
        "hostile-yaml",
        &[
            // An alias copies its anchor's value: checked like the copy.
            (
                "alias.yaml",
                b"display_name: &n Acme\nshow_as_button: *n\n".to_vec(),
                Expect::Error("wrong-type", "`show_as_button` must be a boolean", 2, 17),
            ),
            (
                "anchor.yaml",
                b"display_name: &n Acme\nis_enabled: true\n".to_vec(),
                Expect::Rules(&[], 0),
            ),
            (
                "merge.yaml",
                b"base: &b {is_enabled: true}\n<<: *b\n".to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "merge keys (`<<`) are not supported: the APIs take plain JSON objects; write the keys out",
                    2,
                    1,
                ),
            ),
            (
                "laughs.yaml",
                laughs.into_bytes(),
                Expect::Error("invalid-syntax", limit, 5, 36),
            ),
            (
                "self.yaml",
                b"a: &a [*a]\n".to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "this alias refers to a node that contains it",
                    1,
                    8,
                ),
            ),
            (
                "unknown.yaml",
                b"display_name: *nope\n".to_vec(),
                Expect::Error(
                    "invalid-syntax",
                    "while parsing node, found unknown anchor",
                    1,
                    15,
                ),
            ),
        ],
    );
}

#[test]
fn limits_are_configurable() {
    let t = Temp::new("hostile-limits");
    let p = t.path();
    std::fs::write(p.join("deep.json"), r#"{"options": {"a": {"b": [1]}}}"#).unwrap();
    let deep3 = Expect::Error("invalid-syntax", "nesting is deeper than 3 levels", 1, 25);
    assert_case(p, "deep.json", &["--max-depth", "3"], deep3);
    assert_case(
        p,
        "deep.json",
        &["--max-depth", "4"],
        Expect::Rules(&["missing-context", "unknown-field"], 1),
    );
    std::fs::write(p.join("alias.yaml"), "a: &a [1, 2, 3]\nb: [*a, *a]\n").unwrap();
    let aliases = "alias expansion exceeds the limit of 5 nodes (a \"billion laughs\" document?)";
    assert_case(
        p,
        "alias.yaml",
        &["--max-yaml-alias-nodes", "5"],
        Expect::Error("invalid-syntax", aliases, 2, 9),
    );
    assert_case(
        p,
        "alias.yaml",
        &["--max-yaml-alias-nodes", "8"],
        Expect::Rules(&["unknown-kind"], 1),
    );
    std::fs::write(
        p.join("two-kib.json"),
        format!("{{\"display_name\": \"{}\"}}", "x".repeat(2000)),
    )
    .unwrap();
    let over = "2020 bytes, larger than the limit of 1024 bytes";
    assert_case(
        p,
        "two-kib.json",
        &["--max-file-size", "1KiB"],
        Expect::ToolError(over),
    );
    // The config file's `[limits]`; the command line wins over it.
    std::fs::write(
        p.join("idplint.toml"),
        "[limits]\nmax-file-size = 1024\nmax-depth = 3\n",
    )
    .unwrap();
    assert_case(p, "two-kib.json", &[], Expect::ToolError(over));
    assert_case(p, "deep.json", &[], deep3);
    assert_case(
        p,
        "deep.json",
        &["--max-depth", "5"],
        Expect::Rules(&["missing-context", "unknown-field"], 1),
    );
    assert_case(
        p,
        "two-kib.json",
        &["--max-file-size", "2020"],
        Expect::Error(
            "length-out-of-range",
            "`display_name` must be at most 128 characters long",
            1,
            18,
        ),
    );
    // Standard input has the same limit.
    let input = std::fs::File::open(p.join("two-kib.json")).unwrap();
    assert_with_stdin(
        p,
        "-",
        &[],
        Expect::ToolError("larger than the limit of 1024 bytes"),
        Stdio::from(input),
    );
    // Bad values are usage errors.
    for bad in [
        ["--max-depth", "0"],
        ["--max-depth", "1001"],
        ["--max-file-size", "16MB"],
        ["--max-yaml-alias-nodes", "many"],
    ] {
        let o = bounded(p, &["check", OTHER, bad[0], bad[1]], Stdio::null());
        assert_eq!(code(&o), 2, "{bad:?}");
        assert!(
            stderr(&o).contains(&format!("invalid value '{}' for '{}", bad[1], bad[0])),
            "{bad:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn files_over_the_size_limit_are_not_read() {
    let t = Temp::new("hostile-size");
    let p = t.path();
    let limit = 16 * 1024 * 1024;
    // Sparse files: no disk used. One over the limit, one at it (read: zeros are NUL bytes).
    for (name, len) in [
        ("over.json", limit + 1),
        ("over.yaml", limit + 1),
        ("at.json", limit),
        ("huge.yaml", 1 << 40),
    ] {
        std::fs::File::create(p.join(name))
            .unwrap()
            .set_len(len)
            .unwrap();
    }
    assert_case(
        p,
        "over.json",
        &[],
        Expect::ToolError("16777217 bytes, larger than the limit of 16777216 bytes"),
    );
    assert_case(
        p,
        "over.yaml",
        &[],
        Expect::ToolError("16777217 bytes, larger than the limit of 16777216 bytes"),
    );
    // A terabyte: reading it would not fit in the run's address space.
    assert_case(
        p,
        "huge.yaml",
        &[],
        Expect::ToolError("1099511627776 bytes, larger than the limit of 16777216 bytes"),
    );
    let nul = "the file contains a NUL byte: payload files are text";
    assert_case(
        p,
        "at.json",
        &[],
        Expect::Error("invalid-syntax", nul, 1, 1),
    );
}

#[cfg(unix)]
#[test]
fn fifos_devices_directories_and_symlink_loops_are_reported_not_read() {
    use std::os::unix::fs::symlink;
    let t = Temp::new("hostile-special");
    let p = t.path();
    let fifo = |name: &str| {
        let ok = Command::new("mkfifo")
            .arg(p.join(name))
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo {name}");
    };
    fifo("pipe.json");
    fifo("pipe.yaml");
    // Opening a FIFO without a writer would wait forever: the run is bounded, so a hang fails.
    assert_case(
        p,
        "pipe.json",
        &[],
        Expect::ToolError("not a regular file (a FIFO)"),
    );
    assert_case(
        p,
        "pipe.yaml",
        &[],
        Expect::ToolError("not a regular file (a FIFO)"),
    );
    // Devices, named or through a link with a payload name: /dev/zero never ends.
    for (link, device) in [
        ("zero.json", "/dev/zero"),
        ("zero.yaml", "/dev/zero"),
        ("null.json", "/dev/null"),
        ("random.yaml", "/dev/urandom"),
    ] {
        symlink(device, p.join(link)).unwrap();
        assert_case(
            p,
            link,
            &[],
            Expect::ToolError("not a regular file (a character device)"),
        );
    }
    assert_case(
        p,
        "/dev/zero",
        &[],
        Expect::ToolError("not a regular file (a character device)"),
    );
    // Symlink loops.
    symlink("self.json", p.join("self.json")).unwrap();
    symlink("b.yaml", p.join("a.yaml")).unwrap();
    symlink("a.yaml", p.join("b.yaml")).unwrap();
    let looped = "Too many levels of symbolic links (os error 40)";
    assert_case(p, "self.json", &[], Expect::ToolError(looped));
    assert_case(p, "a.yaml", &[], Expect::ToolError(looped));
    // Missing files.
    assert_case(p, "missing.json", &[], Expect::ToolError("no such file"));
    assert_case(p, "missing.yaml", &[], Expect::ToolError("no such file"));
    symlink("nowhere.json", p.join("dangling.json")).unwrap();
    assert_case(p, "dangling.json", &[], Expect::ToolError("no such file"));
    // A directory where a file is expected: as `--current`, and as standard input.
    std::fs::create_dir(p.join("dir.json")).unwrap();
    let o = bounded(p, &["check", OTHER, "--current", "dir.json"], Stdio::null());
    assert_eq!(
        (code(&o), stderr(&o).as_str()),
        (2, "idplint: error: --current dir.json: is a directory\n")
    );
    let dir = std::fs::File::open(p.join("dir.json")).unwrap();
    let o = bounded(
        p,
        &["check", "-", OTHER, "--format", "concise"],
        Stdio::from(dir),
    );
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "idplint: error: <stdin>: cannot read standard input: Is a directory (os error 21)\n"
    );
    assert!(
        stdout(&o).starts_with("other.json:1:18: IDP301"),
        "{}",
        stdout(&o)
    );
    // A directory named on the command line is searched, never read as a file.
    std::fs::write(p.join("dir.json/inner.json"), "{\"is_enabled\": 1}").unwrap();
    let o = bounded(
        p,
        &["check", "dir.json", OTHER, "--format", "concise"],
        Stdio::null(),
    );
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains("dir.json/inner.json:1:16: IDP012 wrong-type"),
        "{}",
        stdout(&o)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let t = Temp::new("hostile-unreadable");
    let p = t.path();
    // A regular file that fails to read, even for root: a process's own memory at offset 0.
    symlink("/proc/self/mem", p.join("mem.json")).unwrap();
    symlink("/proc/self/mem", p.join("mem.yaml")).unwrap();
    assert_case(
        p,
        "mem.json",
        &[],
        Expect::ToolError("Input/output error (os error 5)"),
    );
    assert_case(
        p,
        "mem.yaml",
        &[],
        Expect::ToolError("Input/output error (os error 5)"),
    );
    // A file whose size says 0 but that holds more than the limit (a /proc file, or a file
    // that grew after it was measured): no more than the limit is read, and it is reported.
    symlink("/proc/self/status", p.join("status.yaml")).unwrap();
    let over = Expect::ToolError("larger than the limit of 100 bytes");
    assert_case(p, "status.yaml", &["--max-file-size", "100"], over);
    // A file without read permission: root reads it anyway, so only when the test cannot.
    std::fs::write(p.join("locked.yaml"), "is_enabled: true\n").unwrap();
    std::fs::set_permissions(
        p.join("locked.yaml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    if std::fs::read(p.join("locked.yaml")).is_err() {
        assert_case(
            p,
            "locked.yaml",
            &[],
            Expect::ToolError("permission denied"),
        );
    }
}

#[test]
fn every_format_renders_hostile_files_within_bounds() {
    let t = Temp::new("hostile-formats");
    let big = "x".repeat(10 * 1024 * 1024);
    let n = 100_000;
    let files: [(&str, Vec<u8>); 8] = [
        ("big.json", format!("{{\"display_name\": \"{big}\"}}").into_bytes()),
        // 1 MB: the YAML reader is the slow one in a debug build, and `ten_megabyte_strings`
        // has its 10 MB case.
        ("big.yaml", format!("display_name: {}\n", &big[..1024 * 1024]).into_bytes()),
        ("deep.json", "[".repeat(n).into_bytes()),
        ("deep.yaml", format!("{}x\n", "- ".repeat(n)).into_bytes()),
        ("laughs.yaml", b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n".to_vec()),
        ("utf16.json", "{\"a\": 1}".encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("latin1.yaml", b"a: \xe9\n".to_vec()),
        ("nul.json", b"{\"a\": \"\0\"}".to_vec()),
    ];
    let mut args = vec!["check"];
    for (name, bytes) in &files {
        std::fs::write(t.path().join(name), bytes).expect("write a case");
        args.push(name);
    }
    for format in ["human", "concise", "json", "sarif", "github"] {
        let mut args = args.clone();
        args.extend(["--format", format]);
        let o = bounded(t.path(), &args, Stdio::null());
        assert_eq!((code(&o), stderr(&o).as_str()), (1, ""), "{format}");
        let out = stdout(&o);
        for (name, _) in &files {
            assert!(out.contains(name), "{format}: {name} is not reported");
        }
        // Each 10 MB line is shown once, and a long value is underlined at its start only.
        assert!(
            out.len() < 30 * 1024 * 1024,
            "{format}: {} bytes of output",
            out.len()
        );
    }
}

/// `--max-depth 1000`, the most allowed, on enough files that worker threads (with their smaller
/// stacks) check them: validation and rendering recurse over values that deep without
/// overflowing.
#[test]
fn the_deepest_max_depth_is_safe_on_worker_threads() {
    let t = Temp::new("hostile-max-depth");
    // A GenAuth connection whose free-form `fields` nest 1000 levels in all.
    let deep = format!(
        "extIdpId: \"6318061be13c0ce6a64093e5\"\ntype: oidc\nidentifier: a\ndisplayName: A\nfields:\n  x:\n    {}\"{{yourDomain}} http://x\"\n",
        "- ".repeat(998)
    );
    for i in 0..40 {
        std::fs::write(t.path().join(format!("c{i:02}.yaml")), &deep).unwrap();
    }
    let o = bounded(
        t.path(),
        &["check", ".", "--max-depth", "1000", "--format", "concise"],
        Stdio::null(),
    );
    assert_eq!((code(&o), stderr(&o).as_str()), (0, ""), "{}", stdout(&o));
    assert!(
        stdout(&o).ends_with("Found 0 errors and 160 warnings in 40 files.\n"),
        "{}",
        stdout(&o)
    );
    let o = bounded(
        t.path(),
        &[
            "check",
            "c00.yaml",
            "--max-depth",
            "999",
            "--format",
            "concise",
        ],
        Stdio::null(),
    );
    assert!(
        stdout(&o).contains("nesting is deeper than 999 levels"),
        "{}",
        stdout(&o)
    );
}
