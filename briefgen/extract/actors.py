"""Actor mentions: people, organisations, countries and groups in one article.

Named entities from the parse are cleaned (article, possessive, page
furniture), mapped to a kind (a demonym or a capital standing for its
government becomes its country), given the role the sentence states
(pre-modifier title, apposition, predicate nominal), and linked: mentions of
one actor in the article share a ``local_id`` (surname to full name,
truncated name to full name, acronym to organisation, alias to country).

The name helpers here (``form_key``, ``name_tokens``, ``org_initials``,
``group_key``, ``short_org_names``, ``canonical_names``) are also what cross-article fusion
merges by, so both steps agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.extract import register
from briefgen.extract.countries import country_of, initials
from briefgen.model import ArticleFacts, Mention
from briefgen.sources.article import Article
from briefgen.sources.furniture import PLATFORMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLATFORM = re.compile(rf"(?:{PLATFORMS})(?:\s+\w+)?", re.IGNORECASE)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof".split())
# Words photo captions place people with; never names or roles.
_POSITIONS = frozenset("left right centre center pictured above below top bottom front back inset".split())
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
_ROLE_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case", "prep", "pobj", "advmod", "npadvmod"})
_MAX_ROLE_WORDS = 10
_MAX_NAME_WORDS = 6
_GOVERNMENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "ROOT"})


@dataclass
class _Found:
    start: int  # token range in the doc
    end: int
    label: str
    key: str  # what links mentions of one actor in the article
    role: str | None = None


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


def clean_name(text: str) -> str:
    """A name as a reader writes it: one-line, no article or possessive."""
    text = _LEADING_THE.sub("", " ".join(text.split()))
    return _TRAILING_POSSESSIVE.sub("", text).strip()


def _words(text: str, dots: str) -> list[str]:
    words = clean_name(text).replace(".", dots).replace("-", " ").lower().split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def form_key(text: str) -> str:
    """How any written form of a name is looked up: case, dots, hyphens,
    article, possessive, honorific and stray whitespace do not count."""
    return " ".join(_words(text, ""))


def name_tokens(text: str) -> tuple[str, ...]:
    """A person's name as comparable tokens: lowercase, no honorific, no initials."""
    words = _words(text, " ")
    kept = tuple(w for w in words if len(w) > 1)
    return kept or tuple(words)


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def org_key(text: str) -> str:
    return " ".join(clean_name(text).replace(".", "").lower().split())


def org_initials(text: str) -> tuple[str, bool]:
    """Initials of an organisation name, and whether it is written with an
    acronym ("U.N. Security Council" -> ("UNSC", True))."""
    words = clean_name(text).split()
    letters = []
    abbreviated = False
    for word in words:
        if is_acronym(word):
            letters.append(word.replace(".", ""))
            abbreviated = True
        else:
            letters.append(initials([word]))
    return "".join(letters), abbreviated


def group_key(text: str) -> str:
    """"Republicans" and "Republican" name one group."""
    return org_key(text).removesuffix("s")


def short_org_names(keys: Iterable[str]) -> dict[str, str]:
    """One-word organisation names that stand for the one two-word name they
    start ("tarvo" for "tarvo ltd"); a longer name is another body ("united
    nations" is not "united nations security council")."""
    by_first: dict[str, set[str]] = {}
    for key in set(keys):
        words = key.split()
        if len(words) == 2:
            by_first.setdefault(words[0], set()).add(key)
    return {word: next(iter(full)) for word, full in by_first.items() if len(full) == 1}


