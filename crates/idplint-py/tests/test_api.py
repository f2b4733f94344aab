"""The Python API: validate, check, ensure_valid, schema, kinds, rules."""

import json

import pytest

import idplint

OPTIONS = {"domain": "initech.example.com", "client_id": "0oa9initech3KxZp4d8", "client_secret": "${X}"}
OKTA = {"name": "acme", "strategy": "okta", "options": dict(OPTIONS, domain="acme.okta.com")}
OIDC = {
    "name": "acme-oidc",
    "display_name": "Acme Corp",
    "strategy": "oidc",
    "domains": ["acme.example.com"],
    "is_enabled": True,
    "options": {
        "type": "back_channel",
        "client_id": "0oa4acmeoidc7x2Hq5d7",
        "client_secret": "${ACME_OIDC_CLIENT_SECRET}",
        "discovery_url": "https://login.acme.example.com/.well-known/openid-configuration",
    },
}


def test_a_clean_body_has_no_findings():
    assert idplint.validate("auth0.idp.create", OIDC) == []


def test_a_finding_has_every_field():
    [d] = idplint.validate("auth0.idp.update", {"is_enabled": "yes"})
    assert (d.code, d.rule, d.severity, d.pointer) == ("IDP012", "wrong-type", "error", "/is_enabled")
    assert "is_enabled" in d.message
    assert d.help is None or isinstance(d.help, str)
    # Python data has no text: no positions.
    assert (d.line, d.column, d.end_line, d.end_column) == (None, None, None, None)
    assert isinstance(d, idplint.Diagnostic)


def test_findings_of_nested_fields_point_at_them():
    body = dict(OIDC, options=dict(OIDC["options"], discovery_url="http://login.acme.example.com/x"))
    found = idplint.validate("auth0.idp.create", body)
    assert [(d.rule, d.pointer) for d in found] == [("insecure-url", "/options/discovery_url")]


def test_text_payloads_are_validated_too():
    text = '{"is_enabled": "yes"}'
    for payload in (text, text.encode()):
        [d] = idplint.validate("auth0.idp.update", payload)
        assert d.rule == "wrong-type"
        assert (d.line, d.column, d.end_line, d.end_column) == (1, 16, 1, 21)


def test_data_and_its_json_text_get_the_same_findings():
    body = {"name": " acme ", "strategy": "okta", "options": {"domain": "YOUR_DOMAIN"}}
    data = {(d.rule, d.pointer, d.message) for d in idplint.validate("auth0.idp.create", body)}
    text = idplint.validate("auth0.idp.create", json.dumps(body))
    assert len(data) >= 3
    assert data == {(d.rule, d.pointer, d.message) for d in text}


def test_subclasses_and_tuples_are_json_data():
    from collections import OrderedDict
    from enum import Enum

    class Strategy(str, Enum):
        OIDC = "oidc"

    body = OrderedDict(OIDC, strategy=Strategy.OIDC, domains=("acme.example.com",))
    assert idplint.validate("auth0.idp.create", body) == []


def test_update_context():
    body = {"options": OPTIONS}
    [d] = idplint.validate("auth0.idp.update", body)
    assert d.rule == "missing-context" and d.severity == "warning"
    assert idplint.validate("auth0.idp.update", body, strategy="okta") == []
    found = idplint.validate("auth0.idp.update", body, strategy="okta", access_level="limited")
    assert [(d.rule, d.pointer) for d in found] == [("access-level-forbids-field", "/options")]


def test_check_detects_the_kind_and_gives_positions():
    text = '{\n  "name": "acme",\n  "strategy": "okta",\n  "options": {"domain": 5, "client_id": "x", "client_secret": "${X}"}\n}\n'
    report = idplint.check(text, path="acme.json")
    assert report.kind == "auth0.idp.create"
    assert report.path == "acme.json"
    [d] = report.diagnostics
    assert report.errors == [d] and report.warnings == []
    assert (d.rule, d.pointer) == ("wrong-type", "/options/domain")
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 25, 4, 26)
    assert "kind='auth0.idp.create'" in repr(report)


def test_check_reads_yaml_by_the_extension():
    text = "name: acme\nstrategy: okta\noptions:\n  domain: acme.okta.com\n  client_id: x\n  client_id: y\n  client_secret: ${X}\n"
    report = idplint.check(text, path="idp.yaml")
    assert report.kind == "auth0.idp.create"
    assert [(d.rule, d.line) for d in report.errors] == [("duplicate-key", 6)]
    # The same text read as JSON is a syntax error.
    assert [d.rule for d in idplint.check(text, path="idp.json").errors] == ["invalid-syntax"]


