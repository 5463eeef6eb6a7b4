"""Normalising one time expression to a TIMEX3 value.

Values follow TIMEX3 (TempEval) so the module can be scored as it stands:
"YYYY", "YYYY-MM", "YYYY-MM-DD" for calendar dates, "YYYY-Www" weeks,
"YYYY-Www-WE" weekends, "YYYY-Qn" quarters, "YYYY-Hn" halves,
"YYYY-SP|SU|FA|WI" seasons, "YYY" decades, "YY" centuries and
PRESENT_REF / PAST_REF / FUTURE_REF.

Three things decide a value besides the wording: the publication date (what
"last year" counts from), the direction the sentence looks in (a past verb
puts a bare "March" or "Tuesday" before publication, a future one after;
with no hint the latest one on or before publication is taken, the usual
case in news), and the reference date (the last date the text resolved,
which "a year earlier" or "the following month" count from). Precision is
never finer than the wording and its reference allow.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

# None-valued results carry one of these reasons instead of a granularity.
ERA, DURATION, ANCHORED, NO_PUBLISHED, UNPARSED, OUT_OF_RANGE = (
    "era", "duration", "anchored", "no publication date", "unparsed", "out of range")
# Granularities from finest to coarsest; a value is only ever coarsened.
RANKS = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
         "decade": 6, "century": 7}

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
            "winter": ("WI", 12)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "at present": "PRESENT_REF", "the present": "PRESENT_REF", "these days": "PRESENT_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
         "the future": "FUTURE_REF", "a later date": "FUTURE_REF"}
_PERIODS = r"(?:days|weeks|months|years|decades|quarters|times)"
_REF_PATTERNS = ((re.compile(rf"^(?:in\s+)?(?:recent|past|earlier)\s+{_PERIODS}$"), "PAST_REF"),
                 (re.compile(rf"^(?:coming|future|later)\s+{_PERIODS}$"), "FUTURE_REF"))

_VAGUE_COUNT = r"a few|few|a couple of|several|some|many|a number of|a handful of"
_COUNT = r"\d+|" + "|".join(_NUMBERS) + "|" + _VAGUE_COUNT
_QUALIFIER = r"about|around|nearly|almost|roughly|just|only|some|more than|less than|over|a mere|barely"
_UNIT = r"day|week|month|quarter|year|decade"
_ERA_NOUN = (r"administration|presidency|tenure|term(?:\s+in\s+office)?|rule|reign|premiership"
             r"|chancellorship|time\s+in\s+office|government")
ERA_PATTERN = (rf"(?:his|her|their|its)\s+(?:(?:first|second|previous|last|own)\s+)?(?:{_ERA_NOUN})"
       rf"|the\s+(?:previous|former|prior)\s+(?:{_ERA_NOUN})"
       rf"|(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:{_ERA_NOUN})")
ERA_TEXT = re.compile(rf"^(?:{ERA_PATTERN})$", re.IGNORECASE)

_LEADING = re.compile(
    r"^(?:(?:in|on|at|during|under|since|by|until|from|of|before|after|through|for|between|both"
    r"|just|only|sometime|around|about|as\s+(?:early|late|soon)\s+as|the\s+day)\s+"
    r"|an?\s+(?=(?-i:[A-Z0-9])))+", re.IGNORECASE)
_EDGE_WORDS = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle)\s+of"
    r"|the\s+(?:early|late)\s+part\s+of)(?:[- ]+|$)(?:in\s+)?(?=\w)")
_AGO = re.compile(rf"^(?:(?:{_QUALIFIER})\s+)?(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})s?\s+ago$")
_OFFSET = re.compile(rf"^(?:(?:{_QUALIFIER})\s+)?(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>{_UNIT})s?"
                     r"\s+(?P<dir>earlier|later|before|after)$")
_SAME_PERIOD = re.compile(
    r"^(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:year-(?:ago|earlier)|year\s+(?:ago|earlier)"
    r"|prior-year|previous-year)(?:\s+(?:first|second|third|fourth|fiscal))?(?:\s+(?:quarter|period|half))?$"
    r"|^(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)$"
    r"|^last\s+year['’]s\s+(?:quarter|period)$"
    r"|^the\s+(?:corresponding|same)\s+period\s+(?:a\s+year\s+ago|last\s+year)$")
_NAMED_UNIT = re.compile(
    r"^(?:(?P<that>that|the\s+same)|the\s+(?P<dir>following|next|previous|preceding|prior))\s+"
    r"(?P<unit>day|week|month|quarter|year)$|^the\s+day\s+(?P<rel>before|after)$")
_ANCHORED = re.compile(
    rf"^(?:(?:{_QUALIFIER})\s+)?(?:{_COUNT})\s+(?:{_UNIT}|hour|minute)s?\s+(?:earlier|later|before|after)"
    r"|(?:that|the\s+(?:same|following|next|previous|preceding|prior))\s+(?:night|weekend|spring|summer"
    r"|autumn|fall|winter|morning|afternoon|evening)|then|at\s+the\s+time|that\s+time$")
_DURATION = re.compile(
    rf"^(?:the\s+(?:past|last|next|coming|previous|first)\s+)?(?:(?:{_QUALIFIER})\s+)?(?:(?:{_COUNT})[- ])?"
    r"(?:day|night|week|weekend|month|quarter|year|decade|hour|minute|centur(?:y|ie))s?(?:-long|-old)?$")
_RELATIVE = re.compile(r"^(?:(?P<dir>this|last|next|past|previous|coming|current)\s+)?(?:fiscal\s+)?"
                       r"(?P<unit>week(?:end)?|month|year|quarter)$")
_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "tomorrow": 1}
_WEEKDAY = re.compile(rf"^(?:(?P<dir>last|next|this|past|this\s+coming|the\s+previous)\s+)?"
                      rf"(?P<day>{'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?$")
_SEASON = re.compile(r"^(?:(?P<dir>last|next|this|past|this\s+past)\s+)?(?:the\s+)?"
                     r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": 0, "latter": 0}
_OWNER = r"^(?:the\s+|its\s+|(?P<rel>this|last|next)\s+year['’]s\s+)?(?:(?P<year1>\d{4})\s+)?"
_QUARTER = re.compile(_OWNER + r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
                      r"[- ]quarter(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_HALF = re.compile(_OWNER + r"(?P<q>first|second|last|latter)\s+half"
                   r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_THE_PERIOD = re.compile(r"^the\s+(?:(?P<which>latest|current|recent|full)\s+)?(?:fiscal\s+)?(?P<unit>quarter|year)$")
_MONTH_ALT = "|".join(_MONTHS)
_MONTH = re.compile(rf"^(?:(?P<dir>last|next|this|past)\s+)?(?P<month>{_MONTH_ALT})\.?"
                    r"(?:\s+(?:of\s+)?(?:(?P<year>\d{4})|(?P<rel>this|last|next)\s+year))?$")
_DAY_OF_MONTH = re.compile(
    rf"^(?:(?P<dir>last|next|this)\s+)?(?:(?:{'|'.join(_WEEKDAYS)})\s+)?"
    rf"(?:(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_ALT})\.?)$")
# A year or a numeric date: only these, or a month name, go to dateparser.
_CALENDAR_WORDING = re.compile(r"\b\d{4}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_DECADE = re.compile(r"^(?:the\s+)?(?P<d>\d{3})0['’]?s$")
_CENTURY = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century$")
_YEAR = re.compile(r"^(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?(?P<y>1\d{3}|2\d{3})$")

_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TWO_DIGITS = (rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}"
               rf"|oh[- ](?:{'|'.join(_ONES)})")
_SPOKEN_YEAR = re.compile(rf"\b(?:(?P<c>nineteen|eighteen|twenty)[- ](?P<yy>{_TWO_DIGITS}|hundred)"
                          rf"|two\s+thousand(?:\s+and)?(?:[- ](?P<y2k>{_TWO_DIGITS}|{'|'.join(_ONES)}))?)\b")


def normalise(text: str, published: dt.date | None, direction: int | None = None,
              reference: str | None = None) -> tuple[str | None, str]:
    """``_normalise``, or (None, OUT_OF_RANGE) for a date the calendar cannot
    hold ("2500 years ago" from the year 2031, "tomorrow" of 9999-12-31)."""
    try:
        return _normalise(text, published, direction, reference)
    except (ValueError, OverflowError):
        return None, OUT_OF_RANGE


def _normalise(text: str, published: dt.date | None, direction: int | None = None,
               reference: str | None = None) -> tuple[str | None, str]:
    """(value, granularity) of a time expression, or (None, reason).

    ``direction`` is -1 when the sentence looks back (past tense), +1 when it
    looks ahead, None without a hint; ``reference`` is the last value the
    text resolved. Granularities: day, week, month, season, quarter, half,
    year, decade, century, ref. Reasons: era, duration, anchored (relative to
    something the text does not date), no publication date (relative
    wording, nothing to resolve it against), unparsed.
    """
    stripped = _LEADING.sub("", " ".join(re.sub(r"[\"“”,]", " ", text).split()).strip(" .;:'‘’"))
    if ERA_TEXT.match(stripped):
        return None, ERA
    phrase = _SPOKEN_YEAR.sub(_spoken_year, _EDGE_WORDS.sub("", stripped.lower()))
    phrase = re.sub(r"\bfiscal[- ](?=first|second|third|fourth|\d)", "", phrase)
    if phrase in _REFS:
        return _REFS[phrase], "ref"
    for pattern, ref in _REF_PATTERNS:
        if pattern.match(phrase):
            return ref, "ref"
    anchored = _anchored(phrase, reference)
    if anchored is not None:
        return anchored
    for pattern, resolve in _NO_PUBLISHED_NEEDED:
        if (m := pattern.match(phrase)):
            return resolve(m)
    for pattern, resolve in _YEAR_OPTIONAL:
        if (m := pattern.match(phrase)) and (m["year"] or m.groupdict().get("year1") or published):
            return resolve(m, published, direction)
    ago = _AGO.match(phrase)
    if not ago and _DURATION.match(phrase):
        return None, DURATION
    if published is None:
        if re.search(r"\b\d{4}\b", phrase):
            return _absolute(phrase)
        return None, NO_PUBLISHED
    if ago:
        return _ago(ago["n"], ago["unit"], published, reference)
    if phrase in _DAY_WORDS:
        return (published + dt.timedelta(days=_DAY_WORDS[phrase])).isoformat(), "day"
    if phrase in ("the weekend", "weekend"):
        return _weekend(published, direction)
    for pattern, resolve in ((_RELATIVE, _relative), (_WEEKDAY, _weekday), (_THE_PERIOD, _the_period),
                             (_DAY_OF_MONTH, _day_of_month)):
        if (m := pattern.match(phrase)):
            return resolve(m, published, direction, reference)
    if _CALENDAR_WORDING.search(phrase) or any(w in _MONTHS for w in re.findall(r"[a-z]+", phrase)):
        return _absolute(phrase, published)
    return None, UNPARSED  # "55", "30 -- 40 days": no calendar wording, no date


def _spoken_year(m: re.Match) -> str:
    def two(words: str) -> int:
        words = words.replace("-", " ").split()
        if words[0] == "oh":
            return _ONES.index(words[1]) + 1
        if words[0] in _TEENS:
            return _TEENS.index(words[0]) + 10
        if words[0] in _ONES:
            return _ONES.index(words[0]) + 1
        return (_TENS.index(words[0]) + 2) * 10 + (_ONES.index(words[1]) + 1 if len(words) > 1 else 0)

    if m["c"]:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"]]
        return str(century * 100 + (0 if m["yy"] == "hundred" else two(m["yy"])))
    return str(2000 + (two(m["y2k"]) if m["y2k"] else 0))


def _anchored(phrase: str, reference: str | None) -> tuple[str | None, str] | None:
    """Expressions that count from the reference date; None if ``phrase`` is not one."""
    if (m := _OFFSET.match(phrase)):
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        sign = -1 if m["dir"] in ("earlier", "before") else 1
        return _shift(reference, sign * n, m["unit"]) or (None, ANCHORED)
    if _SAME_PERIOD.match(phrase):
        unit = "quarter" if phrase.endswith("quarter") else None
        return _shift(reference, -1, "year", unit) or (None, ANCHORED)
    if (m := _NAMED_UNIT.match(phrase)):
        unit = m["unit"] or "day"
        step = 0 if m["that"] else (-1 if (m["dir"] or m["rel"]) in ("previous", "preceding", "prior", "before")
                                   else 1)
        return _shift(reference, step, unit, unit) or (None, ANCHORED)
    if _ANCHORED.match(phrase):
        return None, ANCHORED
    return None


def _parse_value(value: str | None) -> tuple[dt.date, str] | None:
    """The first day of a value and its granularity."""
    if value is None:
        return None
    if (m := re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)):
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1)), "day" if m[3] else "month" if m[2] else "year"
    if (m := re.fullmatch(r"(\d{4})-W(\d{2})", value)):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
    if (m := re.fullmatch(r"(\d{4})-([QH])(\d)", value)):
        months = 3 if m[2] == "Q" else 6
        return dt.date(int(m[1]), (int(m[3]) - 1) * months + 1, 1), "quarter" if m[2] == "Q" else "half"
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(reference: str | None, n: int, unit: str, granularity: str | None = None) -> tuple[str, str] | None:
    """``reference`` moved by ``n`` units, written at ``granularity`` (by default
    the reference's own); None when that would be finer than the reference
    or the move finer than it can carry."""
    parsed = _parse_value(reference)
    if parsed is None:
        return None
    day, own = parsed
    granularity = granularity or own
    if RANKS[granularity] < RANKS[own] or RANKS[unit] < RANKS[own]:
        return None
    if unit in ("day", "week"):
        day += dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        day = _add_months(day, n * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit])
    return _format_at(day, granularity), granularity


def _format_at(day: dt.date, granularity: str) -> str:
    return {"day": day.isoformat, "week": lambda: _week(day), "month": lambda: f"{day:%Y-%m}",
            "quarter": lambda: f"{day.year}-Q{(day.month - 1) // 3 + 1}",
            "half": lambda: f"{day.year}-H{(day.month - 1) // 6 + 1}",
            "year": lambda: f"{day:%Y}", "decade": lambda: f"{day:%Y}"[:3]}[granularity]()


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


def _ago(count: str, unit: str, published: dt.date, reference: str | None) -> tuple[str | None, str]:
    if count not in _NUMBERS and not count.isdigit():
        # "a few weeks ago": 2 to 9 units back; only a unit holding all of them is a date.
        lo, hi = (_back(published, n, unit) for n in (9, 2))
        for granularity in ("month", "year"):
            if _format_at(lo, granularity) == _format_at(hi, granularity):
                return _format_at(hi, granularity), granularity
        return "PAST_REF", "ref"
    n = int(count) if count.isdigit() else _NUMBERS[count]
    same_period = _shift(reference, -n, "year") if unit == "year" else None
    if same_period and same_period[1] in ("quarter", "half"):
        return same_period  # "profit rose from a year ago": the same reporting period
    granularity = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}.get(unit, "year")
    return _format_at(_back(published, n, unit), "decade" if unit == "decade" else granularity), \
        "decade" if unit == "decade" else granularity


def _back(published: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(published, -n * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit])


def _relative(m: re.Match, published: dt.date, direction: int | None, reference: str | None):
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m["dir"] or "", 0)
    unit = m["unit"]
    if m["dir"] is None and unit != "weekend":
        return None, DURATION
    if unit == "weekend":
        return _week(published + dt.timedelta(weeks=step)) + "-WE", "week"
    if unit == "week":
        return _week(published + dt.timedelta(weeks=step)), "week"
    return _format_at(_add_months(published, step * {"month": 1, "quarter": 3, "year": 12}[unit]), unit), unit


def _weekend(published: dt.date, direction: int | None) -> tuple[str, str]:
    saturday = published + dt.timedelta(days=5 - published.weekday())
    if direction != 1 and saturday > published:
        saturday -= dt.timedelta(weeks=1)
    return _week(saturday) + "-WE", "week"


def _weekday(m: re.Match, published: dt.date, direction: int | None, reference: str | None):
    back = (published.weekday() - _WEEKDAYS[m["day"]]) % 7
    ahead = (7 - back) % 7
    if m["dir"] == "next":
        day = published + dt.timedelta(days=ahead or 7)
    elif m["dir"] in ("last", "past", "the previous"):
        day = published - dt.timedelta(days=back or 7)
    elif m["dir"] == "this coming" or (direction == 1 and m["dir"] is None):
        day = published + dt.timedelta(days=ahead)
    else:  # a bare weekday in news copy is the latest one on or before publication
        day = published - dt.timedelta(days=back)
    return day.isoformat(), "day"


def _the_period(m: re.Match, published: dt.date, direction: int | None, reference: str | None):
    """"the year" is the current one; "the quarter" the one the text is about,
    else the one publication falls in, or the last complete one for "the
    latest quarter" or a quarter told in the past."""
    unit, which = m["unit"], m["which"]
    if which == "latest" or (unit == "quarter" and direction == -1 and which != "current"):
        step = -1
    else:
        step = 0
    if unit == "quarter" and which is None and (moved := _shift(reference, 0, unit, unit)):
        return moved
    return _format_at(_add_months(published, step * (3 if unit == "quarter" else 12)), unit), unit


def _day_of_month(m: re.Match, published: dt.date, direction: int | None, reference: str | None):
    month, day = _MONTHS[m["month"] or m["month2"]], int(m["day"] or m["day2"])
    direction = {"last": -1, "next": 1}.get(m["dir"], direction)
    year = _year_of(month, published, direction)
    if day > calendar.monthrange(year, month)[1]:
        return None, UNPARSED
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _year_of(month: int, published: dt.date, direction: int | None) -> int:
    """The year of a month named without one: the latest on or before
    publication, or the next one on or after it when the sentence looks
    ahead. Months, not days, are compared: "Jan. 14" in a story of Jan. 15
    that looks ahead is still this January."""
    if direction == 1:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _season(m: re.Match, published: dt.date | None, direction: int | None):
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
    elif direction == 1 and m["dir"] is None and not in_it:
        year = published.year if start_month >= published.month else published.year + 1
    return f"{year}-{code}", "season"


def _part_of_year(code: str, count: int):
    def resolve(m: re.Match, published: dt.date | None, direction: int | None):
        part = _ORDINAL[m["q"]] or count
        year = m["year"] or m["year1"]
        if m["rel"]:
            year = published.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
        if year:
            return f"{year}-{code}{part}", "quarter" if code == "Q" else "half"
        current = (published.month - 1) // (12 // count) + 1
        year = published.year if part <= current or direction == 1 else published.year - 1
        return f"{year}-{code}{part}", "quarter" if code == "Q" else "half"
    return resolve


def _month(m: re.Match, published: dt.date | None, direction: int | None):
    month = _MONTHS[m["month"]]
    if m["year"]:
        return f"{m['year']}-{month:02d}", "month"
    if m["rel"]:
        return f"{published.year + {'this': 0, 'last': -1, 'next': 1}[m['rel']]:04d}-{month:02d}", "month"
    if m["dir"] == "next":
        year = published.year if month > published.month else published.year + 1
    elif m["dir"] == "this":
        year = published.year
    elif m["dir"] in ("last", "past"):
        year = published.year if month < published.month else published.year - 1
    else:  # "in March": the latest March on or before publication, unless the verb looks ahead
        year = _year_of(month, published, direction)
    return f"{year:04d}-{month:02d}", "month"


# Resolvers that need no publication date when the text names the year.
_YEAR_OPTIONAL = ((_SEASON, _season), (_QUARTER, _part_of_year("Q", 4)), (_HALF, _part_of_year("H", 2)),
                  (_MONTH, _month))
_NO_PUBLISHED_NEEDED = ((_DECADE, lambda m: (m["d"], "decade")),
                        (_CENTURY, lambda m: (f"{int(m['n']) - 1:02d}", "century")),
                        (_YEAR, lambda m: (m["y"], "year")))


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
