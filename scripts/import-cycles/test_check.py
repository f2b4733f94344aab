"""The cycle check's own tests: `python3 -m unittest discover -s scripts/import-cycles`."""

import pathlib
import tempfile
import textwrap
import unittest

import check


class Workspace:
    """A workspace of one crate, `crates/c/src`, written from `{path: source}`."""

    def __init__(self, files: dict[str, str]):
        self.dir = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.dir.name)
        for name, text in files.items():
            path = self.root / "crates" / "c" / "src" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")

    def cycles(self) -> list[list[str]]:
        return [[p.removeprefix("crates/c/src/") for p in c] for c in check.find_cycles(self.root)[0]]

    def edges(self) -> dict[str, list[str]]:
        graph = check.find_cycles(self.root)[1]
        short = lambda p: p.removeprefix("crates/c/src/")
        return {short(v): sorted(short(w) for w in ws) for v, ws in graph.items() if ws}

    def problems(self, allowed: str) -> list[str]:
        return check.check(self.root, check.read_allowed(allowed))

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.dir.cleanup()


LIB = "mod a;\nmod b;\n"


class Detection(unittest.TestCase):
    def test_two_siblings_that_use_each_other_are_a_cycle(self):
        with Workspace({"lib.rs": LIB, "a.rs": "use crate::b::B;\npub struct A;", "b.rs": "pub struct B;\nfn f() { crate::a::A; }"}) as w:
            self.assertEqual(w.cycles(), [["a.rs", "b.rs"]])

    def test_a_longer_cycle_through_folders_and_a_parent_is_found_whole(self):
        files = {
            "lib.rs": "mod input;\nmod commands;\n",
            "input.rs": "use crate::commands::tool_error;",
            "commands/mod.rs": "mod check;\npub fn tool_error() {}\npub fn run() { check::run() }",
            "commands/check.rs": "use crate::input;\npub fn run() {}",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [["commands/check.rs", "commands/mod.rs", "input.rs"]])

    def test_a_path_through_a_re_export_depends_on_the_file_that_defines_it(self):
        files = {
            "lib.rs": LIB + "pub use a::{self as alpha, A};\npub use b::B as Beta;",
            "a.rs": "pub struct A;\nfn f(_: crate::Beta) {}",
            "b.rs": "pub struct B(crate::A);",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [["a.rs", "b.rs"]])

    def test_use_trees_are_read_whole(self):
        files = {
            "lib.rs": "mod a;\nmod b;\nmod c;\nmod d;",
            "a.rs": "use crate::{b::{self, X as Y}, c::*};\nuse super::d::{Z};",
            "b.rs": "",
            "c.rs": "",
            "d.rs": "use self::inner::Q;\nmod inner { pub struct Q; }",
        }
        with Workspace(files) as w:
            # (`mod a;` is no use of `a`: only paths are.)
            self.assertEqual(w.edges(), {"a.rs": ["b.rs", "c.rs", "d.rs"]})

    def test_a_macro_invoked_by_name_is_a_dependency_on_the_file_that_defines_it(self):
        files = {
            "lib.rs": LIB,
            "a.rs": "macro_rules! declare { () => {} }\nuse crate::b::B;",
            "b.rs": "pub struct B;\ndeclare!();",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [["a.rs", "b.rs"]])

    def test_a_crate_path_in_a_macro_body_is_a_dependency_of_the_file_that_expands_it(self):
        files = {
            "lib.rs": LIB,
            "a.rs": "macro_rules! declare { () => { static X: $crate::b::B = $crate::b::B; } }",
            "b.rs": "pub struct B;\ndeclare!();",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [])
            self.assertEqual(w.edges(), {"b.rs": ["a.rs"]})

    def test_a_bare_child_module_name_is_a_dependency(self):
        files = {
            "lib.rs": "mod a;\nmod b;\npub fn root() {}",
            "a.rs": "mod child;\nfn f() { child::g() }",
            "a/child.rs": "pub fn g() { crate::b::h() }",
            "b.rs": "pub fn h() { crate::a::f() }",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [["a.rs", "a/child.rs", "b.rs"]])


