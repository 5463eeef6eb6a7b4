"""Each story's event: what happened, where, when, who, as the leads tell it.

* what: the lead sentence most central to the story's leads (its words are
  the ones most of the story's sources use in their own leads);
* when: the day the leads' time expressions resolve to, against each
  source's publication date, by the number of sources agreeing;
* where: the places the leads name, by the number of sources naming them;
* who: the actors the leads name, with the roles read around them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter, defaultdict

from briefgen.extract.countries import country_of
from briefgen.extract.facts import WEEKDAY
from briefgen.fuse.facts import Told, source_number, story_word_counts
from briefgen.model import Actor, Evidence, FigureSummary, Story

MAX_PLACES = 3
MAX_WHO = 4
# A lead sentence this long reads as two; the centrality score divides by
# the square root of the length so a long sentence is not chosen for its bulk.
LENGTH_POWER = 0.5


# Each later lead sentence weighs this much less: the inverted pyramid puts
# the event in the first sentence.
POSITION_DECAY = 0.8


def centrality(t: Told, counts: Counter[str], sources: int, said: frozenset[str] = frozenset()) -> float:
    """Share of the story's sources behind each word (not already ``said``),
    summed, for the sentence's length and its place in the article."""
    if not t.words:
        return 0.0
    mass = sum(counts.get(w, 0) / sources for w in t.words - said if counts.get(w, 0) > 1)
    return mass / (len(t.words) ** LENGTH_POWER) * POSITION_DECAY ** max(t.fact.position, 0)


def day_text(iso: str) -> str:
    """"2005-11-27" -> "Sunday 27 November 2005": the weekday the leads use and the full date."""
    day = dt.date.fromisoformat(iso)
    return f"{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


def _when(told: list[Told]) -> tuple[str | None, str, list[str], list[Evidence]]:
    votes: dict[str, set[str]] = defaultdict(set)
    wording: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for t in told:
        if t.fact.kind in ("headline", "lead") and t.fact.date_text:
            # Without a publication date the day is the leads' own words ("Friday night").
            weekday = WEEKDAY.search(t.fact.date_text)
            day = t.fact.date or (f"~{weekday.group().lower()}" if weekday else None)
            if day is None:
                continue
            if t.source_id not in votes[day]:
                evidence[day].append(Evidence(t.source_id, t.fact.text.start, t.fact.text.end, t.fact.text.text))
            votes[day].add(t.source_id)
            wording[day][t.fact.date_text] += 1
    if not votes:
        return None, "", [], []
    # A resolved day first, then most sources, then the earliest day:
    # follow-ups date later events.
    date = min(votes, key=lambda d: (d.startswith("~"), -len(votes[d]), d))
    # The wording that names the day ("Thursday night") over "today".
    text = max(wording[date], key=lambda w: (any(c.isupper() or c.isdigit() for c in w), wording[date][w]))
    return (None if date.startswith("~") else date), text, sorted(votes[date], key=source_number), evidence[date]


def _where(told: list[Told], sources: int) -> list[str]:
    """Places the leads name, most sources first; with three or more sources a
    place one source alone names is left out (a passing mention). A country
    is written by its common name and comes after the places inside it."""
    named: dict[str, set[str]] = defaultdict(set)
    form: dict[str, Counter[str]] = defaultdict(Counter)
    for t in told:
        if t.fact.kind in ("headline", "lead"):
            for place in t.fact.places:
                country = country_of(place, capitals=False, demonyms=False)
                key = (country or place).lower()
                named[key].add(t.source_id)
                form[key][country or place] += 1
    least = 2 if sources >= 3 else 1
    ranked = sorted((k for k in named if len(named[k]) >= least), key=lambda k: (-len(named[k]), k))
    places: list[str] = []
    for key in ranked:
        name = form[key].most_common(1)[0][0]
        if any(key in p.lower() or p.lower() in key for p in places):
            continue
        places.append(name)
        if len(places) == MAX_PLACES:
            break
    return sorted(places, key=lambda p: country_of(p, capitals=False, demonyms=False) is not None)


def _who(told: list[Told], actors: list[Actor], story_sources: set[str]) -> list[dict]:
    """People and bodies the leads name, by the number of sources naming them,
    each under the form the lead sentences use (a headline fragment never)."""
    lead_text: dict[str, str] = defaultdict(str)
    places: set[str] = set()
    for t in told:
        if t.fact.kind == "lead":
            lead_text[t.source_id] += " " + t.fact.text.text
        places.update(p.lower() for p in t.fact.places)
    least = 2 if len(story_sources) >= 3 else 1
    who = []
    for actor in actors:
        if actor.type not in ("person", "organisation", "group") or not set(actor.sources) & story_sources:
            continue
        forms = [n for n in dict.fromkeys([actor.name, *actor.aliases]) if n]
        if any(n.lower() in places for n in forms):
            continue  # a place the parser took for an actor is the story's where, not its who
        used = Counter({n: sum(text.count(n) for text in lead_text.values()) for n in forms})
        in_leads = sum(1 for text in lead_text.values() if any(n in text for n in forms))
        if in_leads >= least:
            name = max(forms, key=lambda n: (used[n] > 0, len(n.split()) if used[n] else 0, used[n]))
            who.append((in_leads, actor, name))
    # People first: the suspect, victim or official a reader looks for.
    who.sort(key=lambda x: (x[1].type != "person", -x[0], -x[1].salience))
    return [{"actor_id": a.id, "name": name, "type": a.type, "part": a.roles[0] if a.roles else a.type}
            for _, a, name in who[:MAX_WHO]]


def build_story(story_id: str, sources: list[str], told: list[Told], titles: dict[str, str],
                actors: list[Actor], figures: list[FigureSummary]) -> Story:
    """The story, its event told by the lead sentence most central to its leads."""
    mine = [t for t in told if t.story == story_id]
    counts = story_word_counts(mine, story_id)
    n = max(len(sources), 1)
    leads = [t for t in mine if t.fact.kind == "lead"]
    best = max(leads, key=lambda t: (centrality(t, counts, n), -t.order), default=None)
    head = [t for t in mine if t.fact.kind == "headline"]
    top_head = max(head, key=lambda t: centrality(t, counts, n), default=None)
    title = top_head.fact.text.text.strip() if top_head else (titles.get(sources[0], "") if sources else "")
    date, date_text, date_sources, date_evidence = _when(mine)
    story = Story(
        id=story_id, title=title, sources=sources, date=date, date_text=date_text, date_sources=date_sources,
        places=_where(mine, len(sources)), what=best.fact.text.text.strip() if best else "",
        what_sources=[best.source_id] if best else [], who=_who(mine, actors, set(sources)),
        figures=figures, evidence=date_evidence,
    )
    return story

