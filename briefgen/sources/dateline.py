"""Publication dates read from the article when no metadata gives one.

A dateline ("Posted 11/27/2005 7:21 AM", "Last Updated: Monday, 28 November
2005, 02:24 GMT") is parsed with dateparser; a URL with a dated path
(".../2010/09/10/slug") is read as year/month/day. Either is metadata, never
a background event: cleaning has already taken the dateline out of the text.
"""

from __future__ import annotations

import datetime as dt
import re

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2]|[a-z]{3})/(0?[1-9]|[12]\d|3[01])(?:/|$)", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# "Updated ..." after "Posted ...": the first date a line gives is its publication.
_UPDATE = re.compile(r"(?<!\s)\s*+(?:(?:\||·|-|–)\s*+)?(?:last\s++)?(?:updated|modified)\b.*$", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:posted|published|created|last updated|updated)\s*:?\s*(?:on\s+)?", re.IGNORECASE)


# A publication day a year inside the calendar's ends: "yesterday", "last week"
# and the news-day windows around it stay dates.
EARLIEST, LATEST = dt.date(2, 1, 1), dt.date(9998, 12, 31)


def in_calendar(day: dt.date) -> bool:
    return EARLIEST <= day <= LATEST


def from_dateline(line: str) -> dt.date | None:
    import dateparser

    text = _UPDATE.sub("", line) if not _LABEL.match(line) or "updated" not in line.lower()[:14] else line
    text = _LABEL.sub("", text).replace("|", " ").strip(" ,")
    try:
        parsed = dateparser.parse(text, languages=["en"],
                                  settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def from_url(url: str | None) -> dt.date | None:
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    year, month, day = m.groups()
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:3])
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day))
    except ValueError:
        return None


def publication_date(datelines: list[str], url: str | None) -> tuple[dt.date, str] | None:
    """The date and where it was read ("dateline 'Posted ...'", "URL")."""
    for line in datelines:
        day = from_dateline(line)
        if day and in_calendar(day):
            return day, f"its dateline “{' '.join(line.split())[:60]}”"
    day = from_url(url)
    return (day, "its URL") if day and in_calendar(day) else None