class NotCycles(unittest.TestCase):
    def test_a_child_using_the_modules_that_enclose_it_is_not_a_cycle(self):
        files = {
            "lib.rs": "mod a;\npub const EXIT: u8 = 2;\nfn f() { a::g() }",
            "a/mod.rs": "mod b;\npub fn g() { b::h() }\npub struct A;",
            "a/b.rs": "use super::*;\nuse super::A;\npub fn h() -> u8 { crate::EXIT }",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [])
            self.assertEqual(w.edges(), {"lib.rs": ["a/mod.rs"], "a/mod.rs": ["a/b.rs"]})

    def test_comments_doc_links_and_strings_are_not_read(self):
        files = {
            "lib.rs": LIB,
            "a.rs": "use crate::b::B;",
            "b.rs": textwrap.dedent(
                '''\
                //! See [`crate::a::A`].
                /* crate::a::A /* nested */ crate::a::A */
                /// [`crate::a`]
                pub struct B;
                const S: &str = "crate::a::A";
                const R: &str = r#"crate::a::A " still raw"#;
                const C: char = '"';
                fn f<'a>(x: &'a str) -> &'a str { let _ = b"crate::a"; x }
                '''
            ),
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [])
            self.assertEqual(w.edges(), {"a.rs": ["b.rs"]})

    def test_super_in_an_inline_test_module_is_the_file_itself(self):
        files = {
            "lib.rs": LIB,
            "a.rs": "use crate::b::B;\n#[cfg(test)]\nmod tests { use super::*; use super::super::b; }",
            "b.rs": "pub struct B;\nmod tests { use super::super::a as x; }",
        }
        with Workspace(files) as w:
            # `super::super::a` in `b`'s test module is `a`: a real dependency.
            self.assertEqual(w.cycles(), [["a.rs", "b.rs"]])
        files["b.rs"] = "pub struct B;\nmod tests { use super::B; }"
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [])

    def test_other_crates_and_local_names_are_not_dependencies(self):
        files = {
            "lib.rs": LIB,
            "a.rs": "use std::io::Read;\nuse b_crate::a::A;\nfn f() { idplint::b::x(); Option::<u8>::None; }",
            "b.rs": "use crate::a;",
        }
        with Workspace(files) as w:
            self.assertEqual(w.cycles(), [])


class Allowlist(unittest.TestCase):
    CYCLE = {"lib.rs": LIB, "a.rs": "use crate::b::B;", "b.rs": "use crate::a::A;"}
    LISTED = "# a comment\ncrates/c/src/b.rs\ncrates/c/src/a.rs\n"

    def test_a_cycle_not_listed_fails_and_names_the_lines_that_make_it(self):
        with Workspace(self.CYCLE) as w:
            [problem] = w.problems("")
            self.assertIn("an import cycle", problem)
            self.assertIn("crates/c/src/a.rs:1 uses crates/c/src/b.rs", problem)
            self.assertIn("crates/c/src/b.rs:1 uses crates/c/src/a.rs", problem)

    def test_a_listed_cycle_passes(self):
        with Workspace(self.CYCLE) as w:
            self.assertEqual(w.problems(self.LISTED), [])

    def test_a_listed_cycle_that_is_gone_fails(self):
        with Workspace({"lib.rs": LIB, "a.rs": "", "b.rs": "use crate::a::A;"}) as w:
            [problem] = w.problems(self.LISTED)
            self.assertIn("no longer exists", problem)

    def test_a_listed_cycle_that_grew_or_shrank_fails_both_ways(self):
        files = {"lib.rs": LIB + "mod c;", "a.rs": "use crate::b::B;", "b.rs": "use crate::c::C;", "c.rs": "use crate::a::A;"}
        with Workspace(files) as w:
            problems = w.problems(self.LISTED)
            self.assertEqual(len(problems), 2, problems)
            self.assertIn("an import cycle", problems[0])
            self.assertIn("no longer exists", problems[1])

    def test_paragraphs_are_cycles(self):
        self.assertEqual(check.read_allowed("# x\nb\na\n\n  \n# y\nc\nd"), [["a", "b"], ["c", "d"]])


if __name__ == "__main__":
    unittest.main()
