"""Find file-level import cycles in the workspace's crates, and fail on one that is not allowed.

Every `.rs` file under `crates/*/src` is a node. A file depends on another when it names an item
of it: a `use` path, a path in code (`crate::input::read(…)`, `super::x`, `child::y`), a macro
invoked by name (but not a `$crate::…` path in a macro's body: it names an item for the file
that expands the macro), each resolved to the file that holds the module (through the re-exports it names:
`crate::Context` is `context.rs`, not `lib.rs`). A module using the items of a module that
encloses it (`use super::*` in a child, `crate::EXIT_OK`) is not a dependency: the enclosing
module holds it. Comments, doc links and string literals are not read.

A cycle is a strongly connected set of two or more files. `allowed.txt` lists the cycles that are
still being removed, each as its files, one a line, with a blank line between cycles; the check
fails on a cycle that is not listed exactly and on a listed one that no longer exists, so the list
only shrinks.

    python3 scripts/import-cycles/check.py [ROOT]

Its own tests: `python3 -m unittest discover -s scripts/import-cycles`.
"""

from __future__ import annotations

import pathlib
import re
import sys
from dataclasses import dataclass, field

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
RAW_STRING = re.compile(r'(?:b|c)?r(#*)"')


@dataclass
class Token:
    text: str
    line: int


def tokens(source: str) -> list[Token]:
    """The identifiers and punctuation of Rust source, without comments and literals."""
    out: list[Token] = []
    i, line, n = 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if source.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif source.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += source[i] == "\n"
                    i += 1
        elif (raw := RAW_STRING.match(source, i)) and (i == 0 or not is_ident_char(source[i - 1])):
            close = '"' + raw.group(1)
            end = source.find(close, raw.end())
            end = n if end < 0 else end + len(close)
            line += source.count("\n", i, end)
            i = end
        elif c == '"' or (c in "bc" and source.startswith('"', i + 1) and not_after_ident(source, i)):
            i = source.index('"', i) + 1
            while i < n and source[i] != '"':
                line += source[i] == "\n"
                i += 2 if source[i] == "\\" else 1
            i += 1
        elif c == "'":
            # A character literal ('x', '\n', '\u{1F600}') or a lifetime / label ('a).
            if source.startswith("\\", i + 1):
                i = source.index("'", i + 3) + 1
            elif i + 2 < n and source[i + 2] == "'":
                i += 3
            else:
                i += 1
        elif is_ident_char(c) and not c.isdigit():
            m = IDENT.match(source, i)
            if m is None:  # a letter outside ASCII: not a path segment of ours
                i += 1
                continue
            out.append(Token(m.group(), line))
            i = m.end()
        elif c.isdigit():
            while i < n and (is_ident_char(source[i]) or source[i] == "."):
                if source.startswith("..", i):
                    break
                i += 1
        elif source.startswith("::", i):
            out.append(Token("::", line))
            i += 2
        else:
            out.append(Token(c, line))
            i += 1
    return out


def is_ident_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def not_after_ident(source: str, i: int) -> bool:
    return i == 0 or not is_ident_char(source[i - 1])


Module = tuple[str, ...]


@dataclass
class Use:
    """A path a file names, where it names it, and the module it is named from."""

    path: list[str]
    line: int
    scope: Module
    # The name it binds (a `use` item), or None (a path in code).
    binds: str | None = None


@dataclass
class SourceFile:
    path: pathlib.Path
    module: Module
    uses: list[Use] = field(default_factory=list)
    macros: set[str] = field(default_factory=set)
    invoked: list[tuple[str, int]] = field(default_factory=list)


