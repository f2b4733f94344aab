"""Bad payloads: every one is an `invalid-syntax` finding (or another finding), never an
exception, a crash or a hang."""

import pytest

import idplint

KIND = "auth0.idp.create"
OKTA = {"name": "acme", "strategy": "okta",
        "options": {"domain": "acme.okta.com", "client_id": "x", "client_secret": "${X}"}}


def syntax(found):
    return [d for d in found if d.rule == "invalid-syntax"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b'{"name": "acme"', ""),
        (b'{"name": "acme",}', ""),
        (b'{"name": "acme" // a comment\n}', ""),
        (b'{"name": "acme\xff"}', "UTF-8"),
        (b"\xff\xfe{\x00}\x00", "UTF-16"),
        (b'{"name": "ac\x00me"}', "NUL"),
        (b"[" * 100_000 + b"]" * 100_000, "nesting"),
        (b'{"a": ' * 100_000, "nesting"),
        (b'{"name": 1e400}', "out of range"),
        (b'{"name": -1e400}', "out of range"),
        (b'{"name": "\\ud800"}', "surrogate"),
        (b"NaN", ""),
    ],
)
def test_bad_text_is_an_invalid_syntax_finding(text, words):
    for payload in (text, text.decode("utf-8", "surrogateescape")):
        if isinstance(payload, str) and b"\xff" in text:
            continue  # not text in Python either; the bytes case covers it
        found = syntax(idplint.validate(KIND, payload))
        assert found, payload[:40]
        assert words.lower() in found[0].message.lower()
        assert found[0].severity == "error"
        report = idplint.check(payload, path="x.json", kind=KIND)
        assert syntax(report.errors)


def test_a_str_with_a_lone_surrogate_is_not_utf8():
    [d] = syntax(idplint.validate(KIND, '{"name": "\ud800"}'))
    assert "UTF-8" in d.message


def test_a_bom_is_accepted():
    text = b'\xef\xbb\xbf{"is_enabled": true}'
    assert idplint.validate("auth0.idp.update", text) == []


def test_a_large_string_is_checked():
    body = dict(OKTA, name="a" * 10_000_000)
    [d] = idplint.validate(KIND, body)
    assert d.rule == "length-out-of-range" and d.pointer == "/name"


def test_yaml_bombs_are_findings():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    report = idplint.check(laughs, path="bomb.yaml", kind=KIND)
    assert report.errors


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        (-float("inf"), "finite"),
        (10**400, "out of range"),
        ("\ud800", "surrogate"),
    ],
)
def test_data_json_cannot_hold_is_an_invalid_syntax_finding(value, words):
    [d] = syntax(idplint.validate(KIND, {"name": "acme", "options": {"x": [value]}}))
    assert d.pointer == "/options/x/0"
    assert words in d.message


def test_big_integers_are_read_as_json_text_reads_them():
    body = OKTA
    for n in (2**63, 2**64 - 1, 2**64, -(2**63), 10**30):
        found = idplint.validate(KIND, dict(body, show_as_button=n))
        assert [d.rule for d in found] == ["wrong-type"], n


def test_deep_and_cyclic_data_is_a_finding():
    deep = []
    for _ in range(100_000):
        deep = [deep]
    [d] = syntax(idplint.validate(KIND, deep))
    assert "nesting is deeper than" in d.message
    cyclic = {"name": "acme"}
    cyclic["options"] = cyclic
    [d] = syntax(idplint.validate(KIND, cyclic))
    assert d.pointer.startswith("/options/options")
    ok = {"name": "acme"}
    for _ in range(idplint.MAX_DEPTH - 1):
        ok = {"x": ok}
    assert not syntax(idplint.validate(KIND, ok))


def test_secrets_never_appear_in_findings_or_reprs():
    secret = "Zq8xV3mN7pL2kR9tY4wB6cF1hJ5sD0gA"
    body = {
        "name": "acme-oidc",
        "strategy": "oidc",
        "options": {
            "type": "back_channel",
            "client_id": "0oa4acmeoidc7x2Hq5d7",
            "client_secret": secret,
            "discovery_url": "https://login.acme.example.com/.well-known/openid-configuration",
            "client_secrett": secret,
        },
    }
    import json

    for found in (
        idplint.validate(KIND, body),
        idplint.validate(KIND, json.dumps(body)),
        idplint.check(json.dumps(body, indent=2), path="x.json").diagnostics,
    ):
        assert {d.rule for d in found} >= {"plaintext-secret"}
        for d in found:
            for shown in (repr(d), d.message, d.help or "", str(found)):
                assert secret not in shown
    with pytest.raises(idplint.InvalidPayload) as raised:
        idplint.ensure_valid(KIND, body)
    assert secret not in str(raised.value) and secret not in repr(raised.value)
