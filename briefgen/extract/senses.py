"""Broader senses of attribution: what a source thinks, intends or stands for.

"X believes Y", "X wants to Y", "X endorsed Y", "X referred to Y", "Y seems Z",
"Y is expected to Z". Only views in a clause stay statements (key-claim
material); intentions, stances and impressions are attributions a reader may
look up but not claims of fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.extract import cues
from briefgen.extract.constructions import (
    Found,
    chars,
    content_range,
    inverted_content,
    noun_phrase,
    object_with_tail,
    subject,
    topic,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Subjects that hold no view: "it seems", "there appears".
EXPLETIVES = frozenset({"it", "there", "this", "that"})
LEMMAS = (cues.MIND_VERBS | cues.INTENT_VERBS | cues.STANCE_VERBS | cues.SEEM_VERBS
          | {verb for verb, _ in cues.STANCE_PREPS})


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _impression(cue: Token, lemma: str) -> Found | None:
    """'The race appears closer', 'Y is expected to win': the whole clause, no holder."""
    subj = _child(cue, "nsubj", "nsubjpass")
    complement = _child(cue, "xcomp", "acomp", "ccomp", "attr")
    if subj is None or complement is None or complement.i < cue.i:
        return None
    if subj.lower_ in EXPLETIVES and complement.dep_ == "ccomp":
        first = complement.left_edge.i  # "it appears that X": X alone
    else:
        first = subj.left_edge.i
    content = content_range(cue.doc, first, complement.right_edge.i)
    if content is None:
        return None
    return Found(chars(cue.doc, cue.i, cue.i), content, None, None, lemma, hedged_form=True, statement=False)


def _stance_object(cue: Token) -> tuple[int, int] | None:
    dobj = _child(cue, "dobj")
    return object_with_tail(cue, dobj) if dobj is not None else None


def _seen_as(cue: Token, lemma: str) -> bool:
    """'sees the race as lost': any verb of thought with an object and an "as"."""
    return lemma in cues.MIND_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)


def _stance_prep(cue: Token, lemma: str) -> tuple[int, int] | None:
    for child in cue.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in cues.STANCE_PREPS:
            pobj = _child(child, "pobj", "pcomp")
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i
    return None


def sense_attribution(cue: Token, sent) -> Found | None:
    """A view, intention or stance held by the subject of ``cue``."""
    lemma = cue.lemma_.lower()
    if lemma in cues.SEEM_VERBS:
        return _impression(cue, lemma)
    speaker, passive = subject(cue)
    if passive:
        return _impression(cue, lemma) if lemma in cues.MIND_VERBS and speaker is None else None
    if speaker is None or speaker.lower_ in EXPLETIVES:
        return None
    tokens, statement = None, True
    ccomp, xcomp = _child(cue, "ccomp"), _child(cue, "xcomp")
    if lemma in cues.MIND_VERBS and ccomp is not None:
        tokens = ccomp.left_edge.i, ccomp.right_edge.i
    elif lemma in cues.INTENT_VERBS and xcomp is not None:
        dobj = _child(cue, "dobj")
        start = dobj.left_edge.i if dobj is not None and dobj.i < xcomp.i else xcomp.left_edge.i
        tokens, statement = (start, xcomp.right_edge.i), False
    elif lemma in cues.STANCE_VERBS or lemma in cues.MIND_OBJECT_VERBS or _seen_as(cue, lemma):
        tokens, statement = _stance_object(cue), False
    if tokens is None:
        tokens, statement = _stance_prep(cue, lemma) or topic(cue), False
    if tokens is None and lemma in cues.MIND_VERBS:
        tokens, statement = inverted_content(cue, sent), True
    if tokens is None:
        return None
    doc = cue.doc
    content = content_range(doc, *tokens)
    speaker_range = chars(doc, *noun_phrase(speaker))
    if content is None or (speaker_range[0] < content[1] and content[0] < speaker_range[1]):
        return None
    return Found(chars(doc, cue.i, cue.i), content, speaker_range, speaker, lemma, statement=statement)


def adjective_attribution(adj: Token) -> Found | None:
    """'She is confident that ...', 'they were critical of the plan': an attitude of the subject."""
    if adj.dep_ != "acomp":
        return None
    speaker, passive = subject(adj.head)
    if speaker is None or passive or speaker.lower_ in EXPLETIVES:
        return None
    complement = _child(adj, "ccomp", "xcomp")
    if complement is not None:
        tokens = complement.left_edge.i, complement.right_edge.i
    else:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in cues.ADJECTIVE_PREPS
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None:
            return None
        tokens = prep.i, prep.right_edge.i
    doc = adj.doc
    content = content_range(doc, *tokens)
    if content is None:
        return None
    return Found(chars(doc, adj.i, adj.i), content, chars(doc, *noun_phrase(speaker)), speaker,
                 adj.lemma_.lower(), statement=False)
