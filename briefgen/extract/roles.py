"""Roles: the title or description a sentence gives a named actor.

Read from the parse around a name: a pre-modifier in the name's own noun
phrase ("former Defence Minister Ana Ruiz"), an apposition on either side
("the spokeswoman, Ana Ruiz"; "Tarvo, a security firm") or a predicate
nominal ("Ruiz is the spokeswoman for the ministry").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.extract.names import HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words photo captions place people with; never names or roles.
POSITIONS = frozenset("left right centre center pictured above below top bottom front back inset".split())
_ROLE_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case", "prep", "pobj", "advmod", "npadvmod"})
_MAX_ROLE_WORDS = 10


def _role_text(doc: Doc, tokens: list[int]) -> str | None:
    tokens = sorted(set(tokens))
    while tokens and (doc[tokens[0]].dep_ in ("det", "punct") or doc[tokens[0]].lower_.rstrip(".") in HONORIFICS
                      or doc[tokens[0]].ent_type_ in ("DATE", "TIME")):
        tokens = tokens[1:]
    while tokens and doc[tokens[-1]].dep_ == "punct":
        tokens = tokens[:-1]
    if not tokens or tokens[-1] - tokens[0] + 1 != len(tokens) or len(tokens) > _MAX_ROLE_WORDS:
        return None
    if doc[tokens[-1]].pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(doc[i].pos_ in ("NOUN", "PROPN") and not doc[i].ent_type_ for i in tokens):
        return None
    if doc[tokens[-1]].lower_ in POSITIONS:
        return None
    span = doc[tokens[0]:tokens[-1] + 1]
    if "\n" in span.text:
        return None
    return " ".join(span.text.split())


def premodifier(doc: Doc, start: int, end: int) -> list[int]:
    """Tokens before a name in its own noun phrase ("former President", "Dovaran
    Defence Minister"): each hangs, through words further right, on the name."""
    root = doc[start:end].root
    tokens: list[int] = []
    i = start - 1
    while i >= 0 and doc[i].sent == root.sent:
        tok = doc[i]
        if tok.dep_ in ("det", "cc") or (tok.dep_ == "punct" and tok.tag_ != "HYPH"):
            break
        head = tok
        while head.i != root.i and i <= head.head.i <= root.i and head.head.i != head.i:
            head = head.head
        if head.i != root.i:
            break
        tokens.append(i)
        i -= 1
    return tokens


def _noun_role(doc: Doc, noun: Token, skip: Token | None = None) -> str | None:
    """The role a common noun phrase states ("a private security firm")."""
    # A plural ("were the first guests") describes a group the name is only part of.
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or noun.ent_type_ or noun.lower_ in POSITIONS:
        return None
    tokens = [noun.i]
    for child in noun.children:
        if child is skip or child.dep_ not in _ROLE_DEPS:
            continue
        tokens.extend(t.i for t in child.subtree)
    return _role_text(doc, tokens)


def role_of(doc: Doc, start: int, end: int, label: str) -> str | None:
    root = doc[start:end].root
    candidates: list[tuple[Token, Token | None]] = []  # (role noun, child to leave out)
    if label == "person":
        role = _role_text(doc, premodifier(doc, start, end))
        if role:
            return role
        # "the defence minister, Ana Ruiz": the name is in apposition to its role.
        if root.dep_ == "appos" and root.head.i < start:
            candidates.append((root.head, root))
    candidates += [(c, None) for c in root.children if c.dep_ == "appos" and c.i >= end]
    # "Ruiz is the spokeswoman for the ministry"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        candidates += [(c, None) for c in root.head.children if c.dep_ == "attr"]
    for noun, skip in candidates:
        # A role never reaches across a paragraph (a headline above the name).
        if "\n" in doc[min(noun.i, start):max(noun.i, end - 1) + 1].text:
            continue
        role = _noun_role(doc, noun, skip)
        if role:
            return role
    return None
