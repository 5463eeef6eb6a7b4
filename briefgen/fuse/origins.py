"""Independent origins: which articles rewrite another or share a wire original.

Two articles are one origin when most paragraphs of the shorter one retell a
paragraph of the other (weighted content-word overlap) and they do so in the
same order: the mark of a rewrite or of shared wire copy, as opposed to two
reporters writing up the same event in their own structure. Candidate pairs
come from an index of each paragraph's rarest words, not from all pairs, and
only paragraphs sharing a word are ever compared.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

from briefgen.fuse.groups import Groups
from briefgen.fuse.words import content_words, idf_weights, overlap_of_masses
from briefgen.sources.article import Article

PARAGRAPH_MATCH = 0.4  # weighted overlap for two paragraphs to tell the same thing
MIN_MATCHED = 3  # paragraphs that must match, however short the articles
MATCHED_SHARE = 0.4  # share of the shorter article's paragraphs that must match
IN_ORDER_SHARE = 0.7  # share of the matches that keep the other article's order
INDEX_WORDS = 3  # rarest words per paragraph used to find candidate articles
MATCH_WORDS = 8  # rarer words per paragraph used to find the paragraphs retelling it
MAX_POSTING = 50  # a word in more articles than this finds no candidates (too common)


@dataclass
class _Text:
    paragraphs: list[frozenset[str]]
    by_rarity: list[list[str]]  # each paragraph's words, rarest first
    mass: list[float]  # total weight of each paragraph's words
    where: dict[str, list[int]]  # word -> paragraphs using it


def _paragraph_words(article: Article) -> list[frozenset[str]]:
    body = article.text[article.headline_end:]
    return [frozenset(words) for p in body.split("\n\n") if len(words := content_words(p)) >= 4]


def _text(paragraphs: list[frozenset[str]], weight: dict[str, float]) -> _Text:
    where: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(paragraphs):
        for word in p:
            where[word].append(j)
    by_rarity = [sorted(p, key=lambda w: (-weight[w], w)) for p in paragraphs]
    return _Text(paragraphs, by_rarity, [sum(weight[w] for w in p) for p in paragraphs], where)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        i = bisect.bisect_left(tails, value)
        tails[i:i + 1] = [value]
    return len(tails)


def _best_match(paragraph: frozenset[str], by_rarity: list[str], mass: float, other: _Text,
                weight: dict[str, float]) -> int | None:
    """The paragraph of ``other`` retelling ``paragraph``, by the overlap fusion
    uses for claims; only paragraphs sharing one of the rarer words the two
    articles have in common are scored (the story's common words are everywhere)."""
    rarer = [w for w in by_rarity if w in other.where][:MATCH_WORDS]
    best, best_j = 0.0, None
    for j in {j for w in rarer for j in other.where.get(w, ())}:
        common = sum(weight[w] for w in paragraph & other.paragraphs[j])
        score = overlap_of_masses(common, mass, other.mass[j])
        if score > best:
            best, best_j = score, j
    return best_j if best >= PARAGRAPH_MATCH else None


def _rewrite(a: _Text, b: _Text, weight: dict[str, float]) -> bool:
    short, long_ = (a, b) if len(a.paragraphs) <= len(b.paragraphs) else (b, a)
    needed = max(MIN_MATCHED, MATCHED_SHARE * len(short.paragraphs))
    matches: list[int] = []
    for n, (p, mass) in enumerate(zip(short.paragraphs, short.mass)):
        if len(matches) + len(short.paragraphs) - n < needed:
            return False  # too few paragraphs left to reach the share
        if (j := _best_match(p, short.by_rarity[n], mass, long_, weight)) is not None:
            matches.append(j)
    if len(matches) < needed:
        return False
    return _longest_increasing(matches) >= IN_ORDER_SHARE * len(matches)


def _candidate_pairs(paragraphs: list[list[frozenset[str]]], weight: dict[str, float]) -> set[tuple[int, int]]:
    """Article pairs where enough paragraphs of the shorter one share one of their
    rarest words with the other to ever make a rewrite (the share asked of matches)."""
    articles_with: dict[str, set[int]] = defaultdict(set)
    for i, ps in enumerate(paragraphs):
        for p in ps:
            for word in p:
                articles_with[word].add(i)
    hits: Counter[tuple[int, int]] = Counter()  # (article, other) -> paragraphs of article pointing at other
    for i, ps in enumerate(paragraphs):
        for p in ps:
            shared = [w for w in p if 1 < len(articles_with[w]) <= MAX_POSTING]
            others: set[int] = set()
            for word in sorted(shared, key=lambda w: (-weight[w], w))[:INDEX_WORDS]:
                others.update(articles_with[word])
            others.discard(i)
            for j in others:
                hits[(i, j)] += 1
    pairs = set()
    for (i, j), n in hits.items():
        short = i if (len(paragraphs[i]), i) <= (len(paragraphs[j]), j) else j
        if short == i and n >= max(MIN_MATCHED, MATCHED_SHARE * len(paragraphs[i])):
            pairs.add((min(i, j), max(i, j)))
    return pairs


def origin_groups(articles: list[Article]) -> dict[str, int]:
    """Source id -> origin number; rewrites of one another share a number."""
    paragraphs = [_paragraph_words(a) for a in articles]
    weight = idf_weights(p for ps in paragraphs for p in ps)
    texts = [_text(ps, weight) for ps in paragraphs]
    groups = Groups(len(articles))
    # One text under two outlets' names is one origin however short it is (the
    # paragraph test below needs three paragraphs to say so).
    first_of: dict[str, int] = {}
    for i, article in enumerate(articles):
        body = " ".join(article.text[article.headline_end:].split()).lower()
        if body and groups.find(j := first_of.setdefault(body, i)) != groups.find(i):
            groups.join(j, i)
    for x, y in sorted(_candidate_pairs(paragraphs, weight)):
        if groups.find(x) != groups.find(y) and _rewrite(texts[x], texts[y], weight):
            groups.join(x, y)
    return {articles[i].source.id: number for number, members in enumerate(groups.members(), 1) for i in members}
