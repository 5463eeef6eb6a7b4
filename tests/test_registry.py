"""Registries keep the built-in order, however their modules happen to be imported."""

from __future__ import annotations

import subprocess
import sys

from briefgen.registry import Registry


def test_extractors_run_in_the_built_in_order_whatever_was_imported_first():
    # A fresh interpreter: which module the process imports first is its own state.
    # The facts extractor reads the events extractor's dated events, so it must run after it
    # even when something imports briefgen.extract.facts early (the story layer reads a constant).
    code = ("import briefgen.extract.facts, briefgen.fuse; from briefgen.extract import EXTRACTORS; "
            "print(' '.join(EXTRACTORS.names()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["actors", "claims", "events", "withheld", "facts"]


def test_additions_come_after_built_ins_in_registration_order():
    registry: Registry[int] = Registry("thing", ("pkg.a", "pkg.b"))
    registry._loaded = True  # no built-in modules to import here
    registry.add("extra", 0, "plugin")
    registry.add("second", 1, "pkg.b")
    registry.add("first", 2, "pkg.a")
    registry.add("later", 3)
    assert registry.names() == ["first", "second", "extra", "later"]
