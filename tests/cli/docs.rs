//! The README and the pages of `docs/` show what idplint does; these tests hold them to it.
//!
//! - Every `$ idplint …` example (a `text` or `console` block whose first line is the command)
//!   prints exactly the rest of its block, and every JSON block introduced by
//!   `<!-- output-of: idplint … -->` is the document that command prints. A page names the
//!   files its examples read with `<!-- example-file: NAME -->` before a block (the block is the
//!   file) or `<!-- example-file: NAME = PATH -->` (a file of the repository); each example runs
//!   in a fresh folder holding the files named above it on its page, a later one replacing an
//!   earlier one of the same name.
//! - Every relative link leads to a file, and every `#anchor` to a heading.
//! - Every page with Rust examples is run as doc tests (`crates/idplint/src/lib.rs`).
//! - The README keeps the two commands that CI and the tests rely on.
//!
//! The generated pages and tables are checked by the library's `docs` test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The README and every page under `docs/`, as paths relative to the repository root.
fn pages() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("docs/").flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::path);
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "md") {
                out.push(path.strip_prefix(super::root()).expect("inside").to_owned());
            }
        }
    }
    let mut pages = vec![PathBuf::from("README.md")];
    walk(&super::root().join("docs"), &mut pages);
    pages
}

fn read(page: &Path) -> String {
    std::fs::read_to_string(super::root().join(page))
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()))
}

/// A fenced block: its info string, its text, and the HTML comment just above it, if any.
struct Block<'a> {
    lang: &'a str,
    text: &'a str,
    comment: Option<&'a str>,
    line: usize,
}

/// The fenced blocks of a page and the `<!-- … -->` comments that stand alone between them, in
/// order.
fn parse(text: &str) -> (Vec<Block<'_>>, Vec<(usize, &str)>) {
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut last_comment: Option<&str> = None;
    let mut lines = text.split_inclusive('\n').enumerate().peekable();
    let mut offset = 0;
    while let Some((n, line)) = lines.next() {
        offset += line.len();
        let trimmed = line.trim_end();
        if let Some(lang) = trimmed.strip_prefix("```") {
            let start = offset;
            let mut end = start;
            for (_, l) in lines.by_ref() {
                offset += l.len();
                if l.trim_end() == "```" {
                    break;
                }
                end = offset;
            }
            blocks.push(Block {
                lang,
                text: &text[start..end],
                comment: last_comment.take(),
                line: n + 1,
            });
        } else if let Some(c) = trimmed
            .strip_prefix("<!--")
            .and_then(|c| c.strip_suffix("-->"))
        {
            comments.push((blocks.len(), c.trim()));
            last_comment = Some(c.trim());
        } else if !trimmed.is_empty() {
            last_comment = None;
        }
    }
    (blocks, comments)
}

/// Run every example of `page`; returns how many ran.
fn check_examples(page: &Path) -> usize {
    let text = read(page);
    let (blocks, comments) = parse(&text);
    let mut files: BTreeMap<&str, String> = BTreeMap::new();
    let mut ran = 0;
    for (i, block) in blocks.iter().enumerate() {
        // The files named above this block, by comments that do not introduce a block.
        for (_, c) in comments.iter().filter(|(at, _)| *at == i) {
            if let Some((name, path)) = c
                .strip_prefix("example-file:")
                .and_then(|spec| spec.split_once('='))
            {
                let body = std::fs::read_to_string(super::root().join(path.trim()))
                    .unwrap_or_else(|e| panic!("{}: {}: {e}", page.display(), path.trim()));
                files.insert(name.trim(), body);
            }
        }
        let at = format!("{}:{}", page.display(), block.line);
        if let Some(name) = block
            .comment
            .and_then(|c| c.strip_prefix("example-file:"))
            .filter(|spec| !spec.contains('='))
        {
            files.insert(name.trim(), block.text.to_owned());
            continue;
        }
        let command = block.text.lines().next().unwrap_or_default();
        if let Some(args) = command
            .strip_prefix("$ idplint ")
            .filter(|_| matches!(block.lang, "text" | "console"))
        {
            let shown = &block.text[command.len() + 1..];
            let o = run_in_folder(&files, &at, args);
            let printed = format!("{}{}", super::stdout(&o), super::stderr(&o));
            assert_eq!(
                printed, shown,
                "{at}: `idplint {args}` prints something else"
            );
            ran += 1;
        } else if let Some(args) = block
            .comment
            .and_then(|c| c.strip_prefix("output-of: idplint "))
        {
            assert_eq!(
                block.lang, "json",
                "{at}: output-of introduces a JSON block"
            );
            let o = run_in_folder(&files, &at, args);
            let printed: serde_json::Value =
                serde_json::from_str(&super::stdout(&o)).expect("one JSON document");
            let shown: serde_json::Value =
                serde_json::from_str(block.text).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(
                printed, shown,
                "{at}: `idplint {args}` prints another document"
            );
            ran += 1;
        }
    }
    ran
}

