//! Finding the payload files under the paths given, in the order they are reported in.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{Input, Problem};

/// The inputs of `paths`: files as given, directories searched, `-` as standard input; sorted by
/// the name they are reported under, each once. With them, in the order they were met, what went
/// wrong: the inputs found are checked all the same.
pub(crate) fn discover(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let before = inputs.len();
            let mut found = |file| {
                inputs.push(Input::Found(file));
                Ok(())
            };
            walk(path, &mut found, &mut |p| problems.push(p));
            if inputs.len() == before {
                problems.push(no_payload_files(path));
            }
        } else {
            // Named explicitly: checked even when ignored; `read` reports what it is not.
            inputs.push(Input::File(path.clone()));
        }
    }
    // Compared in place: a copy of every key (as `sort_by_cached_key` makes) would double the
    // memory of a large tree's list at its peak.
    inputs.sort_by(|a, b| sort_key(a, stdin_name).cmp(sort_key(b, stdin_name)));
    inputs.dedup_by(|a, b| sort_key(a, stdin_name) == sort_key(b, stdin_name));
    (inputs, problems)
}

/// The name an input is reported under, as bytes: what the list is sorted by.
fn sort_key<'a>(input: &'a Input, stdin_name: &'a str) -> &'a [u8] {
    match input {
        Input::Stdin => stdin_name.as_bytes(),
        Input::File(p) | Input::Found(p) => p.as_os_str().as_encoded_bytes(),
    }
}

/// The payload files under one directory, in the order [`discover`] gives them (by the bytes of
/// their paths), handed to `emit` folder by folder as they are found: the first files can be
/// checked while the rest of the tree is walked, and the whole list is never held. What goes
/// wrong is handed to `report` as it is met.
///
/// The entries of `dir` itself are put in order first, a folder `d` as `d/` (so that `d.json`,
/// `d-e/…` and `d/…` come in the same order as their full paths would); each folder's tree is
/// then walked on its own (with the ignore files of the folders above it) and sorted.
pub(crate) fn walk_sorted(
    dir: &Path,
    emit: &mut dyn FnMut(Input),
    report: &mut dyn FnMut(Problem),
) {
    let mut top = Listing::new(dir);
    for entry in walker(dir).max_depth(Some(1)).build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                report(problem(&e));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if (is_dir || (is_payload_name(entry.path()) && is_file(&entry)))
            && let Err(p) = top.push(entry.path(), is_dir)
        {
            report(p);
        }
    }
    let mut found = false;
    for (path, is_dir) in top.sorted() {
        if !is_dir {
            found = true;
            emit(Input::Found(path));
            continue;
        }
        let mut inner = Listing::new(&path);
        walk(&path, &mut |file| inner.push(&file, false), report);
        for (file, _) in inner.sorted() {
            found = true;
            emit(Input::Found(file));
        }
    }
    if !found {
        report(no_payload_files(dir));
    }
}

/// Paths found under one folder, to be put in the order of their bytes: held as the rest of
/// each path after the folder's own, all in one buffer, not as a list of paths, which was the
/// largest part of the walking thread's memory in a large folder (bench/PROFILE.md, part D).
struct Listing<'a> {
    /// The path every entry begins with.
    folder: &'a Path,
    bytes: Vec<u8>,
    /// Each entry's key: a range of `bytes`, the path after `folder` (a folder's with a `/`
    /// after it, so that `d.json`, `d-e` and `d/` sort as the paths inside them would).
    keys: Vec<(u32, u32)>,
}

