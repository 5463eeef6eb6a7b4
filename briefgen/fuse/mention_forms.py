"""The written form each actor mention is merged and named by.

The tagger's spans carry what is no part of a name: a headline's Title Case
runs verbs into names ("Marsh Reverses Kell"), a rank cut off by its period
ends a body's name ("Lakeside Police Department Capt. Ana Ruiz"), and a
job word opens a person's ("Trooper Peter Vask"). Such mentions are named
by their name alone here, or hidden (found by a speaker, never named by).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from briefgen.extract.names import COMPANY_FORMS, GENERATIONAL, clean_name, known_given_name
from briefgen.fuse.words import STOP
from briefgen.model import ArticleFacts, Mention
from briefgen.sources.article import Article

MAX_TITLE_WORDS = 12
WINDOW = 200  # characters looked at around a mention
MIN_NAME_WORDS = 2  # words a person's name keeps once its leading job word is gone
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_PERIOD_THEN_NAME = re.compile(r"\.[ \t]+[A-Z]")  # ends on the name's first letter
_SHORT_WORD = re.compile(r"[A-Z][a-z]{1,3}")
_INITIALISM = re.compile(r"[A-Z]{3,4}")  # "ADA": an office written in capitals
_OFFICE = re.compile(r"[A-Z]{2,4}")  # "GM", "CEO" before a given name
_INITIAL = re.compile(r"[A-Z]\.?")  # "J." of "Bill J. Smith": no name word of its own
_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"[ \t]")  # "Lt", "Capt", "Sgt": what a rank is shortened to


def headline_end(article: Article) -> int:
    return article.body_start


def lower_words(articles: Iterable[Article]) -> set[str]:
    """The words the articles write in lower case: "police" there makes "Police" a word, not a name."""
    return {w for a in articles for w in _LOWER_WORD.findall(a.text)}


def title_line(raw: str, start: int) -> bool:
    """A line in Title Case without a sentence's end: a crosshead or a caption title."""
    begin = raw.rfind("\n", max(0, start - WINDOW), start) + 1
    if begin == 0 and start > WINDOW:
        return False  # no line break near: running text, not a title line
    end = raw.find("\n", start, start + WINDOW)
    line = raw[begin:end if end >= 0 else len(raw)].strip()
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS or line[-1] in ".!?\"”'’:":
        return False
    return sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3


def word_uses(text: str, form: str, start: int = 0):
    """Start offsets of ``form`` as whole words in ``text``: a plain literal
    search (fast, unlike a regex that opens with a look-behind), with the word
    boundaries checked here."""
    at = text.find(form, start)
    while at >= 0:
        end = at + len(form)
        if (at == 0 or not _WORD_CHAR(text[at - 1])) and (end == len(text) or not _WORD_CHAR(text[end])):
            yield at
        at = text.find(form, at + 1)


def _WORD_CHAR(c: str) -> bool:  # noqa: N802 - read as a character class
    return c.isalnum() or c == "_"


