//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::limits::{self, Count, Depth, LimitSettings, Size};

/// Lint identity-provider connection payloads (Auth0 My Organization API, Authing / GenAuth)
/// before they reach the API.
#[derive(Debug, Parser)]
#[command(name = "idplint", version, about, max_term_width = 100)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // one value per process
pub enum Command {
    /// Check payload files.
    Check(CheckArgs),
    /// Print the JSON Schema of a kind, or write every schema into a folder.
    Schema(SchemaArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Show the documentation of a rule.
    Explain(ExplainArgs),
    /// List the payload kinds.
    Kinds,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Rendered reports with the source snippet.
    Human,
    /// One line per finding: `path:line:col: CODE name message`.
    Concise,
    /// One JSON document (the stable contract, see the README).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, SARIF viewers).
    Sarif,
    /// GitHub Actions workflow annotations: `::error file=…,line=…,col=…::message`.
    Github,
}

/// `idplint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (`-` for standard input). Directories are searched for
    /// `*.json`, `*.yaml` and `*.yml`, honouring `.gitignore` and `.ignore`; files named here are
    /// always checked.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The payload kind (see `idplint kinds`); detected from the content when left out.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Update bodies: the identity provider's strategy.
    #[arg(long, value_name = "STRATEGY")]
    pub strategy: Option<String>,
    /// Update bodies: the identity provider's access level (none, readonly, limited, full).
    #[arg(long, value_name = "LEVEL")]
    pub access_level: Option<String>,
    /// Update bodies: the identity provider as last fetched (an `auth0.idp` payload), for its
    /// strategy and access level.
    #[arg(long, value_name = "FILE")]
    pub current: Option<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The name to report for standard input (config globs match it too).
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
    /// Check only these rules: codes (`IDP010`), names (`missing-field`), code prefixes
    /// (`IDP2`) or `all`. Repeat it, or separate with commas.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not check these rules (same forms as `--select`).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit with 1 when a warning remains, not only an error.
    #[arg(long)]
    pub error_on_warnings: bool,
    /// The config file to use, instead of the `idplint.toml` found from the working directory
    /// upward.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// The largest file to read, in bytes or with a unit (`512KiB`, `16MiB`); a larger file
    /// is reported, not read [default: 16MiB].
    #[arg(long, value_name = "SIZE", value_parser = limits::parse_size)]
    pub(crate) max_file_size: Option<Size>,
    /// The deepest nesting of objects and arrays accepted, from 1 to 1000 [default: 128].
    #[arg(long, value_name = "N", value_parser = limits::parse_depth)]
    pub(crate) max_depth: Option<Depth>,
    /// The most nodes that YAML aliases may produce ("billion laughs") [default: 100000].
    #[arg(long, value_name = "N", value_parser = limits::parse_count)]
    pub(crate) max_yaml_alias_nodes: Option<Count>,
}

impl CheckArgs {
    /// The limits set on the command line.
    pub(crate) fn limits(&self) -> LimitSettings {
        LimitSettings {
            max_file_size: self.max_file_size,
            max_depth: self.max_depth,
            max_yaml_alias_nodes: self.max_yaml_alias_nodes,
        }
    }
}

/// `idplint schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema to print (a kind, or a kind with a strategy such as `auth0.idp.update.oidc`).
    pub kind: Option<String>,
    /// Write every schema into this folder, as `<id>.json`.
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub out_dir: Option<PathBuf>,
    /// With `--out-dir`: write nothing, fail when a file there is missing or differs.
    #[arg(long, requires = "out_dir")]
    pub check: bool,
}

/// `idplint rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A plain-text table.
    Table,
    /// JSON.
    Json,
}

/// `idplint completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `idplint explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`IDP010`) or name (`missing-field`).
    pub rule: String,
}
