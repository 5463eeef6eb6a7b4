"""Time expressions: find them in a parsed text and normalise them against
the publication date (the document creation time).

Values follow TIMEX3 (TempEval) so the module can be scored as it stands:
"YYYY", "YYYY-MM", "YYYY-MM-DD" for calendar dates, "YYYY-Www" weeks,
"YYYY-Qn" quarters, "YYYY-SP|SU|FA|WI" seasons, "YYY" decades and
PRESENT_REF / PAST_REF / FUTURE_REF. ``brief_date`` turns a value into the
brief's date format, never finer than the text says.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# None-valued results carry one of these reasons instead of a granularity.
ERA, DURATION, ANCHORED, VAGUE, NO_PUBLISHED, UNPARSED = (
    "era", "duration", "anchored", "vague", "no publication date", "unparsed")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
            "winter": ("WI", 12)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "at present": "PRESENT_REF", "the present": "PRESENT_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
         "the future": "FUTURE_REF"}

_MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_DAY_NAMES = "|".join(calendar.day_name)
_VAGUE_COUNT = r"a few|few|a couple of|several|some|many|a number of|a handful of"
_COUNT = r"\d+|" + "|".join(_NUMBERS) + "|" + _VAGUE_COUNT
_QUALIFIER = r"about|around|nearly|almost|roughly|just|only|some|more than|less than|over|a mere|barely"
_UNIT = r"day|week|month|year|decade"
_ERA_NOUN = (r"administration|presidency|tenure|term(?:\s+in\s+office)?|rule|reign|premiership"
             r"|chancellorship|time\s+in\s+office|government")
_ERA = (rf"(?:his|her|their|its)\s+(?:(?:first|second|previous|last|own)\s+)?(?:{_ERA_NOUN})"
        rf"|the\s+(?:previous|former|prior)\s+(?:{_ERA_NOUN})"
        rf"|(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:{_ERA_NOUN})")
_EDGE = r"(?:(?:early|late|mid)[- ])?"
_PREP = r"(?:in|since|by|until|from|of|during|before|after|through|between)\s+"

# What spaCy's DATE entities miss; group x is the expression itself.
_FIND = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?P<x>(?:(?:early|late|mid|earlier|later)[- ](?:in[- ])?)?(?:this|last|next|coming)"
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
    rf"\b(?:during|under|in)\s+(?P<x>{_ERA})\b(?!['’])",
)]

_LEADING_PREP = re.compile(r"^(?:in|on|at|during|under|since|by|until|from|of|before|after|through|for)\s+",
                           re.IGNORECASE)
_EDGE_WORDS = re.compile(
    r"^(?:very\s+)?(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle)\s+of"
    r"|the\s+(?:early|late)\s+part\s+of)(?:[- ]+|$)(?:in\s+)?(?=\w)")
_ERA_TEXT = re.compile(rf"^(?:{_ERA})$", re.IGNORECASE)
_AGO = re.compile(rf"^(?:(?:{_QUALIFIER})\s+)?(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})s?\s+ago$")
_ANCHORED = re.compile(
    rf"^(?:(?:(?:{_QUALIFIER})\s+)?(?:{_COUNT})\s+(?:{_UNIT}|hour|minute)s?\s+(?:earlier|later|before|after)"
    r"|(?:that|the\s+(?:same|following|next|previous|preceding|prior))\s+(?:day|night|week|weekend"
    r"|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening)"
    r"|the\s+day\s+(?:before|after)|then|at\s+the\s+time|that\s+time)$")
_DURATION = re.compile(
    rf"^(?:the\s+(?:past|last|next|coming|previous|first)\s+)?(?:(?:{_QUALIFIER})\s+)?(?:(?:{_COUNT})[- ])?"
    r"(?:day|night|week|weekend|month|year|decade|hour|minute|centur(?:y|ie))s?(?:-long|-old)?$")
_RELATIVE = re.compile(r"^(?:(?P<dir>this|last|next|past|previous|coming|current)\s+)?"
                       r"(?P<unit>week(?:end)?|month|year|quarter)$")
_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "tomorrow": 1}
_WEEKDAY = re.compile(rf"^(?:(?P<dir>last|next|this|past)\s+)?(?P<day>{_DAY_NAMES.lower()})"
                      r"(?:\s+(?:morning|afternoon|evening|night))?$")
_SEASON = re.compile(r"^(?:(?P<dir>last|next|this|past)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                     r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_QUARTER = re.compile(r"^(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                      r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_MONTH = re.compile(rf"^(?:(?P<dir>last|next|this|past)\s+)?(?P<month>{'|'.join(_MONTHS)})\.?"
                    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_DECADE = re.compile(r"^(?:the\s+)?(?P<d>\d{3})0['’]?s$")
_YEAR = re.compile(r"^(?:the\s+year\s+)?(?P<y>1\d{3}|2\d{3})$")
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def find(doc: Doc) -> list[tuple[int, int, str]]:
    """Character ranges of the time expressions in ``doc``, in text order,
    overlapping finds merged: spaCy's DATE entities plus the patterns above."""
    ranges = [_trim(ent) for ent in doc.ents if ent.label_ == "DATE"]
    for pattern in _FIND:
        ranges.extend((m.start("x"), m.end("x")) for m in pattern.finditer(doc.text))
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end, doc.text[start:end]) for start, end in merged]


def _trim(ent: Span) -> tuple[int, int]:
    """The entity without what the tagger glued to it ("July Putin's" -> "July")."""
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


