"""SOURCE COMPARISON: what each source carries that the others do not."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.model import Brief, Claim, Event, Source
from briefgen.sections import SectionView, cut, register

EXAMPLES = 2  # exclusive claims shown per source; the JSON keeps all their ids


@dataclass
class Row:
    source: Source
    shares_origin_with: list[str]  # other sources of the same origin (rewrites, shared wire copy)
    claims: int
    exclusive_claims: list[Claim] = field(default_factory=list)
    exclusive_events: list[Event] = field(default_factory=list)
    more_claims: int = 0  # exclusive claims not shown


@register("source_comparison")
def select(brief: Brief, max_items: int | None) -> SectionView:
    sources = {s.id: s for s in brief.sources}
    claims = {c.id: c for c in brief.key_claims}
    events = {e.id: e for e in brief.background}
    rows = []
    for item in brief.comparison:
        exclusive = [claims[i] for i in item.exclusive_claims]
        rows.append(Row(
            source=sources[item.source_id],
            shares_origin_with=[o.source_id for o in brief.comparison
                                if o.origin == item.origin and o.source_id != item.source_id],
            claims=item.claims,
            exclusive_claims=exclusive[:EXAMPLES],
            exclusive_events=[events[i] for i in item.exclusive_events],
            more_claims=max(0, len(exclusive) - EXAMPLES),
        ))
    return SectionView("source_comparison", "Source comparison", cut(rows, max_items), len(rows))
