"""Background events: what happened before the article's news day.

A sentence tells a background event when a time expression in it hangs on a
past-tense verb (or follows "since") and resolves to a date before the news
day, or names an era ("during her presidency"). Dates come from
``timex.resolve``: tense-aware, and "two days earlier" counts from the date
told before it. Sentences with no date count only when a cue
says the event is clearly earlier: an adverb ("had previously denied",
"recently") or a main clause in the pluperfect ("the council had approved
the plan"); their date is null and date_text the cue ("" for the tense).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TYPE_CHECKING

from briefgen.extract import doc_text, entities_within, register, timex
from briefgen.model import ArticleFacts, TimedEvent
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE"})
# "Earlier" is not among them: in news it mostly means earlier in the news day
# ("Earlier, vigils had been held"; "police earlier said").
EARLIER_ADVERBS = frozenset({"previously", "formerly"})
# Without a publication day, a relative expression is background only when its words
# reach back ("two years ago", "last month", "this year"); "the day", "this weekend",
# "the seventh straight day" are the news cycle itself.
_PAST_WORDING = re.compile(r"\b(?:ago|last|previous(?:ly)?|earlier|recent(?:ly)?|past|since|former|"
                           r"this\s+(?:year|month|decade|century))\b", re.IGNORECASE)
_NEWS_CYCLE = re.compile(r"\b(?:days|hours)\b", re.IGNORECASE)  # "in recent days": the news itself
# "had been evacuated before the bomb went off": told against the news. Not "after":
# "had filed for bankruptcy after the market collapsed" is all before it.
SEQUENCE_MARKS = frozenset({"before", "until"})
# A longer sentence is cut down to the clause of the dated verb.
MAX_SENTENCE_TOKENS = 60
# Lead sentences whose day-dated verbs fix the news day (an article is often
# dated the day after the events it reports).
LEAD_SENTENCES = 2
NEWS_DAY_LAG = 2
# An article without a publication date: its relative dates are read against
# this day only to tell the news cycle (the last week or so) from the past.
NOMINAL_DAY = dt.date(2001, 6, 15)
NEWS_CYCLE_DAYS = 10


@register("events", "events.v5")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    published = article.source.published
    found = [t for t in timex.resolved(doc, published) if t.start >= article.headline_end]
    starts = [f[0] for f in found]
    segments = list(_segments(article, doc))
    news_days = _news_days(segments, found, starts, published)
    recent = _news_cycle(doc, found) if published is None else set()
    for n, segment in enumerate(segments):
        lo = bisect.bisect_left(starts, segment.start_char)
        hi = bisect.bisect_left(starts, segment.end_char)
        event = _event(doc, segment, [t for t in found[lo:hi] if t.start not in recent], published, news_days)
        if event and n < LEAD_SENTENCES and event[0].dep_ in ("relcl", "acl") \
                and segment.start <= event[0].head.i < segment.end:
            # "A man who was fired last week walked into his office ...": a lead's main clause
            # tells the news; the earlier date belongs to a clause describing one of its nouns.
            continue
        if event:
            facts.events.append(_timed_event(article, doc, segment, *event))


def _segments(article: Article, doc: Doc):
    """Body sentences, also cut at line breaks: the tagger sometimes runs a
    headline or a caption into the next paragraph."""
    text = doc_text(doc)
    for sent in doc.sents:
        start = max(sent.start_char, article.headline_end)
        for m in re.finditer(r"[^\n]+", text[start:sent.end_char]):
            piece = doc.char_span(start + m.start(), start + m.end(), alignment_mode="contract")
            if piece is not None and any(not t.is_space and not t.is_punct for t in piece):
                yield piece


def _news_cycle(doc: Doc, found: list) -> set[int]:
    """Without a publication date, the relative expressions that name the news
    cycle ("Friday night", "this morning", "two days ago"), by their start: read
    against a nominal publication day, they fall within NEWS_CYCLE_DAYS of it.
    What falls further back ("last month", "two years ago") stays background."""
    nominal = {t.start: t for t in timex.resolved(doc, NOMINAL_DAY)}
    recent = set()
    for t in found:
        if t.value is not None or t.granularity != timex.NO_PUBLISHED or timex.CALENDAR.search(t.text):
            continue  # "June 10" without a year is no nearer the nominal day than any other
        read = nominal.get(t.start)
        day = _first_day(read.value) if read and read.value else None
        if day is not None and day >= NOMINAL_DAY - dt.timedelta(NEWS_CYCLE_DAYS):
            recent.add(t.start)
    return recent


def _first_day(value: str) -> dt.date | None:
    """The first day of a day or ISO-week value ("2001-06-09", "2001-W23"); None for coarser ones."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    if (week := re.fullmatch(r"(\d{4})-W(\d{2})", value)):
        return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
    return None