impl<'a> Listing<'a> {
    fn new(folder: &'a Path) -> Self {
        Listing {
            folder,
            bytes: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Add a path under the folder; an error when it cannot be held: (outside Unix) its name is
    /// not Unicode, the folder's names pass 4 GiB, or it does not begin with the folder's path
    /// (which the walk never gives).
    fn push(&mut self, path: &Path, is_dir: bool) -> Result<(), Problem> {
        let Some(bytes) = path_bytes(path) else {
            return Err(Problem::Error(format!(
                "{}: its name is not Unicode",
                path.display()
            )));
        };
        let Some(rest) = bytes.strip_prefix(path_bytes(self.folder).unwrap_or_default()) else {
            return Err(Problem::Error(format!(
                "idplint bug: {} was found in {}, but is not under it",
                path.display(),
                self.folder.display()
            )));
        };
        let start = self.bytes.len();
        let end = start + rest.len() + usize::from(is_dir);
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) else {
            return Err(Problem::Error(format!(
                "{}: too many files to list in one folder",
                self.folder.display()
            )));
        };
        self.bytes.extend_from_slice(rest);
        if is_dir {
            self.bytes.push(b'/');
        }
        self.keys.push((start, end));
        Ok(())
    }

    /// The paths in the order of their bytes, each with whether it is a folder.
    fn sorted(mut self) -> impl Iterator<Item = (PathBuf, bool)> {
        let bytes = std::mem::take(&mut self.bytes);
        let key = move |(start, end): (u32, u32)| (start as usize, end as usize);
        self.keys.sort_unstable_by(|&a, &b| {
            let (a, b) = (key(a), key(b));
            bytes[a.0..a.1].cmp(&bytes[b.0..b.1])
        });
        let folder = path_bytes(self.folder).unwrap_or_default();
        std::mem::take(&mut self.keys).into_iter().map(move |k| {
            let (start, end) = key(k);
            let key = &bytes[start..end];
            let (rest, is_dir) = match key.strip_suffix(b"/") {
                Some(rest) => (rest, true),
                None => (key, false),
            };
            (path_of([folder, rest].concat()), is_dir)
        })
    }
}

/// A path's bytes: on Unix its own; elsewhere its UTF-8, if it is Unicode.
#[cfg(unix)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as outside Unix, where it can fail"
)]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    Some(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    path.to_str().map(str::as_bytes)
}

/// The path of bytes made by [`path_bytes`].
#[cfg(unix)]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: Vec<u8>) -> PathBuf {
    String::from_utf8_lossy(&bytes).into_owned().into()
}

fn no_payload_files(dir: &Path) -> Problem {
    Problem::Warning(format!(
        "{}: no payload files (`*.json`, `*.yaml`, `*.yml`) that are not ignored",
        dir.display()
    ))
}

/// How every walk is set up (see [`walk`]).
fn walker(dir: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder.require_git(false).follow_links(false);
    builder
}

/// Why an entry could not be walked: something that could not be read, or (a warning) an
/// ignore file's pattern that is skipped, the rest of the file still applying.
fn problem(e: &ignore::Error) -> Problem {
    if e.is_io() {
        Problem::Error(e.to_string())
    } else {
        Problem::Warning(e.to_string())
    }
}

/// Whether a walked entry is a file, or a link to one.
fn is_file(entry: &ignore::DirEntry) -> bool {
    match entry.file_type() {
        Some(t) if t.is_symlink() => std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()),
        Some(t) => t.is_file(),
        None => false,
    }
}

/// The payload files under a directory (`*.json`, `*.yaml`, `*.yml`), recursively, honouring
/// `.gitignore` (in a git repository or not), `.ignore`, `.git/info/exclude` and git's global
/// excludes. Hidden entries are skipped. Links to files are followed; links to directories are
/// not (so there are no loops). What goes wrong, here or in `found`, goes to `report`.
fn walk(
    dir: &Path,
    found: &mut dyn FnMut(PathBuf) -> Result<(), Problem>,
    report: &mut dyn FnMut(Problem),
) {
    for entry in walker(dir).build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                report(problem(&e));
                continue;
            }
        };
        if entry.depth() > 0
            && is_payload_name(entry.path())
            && is_file(&entry)
            && let Err(p) = found(entry.into_path())
        {
            report(p);
        }
    }
}

