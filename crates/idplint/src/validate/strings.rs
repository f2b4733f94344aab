//! The rules that look at every string of a payload ([`Check::Strings`]), run in one walk.

use crate::diagnostic::Diagnostic;
use crate::rules::{self, Segment, StringSite};
use crate::view::View;

/// Run every string check on every string of `value`.
pub(crate) fn check<'v, V: View<'v>>(value: V, out: &mut Vec<Diagnostic>) {
    let top = Member {
        key: "",
        secret: false,
        in_secret: false,
    };
    walk(value, &mut Vec::new(), top, out);
}

/// The member a string belongs to (an array item belongs to the array's member).
#[derive(Clone, Copy)]
struct Member<'a> {
    key: &'a str,
    secret: bool,
    in_secret: bool,
}

fn walk<'v, V: View<'v>>(
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
        rules::check_string(&site, s, out);
    } else if let Some(items) = value.items() {
        for (i, item) in items.enumerate() {
            path.push(Segment::Index(i));
            walk(item, path, member, out);
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
            walk(v, path, inner, out);
            path.pop();
        }
    }
}
