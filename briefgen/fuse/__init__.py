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
from briefgen.fuse.bottom_line import build_bottom_line
from briefgen.fuse.event import build_story
from briefgen.fuse.facts import fuse_facts, tellings
from briefgen.fuse.figures import fuse_figures
from briefgen.fuse.stories import cluster, lead_figures, signature
from briefgen.fuse.claims import fuse_claims
from briefgen.fuse.comparison import compare_sources
from briefgen.fuse.origins import origin_groups
from briefgen.fuse.questions import derive_questions
from briefgen.fuse.similar import Embedder, embed_texts
from briefgen.fuse.timeline import before_the_story, fuse_events
from briefgen.model import Actor, ArticleFacts, Brief, Claim, Event, Story
from briefgen.sources.article import Article

SUMMARY_SIZE = 3


def _told_as_background(claim: Claim, spans: dict[str, list[tuple[int, int]]]) -> bool:
    """A claim read inside a background event ("In March, X said ...") is history."""
    return any(start <= ev.start and ev.end <= end
               for ev in claim.evidence for start, end in spans.get(ev.source_id, ()))


def leading_claims(claims: list[Claim], events: list[Event]) -> list[Claim]:
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


def actors_and_claims(articles: list[Article], facts: list[ArticleFacts], embed: Embedder = embed_texts
                      ) -> tuple[list[Actor], list[Claim], dict[str, int]]:
    """Actors, the claims with speakers resolved to them, and each source's origin."""
    speakers = Counter(a.speaker_name for f in facts for a in f.attributions if a.speaker_name)
    actors, index = fuse_actors(articles, facts, speakers)

    def resolve(name: str, source_id: str) -> tuple[str, str | None]:
        actor = index.resolve(name, source_id)
        return (actor.name, actor.id) if actor else (name, None)

    origin_of = origin_groups(articles)
    return actors, fuse_claims(articles, facts, resolve, origin_of, embed), origin_of


def story_of_sources(articles: list[Article], facts: list[ArticleFacts]) -> dict[str, str]:
    """Which story (T1 the largest) each source tells."""
    groups = cluster([signature(a, f) for a, f in zip(articles, facts)], [lead_figures(f) for f in facts])
    return {articles[i].source.id: f"T{k}" for k, group in enumerate(groups, 1) for i in group}


def _label(items: list, story_of: dict[str, str]) -> None:
    """Each item belongs to the story most of its sources tell."""
    for item in items:
        votes = Counter(story_of.get(s, "T1") for s in item.sources)
        if votes:
            item.story = min(votes, key=lambda k: (-votes[k], k))


def tell_stories(articles: list[Article], facts: list[ArticleFacts], actors: list[Actor],
                 claims: list[Claim], leading: list[Claim]) -> tuple[list[Story], list, list, list]:
    """Stories, reported facts, figures and the bottom line's sentences
    (``leading``: the claims that state the news, best first)."""
    story_of = story_of_sources(articles, facts)
    told = tellings(articles, facts, story_of)
    reported, fact_index = fuse_facts(told, {a.source.id: a.source.outlet or a.source.id for a in articles})
    fact_of_told = {id(told[i]): reported[k] for i, k in fact_index.items()}
    figures, summaries = fuse_figures(articles, facts, story_of)
    titles = {a.source.id: a.source.title for a in articles}
    members: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        members[story_of[a.source.id]].append(a.source.id)
    stories = [build_story(sid, members[sid], told, titles, actors, summaries.get(sid, []))
               for sid in sorted(members, key=lambda k: int(k[1:]))]
    _label(claims, story_of)
    published = {a.source.id: a.source.published for a in articles}
    lines = build_bottom_line(stories, told, fact_of_told, leading, published)
    return stories, reported, figures, lines


def fuse(config: Config, articles: list[Article], facts: list[ArticleFacts],
         now: dt.datetime | None = None, embed: Embedder = embed_texts) -> Brief:
    actors, claims, origin_of = actors_and_claims(articles, facts, embed)
    events = fuse_events(articles, facts)
    summary = leading_claims(claims, events)
    stories, reported, figures, lines = tell_stories(articles, facts, actors, claims, summary)
    story_of = {s: story.id for story in stories for s in story.sources}
    questions = derive_questions(facts, claims, figures, actors)
    _label(events, story_of)
    events = before_the_story(events, stories)
    _label(questions, story_of)
    dates = [a.source.published for a in articles if a.source.published]
    return Brief(
        title=config.title,
        generated_at=now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        config={**config.summary(), "briefgen": __version__},
        sources=[a.source for a in articles],
        cutoff=max(dates) if dates else None,
        summary=summary,
        key_claims=claims,
        actors=actors,
        background=events,
        open_questions=questions,
        comparison=compare_sources([a.source for a in articles], claims, events, origin_of),
        sections=[name for name, _ in config.section_list()],
        stories=stories,
        bottom_line=lines,
        reported_facts=reported,
        figures=figures,
        notes=[f"{a.source.id}: publication date {a.source.published} read from {a.source.published_from}"
               for a in articles if a.source.published_from],
    )
