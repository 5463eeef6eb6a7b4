"""Small text helpers for writing questions: citations, embedded statements, evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.fuse.words import STOP
from briefgen.model import Evidence, Span


def evidence(source_id: str, span: Span) -> Evidence:
    return Evidence(source_id=source_id, start=span.start, end=span.end, text=span.text)


# "CHARGED WITH MURDER: The woman who ...": a crosshead run into the text.
_CROSSHEAD = re.compile(r"^(?:[A-Z][A-Z'’-]+\s+)*[A-Z][A-Z'’-]+:\s+")
# A full stop that ends a sentence: not after an initial ("U.S.") or a title ("Gov.").
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|Lt))(?<!\b(?:Mrs|Gov|Gen|Sen|Rep|Col|Sgt))"
                           r"(?<!\bCapt)\.([”\"]?)\s+(?=[“\"]?[A-Z])")
# Words that start a statement without its subject ("were plaguing her").
_NO_SUBJECT = frozenset("is are was were has have had will would could might may should did do does".split())


def first_sentence(text: str) -> str:
    """The statement's first sentence: a question embeds one, the evidence keeps all."""
    end = _SENTENCE_END.search(text)
    return text[:end.start()] + end.group(1) if end else text  # a closing quotation mark stays


_SPEAKERS_OWN = re.compile(r"(?<!War )\b(?:I(?![-‐–])|we|We|us|our|Our|my|My|you|You|your|Your)\b")


def embeddable(text: str) -> bool:
    """Whether a statement reads right after "... that" in the analyst's voice: it
    opens with its subject ("were plaguing her" lost it) and has no first or second
    person (a quotation's "we" is the speaker, not the reader)."""
    text = embed(text)
    first = text.split(" ", 1)[0].lower() if text else ""
    return bool(first) and first not in _NO_SUBJECT and not _SPEAKERS_OWN.search(text)


def embed(text: str) -> str:
    """A statement set inside a question: one sentence, no crosshead, no final stop,
    no sentence-initial capital on a function word ("The talks ..." -> "the talks ...")."""
    text = first_sentence(_CROSSHEAD.sub("", text.strip())).strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first.lower() in STOP and first[:1].isupper() and (first[1:].islower() or first == "A"):
        text = text[:1].lower() + text[1:]
    return text


def cite(ids: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(ids))


def possessive(name: str) -> str:
    """"Brook" -> "Brook's", "the protesters" -> "the protesters'", "Vance" -> "Vance's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def who(name: str) -> str:
    """A speaker named mid-sentence: "The four countries" -> "the four countries"."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in STOP | {"both"} and first[:1].isupper():
        return f"{first.lower()} {rest}"
    return name
