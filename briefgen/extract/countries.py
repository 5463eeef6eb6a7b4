"""Country names: every way a news story names a country, mapped to one name.

The index is built once from ``countryinfo`` (names, alternative spellings,
ISO codes, capitals, demonyms). Two key spaces keep ordinary words safe:
names are matched case-insensitively, while codes and acronyms ("US",
"UAE") only match text written in capitals, so "us" or "It" never becomes
a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL_SKIP = frozenset({"of", "and", "the", "de", "du", "la", "d"})
# An acronym shorter than this is too often an ordinary abbreviation.
_MIN_ACRONYM = 3
MIN_ALPHA3_POPULATION = 10_000_000


@dataclass(frozen=True)
class _Index:
    names: dict[str, str]  # lowercased name, spelling or official name
    codes: dict[str, str]  # ISO codes and acronyms, as written in capitals
    capitals: dict[str, str]
    demonyms: dict[str, str]


def key(text: str) -> str:
    """The normalised form names are looked up by: no article, dots, possessive."""
    text = " ".join(text.replace(".", "").replace("’", "'").split())
    text = _POSSESSIVE.sub("", _ARTICLE.sub("", text))
    return text.strip()


def initials(words: list[str]) -> str:
    """Initials of the capitalised words ("People's Republic of China" -> "PRC")."""
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _INITIAL_SKIP)


def _is_code(spelling: str) -> bool:
    return spelling.isupper() and spelling.isalpha() and len(spelling) <= 4


@lru_cache(maxsize=1)
def _index() -> _Index:
    from countryinfo import CountryInfo

    entries = sorted(CountryInfo.all().values(), key=lambda c: -(c.get("population") or 0))
    index = _Index({}, {}, {}, {})

    def put(table: dict[str, str], k: str, name: str) -> None:
        # Entries come most populous first: a key two places share (a
        # demonym, a capital) names the country a reader means by it.
        if k:
            table.setdefault(k, name)

    for entry in entries:
        name = entry["name"]
        put(index.names, key(name).lower(), name)
        iso = entry.get("ISO") or {}
        # A three-letter ISO code names a country in news only for a large one ("USA",
        # "GBR"); a small territory's is some agency's acronym ("ATF" is no territory).
        alpha3 = iso.get("alpha3") if (entry.get("population") or 0) >= MIN_ALPHA3_POPULATION else None
        for code in (iso.get("alpha2"), alpha3):
            put(index.codes, code or "", name)
        for spelling in entry.get("altSpellings") or []:
            if _is_code(spelling):
                if spelling != iso.get("alpha3") or alpha3:
                    put(index.codes, spelling, name)
                continue
            put(index.names, key(spelling).lower(), name)
            if "," not in spelling:
                acronym = initials(key(spelling).split())
                if len(acronym) >= _MIN_ACRONYM:
                    put(index.codes, acronym, name)
        capital = entry.get("capital")
        if isinstance(capital, str) and capital:
            put(index.capitals, key(capital).lower(), name)
            # "Washington D.C." is written "Washington" for the government.
            words = capital.split()
            if len(words) > 1 and "." in words[-1]:
                put(index.capitals, key(" ".join(words[:-1])).lower(), name)
        demonym = entry.get("demonym")
        if isinstance(demonym, str) and demonym:
            put(index.demonyms, demonym.lower(), name)
    return index


def country_of(text: str, *, codes: bool = True, capitals: bool = True,
               demonyms: bool = True) -> str | None:
    """The country ``text`` names, or None.

    ``codes`` allows ISO codes and acronyms (only matched when ``text`` is in
    capitals), ``capitals`` a capital city standing for its government,
    ``demonyms`` an adjective or people ("South African", "Americans").
    """
    k = key(text)
    if not k:
        return None
    index = _index()
    lower = k.lower()
    if lower in index.names:
        return index.names[lower]
    if codes and k.isupper() and k.replace(" ", "") in index.codes:
        return index.codes[k.replace(" ", "")]
    if capitals and lower in index.capitals:
        return index.capitals[lower]
    if demonyms:
        if lower in index.demonyms:
            return index.demonyms[lower]
        if lower.endswith("s") and lower[:-1] in index.demonyms:  # "Americans"
            return index.demonyms[lower[:-1]]
    return None


def is_demonym(word: str) -> bool:
    """A nation's adjective ("Danish", "French") that is not itself a country's name."""
    lower = key(word).lower()
    index = _index()
    return lower in index.demonyms and lower not in index.names


def nation_adjective(word: str) -> bool:
    """A nation's adjective, even one some list also gives as a country's
    short name ("Thai"), but never the country's own name ("Greece")."""
    lower = key(word).lower()
    return lower in _index().demonyms and country_of(word) != key(word)
