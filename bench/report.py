"""The benchmark's report: markdown tables and an SVG chart, from the measurements of one run."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from tools import Command, Corpus, Tool


@dataclass
class Result:
    """One tool on one corpus."""

    corpus: Corpus
    tool: Tool
    command: Command
    mean: float
    stddev: float
    runs: int
    peak_kib: int
    invalid: int
    # User plus system CPU time, mean of the timed runs (less sensitive than wall time to other
    # work on the machine).
    cpu: float | None = None

    @property
    def files_per_second(self) -> float:
        return self.corpus.files / self.mean if self.mean > 0 else 0.0


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1e3:.0f} ms"
    return f"{seconds * 1e3:.1f} ms"


def mean_sd(r: Result) -> str:
    """`mean ± sd` in one unit."""
    if r.mean >= 1:
        return f"{r.mean:.2f} ± {r.stddev:.2f} s"
    digits = 0 if r.mean >= 0.01 else 1
    return f"{r.mean * 1e3:.{digits}f} ± {r.stddev * 1e3:.{digits}f} ms"


def count(n: float) -> str:
    """A number to 3 significant digits, with thousands separators."""
    if n <= 0:
        return "0"
    if n >= 100:
        return f"{round(n, 2 - int(math.floor(math.log10(n)))):,.0f}"
    return f"{n:.1f}" if n >= 10 else f"{n:.2f}"


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f}"


def size(n: int) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def peers_table(results: list[Result], reference: str) -> str:
    lines = [
        "| files | tool | time (mean ± σ) | files/s | peak RSS (MiB) | invalid files found | time ÷ idplint's |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ref = next((x for x in results if x.corpus is r.corpus and x.tool.key == reference), None)
        ratio = f"{r.mean / ref.mean:.2f}×" if ref and ref.mean > 0 else ""
        lines.append(
            f"| {r.corpus.label} | {r.tool.label} | {mean_sd(r)} | {count(r.files_per_second)} "
            f"| {mib(r.peak_kib)} | {r.invalid:,} of {r.corpus.files:,} | {ratio} |"
        )
    return "\n".join(lines) + "\n"


@dataclass
class Target:
    what: str
    measured: str
    met: bool | None


def targets_table(targets: list[Target]) -> str:
    lines = ["| target | measured | met |", "|---|---|:---:|"]
    for t in targets:
        mark = "–" if t.met is None else ("yes" if t.met else "**no**")
        lines.append(f"| {t.what} | {t.measured} | {mark} |")
    return "\n".join(lines) + "\n"


def per_unit(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:.2f} ms"


def scaling_table(rows: list[tuple[str, Result, Result | None]], unit: str) -> str:
    """idplint (and the baseline) as the input grows; `unit` is `file` or `MB`. The marginal
    costs are the growth since the first row, per file or MB."""
    lines = [
        f"| input | idplint time | CPU time | CPU per {unit} after the first | peak RSS (MiB) "
        "| baseline time | baseline CPU | baseline peak RSS (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first = rows[0][1] if rows else None
    for label, r, b in rows:
        amount = r.corpus.files if unit == "file" else r.corpus.bytes / 1e6
        base = first.corpus.files if unit == "file" else first.corpus.bytes / 1e6
        marginal = ""
        if first is not None and r is not first and amount > base and r.cpu is not None and first.cpu is not None:
            marginal = per_unit((r.cpu - first.cpu) / (amount - base))
        lines.append(
            f"| {label} | {mean_sd(r)} | {duration(r.cpu) if r.cpu is not None else ''} | {marginal} "
            f"| {mib(r.peak_kib)} | {mean_sd(b) if b else ''} "
            f"| {duration(b.cpu) if b and b.cpu is not None else ''} | {mib(b.peak_kib) if b else ''} |"
        )
    return "\n".join(lines) + "\n"


def render_table(results: list[Result]) -> str:
    lines = ["| command | time (mean ± σ) | peak RSS (MiB) | error findings |", "|---|---:|---:|---:|"]
    for r in results:
        lines.append(f"| `{r.tool.label}` | {mean_sd(r)} | {mib(r.peak_kib)} | {r.invalid:,} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The chart
# ---------------------------------------------------------------------------------------------

COLOURS = ["#d9480f", "#868e96", "#1c7ed6", "#37b24d", "#f59f00", "#7048e8"]


def chart(results: list[Result], tools: list[str], labels: dict[str, str]) -> str:
    """Files per second of each tool at each corpus size: grouped bars on a log scale."""
    corpora = []
    for r in results:
        if r.corpus not in corpora:
            corpora.append(r.corpus)
    value = {(r.corpus.key, r.tool.key): r.files_per_second for r in results}
    values = [v for v in value.values() if v > 0] or [1.0]
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    width, height = 760, 400
    left, right, top, bottom = 70, 20, 40, 90
    plot_w, plot_h = width - left - right, height - top - bottom

    def y(v: float) -> float:
        return top + plot_h * (1 - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">Files per second '
        "(higher is better; log scale)</text>",
    ]
    decade = lo
    while decade <= hi * 1.0001:
        yy = y(decade)
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" stroke="#dee2e6"/>')
        label = f"{decade:,.0f}" if decade >= 1 else f"{decade:g}"
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{label}</text>')
        decade *= 10
    group_w = plot_w / max(1, len(corpora))
    bar_w = min(28.0, (group_w - 20) / max(1, len(tools)))
    for g, corpus in enumerate(corpora):
        x0 = left + g * group_w + (group_w - bar_w * len(tools)) / 2
        for t, key in enumerate(tools):
            v = value.get((corpus.key, key))
            if not v:
                continue
            x = x0 + t * bar_w
            yy = y(v)
            colour = COLOURS[t % len(COLOURS)]
            out.append(
                f'<rect x="{x:.1f}" y="{yy:.1f}" width="{bar_w - 2:.1f}" height="{top + plot_h - yy:.1f}" '
                f'fill="{colour}"><title>{escape(labels[key])}, {escape(corpus.label)}: '
                f"{count(v)} files/s</title></rect>"
            )
            out.append(
                f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{yy - 3:.1f}" font-size="8" '
                f'text-anchor="middle">{count(v)}</text>'
            )
        out.append(
            f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle">{escape(corpus.label)}</text>'
        )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#495057"/>'
    )
    # The legend, in rows that fit the width.
    lx, ly = left, height - 40
    for t, key in enumerate(tools):
        text_w = 17 + 7 * len(labels[key]) + 24
        if lx + text_w > width - right and lx > left:
            lx, ly = left, ly + 18
        colour = COLOURS[t % len(COLOURS)]
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{lx + 17}" y="{ly}">{escape(labels[key])}</text>')
        lx += text_w
    out.append("</svg>")
    return "\n".join(out) + "\n"
