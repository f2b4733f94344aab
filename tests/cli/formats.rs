//! Every output format on the same cases, as ruff does: each case is one `idplint check` run,
//! printed in all five formats, and every output is a reviewed snapshot. The SARIF of every case
//! is validated against the official SARIF 2.1.0 schema, the formats agree on where each finding
//! is, and no format shows a secret of the cases.

use serde_json::Value;

use super::{code, idplint, root, stderr, stdout};

const FORMATS: [&str; 5] = ["human", "concise", "json", "sarif", "github"];

/// Clean: a create body whose secret is a `${VAR}` reference.
const CLEAN: &str = "testdata/valid/auth0.idp.create/okta.json";
/// Two errors and two warnings (with `--access-level limited`), one of them a literal secret.
const DOCS_UPDATE: &str =
    "testdata/valid/auth0.idp.update/docs-oidc-update@strategy=oidc@access=full.json";
/// YAML: a literal secret, and a value whose columns differ in bytes and code points.
const YAML_SECRET: &str =
    "testdata/invalid/plaintext-secret/waad-literal-secret@kind=auth0.idp.create.yaml";
const YAML_CJK: &str =
    "testdata/invalid/length-out-of-range/display-name-129-cjk@kind=auth0.idp.create.yaml";
/// Not JSON: the text ends inside a string.
const TRUNCATED: &str = "testdata/invalid/invalid-syntax/truncated@kind=auth0.idp.create.json";
/// A literal secret in a one-line, minified file.
const MINIFIED: &str = "testdata/invalid/plaintext-secret/minified@kind=auth0.idp.update@strategy=okta@access=full.json";

/// Declares the cases (name, arguments of `idplint check` before `--format`, exit status) and
/// one test for each, which snapshots it in every format.
macro_rules! cases {
    ($($name:ident: [$($arg:expr),+ $(,)?] => $status:literal;)+) => {
        const CASES: &[(&str, &[&str], i32)] = &[$((stringify!($name), &[$($arg),+], $status)),+];
        $(
            #[test]
            fn $name() {
                snapshot_every_format(stringify!($name));
            }
        )+
    };
}

cases! {
    clean: [CLEAN] => 0;
    errors_and_warnings: [DOCS_UPDATE, "--strategy", "oidc", "--access-level", "limited"] => 1;
    yaml: [YAML_SECRET, YAML_CJK] => 1;
    syntax_error: [TRUNCATED] => 1;
    minified_secret: [MINIFIED] => 0;
}

/// Run a case in a format: checks the exit status and that nothing goes to standard error.
fn run(case: &str, format: &str) -> String {
    let (_, args, status) = CASES
        .iter()
        .find(|(name, _, _)| *name == case)
        .expect("a case");
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", format]);
    let o = idplint(&all, None);
    assert_eq!(
        code(&o),
        *status,
        "{case} --format {format}: {}",
        stderr(&o)
    );
    assert_eq!(stderr(&o), "", "{case} --format {format}");
    stdout(&o)
}

/// Snapshot a case in every format, with the version of idplint filtered out.
fn snapshot_every_format(case: &str) {
    let version = format!("\"{}\"", env!("CARGO_PKG_VERSION").replace('.', r"\."));
    for format in FORMATS {
        let out = run(case, format);
        insta::with_settings!({ filters => vec![(version.as_str(), "\"[VERSION]\"")] }, {
            insta::assert_snapshot!(format!("{case}_{format}"), out);
        });
    }
}

/// The official SARIF 2.1.0 schema, with its one pattern that the `jsonschema` crate cannot
/// compile replaced by the pattern of the OASIS errata (see `fixtures/README.md`).
fn sarif_validator() -> jsonschema::Validator {
    const BAD: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    const GOOD: &str = r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#;
    let text = std::fs::read_to_string(root().join("tests/cli/fixtures/sarif-schema-2.1.0.json"))
        .expect("the vendored SARIF schema");
    assert_eq!(text.matches(BAD).count(), 2, "the pattern to patch");
    let schema: Value = serde_json::from_str(&text.replace(BAD, GOOD)).expect("JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the patched schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    let mut last = Value::Null;
    for (case, _, _) in CASES {
        let log: Value = serde_json::from_str(&run(case, "sarif")).expect("one JSON document");
        let errors = schema_errors(&validator, &log);
        assert!(errors.is_empty(), "{case}: {errors:#?}");
        // SARIF 2.1.0 Errata 01: a region has a start line (or an offset).
        for result in log["runs"][0]["results"].as_array().expect("results") {
            let region = &result["locations"][0]["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64() >= Some(1), "{case}: {region}");
        }
        last = log;
    }
    // The validation can fail: the same log with a line 0, and with an unknown level.
    let mut bad = last.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!schema_errors(&validator, &bad).is_empty());
    let mut bad = last;
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema_errors(&validator, &bad).is_empty());
}

