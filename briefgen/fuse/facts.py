"""Reported facts across outlets: the same sentence of fact told by several
outlets is one fact citing all of them, like a claim without a speaker.

Candidates come from blocks (each fact's rarest shared words), so the work
grows with the number of facts, not with its square. Facts of different
stories never merge.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefgen.fuse.groups import Groups
from briefgen.fuse.words import (
    candidates,
    content_words,
    idf_weights,
    rare_word_index,
    weighted_overlap,
)
from briefgen.model import ArticleFacts, Evidence, Fact, ReportedFact
from briefgen.sources.article import Article

SAME_FACT = 0.4
MIN_SHARED = 3
KIND_RANK = {"lead": 0, "headline": 1, "body": 2}


def source_number(source_id: str) -> int:
    """Citation order of "S12": 12."""
    digits = re.sub(r"\D", "", source_id)
    return int(digits) if digits else 0


@dataclass
class Told:
    """One source's telling of a fact."""

    source_id: str
    order: int  # position of the source in the brief
    fact: ReportedFact
    words: frozenset[str]
    story: str


def tellings(articles: list[Article], facts: list[ArticleFacts], story_of: dict[str, str]) -> list[Told]:
    order = {a.source.id: i for i, a in enumerate(articles)}
    told = []
    for article_facts in facts:
        sid = article_facts.source_id
        for fact in article_facts.reported:
            words = frozenset(content_words(fact.text.text))
            if words:
                told.append(Told(sid, order[sid], fact, words, story_of.get(sid, "T1")))
    return told


def fuse_facts(told: list[Told], outlet_of: dict[str, str]) -> tuple[list[Fact], dict[int, int]]:
    """Facts merged across sources, most widely told first; and which fact
    each telling (by index in ``told``) ended up in."""
    groups = Groups(len(told))
    weight = idf_weights(t.words for t in told)
    index = rare_word_index([t.words for t in told])
    for i, t in enumerate(told):
        for j in candidates(index, t.words):
            if j <= i or groups.find(i) == groups.find(j):
                continue
            u = told[j]
            if u.story != t.story or u.source_id == t.source_id or len(t.words & u.words) < MIN_SHARED:
                continue
            if weighted_overlap(t.words, u.words, weight) >= SAME_FACT:
                groups.join(i, j)
    members = groups.members()

    def rank(group: list[int]) -> tuple:
        sources = {told[i].source_id for i in group}
        best = min(KIND_RANK[told[i].fact.kind] for i in group)
        return (-len(sources), best, min((told[i].order, told[i].fact.position) for i in group))

    result: list[Fact] = []
    fact_of: dict[int, int] = {}
    for group in sorted(members, key=rank):
        tellings_ = sorted((told[i] for i in group), key=lambda t: (KIND_RANK[t.fact.kind], t.order, t.fact.position))
        best = tellings_[0]
        sources = list(dict.fromkeys(t.source_id for t in sorted(tellings_, key=lambda t: t.order)))
        fact = Fact(
            id=f"F{len(result) + 1}", text=best.fact.text.text.strip(), sources=sources,
            evidence=[Evidence(t.source_id, t.fact.text.start, t.fact.text.end, t.fact.text.text) for t in tellings_],
            kind=best.fact.kind, story=best.story,
            outlets=len({outlet_of.get(s, s) for s in sources}),
            versions=list(dict.fromkeys(t.fact.text.text.strip() for t in tellings_[1:]
                                        if t.fact.text.text.strip() != best.fact.text.text.strip())),
        )
        for i in group:
            fact_of[i] = len(result)
        result.append(fact)
    return result, fact_of


def story_word_counts(told: list[Told], story: str) -> Counter[str]:
    """How many of a story's sources use each word in their headline or lead,
    plus how many headlines use it: a headline is its editor's statement of
    the event, so its words count twice."""
    seen: dict[str, set[str]] = {}
    headlines: Counter[str] = Counter()
    for t in told:
        if t.story == story and t.fact.kind in ("headline", "lead"):
            for w in t.words:
                seen.setdefault(w, set()).add(t.source_id)
            if t.fact.kind == "headline":
                headlines.update(t.words)
    return Counter({w: len(s) + headlines[w] for w, s in seen.items()})
