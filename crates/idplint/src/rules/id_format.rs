use super::{Check, Failure};
use crate::diagnostic::Diagnostic;
use crate::text::field_path;

declare_rule! {
    /// ## What it does
    /// Reports a GenAuth id (`id`, `extIdpId`, `tenantId`, `appId`, `appIds`) that is not a
    /// 24-character lowercase hex MongoDB ObjectId.
    ///
    /// ## Why is this bad?
    /// Every id the API has ever returned is an ObjectId, so anything else is most likely a
    /// masked id from the documentation (`60b49eb83fxxxxxdb96f26e68`), a placeholder, or a
    /// copy-paste error, and refers to nothing.
    ///
    /// It is a warning, not an error: no source states the format, and the API may accept
    /// other ids.
    ///
    /// ## Example
    /// ```json
    /// { "id": "60b49ebxxxxxadb96f26e68", "enabled": true, "appId": "6229ffa0c7b2b3b3cade3e3d9" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "id": "60b49eb83fd80adb96f26e68", "enabled": true, "appId": "6229ffa0c7b2b3cade3e3d9a" }
    /// ```
    pub(crate) static RULE = {
        code: "IDP302",
        name: "id-format",
        default: Warning,
        summary: "a GenAuth id that is not a 24-hex ObjectId",
        in_schema: false,
        check: Check::Assertion,
        annotation: pattern_annotation!(PATTERN, NOTE, report),
    }
}

/// The shape idplint expects.
const PATTERN: &str = crate::payload::genauth::OBJECT_ID_PATTERN;

/// What the published schemas say about it.
const NOTE: &str = "Every id the API returns is a 24-character lowercase hex ObjectId, such as `60b49eb83fd80adb96f26e68`.";

fn report(failure: &Failure<'_>) -> Diagnostic {
    let pointer = failure.pointer;
    Diagnostic::new(
        &RULE,
        pointer,
        format!(
            "`{}` is not a 24-character hex ObjectId",
            field_path(pointer)
        ),
    )
    .with_label("not an ObjectId")
    .with_help(
        "GenAuth ids look like `60b49eb83fd80adb96f26e68`; a masked or made-up id refers to nothing",
    )
}
