//! The names a caller passes: kinds, schema ids, strategies, access levels. An unknown one is an
//! error that names the nearest valid one.

use idplint::kinds::{self, Kind, SchemaDef};
use idplint::{AccessLevel, Context, Strategy};

/// `unknown {what} `{given}`; did you mean `{nearest}`? (one of …)`. The nearest is the most
/// similar candidate, however far: the caller always gets a name to try.
pub(crate) fn unknown<'a>(
    what: &str,
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let all: Vec<&str> = candidates.into_iter().collect();
    let nearest = idplint::text::nearest_within(given, all.iter().copied(), 0.0).unwrap_or(all[0]);
    format!(
        "unknown {what} `{given}`; did you mean `{nearest}`? (one of {})",
        all.join(", ")
    )
}

/// The kind with this id.
pub(crate) fn kind(id: &str) -> Result<&'static Kind, String> {
    idplint::find_kind(id).ok_or_else(|| unknown("kind", id, kinds::KINDS.iter().map(|k| k.id)))
}

/// The published schema with this id: a kind's, or one of its per-strategy variants.
pub(crate) fn schema(id: &str) -> Result<&'static SchemaDef, String> {
    kinds::all_schemas()
        .find(|s| s.id == id)
        .ok_or_else(|| unknown("kind", id, kinds::all_schemas().map(|s| s.id)))
}

/// The strategy named `s`.
pub(crate) fn strategy(s: &str) -> Result<Strategy, String> {
    s.parse()
        .map_err(|_| unknown("strategy", s, Strategy::ALL.iter().map(|x| x.as_str())))
}

/// The access level named `s`.
pub(crate) fn access_level(s: &str) -> Result<AccessLevel, String> {
    s.parse().map_err(|_| {
        unknown(
            "access level",
            s,
            AccessLevel::ALL.iter().map(|x| x.as_str()),
        )
    })
}

/// The context given by `strategy` and `accessLevel`.
pub(crate) fn context(strategy: Option<&str>, access: Option<&str>) -> Result<Context, String> {
    Ok(Context {
        strategy: strategy.map(self::strategy).transpose()?,
        access_level: access.map(access_level).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_suggest_the_nearest() {
        let e = kind("auth0.idp.updat").unwrap_err();
        assert!(
            e.starts_with("unknown kind `auth0.idp.updat`; did you mean `auth0.idp.update`?"),
            "{e}"
        );
        let e = strategy("odic").unwrap_err();
        assert!(
            e.starts_with("unknown strategy `odic`; did you mean `oidc`?"),
            "{e}"
        );
        let e = access_level("FULL!").unwrap_err();
        assert!(
            e.starts_with("unknown access level `FULL!`; did you mean `full`?"),
            "{e}"
        );
        // However far, a name to try.
        assert!(kind("zzz").unwrap_err().contains("did you mean `"));
    }

    #[test]
    fn schema_ids_include_the_variants() {
        assert_eq!(
            schema("auth0.idp.update.oidc").unwrap().id,
            "auth0.idp.update.oidc"
        );
        assert!(
            schema("auth0.idp.update.odic")
                .map(|s| s.id)
                .unwrap_err()
                .contains("`auth0.idp.update.oidc`")
        );
    }
}
