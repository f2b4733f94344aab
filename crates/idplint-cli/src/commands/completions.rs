//! `idplint completions`: a shell completion script, generated from the argument definitions.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::{EXIT_ERROR, EXIT_OK};

pub(crate) fn run(args: &CompletionsArgs) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "idplint", &mut script);
    let mut stdout = std::io::stdout().lock();
    match std::io::Write::write_all(&mut stdout, &script) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_ERROR,
    }
}
