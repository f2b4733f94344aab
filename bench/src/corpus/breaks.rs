//! Ways to make a payload invalid that JSON Schema itself states (a wrong type, a missing
//! required field, a value outside an enum, a pattern, a length, an unknown field), so that
//! idplint and every schema validator agree that the file is invalid.

use serde_json::{Value, json};

/// A bad value.
#[derive(Debug, Clone, Copy)]
pub enum Bad {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// `null`.
    Null,
    /// A string of this many characters.
    Long(usize),
}

impl Bad {
    fn value(self) -> Value {
        match self {
            Bad::Str(s) => json!(s),
            Bad::Int(n) => json!(n),
            Bad::Bool(b) => json!(b),
            Bad::Null => Value::Null,
            Bad::Long(n) => json!("x".repeat(n)),
        }
    }
}

/// An edit of the payload at a JSON Pointer.
#[derive(Debug, Clone, Copy)]
pub enum Edit {
    /// Remove the member.
    Remove(&'static str),
    /// Set (or add) the member.
    Set(&'static str, Bad),
}

/// One way to break a payload, and the idplint rule that finds it.
#[derive(Debug)]
pub struct Break {
    /// The idplint rule that reports it.
    pub rule: &'static str,
    /// What to change.
    pub edit: Edit,
}

impl Break {
    /// Apply the edit; false when the payload has no place for it (the parent is missing, or
    /// the member to remove is).
    pub fn apply(&self, payload: &mut Value) -> bool {
        let pointer = match self.edit {
            Edit::Remove(p) | Edit::Set(p, _) => p,
        };
        let Some((parent, key)) = pointer.rsplit_once('/') else {
            return false;
        };
        let Some(Value::Object(map)) = payload.pointer_mut(parent) else {
            return false;
        };
        match self.edit {
            Edit::Remove(_) => map.shift_remove(key).is_some(),
            Edit::Set(_, bad) => {
                map.insert(key.to_owned(), bad.value());
                true
            }
        }
    }
}

const fn b(rule: &'static str, edit: Edit) -> Break {
    Break { rule, edit }
}

use Bad::{Bool, Int, Long, Null, Str};
use Edit::{Remove, Set};

/// `auth0.idp.create`.
pub static CREATE: &[Break] = &[
    b("missing-field", Remove("/name")),
    b("missing-field", Remove("/options")),
    b("wrong-type", Set("/is_enabled", Str("yes"))),
    b("invalid-enum", Set("/strategy", Str("saml"))),
    b("length-out-of-range", Set("/display_name", Long(129))),
    b("unknown-field", Set("/options/connection_timeout", Int(30))),
];

/// `auth0.idp.update.<strategy>`.
pub static UPDATE: &[Break] = &[
    b("wrong-type", Set("/is_enabled", Str("yes"))),
    b("wrong-type", Set("/show_as_button", Int(1))),
    b("length-out-of-range", Set("/display_name", Str(""))),
    b("unknown-field", Set("/enabled", Bool(true))),
    b("wrong-type", Set("/options", Str("default"))),
];

/// `auth0.idp`.
pub static IDP: &[Break] = &[
    b("pattern-mismatch", Set("/id", Str("con_ABC"))),
    b("invalid-enum", Set("/access_level", Str("admin"))),
    b("wrong-type", Set("/is_enabled", Str("true"))),
    b("missing-field", Remove("/options")),
    b("invalid-enum", Set("/strategy", Str("saml2"))),
    b("unknown-field", Set("/connection_id", Str("con_x"))),
];

/// `auth0.idp.list`.
pub static LIST: &[Break] = &[
    b(
        "pattern-mismatch",
        Set("/identity_providers/0/id", Str("con_1")),
    ),
    b(
        "invalid-enum",
        Set("/identity_providers/0/access_level", Str("owner")),
    ),
    b(
        "wrong-type",
        Set("/identity_providers/0/is_enabled", Str("yes")),
    ),
    b("wrong-type", Set("/identity_providers", Str("none"))),
    b("unknown-field", Set("/total", Int(3))),
];

/// `auth0.idp.provisioning`.
pub static PROVISIONING: &[Break] = &[
    b("invalid-enum", Set("/method", Str("saml"))),
    b("missing-field", Remove("/user_id_attribute")),
    b(
        "pattern-mismatch",
        Set("/identity_provider_id", Str("okta-1")),
    ),
    b("wrong-type", Set("/attributes/0/is_required", Str("yes"))),
    b("invalid-enum", Set("/strategy", Str("auth0"))),
];

/// `genauth.ext-idp-conn.create`.
pub static CONN_CREATE: &[Break] = &[
    b("missing-field", Remove("/extIdpId")),
    b("missing-field", Remove("/identifier")),
    b("invalid-enum", Set("/type", Str("openid"))),
    b("wrong-type", Set("/loginOnly", Str("yes"))),
    b("wrong-type", Set("/fields", Str("{}"))),
    b("unknown-field", Set("/displayname", Str("Acme"))),
];

/// `genauth.ext-idp-conn.update`.
pub static CONN_UPDATE: &[Break] = &[
    b("missing-field", Remove("/id")),
    b("missing-field", Remove("/displayName")),
    b("wrong-type", Set("/fields", Null)),
    b("wrong-type", Set("/loginOnly", Int(1))),
    b("unknown-field", Set("/display_name", Str("Acme"))),
];

/// `genauth.ext-idp-conn.response`.
pub static CONN_RESPONSE: &[Break] = &[
    b("wrong-type", Set("/statusCode", Str("200"))),
    b("missing-field", Remove("/message")),
    b("invalid-enum", Set("/data/associationMode", Str("auto"))),
    b("wrong-type", Set("/data/loginOnly", Str("no"))),
    b("missing-field", Remove("/data/extIdpId")),
    b("invalid-enum", Set("/data/type", Str("openid"))),
];

/// `genauth.ext-idp.create`.
pub static SOURCE_CREATE: &[Break] = &[
    b("missing-field", Remove("/type")),
    b("invalid-enum", Set("/type", Str("openid"))),
    b("wrong-type", Set("/name", Int(1))),
    b("unknown-field", Set("/tenant", Str("acme"))),
];

/// `genauth.ext-idp.response`.
pub static SOURCE_RESPONSE: &[Break] = &[
    b("wrong-type", Set("/statusCode", Str("200"))),
    b("missing-field", Remove("/data/logo")),
    b("wrong-type", Set("/data/id", Int(1))),
    b("wrong-type", Set("/data/name", Null)),
];

/// `genauth.ext-idp.list.response`.
pub static SOURCE_LIST: &[Break] = &[
    b("wrong-type", Set("/data/totalCount", Str("2"))),
    b("wrong-type", Set("/data/list/0/id", Int(5))),
    b("missing-field", Remove("/data/list/0/type")),
    b("wrong-type", Set("/data/list", Str(""))),
];

/// `genauth.ext-idp-conn.state`.
pub static CONN_STATE: &[Break] = &[
    b("missing-field", Remove("/appId")),
    b("wrong-type", Set("/enabled", Str("true"))),
    b("wrong-type", Set("/id", Int(123))),
    b("wrong-type", Set("/appIds", Str("all"))),
];

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Bad, Break, Edit};

    #[test]
    fn set_adds_or_replaces_and_remove_needs_the_member() {
        let mut v = json!({"a": {"b": 1}});
        assert!(
            Break {
                rule: "x",
                edit: Edit::Set("/a/b", Bad::Str("s"))
            }
            .apply(&mut v)
        );
        assert!(
            Break {
                rule: "x",
                edit: Edit::Set("/a/c", Bad::Long(3))
            }
            .apply(&mut v)
        );
        assert_eq!(v, json!({"a": {"b": "s", "c": "xxx"}}));
        assert!(
            Break {
                rule: "x",
                edit: Edit::Remove("/a/b")
            }
            .apply(&mut v)
        );
        assert!(
            !Break {
                rule: "x",
                edit: Edit::Remove("/a/b")
            }
            .apply(&mut v)
        );
        assert!(
            !Break {
                rule: "x",
                edit: Edit::Set("/z/b", Bad::Null)
            }
            .apply(&mut v)
        );
    }
}
