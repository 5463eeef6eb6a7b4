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
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

Extractor = Callable[[Article, "Doc", ArticleFacts], None]

EXTRACTORS: dict[str, tuple[str, Extractor]] = {}


def register(name: str, version: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under ``name``; duplicate names are refused."""

    def wrap(func: Extractor) -> Extractor:
        if name in EXTRACTORS:
            raise ValueError(f"extractor {name!r} is already registered")
        EXTRACTORS[name] = (version, func)
        return func

    return wrap


def _load_builtins() -> None:
    # Importing the modules runs their @register lines, in this order.
    from briefgen.extract import actors, claims, events, withheld  # noqa: F401


def versions() -> dict[str, str]:
    _load_builtins()
    return {name: version for name, (version, _) in EXTRACTORS.items()}


def extract_article(article: Article, doc: Doc) -> ArticleFacts:
    """Every fact of one article, spans in original offsets."""
    _load_builtins()
    facts = ArticleFacts(source_id=article.source.id)
    for _version, func in EXTRACTORS.values():
        func(article, doc, facts)
    return facts
