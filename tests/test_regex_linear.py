"""Every regular expression in briefgen runs in about linear time, searched
over pathological text (issue 16): no catastrophic backtracking, whatever
an article holds.

The patterns are found, not listed: each literal pattern given to a ``re``
function in the package's source, and each compiled pattern a module holds
(patterns built from word lists). Each is searched (``finditer``, so from
every start position, the costliest way) over long runs of the characters
news text and broken pages repeat: spaces, tabs, newlines, letters, digits,
punctuation, capitalised words, and the pattern's own words. A linear
pattern takes milliseconds on 10,000 characters; a quadratic one takes
seconds, and an exponential one would never end (the alarm stops it).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
from pathlib import Path

import pytest

import briefgen

PACKAGE = Path(briefgen.__file__).parent
FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}
LENGTH = 10_000
# Seconds one search may take: 50x a linear pattern's worst time here, a
# tenth of a quadratic one's.
BOUND_S = 0.5
UNITS = (" ", "\t", "\n", "\n\n ", "a", "A", "a ", "A ", "Aa ", "A a ", "A. ", "a.", "A.", "a,", ", ", "a, ",
         "A, ", "1", "1 ", "1,", "1.", "10:", "1 a ", ".", "-", " -- ", "'", '"', "a'", "a-", "(", "#", "*", "|",
         "Mr. A", "aA1 .,;:-'\"()\n", "<!--a-->", "<p>", "</p> ", "<a href=x>")


def _flags(node: ast.AST) -> int:
    try:
        return int(eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re}))  # noqa: S307 - our source
    except Exception:  # a flag held in a variable: the pattern is tried without it
        return 0


def _literal_patterns() -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in FUNCTIONS and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re" and node.args):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue  # built at run time: a module-level one is found below
            flags = next((_flags(k.value) for k in node.keywords if k.arg == "flags"), 0)
            if node.func.attr == "compile" and len(node.args) > 1:
                flags = _flags(node.args[1])
            found.setdefault((first.value, flags), f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _module_patterns() -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages(briefgen.__path__, "briefgen."):
        if info.name.endswith("__main__"):
            continue  # runs the command line
        for name, value in vars(importlib.import_module(info.name)).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault((value.pattern, value.flags), f"{info.name}.{name}")
    return found


PATTERNS = _literal_patterns() | _module_patterns()


def _inputs(pattern: str) -> list[tuple[str, str]]:
    own = re.findall(r"[A-Za-z]{2,}", pattern)[:4]  # the pattern's own words: "of of of ..."
    units = [*UNITS, *(w + " " for w in own), *(w.capitalize() + " " for w in own)]
    return [(unit, (unit * (LENGTH // len(unit) + 1))[:LENGTH] + "!") for unit in dict.fromkeys(units)]


class _Slow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Slow


def test_patterns_are_found():
    # The collection itself can fail quietly (a moved package, a renamed
    # module): the package has well over a hundred patterns.
    assert len(PATTERNS) > 150
    assert any(where.startswith("sources/reader.py") for where in PATTERNS.values())


@pytest.mark.parametrize(("pattern", "flags"), list(PATTERNS), ids=list(PATTERNS.values()))
def test_pattern_is_linear_on_pathological_text(pattern: str, flags: int):
    compiled = re.compile(pattern, flags)
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for unit, text in _inputs(pattern):
            signal.setitimer(signal.ITIMER_REAL, BOUND_S)
            try:
                for _ in compiled.finditer(text):
                    pass
            except _Slow:
                pytest.fail(f"{PATTERNS[(pattern, flags)]}: searching {LENGTH:,} characters of {unit!r} "
                            f"repeated took over {BOUND_S} s (backtracking)")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_front_matter_value_of_many_spaces_is_read(tmp_path):
    # A title of 200,000 spaces took minutes in the front-matter span search.
    from briefgen.sources.reader import read_article

    article = tmp_path / "a.md"
    article.write_text("---\ntitle: 'a" + " " * 200_000 + "x'\noutlet: Daily Post\n---\n\n"
                       "The council said on Monday that the bridge would close.\n", encoding="utf-8")
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        read = read_article(article, "S1")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert read.source.outlet == "Daily Post"
    assert read.source.title.startswith("a ") and read.source.title.endswith(" x")
    assert read.text.endswith("The council said on Monday that the bridge would close.")
