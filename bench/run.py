#!/usr/bin/env python3
"""Time `idplint check` against jsonschema-rs CLI, ajv-cli and check-jsonschema on the same
generated files, with idplint's own schemas; write a markdown report and an SVG chart.

    python3 bench/run.py             # the whole suite (about 10 minutes on 2 cores)
    python3 bench/run.py --quick     # 1, 1,000 and 10,000 files; no big files
    python3 bench/run.py --docs      # also put the figures in docs/performance.md (between
                                     # its <!-- bench:start --> and <!-- bench:end --> markers)

It builds idplint and the suite's programs (`cargo build --release`), installs the pinned peers
once into a tools folder (`<cargo target dir>/bench-tools`: jsonschema-cli with `cargo install
--locked`, ajv-cli with `npm ci` from bench/peers, check-jsonschema in a virtual environment
from bench/peers/requirements.txt; $JSONSCHEMA_CLI, $AJV and $CHECK_JSONSCHEMA name binaries to
use instead), writes the corpora on a RAM disk (/dev/shm), and times each tool with hyperfine.
One more run of each tool, under /usr/bin/time, gives its peak memory and its output, from
which the number of invalid files it reports is counted: the run fails when a tool does not
report exactly the invalid files the corpus has, so that no tool is measured doing nothing.

Python 3.11 standard library only; needs hyperfine, GNU time, cargo, node/npm and python3.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402
import tools as t  # noqa: E402
from report import Result, Target  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
PEERS = ROOT / "bench" / "peers"
PAGE = ROOT / "docs" / "performance.md"  # the performance page, whose figures --docs rewrites
SIZES = (1, 1_000, 10_000, 100_000)
BIG = (("1 KB", "1KB"), ("1 MB", "1MB"), ("10 MB", "10MB"))
RENDER_ERRORS = 10_000


class Failure(Exception):
    """A tool did not do the work, or a step failed."""


def arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="1, 1,000 and 10,000 files; no big files")
    p.add_argument("--sizes", help="corpus sizes, comma-separated (default 1,1000,10000,100000)")
    p.add_argument("--skip", action="append", default=[], metavar="TOOL",
                   help="leave out a peer: jsonschema-cli, ajv-cli or check-jsonschema (repeatable)")
    p.add_argument("--no-big", action="store_true", help="leave out the single big files")
    p.add_argument("--no-build", action="store_true", help="use the release binaries as they are")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, default=Path("/dev/shm/idplint-bench"),
                   help="where the corpora go (default /dev/shm/idplint-bench: a RAM disk)")
    p.add_argument("--tools", type=Path, help="where the peers are installed")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    p.add_argument("--name", default=datetime.date.today().isoformat(), help="the report's file name")
    p.add_argument("--docs", action="store_true", help="write the figures into docs/performance.md")
    p.add_argument("--render", type=Path, metavar="JSON",
                   help="measure nothing: write the report again from a run's .json")
    a = p.parse_args()
    if a.sizes:
        a.sizes = tuple(int(s.replace("_", "").replace(",", "")) for s in a.sizes.split(","))
    else:
        a.sizes = SIZES[:3] if a.quick else SIZES
    a.big = not (a.quick or a.no_big)
    return a


def target_dir() -> Path:
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return Path(json.loads(meta.stdout)["target_directory"])


def label(n: int) -> str:
    return "1 file" if n == 1 else f"{n:,} files"


def make_corpus(binary: Path, work: Path, key: str, args: list[str]) -> Path:
    path = work / key
    if path.exists():
        if not (path / "manifest.tsv").exists():
            raise Failure(f"{path} exists and is not a corpus: not removing it")
        shutil.rmtree(path)
    t.run([str(binary), "--out", str(path), *args], stdout=subprocess.DEVNULL)
    return path


# Tools whose run takes less than ALTERNATE seconds on a corpus are timed in ROUNDS rounds that
# alternate between them (idplint, round 1; baseline, round 1; jsonschema-cli, round 1; idplint,
# round 2; ...), so that a drift in the load of a shared machine falls on each of them alike
# instead of on whichever was timed in the bad seconds. A run under FAST seconds is repeated
# many times a round.
FAST = 0.05
ALTERNATE = 5.0
ROUNDS = 3


def runs_alone(elapsed: float) -> list[str]:
    """hyperfine's run options for a tool timed in one go."""
    if elapsed >= 5:
        return ["--runs", "3"]
    if elapsed >= 0.5:
        return ["--warmup", "1", "--runs", "5"]
    if elapsed >= FAST:
        return ["--warmup", "3"]
    return ["--warmup", "3", "--runs", str(min(300, max(20, int(1.0 / max(elapsed, 1e-3)))))]


