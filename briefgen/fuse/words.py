"""Content words for comparing statements across articles.

A cheap normaliser, not a lemmatiser: fusion compares texts that spaCy has
already parsed once, and re-parsing them would cost more than the fusion.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

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


def numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in re.findall(r"\d[\d,.]*", text)}


def idf_weights(word_sets: Iterable[Iterable[str]]) -> dict[str, float]:
    """Rarer words weigh more: the story's own subject, named everywhere, little."""
    sets = list(word_sets)
    df = Counter(w for words in sets for w in set(words))
    return {w: math.log(1 + len(sets) / n) for w, n in df.items()}


def weighted_overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str], weight: dict[str, float]) -> float:
    """Geometric mean of weighted Jaccard and containment.

    Jaccard punishes a short telling of a long statement, containment a long
    one merely mentioning a short one; their geometric mean neither.
    """
    shared = a & b
    if not shared:
        return 0.0

    def mass(words: Iterable[str]) -> float:
        return sum(weight.get(w, 1.0) for w in words)

    jaccard = mass(shared) / mass(a | b)
    contained = mass(shared) / min(mass(a), mass(b))
    return math.sqrt(jaccard * contained)
