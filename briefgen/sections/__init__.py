"""Brief sections: each selects and orders items of the model for display.

A section registers under the name the config uses; adding a section is one
module plus its registration. Templates render ``SectionView`` objects and
never choose items themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefgen.model import Brief
from briefgen.registry import Registry


@dataclass
class SectionView:
    name: str  # registry name, also the template partial: partials/<name>.md.j2
    title: str  # heading shown in the brief
    items: list[Any] = field(default_factory=list)
    total: int = 0  # items available before max_items cut the list
    note: str = ""  # the tool's own remark about the section (empty: none)


Selector = Callable[[Brief, int | None], SectionView]
SECTIONS: Registry[Selector] = Registry("section", tuple(
    f"briefgen.sections.{m}" for m in ("actors", "background", "key_claims", "open_questions", "source_comparison")))


def register(name: str) -> Callable[[Selector], Selector]:
    def wrap(func: Selector) -> Selector:
        SECTIONS.add(name, func)
        return func

    return wrap


def names() -> list[str]:
    return SECTIONS.names()


def build_views(brief: Brief, wanted: list[tuple[str, int | None]]) -> list[SectionView]:
    """Views for the configured sections, in config order."""
    return [SECTIONS[name](brief, max_items) for name, max_items in wanted]


def cut(items: list[Any], max_items: int | None) -> list[Any]:
    return items if max_items is None else items[:max_items]
