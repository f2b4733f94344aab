//! The corpus generator: deterministic, about a fifth invalid, and every file gets the verdict
//! it was made for, from idplint and from the published schema alone (so every schema
//! validator in the benchmark has the same number of invalid files to find).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use idplint::source::Format;
use idplint::{AccessLevel, Context, Options, Severity};
use idplint_bench::corpus::{self, DIRS, Payload};

const FILES: u64 = 400;

fn schema_validator(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: serde_json::Value = serde_json::from_str(&text).expect("a schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn options(p: &Payload) -> Options {
    Options {
        kind: Some(idplint::find_kind(p.dir.kind).expect("a kind")),
        context: Context {
            strategy: p.dir.strategy.map(|s| s.parse().expect("a strategy")),
            access_level: p.dir.strategy.map(|_| AccessLevel::Full),
        },
        limits: idplint::source::Limits::default(),
    }
}

#[test]
fn the_weights_add_up_to_a_thousand_and_every_folder_is_a_schema() {
    assert_eq!(DIRS.iter().map(|d| d.weight).sum::<usize>(), 1000);
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    for d in DIRS {
        assert!(
            schemas.join(format!("{}.json", d.name)).is_file(),
            "{}",
            d.name
        );
        assert!(!d.breaks.is_empty(), "{}", d.name);
    }
}

#[test]
fn a_seed_always_gives_the_same_files_and_another_seed_others() {
    for i in [0, 1, 77, 12_345] {
        assert_eq!(corpus::payload(7, i).text(), corpus::payload(7, i).text());
    }
    let differ = (0..20).filter(|i| corpus::payload(7, *i).text() != corpus::payload(8, *i).text());
    assert!(differ.count() >= 19);
}

#[test]
fn every_file_gets_its_verdict_from_idplint_and_from_the_schema() {
    let mut validators = BTreeMap::new();
    let mut invalid = 0;
    let mut bytes = 0;
    let mut folders = BTreeSet::new();
    let mut rules_seen = BTreeSet::new();
    for i in 0..FILES {
        let p = corpus::payload(1, i);
        let text = p.text();
        bytes += text.len();
        folders.insert(p.dir.name);
        let report = idplint::check_bytes("f.json", text.as_bytes(), Format::Json, &options(&p));
        let errors: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule.name)
            .collect();
        let schema_ok = validators
            .entry(p.dir.name)
            .or_insert_with(|| schema_validator(p.dir.name))
            .is_valid(&p.value);
        match p.broken {
            None => {
                assert!(errors.is_empty(), "{}: {errors:?}\n{text}", p.path(i));
                assert!(schema_ok, "{}: the schema rejects it\n{text}", p.path(i));
            }
            Some(b) => {
                invalid += 1;
                rules_seen.insert(b.rule);
                assert!(
                    errors.contains(&b.rule),
                    "{}: {errors:?}, not {}\n{text}",
                    p.path(i),
                    b.rule
                );
                assert!(!schema_ok, "{}: the schema accepts it\n{text}", p.path(i));
            }
        }
    }
    // About a fifth (binomial: 80 ± 8 expected).
    assert!(
        (56..=104).contains(&invalid),
        "{invalid} invalid of {FILES}"
    );
    assert_eq!(folders.len(), DIRS.len(), "every folder gets files");
    assert!(rules_seen.len() >= 5, "{rules_seen:?}");
    // Pretty-printed payloads of a typical size: about 1 KB on average.
    let mean = bytes / usize::try_from(FILES).unwrap();
    assert!((800..2000).contains(&mean), "mean size {mean}");
}

#[test]
fn every_way_to_break_a_payload_fits_the_payloads_of_its_folder() {
    for (d, dir) in DIRS.iter().enumerate() {
        for (b, brk) in dir.breaks.iter().enumerate() {
            let mut rng = idplint_bench::rng::Rng::new(3, (d * 100 + b) as u64);
            for _ in 0..20 {
                let mut value = (dir.make)(&mut rng, dir.strategy);
                assert!(
                    brk.apply(&mut value),
                    "{}: {:?} does not apply",
                    dir.name,
                    brk.edit
                );
            }
        }
    }
}

#[test]
fn a_big_list_has_the_size_and_the_findings_asked_for() {
    let (text, items) = corpus::big_list(1, 200_000, 30);
    assert!((200_000..215_000).contains(&text.len()), "{}", text.len());
    assert!(items > 100);
    let options = Options {
        kind: idplint::find_kind("auth0.idp.list"),
        ..Options::default()
    };
    let report = idplint::check_bytes("big.json", text.as_bytes(), Format::Json, &options);
    assert_eq!(report.diagnostics.len(), 30);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.rule.name == "wrong-type")
    );
    // More findings than items: up to three an item.
    let (text, items) = corpus::big_list(1, 20_000, 35);
    assert!((12..35).contains(&items), "{items}");
    let report = idplint::check_bytes("big.json", text.as_bytes(), Format::Json, &options);
    assert_eq!(report.diagnostics.len(), 35);
    let (clean, _) = corpus::big_list(1, 1000, 0);
    let report = idplint::check_bytes("small.json", clean.as_bytes(), Format::Json, &options);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn writing_a_corpus_lays_out_folders_config_and_manifest() {
    let out = std::env::temp_dir().join(format!("idplint-corpus-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let summary = corpus::write(5, 60, &out).expect("written");
    assert_eq!(summary.files, 60);
    let manifest = std::fs::read_to_string(out.join(corpus::MANIFEST)).expect("manifest");
    assert_eq!(manifest.lines().count(), 60);
    let invalid = manifest.lines().filter(|l| !l.ends_with("\tvalid")).count();
    assert_eq!(invalid as u64, summary.invalid);
    let mut folders = BTreeSet::new();
    for line in manifest.lines() {
        let path = line.split('\t').next().expect("a path");
        assert!(out.join(path).is_file(), "{path}");
        folders.insert(path.split('/').next().expect("a folder").to_owned());
    }
    // Only folders with files: each peer tool runs once per folder.
    let made: BTreeSet<String> = std::fs::read_dir(&out)
        .expect("the corpus")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(made, folders);
    let config = std::fs::read_to_string(out.join("idplint.toml")).expect("config");
    assert!(config.contains(
        "glob = \"auth0.idp.update.oidc/*.json\"\nkind = \"auth0.idp.update\"\nstrategy = \"oidc\""
    ));
    // A second corpus does not go into the same folder.
    assert!(corpus::write(5, 1, &out).is_err());
    std::fs::remove_dir_all(&out).expect("removed");
}
