"""Named registries: extractors, sections and output formats register alike.

A built-in registers exactly as a third-party addition would: by name, once
(a duplicate is refused). Built-in modules are imported on first lookup, so
`--help` and `check` never pay for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, builtins: tuple[str, ...]) -> None:
        self.kind = kind  # "output format", "section", ... for messages
        self._builtins = builtins  # modules whose import runs their registrations, in order
        self._entries: dict[str, T] = {}
        self._rank: dict[str, int] = {}  # built-in module order; additions after, as registered
        self._loaded = False

    def add(self, name: str, entry: T, module: str | None = None) -> None:
        """``module``: where the entry is defined; a built-in module's entries keep
        the built-in order however the modules happen to be imported."""
        if name in self._entries:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._entries[name] = entry
        self._rank[name] = self._builtins.index(module) if module in self._builtins else len(self._builtins)

    def pop(self, name: str) -> T:
        self._rank.pop(name, None)
        return self._entries.pop(name)

    def _ordered(self) -> list[str]:
        # Stable sort: entries of one module, and additions, keep their registration order.
        return sorted(self._entries, key=lambda n: self._rank[n])

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for module in self._builtins:
                importlib.import_module(module)

    def names(self) -> list[str]:
        self._load()
        return self._ordered()

    def items(self) -> Iterator[tuple[str, T]]:
        self._load()
        return iter([(name, self._entries[name]) for name in self._ordered()])

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._entries

    def __getitem__(self, name: str) -> T:
        self._load()
        return self._entries[name]
