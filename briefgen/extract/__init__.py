"""Per-article extraction: a pure function of (article, parse, options).

Extractors register by name with a version; the cache key includes every
version so a changed extractor invalidates what it made. They run in
registration order: later ones may read what earlier ones put in ``facts``
(claims resolve pronoun speakers with the actor mentions).
"""

from __future__ import annotations

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


def versions() -> dict[str, str]:
    return {name: version for name, (version, _) in EXTRACTORS.items()}


def extract_article(article: Article, doc: Doc) -> ArticleFacts:
    """Every fact of one article, spans in original offsets."""
    facts = ArticleFacts(source_id=article.source.id)
    for _name, (_version, func) in EXTRACTORS.items():
        func(article, doc, facts)
    return facts