fn run_in_folder(files: &BTreeMap<&str, String>, at: &str, args: &str) -> std::process::Output {
    let name: String = at
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let t = super::Temp::new(&format!("docs-{name}"));
    for (file, body) in files {
        t.write(file, body);
    }
    let args: Vec<&str> = args.split_whitespace().collect();
    t.run(".", &args)
}

#[test]
fn examples_print_what_they_show() {
    let mut ran = BTreeMap::new();
    for page in pages() {
        ran.insert(page.display().to_string(), check_examples(&page));
    }
    // The examples of these pages are found: a change of their markup cannot skip them.
    for (page, at_least) in [
        ("README.md", 3),
        ("docs/configuration.md", 2),
        ("docs/output-formats.md", 4),
    ] {
        assert!(ran[page] >= at_least, "{page}: {} examples ran", ran[page]);
    }
}

/// GitHub's anchor of a heading: lowercase, punctuation but `-` and `_` dropped, spaces as `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The lines of a page outside its fenced code blocks.
fn prose(text: &str) -> impl Iterator<Item = &str> {
    let mut in_code = false;
    text.lines().filter(move |line| {
        if line.starts_with("```") {
            in_code = !in_code;
            return false;
        }
        !in_code
    })
}

/// The anchors of a page's headings.
fn anchors(text: &str) -> Vec<String> {
    prose(text)
        .filter(|line| line.starts_with('#'))
        .map(|line| anchor(line.trim_start_matches('#')))
        .collect()
}

/// The targets of a page's Markdown links (outside code blocks and code spans).
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose(text) {
        // Drop code spans, where `](` is text.
        let plain: String = line.split('`').step_by(2).collect();
        let mut rest = plain.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            out.push(after[..end].to_owned());
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn links_lead_somewhere() {
    let mut broken = Vec::new();
    let mut count = 0;
    for page in pages() {
        let text = read(&page);
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            count += 1;
            let (file, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() {
                page.clone()
            } else {
                page.parent().expect("a folder").join(file)
            };
            let full = super::root().join(&target);
            if !full.exists() {
                broken.push(format!("{}: {link}", page.display()));
            } else if !fragment.is_empty() && !anchors(&read(&target)).iter().any(|a| a == fragment)
            {
                broken.push(format!("{}: {link} (no such heading)", page.display()));
            }
        }
    }
    assert!(count > 50, "only {count} links found");
    assert!(broken.is_empty(), "links that lead nowhere: {broken:#?}");
}

#[test]
fn rust_examples_run_as_doctests() {
    let lib = std::fs::read_to_string(super::root().join("crates/idplint/src/lib.rs")).unwrap();
    for page in pages() {
        if read(&page).contains("```rust") {
            let include = format!("include_str!(\"../../../{}\")", page.display());
            assert!(
                lib.contains(&include),
                "{} has Rust examples: add `#[doc = {include}]` to crates/idplint/src/lib.rs",
                page.display()
            );
        }
    }
}

/// CI runs them, and `.ci/run` says it runs the README's commands.
#[test]
fn the_readme_keeps_its_two_commands() {
    let readme = read(Path::new("README.md"));
    let (blocks, _) = parse(&readme);
    let at = readme.find("## The two commands").expect("the section");
    let block = blocks
        .iter()
        .find(|b| b.lang == "sh" && readme[..at].lines().count() < b.line)
        .expect("its block");
    let commands: Vec<&str> = block
        .text
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --release -- check examples",
            "cargo test --workspace --locked"
        ]
    );
}

/// The README and the rules' index say that a rule's page has the text `idplint explain` prints.
#[test]
fn each_rule_page_is_what_explain_prints() {
    for rule in idplint::rules::ALL {
        let page = read(Path::new(&format!("docs/rules/{}.md", rule.name)));
        let o = super::idplint(&["explain", rule.name], None);
        assert_eq!(super::code(&o), 0, "{}", super::stderr(&o));
        assert!(
            page.contains(&super::stdout(&o)),
            "docs/rules/{}.md is not what `idplint explain {}` prints",
            rule.name,
            rule.code
        );
    }
}
