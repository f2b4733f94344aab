//! `idplint-corpus`: write a benchmark corpus.
//!
//! ```text
//! idplint-corpus --out DIR [--seed N] [--files N]              mixed payloads, one file each
//! idplint-corpus --out DIR [--seed N] --big SIZE [--errors N]  one list response of SIZE
//! ```
//!
//! SIZE is a number of bytes, or one with `KB` or `MB` (powers of 1,000). `DIR` must be empty or
//! missing.

use std::path::PathBuf;
use std::process::ExitCode;

use idplint_bench::corpus;

const USAGE: &str =
    "usage: idplint-corpus --out DIR [--seed N] [--files N | --big SIZE [--errors N]]";

#[derive(Debug, Default)]
struct Args {
    out: Option<PathBuf>,
    seed: u64,
    files: u64,
    big: Option<usize>,
    errors: usize,
}

fn size(text: &str) -> Option<usize> {
    let upper = text.to_ascii_uppercase();
    let (digits, unit) = if let Some(n) = upper.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = upper.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (upper.as_str(), 1)
    };
    digits.trim().parse::<usize>().ok()?.checked_mul(unit)
}

fn parse(mut words: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        seed: 1,
        files: 1000,
        ..Args::default()
    };
    while let Some(flag) = words.next() {
        let mut value = || words.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("bad number `{v}`"));
        match flag.as_str() {
            "--out" => args.out = Some(PathBuf::from(value()?)),
            "--seed" => args.seed = number(value()?)?,
            "--files" => args.files = number(value()?)?,
            "--big" => {
                let v = value()?;
                args.big = Some(size(&v).ok_or_else(|| format!("bad size `{v}`"))?);
            }
            "--errors" => {
                let v = value()?;
                args.errors = v.parse().map_err(|_| format!("bad number `{v}`"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("idplint-corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(out) = args.out else {
        eprintln!("idplint-corpus: --out is required\n{USAGE}");
        return ExitCode::from(2);
    };
    let written = match args.big {
        Some(bytes) => corpus::write_big(args.seed, bytes, args.errors, &out),
        None => corpus::write(args.seed, args.files, &out),
    };
    match written {
        Ok(s) => {
            println!(
                "{} files, {} invalid, {} bytes in {}",
                s.files,
                s.invalid,
                s.bytes,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("idplint-corpus: {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, size};

    #[test]
    fn sizes_take_kb_and_mb() {
        assert_eq!(size("1KB"), Some(1000));
        assert_eq!(size("10mb"), Some(10_000_000));
        assert_eq!(size("512"), Some(512));
        assert_eq!(size("x"), None);
    }

    #[test]
    fn arguments() {
        let a = parse(
            ["--out", "d", "--files", "5", "--seed", "9"]
                .map(String::from)
                .into_iter(),
        )
        .unwrap();
        assert_eq!((a.files, a.seed, a.big), (5, 9, None));
        assert!(parse(["--files"].map(String::from).into_iter()).is_err());
        assert!(parse(["--what"].map(String::from).into_iter()).is_err());
    }
}
