"""The tools the benchmark runs: how to install each peer, how to run it on a corpus, and how to
count the invalid files in what it prints.

Every tool is given the same files and the same schemas (idplint's own, `schemas/*.json`), with
format validation on. A peer takes one schema per run, so it runs once per folder of the corpus
(a folder holds the files of one schema), all in one timed bash script, the way a user with mixed
payload kinds would run it: each run is given all of its folder's files, as `-i folder/*.json`
would give them (the issue's reference figures have jsonschema-rs CLI take all 100,000 files in
one run). Only a list longer than half the system's argument limit is cut, by xargs.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

JSONSCHEMA_CLI_VERSION = "0.60.2"

# A file list up to this long is written into the timed script; a longer one is piped to xargs,
# as bash would hold a long line of the script several times over (12 MB for 18,000 names), and
# the peak of the script is counted as the peer's.
INLINE_BUDGET = 100_000
# xargs gives a run up to this much: half of what the system takes (Linux: 2 MiB, less the
# environment), as a shell's `folder/*.json` would fill it.
ARG_BUDGET = os.sysconf("SC_ARG_MAX") // 2


@dataclass
class Corpus:
    """A corpus written by idplint-corpus: its folders, files and expected verdicts."""

    key: str
    label: str
    path: Path
    files: int
    bytes: int
    expected_invalid: int
    folders: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def load(key: str, label: str, path: Path) -> Corpus:
        folders: dict[str, list[str]] = {}
        invalid = 0
        size = 0
        for line in (path / "manifest.tsv").read_text().splitlines():
            rel, folder, verdict = line.split("\t")
            folders.setdefault(folder, []).append(rel)
            invalid += verdict != "valid"
            size += (path / rel).stat().st_size
        for files in folders.values():
            files.sort()
        count = sum(len(f) for f in folders.values())
        return Corpus(key, label, path, count, size, invalid, dict(sorted(folders.items())))


@dataclass
class Command:
    """A command to time: a plain argument list (no shell), or a bash script."""

    text: str
    shell: bool

    def runnable(self, script: Path) -> str:
        """The command line to run: the script is written to `script` (an argument of more than
        128 KiB, such as a long `bash -c` script, is more than Linux takes)."""
        if not self.shell:
            return self.text
        script.write_text(self.text + "\n")
        return shlex.join(["bash", str(script)])


def per_folder(corpus: Corpus, step, batches: bool = False) -> Command:
    """One run per folder. `step(folder)` gives the run's arguments and whether the folder's
    files are appended to them (otherwise the arguments name the files themselves). A file list
    longer than INLINE_BUDGET goes through xargs in runs of ARG_BUDGET (one run for every folder
    of the corpora here); with `batches`, in xargs' default runs of 128 KiB (about 5,000
    files)."""
    parts = []
    shell = len(corpus.folders) > 1
    for folder, files in corpus.folders.items():
        prefix, appended = step(folder)
        if not appended:
            parts.append(shlex.join(prefix))
        elif not batches and sum(len(a) + 1 for a in prefix + files) < INLINE_BUDGET:
            parts.append(shlex.join(prefix + files))
        else:
            size = "" if batches else f"-s {ARG_BUDGET} "
            parts.append(f"printf '%s\\0' {shlex.quote(folder)}/*.json | xargs -0 {size}{shlex.join(prefix)}")
            shell = True
    return Command("; ".join(parts), shell)


class Tool:
    """A tool under test."""

    key = ""
    label = ""
    version = ""

    def __init__(self, binary: Path):
        """A tool that says its version with `--version`."""
        self.binary = binary
        self.version = _version([str(binary), "--version"])

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        raise NotImplementedError

    def count(self, stdout: str, stderr: str) -> int:
        """The number of invalid files the tool reported."""
        raise NotImplementedError


def _version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)
    except OSError:
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"


class Idplint(Tool):
    key = "idplint"
    label = "idplint"

    def __init__(self, binary: Path, args: tuple[str, ...] = ()):
        super().__init__(binary)
        self.args = args
        if args:
            self.key = "idplint " + " ".join(args)
            self.label = self.key

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        # One file is named, as pre-commit names the files of a commit; a tree is searched.
        paths = [f for files in corpus.folders.values() for f in files] if corpus.files == 1 else ["."]
        return Command(shlex.join([str(self.binary), "check", *paths, *self.args]), False)

    # A finding in the human report: its header `  × message` (error) or `  ⚠ message`, then
    # `╭─[path:line:column]`.
    LOCATION = re.compile(r"╭─\[(.+):\d+:\d+\]")

    def count(self, stdout: str, stderr: str) -> int:
        return len(self.error_files(stdout))

    def error_files(self, stdout: str) -> set[str]:
        if "--format" in self.args:
            fmt = self.args[self.args.index("--format") + 1]
            if fmt == "json":
                doc = json.loads(stdout)
                return {
                    f["path"]
                    for f in doc["files"]
                    if any(d["severity"] == "error" for d in f["diagnostics"])
                }
            if fmt == "concise":
                return {l.split(":", 1)[0] for l in stdout.splitlines() if " [error] " in l}
        files = set()
        error = False
        for line in stdout.splitlines():
            if line.startswith("  ×"):
                error = True
            elif line.startswith("  ⚠"):
                error = False
            elif error and (m := self.LOCATION.search(line)):
                files.add(m.group(1))
                error = False
        return files

    def findings(self, stdout: str) -> int:
        """The number of error findings in the report."""
        fmt = self.args[self.args.index("--format") + 1] if "--format" in self.args else "human"
        if fmt == "json":
            doc = json.loads(stdout)
            return sum(d["severity"] == "error" for f in doc["files"] for d in f["diagnostics"])
        if fmt == "concise":
            return sum(" [error] " in line for line in stdout.splitlines())
        return sum(line.startswith("  ×") for line in stdout.splitlines())


class Baseline(Tool):
    key = "baseline"
    label = "baseline (jsonschema crate, all cores)"

    def __init__(self, binary: Path):
        self.binary = binary
        self.version = "jsonschema " + _jsonschema_crate_version()

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        return Command(shlex.join([str(self.binary), str(schemas), "."]), False)

    def count(self, stdout: str, stderr: str) -> int:
        m = re.search(r"(\d+) of \d+ files invalid", stderr)
        return int(m.group(1)) if m else -1


def _jsonschema_crate_version() -> str:
    lock = Path(__file__).resolve().parent.parent / "Cargo.lock"
    m = re.search(r'name = "jsonschema"\nversion = "([^"]+)"', lock.read_text())
    return m.group(1) if m else "?"


class JsonschemaCli(Tool):
    key = "jsonschema-cli"
    label = "jsonschema-rs CLI"

    def __init__(self, binary: Path, batches: bool = False):
        """`batches`: each folder's files in xargs' default runs (about 5,000 files to a run),
        for the peak memory of a smaller run; not timed against the others."""
        super().__init__(binary)
        self.batches = batches
        if batches:
            self.key = "jsonschema-cli-batches"
            self.label = "jsonschema-rs CLI in xargs' default batches"

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        return per_folder(
            corpus,
            lambda folder: (
                [str(self.binary), "validate", str(schemas / f"{folder}.json"), "--assert-format", "-i"],
                True,
            ),
            self.batches,
        )

    def count(self, stdout: str, stderr: str) -> int:
        return len(re.findall(r"^\S+ - INVALID\b", stdout, re.M))


class AjvCli(Tool):
    key = "ajv-cli"
    label = "ajv-cli"

    def __init__(self, binary: Path):
        self.binary = binary
        pkg = binary.resolve().parent.parent / "package.json"
        formats = binary.resolve().parents[2] / "ajv-formats" / "package.json"
        ajv = binary.resolve().parents[2] / "ajv" / "package.json"
        self.version = "ajv-cli {} (ajv {}, ajv-formats {})".format(
            *(_package_version(p) for p in (pkg, ajv, formats))
        )

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        # ajv-cli expands the glob itself: no argument list to exceed.
        return per_folder(
            corpus,
            lambda folder: (
                [
                    str(self.binary), "validate", "--spec=draft2020", "-c", "ajv-formats",
                    "-s", str(schemas / f"{folder}.json"), "-d", f"{folder}/*.json",
                ],
                False,
            ),
        )

    def count(self, stdout: str, stderr: str) -> int:
        return len(re.findall(r"^\S+ invalid$", stderr, re.M))


def _package_version(path: Path) -> str:
    try:
        return json.loads(path.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


class CheckJsonschema(Tool):
    key = "check-jsonschema"
    label = "check-jsonschema"

    def command(self, corpus: Corpus, schemas: Path) -> Command:
        return per_folder(
            corpus,
            lambda folder: ([str(self.binary), "--schemafile", str(schemas / f"{folder}.json")], True),
        )

    def count(self, stdout: str, stderr: str) -> int:
        return len(set(re.findall(r"^  (\S+?)::", stdout, re.M)))


# ---------------------------------------------------------------------------------------------
# Installing the peers into the tools folder (once; pinned)
# ---------------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(argv: list[str], **kw) -> None:
    log("$ " + shlex.join(argv))
    subprocess.run(argv, check=True, **kw)


def jsonschema_cli(tools: Path) -> Path:
    """$JSONSCHEMA_CLI, or jsonschema-cli installed with `cargo install --locked`."""
    if env := os.environ.get("JSONSCHEMA_CLI"):
        return Path(env)
    root = tools / "cargo"
    binary = root / "bin" / "jsonschema-cli"
    if not binary.exists() or JSONSCHEMA_CLI_VERSION not in _version([str(binary), "--version"]):
        run(["cargo", "install", "--locked", "--version", JSONSCHEMA_CLI_VERSION,
             "--root", str(root), "jsonschema-cli"])
    return binary


def ajv_cli(tools: Path, peers: Path) -> Path:
    """$AJV, or ajv-cli installed with `npm ci` from bench/peers/package-lock.json."""
    if env := os.environ.get("AJV"):
        return Path(env)
    dest = tools / "npm"
    binary = dest / "node_modules" / ".bin" / "ajv"
    lock = (peers / "package-lock.json").read_text()
    stale = not (dest / "package-lock.json").exists() or (dest / "package-lock.json").read_text() != lock
    if stale or not binary.exists():
        dest.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(peers / name, dest / name)
        run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=dest)
    return binary


def check_jsonschema(tools: Path, peers: Path) -> Path:
    """$CHECK_JSONSCHEMA, or check-jsonschema in a virtual environment from
    bench/peers/requirements.txt."""
    if env := os.environ.get("CHECK_JSONSCHEMA"):
        return Path(env)
    venv = tools / "venv"
    binary = venv / "bin" / "check-jsonschema"
    wanted = (peers / "requirements.txt").read_text()
    stamp = venv / "requirements.txt"
    if not binary.exists() or not stamp.exists() or stamp.read_text() != wanted:
        run([sys.executable, "-m", "venv", "--clear", str(venv)])
        run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
             "-r", str(peers / "requirements.txt")])
        stamp.write_text(wanted)
    return binary
