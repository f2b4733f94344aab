//! One file per command.

mod check;
mod completions;
mod explain;
mod kinds;
mod rules;
mod schema;

use crate::args::{Cli, Command};
use crate::input::Problem;

/// Run a command; returns the exit status.
pub(crate) fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Kinds => kinds::run(),
        Command::Completions(args) => completions::run(&args),
    }
}

/// Print what went wrong while the files to check were found (not a finding) to stderr.
pub(crate) fn report(problem: &Problem) {
    match problem {
        Problem::Error(message) => tool_error(message),
        Problem::Warning(message) => tool_warning(message),
    }
}

/// Print a tool error (not a finding) to stderr.
pub(crate) fn tool_error(message: &str) {
    eprintln!("idplint: error: {message}");
}

/// Print a warning about the run (not a finding) to stderr.
pub(crate) fn tool_warning(message: &str) {
    eprintln!("idplint: warning: {message}");
}
