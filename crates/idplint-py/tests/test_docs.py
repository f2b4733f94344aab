"""Every ```python block of the README and of docs/python.md runs, and its asserts hold."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DOCS = [ROOT / "README.md", ROOT / "docs" / "python.md"]


def blocks(path):
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"^```python\n(.*?)^```$", text, re.S | re.M):
        line = text.count("\n", 0, m.start()) + 2
        yield pytest.param(path, line, m.group(1), id=f"{path.name}:{line}")


EXAMPLES = [b for doc in DOCS for b in blocks(doc)]


def test_the_readme_has_its_python_example():
    assert any(p.values[0].name == "README.md" for p in EXAMPLES)


@pytest.mark.parametrize(("path", "line", "code"), EXAMPLES)
def test_example_runs(path, line, code):
    # Compiled with the file's name and line numbers, so a failing assert points at the doc.
    exec(compile("\n" * (line - 1) + code, str(path), "exec"), {"__name__": "example"})
