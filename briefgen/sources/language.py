"""Is a parsed article English? The extractors read English only.

Function words are the surest cheap sign of a language: in English prose a
third or more of the words are on spaCy's English stop list, in other
languages only the few spellings they happen to share ("a", "in").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_WORDS = 20  # fewer words say too little about the language
MIN_STOP_SHARE = 0.15  # English news: about 0.35-0.5; German, French, Spanish: under 0.1


def english_share(doc: Doc) -> tuple[float, int]:
    """Share of the words of ``doc`` that are English stop words, and the word count."""
    words = [t for t in doc if t.is_alpha]
    return (sum(t.is_stop for t in words) / len(words) if words else 0.0), len(words)


def language_warning(doc: Doc, where: str) -> str | None:
    """A warning line when ``doc`` does not read as English, else None."""
    share, words = english_share(doc)
    if words < MIN_WORDS or share >= MIN_STOP_SHARE:
        return None
    return (f"{where}: does not look like English (only {share:.0%} of {words} words are English "
            "function words); the English extractors will find little in it")