fn is_payload_name(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|e| {
        ["json", "yaml", "yml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_gives_back_its_paths_by_their_bytes_with_folders_as_names_and_a_slash() {
        let folder = Path::new("./some dir");
        let mut listing = Listing::new(folder);
        for (name, is_dir) in [
            ("d", true),
            ("d.json", false),
            ("d-e", true),
            ("D.yaml", false),
            ("é.json", false),
            ("a/b/c.yml", false),
        ] {
            assert_eq!(listing.push(&folder.join(name), is_dir), Ok(()));
        }
        // Not under the folder: refused (handed back), not mangled.
        assert_eq!(
            listing.push(Path::new("./elsewhere/x.json"), false),
            Err(Problem::Error(
                "idplint bug: ./elsewhere/x.json was found in ./some dir, but is not under it"
                    .to_owned()
            ))
        );
        let sorted: Vec<(String, bool)> = listing
            .sorted()
            .map(|(p, is_dir)| (p.display().to_string(), is_dir))
            .collect();
        let expected = [
            ("./some dir/D.yaml", false),
            ("./some dir/a/b/c.yml", false),
            ("./some dir/d-e", true),
            ("./some dir/d.json", false),
            ("./some dir/d", true),
            ("./some dir/é.json", false),
        ];
        assert_eq!(sorted, expected.map(|(p, d)| (p.to_owned(), d)).to_vec());
    }

    /// A name that is not UTF-8 is listed and given back byte for byte.
    #[cfg(unix)]
    #[test]
    fn a_listing_keeps_names_that_are_not_unicode() {
        use std::os::unix::ffi::OsStrExt;
        let folder = Path::new("f");
        let name = folder.join(std::ffi::OsStr::from_bytes(b"\xff\xfe.json"));
        let mut listing = Listing::new(folder);
        assert_eq!(listing.push(&name, false), Ok(()));
        assert_eq!(listing.sorted().collect::<Vec<_>>(), [(name, false)]);
    }

    #[test]
    fn a_tree_walked_folder_by_folder_comes_in_the_order_of_its_sorted_list() {
        let root = std::env::temp_dir().join(format!("idplint-walk-{}", std::process::id()));
        // Names that sort differently by name than by path: `a.json` and `a-b` against `a/`,
        // upper case, a space, files and folders at every level, and what is skipped.
        for file in [
            "a.json",
            "a/x.json",
            "a/b/c.yaml",
            "a/b.json",
            "a-b/y.json",
            "a b/z.yml",
            "ab.json",
            "A.json",
            "_.json",
            "a/.hidden.json",
            "z/deep/er/most.json",
            "z/notes.txt",
            "ignored/i.json",
            "empty/.keep",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        std::fs::write(root.join(".ignore"), "ignored/\n").unwrap();
        let (listed, problems) = discover(std::slice::from_ref(&root), "-");
        assert_eq!(problems, []);
        let mut walked = Vec::new();
        let mut problems = Vec::new();
        walk_sorted(&root, &mut |i| walked.push(i), &mut |p| problems.push(p));
        assert_eq!(problems, []);
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(walked, listed);
        let names: Vec<String> = walked
            .iter()
            .map(|i| match i {
                Input::Found(p) => p.strip_prefix(&root).unwrap().display().to_string(),
                Input::File(_) | Input::Stdin => String::new(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "A.json",
                "_.json",
                "a b/z.yml",
                "a-b/y.json",
                "a.json",
                "a/b.json",
                "a/b/c.yaml",
                "a/x.json",
                "ab.json",
                "z/deep/er/most.json",
            ]
        );
    }

    #[test]
    fn what_goes_wrong_in_a_walk_is_handed_back_not_printed() {
        let root = std::env::temp_dir().join(format!("idplint-problems-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/notes.txt"), "").unwrap();
        std::fs::write(root.join("ignored.json"), "{}").unwrap();
        std::fs::write(root.join(".ignore"), "ignored.json\n").unwrap();
        let (inputs, listed) = discover(std::slice::from_ref(&root), "-");
        let mut walked = Vec::new();
        walk_sorted(&root, &mut |_| unreachable!(), &mut |p| walked.push(p));
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(inputs, []);
        let none = Problem::Warning(format!(
            "{}: no payload files (`*.json`, `*.yaml`, `*.yml`) that are not ignored",
            root.display()
        ));
        assert_eq!(listed, [none]);
        assert_eq!(walked, listed);
    }
}
