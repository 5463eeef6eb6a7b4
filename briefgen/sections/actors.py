"""ACTORS: people, organisations and countries, most salient first."""

from briefgen.model import Brief
from briefgen.sections import SectionView, cut, register

DEFAULT_MAX = 15


@register("actors")
def select(brief: Brief, max_items: int | None) -> SectionView:
    limit = DEFAULT_MAX if max_items is None else max_items
    return SectionView("actors", "Actors", cut(brief.actors, limit), len(brief.actors))
