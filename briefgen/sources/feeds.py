"""Feeds: which entries of an RSS or Atom feed become articles.

The feed is parsed from the bytes fetched (feedparser never fetches
anything itself here); its entries are kept by publication time
(``since``), by words in their title and summary (``any_of``, ``all_of``,
``none_of``, whole words, any case), newest first up to ``max_articles``;
each kept entry's page is then fetched like a ``url`` entry's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefgen.errors import SourceError

FEED_TYPES = {"application/rss+xml": "feed", "application/atom+xml": "feed", "application/xml": "feed",
              "text/xml": "feed", "application/feed+json": "feed", "application/rdf+xml": "feed"}
DEFAULT_MAX = 50  # entries read from one feed when max_articles is not given
_DURATION = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}
# Query keys that only tell where a click came from: the same page either way.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.IGNORECASE)


@dataclass
class FeedItem:
    url: str
    title: str | None
    published: dt.date | None


def window(text: str) -> dt.timedelta:
    """A duration written "24h", "3d" or "1w"."""
    m = _DURATION.match(text)
    if not m or int(m[1]) == 0:
        raise ValueError("expected a duration such as 24h, 3d or 1w")
    return int(m[1]) * _UNITS[m[2].lower()]


def same_page(url: str) -> str:
    """A URL with what does not change the page left out (fragment, tracking
    parameters, case of scheme and host): two feeds' links to one story match."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return url
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def select(body: bytes, where: str, now: dt.datetime, since: str | None = None, any_of: list[str] | None = None,
           all_of: list[str] | None = None, none_of: list[str] | None = None,
           max_articles: int | None = None) -> list[FeedItem]:
    """The feed's entries to read, newest first."""
    import feedparser

    # A stream, never the bytes themselves: feedparser takes a bytes string
    # that names a file for that file's path and would read it.
    parsed = feedparser.parse(io.BytesIO(body))
    if not parsed.entries and parsed.get("bozo"):
        problem = " ".join(str(parsed.get("bozo_exception", "not a feed")).split())[:200]
        raise SourceError(f"{where}: not an RSS or Atom feed ({problem})")
    oldest = now - window(since) if since else None
    kept: list[tuple[dt.datetime | None, FeedItem]] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not str(link).lower().startswith(("http://", "https://")):
            continue
        when = _when(entry.get("published_parsed") or entry.get("updated_parsed"))
        if oldest is not None and (when is None or when < oldest):
            continue  # outside the window, or no time to tell
        words = f"{entry.get('title', '')} {entry.get('summary', '')}"
        if not _words_match(words, any_of, all_of, none_of):
            continue
        kept.append((when, FeedItem(str(link), _line(entry.get("title")), when.date() if when else None)))
    kept.sort(key=lambda pair: pair[0] or dt.datetime.min.replace(tzinfo=dt.timezone.utc), reverse=True)
    return [item for _, item in kept][:max_articles or DEFAULT_MAX]


def _when(stamp: object) -> dt.datetime | None:
    """An entry's time, or None when it has none or one no calendar holds (year 0)."""
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.timezone.utc) if stamp else None
    except (ValueError, OverflowError, OSError, TypeError):
        return None


def _has(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", text, re.IGNORECASE) is not None


def _words_match(text: str, any_of: list[str] | None, all_of: list[str] | None, none_of: list[str] | None) -> bool:
    if any_of and not any(_has(text, w) for w in any_of):
        return False
    if all_of and not all(_has(text, w) for w in all_of):
        return False
    return not (none_of and any(_has(text, w) for w in none_of))


def _line(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None
