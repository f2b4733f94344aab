//! `idplint explain`.

use super::tool_error;
use crate::args::ExplainArgs;
use crate::{EXIT_ERROR, EXIT_OK};

pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let Some(rule) = idplint::rules::find(&args.rule) else {
        tool_error(&format!(
            "unknown rule `{}`; `idplint rules` lists them",
            args.rule
        ));
        return EXIT_ERROR;
    };
    println!("# {} ({})\n", rule.name, rule.code);
    println!(
        "Default severity: {}. {}.\n",
        rule.default_severity,
        capitalise(rule.summary)
    );
    print!("{}", rule.documentation());
    EXIT_OK
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
