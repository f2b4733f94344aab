//! `--current` (and `current` in the config file): the context of an identity provider, read
//! from a saved `auth0.idp` payload.

use std::path::Path;

use idplint::Context;
use idplint::source::{Format as Syntax, Limits};

use crate::input::{self, Input};

/// The context of the identity provider saved in `path` (an `auth0.idp` payload; `-` is
/// standard input).
pub(crate) fn load(path: &Path, limits: &Limits) -> Result<Context, String> {
    let input = if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(path.to_path_buf())
    };
    let (name, bytes) = input::read(&input, "<stdin>", limits.max_file_size)?;
    let text = idplint::check::decode(&bytes).map_err(|d| format!("{name}: {}", d.message))?;
    let parsed = idplint::source::parse(text, Syntax::from_path(path), limits);
    let value = parsed.value.ok_or_else(|| {
        let why = parsed.problems.first().map_or("", |p| p.message.as_str());
        format!("{name}: not valid JSON or YAML: {why}")
    })?;
    Context::from_current(&value).map_err(|e| format!("{name}: {e}"))
}
