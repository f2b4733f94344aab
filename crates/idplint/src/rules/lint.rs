//! What a rule does, besides its metadata: the types a rule's `LINT` declaration is made of.
//!
//! Schema generation reads [`Lint::annotation`] of every rule to turn idplint's annotations on
//! the payload types into descriptions and assertions; validation reads [`Lint::check`] to run
//! the rule, and [`Annotation::report`] to word a failed assertion.

use jsonschema::ValidationError;
use jsonschema::error::ValidationErrorKind;
use serde_json::{Map, Value};

use crate::context::{AccessLevel, Context};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::source::doc::NodeRef;
use crate::view::View;

/// A rule and what it does.
pub(crate) struct Lint {
    /// Its metadata.
    pub(crate) rule: &'static Rule,
    /// What it adds to the schemas of the payload types, if anything.
    pub(crate) annotation: Option<Annotation>,
    /// Where and how it is checked.
    pub(crate) check: Check,
    /// Rules whose findings at the same pointer are noise once this rule has a finding there
    /// (a placeholder URL is not also reported as too short).
    pub(crate) hides: &'static [&'static Rule],
}

/// Where and how a rule is checked.
pub(crate) enum Check {
    /// By a step of checking a file, which calls the wording functions of the rule's file.
    Step(#[allow(dead_code, reason = "says which step; read by the tests")] Step),
    /// A constraint the published schema states: `validate::map` maps each kind of jsonschema
    /// error to one such rule, in a `match` without a fallback arm.
    Schema,
    /// Only through the assertion of its [`Annotation`].
    Assertion,
    /// On every string of every payload.
    Strings(fn(&StringSite<'_>, &str, &mut Vec<Diagnostic>)),
    /// On the whole payload, for the kinds named.
    Payload(Kinds, PayloadCheck),
}

/// The steps of checking a file that report rules of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Decoding and parsing the text.
    Read,
    /// Choosing the kind of the payload.
    ChooseKind,
    /// Choosing the strategy whose schema an update body is checked against.
    ChooseStrategy,
}

/// The kinds a [`Check::Payload`] applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kinds {
    /// Every kind.
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "no rule checks every kind yet; the test-only rule does"
        )
    )]
    All,
    /// Auth0 update bodies.
    Auth0Updates,
    /// GenAuth connections, and envelopes around one.
    GenAuthConnections,
    /// Bodies that create a GenAuth connection.
    GenAuthConnectionCreates,
}

/// A check of a whole payload, for each form a payload is held in (see [`payload_check!`]).
pub(crate) struct PayloadCheck {
    /// On `serde_json`'s value.
    pub(crate) value: for<'a> fn(&'a Value, &Facts<'_>, &mut Vec<Diagnostic>),
    /// On a document read straight from JSON text.
    pub(crate) doc: for<'a> fn(NodeRef<'a>, &Facts<'_>, &mut Vec<Diagnostic>),
}

/// A [`PayloadCheck`] from a function generic over [`View`]:
/// `fn check<'v, V: View<'v>>(payload: V, facts: &Facts<'_>, out: &mut Vec<Diagnostic>)`.
macro_rules! payload_check {
    ($check:path) => {
        $crate::rules::PayloadCheck {
            value: |payload, facts, out| $check(payload, facts, out),
            doc: |payload, facts, out| $check(payload, facts, out),
        }
    };
}

/// The [`Annotation`] of a rule that `x-idplint-lint = "<name>"` asks for (see
/// [`crate::rules::pattern_lint`]): a non-empty string must match `$pattern`, the description
/// says `$note`, and `$report` words a failure. Used inside the rule's `declare_rule!`, whose
/// `RULE` it names.
macro_rules! pattern_annotation {
    ($pattern:expr, $note:expr, $report:expr) => {
        $crate::rules::Annotation {
            key: $crate::rules::LINT_ANNOTATION,
            keep: false,
            state: |field| $crate::rules::pattern_lint(field, &RULE, $pattern, $note),
            report: Some($report),
        }
    };
}

