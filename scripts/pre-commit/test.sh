#!/usr/bin/env bash
# The pre-commit hook, end to end, as a user gets it: pre-commit (pinned in requirements.txt)
# installs the hook from this checkout with `pre-commit try-repo` (a release `cargo install`)
# and runs it in a scratch repository on a good payload (must pass) and on bad ones (must fail
# and name the rules). Everything lives in a temporary folder that is removed at the end.
#
# The checkout's working tree is what gets tested, uncommitted and untracked (not ignored)
# changes included: it is copied into a one-commit repository first. try-repo alone would take
# HEAD plus changes to tracked files only.
#
# try-repo builds the hook afresh on every call (its hook store is temporary). Set
# CARGO_TARGET_DIR to share compiled dependencies between the builds; by default it is the
# checkout's own `target/`, so later runs are faster.
set -euo pipefail

checkout="$(cd "$(dirname "$0")/../.." && pwd)"
fail() { echo "pre-commit test: FAILED: $*" >&2; exit 1; }
command -v cargo >/dev/null || fail "cargo is not on PATH (the hook is built with the system toolchain)"
start=$SECONDS

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$checkout/target}"
commit_all() { # DIR MESSAGE: a repository of everything in DIR, one commit
    git -C "$1" init --quiet
    git -C "$1" add --all
    git -C "$1" -c user.name=idplint-test -c user.email=test@example.invalid \
        -c commit.gpgsign=false commit --quiet --message "$2"
}

echo "== pre-commit in a virtual environment"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check -r "$checkout/scripts/pre-commit/requirements.txt"
pre_commit="$tmp/venv/bin/pre-commit"
"$pre_commit" --version

echo "== the working tree of $checkout as a one-commit repository"
hook_repo="$tmp/idplint"
mkdir "$hook_repo"
(cd "$checkout" && git ls-files -z --cached --others --exclude-standard) |
    while IFS= read -r -d '' f; do
        # Files deleted from the work tree are still listed; skip them.
        if [ -e "$checkout/$f" ] || [ -L "$checkout/$f" ]; then printf '%s\0' "$f"; fi
    done |
    (cd "$checkout" && xargs -0 cp -P --parents -t "$hook_repo")
commit_all "$hook_repo" "the working tree of the checkout under test"
[ -f "$hook_repo/.pre-commit-hooks.yaml" ] || fail "no .pre-commit-hooks.yaml in the checkout"

echo "== a repository with payloads"
payloads="$tmp/payloads"
mkdir "$payloads"
cp "$checkout/testdata/valid/auth0.idp.create/okta.json" "$payloads/good.json"
cat >"$payloads/bad.json" <<'JSON'
{
  "name": "acme-oidc",
  "strategy": "oidc",
  "options": { "type": "back_channel", "client_id": "0oa4acmeoidc7x2Hq5d7" }
}
JSON
printf 'is_enabled: "yes"\n' >"$payloads/bad.yaml"
printf 'Not a payload: the hook must not be given this file.\n' >"$payloads/notes.txt"
commit_all "$payloads" "payloads"
cd "$payloads"

echo "== try-repo on the good file (and a text file, which the hook's types leave out)"
if ! out="$("$pre_commit" try-repo "$hook_repo" idplint --files good.json notes.txt 2>&1)"; then
    printf '%s\n' "$out"
    fail "the hook fails on a good payload"
fi
printf '%s\n' "$out" | tail -n 3
echo "(hook installed and run in $((SECONDS - start)) s so far)"
grep -q '^idplint\.*Passed$' <<<"$out" || { printf '%s\n' "$out"; fail "the hook did not run and pass"; }

echo "== try-repo on the bad files"
status=0
out="$("$pre_commit" try-repo "$hook_repo" idplint --files bad.json bad.yaml 2>&1)" || status=$?
printf '%s\n' "$out" | sed -n '/^idplint\./,$p'
[ "$status" -ne 0 ] || fail "the hook passes bad payloads"
grep -q '^idplint\.*Failed$' <<<"$out" || fail "the hook did not report a failure"
for expected in 'IDP010 missing-field' 'bad.json:' 'IDP012 wrong-type' 'bad.yaml:'; do
    grep -qF "$expected" <<<"$out" || fail "the output does not mention \`$expected\`"
done

echo "pre-commit test: passed in $((SECONDS - start)) s"
