"""Content words for comparing statements across articles.

A cheap normaliser, not a lemmatiser: fusion compares texts that spaCy has
already parsed once, and re-parsing them would cost more than the fusion.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
STOP = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before
    than then that this these those it its it's their there they them he him his she her we our you
    your i me my is are was were be been being has have had do does did will would can could
    should may might must shall not no so such also very just only which who whom whose what when
    where why how while said says say told tell according also any all some more most other another
    up out new one""".split()
)
_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold case, dots and common inflections: 'U.S.'->'us', 'gathered'->'gather'."""
    word = word.lower().replace(".", "").replace("’", "'").removesuffix("'s")
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in STOP and len(w) > 1}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: tolerant of one text being a summary."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def idf_weights(word_sets: Iterable[Iterable[str]]) -> dict[str, float]:
    """Rarer words weigh more: the story's own subject, named everywhere, little."""
    sets = list(word_sets)
    df = Counter(w for words in sets for w in set(words))
    return {w: math.log(1 + len(sets) / n) for w, n in df.items()}


def mass(words: Iterable[str], weight: dict[str, float]) -> float:
    return sum(weight.get(w, 1.0) for w in words)


def overlap_of_masses(shared: float, a: float, b: float) -> float:
    """Geometric mean of weighted Jaccard and containment, from the weight of the
    shared words and of each text: callers comparing one text to many keep the
    text's own weight instead of summing it again for every pair.

    Jaccard punishes a short telling of a long statement, containment a long
    one merely mentioning a short one; their geometric mean neither.
    """
    if shared <= 0:
        return 0.0
    return math.sqrt(shared / (a + b - shared) * shared / min(a, b))


def weighted_overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str], weight: dict[str, float]) -> float:
    shared = a & b
    if not shared:
        return 0.0
    return overlap_of_masses(mass(shared, weight), mass(a, weight), mass(b, weight))


MAX_BLOCK = 50  # a word more texts use than this is the story's subject, not a block


def rare_word_index(word_sets: list[set[str]] | list[frozenset[str]], per_item: int = 8,
                    min_df: int = 2) -> dict[str, list[int]]:
    """Blocks for finding similar texts without comparing all pairs: each text is
    filed under its ``per_item`` rarest words used by at least ``min_df`` texts
    (2 when the texts are compared among themselves: a word only one text uses
    cannot bring it a partner) and by at most MAX_BLOCK."""
    df = Counter(w for words in word_sets for w in words)
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(word_sets):
        usable = (w for w in words if min_df <= df[w] <= MAX_BLOCK)
        for word in sorted(usable, key=lambda w: (df[w], w))[:per_item]:
            index[word].append(i)
    return index


def candidates(index: dict[str, list[int]], words: Iterable[str]) -> set[int]:
    """Texts filed under any of ``words`` in a ``rare_word_index``."""
    return {i for w in words for i in index.get(w, ())}
