"""Per-article extraction: a pure function of (article, parse, options).

Extractors register by name with a version; the cache key includes every
version so a changed extractor invalidates what it made. They run in
registration order: later ones may read what earlier ones put in ``facts``
(claims resolve pronoun speakers with the actor mentions).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefgen.model import ArticleFacts
from briefgen.registry import Registry
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

Extractor = Callable[[Article, "Doc", ArticleFacts], None]

# Built-ins run in this order: claims resolve speakers against the actors' mentions.
EXTRACTORS: Registry[tuple[str, Extractor]] = Registry(
    "extractor", tuple(f"briefgen.extract.{m}" for m in ("actors", "claims", "events", "withheld", "facts")))


def register(name: str, version: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under ``name``; duplicate names are refused."""

    def wrap(func: Extractor) -> Extractor:
        # The module decides the place among built-ins: importing briefgen.extract.facts
        # early (for a constant) must not run it before the events it reads.
        EXTRACTORS.add(name, (version, func), func.__module__)
        return func

    return wrap


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per parse: spaCy joins every token again on each
    access, so reading it per item found made extraction quadratic in length."""
    text = doc.user_data.get("briefgen.text")
    if text is None:
        text = doc.user_data["briefgen.text"] = doc.text
    return text


def entities(doc: Doc) -> list:
    """``doc.ents``, built once per parse (spaCy makes every entity span again
    on each access; a sentence's ``.ents`` walks all of the document's)."""
    found = doc.user_data.get("briefgen.ents")
    if found is None:
        found = doc.user_data["briefgen.ents"] = list(doc.ents)
    return found


def entities_within(doc: Doc, start_char: int, end_char: int) -> list:
    """The entities inside [start_char, end_char), in text order, by bisection."""
    found = entities(doc)
    starts = doc.user_data.get("briefgen.ent_starts")
    if starts is None:
        starts = doc.user_data["briefgen.ent_starts"] = [e.start_char for e in found]
    lo = bisect.bisect_left(starts, start_char)
    hi = bisect.bisect_left(starts, end_char)
    return [e for e in found[lo:hi] if e.end_char <= end_char]


def versions() -> dict[str, str]:
    return {name: version for name, (version, _) in EXTRACTORS.items()}


def extract_article(article: Article, doc: Doc) -> ArticleFacts:
    """Every fact of one article, spans in original offsets."""
    facts = ArticleFacts(source_id=article.source.id)
    for _name, (_version, func) in EXTRACTORS.items():
        func(article, doc, facts)
    return facts
