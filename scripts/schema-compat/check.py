"""Check every schema in schemas/ with python-jsonschema (Draft 2020-12, formats asserted), then
validate every JSON payload of testdata/valid/ against the schema of its kind."""
import json
import pathlib
import re
import sys

import importlib.metadata

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

root = pathlib.Path(__file__).resolve().parents[2]
failures = 0
validators = {}
for path in sorted((root / "schemas").glob("*.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    try:
        Draft202012Validator.check_schema(schema)
        validators[path.stem] = Draft202012Validator(schema, format_checker=FormatChecker())
    except jsonschema.SchemaError as e:
        failures += 1
        print(f"FAIL check_schema {path.name}: {e.message}", file=sys.stderr)
print(f"python-jsonschema {importlib.metadata.version('jsonschema')}: {len(validators)} schemas pass the meta-schema")

checked = 0
for path in sorted((root / "testdata" / "valid").glob("*/*.json")):
    kind = path.parent.name
    m = re.search(r"@strategy=([a-z-]+)", path.name)
    sid = f"{kind}.{m.group(1)}" if m and kind == "auth0.idp.update" else kind
    value = json.loads(path.read_text(encoding="utf-8-sig"))
    checked += 1
    errors = list(validators[sid].iter_errors(value))
    if errors:
        failures += 1
        print(f"FAIL {kind}/{path.name} against {sid}: {errors[0].message}", file=sys.stderr)
print(f"python-jsonschema: validated {checked} valid payloads")
sys.exit(1 if failures else 0)
