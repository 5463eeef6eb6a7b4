"""Source comparison: what each source carries that the others do not.

A reader deciding which article to open needs the difference, not the
overlap: the claims and dated events only one source has, and which sources
are one origin (a rewrite or shared wire copy) however they are branded.
"""

from __future__ import annotations

from briefgen.model import Claim, Event, Source, SourceComparison


def compare_sources(sources: list[Source], claims: list[Claim], events: list[Event],
                    origin_of: dict[str, int]) -> list[SourceComparison]:
    rows = {s.id: SourceComparison(source_id=s.id, origin=origin_of.get(s.id, 0), claims=0) for s in sources}
    for claim in claims:
        for sid in claim.sources:
            rows[sid].claims += 1
        if len(claim.sources) == 1:
            rows[claim.sources[0]].exclusive_claims.append(claim.id)
    for event in events:
        if len(event.sources) == 1:
            rows[event.sources[0]].exclusive_events.append(event.id)
    return list(rows.values())
