//! Auth0 My Organization API: identity providers (`/my-org/identity-providers`).

mod common;
mod create;
mod list;
mod options;
mod other;
mod response;
mod update;

pub use common::*;
pub use create::*;
pub use list::*;
pub use options::*;
pub use other::*;
pub use response::*;
pub use update::*;