def runs_in_round(elapsed: float) -> list[str]:
    """hyperfine's run options for one of a tool's alternating rounds (about a second each)."""
    if elapsed >= 0.5:
        return ["--warmup", "1", "--runs", "3"]
    if elapsed >= FAST:
        return ["--warmup", "2", "--runs", str(max(5, int(1.0 / elapsed)))]
    return runs_alone(elapsed)


def measure(tool: t.Tool, corpus: t.Corpus) -> tuple[Result, str, str]:
    """One tool on one corpus (see `measure_tools`)."""
    return measure_tools([tool], corpus)[0]


def measure_tools(tools: list[t.Tool], corpus: t.Corpus) -> list[tuple[Result, str, str]]:
    """Each tool on one corpus: one run under /usr/bin/time for its output and peak memory, then
    hyperfine; the tools under ALTERNATE seconds in alternating rounds."""
    env = dict(os.environ, NO_COLOR="1")
    with tempfile.TemporaryDirectory() as tmp:
        probes = []
        for i, tool in enumerate(tools):
            command = tool.command(corpus, SCHEMAS)
            line = command.runnable(Path(tmp) / f"command-{i}.sh")
            timing = Path(tmp) / "time"
            done = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(timing), *shlex.split(line)],
                                  cwd=corpus.path, env=env, capture_output=True, text=True, check=False)
            try:
                elapsed, peak = timing.read_text().split()[-2:]
            except ValueError:
                raise Failure(f"{tool.label}: no timing ({done.stderr[-500:]})") from None
            probes.append((tool, command, line, done, float(elapsed), int(peak)))
        times: dict[int, list[dict]] = {i: [] for i in range(len(tools))}
        group = [i for i, p in enumerate(probes) if p[4] < ALTERNATE]
        if len(group) < 2:
            group = []
        for i, p in enumerate(probes):
            if i not in group:
                times[i].append(hyperfine(p[0], p[2], corpus, env, runs_alone(p[4]), Path(tmp)))
        for _ in range(ROUNDS if group else 0):
            for i in group:
                p = probes[i]
                times[i].append(hyperfine(p[0], p[2], corpus, env, runs_in_round(p[4]), Path(tmp)))
    out = []
    for i, (tool, command, _, done, _, peak) in enumerate(probes):
        every_time = [x for st in times[i] for x in st["times"]]
        cpu = sum((st["user"] + st["system"]) * len(st["times"]) for st in times[i]) / len(every_time)
        stddev = statistics.stdev(every_time) if len(every_time) > 1 else 0.0
        result = Result(corpus, tool, command, statistics.mean(every_time), stddev, len(every_time),
                        peak, tool.count(done.stdout, done.stderr), cpu)
        if result.invalid != corpus.expected_invalid:
            # Keep the evidence for the failure that follows.
            stem = corpus.path.parent / f"{corpus.key}.{tool.key.replace(' ', '_')}"
            Path(f"{stem}.stdout").write_text(done.stdout)
            Path(f"{stem}.stderr").write_text(done.stderr)
            t.log(f"{tool.label} exited with {done.returncode}; its output is in {stem}.stdout and .stderr")
        out.append((result, done.stdout, done.stderr))
    return out


def hyperfine(tool: t.Tool, line: str, corpus: t.Corpus, env: dict, runs: list[str], tmp: Path) -> dict:
    """hyperfine's figures of one command (`times`, `user`, `system`, in seconds)."""
    export = tmp / "hyperfine.json"
    t.log(f"{tool.label} on {corpus.label}")
    subprocess.run(["hyperfine", "--style", "basic", "-i", "--export-json", str(export),
                    "--command-name", tool.label, *runs, "-N", line],
                   cwd=corpus.path, env=env, check=True, stdout=sys.stderr)
    return json.loads(export.read_text())["results"][0]


def check_count(r: Result, expected: int | None = None) -> None:
    want = r.corpus.expected_invalid if expected is None else expected
    if r.invalid != want:
        raise Failure(f"{r.tool.label} reported {r.invalid} invalid files on {r.corpus.label}, "
                      f"the corpus has {want}: it was not measured doing the same work")


