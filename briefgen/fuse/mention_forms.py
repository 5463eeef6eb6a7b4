"""The written form each actor mention is merged and named by.

The tagger's spans carry what is no part of a name: a headline's Title Case
runs verbs into names ("Obama Reverses Bush"), a rank cut off by its period
ends a body's name ("Woodburn Police Department Capt. Tom Tennant"), and a
job word opens a person's ("Trooper William Hakim"). Such mentions are named
by their name alone here, or hidden (found by a speaker, never named by).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from briefgen.extract.names import COMPANY_FORMS, GENERATIONAL, clean_name, known_given_name
from briefgen.model import ArticleFacts, Mention
from briefgen.sources.article import Article

MAX_TITLE_WORDS = 12
WINDOW = 200  # characters looked at around a mention
MIN_NAME_WORDS = 2  # words a person's name keeps once its leading job word is gone
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_PERIOD_THEN_NAME = re.compile(r"\.[ \t]+[A-Z]")
_SHORT_WORD = re.compile(r"[A-Z][a-z]{1,3}")
_INITIALISM = re.compile(r"[A-Z]{2,4}")  # "ADA", "DA", "VP": an office written in capitals  # "Lt", "Capt", "Sgt": what a rank is shortened to


def headline_end(article: Article) -> int:
    return article.span(0, article.headline_end).end if article.headline_end else 0


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


def _job_word(words: list[str], lowercase: set[str], bodies: list[str]) -> bool:
    """The first word of a person's name is a job or a rank, no part of the
    name: the articles write it in lower case ("detective"), or it is no given
    name, a given name follows it, and the articles also put it before the
    surname alone ("Trooper William Hakim" beside "Trooper Hakim"; "Arcade
    Joseph Comeaux" is never "Arcade Comeaux")."""
    if words[0].lower() in lowercase:
        return True
    if not (words[0].isalpha() and words[0][1:].islower()) or known_given_name(words[0]) \
            or not any(known_given_name(w) for w in words[1:-1]):
        return False  # "LaTonya", "DeShawn": the inner capital of a name, not a word
    before_surname = re.compile(r"(?<!\w)" + re.escape(words[0]) + r"\s+" + re.escape(words[-1]) + r"(?!\w)")
    return any(before_surname.search(body) for body in bodies)


class MentionForms:
    """Reads every mention once against all the articles' running text."""

    def __init__(self, facts: list[ArticleFacts], articles: dict[str, Article],
                 lowercase: set[str] | None = None) -> None:
        self.articles = articles
        self.bodies = [a.raw[headline_end(a):] for a in articles.values()]
        self.lowercase = lowercase if lowercase is not None else lower_words(articles.values())
        self.people_at = {f.source_id: {m.start for m in f.mentions if m.label == "person"} for f in facts}
        # Surnames of people some article names in full, given name first ("Gail Fairman").
        self.surnames = {words[-1] for f in facts for m in f.mentions if m.label == "person"
                         and len(words := m.text.split()) > 1 and known_given_name(words[0])}
        self._in_body: dict[str, bool] = {}
        self._abbreviation: dict[str, bool] = {}

    def name(self, source_id: str, mention: Mention) -> Mention | None:
        """``mention`` with only its name as text and span, or None when it names nothing."""
        article = self.articles.get(source_id)
        if article is None:
            return mention
        raw = article.raw
        if (mention.start < headline_end(article) or title_line(raw, mention.start)) \
                and not self._used_in_body(clean_name(mention.text)):
            return None
        if raw[mention.start:mention.end] != mention.text:
            return mention  # offsets and text disagree: nothing to cut safely
        text, start = mention.text, mention.start
        words = text.split()
        if _PERIOD_THEN_NAME.match(raw, mention.end) and self._is_abbreviation(words[-1]):
            if len(words) == 1:
                return None  # "Cpl." alone: a rank, the name follows it
            text = text[:text.rfind(words[-1])].rstrip()
            words = text.split()
        if raw[mention.end:mention.end + 1] == " " \
                and mention.end + 1 in self.people_at.get(source_id, ()):
            # "Fire Department Chief James Steele": the body, then the person's title
            # (one word: "Fire" and "Department" are common words too).
            if len(words) > 1 and words[-1].lower() in self.lowercase:
                words.pop()
                text = text[:text.rfind(" ")].rstrip()
        while len(words) > 1 and words[-1] in STOP_WORDS:
            words.pop()  # "Oregon State Police and": the tagger ran on into the sentence
            text = text[:text.rfind(" ")].rstrip()
        if mention.label == "person" and len(words := text.split()) == 2 and _INITIALISM.fullmatch(words[0]) \
                and words[1] in self.surnames:
            # "ADA Fairman" beside "Gail Fairman": an office's initials before the surname
            # (a given name is not written in capitals: "ADA" is no "Ada").
            start += text.index(words[1])
            text = words[1]
        if mention.label == "person":
            while len(words := text.split()) > MIN_NAME_WORDS and words[0][:1].isupper() \
                    and _job_word(words, self.lowercase, self.bodies):
                cut = text.index(words[0]) + len(words[0])
                start += cut + len(text[cut:]) - len(text[cut:].lstrip())
                text = text[cut:].lstrip()
        if text == mention.text:
            return mention
        return replace(mention, text=text, start=start, end=start + len(text))

    def _used_in_body(self, form: str) -> bool:
        """Whether some running text (no headline, no Title Case line) writes ``form``."""
        if form not in self._in_body:
            pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
            self._in_body[form] = any(
                not title_line(a.raw, m.start())
                for a in self.articles.values() for m in pattern.finditer(a.raw, headline_end(a)))
        return self._in_body[form]

    def _is_abbreviation(self, word: str) -> bool:
        """A short capitalised word the articles only ever write before a
        period ("Capt."): a shortened rank, where a surname ("Bell") is also
        written before "said"."""
        if not _SHORT_WORD.fullmatch(word) or word.lower() in GENERATIONAL | COMPANY_FORMS:
            return False
        if word not in self._abbreviation:
            uses = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)(.?)")
            self._abbreviation[word] = all(m[1] == "." for body in self.bodies for m in uses.finditer(body))
        return self._abbreviation[word]
