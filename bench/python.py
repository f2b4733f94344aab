#!/usr/bin/env python3
"""Time per call of idplint's Python package against python-jsonschema and jsonschema-rs's
Python package, on create bodies of both APIs (about 0.75 KB each), one valid and one with a
few errors, every tool with idplint's published schema; then where the time of an idplint
call goes.

    python3 -m venv /tmp/v
    /tmp/v/bin/pip install ./crates/idplint-py -r bench/peers/python-bindings.txt
    /tmp/v/bin/python bench/python.py            # about a minute on 2 cores
    /tmp/v/bin/python bench/python.py --quick    # fewer rounds

`pip install ./crates/idplint-py` builds the release profile (fat LTO, as the CLI ships).
Each tool is timed in rounds of calls (a round lasts about 20 ms), the tools taking turns
round by round so that a busy minute on a shared machine falls on all of them; the figure is
the median round's time per call. Before timing, the verdicts are compared: every tool must
find the valid bodies valid and the others invalid, so that none is timed doing nothing.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import timeit
from pathlib import Path

import jsonschema
import jsonschema_rs

import idplint
from idplint import _idplint

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

AUTH0_OIDC = {
    "name": "acme-corporate-oidc",
    "display_name": "Acme Corporation (employees and contractors)",
    "strategy": "oidc",
    "domains": [
        "acme.example.com",
        "corp.acme.example.com",
        "eu.acme.example.com",
        "us.acme.example.com",
        "contractors.acme.example.com",
        "acme-subsidiary.example.org",
        "partners.acme.example.com",
        "research.acme.example.com",
        "logistics.acme.example.com",
    ],
    "show_as_button": True,
    "assign_membership_on_login": True,
    "is_enabled": True,
    "options": {
        "type": "back_channel",
        "client_id": "0oa4acmeoidc7x2Hq5d7-corporate-sso",
        "client_secret": "${ACME_OIDC_CLIENT_SECRET}",
        "discovery_url": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7/.well-known/openid-configuration",
    },
}

GENAUTH_OIDC = {
    "extIdpId": "6318061be13c0ce6a64093e5",
    "type": "oidc",
    "identifier": "acme-oidc-employees",
    "displayName": "Acme Corporation single sign-on for employees",
    "fields": {
        "issuerUrl": "https://login.acme.example.com/oauth2/aus4acme7x2Hq5d7",
        "redirectUri": "https://acme.genauth.example.com/connections/oidc/callback",
        "oidcConnectionLoginUrl": "https://acme.genauth.example.com/connections/oidc/login",
        "responseType": "code",
        "mode": "BACK_CHANNEL",
        "clientId": "0oa5acme7client-employees-sso",
        "clientSecret": "${ACME_OIDC_CLIENT_SECRET}",
        "scopes": "openid profile email offline_access",
    },
    "loginOnly": False,
    "logo": "https://files.acme.example.com/branding/acme-sso-button.png",
}


def broken_auth0():
    body = json.loads(json.dumps(AUTH0_OIDC))
    body["show_as_button"] = "yes"  # a string where a boolean belongs
    body["options"]["discovery_url"] = "http://" + body["options"]["discovery_url"][8:]  # not https
    body["options"]["type"] = "backchannel"  # not one of the enum
    return body


def broken_genauth():
    body = json.loads(json.dumps(GENAUTH_OIDC))
    body["loginOnly"] = "false"  # a string where a boolean belongs
    body["type"] = 7  # a number where the type name belongs
    del body["displayName"]  # required, and missing
    return body


BODIES = [
    ("Auth0 oidc create, valid", "auth0.idp.create", AUTH0_OIDC, True),
    ("Auth0 oidc create, 3 errors", "auth0.idp.create", broken_auth0(), False),
    ("GenAuth oidc conn create, valid", "genauth.ext-idp-conn.create", GENAUTH_OIDC, True),
    ("GenAuth oidc conn create, 3 errors", "genauth.ext-idp-conn.create", broken_genauth(), False),
]


def published(kind):
    """idplint's published schema of `kind`: the committed file, which the package agrees with."""
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text())
    if schema != idplint.schema(kind):
        raise SystemExit(f"schemas/{kind}.json differs from idplint.schema({kind!r})")
    return schema