def environment(load_before: tuple[float, ...]) -> str:
    cpu = "?"
    try:
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    load = os.getloadavg()
    hyperfine = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}; {cpu}, {os.cpu_count()} cores; "
            f"Linux {platform.release()}; corpora on tmpfs; {hyperfine}; load average "
            f"{load_before[0]:.2f} before, {load[0]:.2f} after.")


def ratio_target(what: str, peer: Result | None, idplint: Result | None, at_least: float) -> Target:
    """`peer`'s time ÷ idplint's must be at least `at_least`."""
    if not peer or not idplint:
        return Target(what, "not measured", None)
    r = peer.mean / idplint.mean
    shown = (f"{peer.tool.label} ÷ idplint: {r:.2f}× ({report.duration(peer.mean)} vs "
             f"{report.duration(idplint.mean)})")
    return Target(what, shown, r >= at_least)


def targets(results: list[Result], memory: list[Result]) -> list[Target]:
    def get(n: int, key: str) -> Result | None:
        return next((r for r in results if r.corpus.files == n and r.corpus.key.startswith("files")
                     and r.tool.key == key), None)

    one_i, one_j = get(1, "idplint"), get(1, "jsonschema-cli")
    big = 100_000
    i = get(big, "idplint")
    out = [
        ratio_target("1 file: idplint no slower than jsonschema-rs CLI (≥ 1×)", one_j, one_i, 1.0),
        ratio_target("100,000 files: ≥ 2× faster than jsonschema-rs CLI", get(big, "jsonschema-cli"), i, 2.0),
        ratio_target("100,000 files: ≥ 4× faster than ajv-cli", get(big, "ajv-cli"), i, 4.0),
        ratio_target("100,000 files: ≥ 50× faster than check-jsonschema", get(big, "check-jsonschema"), i, 50.0),
    ]
    base = get(big, "baseline")
    if i and base:
        r = i.mean / base.mean
        out.append(Target("100,000 files: within 1.3× of the baseline", f"{r:.2f}× the baseline's time", r <= 1.3))
    else:
        out.append(Target("100,000 files: within 1.3× of the baseline", "not measured", None))
    j = get(big, "jsonschema-cli")
    if i and j:
        batches = next((r for r in memory if r.corpus is i.corpus), None)
        also = (f"; {report.mib(batches.peak_kib)} MiB when xargs gives it about 5,000 files to a run"
                if batches else "")
        runs = ("in xargs' default runs" if re.search(r"xargs -0 (?!-s)", j.command.text)
                else "each folder's files in one run")
        out.append(Target("100,000 files: peak memory ≤ jsonschema-rs CLI's",
                          f"{report.mib(i.peak_kib)} MiB vs {report.mib(j.peak_kib)} MiB, {runs}{also}",
                          i.peak_kib <= j.peak_kib))
    else:
        out.append(Target("100,000 files: peak memory ≤ jsonschema-rs CLI's", "not measured", None))
    return out


def line_fit(points: list[tuple[int, float]]) -> tuple[float, float, float]:
    """The line `fixed + each * n` nearest the points by their relative errors (least squares
    weighted by 1 / y²), and the largest relative distance of a point from it.

    >>> [round(x, 6) for x in line_fit([(1000, 0.022), (10000, 0.13), (100000, 1.21)])]
    [0.01, 1.2e-05, 0.0]
    >>> fixed, each, worst = line_fit([(1000, 0.022), (10000, 0.26), (100000, 1.21)])
    >>> 0.25 < worst < 0.6
    True
    """
    w = [1 / max(1e-12, y) ** 2 for _, y in points]
    s, sn = sum(w), sum(wi * n for wi, (n, _) in zip(w, points))
    sy = sum(wi * y for wi, (_, y) in zip(w, points))
    snn = sum(wi * n * n for wi, (n, _) in zip(w, points))
    sny = sum(wi * n * y for wi, (n, y) in zip(w, points))
    each = (s * sny - sn * sy) / max(1e-30, s * snn - sn * sn)
    fixed = (sy - each * sn) / s
    worst = max(abs(y - fixed - each * n) / max(1e-12, y) for n, y in points)
    return fixed, each, worst


