//! `idplint check`: find the files, check them in parallel, print them in path order.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use idplint::render::Style;
use idplint::source::{Format as Syntax, Limits};
use idplint::{Context, Options};

use super::{report, tool_error};
use crate::args::{CheckArgs, Format};
use crate::config::{self, Config, ConfigError};
use crate::current;
use crate::input::{self, Input, Problem};
use crate::output::{self, Totals};
use crate::parallel::{Producer, in_order};
use crate::selection::{Levels, RuleSettings};
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let plan = match Plan::new(args) {
        Ok(plan) => plan,
        Err(SetupError::Usage(e)) => {
            tool_error(&e);
            return EXIT_ERROR;
        }
        Err(SetupError::Config(e)) => {
            eprintln!("{e}");
            return EXIT_ERROR;
        }
    };
    // One folder (`idplint check .`) is checked as it is walked; anything else is listed first.
    let tree = match args.paths.as_slice() {
        [one] if one.as_os_str() != "-" && one.is_dir() => Some(one.as_path()),
        _ => None,
    };
    let (inputs, listing_problems) = match tree {
        Some(_) => (Vec::new(), Vec::new()),
        None => input::discover(&args.paths, &args.stdin_filename),
    };
    listing_problems.iter().for_each(report);
    let listing_failed = listing_problems.iter().any(Problem::is_error);
    let walk_failed = AtomicBool::new(false);
    let color = args.format == Format::Human
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal();
    let style = Style {
        color,
        ..Style::default()
    };
    let mut printer = Printer {
        format: args.format,
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        totals: Totals::default(),
        ok: true,
        first: true,
    };
    printer.write(output::start(args.format));
    let stop = AtomicBool::new(false);
    let mut failed = listing_failed;
    let (expected, produce): (Option<usize>, Producer<'_, Input>) = match tree {
        Some(dir) => (
            None,
            Box::new(|emit| {
                input::walk_sorted(dir, emit, &mut |problem| {
                    report(&problem);
                    if problem.is_error() {
                        walk_failed.store(true, Ordering::Relaxed);
                    }
                });
            }),
        ),
        None => (
            Some(inputs.len()),
            Box::new(|emit| inputs.into_iter().for_each(emit)),
        ),
    };
    in_order(
        expected,
        produce,
        &stop,
        |input| plan.check(input, args, style),
        |outcome| match outcome {
            Ok(checked) => {
                if !printer.file(&checked) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
            Err(e) => {
                tool_error(&e);
                failed = true;
            }
        },
    );
    failed |= walk_failed.load(Ordering::Relaxed);
    let (errors, warnings) = (printer.totals.errors, printer.totals.warnings);
    printer.totals.incomplete = failed;
    let written = printer.finish();
    if failed || !written {
        EXIT_ERROR
    } else if errors > 0 || (args.error_on_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Standard output, as the files come in.
struct Printer<W: Write> {
    format: Format,
    out: W,
    totals: Totals,
    /// Whether every write so far succeeded.
    ok: bool,
    first: bool,
}

impl<W: Write> Printer<W> {
    fn write(&mut self, text: &str) -> bool {
        self.ok = self.ok && self.out.write_all(text.as_bytes()).is_ok();
        self.ok
    }

    /// Print a checked file; false once standard output is gone.
    fn file(&mut self, checked: &Checked) -> bool {
        self.totals.files += 1;
        self.totals.errors += checked.errors;
        self.totals.warnings += checked.warnings;
        self.totals
            .rules
            .extend(checked.rules.iter().map(|r| (r.code, *r)));
        if checked.text.is_empty() {
            return self.ok;
        }
        if !std::mem::take(&mut self.first) {
            self.write(output::separator(self.format));
        }
        self.write(&checked.text)
    }

    /// Print the end; whether everything was written.
    fn finish(mut self) -> bool {
        let end = output::end(self.format, &self.totals);
        self.write(&end) && self.out.flush().is_ok()
    }
}

/// What a run knows before it reads a file: the command line's options and the config file.
struct Plan {
    /// Kind and context from the command line.
    options: Options,
    config: Option<Config>,
    /// The rule levels of a file that no `[[rules.per-file]]` entry matches.
    levels: Levels,
    /// `[rules]` only, for files that per-file entries match; the command line goes on top.
    config_levels: Levels,
    cli_rules: RuleSettings,
    cwd: PathBuf,
}

/// Why a run cannot start.
enum SetupError {
    /// A bad command line.
    Usage(String),
    /// A bad config file (the message names the file, line and column).
    Config(ConfigError),
}

impl From<String> for SetupError {
    fn from(e: String) -> Self {
        SetupError::Usage(e)
    }
}

impl From<ConfigError> for SetupError {
    fn from(e: ConfigError) -> Self {
        SetupError::Config(e)
    }
}

/// One file, checked and rendered.
struct Checked {
    text: String,
    /// The rules with findings in it (for `--format sarif` only).
    rules: Vec<&'static idplint::Rule>,
    errors: usize,
    warnings: usize,
}

impl Plan {
    fn new(args: &CheckArgs) -> Result<Plan, SetupError> {
        let cli_rules = RuleSettings::from_args(&args.select, &args.ignore)?;
        let mut options = cli_options(args)?;
        let cwd = std::env::current_dir().unwrap_or_default();
        let config = if args.no_config {
            None
        } else if let Some(path) = &args.config {
            let shown = path.display().to_string();
            Some(Config::load(path, &shown, &cwd, &current::load)?)
        } else if let Some(path) = config::find(&cwd) {
            let shown = shown_from(&cwd, &path);
            Some(Config::load(&path, &shown, &cwd, &current::load)?)
        } else {
            None
        };
        let mut config_levels = Levels::default();
        if let Some(config) = &config {
            config_levels.apply(&config.rules);
            // The command line's limits win over the config file's.
            options.limits = args.limits().apply(config.limits.apply(Limits::default()));
        }
        let mut levels = config_levels.clone();
        levels.apply(&cli_rules);
        Ok(Plan {
            options,
            config,
            levels,
            config_levels,
            cli_rules,
            cwd,
        })
    }

    /// The options and rule levels of one file.
    fn for_file(&self, name: &Path) -> (Cow<'_, Options>, Cow<'_, Levels>) {
        let Some(config) = &self.config else {
            return (Cow::Borrowed(&self.options), Cow::Borrowed(&self.levels));
        };
        let Some(relative) = config.relative(&self.cwd, name) else {
            return (Cow::Borrowed(&self.options), Cow::Borrowed(&self.levels));
        };
        let options = match config.file_entry(&relative) {
            Some(entry) => Cow::Owned(Options {
                kind: self.options.kind.or(entry.kind),
                context: self.options.context.or(entry.context),
                limits: self.options.limits,
            }),
            None => Cow::Borrowed(&self.options),
        };
        let per_file = config.per_file(&relative);
        if per_file.is_empty() {
            return (options, Cow::Borrowed(&self.levels));
        }
        let mut levels = self.config_levels.clone();
        for settings in per_file {
            levels.apply(settings);
        }
        levels.apply(&self.cli_rules);
        (options, Cow::Owned(levels))
    }

    /// Read, check and render one input.
    fn check(&self, input: &Input, args: &CheckArgs, style: Style) -> Result<Checked, String> {
        let max_size = self.options.limits.max_file_size;
        let report = input::read_then(input, &args.stdin_filename, max_size, |name, bytes| {
            let (options, levels) = self.for_file(Path::new(&name));
            let syntax = Syntax::from_path(Path::new(&name));
            // Rules that are off are dropped before the findings are located in the text.
            idplint::check::check_bytes_with(&name, bytes, syntax, &options, |diagnostics| {
                levels.filter(diagnostics);
            })
        })?;
        let (errors, warnings) = report.counts();
        // Only the SARIF log lists the rules with findings; the other formats need no list.
        let mut rules: Vec<&'static idplint::Rule> = Vec::new();
        if args.format == Format::Sarif {
            rules.extend(report.diagnostics.iter().map(|d| d.rule));
            rules.sort_unstable_by_key(|r| r.code);
            rules.dedup_by_key(|r| r.code);
        }
        Ok(Checked {
            text: output::file(args.format, &report, style),
            rules,
            errors,
            warnings,
        })
    }
}

/// The kind and context given on the command line.
fn cli_options(args: &CheckArgs) -> Result<Options, String> {
    let kind = args.kind.as_deref().map(config::find_kind).transpose()?;
    let mut context = Context {
        strategy: args.strategy.as_deref().map(str::parse).transpose()?,
        access_level: args.access_level.as_deref().map(str::parse).transpose()?,
    };
    let limits = args.limits().apply(Limits::default());
    if let Some(saved) = &args.current {
        let from_file = current::load(saved, &limits).map_err(|e| format!("--current {e}"))?;
        context = context.or(from_file);
    }
    Ok(Options {
        kind,
        context,
        limits,
    })
}

/// How to show a config file found in `cwd` or above it: `idplint.toml`, `../idplint.toml`, …
fn shown_from(cwd: &Path, path: &Path) -> String {
    let up = path
        .parent()
        .and_then(|dir| cwd.strip_prefix(dir).ok())
        .map_or(0, |rest| rest.components().count());
    if up == 0 && path.parent() != Some(cwd) {
        return path.display().to_string();
    }
    format!("{}{}", "../".repeat(up), config::FILE_NAME)
}
