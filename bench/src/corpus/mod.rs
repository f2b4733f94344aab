//! The benchmark corpus: mixed payload kinds of both APIs, pretty-printed as people keep them,
//! about a fifth of them invalid in a way JSON Schema states, so that every validator agrees on
//! which files are invalid.
//!
//! File `i` of a corpus depends only on the seed and `i`, so a corpus of 1,000 files is the first
//! 1,000 files of one of 100,000. Each file goes into the folder of its schema:
//! `<out>/<schema>/<i>.json`, where `schemas/<schema>.json` is the schema a validator needs.

pub mod auth0;
pub mod breaks;
pub mod genauth;
pub mod words;

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::rng::Rng;
use breaks::Break;

/// One folder of the corpus: one published schema.
#[derive(Debug)]
pub struct Dir {
    /// The folder's name, and the name of its schema in `schemas/` (without `.json`).
    pub name: &'static str,
    /// The idplint kind.
    pub kind: &'static str,
    /// The strategy of an Auth0 update body (the context idplint needs, and the schema's).
    pub strategy: Option<&'static str>,
    /// How many files in 1,000 go here.
    pub weight: usize,
    /// Make a valid payload.
    pub make: fn(&mut Rng, Option<&str>) -> Value,
    /// Ways to make it invalid.
    pub breaks: &'static [Break],
}

const fn dir(
    name: &'static str,
    kind: &'static str,
    weight: usize,
    make: fn(&mut Rng, Option<&str>) -> Value,
    breaks: &'static [Break],
) -> Dir {
    Dir {
        name,
        kind,
        strategy: None,
        weight,
        make,
        breaks,
    }
}

const fn update(name: &'static str, strategy: &'static str) -> Dir {
    Dir {
        name,
        kind: "auth0.idp.update",
        strategy: Some(strategy),
        weight: 20,
        make: auth0::update,
        breaks: breaks::UPDATE,
    }
}

/// Every folder; the weights add up to 1,000.
pub static DIRS: &[Dir] = &[
    dir(
        "auth0.idp.create",
        "auth0.idp.create",
        180,
        auth0::create,
        breaks::CREATE,
    ),
    dir("auth0.idp", "auth0.idp", 150, auth0::idp, breaks::IDP),
    dir(
        "auth0.idp.list",
        "auth0.idp.list",
        80,
        auth0::list,
        breaks::LIST,
    ),
    dir(
        "auth0.idp.provisioning",
        "auth0.idp.provisioning",
        30,
        auth0::provisioning,
        breaks::PROVISIONING,
    ),
    update("auth0.idp.update.adfs", "adfs"),
    update("auth0.idp.update.google-apps", "google-apps"),
    update("auth0.idp.update.oidc", "oidc"),
    update("auth0.idp.update.okta", "okta"),
    update("auth0.idp.update.pingfederate", "pingfederate"),
    update("auth0.idp.update.samlp", "samlp"),
    update("auth0.idp.update.waad", "waad"),
    dir(
        "genauth.ext-idp-conn.create",
        "genauth.ext-idp-conn.create",
        130,
        genauth::conn_create,
        breaks::CONN_CREATE,
    ),
    dir(
        "genauth.ext-idp-conn.update",
        "genauth.ext-idp-conn.update",
        60,
        genauth::conn_update,
        breaks::CONN_UPDATE,
    ),
    dir(
        "genauth.ext-idp-conn.response",
        "genauth.ext-idp-conn.response",
        95,
        genauth::conn_response,
        breaks::CONN_RESPONSE,
    ),
    dir(
        "genauth.ext-idp.create",
        "genauth.ext-idp.create",
        25,
        genauth::source_create,
        breaks::SOURCE_CREATE,
    ),
    dir(
        "genauth.ext-idp.response",
        "genauth.ext-idp.response",
        35,
        genauth::source_response,
        breaks::SOURCE_RESPONSE,
    ),
    dir(
        "genauth.ext-idp.list.response",
        "genauth.ext-idp.list.response",
        50,
        genauth::source_list_response,
        breaks::SOURCE_LIST,
    ),
    dir(
        "genauth.ext-idp-conn.state",
        "genauth.ext-idp-conn.state",
        25,
        genauth::conn_state,
        breaks::CONN_STATE,
    ),
];

/// The share of invalid files, in percent.
pub const INVALID_PERCENT: usize = 20;

/// The folder of the big single files.
pub const BIG_DIR: &str = "auth0.idp.list";

/// One generated payload.
#[derive(Debug)]
pub struct Payload {
    /// Its folder.
    pub dir: &'static Dir,
    /// The payload.
    pub value: Value,
    /// How it was made invalid, if it was.
    pub broken: Option<&'static Break>,
}

impl Payload {
    /// The file's text: pretty-printed with two spaces, and a final newline.
    pub fn text(&self) -> String {
        pretty(&self.value)
    }

    /// Its path in the corpus: `<folder>/<index>.json`.
    pub fn path(&self, index: u64) -> String {
        format!("{}/{index:06}.json", self.dir.name)
    }
}

/// `value` pretty-printed with two spaces, and a final newline.
pub fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The folder of file `index`, drawn from the file's own random numbers.
fn draw_dir(rng: &mut Rng) -> &'static Dir {
    let mut at = rng.below(1000);
    DIRS.iter()
        .find(|d| {
            let here = at < d.weight;
            at = at.saturating_sub(d.weight);
            here
        })
        .unwrap_or(&DIRS[0])
}

/// The folder of file `index` of the corpus of `seed`, without making the payload.
pub fn dir_of(seed: u64, index: u64) -> &'static Dir {
    draw_dir(&mut Rng::new(seed, index))
}