def linearity(files: list[Result], big: list[Result]) -> str:
    """Whether idplint's cost grows linearly: a line fitted to the CPU time (user + system) of the
    runs of 1,000 files and more (see `line_fit`), and the CPU time per MB of one big file after
    the first. CPU time, because wall time on a shared machine moves with the load."""
    lines = []
    files = [r for r in files if r.cpu is not None]
    big = [r for r in big if r.cpu is not None]
    if len(files) >= 3:
        first = files[0]
        per = [(r.corpus.files, (r.cpu - first.cpu) / (r.corpus.files - first.corpus.files))
               for r in files[1:] if r.corpus.files > first.corpus.files]
        costs = ", ".join(f"{n:,} files: {c * 1e6:.1f} µs" for n, c in per)
        fixed, each, worst = line_fit([(r.corpus.files, r.cpu) for r in files[1:]])
        verdict = ("too few sizes to tell" if len(files) < 4
                   else "linear" if worst <= 0.25 else "not linear")
        mem = (files[-1].peak_kib - first.peak_kib) * 1024 / max(1, files[-1].corpus.files - first.corpus.files)
        lines.append(f"- CPU time, fitted to a line on the runs of {files[1].corpus.files:,} files and more "
                     f"(least squares on relative errors): {fixed * 1e3:.1f} ms of fixed cost (start-up, and "
                     f"compiling the validators of each kind the files hold, once) plus {each * 1e6:.1f} µs per "
                     f"file; every size within {worst * 100:.0f}% of the line: {verdict}. The CPU time per file "
                     f"after the first ({costs})"
                     + (" falls as the fixed cost spreads over more files. "
                        if all(a[1] > b[1] for a, b in zip(per, per[1:])) else ". ")
                     + f"Peak memory grows by {mem:,.0f} bytes per file.")
    if len(big) >= 3:
        a, b = big[-2], big[-1]
        slope1 = (a.cpu - big[0].cpu) / max(1e-9, (a.corpus.bytes - big[0].corpus.bytes) / 1e6)
        slope2 = (b.cpu - a.cpu) / max(1e-9, (b.corpus.bytes - a.corpus.bytes) / 1e6)
        ratio = slope2 / max(1e-12, slope1)
        verdict = ("linear" if 0.8 <= ratio <= 1.25
                   else "less than linear (the larger file costs less per MB)" if ratio < 0.8
                   else "more than linear")
        mem = (b.peak_kib - a.peak_kib) / 1024 / max(1e-9, (b.corpus.bytes - a.corpus.bytes) / 1e6)
        lines.append(f"- One big file: {slope1 * 1e3:.1f} ms of CPU per MB up to {report.size(a.corpus.bytes)}, "
                     f"{slope2 * 1e3:.1f} ms per MB from there to {report.size(b.corpus.bytes)}: {verdict}. "
                     f"Peak memory grows by {mem:.1f} MiB per MB of input.")
    return "\n".join(lines) + ("\n" if lines else "")


def schemas_var(command: str) -> str:
    """`command` with the schemas folder written `$SCHEMAS`, whichever checkout it was measured in
    (`--render` may run in another one).

    >>> schemas_var("idplint-baseline /src/idplint/schemas . && x -s /a/schemas/auth0.idp.json")
    'idplint-baseline $SCHEMAS . && x -s $SCHEMAS/auth0.idp.json'
    """
    return re.sub(r"(?<!\S)/\S*/schemas(?=/|\s|$)", "$SCHEMAS", command.replace(str(SCHEMAS), "$SCHEMAS"))


def commands_section(results: list[Result]) -> str:
    """The command each tool ran, on the largest corpus measured: its first folder."""
    largest = max((r.corpus for r in results), key=lambda c: c.files)
    lines = [f"The timed commands on {largest.label}, run in the corpus folder (`$SCHEMAS` is the "
             "repository's `schemas/`; a peer runs once per folder, and file lists are cut short "
             "here):", "", "```sh"]
    for r in results:
        if r.corpus is not largest:
            continue
        first = r.command.text.split("; ")
        text = re.sub(r"((?:\S+\.json ){2})(?:\S+\.json ?)+", r"\1… ", first[0]).rstrip()
        text = schemas_var(text).replace(str(r.tool.binary), r.tool.binary.name)
        lines.append(f"# {r.tool.label}: {r.tool.version}")
        lines.append(text + (f"; …  # and {len(first) - 1} more folders" if len(first) > 1 else ""))
    lines.append("```")
    return "\n".join(lines) + "\n"