class MentionForms:
    """Reads every mention once against all the articles' running text."""

    def __init__(self, facts: list[ArticleFacts], articles: dict[str, Article],
                 lowercase: set[str] | None = None) -> None:
        self.articles = articles
        self.bodies = [a.raw_body for a in articles.values()]
        self.lowercase = lowercase if lowercase is not None else lower_words(articles.values())
        self.people_at = {f.source_id: {m.start for m in f.mentions if m.label == "person"} for f in facts}
        # Surnames of people some article names in full, given name first ("Gail Brook").
        self.surnames = {words[-1] for f in facts for m in f.mentions if m.label == "person"
                         and len(words := m.text.split()) > 1 and known_given_name(words[0])}
        self._in_body: dict[str, bool] = {}
        self._abbreviation: dict[str, bool] = {}
        self._before_surname: dict[tuple[str, str], bool] = {}

    def name(self, source_id: str, mention: Mention) -> Mention | None:
        """``mention`` with only its name as text and span, or None when it names nothing."""
        article = self.articles.get(source_id)
        if article is None or not mention.text.strip():
            return mention
        raw = article.raw
        if (mention.start < headline_end(article) or title_line(raw, mention.start)) \
                and not self._used_in_body(clean_name(mention.text)):
            return None
        if raw[mention.start:mention.end] != mention.text:
            return mention  # offsets and text disagree: nothing to cut safely
        words = [(m.start(), m.end()) for m in _WORD.finditer(mention.text)]  # (start, end) in the text
        text = mention.text

        def word(i: int) -> str:
            return text[words[i][0]:words[i][1]]

        people = self.people_at.get(source_id, ())
        after = _PERIOD_THEN_NAME.match(raw, mention.end)
        if after and after.end() - 1 in people and self._is_abbreviation(word(-1)):
            if len(words) == 1:
                return None  # "Cpl." alone: a rank, the name follows it
            words.pop()  # "Capt" of "Lakeside Police Capt. Ana Ruiz"
        elif raw[mention.end:mention.end + 1] == " " and mention.end + 1 in people \
                and len(words) > 1 and word(-1).lower() in self.lowercase:
            # "Fire Department Chief Ana Ruiz": the body, then the person's title
            # (one word: "Fire" and "Department" are common words too).
            words.pop()
        while len(words) > 1 and word(-1) in STOP:
            words.pop()  # "Velmar State Police and": the tagger ran on into the sentence
        if mention.label == "person" and len(words) == 2 and _INITIALISM.fullmatch(word(0)) \
                and word(1) in self.surnames:
            # "ADA Brook" beside "Gail Brook": an office's initials before the surname
            # (three letters at least: "JJ", "CC" may be a given name's).
            words.pop(0)
        if mention.label == "person":
            while sum(not _INITIAL.fullmatch(word(i)) for i in range(len(words))) > MIN_NAME_WORDS \
                    and self._job_word([word(i) for i in range(len(words))]):
                words.pop(0)
        begin, end = words[0][0], words[-1][1]
        if (begin, end) == (0, len(text)):
            return mention
        return replace(mention, text=text[begin:end], start=mention.start + begin, end=mention.start + end)

    def _job_word(self, words: list[str]) -> bool:
        """The first word of a person's name is a job or a rank, no part of the
        name: no given name, and the articles write it in lower case
        ("detective"), or a given name follows it and the articles also put it
        before the bare surname ("Trooper Peter Vask" beside "Trooper Vask";
        "Olwen Joseph Tarrant" is never "Olwen Tarrant")."""
        first = words[0]
        if _OFFICE.fullmatch(first) and known_given_name(words[1]):
            return True  # "GM Omar Lind": an office in capitals, then the given name
        if not first[:1].isupper() or known_given_name(first):
            return False  # "Bill J. Smith", "Mark Anthony Jones": a given name, though "bill" is a word
        if first.lower() in self.lowercase:
            return True
        if not (first.isalpha() and first[1:].islower()) or not any(known_given_name(w) for w in words[1:-1]):
            return False  # "LaTonya", "DeShawn": the inner capital of a name, not a word
        key = (first, words[-1])
        if key not in self._before_surname:
            self._before_surname[key] = any(
                _SPACES.fullmatch(body[at + len(first):at + len(first) + 1]) and
                body.startswith(words[-1], at + len(first) + 1)
                for body in self.bodies for at in word_uses(body, first))
        return self._before_surname[key]

    def _used_in_body(self, form: str) -> bool:
        """Whether some running text (no headline, no Title Case line) writes ``form``."""
        if form not in self._in_body:
            self._in_body[form] = any(
                not title_line(a.raw, at)
                for a in self.articles.values() for at in word_uses(a.raw, form, headline_end(a)))
        return self._in_body[form]

    def _is_abbreviation(self, word: str) -> bool:
        """A short capitalised word the articles only ever write before a
        period ("Capt."): a shortened rank, where a surname ("Bell") is also
        written before "said"."""
        if not _SHORT_WORD.fullmatch(word) or word.lower() in GENERATIONAL | COMPANY_FORMS:
            return False
        if word not in self._abbreviation:
            self._abbreviation[word] = all(body[at + len(word):at + len(word) + 1] == "."
                                           for body in self.bodies for at in word_uses(body, word))
        return self._abbreviation[word]