def module_of(relative: pathlib.PurePath) -> Module:
    """`lib.rs` is (), `a.rs` and `a/mod.rs` are ("a",), `a/b.rs` is ("a", "b")."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main") and (parts[-1] == "mod" or len(parts) == 1):
        parts.pop()
    return tuple(parts)


def use_tree(toks: list[Token], i: int, prefix: list[str]) -> tuple[list[tuple[list[str], str | None]], int]:
    """The paths of the use tree at `toks[i]` (each with the name it binds), and the index after it."""
    out: list[tuple[list[str], str | None]] = []
    path = list(prefix)
    while i < len(toks):
        t = toks[i].text
        if t == "{":
            i += 1
            while i < len(toks) and toks[i].text != "}":
                inner, i = use_tree(toks, i, path)
                out.extend(inner)
                if i < len(toks) and toks[i].text == ",":
                    i += 1
            return out, i + 1
        if t == "*":
            out.append((path, None))
            return out, i + 1
        if t == "::":
            i += 1
            continue
        if IDENT.fullmatch(t):
            if t == "self" and path and path == prefix and prefix:
                binds = path[-1]
            else:
                path.append(t)
                binds = t
            i += 1
            if i + 1 < len(toks) and toks[i].text == "as":
                binds = toks[i + 1].text
                i += 2
            if i < len(toks) and toks[i].text == "::":
                continue
            out.append((path, None if binds == "_" else binds))
            return out, i
        return out, i
    return out, i


def parse(path: pathlib.Path, module: Module) -> SourceFile:
    toks = tokens(path.read_text(encoding="utf-8"))
    file = SourceFile(path, module)
    # Inline modules (`mod tests { … }`): the brace depth each was opened at.
    scopes: list[tuple[str, int]] = []
    depth = 0
    i = 0
    while i < len(toks):
        t = toks[i].text
        scope = module + tuple(name for name, _ in scopes)
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
            if scopes and scopes[-1][1] == depth:
                scopes.pop()
        elif t == "mod" and i + 2 < len(toks) and toks[i + 2].text == "{":
            scopes.append((toks[i + 1].text, depth))
            depth += 1
            i += 3
            continue
        elif t == "macro_rules" and i + 2 < len(toks) and toks[i + 1].text == "!":
            file.macros.add(toks[i + 2].text)
            i += 3
            continue
        elif t == "use" and (i == 0 or toks[i - 1].text != "::"):
            for used, binds in use_tree(toks, i + 1, [])[0]:
                file.uses.append(Use(used, toks[i].line, scope, binds))
            while i < len(toks) and toks[i].text != ";":
                i += 1
            continue
        elif IDENT.fullmatch(t) and (i == 0 or toks[i - 1].text != "::"):
            if i + 1 < len(toks) and toks[i + 1].text == "!":
                file.invoked.append((t, toks[i].line))
            segments = [t]
            j = i + 1
            while j + 1 < len(toks) and toks[j].text == "::" and IDENT.fullmatch(toks[j + 1].text):
                segments.append(toks[j + 1].text)
                j += 2
            if len(segments) > 1 and t == "crate" and i > 0 and toks[i - 1].text == "$":
                # `$crate::…` in a macro's body resolves where the macro is expanded: a dependency
                # of the file that invokes the macro (which depends on this file), not of this one.
                i = j
                continue
            if len(segments) > 1:
                file.uses.append(Use(segments, toks[i].line, scope))
                if j < len(toks) and toks[j].text == "!":
                    file.invoked.append((segments[-1], toks[i].line))
                i = j
                continue
        i += 1
    return file


class Crate:
    def __init__(self, src: pathlib.Path, files: list[pathlib.Path] | None = None):
        self.src = src
        paths = files if files is not None else sorted(src.rglob("*.rs"))
        roots = {"lib.rs"} if (src / "lib.rs").exists() else {"main.rs"}
        self.files: dict[Module, SourceFile] = {}
        for path in paths:
            relative = path.relative_to(src)
            if relative.parts[0] == "bin" or (len(relative.parts) == 1 and relative.name in ("lib.rs", "main.rs") and relative.name not in roots):
                continue
            module = module_of(relative)
            self.files[module] = parse(path, module)
        self.macros: dict[str, list[SourceFile]] = {}
        for f in self.files.values():
            for name in f.macros:
                self.macros.setdefault(name, []).append(f)

    def resolve(self, use: Use, seen: frozenset = frozenset()) -> SourceFile | None:
        """The file that holds what `use.path` names, or None (another crate, a local name)."""
        path, scope = use.path, use.scope
        first = path[0]
        if first == "crate":
            base: Module = ()
            rest = path[1:]
        elif first == "self":
            base, rest = scope, path[1:]
        elif first == "super":
            base, rest = scope, path
            while rest and rest[0] == "super":
                base, rest = base[:-1], rest[1:]
        elif scope + (first,) in self.files:
            base, rest = scope + (first,), path[1:]  # a child module, by its name
        else:
            return None  # another crate, or a name in scope
        full = base + tuple(rest)
        for cut in range(len(full), -1, -1):
            target = self.files.get(full[:cut])
            if target is None:
                continue
            remaining = full[cut:]
            if remaining and (target.path, remaining[0]) not in seen:
                again = self.reexport(target, remaining, seen | {(target.path, remaining[0])})
                if again is not None:
                    return again
            return target
        return None

    def reexport(self, target: SourceFile, remaining: Module, seen: frozenset) -> SourceFile | None:
        """Where `target` takes the name `remaining[0]` from, when it imports it (or defines the
        macro) from another file."""
        name = remaining[0]
        for u in target.uses:
            if u.binds == name and u.scope == target.module:
                found = self.resolve(Use(u.path + list(remaining[1:]), u.line, u.scope), seen)
                if found is not None:
                    return found
        if target.module == () and len(remaining) == 1:
            defined = self.macros.get(name, [])
            if len(defined) == 1:
                return defined[0]
        return None

    def edges(self) -> dict[pathlib.Path, dict[pathlib.Path, int]]:
        """Each file's dependencies, with the first line that names each."""
        graph: dict[pathlib.Path, dict[pathlib.Path, int]] = {f.path: {} for f in self.files.values()}
        for f in self.files.values():
            found: list[tuple[SourceFile, int]] = []
            for use in f.uses:
                target = self.resolve(use)
                if target is not None:
                    found.append((target, use.line))
            for name, line in f.invoked:
                defined = self.macros.get(name, [])
                if len(defined) == 1:
                    found.append((defined[0], line))
            for target, line in found:
                if target is f or target.module == f.module[: len(target.module)]:
                    continue  # itself, or a module that encloses it
                graph[f.path].setdefault(target.path, line)
        return graph


