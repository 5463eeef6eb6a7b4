"""Fusion: the one cross-article step, from per-article facts to the Brief.

Order matters: actors first (speakers resolve to them), then claims, the
timeline, and the questions that compare claims and gaps across articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from briefgen import __version__
from briefgen.config import Config
from briefgen.fuse.actors import fuse_actors
from briefgen.fuse.claims import fuse_claims
from briefgen.fuse.comparison import compare_sources
from briefgen.fuse.origins import origin_groups
from briefgen.fuse.questions import derive_questions
from briefgen.fuse.timeline import fuse_events
from briefgen.model import Actor, ArticleFacts, Brief, Claim, Event
from briefgen.sources.article import Article

SUMMARY_SIZE = 3


def _told_as_background(claim: Claim, spans: dict[str, list[tuple[int, int]]]) -> bool:
    """A claim read inside a background event ("In March, X said ...") is history."""
    return any(start <= ev.start and ev.end <= end
               for ev in claim.evidence for start, end in spans.get(ev.source_id, ()))


def bottom_line(claims: list[Claim], events: list[Event]) -> list[Claim]:
    """The claims that open the brief: today's news, most corroborated first.

    Claims come ranked from fusion; a claim needs a named speaker to be worth
    a bottom line, and a claim that is part of the background timeline goes
    after the current ones however many outlets repeat it; among the current
    ones, independent origins count before outlets.
    """
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for event in events:
        for ev in event.evidence:
            spans[ev.source_id].append((ev.start, ev.end))
    named = [c for c in claims if c.speaker]
    position = {c.id: i for i, c in enumerate(claims)}
    ranked = sorted(named, key=lambda c: (_told_as_background(c, spans), -c.origins, -c.outlets, position[c.id]))
    return ranked[:SUMMARY_SIZE]


def actors_and_claims(articles: list[Article], facts: list[ArticleFacts]
                      ) -> tuple[list[Actor], list[Claim], dict[str, int]]:
    """Actors, the claims with speakers resolved to them, and each source's origin."""
    speakers = Counter(a.speaker_name for f in facts for a in f.attributions if a.speaker_name)
    actors, index = fuse_actors(articles, facts, speakers)

    def resolve(name: str, source_id: str) -> tuple[str, str | None]:
        actor = index.resolve(name, source_id)
        return (actor.name, actor.id) if actor else (name, None)

    origin_of = origin_groups(articles)
    return actors, fuse_claims(articles, facts, resolve, origin_of), origin_of


def fuse(config: Config, articles: list[Article], facts: list[ArticleFacts],
         now: dt.datetime | None = None) -> Brief:
    actors, claims, origin_of = actors_and_claims(articles, facts)
    events = fuse_events(articles, facts)
    dates = [a.source.published for a in articles if a.source.published]
    return Brief(
        title=config.title,
        generated_at=now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        config={**config.summary(), "briefgen": __version__},
        sources=[a.source for a in articles],
        cutoff=max(dates) if dates else None,
        summary=bottom_line(claims, events),
        key_claims=claims,
        actors=actors,
        background=events,
        open_questions=derive_questions(facts, claims),
        comparison=compare_sources([a.source for a in articles], claims, events, origin_of),
        sections=[name for name, _ in config.section_list()],
    )
