"""Reported facts: what an outlet tells in its own voice.

The headline, the lead (the first body sentences: journalism's inverted
pyramid puts the event there), and later sentences whose main verb reports
an event or that carry a figure. A sentence that is mostly a quotation is a
speaker's, left to the claims; a background event (an earlier date) is left
to the timeline (but never a lead sentence). A lead closing with "..., officials said" is kept: the
outlet reports the event on that authority, and the flag says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.extract import doc_text, entities_within, register, timex
from briefgen.extract.cues import CUE_VERBS
from briefgen.extract.figures import figures_in
from briefgen.model import ArticleFacts, ReportedFact
from briefgen.sources.article import Article
from briefgen.sources.furniture import is_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LEAD_SENTENCES = 3
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_CHARS = "\"“”"
# A sentence more than this share inside quotation marks is a speaker's words.
MAX_QUOTED = 0.5
MIN_WORDS = 5
# "No one was hurt.": a short sentence is kept when it carries a figure, and
# takes no place in the lead's count.
MIN_FIGURE_WORDS = 3
MAX_WORDS = 80  # longer "sentences" are run-on furniture or lists
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Without a publication date "Friday night" resolves to no day; the wording
# still tells a reader when.
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _quoted_share(text: str) -> float:
    inside, open_, total = 0, False, 0
    for ch in text:
        if ch in QUOTE_CHARS:
            open_ = not open_ if ch == '"' else ch == "“"
            continue
        total += 1
        inside += open_
    return inside / total if total else 0.0


def _sentences(article: Article, doc: Doc):
    """Body sentences, also cut at line breaks (the tagger runs captions on)."""
    for sent in doc.sents:
        start = max(sent.start_char, article.headline_end)
        for m in re.finditer(r"[^\n]+", doc_text(doc)[start:sent.end_char]):
            piece = doc.char_span(start + m.start(), start + m.end(), alignment_mode="contract")
            if piece is not None and sum(1 for t in piece if t.is_alpha) >= MIN_FIGURE_WORDS:
                yield piece


def _event_verb(sent: Span) -> bool:
    """The main verb tells something happening (past or perfect), not a saying."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in CUE_VERBS:
        return False
    return root.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in root.children)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(sent: Span) -> bool:
    """A finite verb in it: "Countries affected by the flood." is a caption,
    "Floods hit ..." a sentence. (A piece cut at a line break has no root of
    its own, so any finite verb counts.)"""
    return any(t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") for t in sent)


def _places(sent: Span) -> list[str]:
    names: list[str] = []
    for ent in entities_within(sent.doc, sent.start_char, sent.end_char):
        if ent.label_ in PLACE_LABELS:
            name = re.sub(r"^[Tt]he\s+|['’]s$", "", ent.text.strip())
            if name and name[0].isupper() and name not in names:
                names.append(name)
    return names


@register("facts", "facts.v5")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    times = timex.resolved(doc, article.source.published)
    background = [(e.text.start, e.text.end) for e in facts.events]
    cues = [(a.cue.start, a.cue.end) for a in facts.attributions]

    def make(sent: Span, kind: str, position: int) -> ReportedFact:
        span = article.span(sent.start_char, sent.end_char)
        date, date_text = None, ""
        for t in times:
            if sent.start_char <= t.start < sent.end_char and t.value:
                value = timex.brief_date(t.value)
                if value and DAY.match(value):
                    date, date_text = value, t.text
                    break
            if sent.start_char <= t.start < sent.end_char and not t.value and not date_text and WEEKDAY.search(t.text):
                date_text = t.text
        return ReportedFact(
            text=span, kind=kind, position=position,
            attributed=any(span.start <= s and e <= span.end for s, e in cues),
            date=date, date_text=date_text, places=_places(sent), figures=figures_in(sent, article),
            finite=_finite(sent))

    if article.headline_end:
        head = doc.char_span(0, article.headline_end, alignment_mode="contract")
        if head is not None and any(t.is_alpha for t in head):
            facts.reported.append(make(head, "headline", -1))
    next_position = 0
    for sent in _sentences(article, doc):
        if is_dateline(sent.text):
            continue
        words = sum(1 for t in sent if t.is_alpha)
        # Only full sentences count in the lead: "No one was hurt." is kept for its figure alone.
        position, short = next_position, words < MIN_WORDS
        next_position += not short
        if _quoted_share(sent.text) > MAX_QUOTED or words > MAX_WORDS:
            continue
        span = article.span(sent.start_char, sent.end_char)
        lead = position < LEAD_SENTENCES
        # The lead is the story's own news whatever its tense; later, an
        # earlier-dated sentence is background.
        if not lead and any(s < span.end and span.start < e for s, e in background):
            continue
        fact = make(sent, "lead" if lead else "body", position)
        if fact.figures or (not short and (
                lead or (_event_verb(sent) and not any(c in sent.text for c in QUOTE_CHARS)))):
            facts.reported.append(fact)