def fragment(name: str, env: str, peers: list[Result], tgts: list[Target], scaling: list[Result],
             baseline: dict[str, Result], big: list[Result], render: list[Result]) -> str:
    """The figures: the text between the performance page's markers, and the body of the report."""
    parts = [f"Measured {env}\n\n", report.peers_table(peers, "idplint"),
             f"\n![Files per second of each tool, by corpus size](../bench/results/{name}.svg)\n",
             "\n" + report.targets_table(tgts)]
    if scaling:
        rows = [(r.corpus.label, r, baseline.get(r.corpus.key)) for r in scaling]
        parts.append("\nHow idplint's cost grows with the number of files:\n\n" + report.scaling_table(rows, "file"))
    if big:
        rows = [(r.corpus.label, r, baseline.get(r.corpus.key)) for r in big]
        parts.append("\nAnd with the size of one file (a list response):\n\n" + report.scaling_table(rows, "MB"))
    lin = linearity(scaling, big)
    if lin:
        parts.append("\n" + lin)
    if render:
        parts.append(f"\nRendering {RENDER_ERRORS:,} findings in one {render[0].corpus.label} file:\n\n"
                     + report.render_table(render))
    parts.append("\n" + commands_section(peers))
    return "".join(parts)


def update_page(text: str) -> None:
    page = PAGE.read_text()
    start = page.find("<!-- bench:start")
    end = page.find("<!-- bench:end -->")
    if start < 0 or end < 0:
        raise Failure(f"{PAGE.relative_to(ROOT)} has no <!-- bench:start --> … <!-- bench:end --> markers")
    body = page.index("\n", start) + 1
    PAGE.write_text(page[:body] + text + page[end:])


def measure_all(a: argparse.Namespace) -> dict:
    """Build, install, generate and measure; the measurements as plain data (see `save`)."""
    load_before = os.getloadavg()
    if not a.work.parent.exists():
        raise Failure(f"{a.work.parent} does not exist")
    if not str(a.work).startswith("/dev/shm"):
        t.log(f"warning: {a.work} may not be a RAM disk; idle files may be read from disk")
    if not a.no_build:
        t.run(["cargo", "build", "--release", "--locked", "-p", "idplint-bin", "-p", "idplint-bench"], cwd=ROOT)
    release = target_dir() / "release"
    tools_dir = a.tools or target_dir() / "bench-tools"
    idplint = t.Idplint(release / "idplint")
    baseline = t.Baseline(release / "idplint-baseline")
    corpus_bin = release / "idplint-corpus"
    peers: list[t.Tool] = []
    if "jsonschema-cli" not in a.skip:
        peers.append(t.JsonschemaCli(t.jsonschema_cli(tools_dir)))
    if "ajv-cli" not in a.skip:
        peers.append(t.AjvCli(t.ajv_cli(tools_dir, PEERS)))
    if "check-jsonschema" not in a.skip:
        peers.append(t.CheckJsonschema(t.check_jsonschema(tools_dir, PEERS)))
    every: list[t.Tool] = [idplint, baseline, *peers]
    a.work.mkdir(parents=True, exist_ok=True)

    def corpus(key: str, shown: str, args: list[str]) -> t.Corpus:
        c = t.Corpus.load(key, shown, make_corpus(corpus_bin, a.work, key, ["--seed", str(a.seed), *args]))
        t.log(f"{c.label}: {c.bytes:,} bytes in {len(c.folders)} folders, {c.expected_invalid:,} invalid")
        return c

    results: list[Result] = []
    big: list[Result] = []
    render: list[Result] = []
    memory: list[Result] = []
    try:
        for n in a.sizes:
            c = corpus(f"files-{n}", label(n), ["--files", str(n)])
            for r, _, _ in measure_tools(every, c):
                check_count(r)
                results.append(r)
            if n == max(SIZES) and "jsonschema-cli" not in a.skip:
                # The peak of jsonschema-rs CLI given fewer files to a run, for the memory target's
                # line; its time is in the report's data, not in the tables.
                batches = t.JsonschemaCli(t.jsonschema_cli(tools_dir), batches=True)
                r, _, _ = measure(batches, c)
                check_count(r)
                memory.append(r)
                every.append(batches)
        if a.big:
            for shown, arg in BIG:
                c = corpus(f"big-{arg}", shown, ["--big", arg])
                for tool in (idplint, baseline):
                    r, _, _ = measure(tool, c)
                    check_count(r)
                    big.append(r)
            c = corpus("big-10MB-errors", "10 MB", ["--big", "10MB", "--errors", str(RENDER_ERRORS)])
            for args in ((), ("--format", "concise"), ("--format", "json")):
                tool = t.Idplint(idplint.binary, args)
                tool.label = " ".join(["idplint check", *args]) if args else "idplint check (human)"
                tool.key = tool.label
                r, out, _ = measure(tool, c)
                check_count(r)
                r.invalid = tool.findings(out)
                check_count(r, RENDER_ERRORS)
                render.append(r)
                every.append(tool)
    except Failure:
        # Keep what was measured, to see what went wrong and to render it (`--render`).
        a.out.mkdir(parents=True, exist_ok=True)
        partial = a.out / f"{a.name}.partial.json"
        data = save(environment(load_before), a.quick, every, results, big, render, memory)
        partial.write_text(json.dumps(data, indent=1) + "\n")
        t.log(f"kept the figures measured so far in {partial}")
        raise
    return save(environment(load_before), a.quick, every, results, big, render, memory)


