#!/usr/bin/env bash
# Real-world check: run idplint over the documented examples of the APIs, each with its kind.
# The examples are third-party data kept outside this repository (../shared/reference); they are
# read in place, never copied. Usage: scripts/reference-check.sh [REFERENCE_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
base="${1:-../shared/reference}"
ref="$base/auth0/examples"
[ -d "$ref" ] || { echo "no reference examples at $ref; skipping"; exit 0; }
cargo build --quiet --release || exit 2
bin=target/release/idplint
status=0
check() { # FILE KIND [ARGS...]
  local file="$ref/$1" kind="$2"; shift 2
  out=$("$bin" check "$file" --kind "$kind" "$@" --format concise)
  code=$?
  printf '%-56s %-34s exit %s\n' "$(basename "$file")" "$kind" "$code"
  printf '%s\n' "$out" | grep -v '^Found\|^All checks' | sed "s|^$ref/|    |"
  [ "$code" -le 1 ] || status=2
}
check create-oidc.request.json auth0.idp.create
check create-oidc.response.json auth0.idp
check get-oidc.response.json auth0.idp
check update-oidc.request.json auth0.idp.update --strategy oidc --access-level full
check update-oidc.response.json auth0.idp
check list.response.json auth0.idp.list
check list-item-oidc.response.json auth0.idp
check list-item-samlp.response.json auth0.idp
check idp-domain-create.request.json auth0.idp.domain
check idp-domain-create.response.json auth0.idp.domain
check provisioning-get.response.json auth0.idp.provisioning
check provisioning-create.response.json auth0.idp.provisioning
check scim-token-create.request.json auth0.idp.scim-token.create

echo
echo "== GenAuth / Authing (V3 examples, then V2 ones, which must be recognised as V2)"
ref="$base/genauth/examples"
check change-ext-idp-conn-association-state.request.json genauth.ext-idp-conn.association
check change-ext-idp-conn-state.request.java-test.json genauth.ext-idp-conn.state
check change-ext-idp-conn-state.request.json genauth.ext-idp-conn.state
check create-ext-idp-conn.request.java-test.json genauth.ext-idp-conn.create
check create-ext-idp-conn.request.json genauth.ext-idp-conn.create
check create-ext-idp-conn.request.openapi-example.json genauth.ext-idp-conn.create
check create-ext-idp.request.json genauth.ext-idp.create
check delete-ext-idp-conn.request.json genauth.ext-idp-conn.delete
# JSONC (the docs' error samples carry `//` comments): as is, then without the comments.
for f in error.response.403-apicode-2333.jsonc error.response.429-no-apicode.jsonc; do
  check "$f" genauth.ext-idp-conn.response
  stripped="$(mktemp -d)/$f.json"
  grep -v '^[[:space:]]*//' "$ref/$f" >"$stripped"
  ref_saved="$ref"; ref="$(dirname "$stripped")"
  check "$(basename "$stripped")" genauth.ext-idp-conn.response
  ref="$ref_saved"
done
check ext-idp-conn-detail.response.authing-zh.json genauth.ext-idp-conn.response
check ext-idp-conn-detail.response.json genauth.ext-idp-conn.response
check ext-idp-detail.response.json genauth.ext-idp.response
check ext-idp-list.response.json genauth.ext-idp.list.response
check ext-idp.response.json genauth.ext-idp.response
check is-success.response.json genauth.is-success.response
check update-ext-idp-conn.request.go-test.json genauth.ext-idp-conn.update
check update-ext-idp-conn.request.json genauth.ext-idp-conn.update
check update-ext-idp-conn.response.legacy-with-fields.json genauth.ext-idp-conn.response
check update-ext-idp.request.json genauth.ext-idp.update
check v2-create-ext-idp-conn.request.json genauth.ext-idp-conn.create
check v2-create-ext-idp-conn.response.json genauth.ext-idp-conn.response
check v2-create-ext-idp-connection.js-sdk-test.request.json genauth.ext-idp-conn.create
check v2-create-ext-idp.js-sdk-test.request.json genauth.ext-idp.create
check v2-create-ext-idp.request.json genauth.ext-idp.create
check v2-create-ext-idp.response.json genauth.ext-idp.response
check v2-ext-idp-conn-state.response.json genauth.ext-idp-conn.response
check v2-ext-idp-detail.github.response.json genauth.ext-idp.response
check v2-update-ext-idp-connection.js-sdk-test.request.json genauth.ext-idp-conn.update
exit $status
