//! The `idplint` command line. `main.rs` only calls [`run`].

mod args;
mod commands;
mod config;
mod current;
pub mod document;
mod input;
mod limits;
mod output;
mod parallel;
mod selection;

use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

/// Exit status: no error-severity finding remains.
pub const EXIT_OK: u8 = 0;
/// Exit status: at least one error-severity finding.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: a usage, config or I/O error (wins over [`EXIT_FINDINGS`]).
pub const EXIT_ERROR: u8 = 2;

/// Parse the command line, run the command, and return the exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    ExitCode::from(commands::run(cli))
}
