"""Stories: which articles tell the same event.

Articles of one story share their lead's rare words (the names, the place,
the figures of that event); two events of one kind, at one place, share
only the common ones ("earthquake", the island). Articles are clustered on
their headline and lead by average linkage over IDF-weighted cosine
similarity; a set splits only into groups of at least two articles each
whose mutual similarity is well below the similarity inside them, so a
follow-up written days later (a verdict after a shooting) stays with its
story: it names the same people.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from briefgen.model import ArticleFacts
from briefgen.sources.article import Article

# Two groups are separate stories when their average similarity is below
# this share of the average similarity inside each, and their leads give
# one key figure with values that cannot be one event's.
SEPARATION = 0.3
MIN_STORY = 2  # a single article apart is an outlier of the main story, not a story


def signature(article: Article, facts: ArticleFacts) -> set[str]:
    """What identifies the event an article tells: the people, bodies and
    places it names anywhere, the figures of its headline and lead, and its
    publication day. Two events of one kind share their vocabulary
    ("earthquake", "injured"); they rarely share the officials who speak, the
    villages hit, the counts and the days they were reported."""
    words = {" ".join(m.text.lower().split()) for m in facts.mentions}
    published = article.source.published
    if published:
        # Reports a day apart share a token: the day and the day after.
        words |= {f"day:{published + dt.timedelta(days=k)}" for k in (0, 1)}
    for fact in facts.reported:
        if fact.kind in ("headline", "lead"):
            words |= {f"{f.what}={f.value:g}" for f in fact.figures}
            words |= {p.lower() for p in fact.places}
    return words


def _vectors(word_sets: list[set[str]]) -> list[dict[str, float]]:
    df = Counter(w for words in word_sets for w in words)
    n = len(word_sets)
    vectors = []
    for words in word_sets:
        # A word every article uses tells no story apart; one used once links nothing.
        vec = {w: math.log(n / df[w]) for w in words if 1 < df[w] < n}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _mean_between(sim: list[list[float]], a: list[int], b: list[int]) -> float:
    return sum(sim[i][j] for i in a for j in b) / (len(a) * len(b))


def _mean_within(sim: list[list[float]], a: list[int]) -> float:
    if len(a) < 2:
        return 1.0
    pairs = [(i, j) for x, i in enumerate(a) for j in a[x + 1:]]
    return sum(sim[i][j] for i, j in pairs) / len(pairs)


KEY_FIGURES = ("dead", "injured", "missing", "arrested", "magnitude", "money")
FIGURE_GAP = 2.0  # counts a factor of two apart (magnitudes 0.3 apart) tell two events
MAGNITUDE_GAP = 0.3


def lead_figures(facts: ArticleFacts) -> dict[str, set[float]]:
    """The key figures an article's headline and lead give, by what they count."""
    found: dict[str, set[float]] = {}
    for fact in facts.reported:
        if fact.kind in ("headline", "lead"):
            for f in fact.figures:
                if f.what in KEY_FIGURES:
                    found.setdefault(f.what, set()).add(f.value)
    return found


def _apart(a: set[float], b: set[float], what: str) -> bool:
    if what == "magnitude":
        return min(a) - max(b) >= MAGNITUDE_GAP or min(b) - max(a) >= MAGNITUDE_GAP
    lo, hi = (a, b) if max(a) < min(b) else (b, a)
    return max(lo) < min(hi) and min(hi) >= FIGURE_GAP * max(max(lo), 1)


def _figures_conflict(fa: list[dict[str, set[float]]], fb: list[dict[str, set[float]]]) -> bool:
    """Both groups give one key figure in their leads (two articles each) and
    the values do not overlap: one event's toll or magnitude is not the other's."""
    for what in KEY_FIGURES:
        a = [f[what] for f in fa if what in f]
        b = [f[what] for f in fb if what in f]
        if len(a) >= MIN_STORY and len(b) >= MIN_STORY and _apart(set().union(*a), set().union(*b), what):
            return True
    return False


def cluster(signatures: list[set[str]], figures: list[dict[str, set[float]]]) -> list[list[int]]:
    """Groups of article indexes, the largest first (ties: earliest article)."""
    n = len(signatures)
    if n < 2 * MIN_STORY:
        return [list(range(n))]
    vectors = _vectors(signatures)
    sim = [[_cosine(vectors[i], vectors[j]) if i != j else 1.0 for j in range(n)] for i in range(n)]
    groups = [[i] for i in range(n)]
    # Groups found to be two stories stay apart, whatever joins them later.
    apart: list[tuple[set[int], set[int]]] = []

    def kept_apart(gx: list[int], gy: list[int]) -> bool:
        sx, sy = set(gx), set(gy)
        return any((a <= sx and b <= sy) or (a <= sy and b <= sx) for a, b in apart)

    while True:
        best, pair = -1.0, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                if kept_apart(groups[x], groups[y]):
                    continue
                s = _mean_between(sim, groups[x], groups[y])
                if s > best:
                    best, pair = s, (x, y)
        if pair is None:
            break
        x, y = pair
        gx, gy = groups[x], groups[y]
        within = min(_mean_within(sim, gx), _mean_within(sim, gy))
        if len(gx) >= MIN_STORY and len(gy) >= MIN_STORY and best < SEPARATION * within \
                and _figures_conflict([figures[i] for i in gx], [figures[i] for i in gy]):
            apart.append((set(gx), set(gy)))
            continue
        groups[x] = sorted(gx + gy)
        del groups[y]
    return sorted(groups, key=lambda g: (-len(g), g[0]))
