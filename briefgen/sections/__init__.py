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
        SECTIONS.add(name, func, func.__module__)
        return func

    return wrap


def names() -> list[str]:
    return SECTIONS.names()


MIN_SHOWN = 3  # a budget never cuts a section below this many items


def build_views(brief: Brief, wanted: list[tuple[str, int | None]], share: float = 1.0) -> list[SectionView]:
    """Views for the configured sections, in config order.

    ``share`` < 1 keeps that share of each section's items (a page budget);
    a section whose ``max_items`` the config sets keeps exactly that.
    """
    views = []
    for name, max_items in wanted:
        view = SECTIONS[name](brief, max_items)
        if share < 1 and max_items is None and len(view.items) > MIN_SHOWN:
            view.items = view.items[:max(MIN_SHOWN, int(len(view.items) * share))]
        if len(brief.stories) > 1:
            # The main story's items first; the others follow, labelled in the templates.
            order = {s.id: i for i, s in enumerate(brief.stories)}
            view.items = sorted(view.items, key=lambda item: order.get(getattr(item, "story", None), 0))
        views.append(view)
    return views


def cut(items: list[Any], max_items: int | None) -> list[Any]:
    return items if max_items is None else items[:max_items]
