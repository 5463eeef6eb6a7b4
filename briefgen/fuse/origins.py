"""Independent origins: which articles rewrite another or share a wire original.

Two articles are one origin when most paragraphs of the shorter one retell a
paragraph of the other (weighted content-word overlap) and they do so in the
same order: the mark of a rewrite or of shared wire copy, as opposed to two
reporters writing up the same event in their own structure. Candidate pairs
come from an index of each paragraph's rarest words, not from all pairs.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from briefgen.fuse.words import content_words, idf_weights, weighted_overlap
from briefgen.sources.article import Article

PARAGRAPH_MATCH = 0.3  # weighted overlap for two paragraphs to tell the same thing
MIN_MATCHED = 3  # paragraphs that must match, however short the articles
MATCHED_SHARE = 0.4  # share of the shorter article's paragraphs that must match
IN_ORDER_SHARE = 0.7  # share of the matches that keep the other article's order
INDEX_WORDS = 3  # rarest words per paragraph used to find candidate articles
MAX_POSTING = 50  # a word in more articles than this finds no candidates (too common)


def _paragraphs(article: Article) -> list[frozenset[str]]:
    body = article.text[article.headline_end:]
    return [frozenset(words) for p in body.split("\n\n") if len(words := content_words(p)) >= 4]


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        i = bisect.bisect_left(tails, value)
        tails[i:i + 1] = [value]
    return len(tails)


def _rewrite(a: list[frozenset[str]], b: list[frozenset[str]], weight: dict[str, float]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    matches = []
    for paragraph in short:
        scores = [(weighted_overlap(paragraph, other, weight), j) for j, other in enumerate(long_)]
        best, j = max(scores, default=(0.0, -1))
        if best >= PARAGRAPH_MATCH:
            matches.append(j)
    if len(matches) < MIN_MATCHED or len(matches) < MATCHED_SHARE * len(short):
        return False
    return _longest_increasing(matches) >= IN_ORDER_SHARE * len(matches)


def _candidate_pairs(paragraphs: list[list[frozenset[str]]], weight: dict[str, float]) -> set[tuple[int, int]]:
    """Article pairs sharing one of a paragraph's rarest words that another article also uses."""
    articles_with: dict[str, set[int]] = defaultdict(set)
    for i, ps in enumerate(paragraphs):
        for p in ps:
            for word in p:
                articles_with[word].add(i)
    candidates: set[tuple[int, int]] = set()
    for i, ps in enumerate(paragraphs):
        for p in ps:
            shared = [w for w in p if 1 < len(articles_with[w]) <= MAX_POSTING]
            for word in sorted(shared, key=lambda w: (-weight[w], w))[:INDEX_WORDS]:
                candidates.update((min(i, j), max(i, j)) for j in articles_with[word] if j != i)
    return candidates


def origin_groups(articles: list[Article]) -> dict[str, int]:
    """Source id -> origin number; rewrites of one another share a number."""
    paragraphs = [_paragraphs(a) for a in articles]
    weight = idf_weights(p for ps in paragraphs for p in ps)
    candidates = _candidate_pairs(paragraphs, weight)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, y in sorted(candidates):
        if find(x) != find(y) and _rewrite(paragraphs[x], paragraphs[y], weight):
            parent[find(y)] = find(x)
    roots = {}
    return {a.source.id: roots.setdefault(find(i), len(roots) + 1) for i, a in enumerate(articles)}
