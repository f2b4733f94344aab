//! Reading an input's bytes, within the size limit, without waiting on what is not a file.

use std::io::Read;
use std::path::Path;

use super::Input;

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
}
