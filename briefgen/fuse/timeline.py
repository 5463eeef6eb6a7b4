"""The background timeline: one event per happening, told by any number of
articles, in date order.

Two tellings are the same event when their dates agree (equal, or one a
coarser form of the other: "2022" and "2022-11") and their wording shares
enough content words. Candidates are looked up by (year, word), so no event
is compared with events of another year or with nothing in common.
"""

from __future__ import annotations

import datetime as dt

from collections import defaultdict
from dataclasses import dataclass, field

from briefgen.fuse.words import content_words
from briefgen.model import ArticleFacts, Event, Evidence, Story, TimedEvent
from briefgen.sources.article import Article

# Share of content words two tellings need in common: Jaccard over both,
# or containment of the shorter telling in the longer one.
MIN_JACCARD = 0.35
MIN_CONTAINMENT = 0.6
MIN_SHARED_WORDS = 3


@dataclass
class _Cluster:
    tellings: list[tuple[str, TimedEvent]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    order: tuple[int, int] = (0, 0)  # (source rank, offset) of the first telling

    @property
    def date(self) -> str | None:
        return max((e.date for _, e in self.tellings if e.date), key=len, default=None)


def fuse_events(articles: list[Article], facts: list[ArticleFacts]) -> list[Event]:
    """Merge the tellings of each event across articles and sort them by date;
    undated events come last, in article order. Ids are "E1".. in that order."""
    rank = {a.source.id: i for i, a in enumerate(articles)}
    for f in facts:
        rank.setdefault(f.source_id, len(rank))
    clusters: list[_Cluster] = []
    index: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for f in sorted(facts, key=lambda f: rank[f.source_id]):
        for told in f.events:
            words = content_words(told.text.text)
            block = told.date[:4] if told.date else None
            best = _best_match(clusters, index, block, f.source_id, told, words)
            if best is None:
                best = len(clusters)
                clusters.append(_Cluster(order=(rank[f.source_id], told.text.start)))
            cluster = clusters[best]
            cluster.tellings.append((f.source_id, told))
            for word in words - cluster.words:
                index[block, word].append(best)
            cluster.words |= words
    dated = sorted((c for c in clusters if c.date), key=lambda c: (c.date, c.order))
    undated = sorted((c for c in clusters if not c.date), key=lambda c: c.order)
    return [_event(f"E{i}", c) for i, c in enumerate(dated + undated, 1)]


def _best_match(clusters: list[_Cluster], index: dict, block: str | None, source_id: str,
                told: TimedEvent, words: set[str]) -> int | None:
    shared: dict[int, int] = defaultdict(int)
    for word in words:
        for i in index.get((block, word), ()):
            shared[i] += 1
    best, best_score = None, 0.0
    for i, common in shared.items():
        cluster = clusters[i]
        if common < MIN_SHARED_WORDS or not _compatible(cluster.date, told.date) \
                or any(sid == source_id for sid, _ in cluster.tellings):
            continue  # one article tells an event once; two tellings there are two events
        jaccard = common / len(words | cluster.words)
        containment = common / min(len(words), len(cluster.words))
        score = max(jaccard / MIN_JACCARD, containment / MIN_CONTAINMENT)
        if score >= 1 and score > best_score:
            best, best_score = i, score
    return best


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def _event(event_id: str, cluster: _Cluster) -> Event:
    date = cluster.date
    fullest = max((e for _, e in cluster.tellings), key=lambda e: len(e.text.text))
    dated_by = fullest if fullest.date == date else next(e for _, e in cluster.tellings if e.date == date)
    sources = list(dict.fromkeys(sid for sid, _ in cluster.tellings))
    evidence = [Evidence(source_id=sid, start=e.text.start, end=e.text.end, text=e.text.text)
                for sid, e in cluster.tellings]
    return Event(id=event_id, text=fullest.text.text, date=date, date_text=dated_by.date_text,
                 sources=sources, evidence=evidence)


NEWS_CYCLE_DAYS = 10


def _near(date: str | None, day: str | None) -> bool:
    """An event date within NEWS_CYCLE_DAYS before the story's day, or no date
    to tell ("Acme, which filed for bankruptcy in 2009, said on Tuesday ...":
    2009 stays background though the lead tells it)."""
    if date is None or day is None or len(date) != 10 or len(day) != 10:
        return date is None
    return (dt.date.fromisoformat(day) - dt.date.fromisoformat(date)).days <= NEWS_CYCLE_DAYS


def before_the_story(events: list[Event], stories: list[Story]) -> list[Event]:
    """The background proper: an event dated on or after its story's own day
    (or in a later month), or told by the very sentence that tells the story's
    news, is the story's news or its aftermath, not what came before. A year alone ("earlier this year") is kept: too coarse to tell.
    Ids are renumbered "E1".. in the order kept."""
    day_of = {story.id: story.date for story in stories if story.date}
    what_of = {story.id: " ".join(story.what.split()) for story in stories if story.what}
    kept = []
    for event in events:
        what = what_of.get(event.story, "")
        told = " ".join(event.text.split())
        day = day_of.get(event.story)
        if what and told and (told in what or what in told) and _near(event.date, day):
            continue  # the sentence the brief tells the news by, dated in its news cycle or not at all
        # A day from the story's day on; a month only after the story's month ("last week",
        # "earlier this month" in a story of weeks are before it).
        if day and len(day) == 10 and event.date and ((len(event.date) == 10 and event.date >= day)
                                                      or (len(event.date) == 7 and event.date > day[:7])):
            continue  # (a story dated to a month or a year only: too coarse to tell)
        kept.append(event)
    for n, event in enumerate(kept, 1):
        event.id = f"E{n}"
    return kept