def callers(kind):
    """Each tool's call, as it would be written in a service: compiled once, called per body."""
    schema = published(kind)
    py = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    rs = jsonschema_rs.validator_for(schema, validate_formats=True)
    return {
        "idplint": lambda body: idplint.validate(kind, body),
        "jsonschema-rs": lambda body: list(rs.iter_errors(body)),
        "python-jsonschema": lambda body: list(py.iter_errors(body)),
        "json.dumps (reference)": json.dumps,
    }


def per_call(fn, body, number):
    timer = timeit.Timer("fn(body)", globals={"fn": fn, "body": body})
    return timer.timeit(number) / number


def measure(fns, body, rounds):
    """The median time per call (seconds) of each function, in alternating rounds."""
    numbers = {}
    for name, fn in fns.items():
        once = min(per_call(fn, body, 10) for _ in range(3))
        numbers[name] = max(1, int(0.02 / max(once, 1e-9)))
    times = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            times[name].append(per_call(fn, body, numbers[name]))
    return {name: statistics.median(t) for name, t in times.items()}


def check_verdicts(label, fns, body, valid):
    for name, fn in fns.items():
        if name.startswith("json.dumps"):
            continue
        found = fn(body)
        if name == "idplint":
            found = [d for d in found if d.severity == "error"]
        if (not found) != valid:
            raise SystemExit(f"{name} finds {label!r} {'invalid' if found else 'valid'}")


def us(seconds):
    return f"{seconds * 1e6:.2f}"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="5 rounds instead of 21")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = p.parse_args()
    rounds = 5 if args.quick else 21
    print(
        f"Python {platform.python_version()}, idplint {idplint.__version__}, "
        f"jsonschema {jsonschema_version()}, jsonschema-rs {jsonschema_rs_version()}; "
        f"medians of {rounds} alternating rounds, µs per call\n"
    )
    print("| body | size | idplint | jsonschema-rs | python-jsonschema | json.dumps | idplint / jsonschema-rs | python-jsonschema / idplint |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    results = []
    for label, kind, body, valid in BODIES:
        fns = callers(kind)
        check_verdicts(label, fns, body, valid)
        t = measure(fns, body, rounds)
        size = len(json.dumps(body))
        results.append({"body": label, "kind": kind, "bytes": size, "us": {k: v * 1e6 for k, v in t.items()}})
        print(
            f"| {label} | {size} B | {us(t['idplint'])} | {us(t['jsonschema-rs'])} | "
            f"{us(t['python-jsonschema'])} | {us(t['json.dumps (reference)'])} | "
            f"{t['idplint'] / t['jsonschema-rs']:.2f}x | {t['python-jsonschema'] / t['idplint']:.0f}x |"
        )
    print("\nWhere an idplint call's time goes (ns per call, each part timed alone in Rust; the rest")
    print("of the call is Python's call machinery and pyo3's argument parsing):\n")
    print("| body | arguments | convert | release GIL | validate | results | sum | whole call |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, kind, body, _ in BODIES:
        parts = [_idplint.profile(kind, body, 20_000) for _ in range(max(3, rounds // 3))]
        med = {k: statistics.median(p[k] for p in parts) for k in ("arguments", "convert", "release", "validate", "results")}
        whole = next(r for r in results if r["body"] == label)["us"]["idplint"] * 1000
        total = sum(med.values())
        print(
            f"| {label} | {med['arguments']:.0f} | {med['convert']:.0f} | {med['release']:.0f} | "
            f"{med['validate']:.0f} | {med['results']:.0f} | {total:.0f} | {whole:.0f} |"
        )
        next(r for r in results if r["body"] == label)["parts_ns"] = med
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


def jsonschema_version():
    from importlib.metadata import version

    return version("jsonschema")


def jsonschema_rs_version():
    from importlib.metadata import version

    return version("jsonschema-rs")


if __name__ == "__main__":
    sys.exit(main())