/// File `index` of the corpus of `seed`.
pub fn payload(seed: u64, index: u64) -> Payload {
    let mut rng = Rng::new(seed, index);
    let dir = draw_dir(&mut rng);
    let mut value = (dir.make)(&mut rng, dir.strategy);
    let mut broken = None;
    if rng.chance(INVALID_PERCENT) {
        // Try the ways in a random order; the first that fits this payload counts.
        let first = rng.below(dir.breaks.len());
        broken = (0..dir.breaks.len())
            .map(|i| &dir.breaks[(first + i) % dir.breaks.len()])
            .find(|b| b.apply(&mut value));
    }
    Payload { dir, value, broken }
}

/// The config file that tells idplint the kind (and context) of each folder, as the schema's
/// folder tells a schema validator.
pub fn config() -> String {
    let mut toml =
        String::from("# The kind of each folder, as its schema's name tells a schema validator.\n");
    for d in DIRS {
        let _ = write!(
            toml,
            "\n[[files]]\nglob = \"{}/*.json\"\nkind = \"{}\"\n",
            d.name, d.kind
        );
        if let Some(s) = d.strategy {
            let _ = writeln!(toml, "strategy = \"{s}\"\naccess-level = \"full\"");
        }
    }
    toml
}

/// What was written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub files: u64,
    /// Of which invalid.
    pub invalid: u64,
    /// Their bytes.
    pub bytes: u64,
}

/// The name of the list of files, with the verdict each should get.
pub const MANIFEST: &str = "manifest.tsv";

/// Write the corpus of `seed` with `files` files into `out` (which must not hold a corpus
/// already), with `idplint.toml` and the manifest (`path`, `folder`, `valid` or the rule that
/// finds the problem).
pub fn write(seed: u64, files: u64, out: &Path) -> std::io::Result<Summary> {
    prepare(out)?;
    // Only the folders that get files: a peer tool runs once per folder.
    let used: std::collections::BTreeSet<&str> = (0..files).map(|i| dir_of(seed, i).name).collect();
    for name in used {
        std::fs::create_dir_all(out.join(name))?;
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get) as u64;
    let parts: Vec<std::io::Result<(Summary, String)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let (start, end) = (files * t / threads, files * (t + 1) / threads);
                    let mut summary = Summary::default();
                    let mut manifest = String::new();
                    for i in start..end {
                        let p = payload(seed, i);
                        let (path, text) = (p.path(i), p.text());
                        std::fs::write(out.join(&path), &text)?;
                        let verdict = p.broken.map_or("valid", |b| b.rule);
                        let _ = writeln!(manifest, "{path}\t{}\t{verdict}", p.dir.name);
                        summary.files += 1;
                        summary.invalid += u64::from(p.broken.is_some());
                        summary.bytes += text.len() as u64;
                    }
                    Ok((summary, manifest))
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut total = Summary::default();
    let mut manifest = String::new();
    for part in parts {
        let (s, m) = part?;
        total.files += s.files;
        total.invalid += s.invalid;
        total.bytes += s.bytes;
        manifest.push_str(&m);
    }
    std::fs::write(out.join(MANIFEST), manifest)?;
    Ok(total)
}

/// Create `out`, or check that it is an empty folder, and write the config file.
fn prepare(out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    if std::fs::read_dir(out)?.next().is_some() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} is not empty", out.display()),
        ));
    }
    std::fs::write(out.join("idplint.toml"), config())
}

/// The boolean members of an item of a list that [`big_list`] makes invalid, in turn: one
/// wrong-type finding each.
const BIG_LIST_BREAKS: &[&str] = &["is_enabled", "show_as_button", "assign_membership_on_login"];

/// One big list response (`auth0.idp.list`) of at least `bytes` bytes, with `errors` wrong-type
/// findings spread evenly over its items (up to three an item: a 10 MB list has about 7,000
/// items). Returns the text and the number of items.
pub fn big_list(seed: u64, bytes: usize, errors: usize) -> (String, usize) {
    let mut rng = Rng::new(seed, u64::MAX);
    let mut items = Vec::new();
    // Each item is indented by four more spaces inside the list.
    let mut size = 30;
    while size < bytes {
        let item = auth0::idp(&mut rng, None);
        let text = serde_json::to_string_pretty(&item).unwrap_or_default();
        size += text.len() + 4 * (text.lines().count()) + 2;
        items.push(item);
    }
    let n = items.len();
    for (i, item) in items.iter_mut().enumerate() {
        // Item i gets its share of the errors: floor((i+1)·e/n) − floor(i·e/n).
        let share = ((i + 1) * errors / n - i * errors / n).min(BIG_LIST_BREAKS.len());
        if let Some(map) = item.as_object_mut() {
            for key in &BIG_LIST_BREAKS[..share] {
                map.insert((*key).to_owned(), Value::String("yes".to_owned()));
            }
        }
    }
    let text = pretty(&serde_json::json!({ "identity_providers": items }));
    (text, n)
}

/// Write [`big_list`] as `<out>/auth0.idp.list/big.json`, with the config file.
pub fn write_big(seed: u64, bytes: usize, errors: usize, out: &Path) -> std::io::Result<Summary> {
    prepare(out)?;
    let (text, _) = big_list(seed, bytes, errors);
    std::fs::create_dir_all(out.join(BIG_DIR))?;
    let path = format!("{BIG_DIR}/big.json");
    std::fs::write(out.join(&path), &text)?;
    let verdict = if errors > 0 { "wrong-type" } else { "valid" };
    std::fs::write(
        out.join(MANIFEST),
        format!("{path}\t{BIG_DIR}\t{verdict}\n"),
    )?;
    Ok(Summary {
        files: 1,
        invalid: u64::from(errors > 0),
        bytes: text.len() as u64,
    })
}
