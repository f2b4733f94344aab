#!/usr/bin/env bash
# Real-world check: run idplint over the documented examples of the APIs, each with its kind.
# The examples are third-party data kept outside this repository (../shared/reference); they are
# read in place, never copied. Usage: scripts/reference-check.sh [REFERENCE_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
ref="${1:-../shared/reference}/auth0/examples"
[ -d "$ref" ] || { echo "no reference examples at $ref; skipping"; exit 0; }
cargo build --quiet --release || exit 2
bin=target/release/idplint
status=0
check() { # FILE KIND [ARGS...]
  local file="$ref/$1" kind="$2"; shift 2
  out=$("$bin" check "$file" --kind "$kind" "$@" --format concise)
  code=$?
  printf '%-45s %-28s exit %s\n' "$(basename "$file")" "$kind" "$code"
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
exit $status
