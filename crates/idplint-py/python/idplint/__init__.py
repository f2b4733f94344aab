"""Validate identity-provider connection payloads before the API call.

idplint checks the bodies that services send to the Auth0 My Organization API and the
Authing / GenAuth V3 Management API, with the same rules as the ``idplint`` command line tool.
The types and documentation of every function are in ``__init__.pyi``.
"""

from __future__ import annotations

from ._idplint import (
    MAX_DEPTH,
    Diagnostic,
    Report,
    Rule,
    __version__,
    check,
    kinds,
    rules,
    schema,
    validate,
)

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


class InvalidPayload(ValueError):
    """A payload with at least one error-severity finding (raised by ``ensure_valid``)."""

    def __init__(self, kind, errors, warnings=()):
        self.kind = kind
        self.errors = list(errors)
        self.warnings = list(warnings)
        super().__init__(self._text())

    def _text(self):
        count = len(self.errors)
        lines = [f"{self.kind} payload has {count} error{'' if count == 1 else 's'}:"]
        for e in self.errors:
            lines.append(f"  {e.pointer or '/'}: {e.code} {e.rule}: {e.message}")
        return "\n".join(lines)

    def __str__(self):
        return self._text()


def ensure_valid(kind, payload, *, strategy=None, access_level=None):
    """Validate like ``validate``; raise ``InvalidPayload`` if an error remains.

    Returns the warnings (a list, empty when there are none).
    """
    found = validate(kind, payload, strategy=strategy, access_level=access_level)
    errors = [d for d in found if d.severity == "error"]
    warnings = [d for d in found if d.severity != "error"]
    if errors:
        raise InvalidPayload(kind, errors, warnings)
    return warnings
