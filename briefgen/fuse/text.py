"""Small text helpers for writing questions: citations, embedded statements, evidence."""

from __future__ import annotations

from collections.abc import Iterable

from briefgen.fuse.words import STOP
from briefgen.model import Evidence, Span


def evidence(source_id: str, span: Span) -> Evidence:
    return Evidence(source_id=source_id, start=span.start, end=span.end, text=span.text)


def embed(text: str) -> str:
    """A statement set inside a question: no final stop, no sentence-initial capital
    on a function word ("The talks ..." -> "the talks ...")."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first.lower() in STOP and first[:1].isupper() and first[1:].islower():
        text = text[:1].lower() + text[1:]
    return text


def cite(ids: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(ids))


def who(name: str) -> str:
    """A speaker named mid-sentence: "The four countries" -> "the four countries"."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in STOP | {"both"} and first[:1].isupper():
        return f"{first.lower()} {rest}"
    return name