def normalise(text: str, published: dt.date | None) -> tuple[str | None, str]:
    """(value, granularity) of a time expression, or (None, reason).

    Granularities: day, week, month, season, quarter, year, decade, ref.
    Reasons: era, duration, anchored (relative to another event), vague,
    no publication date (relative wording, nothing to resolve it against),
    unparsed.
    """
    stripped = _LEADING_PREP.sub("", " ".join(re.sub(r"[\"“”,]", " ", text).split()).strip(" .;:'‘’"))
    if _ERA_TEXT.match(stripped):
        return None, ERA
    phrase = _EDGE_WORDS.sub("", stripped.lower())
    if phrase in _REFS:
        return _REFS[phrase], "ref"
    if _ANCHORED.match(phrase):
        return None, ANCHORED
    ago = _AGO.match(phrase)
    if ago and ago["n"] not in _NUMBERS and not ago["n"].isdigit():
        return None, VAGUE
    if not ago and _DURATION.match(phrase):
        return None, DURATION
    if (m := _DECADE.match(phrase)):
        return m["d"], "decade"
    if (m := _YEAR.match(phrase)):
        return m["y"], "year"
    for pattern, resolve in _YEAR_OPTIONAL:
        if (m := pattern.match(phrase)) and (m["year"] or published is not None):
            return resolve(m, published)
    if published is None:
        if re.search(r"\b\d{4}\b", phrase):
            return _absolute(phrase)
        return None, NO_PUBLISHED
    if ago:
        return _ago(int(ago["n"]) if ago["n"].isdigit() else _NUMBERS[ago["n"]], ago["unit"], published)
    if phrase in _DAY_WORDS:
        return (published + dt.timedelta(days=_DAY_WORDS[phrase])).isoformat(), "day"
    for pattern, resolve in ((_RELATIVE, _relative), (_WEEKDAY, _weekday)):
        if (m := pattern.match(phrase)):
            return resolve(m, published)
    if re.search(r"\d", phrase) or any(w in _MONTHS for w in re.findall(r"[a-z]+", phrase)):
        return _absolute(phrase, published)
    return None, UNPARSED


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
    if (m := re.fullmatch(r"(\d{4})-(?:SP|SU|FA|Q\d)", value)):
        return m[1]
    return None  # winters straddle two years; decades and refs are not dates


def _absolute(phrase: str, published: dt.date | None = None) -> tuple[str | None, str]:
    data = _parser(published).get_date_data(phrase)
    if data.date_obj is None:
        return None, UNPARSED
    day = data.date_obj.date()
    if data.period == "year":
        return f"{day:%Y}", "year"
    if data.period == "month":
        return f"{day:%Y-%m}", "month"
    if data.period == "week":
        return _week(day), "week"
    return day.isoformat(), "day"


@lru_cache(maxsize=16)
def _parser(published: dt.date | None):
    # dateparser is slow to import and to build: only here, once per date.
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _ago(n: int, unit: str, published: dt.date) -> tuple[str, str]:
    if unit == "day":
        return (published - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _week(published - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 - n, 12)
        return f"{year:04d}-{month + 1:02d}", "month"
    if unit == "decade":
        return str(published.year - 10 * n)[:3], "decade"
    return str(published.year - n), "year"


def _relative(m: re.Match, published: dt.date) -> tuple[str | None, str]:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["dir"] or "", 0)
    unit = m["unit"]
    if m["dir"] is None and unit != "weekend":
        return None, DURATION
    if unit == "year":
        return str(published.year + step), "year"
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return f"{year:04d}-{month + 1:02d}", "month"
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + step
        return f"{index // 4}-Q{index % 4 + 1}", "quarter"
    week = _week(published + dt.timedelta(weeks=step))
    return (week + "-WE" if unit == "weekend" else week), "week"


def _weekday(m: re.Match, published: dt.date) -> tuple[str, str]:
    back = (published.weekday() - _WEEKDAYS[m["day"]]) % 7
    if m["dir"] == "next":
        day = published + dt.timedelta(days=(7 - back) if back else 7)
    elif m["dir"] in ("last", "past"):
        day = published - dt.timedelta(days=back or 7)
    else:  # a bare weekday in news copy is the latest one on or before publication
        day = published - dt.timedelta(days=back)
    return day.isoformat(), "day"


def _season(m: re.Match, published: dt.date) -> tuple[str, str]:
    code, start_month = _SEASONS[m["season"]]
    if m["year"]:
        return f"{m['year']}-{code}", "season"
    # The season's year is the year it starts in (winter starts in December).
    latest = published.year if start_month <= published.month else published.year - 1
    in_it = dt.date(latest, start_month, 1) + dt.timedelta(days=92) > published
    year = {"next": latest + 1, "last": latest - 1 if in_it else latest,
            "past": latest - 1 if in_it else latest}.get(m["dir"] or "", latest)
    if m["dir"] == "this":
        year = published.year
    return f"{year}-{code}", "season"


def _quarter(m: re.Match, published: dt.date) -> tuple[str, str]:
    quarter = _QUARTERS[m["q"]]
    if m["year"]:
        return f"{m['year']}-Q{quarter}", "quarter"
    current = (published.month - 1) // 3 + 1
    return f"{published.year if quarter <= current else published.year - 1}-Q{quarter}", "quarter"


def _month(m: re.Match, published: dt.date) -> tuple[str, str]:
    month = _MONTHS[m["month"]]
    if m["year"]:
        return f"{m['year']}-{month:02d}", "month"
    if m["dir"] == "next":
        year = published.year if month > published.month else published.year + 1
    elif m["dir"] == "this":
        year = published.year
    elif m["dir"] in ("last", "past"):
        year = published.year if month < published.month else published.year - 1
    else:  # "in March": the latest March on or before publication
        year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}", "month"


# Resolvers that need no publication date when the text names the year.
_YEAR_OPTIONAL = ((_SEASON, _season), (_QUARTER, _quarter), (_MONTH, _month))


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
