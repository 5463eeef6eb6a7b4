"""Attributions in headlines and "SPEAKER: statement" lines, which the parser misreads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.extract import cues, entities
from briefgen.extract.constructions import Found, chars, content_range
from briefgen.extract.speakers import ENTITY_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Longest phrase read as a speaker before a colon ("Poll:", "SEN. JANE DOE:").
MAX_COLON_SPEAKER = 4
HEADLINE_BREAKS = frozenset({":", "|", "-", "–", "—"})


def headline_attributions(sent, found_cues: set[int], headline_end: int) -> list[Found]:
    """Headline forms the parser misreads: 'X claims Y' with 'claims' tagged as a noun."""
    doc = sent.doc
    found = []
    segment_start = sent.start
    for tok in sent:
        if tok.idx >= headline_end:
            break
        if tok.text in HEADLINE_BREAKS:
            segment_start = tok.i + 1
            continue
        lower = tok.lower_
        stem = lower[:-2] if lower.endswith("es") and lower[:-2] in cues.CUE_VERBS else lower[:-1]
        if (tok.i in found_cues or tok.pos_ not in ("NOUN", "PROPN") or not lower.endswith("s")
                or stem not in cues.CUE_VERBS or tok.i == segment_start):
            continue
        content = content_range(doc, tok.i + 1, _segment(tok, sent, headline_end)[1] - 1)
        if content:
            found.append(Found(chars(doc, tok.i, tok.i), content,
                                chars(doc, segment_start, tok.i - 1), doc[tok.i - 1], stem))
    return found


def colon_attribution(colon: Token, sent, text: str, headline_end: int) -> Found | None:
    """'Poll: voters abandon party' in a headline, 'SMITH: We will...' opening a paragraph.

    The speaker is a short phrase without a verb right before the colon; in
    the body it must also open the paragraph and be a name or in capitals.
    """
    doc = colon.doc
    in_headline = colon.idx < headline_end
    if in_headline:
        start, end = _segment(doc[colon.i - 1], sent, headline_end) if colon.i > sent.start else (colon.i, colon.i)
        content_end = doc[_segment(colon, sent, headline_end)[1] - 1]
        content = (colon.idx + 1, content_end.idx + len(content_end))
    else:
        start = sent.start
        if start > 0 and "\n" not in doc[start - 1].text_with_ws and "\n" not in doc[start - 1].text:
            return None
        para_end = text.find("\n\n", colon.idx)
        content = (colon.idx + 1, len(text) if para_end < 0 else para_end)
    words = doc[start:colon.i]
    to = next((t for t in words if t.lower_ == "to"), None)
    if in_headline and to is not None and to.i > start:
        words = doc[start:to.i]  # "Mayor to unions: ..." names its speaker first
    if not 0 < len(words) <= MAX_COLON_SPEAKER or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if len(words.text) < 2:
        return None  # "Q:" and "A:" mark an interview's turns, not a speaker
    if not in_headline and not (words.text.isupper() or any(
            e.label_ in ENTITY_LABELS and e.start == start and e.end == colon.i for e in entities(doc))):
        return None
    if content[1] <= content[0]:
        return None
    return Found(chars(doc, colon.i, colon.i), content, chars(doc, start, words.end - 1), words.root, "say")


def _segment(tok: Token, sent, headline_end: int) -> tuple[int, int]:
    """Token range of the headline part around ``tok`` ("A: B | C" has three)."""
    doc = tok.doc
    start = next((t.i + 1 for t in reversed(doc[sent.start:tok.i]) if t.text in HEADLINE_BREAKS), sent.start)
    end = next((t.i for t in doc[tok.i + 1:sent.end] if t.text in HEADLINE_BREAKS or t.idx >= headline_end),
               sent.end)
    return start, end


def keep_in_segment(item: Found, tok: Token, sent, headline_end: int) -> Found | None:
    """A headline's parts are separate statements: content stays in the cue's part."""
    start, end = _segment(tok, sent, headline_end)
    doc = tok.doc
    if doc[start].idx <= item.content[0] and item.content[1] <= doc[end - 1].idx + len(doc[end - 1]):
        return item
    content = content_range(doc, tok.i + 1, end - 1)
    if content is None:
        return None
    item.content = content
    return item
