"""Fail on a committed insta snapshot that no test asserts (an unreferenced snapshot).

insta appends the path of every snapshot a test asserts to the file named by
`INSTA_SNAPSHOT_REFERENCES_FILE` (what `cargo insta test --unreferenced=reject` uses), so the
workspace's one test run lists them, with no tool to install:

    INSTA_SNAPSHOT_REFERENCES_FILE=refs.txt cargo test --workspace --locked
    python3 scripts/snapshots/unreferenced.py refs.txt

Every `.snap` file git tracks must be in the list. Its own checks: `python3 -m doctest` on it.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def unreferenced(committed: list[str], referenced: list[str], root: pathlib.Path) -> list[str]:
    """The committed snapshots (paths relative to `root`) that no test referenced (paths as
    insta writes them: absolute, or relative to `root`).

    >>> root = pathlib.Path("/repo")
    >>> unreferenced(["a/x.snap", "a/y.snap", "b/z.snap"], ["/repo/a/x.snap", "b/z.snap", "/repo/a/x.snap"], root)
    ['a/y.snap']
    >>> unreferenced(["a/x.snap"], ["/repo/a/x.snap"], root)
    []
    >>> unreferenced(["a/x.snap"], [], root)
    ['a/x.snap']
    """
    seen = set()
    for line in referenced:
        line = line.strip()
        if line:
            path = pathlib.Path(line)
            seen.add((path if path.is_absolute() else root / path).resolve())
    return [c for c in committed if (root / c).resolve() not in seen]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    committed = subprocess.run(["git", "ls-files", "--", "*.snap"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.split()
    refs = pathlib.Path(argv[1])
    referenced = refs.read_text(encoding="utf-8").splitlines() if refs.exists() else []
    left = unreferenced(committed, referenced, ROOT)
    for path in left:
        print(f"unreferenced snapshot: {path}: no test asserts it (delete it, or name it as its "
              "test now does)", file=sys.stderr)
    if left or not committed:
        return 1
    print(f"snapshots: all {len(committed)} committed snapshots are asserted by a test")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
