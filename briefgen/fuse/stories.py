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


def _similarities(word_sets: list[set[str]]):
    """IDF-weighted cosine of every pair, as a matrix (numpy comes with spaCy)."""
    import numpy as np

    df = Counter(w for words in word_sets for w in words)
    n = len(word_sets)
    # A word every article uses tells no story apart; one used once links nothing.
    vocabulary = {w: k for k, w in enumerate(w for w in df if 1 < df[w] < n)}
    matrix = np.zeros((n, len(vocabulary)))
    for i, words in enumerate(word_sets):
        for w in words:
            if w in vocabulary:
                matrix[i, vocabulary[w]] = math.log(n / df[w])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix /= np.where(norms == 0, 1.0, norms)
    return matrix @ matrix.T


KEY_FIGURES = ("dead", "injured", "missing", "arrested", "magnitude", "money")
FIGURE_GAP = 2.0  # counts a factor of two apart (magnitudes 0.3 apart) tell two events
MAGNITUDE_GAP = 0.3


def lead_figures(facts: ArticleFacts) -> dict[str, set[float]]:
    """The key figures an article's headline and lead give, by what they count."""
    found: dict[str, set[float]] = {}
    for fact in facts.reported:
        if fact.kind in ("headline", "lead"):
            for f in fact.figures:
                # "No one was hurt" says little of which event it is.
                if f.what in KEY_FIGURES and f.value:
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
    """Groups of article indexes, the largest first (ties: earliest article).

    Average linkage with running sums: merging two groups adds their rows of
    summed similarities, so each step is one pass over the groups left.
    """
    import numpy as np

    n = len(signatures)
    if n < 2 * MIN_STORY:
        return [list(range(n))]
    between = _similarities(signatures)  # summed similarity between groups
    np.fill_diagonal(between, 0.0)
    within = np.zeros(n)  # summed similarity of the pairs inside each group
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    # Groups found to be two stories stay apart, whatever joins them later.
    blocked = np.zeros((n, n), dtype=bool)
    members = [[i] for i in range(n)]
    while True:
        mean = between / np.outer(size, size)
        usable = np.outer(alive, alive) & ~blocked
        np.fill_diagonal(usable, False)
        if not usable.any():
            break
        x, y = np.unravel_index(np.argmax(np.where(usable, mean, -np.inf)), mean.shape)
        x, y = (x, y) if x < y else (y, x)
        pairs = size * (size - 1) / 2
        inside = min(within[g] / pairs[g] if size[g] > 1 else 1.0 for g in (x, y))
        if size[x] >= MIN_STORY and size[y] >= MIN_STORY and mean[x, y] < SEPARATION * inside \
                and _figures_conflict([figures[i] for i in members[x]], [figures[i] for i in members[y]]):
            blocked[x, y] = blocked[y, x] = True
            continue
        within[x] += within[y] + between[x, y]
        between[x] += between[y]
        between[:, x] += between[:, y]
        between[x, x] = 0.0
        blocked[x] |= blocked[y]
        blocked[:, x] |= blocked[:, y]
        size[x] += size[y]
        alive[y] = False
        members[x] = sorted(members[x] + members[y])
        members[y] = []
    groups = [members[i] for i in range(n) if alive[i]]
    return sorted(groups, key=lambda g: (-len(g), g[0]))
