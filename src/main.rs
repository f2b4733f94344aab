//! The `idplint` binary: see the `idplint-cli` crate.
fn main() -> std::process::ExitCode {
    idplint_cli::run()
}