def cycles(graph: dict[pathlib.Path, dict[pathlib.Path, int]]) -> list[list[pathlib.Path]]:
    """The strongly connected sets of two or more nodes (Tarjan), each sorted."""
    index: dict[pathlib.Path, int] = {}
    low: dict[pathlib.Path, int] = {}
    stack: list[pathlib.Path] = []
    on_stack: set[pathlib.Path] = set()
    out: list[list[pathlib.Path]] = []

    def visit(v: pathlib.Path) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(1000, 4 * len(graph)))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def find_cycles(root: pathlib.Path) -> tuple[list[list[str]], dict[str, dict[str, int]]]:
    """Every crate's cycles (as paths relative to `root`), and the dependency graph."""
    found: list[list[str]] = []
    graph: dict[str, dict[str, int]] = {}
    for src in sorted(root.glob("crates/*/src")):
        crate_graph = Crate(src).edges()
        for v, ws in crate_graph.items():
            graph[rel(v, root)] = {rel(w, root): line for w, line in ws.items()}
        found.extend(sorted(rel(p, root) for p in c) for c in cycles(crate_graph))
    return sorted(found), graph


def rel(path: pathlib.Path, root: pathlib.Path) -> str:
    return path.relative_to(root).as_posix()


def read_allowed(text: str) -> list[list[str]]:
    """The cycles of `allowed.txt`: paragraphs of paths (`#` starts a comment)."""
    allowed: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines() + [""]:
        if line.lstrip().startswith("#"):
            continue
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            allowed.append(sorted(current))
            current = []
    return allowed


def check(root: pathlib.Path, allowed: list[list[str]]) -> list[str]:
    """The problems: cycles not allowed, allowed cycles gone (empty when all is well)."""
    found, graph = find_cycles(root)
    problems = []
    for cycle in found:
        if cycle not in allowed:
            problems.append("an import cycle:\n" + describe(cycle, graph))
    for cycle in allowed:
        if cycle not in found:
            problems.append(
                "a cycle in allowed.txt no longer exists: remove it, or write what is left of "
                "it:\n" + "\n".join(f"  {p}" for p in cycle)
            )
    return problems


def describe(cycle: list[str], graph: dict[str, dict[str, int]]) -> str:
    """Each dependency inside the cycle, with the line that makes it."""
    members = set(cycle)
    lines = []
    for v in cycle:
        for w, line in sorted(graph[v].items()):
            if w in members:
                lines.append(f"  {v}:{line} uses {w}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    root = pathlib.Path(argv[1] if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    allowed = read_allowed(pathlib.Path(__file__).with_name("allowed.txt").read_text(encoding="utf-8"))
    problems = check(root, allowed)
    for p in problems:
        print(f"import-cycles: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"import-cycles: no cycle but the {len(allowed)} allowed in allowed.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
