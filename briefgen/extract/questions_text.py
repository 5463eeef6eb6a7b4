"""Turning a withheld topic into the question a reader would ask.

"how officials had gathered the intelligence" -> "How had officials gathered
the intelligence?"; "whether the deal was signed" -> "Was the deal signed?";
"details of the plan" -> "What are the details of the plan?". Works on the
parse of the topic so that it holds for any clause, not for fixed phrases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WH_WORDS = frozenset({"how", "why", "what", "when", "where", "who", "whom", "which", "whose"})
YES_NO = frozenset({"whether", "if"})
QUANTIFIERS = frozenset({"any", "much", "many", "more", "further", "additional", "some", "other"})
_DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def _words(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "expl"}:
            return list(child.subtree)
    return []


def clause_question(clause: Span) -> str | None:
    """Invert a wh- or whether-clause into a direct question; None if it is not one."""
    tokens = list(clause)
    if not tokens:
        return None
    first = tokens[0].lower_
    if first not in WH_WORDS | YES_NO:
        return None
    verb = clause.root if clause.root.pos_ in {"VERB", "AUX"} else None
    if verb is None:
        verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"}]
        if not verbs:
            return None
        verb = verbs[0]
    subject = _subject(verb)
    # "how much", "which officials": the wh-phrase is the wh-word's highest
    # ancestor below the verb, with its subtree, when it opens the clause.
    phrase = tokens[0]
    while phrase.head.i != verb.i and phrase.head.i != phrase.i and phrase.head in tokens:
        phrase = phrase.head
    subtree = list(phrase.subtree)
    rest_start = len(subtree) if subtree[0].i == tokens[0].i and len(subtree) < len(tokens) else 1
    # A determiner wh-word right before the subject belongs to it even when
    # the parser attaches it elsewhere ("which units had crossed").
    wh_subject = subject and (subject[0].i == tokens[0].i
                              or (tokens[0].tag_ == "WDT" and subject[0].i == tokens[0].i + 1))
    if first in WH_WORDS and (not subject or wh_subject):
        # The wh-word is the subject ("who ordered the strike"): no inversion.
        return _capitalise(_words(tokens)) + "?"
    lead = [] if first in YES_NO else tokens[:rest_start]
    return _invert(tokens[rest_start:], verb, subject, _words(lead))


def why_question(tokens: list[Token], verb: Token) -> str | None:
    """"the permit had been denied" -> "Why had the permit been denied?" (a clause
    whose reason the text says is unknown: "... but it was not clear why")."""
    subject = _subject(verb)
    if not subject or subject[0].i != tokens[0].i:
        return None  # "After the talks, the man was held": a leading phrase would land mid-question
    return _invert(tokens, verb, subject, "Why")


def _mid(subject: list[Token]) -> str:
    """The subject as it reads after the verb: "The suspect" -> "the suspect", names kept."""
    text = _words(subject)
    if subject and subject[0].pos_ in {"DET", "PRON"} and not subject[0].ent_type_ and subject[0].text != "I":
        return text[:1].lower() + text[1:]
    return text


def _invert(tokens: list[Token], verb: Token, subject: list[Token], lead: str) -> str | None:
    subject_ids = {t.i for t in subject}
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    if auxes:
        aux = auxes[0]
        rest = [t for t in tokens if t.i not in subject_ids and t.i != aux.i]
        words = [lead, aux.text, _mid(subject), _words(rest)]
    elif verb.lemma_ == "be":
        rest = [t for t in tokens if t.i not in subject_ids and t.i != verb.i]
        words = [lead, verb.text, _mid(subject), _words(rest)]
    elif verb.tag_ in _DO_SUPPORT and subject:
        rest = [t for t in tokens if t.i not in subject_ids]
        head = _words([t for t in rest if t.i < verb.i])
        tail = _words([t for t in rest if t.i > verb.i])
        text = " ".join(p for p in (head, verb.lemma_, tail) if p)
        words = [lead, _DO_SUPPORT[verb.tag_], _mid(subject), text]
    else:
        return None
    return _capitalise(" ".join(w for w in words if w)) + "?"


def noun_question(phrase: Span) -> str:
    """'details about the plan' -> 'What are the details about the plan?'."""
    tokens = [t for t in phrase if t.lower_ != "undisclosed"]
    # "any details", "much detail": the quantifier of the telling, not of the thing asked for.
    while len(tokens) > 1 and tokens[0].lower_ in QUANTIFIERS and tokens[1].lower_ not in {"than", "of"}:
        tokens = tokens[1:]
    head = phrase.root
    text = _words(tokens)
    if tokens and tokens[0].dep_ not in {"det", "poss"} and tokens[0].tag_ not in {"PRP$", "DT"}:
        text = "the " + text[:1].lower() + text[1:] if not tokens[0].ent_type_ else "the " + text
    elif tokens:
        text = text[:1].lower() + text[1:]
    verb = "are" if head.tag_ in {"NNS", "NNPS"} else "is"
    return f"What {verb} {text}?"