def test_check_with_a_current_identity_provider():
    current = {"id": "con_0123456789abcdef", "name": "acme", "strategy": "okta",
               "access_level": "limited", "options": OPTIONS}
    body = json.dumps({"options": OPTIONS})
    for cur in (current, json.dumps(current)):
        report = idplint.check(body, kind="auth0.idp.update", current=cur)
        assert [d.rule for d in report.errors] == ["access-level-forbids-field"]
    # An explicit access level wins over the current one.
    report = idplint.check(body, kind="auth0.idp.update", current=current, access_level="full")
    assert report.diagnostics == []
    with pytest.raises(ValueError, match="strategy"):
        idplint.check(body, kind="auth0.idp.update", current={"name": "x"})


def test_check_of_an_unknown_kind_is_a_finding():
    report = idplint.check('{"hello": 1}')
    assert report.kind is None
    assert [d.rule for d in report.errors] == ["unknown-kind"]


def test_check_takes_text_only():
    with pytest.raises(TypeError, match="validate"):
        idplint.check({"name": "acme"})


def test_ensure_valid_raises_with_the_errors():
    body = dict(OKTA, options=dict(OKTA["options"], domain=5))
    with pytest.raises(idplint.InvalidPayload) as raised:
        idplint.ensure_valid("auth0.idp.create", body)
    e = raised.value
    assert isinstance(e, ValueError)
    assert [(d.rule, d.pointer) for d in e.errors] == [("wrong-type", "/options/domain")]
    assert "/options/domain: IDP012 wrong-type: " in str(e)
    assert e.errors[0].message in str(e)


def test_ensure_valid_returns_the_warnings():
    assert idplint.ensure_valid("auth0.idp.create", OIDC) == []
    warnings = idplint.ensure_valid("auth0.idp.update", {"options": OPTIONS})
    assert [d.rule for d in warnings] == ["missing-context"]


@pytest.mark.parametrize(
    ("call", "nearest"),
    [
        (lambda: idplint.validate("auth0.idp.creat", {}), "auth0.idp.create"),
        (lambda: idplint.validate("genauth-ext-idp-conn.create", {}), "genauth.ext-idp-conn.create"),
        (lambda: idplint.validate("auth0.idp.update", {}, strategy="odic"), "oidc"),
        (lambda: idplint.validate("auth0.idp.update", {}, strategy="saml"), "samlp"),
        (lambda: idplint.validate("auth0.idp.update", {}, access_level="ful"), "full"),
        (lambda: idplint.validate("auth0.idp.update", {}, access_level="read-only"), "readonly"),
        (lambda: idplint.check("{}", kind="auth0.idp.updte"), "auth0.idp.update"),
        (lambda: idplint.schema("auth0.idp.lst"), "auth0.idp.list"),
    ],
)
def test_an_unknown_name_raises_value_error_naming_the_nearest(call, nearest):
    with pytest.raises(ValueError, match=f"did you mean `{nearest}`"):
        call()


@pytest.mark.parametrize(
    "payload",
    [{1: "x"}, {"a": {1, 2}}, [object()], {"when": __import__("datetime").date(2026, 1, 1)}, bytearray(b"{}")],
)
def test_data_that_is_not_json_raises_type_error(payload):
    with pytest.raises(TypeError):
        idplint.validate("auth0.idp.create", payload)


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError):
        idplint.validate(5, {})
    with pytest.raises(TypeError):
        idplint.validate("auth0.idp.create", {}, "oidc")  # context is keyword-only


def test_schema_is_the_published_one():
    schema = idplint.schema("auth0.idp.create")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/schemas/auth0.idp.create.json")
    # A new dict each time: the caller may change it.
    schema["title"] = "changed"
    assert idplint.schema("auth0.idp.create")["title"] != "changed"


def test_kinds_and_rules():
    kinds = idplint.kinds()
    assert "auth0.idp.create" in kinds and "genauth.ext-idp-conn.create" in kinds
    assert all(isinstance(k, str) for k in kinds)
    for kind in kinds:
        assert idplint.schema(kind)["$id"].endswith(f"/{kind}.json")
    rules = idplint.rules()
    by_name = {r.name: r for r in rules}
    assert by_name["invalid-syntax"].code == "IDP001"
    assert by_name["missing-context"].severity == "warning"
    assert by_name["wrong-type"].summary
    assert "wrong-type" in by_name["wrong-type"].docs or "Example" in by_name["wrong-type"].docs
    assert len({r.code for r in rules}) == len(rules)


def test_typing_files_are_installed():
    from pathlib import Path

    package = Path(idplint.__file__).parent
    assert (package / "py.typed").exists()
    stub = (package / "__init__.pyi").read_text()
    for name in idplint.__all__:
        if not name.startswith("_") and name != "MAX_DEPTH":
            assert f"def {name}(" in stub or f"class {name}" in stub, name


def test_diagnostics_are_immutable():
    [d] = idplint.validate("auth0.idp.update", {"is_enabled": "yes"})
    with pytest.raises(AttributeError):
        d.rule = "x"
