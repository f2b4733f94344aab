//! What idplint knows about the identity provider a payload is for, beyond the payload itself.

use serde_json::Value;

pub use crate::payload::auth0::{AccessLevel, Strategy};

/// The context of an update body: an Auth0 `PATCH` body names no strategy, and what it may
/// change depends on the identity provider's access level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The identity provider's strategy; `options` is checked against its shape.
    pub strategy: Option<Strategy>,
    /// The identity provider's access level; fields it does not allow are errors.
    pub access_level: Option<AccessLevel>,
}

impl Context {
    /// The context of the identity provider in a saved `auth0.idp` payload (a GET response).
    ///
    /// # Errors
    /// When the payload has no valid `strategy`, or an `access_level` that is not one of the
    /// four levels.
    pub fn from_current(idp: &Value) -> Result<Context, String> {
        let strategy = idp
            .get("strategy")
            .and_then(Value::as_str)
            .ok_or("the current identity provider has no `strategy`")?
            .parse::<Strategy>()?;
        let access_level = match idp.get("access_level") {
            None => None,
            Some(v) => Some(
                v.as_str()
                    .ok_or("`access_level` is not a string")?
                    .parse::<AccessLevel>()?,
            ),
        };
        Ok(Context {
            strategy: Some(strategy),
            access_level,
        })
    }

    /// Fill what this context leaves open from `other`.
    #[must_use]
    pub fn or(self, other: Context) -> Context {
        Context {
            strategy: self.strategy.or(other.strategy),
            access_level: self.access_level.or(other.access_level),
        }
    }
}
