"""Name forms and the keys they are looked up by.

Both per-article linking (``extract.actors``) and cross-article fusion
(``fuse.actors``) merge by these keys, so both steps agree on when two written
forms name one actor: case, dots, hyphens, articles, possessives, honorifics
and company-form suffixes ("Inc.", "PLC") never tell actors apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from briefgen.extract.countries import initials

HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof".split())
GENERATIONAL = frozenset("jr sr ii iii iv".split())
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
# Names repeat across a feed's articles: each written form is normalised once.
_memo = lru_cache(maxsize=1 << 16)
# British and American spellings of one name or title compare equal.
_SPELLING = ((re.compile(r"(?<=[a-z])ence\b"), "ense"), (re.compile(r"isation"), "ization"),
             (re.compile(r"\bcentre"), "center"), (re.compile(r"(?<=[bvlnm])our\b"), "or"))
# Legal forms a company's name may carry or drop ("Tarvo Ltd" is "Tarvo").
COMPANY_FORMS = frozenset(
    "inc incorporated corp corporation co company ltd limited plc llc llp lp nv bv sa ag gmbh "
    "group holdings".split()
)


@_memo
def clean_name(text: str) -> str:
    """A name as a reader writes it: one-line, no article or possessive."""
    text = _LEADING_THE.sub("", " ".join(text.split()))
    return _TRAILING_POSSESSIVE.sub("", text).strip().rstrip(":;,").strip()  # "Jon Marlow Jr:" (a name run into a colon)


def _words(text: str, dots: str) -> list[str]:
    words = clean_name(text).replace(".", dots).replace("-", " ").lower().split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return words


@_memo
def form_key(text: str) -> str:
    """How any written form of a name is looked up: case, dots, hyphens,
    article, possessive, honorific and stray whitespace do not count."""
    return " ".join(_words(text, ""))


@_memo
def name_tokens(text: str) -> tuple[str, ...]:
    """A person's name as comparable tokens: lowercase, no honorific, no initials,
    no generational suffix ("Anthony Reyes III" is "Anthony Reyes")."""
    words = _words(text, " ")
    while len(words) > 1 and words[-1].strip(",") in GENERATIONAL:
        words = words[:-1]
    kept = tuple(w for w in words if len(w) > 1)
    return kept or tuple(words)


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _org_words(text: str) -> list[str]:
    """The words of an organisation name without its company form ("Tarvo
    Holdings PLC" -> "Tarvo"), nor its own acronym repeated after it."""
    def without_form(words: list[str]) -> list[str]:
        while len(words) > 1 and words[-1].replace(".", "").rstrip(",").lower() in COMPANY_FORMS:
            words = words[:-1]
        return words

    words = without_form(clean_name(text).rstrip(",;:").split())
    if len(words) > 2 and is_acronym(words[-1]):
        rest = without_form(words[:-1])
        if words[-1].replace(".", "") == initials(rest):
            words = rest
    return words


@_memo
def spelling_key(text: str) -> str:
    """Lowercase, one-spaced, British and American spellings folded; "&" is "and"."""
    key = " ".join(text.lower().replace("’", "'").replace("&", " and ").split())
    for pattern, replacement in _SPELLING:
        key = pattern.sub(replacement, key)
    return key


@_memo
def org_key(text: str) -> str:
    return spelling_key(" ".join(_org_words(text)).replace(".", ""))


@_memo
def org_initials(text: str) -> tuple[str, bool]:
    """Initials of an organisation name, and whether it is written with an
    acronym ("U.N. Security Council" -> ("UNSC", True))."""
    words = _org_words(text)
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


def short_org_names(keys: Iterable[str], complete: Iterable[str] = ()) -> dict[str, str]:
    """One-word organisation names that stand for the one two-word name they
    start ("tarvo" for "tarvo ltd"); a longer name is another body ("united
    nations" is not "united nations security council"), and a word that is
    itself a ``complete`` name ("Tarvo Inc." gives "tarvo") stands for itself."""
    complete = set(complete)
    by_first: dict[str, set[str]] = {}
    for key in set(keys):
        words = key.split()
        if len(words) == 2 and words[0] not in complete:
            by_first.setdefault(words[0], set()).add(key)
    return {word: next(iter(full)) for word, full in by_first.items() if len(full) == 1}


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer  # loaded on first use: most builds never need it

    return NickNamer()


@_memo
def given_name_variants(name: str) -> frozenset[str]:
    """The lowercase given names one with ``name`` ("bill" -> william, billy,
    ...), as the ``nicknames`` dataset records the relation both ways."""
    nicknames = _nicknamer()
    nicks = {n for n in nicknames.nicknames_of(name) if name in nicknames.canonicals_of(n)}
    formal = {c for c in nicknames.canonicals_of(name) if name in nicknames.nicknames_of(c)}
    return frozenset(nicks | formal)


def same_given_name(a: str, b: str) -> bool:
    """"bill" and "william", "maddie" and "madeline": one lowercase given name
    and a nickname of it."""
    return a == b or b in given_name_variants(a)


@_memo
def known_given_name(word: str) -> bool:
    """A given name or nickname the ``nicknames`` dataset knows ("william", "gail")."""
    nicknames = _nicknamer()
    word = word.lower()
    return bool(nicknames.nicknames_of(word) or nicknames.canonicals_of(word))


def has_company_form(text: str) -> bool:
    """"Tarvo Ltd" names the company in full, though its key is "tarvo"."""
    return len(org_key(text).split()) < len(clean_name(text).split())


def canonical_names(names: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each person name mapped to the one full name it stands for.

    A name stands for a longer one when it is a leading part of it ("mary
    ann" of "mary ann evans") or its surname; if it could stand for two
    different full names it stands for itself, so two people who share a
    surname are never merged.
    """
    names = set(names)
    prefixes: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    surnames: dict[str, set[tuple[str, ...]]] = {}
    # "Tanya Wilson" of "Tanya Renee Wilson": the first and last names of a name with middle names.
    ends: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for name in names:
        for k in range(1, len(name)):
            prefixes.setdefault(name[:k], set()).add(name)
        if len(name) > 1:
            surnames.setdefault(name[-1], set()).add(name)
        if len(name) > 2:
            ends.setdefault((name[0], name[-1]), set()).add(name)
    full = {n for n in names if n not in prefixes and not (len(n) == 1 and n[0] in surnames)
            and not (len(n) == 2 and len(ends.get(n, ())) == 1)}
    result = {}
    for name in names:
        if name in full:
            result[name] = name
            continue
        longer = {n for n in prefixes.get(name, ()) if n in full}
        if len(name) == 1:
            longer |= {n for n in surnames.get(name[0], ()) if n in full}
        if len(name) == 2:
            longer |= {n for n in ends.get(name, ()) if n in full}
        result[name] = longer.pop() if len(longer) == 1 else name
    return result
