"""Actor mentions: people, organisations, countries and groups in one article.

Named entities from the parse are cleaned (article, possessive, page
furniture), mapped to a kind (a demonym or a capital standing for its
government becomes its country), given the role the sentence states
(``roles``), and linked: mentions of one actor in the article share a
``local_id`` (surname to full name, truncated name to full name, acronym to
organisation, alias to country). Places that are no country are kept as
"place" mentions: the article's entity mentions list them, fusion lists no
place as an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.extract import entities, register
from briefgen.extract.countries import country_of
from briefgen.extract.names import (
    HONORIFICS,
    canonical_names,
    clean_name,
    form_key,
    group_key,
    has_company_form,
    is_acronym,
    name_tokens,
    org_initials,
    org_key,
    short_org_names,
)
from briefgen.extract.roles import POSITIONS, premodifier, role_of
from briefgen.model import ArticleFacts, Mention
from briefgen.sources.article import Article
from briefgen.sources.furniture import PLATFORMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_PLATFORM = re.compile(rf"(?:{PLATFORMS})(?:\s+\w+)?", re.IGNORECASE)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
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
    """The end of a person's name the NER cut short ("Ana Maria" of "Ana Maria Ruiz")."""
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
        or lower in POSITIONS
        or bool(_PLATFORM.fullmatch(text))
        or "@" in text
        or "http" in lower
    )


def _country(doc: Doc, start: int, end: int, ner: str) -> str | None:
    root = doc[start:end].root
    clause = root
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    # "Everett, Washington": a place named after another is where it lies.
    qualifies = start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in ("GPE", "LOC", "FAC")
    return country_of(
        doc[start:end].text,
        codes=ner in ("GPE", "ORG", "NORP"),
        # A capital is its government only when it acts, not where things happen.
        capitals=ner == "GPE" and clause.dep_ in _GOVERNMENT_DEPS and not qualifies,
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
# Extraction
# --------------------------------------------------------------------------


def _classify(doc: Doc, ents: list[tuple[int, int, str]]) -> list[_Found]:
    found: list[_Found] = []
    for start, end, ner in ents:
        text = clean_name(doc[start:end].text)
        if _is_furniture(text):
            continue
        if ner == "PERSON":
            # A name starts with a capital: "ex-Ruiz" or "pro-Ruiz" describes, it does not name.
            if name_tokens(text) and text[:1].isupper():
                found.append(_Found(start, end, "person", ""))
        elif ner == "NORP":
            parts = _norp_parts(doc, start, end)
            for s, e, name in parts:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    found.append(_Found(span.start, span.end, "country", name))
            if not parts and text[:1].isupper():
                found.append(_Found(start, end, "group", "group:" + group_key(text)))
        elif ner in ("GPE", "LOC", "ORG", "FAC"):
            country = _country(doc, start, end, ner) if ner != "FAC" else None
            if country:
                found.append(_Found(start, end, "country", country))
            else:
                found.append(_Found(start, end, "organisation" if ner == "ORG" else "place", ""))
    return found


def _entities(doc: Doc) -> list[tuple[int, int, str]]:
    ents = []
    for ent in entities(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
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
            titled.update(premodifier(doc, f.start, f.end))
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
                         and doc[tok.i - 1].lower_.rstrip(".") not in HONORIFICS)
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")):
            extra.append(_Found(tok.i, tok.i + 1, "person", ""))
    return extra


def _link(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Give mentions of one actor the same key."""
    texts = [doc[f.start:f.end].text for f in found]
    people = {i: name_tokens(texts[i]) for i, f in enumerate(found) if f.label == "person"}
    # Single words the NER called an organisation or a place join the names:
    # they may be the surname of a person the article names.
    others = {i: name_tokens(texts[i]) for i, f in enumerate(found) if f.label in ("organisation", "place")}
    canonical = canonical_names([*people.values(), *(t for t in others.values() if len(t) == 1)])
    # A single word tagged a person here and an organisation or a place
    # there is a person only when it stands for a full name the article gives:
    # else one stray PERSON tag would turn a town or a club into a person.
    elsewhere = {tokens: found[i].label for i, tokens in others.items()}
    for i in [i for i, tokens in people.items()
              if len(tokens) == 1 and canonical[tokens] == tokens and tokens in elsewhere]:
        found[i].label = elsewhere[people[i]]
        others[i] = people.pop(i)
    known = set(people.values())
    full_by_initials: dict[str, set[str]] = {}
    for f, text in zip(found, texts):
        if f.label == "organisation":
            letters, abbreviated = org_initials(text)
            if not abbreviated and len(letters) > 1:
                full_by_initials.setdefault(letters, set()).add(org_key(text))
    complete = {org_key(t) for f, t in zip(found, texts) if f.label == "organisation" and has_company_form(t)}
    short = short_org_names((k for keys in full_by_initials.values() for k in keys), complete)
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
            f.key = "place:" + form_key(text)
        kept.append(f)
    _link_defined_acronyms(doc, kept)
    return kept


def _link_defined_acronyms(doc: Doc, found: list[_Found]) -> None:
    """"Norvale Airlines (NVA)": the acronym in brackets names the organisation
    before it, whatever its letters, here and wherever the article repeats it."""
    at = {f.start: f for f in found}
    defined: dict[str, str] = {}
    for f in list(found):
        i = f.end + 1
        if f.label != "organisation" or i + 1 >= len(doc) or doc[f.end].text != "(" or doc[i + 1].text != ")":
            continue
        # "Tarvo Group (UK)" says where the company is, not what it is called.
        if is_acronym(doc[i].text) and not country_of(doc[i].text, capitals=False, demonyms=False):
            defined[doc[i].text.replace(".", "")] = f.key
            if i not in at:
                found.append(_Found(i, i + 1, "organisation", f.key))
    for f in found:
        key = defined.get(doc[f.start:f.end].text.replace(".", "")) if f.end - f.start == 1 else None
        if key:
            f.label, f.key = "organisation", key
    found.sort(key=lambda f: f.start)


@register("actors", "actors.v3")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    found = _classify(doc, _entities(doc))
    found = _drop_title_fragments(doc, found)
    found += _surname_mentions(doc, found)
    found.sort(key=lambda f: f.start)
    found = _link(doc, found)
    for f in found:
        if f.label not in ("country", "place"):
            f.role = role_of(doc, f.start, f.end, f.label)
    ids: dict[str, int] = {}
    for f in found:
        local_id = ids.setdefault(f.key, len(ids) + 1)
        span = article.span(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1]))
        facts.mentions.append(
            Mention(text=clean_name(span.text), start=span.start, end=span.end,
                    label=f.label, role=f.role, local_id=local_id)
        )
