"""Time expressions: find them in a parsed text and resolve each against
the publication date, the tense of its sentence and the dates before it.

``resolve`` is what the events extractor and the TempEval script call; the
wording of one expression is normalised in ``timex_rules``. ``brief_date``
turns a TIMEX3 value into the brief's date format, never finer than the
text says.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from briefgen.extract import doc_text, entities
from briefgen.extract.places import CORE_ZONES, is_time_zone
from briefgen.extract.timex_rules import (  # noqa: F401  (the reasons are part of this module's interface)
    ANCHORED, DURATION, ERA, ERA_PATTERN, NO_PUBLISHED, OUT_OF_RANGE, RANKS, UNPARSED, normalise)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MONTHS = {name.lower() for name in calendar.month_name if name} | \
    {name.lower() for name in calendar.month_abbr if name}
_WEEKDAYS = {name.lower() for name in calendar.day_name}
_NUMBERS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_DAY_NAMES = "|".join(calendar.day_name)
_VAGUE_COUNT = r"a few|few|a couple of|several|some|many|a number of|a handful of"
_COUNT = r"\d+|" + _NUMBERS + "|" + _VAGUE_COUNT
_QUALIFIER = r"about|around|nearly|almost|roughly|just|only|some|more than|less than|over|a mere|barely"
_UNIT = r"day|week|month|quarter|year|decade"
_EDGE = r"(?:(?:early|late|mid)[- ])?"
_PREP = r"(?:in|since|by|until|from|of|during|before|after|through|between)\s+"

# Present-tense verbs that, with a date, tell a plan ("the vote is Tuesday").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
AHEAD_WORDS = frozenset({"payable", "effective", "due", "scheduled", "slated", "upcoming", "expected"})
# Where one found range holds two expressions, and what keeps a piece.
_JOINT = re.compile(r"(?<!\s)\s++(?:ended|ending|to|through|until|and|or)\s+", re.IGNORECASE)
# "<whole> of <part>": searched, not matched from every start, so linear in the text.
_OF = re.compile(r"(?<!\s)\s++of\s++(?=\S)", re.IGNORECASE)
_TIME_WORD = re.compile(
    r"\d|\b(?:" + "|".join(sorted(_MONTHS | _WEEKDAYS)) + r")\b|\b(?:day|week|weekend|month|quarter|year"
    r"|decade|century|spring|summer|autumn|fall|winter|today|tonight|yesterday|tomorrow|now|currently"
    r"|nowadays|recently|lately|present|past|future|morning|afternoon|evening|night|period|half|then"
    r"|time|administration|presidency|tenure|term|rule|reign|premiership|chancellorship|government)s?\b",
    re.IGNORECASE)

_BARE_NUMBER = re.compile(r"\d{1,3}")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_ZONE = re.compile(r"(?<!\s)\s*+(?:(?:" + "|".join(sorted(CORE_ZONES)) + r")\b|hrs\b|hours\b|local time)")
# A month's name or a number: an expression tied to the calendar, not to the day it is read on.
CALENDAR = re.compile(r"\d|\b(?:" + _MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b",
                      re.IGNORECASE)

# What spaCy's DATE entities miss; group x is the expression itself.
_FIND = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?P<x>(?:(?:early|late|mid|earlier|later)[- ](?:in[- ])?)?(?:this|last|next|coming)"
    r"[- ](?:week(?:end)?|month|year|quarter|spring|summer|autumn|fall|winter))\b",
    rf"\b(?P<x>(?:(?:{_QUALIFIER})\s+)?(?:{_COUNT})\s+(?:{_UNIT})s?\s+(?:ago|earlier|later))\b",
    r"\b(?P<x>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|now|currently"
    r"|nowadays|recently|lately|at present|the future"
    r"|the past(?!\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b))\b",
    rf"\b{_PREP}(?P<x>{_EDGE}(?:(?:last|next|this)\s+)?(?-i:{_MONTH_NAMES}))\b",
    rf"\b(?P<x>(?-i:{_MONTH_NAMES}|{_MONTH_ABBR})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?-i:{_MONTH_NAMES})\s+(?:of\s+)?\d{{4}}|\d{{1,2}}\s+(?-i:{_MONTH_NAMES})(?:\s+\d{{4}})?)\b",
    rf"\b(?P<x>(?:(?:last|next|this)\s+)?(?-i:{_DAY_NAMES})(?:\s+(?:morning|afternoon|evening|night))?)\b",
    r"\b(?P<x>(?:this|last|next)\s+(?:spring|summer|autumn|fall|winter)"
    r"|(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{4})\b",
    rf"\b(?:in|during|since|until|by|over|through)\s+(?P<x>(?:the\s+)?{_EDGE}(?:spring|summer|autumn|winter))\b",
    rf"\b{_PREP}(?P<x>{_EDGE}(?:the\s+)?\d{{3}}0s|{_EDGE}(?:1[89]|20)\d{{2}})\b(?![-/.,]?\d)",
    rf"\b(?:during|under|in)\s+(?P<x>{ERA_PATTERN})\b(?!['’])",
)]


class Timex(NamedTuple):
    start: int
    end: int
    text: str
    value: str | None
    granularity: str  # or, when value is None, the reason (ERA, DURATION, ...)


def resolve(doc: Doc, published: dt.date | None) -> list[Timex]:
    """Every time expression in ``doc`` with its TIMEX3 value, in text order.

    Each is read with the direction of the verb it hangs on (past looks
    back, future or a plan looks ahead) and with the last date resolved
    before it as the reference for "a year earlier" or "the next day".
    """
    found, reference = [], None
    for start, end, text in find(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        direction = _direction(span)
        value, granularity = normalise(text, published, direction, reference)
        # Only a date read on its own moves the reference: "a year earlier"
        # after "a year earlier" still counts from the same period.
        if granularity in RANKS and (value, granularity) == normalise(text, published, direction):
            reference = value
        found.append(Timex(start, end, text, value, granularity))
    return found


def resolved(doc: Doc, published: dt.date | None) -> list[Timex]:
    """``resolve`` once per parse and date: the events and facts extractors both read it."""
    key = ("briefgen.timex", published.isoformat() if published else None)
    if key not in doc.user_data:
        doc.user_data[key] = resolve(doc, published)
    return doc.user_data[key]


def out_of_range(doc: Doc) -> str | None:
    """The first expression a build of ``doc`` read and had to leave out as
    beyond the calendar (years 1 to 9999), as written; None when none was."""
    for key, found in doc.user_data.items():
        if isinstance(key, tuple) and key[:1] == ("briefgen.timex",):
            bad = next((t.text for t in found if t.granularity == OUT_OF_RANGE), None)
            if bad:
                return bad
    return None


def find(doc: Doc) -> list[tuple[int, int, str]]:
    """Character ranges of the time expressions in ``doc``, in text order,
    overlapping finds merged: spaCy's DATE entities plus the patterns above,
    ranges ("Aug. 26 to Oct. 20", "the year ended June 30") cut in two."""
    ranges = [_trim(ent) for ent in entities(doc) if ent.label_ == "DATE"]
    for pattern in _FIND:
        ranges.extend((m.start("x"), m.end("x")) for m in pattern.finditer(doc_text(doc)))
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    text = doc_text(doc)
    return [piece for start, end in merged for piece in _split(text, start, end)]


# "1353 (1023 GMT)", "1052 GMT (1852 HKT)": a local time with the zone's time beside it;
# "since 2015 (CAT) scans" is a year.
_ZONE_AFTER = re.compile(r"(?<![ \t])(?:[ \t]++(?P<zone>[A-Z]{2,5})\)"
                         r"|[ \t]*+\([ \t]*+(?:[01]\d|2[0-3])[0-5]\d[ \t]++(?P<bracketed>[A-Z]{2,5})\))")


def _clock_time(piece: str, text: str, end: int) -> bool:
    """A 24-hour clock time ("1630") that a zone follows, itself or in brackets."""
    if not _HHMM.fullmatch(piece):
        return False
    if _ZONE.match(text, end):
        return True
    zone = _ZONE_AFTER.match(text, end)
    return zone is not None and is_time_zone(zone["zone"] or zone["bracketed"])


def _split(text: str, start: int, end: int):
    """The pieces of one found range that name a time."""
    cuts = [start, *(i for m in _JOINT.finditer(text, start, end) for i in m.span()), end]
    for lo, hi in zip(cuts[::2], cuts[1::2]):
        of = _OF.search(text, lo, hi)
        whole = text[lo:of.start()] if of else ""
        if whole and "\n" not in whole and normalise(whole, None)[1] == DURATION:
            lo = of.end()  # "the first nine months of 1997": the date is 1997
        piece = text[lo:hi].strip(" ,")
        if _BARE_NUMBER.fullmatch(piece) or _clock_time(piece, text, hi):
            continue  # an age or a count ("both 51") or a clock time ("1630 GMT") the tagger took for a date
        if _TIME_WORD.search(piece):
            lo += text[lo:hi].index(piece)
            yield lo, lo + len(piece), piece


def _direction(span: Span | None) -> int | None:
    """-1 when the expression tells the past, +1 when it looks ahead, else None.

    Words between the expression and its verb that only name what is
    to come ("payable Dec. 7", "effective Feb. 1") outrank the verb's tense.
    """
    if span is None:
        return None
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return -1  # "since December": whatever the verb, December is behind
    token = span.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.lower_ in AHEAD_WORDS:
            return 1
    return _tense(governor(span))


def _tense(verb: Token | None) -> int | None:
    if verb is None:
        return None
    if is_past(verb):
        return -1
    if any(c.dep_ in ("aux", "auxpass") and (c.tag_ in ("MD", "TO") or c.lower_ == "going")
           and c.lower_ != "could" for c in verb.children) or verb.tag_ in PRESENT_TAGS:
        return 1
    return None


def governor(span: Span | None) -> Token | None:
    """The verb a time expression modifies."""
    if span is None:
        return None
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("aux", "auxpass") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def is_past(verb: Token) -> bool:
    """Simple past, past perfect, past passive, present perfect, or a past
    participle standing alone after its noun ("a deal signed last year")."""
    if verb.tag_ == "VBD":
        return True
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        return True
    return any(child.tag_ == "VBD" or child.lemma_ == "have" for child in auxes)


def _trim(ent: Span) -> tuple[int, int]:
    """The entity without what the tagger glued to it ("July Smith's" -> "July")."""
    tokens = list(ent)
    for i, token in enumerate(tokens[:-1]):
        following = tokens[i + 1]
        if (token.lower_ in _MONTHS or token.lower_ in _WEEKDAYS) and following.is_title \
                and following.lower_ not in _MONTHS and following.lower_ not in _WEEKDAYS \
                and following.lower_ not in ("day", "eve"):
            tokens = tokens[:i + 1]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens.pop()
    if not tokens:
        return ent.start_char, ent.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def brief_date(value: str | None) -> str | None:
    """A normalised value as "YYYY", "YYYY-MM" or "YYYY-MM-DD", coarsened to
    the finest calendar unit that holds all of it; None when none does."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return value
    if (m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)):
        first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
        last = dt.date.fromisocalendar(int(m[1]), int(m[2]), 7)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first:%Y-%m}"
        return str(first.year) if first.year == last.year else None
    if (m := re.fullmatch(r"(\d{4})-(?:SP|SU|FA|Q\d|H\d)", value)):
        return m[1]
    return None  # winters straddle two years; decades and refs are not dates


