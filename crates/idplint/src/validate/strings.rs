//! The rules that look at every string of a payload ([`Check::Strings`]), run in one walk.

use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use crate::rules::{Check, LINTS, Segment, StringSite};
use crate::view::View;

type StringCheck = fn(&StringSite<'_>, &str, &mut Vec<Diagnostic>);

/// The string checks of the registry, in its order.
static CHECKS: LazyLock<Vec<StringCheck>> = LazyLock::new(|| {
    LINTS
        .iter()
        .filter_map(|l| match l.check {
            Check::Strings(f) => Some(f),
            _ => None,
        })
        .collect()
});

/// Run every string check on every string of `value`.
pub(crate) fn check<'v, V: View<'v>>(value: V, out: &mut Vec<Diagnostic>) {
    let checks = CHECKS.as_slice();
    let top = Member {
        key: "",
        secret: false,
        in_secret: false,
    };
    walk(checks, value, &mut Vec::new(), top, out);
}

/// The member a string belongs to (an array item belongs to the array's member).
#[derive(Clone, Copy)]
struct Member<'a> {
    key: &'a str,
    secret: bool,
    in_secret: bool,
}

fn walk<'v, V: View<'v>>(
    checks: &[StringCheck],
    value: V,
    path: &mut Vec<Segment<'v>>,
    member: Member<'v>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(s) = value.as_str() {
        let site = StringSite {
            path,
            key: member.key,
            secret: member.secret,
            in_secret: member.in_secret,
        };
        for check in checks {
            check(&site, s, out);
        }
    } else if let Some(items) = value.items() {
        for (i, item) in items.enumerate() {
            path.push(Segment::Index(i));
            walk(checks, item, path, member, out);
            path.pop();
        }
    } else if let Some(members) = value.members() {
        for (k, v) in members {
            let secret = crate::secrets::is_secret_key(k);
            let inner = Member {
                key: k,
                secret,
                in_secret: member.in_secret || secret,
            };
            path.push(Segment::Key(k));
            walk(checks, v, path, inner, out);
            path.pop();
        }
    }
}
