//! What to check: discovery of payload files, reading them, and `--current`.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use idplint::Context;
use idplint::source::{Format as Syntax, Limits};

use crate::commands::{tool_error, tool_warning};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file named on the command line: asked what it is before it is read.
    File(PathBuf),
    /// A file found in a directory, whose entry says it is a regular file (or a link to one):
    /// read at once, without asking its type and size first (see [`read_then`]).
    Found(PathBuf),
}

/// The inputs of `paths`: files as given, directories searched, `-` as standard input; sorted by
/// the name they are reported under, each once. `Err` when a directory could not be fully read
/// (already reported); the inputs found are checked all the same.
pub(crate) fn discover(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, bool) {
    let mut inputs = Vec::new();
    let mut failed = false;
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let before = inputs.len();
            failed |= !walk(path, &mut |file| inputs.push(Input::Found(file)));
            if inputs.len() == before {
                no_payload_files(path);
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
    (inputs, failed)
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
/// checked while the rest of the tree is walked, and the whole list is never held. `false` when
/// something could not be read (already reported).
///
/// The entries of `dir` itself are put in order first, a folder `d` as `d/` (so that `d.json`,
/// `d-e/…` and `d/…` come in the same order as their full paths would); each folder's tree is
/// then walked on its own (with the ignore files of the folders above it) and sorted.
pub(crate) fn walk_sorted(dir: &Path, emit: &mut dyn FnMut(Input)) -> bool {
    let mut ok = true;
    let mut top = Listing::new(dir);
    for entry in walker(dir).max_depth(Some(1)).build() {
        let Some(entry) = walked(entry, &mut ok) else {
            continue;
        };
        if entry.depth() == 0 {
            continue;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if is_dir || (is_payload_name(entry.path()) && is_file(&entry)) {
            ok &= top.push(entry.path(), is_dir);
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
        let mut held = true;
        ok &= walk(&path, &mut |file| held &= inner.push(&file, false));
        ok &= held;
        for (file, _) in inner.sorted() {
            found = true;
            emit(Input::Found(file));
        }
    }
    if !found {
        no_payload_files(dir);
    }
    ok
}

/// Paths found under one folder, to be put in the order of their bytes: held as the rest of
/// each path after the folder's own, all in one buffer. A folder of tens of thousands of files
/// costs about 20 bytes a file while it is sorted and checked (a folder of 18,000 files held
/// 1.9 MB as a list of paths: the largest part of the walking thread's memory).
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

    /// Add a path under the folder; false (after reporting it) when it cannot be held: (outside
    /// Unix) its name is not Unicode, the folder's names pass 4 GiB, or it does not begin with
    /// the folder's path (which the walk never gives).
    fn push(&mut self, path: &Path, is_dir: bool) -> bool {
        let Some(bytes) = path_bytes(path) else {
            tool_error(&format!("{}: its name is not Unicode", path.display()));
            return false;
        };
        let Some(rest) = bytes.strip_prefix(path_bytes(self.folder).unwrap_or_default()) else {
            tool_error(&format!(
                "idplint bug: {} was found in {}, but is not under it",
                path.display(),
                self.folder.display()
            ));
            return false;
        };
        let start = self.bytes.len();
        let end = start + rest.len() + usize::from(is_dir);
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) else {
            tool_error(&format!(
                "{}: too many files to list in one folder",
                self.folder.display()
            ));
            return false;
        };
        self.bytes.extend_from_slice(rest);
        if is_dir {
            self.bytes.push(b'/');
        }
        self.keys.push((start, end));
        true
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

fn no_payload_files(dir: &Path) {
    tool_warning(&format!(
        "{}: no payload files (`*.json`, `*.yaml`, `*.yml`) that are not ignored",
        dir.display()
    ));
}

/// How every walk is set up (see [`walk`]).
fn walker(dir: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder.require_git(false).follow_links(false);
    builder
}

/// The entry, or `None` after reporting why it could not be read (then `ok` is false) or why an
/// ignore file's pattern was skipped.
fn walked(
    entry: Result<ignore::DirEntry, ignore::Error>,
    ok: &mut bool,
) -> Option<ignore::DirEntry> {
    match entry {
        Ok(entry) => Some(entry),
        Err(e) if e.is_io() => {
            tool_error(&e.to_string());
            *ok = false;
            None
        }
        Err(e) => {
            // A bad pattern in an ignore file: the rest of the file still applies.
            tool_warning(&e.to_string());
            None
        }
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
/// not (so there are no loops). Returns false when something could not be read.
fn walk(dir: &Path, found: &mut dyn FnMut(PathBuf)) -> bool {
    let mut ok = true;
    for entry in walker(dir).build() {
        let Some(entry) = walked(entry, &mut ok) else {
            continue;
        };
        if entry.depth() > 0 && is_payload_name(entry.path()) && is_file(&entry) {
            found(entry.into_path());
        }
    }
    ok
}

fn is_payload_name(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|e| {
        ["json", "yaml", "yml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Read a file (or standard input for `-`), refusing what is not a regular file or is larger
/// than `max_size` bytes. The file is opened without blocking and its type and size are checked
/// on the open file before anything is read; no more than `max_size + 1` bytes are ever read. Returns the name to
/// report and the bytes.
pub(crate) fn read(
    input: &Input,
    stdin_name: &str,
    max_size: u64,
) -> Result<(String, Vec<u8>), String> {
    let path = match input {
        Input::File(path) | Input::Found(path) => path,
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(max_size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{stdin_name}: cannot read standard input: {e}"))?;
            if bytes.len() as u64 > max_size {
                return Err(too_large(stdin_name, max_size));
            }
            return Ok((stdin_name.to_owned(), bytes));
        }
    };
    let name = name_of(path);
    // Opened without blocking, so that a FIFO is reported rather than waited on, and asked what
    // it is before anything is read: a device has no end.
    let opened = open(path);
    let meta = match &opened {
        Ok((_, meta)) => meta.clone(),
        // Say what it is when it cannot be opened (a socket, say), as for any other non-file.
        Err(e) => std::fs::metadata(path).map_err(|_| format!("{name}: {}", io_reason(e)))?,
    };
    regular(&name, &meta, max_size)?;
    let (mut file, _) = opened.map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    let bytes = read_sized(&mut file, meta.len(), max_size)
        .map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    if bytes.len() as u64 > max_size {
        // The file grew after it was measured, or says it is empty and is not (`/proc`).
        return Err(too_large(&name, max_size));
    }
    Ok((name, bytes))
}

/// Why an input of more than `max_size` bytes is not checked.
fn too_large(name: &str, max_size: u64) -> String {
    format!("{name}: larger than the limit of {max_size} bytes")
}

/// The name a file is reported under: its path.
fn name_of(path: &Path) -> String {
    // (A UTF-8 path is copied as it is; `display` would go through it character by character.)
    path.to_str()
        .map_or_else(|| path.display().to_string(), str::to_owned)
}

/// How much of a thread's read buffer is kept between files: files up to this size are read
/// with no allocation; a larger one grows the buffer, which is let go after it.
const SCRATCH: usize = 64 * 1024;

thread_local! {
    /// The buffer a thread reads found files into (see [`read_then`]).
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Read an input and give its name and bytes to `then`.
///
/// A file found in a directory is read into a buffer the thread keeps, with `read` until the
/// end: three system calls and a `read` that returns nothing, where [`read`] asks the open file
/// what it is (`fstat`, which costs more than that `read`), and no allocation for the bytes.
/// Its directory entry said it is a regular file; if it was replaced since by something
/// else, it is still opened without blocking and read no further than `max_size + 1` bytes.
/// Anything else goes through [`read`].
pub(crate) fn read_then<T>(
    input: &Input,
    stdin_name: &str,
    max_size: u64,
    then: impl FnOnce(String, &[u8]) -> T,
) -> Result<T, String> {
    let Input::Found(path) = input else {
        let (name, bytes) = read(input, stdin_name, max_size)?;
        return Ok(then(name, &bytes));
    };
    let name = name_of(path);
    BUFFER.with_borrow_mut(|buffer| {
        let result = match read_found(path, max_size, buffer) {
            Ok(n) if n as u64 > max_size => Err(too_large(&name, max_size)),
            Ok(n) => Ok(then(name, &buffer[..n])),
            Err(e) => Err(format!("{name}: {}", io_reason(&e))),
        };
        if buffer.len() > SCRATCH {
            *buffer = Vec::new();
        }
        result
    })
}

/// Read a found file into `buffer` (from its start) up to its end or `max_size + 1` bytes, and
/// say how many bytes it has.
fn read_found(path: &Path, max_size: u64, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut file = open_file(path)?;
    let limit = usize::try_from(max_size.saturating_add(1)).unwrap_or(usize::MAX);
    if buffer.is_empty() {
        // Zeroed by the allocator: its pages are touched only as files fill them.
        *buffer = vec![0; SCRATCH.min(limit)];
    }
    let mut filled = 0;
    while filled < limit {
        if filled == buffer.len() {
            buffer.resize(buffer.len().saturating_mul(2).min(limit), 0);
        }
        let end = buffer.len().min(limit);
        match file.read(&mut buffer[filled..end]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Read a file that `fstat` said has `size` bytes: at most `max_size + 1` bytes, so that a file
/// that grew past the limit is seen to. Every read asks for more than is left of `size`, so the
/// usual file takes one `read`: a regular file returns fewer bytes than asked only at its end.
/// A file that returns more (it grew, or says it is empty and is not, as in `/proc`) is read on,
/// up to the limit; one that returns fewer before `size` (a network file system) is read on too.
fn read_sized(file: &mut std::fs::File, size: u64, max_size: u64) -> std::io::Result<Vec<u8>> {
    let cap = |n: u64| usize::try_from(n.min(max_size.saturating_add(1))).unwrap_or(usize::MAX);
    let mut bytes = vec![0; cap(size.saturating_add(1)).max(1)];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            let more = cap((bytes.len() as u64).saturating_mul(2).max(8192));
            if more == bytes.len() {
                break;
            }
            bytes.resize(more, 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
        // A short read that reaches the size `fstat` gave is the end of the file.
        if filled as u64 == size && filled < bytes.len() {
            break;
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// `Ok` for a regular file of at most `max_size` bytes.
fn regular(name: &str, meta: &std::fs::Metadata, max_size: u64) -> Result<(), String> {
    if meta.is_dir() {
        return Err(format!("{name}: is a directory"));
    }
    if !meta.is_file() {
        return Err(format!("{name}: not a regular file{}", special(meta)));
    }
    if meta.len() > max_size {
        return Err(format!(
            "{name}: {} bytes, larger than the limit of {max_size} bytes",
            meta.len()
        ));
    }
    Ok(())
}

/// What a file that is neither a regular file nor a directory is: ` (a FIFO)`, ….
#[cfg(unix)]
fn special(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        " (a FIFO)"
    } else if t.is_char_device() {
        " (a character device)"
    } else if t.is_block_device() {
        " (a block device)"
    } else if t.is_socket() {
        " (a socket)"
    } else {
        ""
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::Metadata) -> &'static str {
    ""
}

/// Open a file for reading and ask the open file what it is: one path lookup, not two. On Unix
/// without blocking, so that a FIFO is reported as not a regular file rather than waited on.
fn open(path: &Path) -> std::io::Result<(std::fs::File, std::fs::Metadata)> {
    let file = open_file(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// Open a file for reading: on Unix without blocking (see [`open`]).
fn open_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// What went wrong, in a few words.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// The context of the identity provider saved in `path` (an `auth0.idp` payload; `-` is
/// standard input).
pub(crate) fn load_current(path: &Path, limits: &Limits) -> Result<Context, String> {
    let input = if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(path.to_path_buf())
    };
    let (name, bytes) = read(&input, "<stdin>", limits.max_file_size)?;
    let text = idplint::check::decode(&bytes).map_err(|d| format!("{name}: {}", d.message))?;
    let parsed = idplint::source::parse(text, Syntax::from_path(path), limits);
    let value = parsed.value.ok_or_else(|| {
        let why = parsed.problems.first().map_or("", |p| p.message.as_str());
        format!("{name}: not valid JSON or YAML: {why}")
    })?;
    Context::from_current(&value).map_err(|e| format!("{name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read a found file as `check` does: its bytes, or the message.
    fn read_found_file(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
        read_then(
            &Input::Found(path.to_path_buf()),
            "-",
            max_size,
            |name, bytes| {
                assert_eq!(name, path.to_str().unwrap());
                bytes.to_vec()
            },
        )
    }

    #[test]
    fn a_found_file_is_read_whole_at_every_size_and_a_large_buffer_is_let_go() {
        let dir = std::env::temp_dir().join(format!("idplint-found-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f.json");
        for size in [
            0,
            1,
            100,
            SCRATCH - 1,
            SCRATCH,
            SCRATCH + 1,
            3 * SCRATCH + 7,
        ] {
            let bytes: Vec<u8> = b"abcdefghijklmnopqrstuvwxyz"
                .iter()
                .copied()
                .cycle()
                .take(size)
                .collect();
            std::fs::write(&path, &bytes).unwrap();
            assert!(
                read_found_file(&path, 1 << 30).unwrap() == bytes,
                "{size} bytes"
            );
            let kept = BUFFER.with_borrow(Vec::len);
            assert!(kept <= SCRATCH, "{kept} bytes kept after a file of {size}");
            // The limit: a file of `max_size` bytes is read, one more byte is refused.
            let max = size as u64;
            assert!(
                read_found_file(&path, max).unwrap() == bytes,
                "{size} at its limit"
            );
            if size > 0 {
                assert_eq!(
                    read_found_file(&path, max - 1),
                    Err(format!(
                        "{}: larger than the limit of {} bytes",
                        path.display(),
                        max - 1
                    ))
                );
            }
        }
        // What took a found file's place since it was found: nothing, a folder, a FIFO (not
        // waited on).
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            read_found_file(&path, 100),
            Err(format!("{}: no such file", path.display()))
        );
        std::fs::create_dir(&path).unwrap();
        assert!(read_found_file(&path, 100).is_err());
        std::fs::remove_dir(&path).unwrap();
        #[cfg(unix)]
        if std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success())
        {
            assert_eq!(read_found_file(&path, 100), Ok(Vec::new()));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_is_read_whole_whatever_size_it_said() {
        let path = std::env::temp_dir().join(format!("idplint-read-{}.json", std::process::id()));
        std::fs::write(&path, "{\"a\": 1}\n").unwrap();
        let (_, bytes) = read(&Input::File(path.clone()), "-", 100).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(bytes, b"{\"a\": 1}\n");
        // A file that says it is empty and is not is read on past its stated size.
        #[cfg(target_os = "linux")]
        {
            let status = Input::File("/proc/self/status".into());
            let (_, bytes) = read(&status, "-", 1 << 20).unwrap();
            assert!(
                bytes.len() > 100 && bytes.starts_with(b"Name:"),
                "{}",
                bytes.len()
            );
        }
    }

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
            assert!(listing.push(&folder.join(name), is_dir));
        }
        // Not under the folder: refused (reported), not mangled.
        assert!(!listing.push(Path::new("./elsewhere/x.json"), false));
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
        assert!(listing.push(&name, false));
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
        let (listed, failed) = discover(std::slice::from_ref(&root), "-");
        assert!(!failed);
        let mut walked = Vec::new();
        assert!(walk_sorted(&root, &mut |i| walked.push(i)));
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
}
