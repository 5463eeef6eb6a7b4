"""Fusion: the one cross-article step, from per-article facts to the Brief.

Order matters: actors first (speakers resolve to them), then claims, the
timeline, and the questions that compare claims and gaps across articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from briefgen import __version__
from briefgen.config import Config
from briefgen.fuse.actors import fuse_actors
from briefgen.fuse.claims import fuse_claims
from briefgen.fuse.questions import derive_questions
from briefgen.fuse.timeline import fuse_events
from briefgen.model import ArticleFacts, Brief, Claim
from briefgen.sources.article import Article

SUMMARY_SIZE = 3


def bottom_line(claims: list[Claim]) -> list[Claim]:
    """The claims that open the brief: the most corroborated, named-speaker ones.

    Claims come ranked from fusion; a claim needs a speaker to be worth a
    bottom line, and corroborated claims go before single-outlet ones.
    """
    named = [c for c in claims if c.speaker]
    ranked = sorted(named, key=lambda c: (-c.outlets, claims.index(c)))
    return ranked[:SUMMARY_SIZE]


def fuse(config: Config, articles: list[Article], facts: list[ArticleFacts],
         now: dt.datetime | None = None) -> Brief:
    speakers = Counter(a.speaker_name for f in facts for a in f.attributions if a.speaker_name)
    actors, index = fuse_actors(articles, facts, speakers)

    def resolve(name: str, source_id: str) -> tuple[str, str | None]:
        actor = index.resolve(name, source_id)
        return (actor.name, actor.id) if actor else (name, None)

    claims = fuse_claims(articles, facts, resolve)
    dates = [a.source.published for a in articles if a.source.published]
    return Brief(
        title=config.title,
        generated_at=now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        config={**config.summary(), "briefgen": __version__},
        sources=[a.source for a in articles],
        cutoff=max(dates) if dates else None,
        summary=bottom_line(claims),
        key_claims=claims,
        actors=actors,
        background=fuse_events(articles, facts),
        open_questions=derive_questions(facts, claims),
        sections=[name for name, _ in config.section_list()],
    )
