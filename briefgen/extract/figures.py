"""Figures: numbers with what they count, read on the dependency parse.

"killing at least 10 people" is 10 dead, "50 injured" 50 injured, "a $35,000
reward" money, "a 5.6 magnitude earthquake" a magnitude, "seven km (4 miles)"
one distance (the bracketed conversion is the same quantity, never a second
figure). A number counts something only through its noun or its verb: an age
("Smith, 43,"), a clock time or a score counts nothing and is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.extract import doc_text
from briefgen.model import FigureMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefgen.sources.article import Article

# What a count is of, from the verb or adjective that governs the counted noun.
OUTCOMES = {
    "dead": frozenset("kill die dead death fatality fatal murder slay perish toll".split()),
    "injured": frozenset("injure wound hurt injury injured wounded".split()),
    "missing": frozenset("missing".split()),
    "arrested": frozenset("arrest detain capture apprehend nab".split()),
    "evacuated": frozenset("evacuate evacuee".split()),
    "damaged": frozenset("damage destroy flatten level raze collapse gut wreck".split()),
    "rescued": frozenset("rescue".split()),
}
_OUTCOME_OF = {lemma: what for what, lemmas in OUTCOMES.items() for lemma in lemmas}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "C$": "CAD", "A$": "AUD"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rupee": "INR",
                  "yuan": "CNY", "rouble": "RUB", "ruble": "RUB", "franc": "CHF", "rial": "IRR"}
LENGTH_UNITS = {"km": "km", "kilometre": "km", "kilometer": "km", "kms": "km", "mile": "mi", "metre": "m",
                "meter": "m", "m": "m", "foot": "ft", "feet": "ft", "ft": "ft", "yard": "yd", "mph": "mph",
                "kph": "km/h", "acre": "acre", "hectare": "ha", "nautical": "nmi"}
MAGNITUDE_WORDS = frozenset({"magnitude", "richter", "strength"})
DEPTH_WORDS = frozenset({"deep", "depth"})
# Counted nouns that measure time: a duration, not a figure of the story.
TIME_NOUNS = frozenset("second minute hour day week month year decade century time percent "
                       "o'clock am pm p.m. a.m. gmt".split())
SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
         "m": 1e6, "bn": 1e9, "mn": 1e6, "k": 1e3}
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "dozen": 12, "a": 1})
APPROX = ("at least", "more than", "over", "about", "around", "nearly", "almost", "some", "up to",
          "as many as", "roughly", "approximately", "fewer than", "less than", "at most", "an estimated")
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
# "No one was hurt", "nobody died", "no injuries were reported": a count of
# zero, which a reader wants as much as a toll.
NOBODY = frozenset({"nobody", "none", "noone", "no-one"})
ZERO_NOUNS = {"injury": "injured", "casualty": "injured", "death": "dead", "fatality": "dead",
              "arrest": "arrested"}


def parse_number(words: list[str]) -> float | None:
    """"1,500" -> 1500, "1.5 million" -> 1.5e6, "twenty-three" -> 23; None when not a number."""
    value: float | None = None
    for raw in words:
        word = raw.lower().replace(",", "")
        for part in word.split("-"):
            if re.fullmatch(r"\d+(?:\.\d+)?", part):
                value = (value or 0) + float(part)
            elif part in WORD_NUMBERS and not (part == "a" and value is not None):
                value = (value or 0) + WORD_NUMBERS[part]
            elif part in SCALE and value is not None:
                value *= SCALE[part]
            elif part:
                return None
    return value


def _counts_a_noun(token: Token) -> bool:
    """"Forty firefighters", which the tagger can take for a date: the number
    counts a noun outside the date that is no unit of time."""
    head = token.head
    return (token.dep_ == "nummod" and head.pos_ == "NOUN" and head.ent_type_ not in SKIP_ENTS
            and head.lemma_.lower() not in TIME_NOUNS)


def _number_groups(sent: Span) -> list[list[Token]]:
    """Runs of number tokens ("1.5 million", "twenty three") outside dates and times."""
    groups: list[list[Token]] = []
    for token in sent:
        if token.ent_type_ in SKIP_ENTS and not _counts_a_noun(token):
            continue
        numeric = token.like_num and token.lower_ not in ("a", "an")
        if numeric or (groups and groups[-1][-1].i == token.i - 1 and token.lower_ in SCALE):
            if groups and groups[-1][-1].i == token.i - 1:
                groups[-1].append(token)
            elif numeric:
                groups.append([token])
    return groups


def _approx(sent: Span, first: Token) -> str:
    before = doc_text(sent.doc)[max(sent.start_char, first.idx - 16):first.idx].lower()
    before = re.sub(r"[$£€¥]\s*$", "", before).rstrip()
    return next((a for a in APPROX if before.endswith(a) and (len(before) == len(a) or not before[-len(a) - 1].isalpha())), "")


def _currency(first: Token, last: Token) -> str | None:
    prev = first.nbor(-1) if first.i > 0 else None
    if prev is not None and prev.text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[prev.text]
    after = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if after is not None and after.lemma_.lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS[after.lemma_.lower()]
    return None


def _in_brackets_after_quantity(first: Token) -> bool:
    """"seven km (4 miles)", "$1 million (£650,000)": a conversion of the quantity before it."""
    doc = first.doc
    i = first.i - 1
    if i >= 0 and doc[i].text in CURRENCY_SYMBOLS:
        i -= 1
    return i >= 1 and doc[i].text == "(" and (doc[i - 1].like_num or doc[i - 1].lemma_.lower() in LENGTH_UNITS
                                              or doc[i - 1].lemma_.lower() in SCALE)


def _outcome(token: Token) -> str | None:
    """What the verb or adjective around a counted noun or number says happened to it."""
    # "at least 50 injured": the word right after the count first, then its head.
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    seen = [nxt] if nxt is not None and nxt.pos_ in ("ADJ", "VERB") else []
    seen += [token.head] + [c for c in token.children if c.dep_ in ("amod", "acl", "relcl", "conj")]
    head = token.head
    # "death toll rose to 10": the subject of the verb the number hangs on.
    if token.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        seen.extend(c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        seen.extend(cc for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") for cc in c.children)
    if head.dep_ in ("conj", "xcomp", "advcl") and head.head.pos_ == "VERB":
        seen.append(head.head)
    for candidate in seen:
        what = _OUTCOME_OF.get(candidate.lemma_.lower())
        if what:
            return what
    return None


def _sum_of(first: Token, last: Token, noun: Token | None) -> str | None:
    """What a sum is: "a $35,000 reward" and "a reward of $35,000" -> "reward",
    "$1 million in damage" -> "in damage"."""
    if (noun is not None and noun.pos_ == "NOUN" and noun.is_alpha
            and noun.lemma_.lower() not in CURRENCY_WORDS and noun.lemma_.lower() not in SCALE):
        return noun.lemma_.lower()
    head = last
    while head.dep_ in ("nummod", "compound", "quantmod") and head.head is not head:
        head = head.head
    # "a reward of $35,000": the sum hangs on "of", "of" on the noun.
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        return head.head.head.lemma_.lower()
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "for"):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:  # "in damage", "for victims": the preposition says what the sum is
                return f"{child.lower_} {objects[0].lower_}"
    return None


def _no(token: Token) -> Token | None:
    """The "no" right before the token ("no one", or "no-one" split by the tokenizer)."""
    doc = token.doc
    i = token.i - 1
    if i >= 0 and doc[i].text == "-":
        i -= 1
    return doc[i] if i >= 0 and doc[i].lower_ == "no" else None


def _zero(sent: Span, token: Token) -> tuple[str, Token, Token] | None:
    """(what, first, last) when the token says nobody was counted."""
    lower = token.lower_
    no = _no(token) if lower == "one" else None
    if token.dep_ in ("nsubj", "nsubjpass") and (lower in NOBODY or no is not None):
        what = _OUTCOME_OF.get(token.head.lemma_.lower())
        if what in ("dead", "injured", "missing", "arrested"):
            return what, no or token, token.head
    what = ZERO_NOUNS.get(token.lemma_.lower())
    if what and token.tag_ == "NNS":
        # "no injuries", "no reports of injuries"
        holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
        if any(c.dep_ == "det" and c.lower_ == "no" for c in holder.children):
            first = next(c for c in holder.children if c.dep_ == "det")
            return what, first, token
    return None


def zero_figures(sent: Span, article: Article) -> list[FigureMention]:
    found = []
    for token in sent:
        zero = _zero(sent, token)
        if zero:
            what, first, last = zero
            start, end = min(first.idx, last.idx), max(first.idx + len(first.text), last.idx + len(last.text))
            found.append(FigureMention(what=what, value=0, unit=None, text=article.span(start, end)))
    return found


def figures_in(sent: Span, article: Article) -> list[FigureMention]:
    found: list[FigureMention] = zero_figures(sent, article)
    for group in _number_groups(sent):
        first, last = group[0], group[-1]
        if first.lower_ == "one" and len(group) == 1 and _no(first) is not None:
            continue  # "no one": read as a zero above
        value = parse_number([t.text for t in group])
        if value is None or _in_brackets_after_quantity(first):
            continue
        doc = sent.doc
        after = last.nbor(1) if last.i + 1 < len(doc) else None
        # "AK-47s", "No. 3", "9/11", "15-year-old": part of a name or an age, not a count;
        # "5.6-magnitude", "a 6.1-strength quake" keep the word after the hyphen.
        if (first.i > 0 and doc[first.i - 1].text in ("-", "/", "#", "No.")) or (after is not None and after.text == "/"):
            continue
        if after is not None and after.text == "-":
            after = doc[after.i + 1] if after.i + 1 < len(doc) else None
            if after is None or after.lemma_.lower() in TIME_NOUNS or after.like_num:
                continue
        noun = last.head if last.dep_ in ("nummod", "compound", "quantmod", "appos") and last.head.pos_ in ("NOUN", "PROPN") else None
        window = {t.lower_.strip("-") for t in doc[max(sent.start, first.i - 3):min(sent.end, last.i + 4)]}
        currency = _currency(first, last)
        what, unit, of = None, None, None
        if currency:
            what, unit = "money", currency
            of = _sum_of(first, last, noun)
        elif window & MAGNITUDE_WORDS and value < 10:
            what = "magnitude"
        elif after is not None and after.lemma_.lower() in LENGTH_UNITS:
            unit = LENGTH_UNITS[after.lemma_.lower()]
            what = "depth" if window & DEPTH_WORDS else "distance"
        elif after is not None and after.lower_ in ("percent", "%", "per"):
            what, unit = "percent", "%"
        else:
            subject = noun if noun is not None else last
            if noun is not None and noun.lemma_.lower() in TIME_NOUNS:
                continue
            what = _outcome(subject) or (_outcome(last) if noun is not None else None)
            if noun is not None:
                written = noun.text
                # "co-workers", "mud-brick houses": the noun is the whole hyphened word.
                if noun.i + 2 < len(sent.doc) and sent.doc[noun.i + 1].text == "-":
                    end = sent.doc[noun.i + 2]
                    written = doc_text(sent.doc)[noun.idx:end.idx + len(end)]
                    noun = end
                unit = written.lower()
                if what is None and noun.tag_ in ("NNS", "NNPS"):
                    what = unit  # a plain count: "50 firefighters"
            if what is None:
                continue
        span = article.span(first.idx if not currency or first.i == 0 or first.nbor(-1).text not in CURRENCY_SYMBOLS
                            else first.nbor(-1).idx, last.idx + len(last.text))
        found.append(FigureMention(what=what, value=value, unit=unit, text=span, approx=_approx(sent, first),
                                   of=of if what == "money" else None))
    return found