def _news_days(segments: list[Span], found: list, starts: list[int],
               published: dt.date | None) -> set[str]:
    if published is None:
        return set()
    latest = published.isoformat()
    earliest = (published - dt.timedelta(days=NEWS_DAY_LAG)).isoformat()
    days = {latest}
    for segment in segments[:LEAD_SENTENCES]:
        lo = bisect.bisect_left(starts, segment.start_char)
        hi = bisect.bisect_left(starts, segment.end_char)
        days.update(value for _, _, _, value, granularity in found[lo:hi]
                    if granularity == "day" and earliest <= value <= latest)
    return days


def _event(doc: Doc, segment: Span, found: list, published: dt.date | None,
           news_days: set[str]) -> tuple[Token, str | None, str] | None:
    """(verb, date, date_text) of the background event told in ``segment``."""
    undated = None
    for start, end, text, value, granularity in found:
        verb = timex.governor(doc.char_span(start, end, alignment_mode="expand"))
        # "has led the market since 2003": whatever the tense, it began then.
        since = doc_text(doc)[max(0, start - 16):start].rstrip().lower().endswith(" since")
        if verb is None or not (since or timex.is_past(verb)):
            continue
        date = timex.brief_date(value)
        if date is not None:
            if published is not None and (date > published.isoformat()[:len(date)] or date in news_days):
                continue
            return verb, date, text
        if undated is None and (granularity == timex.ERA or (value == "PAST_REF" and not _NEWS_CYCLE.search(text)) or (
                granularity == timex.NO_PUBLISHED and (_PAST_WORDING.search(text) or timex.CALENDAR.search(text)))):
            undated = verb, None, text
    if undated:
        return undated
    covered = [(f[0], f[1]) for f in found]
    for token in segment:
        if token.lower_ in EARLIER_ADVERBS and token.dep_ == "advmod" \
                and not any(s <= token.idx < e for s, e in covered) and timex.is_past(token.head):
            return token.head, None, token.text
    return next(((verb, None, "") for verb in segment if _pluperfect_main_clause(verb, segment)), None)


def _pluperfect_main_clause(verb: Token, segment: Span) -> bool:
    """"The council had approved the plan": the narrator tells something
    earlier. Inside reported speech ("she said they had met") it is the
    speaker's account, left to the claims. The main clause is the one whose
    verb hangs on nothing in its segment (the tagger may hang it on a
    headline above)."""
    main = verb.dep_ == "ROOT" or not segment.start <= verb.head.i < segment.end
    # "Earlier, crowds had gathered": earlier in the news day, not before it. "The bank
    # had been evacuated before the bomb went off": earlier than the clause it is told
    # against, the news itself.
    return main and verb.tag_ == "VBN" \
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) \
        and not any(c.lower_ == "earlier" for c in verb.children) \
        and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for m in c.children)
                    for c in verb.children)


def _timed_event(article: Article, doc: Doc, segment: Span, verb: Token,
                 date: str | None, date_text: str) -> TimedEvent:
    told = segment
    if len(segment) > MAX_SENTENCE_TOKENS:
        clause = doc[verb.left_edge.i:verb.right_edge.i + 1]
        if clause.start >= segment.start and clause.end <= segment.end:
            told = clause
    actors: list[str] = []
    for ent in entities_within(doc, told.start_char, told.end_char):
        name = re.sub(r"^[Tt]he\s+|['’]s$", "", ent.text.strip())
        if ent.label_ in ACTOR_LABELS and name not in actors:
            actors.append(name)
    return TimedEvent(text=article.span(told.start_char, told.end_char), date=date,
                      date_text=date_text, actors=actors)
