//! What to check: the payload files of the paths given ([`discover`], [`walk_sorted`]), and
//! their bytes ([`read`], [`read_then`]). Nothing here prints: what goes wrong is handed back.

mod discover;
mod read;

use std::path::PathBuf;

pub(crate) use discover::{discover, walk_sorted};
pub(crate) use read::{io_reason, read, read_then};

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

/// Something that went wrong while the files to check were being found, for the caller to
/// report (the run goes on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Something could not be read: the run is incomplete.
    Error(String),
    /// Something the user should know, which does not make the run incomplete.
    Warning(String),
}

impl Problem {
    /// Whether it makes the run incomplete.
    pub(crate) fn is_error(&self) -> bool {
        matches!(self, Problem::Error(_))
    }
}