/// What a [`Check::Payload`] knows besides the payload.
pub(crate) struct Facts<'a> {
    /// The context of the check.
    pub(crate) context: Context,
    /// For update bodies: each top-level field and the access levels that may change it.
    pub(crate) access: &'a [(String, Vec<AccessLevel>)],
}

/// Where a string is: the keys and indices down to it, written as a JSON Pointer only when a
/// rule reports it (most strings have no finding), and the member it belongs to.
pub(crate) struct StringSite<'a> {
    /// The steps down to it.
    pub(crate) path: &'a [Segment<'a>],
    /// The key of the member it belongs to (an array item belongs to the array's member).
    pub(crate) key: &'a str,
    /// Whether that key names a secret.
    pub(crate) secret: bool,
    /// Whether it, or a member it is inside, is a secret (as
    /// [`crate::secrets::is_secret_pointer`]).
    pub(crate) in_secret: bool,
}

/// One step down a payload.
#[derive(Clone, Copy)]
pub(crate) enum Segment<'a> {
    /// A member of an object.
    Key(&'a str),
    /// An item of an array.
    Index(usize),
}

impl StringSite<'_> {
    /// The JSON Pointer of the string.
    pub(crate) fn pointer(&self) -> String {
        let mut pointer = String::new();
        for step in self.path {
            match step {
                Segment::Key(k) => crate::pointer::push_token(&mut pointer, k),
                Segment::Index(i) => crate::pointer::push_index(&mut pointer, *i),
            }
        }
        pointer
    }
}

/// What a rule adds to the schema of a field that carries its annotation.
pub(crate) struct Annotation {
    /// The key that calls for the rule on a field's generated schema: an `x-idplint-*`
    /// annotation of the payload types (see [`crate::payload`]), or a standard keyword such as
    /// `deprecated`. The published schema never has an `x-idplint-*` key; the lint schema keeps
    /// it only when `keep` is set.
    pub(crate) key: &'static str,
    /// Whether the lint schema keeps the key (the rule's check reads it there).
    pub(crate) keep: bool,
    /// What the schemas say about the field: `None` when the key's value is not for this rule
    /// (rules may share a key, such as `x-idplint-lint`).
    pub(crate) state: fn(&Field<'_>) -> Option<Statement>,
    /// The finding for a failure inside the rule's assertion; required when `state` makes one.
    pub(crate) report: Option<fn(&Failure<'_>) -> Diagnostic>,
}

/// A field's generated schema, with the value of an annotation on it.
pub(crate) struct Field<'a> {
    /// The annotation's value.
    pub(crate) value: &'a Value,
    /// The field's schema.
    pub(crate) schema: &'a Map<String, Value>,
    /// Whether the schema is a request body's.
    pub(crate) request: bool,
}

/// What the schemas say about an annotated field.
#[derive(Default)]
pub(crate) struct Statement {
    /// A sentence added to the field's description (in both schemas).
    pub(crate) note: Option<String>,
    /// An assertion the lint schema adds to the field (in its `allOf`). It names the rule in
    /// `x-idplint-rule`; validation reports a failure inside it as that rule.
    pub(crate) assertion: Option<Value>,
}

/// A failure inside a rule's assertion.
pub(crate) struct Failure<'a> {
    /// Where, in the payload.
    pub(crate) pointer: &'a str,
    /// jsonschema's error.
    pub(crate) error: &'a ValidationError<'a>,
    /// The schema of the annotated field.
    pub(crate) field: Option<NodeRef<'static>>,
}

impl Failure<'_> {
    /// The failing value.
    pub(crate) fn instance(&self) -> &Value {
        self.error.instance()
    }

    /// The kind of jsonschema's error.
    pub(crate) fn kind(&self) -> &ValidationErrorKind {
        self.error.kind()
    }

    /// The description of the annotated field.
    pub(crate) fn description(&self) -> Option<String> {
        self.field?
            .get("description")
            .and_then(View::as_str)
            .map(str::to_owned)
    }
}