/// Every rule in a log links to its page, `docs/rules/<name>.md`, in the repository that the
/// workspace's `Cargo.toml` names.
#[test]
fn sarif_rules_link_to_their_documentation() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let repository = manifest
        .lines()
        .find_map(|l| l.strip_prefix("repository = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("the workspace's repository URL");
    let mut linked = 0;
    for (case, _, _) in CASES {
        let log: Value = serde_json::from_str(&run(case, "sarif")).expect("one JSON document");
        for rule in log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
        {
            let name = rule["name"].as_str().expect("name");
            assert_eq!(
                rule["helpUri"].as_str(),
                Some(format!("{repository}/blob/main/docs/rules/{name}.md").as_str()),
                "{case}: {name}"
            );
            linked += 1;
        }
    }
    assert!(linked >= 5, "only {linked} rules seen");
}

/// The findings of a case as the JSON format gives them: (path, code, line, column, end line,
/// end column).
fn json_findings(case: &str) -> Vec<(String, String, u64, u64, u64, u64)> {
    let doc: Value = serde_json::from_str(&run(case, "json")).expect("one JSON document");
    let mut out = Vec::new();
    for file in doc["files"].as_array().expect("files") {
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            let n = |k: &str| d[k].as_u64().expect("a position");
            out.push((
                file["path"].as_str().expect("path").to_owned(),
                d["code"].as_str().expect("code").to_owned(),
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
            ));
        }
    }
    out
}

#[test]
fn sarif_and_github_agree_with_json() {
    let mut total = 0;
    for (case, _, _) in CASES {
        let expected = json_findings(case);
        total += expected.len();
        let log: Value = serde_json::from_str(&run(case, "sarif")).expect("one JSON document");
        let sarif_run = &log["runs"][0];
        assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
        let rules = sarif_run["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        let sarif: Vec<_> = sarif_run["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                assert!(
                    rules.iter().any(|rule| rule["id"] == r["ruleId"]),
                    "{case}: the rule of {} is listed",
                    r["ruleId"]
                );
                let location = &r["locations"][0]["physicalLocation"];
                let region = &location["region"];
                let n = |k: &str| region[k].as_u64().expect("a position");
                (
                    location["artifactLocation"]["uri"]
                        .as_str()
                        .expect("uri")
                        .to_owned(),
                    r["ruleId"].as_str().expect("ruleId").to_owned(),
                    n("startLine"),
                    n("startColumn"),
                    n("endLine"),
                    n("endColumn"),
                )
            })
            .collect();
        assert_eq!(sarif, expected, "{case}: SARIF");
        let github = run(case, "github");
        let github: Vec<_> = github.lines().collect();
        assert_eq!(
            github.len(),
            expected.len(),
            "{case}: one annotation a finding"
        );
        for (line, (path, code, l, c, el, ec)) in github.iter().zip(&expected) {
            let columns = if l == el {
                format!(",col={c},endColumn={ec}")
            } else {
                String::new()
            };
            let start = format!("file={path},line={l},endLine={el}{columns},title={code} ");
            assert!(line.contains(&start), "{case}: {line}\nexpected {start}");
        }
    }
    assert_eq!(total, 9, "the cases have findings to compare");
}

/// The literal secrets in the files of every case: the text of each `plaintext-secret` finding,
/// unquoted.
fn secrets() -> Vec<String> {
    let mut out = Vec::new();
    for (case, _, _) in CASES {
        let doc: Value = serde_json::from_str(&run(case, "json")).expect("one JSON document");
        for file in doc["files"].as_array().expect("files") {
            let path = file["path"].as_str().expect("path");
            let text = std::fs::read_to_string(root().join(path)).expect("the file");
            for d in file["diagnostics"].as_array().expect("diagnostics") {
                if d["rule"] != "plaintext-secret" {
                    continue;
                }
                let offset =
                    usize::try_from(d["span"]["offset"].as_u64().expect("offset")).expect("offset");
                let length =
                    usize::try_from(d["span"]["length"].as_u64().expect("length")).expect("length");
                out.push(text[offset..offset + length].trim_matches('"').to_owned());
            }
        }
    }
    out
}

#[test]
fn no_format_shows_a_secret() {
    let secrets = secrets();
    assert_eq!(
        secrets.len(),
        3,
        "one secret each in the JSON, YAML and minified files"
    );
    for secret in &secrets {
        assert!(
            secret.len() >= 20 && !secret.contains(' '),
            "a secret value, not a key or a span of code"
        );
    }
    for (case, _, _) in CASES {
        for format in FORMATS {
            // Standard error is empty (asserted by `run`).
            let printed = run(case, format);
            for (i, secret) in secrets.iter().enumerate() {
                // Not even a part of it. A failure names the secret by its number, never by its
                // value.
                let chars: Vec<char> = secret.chars().collect();
                for part in chars.windows(12) {
                    let part: String = part.iter().collect();
                    assert!(
                        !printed.contains(&part),
                        "{case} --format {format} prints a part of secret #{i}"
                    );
                }
            }
        }
    }
}

/// A run over many files, some clean and some not, is still one valid log, with one result per
/// finding of the JSON output, and the rule of every result listed once.
#[test]
fn sarif_over_many_files_is_one_valid_log() {
    let validator = sarif_validator();
    let args = [
        "check",
        "testdata/invalid",
        "testdata/valid/genauth.ext-idp-conn.create",
    ];
    let sarif = super::idplint(&[&args[..], &["--format", "sarif"]].concat(), None);
    let log: Value = serde_json::from_slice(&sarif.stdout).expect("one JSON document");
    let errors = schema_errors(&validator, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let json = super::idplint(&[&args[..], &["--format", "json"]].concat(), None);
    let findings: usize = super::json_files(&json)
        .iter()
        .map(|f| f["diagnostics"].as_array().map_or(0, Vec::len))
        .sum();
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(findings > 100, "only {findings} findings");
    assert_eq!(results.len(), findings);
    let rules: Vec<&str> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let mut used: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().expect("ruleId"))
        .collect();
    used.sort_unstable();
    used.dedup();
    assert_eq!(rules, used);
}