def canonical_names(names: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each person name mapped to the one full name it stands for.

    A name stands for a longer one when it is a leading part of it ("kim
    jong" of "kim jong un") or its surname; if it could stand for two
    different full names it stands for itself, so two people who share a
    surname are never merged.
    """
    names = set(names)
    prefixes: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    surnames: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        for k in range(1, len(name)):
            prefixes.setdefault(name[:k], set()).add(name)
        if len(name) > 1:
            surnames.setdefault(name[-1], set()).add(name)
    full = {n for n in names if n not in prefixes and not (len(n) == 1 and n[0] in surnames)}
    result = {}
    for name in names:
        if name in full:
            result[name] = name
            continue
        longer = {n for n in prefixes.get(name, ()) if n in full}
        if len(name) == 1:
            longer |= {n for n in surnames.get(name[0], ()) if n in full}
        result[name] = longer.pop() if len(longer) == 1 else name
    return result


# --------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------


def _trim(ent: Span) -> tuple[int, int]:
    """Token range of an entity without leading article or trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in _POSSESSIVE:
        end -= 1
    return start, end


def _extend_person(doc: Doc, start: int, end: int) -> int:
    """The end of a person's name the NER cut short ("Kang Sun" of "Kang Sun Nam")."""
    while (end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_
           and doc[end].text[:1].isupper() and doc[end - 1].head.i == end
           and doc[end - 1].dep_ == "compound"):
        end += 1
    return end


def _is_furniture(text: str) -> bool:
    words = text.split()
    lower = text.lower()
    return (
        not words
        or len(words) > _MAX_NAME_WORDS
        or not any(c.isupper() for c in text)
        or not any(c.isalpha() for c in text)
        or lower in _CALENDAR
        or lower in _POSITIONS
        or bool(_PLATFORM.fullmatch(text))
        or "@" in text
        or "http" in lower
    )


def _country(doc: Doc, start: int, end: int, ner: str) -> str | None:
    root = doc[start:end].root
    clause = root
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return country_of(
        doc[start:end].text,
        codes=ner in ("GPE", "ORG", "NORP"),
        # A capital is its government only when it acts, not where things happen.
        capitals=ner == "GPE" and clause.dep_ in _GOVERNMENT_DEPS,
        demonyms=ner == "NORP" or root.pos_ == "ADJ",
    )


def _norp_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Countries named by a demonym, one per part of "Dovaran-Kelish" compounds."""
    whole = _country(doc, start, end, "NORP")
    if whole:
        return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), whole)]
    parts = []
    text = doc[start:end].text
    base = doc[start].idx
    for m in re.finditer(r"[^-–]+", text):
        name = country_of(m.group().strip(), codes=False, capitals=False)
        if name:
            parts.append((base + m.start(), base + m.end(), name))
    return parts


# --------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------


def _role_text(doc: Doc, tokens: list[int]) -> str | None:
    tokens = sorted(set(tokens))
    while tokens and (doc[tokens[0]].dep_ in ("det", "punct") or doc[tokens[0]].lower_.rstrip(".") in _HONORIFICS
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
    if doc[tokens[-1]].lower_ in _POSITIONS:
        return None
    span = doc[tokens[0]:tokens[-1] + 1]
    if "\n" in span.text:
        return None
    return " ".join(span.text.split())


def _premodifier(doc: Doc, start: int, end: int) -> list[int]:
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
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or noun.ent_type_ or noun.lower_ in _POSITIONS:
        return None
    tokens = [noun.i]
    for child in noun.children:
        if child is skip or child.dep_ not in _ROLE_DEPS:
            continue
        tokens.extend(t.i for t in child.subtree)
    return _role_text(doc, tokens)


def _role(doc: Doc, start: int, end: int, label: str) -> str | None:
    root = doc[start:end].root
    candidates: list[tuple[Token, Token | None]] = []  # (role noun, child to leave out)
    if label == "person":
        role = _role_text(doc, _premodifier(doc, start, end))
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


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


def _classify(doc: Doc, ents: list[tuple[int, int, str]]) -> list[_Found]:
    found: list[_Found] = []
    for start, end, ner in ents:
        text = clean_name(doc[start:end].text)
        if _is_furniture(text):
            continue
        if ner == "PERSON":
            if name_tokens(text):
                found.append(_Found(start, end, "person", ""))
        elif ner == "NORP":
            parts = _norp_parts(doc, start, end)
            for s, e, name in parts:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    found.append(_Found(span.start, span.end, "country", name))
            if not parts and text[:1].isupper():
                found.append(_Found(start, end, "group", "group:" + group_key(text)))
        elif ner in ("GPE", "LOC", "ORG"):
            country = _country(doc, start, end, ner)
            if country:
                found.append(_Found(start, end, "country", country))
            else:
                # A place that is no country is kept only if it turns out to
                # be a person's name the NER mistook (see _link).
                found.append(_Found(start, end, "organisation" if ner == "ORG" else "place", ""))
    return found


def _entities(doc: Doc) -> list[tuple[int, int, str]]:
    ents = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            continue
        start, end = _trim(ent)
        if start >= end:
            continue
        if ent.label_ == "PERSON":
            end = _extend_person(doc, start, end)
        ents.append((start, end, ent.label_))
    return ents


def _drop_title_fragments(doc: Doc, found: list[_Found]) -> list[_Found]:
    """NER tags parts of titles ("Defence" in "Defence Minister Ana Ruiz"):
    a name wholly inside a person's title and followed by a capitalised
    title word is part of that title, not an actor."""
    titled: set[int] = set()
    for f in found:
        if f.label == "person":
            titled.update(_premodifier(doc, f.start, f.end))
    kept = []
    for f in found:
        inside = all(i in titled for i in range(f.start, f.end))
        follows = f.end in titled and doc[f.end].text[:1].isupper()
        abbreviated = any(is_acronym(doc[i].text) for i in range(f.start, f.end))
        if inside and follows and not abbreviated and f.label in ("organisation", "group", "person"):
            continue
        kept.append(f)
    return kept


def _surname_mentions(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Standalone surnames of people the article names that the NER missed."""
    surnames = set()
    for f in found:
        tokens = name_tokens(doc[f.start:f.end].text)
        if f.label == "person" and len(tokens) > 1:
            surnames.add(tokens[-1])
    taken = {i for f in found for i in range(f.start, f.end)}
    extra = []
    for tok in doc:
        if (tok.i not in taken and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_
                and tok.lower_ in surnames
                and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"
                         and doc[tok.i - 1].lower_.rstrip(".") not in _HONORIFICS)
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")):
            extra.append(_Found(tok.i, tok.i + 1, "person", ""))
    return extra


def _link(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Give mentions of one actor the same key; drop places that are no actor."""
    texts = [doc[f.start:f.end].text for f in found]
    people = {i: name_tokens(texts[i]) for i, f in enumerate(found) if f.label == "person"}
    known = set(people.values())
    # Single words the NER called an organisation or a place join the names:
    # they may be the surname of a person the article names.
    others = {i: name_tokens(texts[i]) for i, f in enumerate(found) if f.label in ("organisation", "place")}
    canonical = canonical_names([*known, *(t for t in others.values() if len(t) == 1)])
    full_by_initials: dict[str, set[str]] = {}
    for f, text in zip(found, texts):
        if f.label == "organisation":
            letters, abbreviated = org_initials(text)
            if not abbreviated and len(letters) > 1:
                full_by_initials.setdefault(letters, set()).add(org_key(text))
    short = short_org_names(k for keys in full_by_initials.values() for k in keys)
    kept = []
    for i, (f, text) in enumerate(zip(found, texts)):
        if f.label == "country" and is_acronym(text) and len(full_by_initials.get(text.replace(".", ""), ())) == 1:
            # The article spells the acronym out as an organisation ("KSA"
            # after "Korvan Security Agency"): that beats a country code.
            f.label = "organisation"
        if i in others and (others[i] in known or canonical.get(others[i], others[i]) != others[i]):
            f.label, people[i] = "person", others[i]
        if f.label == "person":
            f.key = "person:" + " ".join(canonical[people[i]])
        elif f.label == "organisation":
            letters, abbreviated = org_initials(text)
            expansions = full_by_initials.get(letters, set())
            key = next(iter(expansions)) if abbreviated and len(expansions) == 1 else org_key(text)
            f.key = "org:" + short.get(key, key)
        elif f.label == "country":
            f.key = "country:" + f.key
        elif f.label == "place":
            continue
        kept.append(f)
    return kept


@register("actors", "actors.v1")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    found = _classify(doc, _entities(doc))
    found = _drop_title_fragments(doc, found)
    found += _surname_mentions(doc, found)
    found.sort(key=lambda f: f.start)
    found = _link(doc, found)
    for f in found:
        if f.label != "country":
            f.role = _role(doc, f.start, f.end, f.label)
    ids: dict[str, int] = {}
    for f in found:
        local_id = ids.setdefault(f.key, len(ids) + 1)
        span = article.span(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1]))
        facts.mentions.append(
            Mention(text=clean_name(span.text), start=span.start, end=span.end,
                    label=f.label, role=f.role, local_id=local_id)
        )
