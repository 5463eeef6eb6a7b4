"""The Bottom line: what happened first, then the state of play.

At most four sentences and 120 words, each cited:

1. the event, as the lead sentence most central to the story's leads tells
   it (the articles' own words);
2. when, where and the key figures, composed from extracted fields with
   fixed connectives ("It happened on ... in ...; the sources report ..."),
   the spread shown where sources differ;
3. what the reports dated two days or more after the event add (the later
   lead saying most not yet said, labelled with its report's day), else the
   lead sentence that adds most of the story's shared words not yet said;
4. the leading claim of at most 45 words (current news before background,
   independent origins first: ``fuse.leading_claims``) that the sentences
   above do not already tell, if words remain; else one more lead as in 3.

When the articles tell several events, each further story gets its event
sentence and its when/where line after the main story's first two.
"""

from __future__ import annotations

import datetime as dt

from briefgen.fuse.event import centrality, day_text
from briefgen.fuse.facts import Told, source_number, story_word_counts
from briefgen.fuse.words import containment, content_words
from briefgen.model import BottomLine, Claim, Evidence, Fact, Story

MAX_WORDS = 120
MAX_SENTENCES = 4
MAX_EVENT_WORDS = 60  # a longer lead is a run-on; the next most central one is taken
MAX_CLAIM_WORDS = 45  # a longer quotation is for the claims section, not the Bottom line
REPEATS = 0.6  # a sentence sharing this much of its words with one already chosen adds nothing
KEY_FIGURES = 3


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"”’'":
        text += "."
    return text


def _words(text: str) -> int:
    return len(text.split())


def when_where(story: Story, event_text: str) -> BottomLine | None:
    parts = []
    if story.date:
        parts.append(f"on {day_text(story.date)}")
    elif story.date_text and story.date_text.lower() not in event_text.lower():
        parts.append(f"on {story.date_text}")
    # Places the event sentence names already are not said twice.
    places = [p for p in story.places[:2] if p not in event_text]
    if places:
        parts.append("in " + ", ".join(places))
    # The person the leads name most, when the event sentence does not name them.
    person = next((w["name"] for w in story.who if w.get("type") == "person"), None)
    figures = [f.text for f in story.figures[:KEY_FIGURES]]
    clauses = []
    if parts:
        clauses.append("it happened " + " ".join(parts))
    if person and person.split()[-1] not in event_text:
        clauses.append(f"the leads name {person}")
    if figures:
        clauses.append("the sources report " + ", ".join(figures[:-1]) + (" and " if len(figures) > 1 else "")
                       + figures[-1])
    if not clauses:
        return None
    text = "; ".join(clauses)
    sources = list(dict.fromkeys(story.date_sources + [s for f in story.figures[:KEY_FIGURES] for s in f.sources]))
    if not sources:
        sources = story.sources[:1]
    return BottomLine(text=_clean(text), sources=sorted(sources, key=source_number), evidence=list(story.evidence),
                      kind="when_where")


def _line(t: Told, fact: Fact | None, kind: str, prefix: str = "") -> BottomLine:
    sources = fact.sources if fact else [t.source_id]
    evidence = fact.evidence if fact else [Evidence(t.source_id, t.fact.text.start, t.fact.text.end, t.fact.text.text)]
    return BottomLine(text=prefix + _clean(t.fact.text.text), sources=list(sources), evidence=list(evidence), kind=kind)


def _repeats(words: set[str] | frozenset[str], chosen: list[Told]) -> bool:
    return any(containment(set(words), set(c.words)) >= REPEATS for c in chosen)


def _event_leads(told: list[Told], story: Story) -> list[Told]:
    mine = [t for t in told if t.story == story.id and t.fact.kind == "lead" and t.fact.finite
            and _words(t.fact.text.text) <= MAX_EVENT_WORDS]
    counts = story_word_counts([t for t in told if t.story == story.id], story.id)
    n = max(len(story.sources), 1)
    return sorted(mine, key=lambda t: (-centrality(t, counts, n), t.order, t.fact.position))


def _most_new(candidates: list[Told], covered: set[str], counts, sources: int) -> Told | None:
    """The lead sentence that adds most of the story's shared words not yet said
    (for its length and place in the article), never a repeat."""
    said = frozenset(covered)
    gain, best = max(((centrality(t, counts, sources, said), -n) for n, t in enumerate(candidates)),
                     default=(0.0, 0))
    return candidates[-best] if gain > 0 else None


def _development(told: list[Told], story: Story, published: dict[str, dt.date | None],
                 chosen: list[Told], covered: set[str]) -> tuple[Told, str] | None:
    """What the reports dated two days or more after the event add: the later
    lead that says most not yet said, with its report's day."""
    days = [published[s] for s in story.sources if published.get(s)]
    if not days:
        return None
    event_day = dt.date.fromisoformat(story.date) if story.date else min(days)
    newest = max(days)
    late = [t for t in _event_leads(told, story) if published.get(t.source_id)
            and (published[t.source_id] - event_day).days >= 2 and not _repeats(t.words, chosen)]
    counts = story_word_counts([t for t in told if t.story == story.id], story.id)
    best = _most_new(late, covered, counts, max(len(story.sources), 1))
    if best is None:
        return None
    day = published[best.source_id]
    label = "Latest report" if day == newest else "Later report"
    return best, f"{label} ({day_text(day.isoformat())}): "


def build_bottom_line(stories: list[Story], told: list[Told], fact_of_told: dict[int, Fact],
                      claims: list[Claim], published: dict[str, dt.date | None]) -> list[BottomLine]:
    lines: list[BottomLine] = []
    chosen: list[Told] = []
    covered: set[str] = set()

    def fits(line: BottomLine) -> bool:
        return len(lines) < MAX_SENTENCES and sum(_words(x.text) for x in lines) + _words(line.text) <= MAX_WORDS

    def add(line: BottomLine | None, t: Told | None = None) -> bool:
        if line is not None and fits(line):
            lines.append(line)
            covered.update(content_words(line.text))
            if t is not None:
                chosen.append(t)
            return True
        return False

    for story in stories:
        leads = _event_leads(told, story)
        event_text = ""
        if leads and add(_line(leads[0], fact_of_told.get(id(leads[0])), "event"), leads[0]):
            event_text = leads[0].fact.text.text
        add(when_where(story, event_text))
    main = stories[0]
    counts = story_word_counts([t for t in told if t.story == main.id], main.id)
    n = max(len(main.sources), 1)

    def more() -> bool:
        rest = [t for t in _event_leads(told, main) if t not in chosen and not _repeats(t.words, chosen)]
        best = _most_new(rest, covered, counts, n)
        return best is not None and add(_line(best, fact_of_told.get(id(best)), "event"), best)

    development = _development(told, main, published, chosen, covered)
    if development:
        t, prefix = development
        add(_line(t, fact_of_told.get(id(t)), "development", prefix), t)
    elif len(stories) == 1:
        more()
    # The state of play: the leading claim of the main story that the
    # sentences above do not already tell.
    for claim in claims:
        if (claim.story != main.id or _repeats(content_words(claim.text), chosen)
                or _words(claim.sentence) > MAX_CLAIM_WORDS):
            continue
        add(BottomLine(text=_clean(claim.sentence), sources=list(claim.sources),
                       evidence=list(claim.evidence), kind="claim"))
        break
    if len(stories) == 1:
        while len(lines) < MAX_SENTENCES and more():
            pass
    return lines