def save(env: str, quick: bool, every: list[t.Tool], results: list[Result], big: list[Result],
         render: list[Result], memory: list[Result]) -> dict:
    corpora: dict[str, dict] = {}

    def one(r: Result) -> dict:
        c = r.corpus
        corpora[c.key] = {"key": c.key, "label": c.label, "files": c.files, "bytes": c.bytes,
                          "expected_invalid": c.expected_invalid}
        return {"corpus": c.key, "tool": r.tool.key, "command": r.command.text, "shell": r.command.shell,
                "mean": r.mean, "stddev": r.stddev, "runs": r.runs, "peak_kib": r.peak_kib,
                "invalid": r.invalid, "cpu": r.cpu}

    data = {"environment": env, "quick": quick,
            "tools": [{"key": x.key, "label": x.label, "version": x.version, "binary": str(x.binary)}
                      for x in every],
            "results": [one(r) for r in results], "big": [one(r) for r in big],
            "render": [one(r) for r in render], "memory": [one(r) for r in memory]}
    data["corpora"] = list(corpora.values())
    return data


def load(data: dict) -> tuple[list[SimpleNamespace], dict[str, list[Result]]]:
    """The tools, and the results of each part, from `save`'s data."""
    tools = [SimpleNamespace(**{**x, "binary": Path(x["binary"])}) for x in data["tools"]]
    by_key = {x.key: x for x in tools}
    corpora = {c["key"]: t.Corpus(c["key"], c["label"], Path(), c["files"], c["bytes"], c["expected_invalid"])
               for c in data["corpora"]}
    parts = {
        part: [Result(corpora[r["corpus"]], by_key[r["tool"]], t.Command(r["command"], r["shell"]), r["mean"],
                      r["stddev"], r["runs"], r["peak_kib"], r["invalid"], r.get("cpu"))
               for r in data.get(part, [])]
        for part in ("results", "big", "render", "memory")
    }
    return tools, parts


def write(a: argparse.Namespace, data: dict) -> str:
    """The report, the chart and the raw figures in `a.out`; the performance page's figures
    with `--docs`. Returns the report."""
    tools, parts = load(data)
    results, big, render = parts["results"], parts["big"], parts["render"]
    scaling = [r for r in results if r.tool.key == "idplint"]
    base = {r.corpus.key: r for r in results + big if r.tool.key == "baseline"}
    tgts = targets(results, parts["memory"])
    body = fragment(a.name, data["environment"], results, tgts, scaling, base,
                    [r for r in big if r.tool.key == "idplint"], render)
    shown = [x for x in tools if any(r.tool is x for r in results)]
    labels = {x.key: x.label.split(" (")[0] for x in shown}
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / f"{a.name}.svg").write_text(report.chart(results, [x.key for x in shown], labels))
    (a.out / f"{a.name}.json").write_text(json.dumps(data, indent=1) + "\n")
    md = (f"# idplint benchmark: {a.name}\n\n"
          f"Written by `python3 bench/run.py{' --quick' if data['quick'] else ''}`.\n\n"
          + body.replace("](../bench/results/", "]("))
    (a.out / f"{a.name}.md").write_text(md)
    t.log(f"wrote {a.name}.md, .svg and .json in {a.out}")
    if a.docs:
        update_page(body)
        t.log(f"updated {PAGE.relative_to(ROOT)}")
    return md


def main() -> int:
    a = arguments()
    data = json.loads(a.render.read_text()) if a.render else measure_all(a)
    print(write(a, data))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Failure, subprocess.CalledProcessError) as e:
        print(f"bench: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
