use idplint::{AccessLevel, Strategy};

use super::*;

/// A temporary folder that holds one config file, removed on drop.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str, config: &str) -> Temp {
        let dir =
            std::env::temp_dir().join(format!("idplint-config-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(FILE_NAME), config).unwrap();
        Temp(dir)
    }

    fn load(&self) -> Result<Config, String> {
        Config::load(
            &self.0.join(FILE_NAME),
            FILE_NAME,
            &self.0,
            &crate::current::load,
        )
        .map_err(|e| e.0)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn first_line(name: &str, config: &str) -> String {
    let e = Temp::new(name, config).load().unwrap_err();
    e.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn globs_give_kind_and_context_first_match_wins() {
    let t = Temp::new(
        "globs",
        r#"
[[files]]
glob = "auth0/updates/*.json"
kind = "auth0.idp.update"
strategy = "oidc"
access-level = "limited"

[[files]]
glob = ["auth0/**/*.json", "./other/*.yaml"]
kind = "auth0.idp.create"
"#,
    )
    .load()
    .unwrap();
    let kind = |p: &str| {
        t.file_entry(Path::new(p))
            .and_then(|e| e.kind)
            .map(|k| k.id)
    };
    assert_eq!(kind("auth0/updates/a.json"), Some("auth0.idp.update"));
    assert_eq!(
        kind("auth0/updates/deeper/a.json"),
        Some("auth0.idp.create"),
        "`*` stays in a folder"
    );
    assert_eq!(
        kind("other/x.yaml"),
        Some("auth0.idp.create"),
        "`./` is the config's folder"
    );
    assert_eq!(kind("elsewhere/a.json"), None);
    let entry = t.file_entry(Path::new("auth0/updates/a.json")).unwrap();
    assert_eq!(entry.context.strategy, Some(Strategy::Oidc));
    assert_eq!(entry.context.access_level, Some(AccessLevel::Limited));
}

#[test]
fn per_file_entries_apply_in_order() {
    let t = Temp::new(
        "per-file",
        r#"
[rules]
ignore = ["placeholder-value"]
severity = { plaintext-secret = "error" }

[[rules.per-file]]
glob = "legacy/**"
ignore = ["deprecated-field"]

[[rules.per-file]]
glob = ["legacy/old/*.json", "x.json"]
select = ["IDP0"]
"#,
    )
    .load()
    .unwrap();
    assert_eq!(t.rules.ignore.len(), 1);
    assert_eq!(t.rules.severity.len(), 1);
    assert_eq!(t.per_file(Path::new("legacy/a/b.json")).len(), 1);
    let both = t.per_file(Path::new("legacy/old/b.json"));
    assert_eq!(both.len(), 2);
    assert!(
        both[0].select.is_none() && both[1].select.is_some(),
        "file order"
    );
    assert!(t.per_file(Path::new("new/b.json")).is_empty());
}

#[test]
fn paths_are_matched_relative_to_the_config_folder() {
    let t = Temp::new("relative", "");
    let config = t.load().unwrap();
    let sub = t.0.join("sub");
    assert_eq!(
        config.relative(&sub, Path::new("../a/./b.json")).as_deref(),
        Some(Path::new("a/b.json"))
    );
    assert_eq!(config.relative(&sub, Path::new("/elsewhere/b.json")), None);
    for (path, relative) in [
        ("./a/b.json", "a/b.json"),
        ("a/b.json", "a/b.json"),
        ("a/./b.json", "a/b.json"),
        ("./a//b.json", "a/b.json"),
        ("a/../b.json", "b.json"),
        ("a/b.json/.", "a/b.json"),
        (".//a/b.json", "a/b.json"),
        ("././a/b.json", "a/b.json"),
        ("./.a/b.json", ".a/b.json"),
    ] {
        let found = config.relative(&t.0, Path::new(path));
        assert_eq!(found.as_deref(), Some(Path::new(relative)), "{path}");
        assert_eq!(
            found.unwrap().as_os_str().as_encoded_bytes(),
            relative.as_bytes(),
            "{path}: byte for byte, as globs see it"
        );
    }
}

#[test]
fn errors_point_at_line_and_column() {
    for (config, expected) in [
        (
            "[[files]]\nglob = \"a/*.json\"\nkindd = \"auth0.idp\"\n",
            "idplint.toml:3:1: error: unknown field `kindd`, expected one of `glob`, `kind`, `strategy`, `access-level`, `current`",
        ),
        (
            "[[files]]\nglob = \"a\"\nkind = \"auth0.idp.updat\"\n",
            "idplint.toml:3:8: error: unknown kind `auth0.idp.updat`; did you mean `auth0.idp.update`?",
        ),
        (
            "[[files]]\nglob = \"a/[*.json\"\n",
            "idplint.toml:2:8: error: invalid glob `a/[*.json`: unclosed character class; missing ']'",
        ),
        (
            "[[files]]\nkind = \"auth0.idp\"\n",
            "idplint.toml:1:1: error: missing field `glob`",
        ),
        (
            "[[files]]\nglob = \"x\"\naccess-level = \"admin\"\n",
            "idplint.toml:3:16: error: unknown access level `admin` (expected one of none, readonly, limited, full)",
        ),
        (
            "[rules]\nselect = [\"missing-feild\"]\n",
            "idplint.toml:2:11: error: unknown rule `missing-feild`; did you mean `missing-field`?",
        ),
        (
            "[rules.severity]\n\"plaintext-secret\" = \"fatal\"\n",
            "idplint.toml:2:22: error: unknown severity `fatal`; expected `error`, `warning` or `off`",
        ),
        (
            "[rules.severity]\nIDP001 = \"off\"\n",
            "idplint.toml:2:1: error: `invalid-syntax` cannot be ignored or re-graded: a file with it was not checked",
        ),
        (
            "[[files]]\nglob = \"x\"\ncurrent = \"nope.json\"\n",
            "idplint.toml:3:11: error: `current`: nope.json: no such file",
        ),
        (
            "rules = 3\n",
            "idplint.toml:1:9: error: invalid type: integer `3`, expected a `[rules]` table",
        ),
        (
            "[rules\n",
            "idplint.toml:1:7: error: unclosed table, expected `]`",
        ),
        (
            "[limits]\nmax-size = 3\n",
            "idplint.toml:2:1: error: unknown field `max-size`, expected one of `max-file-size`, `max-depth`, `max-yaml-alias-nodes`",
        ),
        (
            "[limits]\nmax-file-size = \"16MB\"\n",
            "idplint.toml:2:17: error: invalid size `16MB`: expected bytes, such as `1048576`, `512KiB` or `16MiB`",
        ),
        (
            "[limits]\nmax-depth = 0\n",
            "idplint.toml:2:13: error: invalid depth `0`: expected a whole number from 1 to 1000",
        ),
        (
            "[limits]\nmax-yaml-alias-nodes = -1\n",
            "idplint.toml:2:24: error: expected a number of nodes (a whole number)",
        ),
    ] {
        assert_eq!(first_line("errors", config), expected, "{config}");
    }
}

#[test]
fn the_offending_line_is_shown_with_a_caret() {
    let e = Temp::new("caret", "[rules]\nignore = [\"IDP1\", \"é\"]\n")
        .load()
        .unwrap_err();
    assert_eq!(
        e,
        "idplint.toml:2:19: error: unknown rule `é`; `idplint rules` lists them\n  |\n2 | ignore = [\"IDP1\", \"é\"]\n  |                   ^^^",
        "columns count characters"
    );
}

#[test]
fn limits_are_read_over_the_defaults() {
    let t = Temp::new(
        "limits",
        "[limits]\nmax-file-size = \"1MiB\"\nmax-depth = 20\nmax-yaml-alias-nodes = 50\n",
    );
    let limits = t.load().unwrap().limits.apply(Limits::default());
    assert_eq!(
        limits,
        Limits {
            max_file_size: 1 << 20,
            max_depth: 20,
            max_alias_nodes: 50
        }
    );
    let t = Temp::new("limits-bytes", "[limits]\nmax-file-size = 1000\n");
    let limits = t.load().unwrap().limits.apply(Limits::default());
    assert_eq!(limits.max_file_size, 1000);
    assert_eq!(limits.max_depth, Limits::default().max_depth);
}

#[test]
fn globs_match_as_globset_does_whichever_is_compiled_first() {
    // `**` and `{…}` after a literal folder, a literal file, and an entry with two globs.
    let t = Temp::new(
        "lazy-globs",
        r#"
[[files]]
glob = ["a/**/*.json", "b/{x,y}.json"]
kind = "auth0.idp"

[[files]]
glob = "a/b.json"
kind = "auth0.idp.create"

[[rules.per-file]]
glob = ["a/**", "a/*/*.json"]
ignore = ["deprecated-field"]
"#,
    );
    let config = t.load().unwrap();
    let kind = |p: &str| {
        config
            .file_entry(Path::new(p))
            .and_then(|e| e.kind)
            .map(|k| k.id)
    };
    assert_eq!(kind("a/b.json"), Some("auth0.idp"));
    assert_eq!(kind("a/deep/er/c.json"), Some("auth0.idp"));
    assert_eq!(kind("b/y.json"), Some("auth0.idp"));
    assert_eq!(kind("b/z.json"), None);
    assert_eq!(kind("ab/c.json"), None);
    assert_eq!(config.per_file(Path::new("a/b/c.json")).len(), 1);
    assert_eq!(config.per_file(Path::new("ab/c.json")).len(), 0);
}

#[test]
fn a_glob_too_large_to_compile_is_a_config_error() {
    // 60,000 different 30-letter names: an automaton over the regex crate's size limit.
    let names: Vec<String> = (0..60_000).map(|i| format!("{i:030}")).collect();
    let config = format!(
        "[[files]]\nglob = \"{{{}}}\"\nkind = \"auth0.idp\"\n",
        names.join(",")
    );
    let e = first_line("huge-glob", &config);
    assert!(
        e.starts_with("idplint.toml:2:8: error: "),
        "{}",
        &e[..e.len().min(200)]
    );
    // Not a syntax error: the regex compiler refused it.
    assert!(!e.contains("invalid glob"), "{}", &e[..e.len().min(200)]);
}

#[test]
fn parsing_reads_no_file_and_reads_current_payloads_through_the_callers_loader() {
    let text = "[limits]\nmax-file-size = 100\n\n[[files]]\nglob = \"a/*.json\"\ncurrent = \"saved/idp.json\"\nstrategy = \"oidc\"\n\n[[files]]\nglob = \"b/*.json\"\ncurrent = \"other.json\"\n";
    let dir = PathBuf::from("/nowhere/project");
    let asked = std::cell::RefCell::new(Vec::new());
    let loader = |path: &Path, limits: &Limits| {
        asked
            .borrow_mut()
            .push((path.to_path_buf(), limits.max_file_size));
        if path.ends_with("other.json") {
            Err(format!("{}: not valid JSON or YAML: x", path.display()))
        } else {
            Ok(Context {
                strategy: Some(Strategy::Samlp),
                access_level: Some(AccessLevel::Full),
            })
        }
    };
    let e = Config::parse(text, FILE_NAME, dir.clone(), &loader).unwrap_err();
    // In the order of the file, with the config's limits; the error names the file as written.
    assert_eq!(
        *asked.borrow(),
        [
            (dir.join("saved/idp.json"), 100),
            (dir.join("other.json"), 100)
        ]
    );
    assert_eq!(
        e.0.lines().next(),
        Some("idplint.toml:11:11: error: `current`: other.json: not valid JSON or YAML: x")
    );
    // The file's own values win over the saved context's.
    let config = Config::parse(
        &text[..text.rfind("\n\n").unwrap()],
        FILE_NAME,
        dir,
        &loader,
    )
    .unwrap();
    let entry = config.file_entry(Path::new("a/x.json")).unwrap();
    assert_eq!(entry.context.strategy, Some(Strategy::Oidc));
    assert_eq!(entry.context.access_level, Some(AccessLevel::Full));
}
