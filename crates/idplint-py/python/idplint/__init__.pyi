"""Validate identity-provider connection payloads before the API call.

idplint checks the bodies that services send to the Auth0 My Organization API and the
Authing / GenAuth V3 Management API, with the same rules as the ``idplint`` command line tool.
Every function checks with the GIL released, so threads check in parallel.
"""

from typing import Any, Iterable, Literal, Optional, Union, final

__all__ = [
    "MAX_DEPTH",
    "Diagnostic",
    "InvalidPayload",
    "Report",
    "Rule",
    "__version__",
    "check",
    "ensure_valid",
    "kinds",
    "rules",
    "schema",
    "validate",
]

__version__: str

MAX_DEPTH: int
"""The deepest nesting of Python data that ``validate`` reads; deeper (or cyclic) data is an
``invalid-syntax`` finding."""

_JSON = Union[dict[str, Any], list[Any], tuple[Any, ...], str, int, float, bool, None]
"""JSON-compatible Python data: dicts with str keys, lists or tuples, str, int, float, bool and
None (subclasses too)."""

_Severity = Literal["error", "warning"]

@final
class Diagnostic:
    """One finding. Its message, help and ``repr`` never hold the value of a secret."""

    code: str
    """The rule's code, such as ``"IDP012"``."""
    rule: str
    """The rule's name, such as ``"wrong-type"``: the name to select or ignore it by."""
    severity: _Severity
    """``"error"`` or ``"warning"``."""
    message: str
    """What is wrong, in one sentence."""
    help: Optional[str]
    """What to do about it, when idplint knows."""
    pointer: str
    """The JSON Pointer of the value (``""`` for the whole payload), e.g. ``"/options/client_id"``."""
    line: Optional[int]
    """1-based line of the finding's start, when the payload was text; else ``None``."""
    column: Optional[int]
    """1-based column of the start, counted in code points."""
    end_line: Optional[int]
    """1-based line of the end (exclusive)."""
    end_column: Optional[int]
    """1-based column of the end (exclusive), in code points."""

@final
class Report:
    """The result of ``check``."""

    kind: Optional[str]
    """The kind the text was checked as: given, or detected from the content; ``None`` when
    neither (an ``unknown-kind`` finding then says how to name it)."""
    path: str
    """The path the text was checked as."""
    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding, in the order of the text."""
    @property
    def errors(self) -> list[Diagnostic]:
        """The findings of severity ``"error"``."""
    @property
    def warnings(self) -> list[Diagnostic]:
        """The findings of severity ``"warning"``."""

@final
class Rule:
    """A rule of idplint's registry."""

    code: str
    """Its code, such as ``"IDP012"``; never reused."""
    name: str
    """Its kebab-case name, such as ``"wrong-type"``."""
    severity: _Severity
    """Its default severity."""
    summary: str
    """What it checks, in one line."""
    @property
    def docs(self) -> str:
        """Its documentation, as ``idplint explain`` prints it."""

class InvalidPayload(ValueError):
    """Raised by ``ensure_valid`` when a payload has at least one error.

    ``str()`` lists each error as ``pointer: code rule: message``.
    """

    kind: str
    """The kind the payload was validated as."""
    errors: list[Diagnostic]
    """The error-severity findings (at least one)."""
    warnings: list[Diagnostic]
    """The warnings found with them."""
    def __init__(
        self, kind: str, errors: Iterable[Diagnostic], warnings: Iterable[Diagnostic] = ()
    ) -> None: ...

def validate(
    kind: str,
    payload: Union[_JSON, bytes],
    *,
    strategy: Optional[str] = None,
    access_level: Optional[str] = None,
) -> list[Diagnostic]:
    """Validate a payload of ``kind`` and return its findings (empty when it is clean).

    ``payload`` is JSON-compatible Python data (converted directly, without JSON text), or JSON
    text as ``str`` or ``bytes``; the findings of text also have lines and columns.
    ``strategy`` and ``access_level`` are the context of an ``auth0.idp.update`` body: the
    identity provider's strategy (``"oidc"``, ``"samlp"``, ...) and access level (``"none"``,
    ``"readonly"``, ``"limited"``, ``"full"``).

    Bad text (not UTF-8, truncated, nested 100,000 deep, ``1e400``, ...) and data that JSON
    cannot hold (NaN, a lone surrogate, nesting deeper than ``MAX_DEPTH``) are
    ``invalid-syntax`` findings, not exceptions.

    Raises ``ValueError`` for an unknown kind, strategy or access level (naming the nearest valid
    one), and ``TypeError`` for data that is not JSON-compatible (a set, a datetime, a key that
    is not a str).
    """

def ensure_valid(
    kind: str,
    payload: Union[_JSON, bytes],
    *,
    strategy: Optional[str] = None,
    access_level: Optional[str] = None,
) -> list[Diagnostic]:
    """Validate like ``validate``, and raise ``InvalidPayload`` if an error remains.

    Returns the warnings (a list, empty when there are none).
    """

def check(
    text: Union[str, bytes],
    *,
    path: str = "-",
    kind: Optional[str] = None,
    strategy: Optional[str] = None,
    access_level: Optional[str] = None,
    current: Optional[Union[_JSON, bytes]] = None,
) -> Report:
    """Check the text of a payload file, as ``idplint check`` does.

    ``path`` names the file: its extension chooses YAML (``.yaml``, ``.yml``) or JSON
    (anything else). The kind is detected from the content unless ``kind`` names it.
    ``current`` is the identity provider an update body is for (a saved ``auth0.idp`` payload,
    as data or JSON text); its strategy and access level are the context, unless
    ``strategy`` or ``access_level`` says otherwise. Each finding has a line and column.

    Raises ``TypeError`` when ``text`` is not str or bytes, and ``ValueError`` for an unknown
    kind, strategy or access level, or a ``current`` that names no strategy.
    """

def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that idplint publishes for ``kind``, as a new dict.

    Raises ``ValueError`` for an unknown kind.
    """

def kinds() -> list[str]:
    """The id of every payload kind, such as ``"auth0.idp.create"``."""

def rules() -> list[Rule]:
    """Every rule of the registry, in the order of their codes."""
