"""Figures the outlets give differently for the same moment: a disagreement.

A story's key counts (dead, injured, arrested, damaged, money ...) count
wherever an article gives them; other counts only when some headline or lead
gives them (later paragraphs carry other events' figures: an earlier quake's
villages). An article that also gives an earlier event's toll gives two
values of the toll, and so backs neither (below). A count that rises from earlier to
later reports is the toll's course, not a conflict; values that rounding
reconciles ("about 50" and "48") are one; a source giving two values of one
figure has not chosen between them and is not set against others with it.
"""

from __future__ import annotations

from collections import defaultdict

from briefgen.fuse.figures import KEY_ORDER, UNIT_KINDS, amount
from briefgen.fuse.text import cite
from briefgen.model import Figure, Question

ROUNDING = 0.1  # an approximate value this close (share of the larger) to another is the same count
MAX_VALUES = 4
MAX_OTHER_COUNTS = 2  # questions about counts outside the key figures
ASK = {"dead": "What is the death toll", "injured": "How many were injured", "missing": "How many are missing",
       "arrested": "How many were arrested", "evacuated": "How many were evacuated",
       "rescued": "How many were rescued", "magnitude": "What was the magnitude"}


def _ask(what: str, unit: str | None, of: str | None) -> str:
    if what in ASK:
        return ASK[what]
    if what == "damaged":
        return f"How many {unit or 'buildings'} were damaged"
    if what == "money":
        return f"How much was the {of}" if of else "How much money was involved"
    return f"How many {what}"


def _told(figure: Figure) -> str:
    """The value as the first source wrote it ("two", "$1 million"), else in figures."""
    written = figure.text.strip()
    number = written if written and len(written.split()) <= 3 else amount(figure.what, figure.unit, figure.value)
    if figure.value == 0:
        number = "none"
    if figure.approx and not number.lower().startswith(figure.approx.lower()):
        number = f"{figure.approx} {number}"
    return number


def _same_count(a: Figure, b: Figure) -> bool:
    if not (a.approx or b.approx):
        return False
    high = max(a.value, b.value)
    return high > 0 and abs(a.value - b.value) <= ROUNDING * high


def figure_disagreements(figures: list[Figure]) -> list[Question]:
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.lead or figure.what in KEY_ORDER:
            # A count of people is one count whatever noun follows it ("200 people", "400 protesters").
            unit = figure.unit if figure.what in UNIT_KINDS else None
            groups[(figure.story, figure.what, unit, figure.of)].append(figure)
    questions = []
    # Tolls and the story's key figures first; other counts ("how many people") after, and few.
    order = sorted(groups, key=lambda k: (KEY_ORDER.index(k[1]) if k[1] in KEY_ORDER else len(KEY_ORDER),
                                          -len({s for f in groups[k] for s in f.sources})))
    others = 0
    for (story, what, unit, of) in order:
        members = groups[(story, what, unit, of)]
        if what not in KEY_ORDER and others == MAX_OTHER_COUNTS:
            continue
        by_day: dict[str | None, list[Figure]] = defaultdict(list)
        for figure in members:
            by_day[figure.as_of].append(figure)
        days = sorted(d for d in by_day if d is not None)
        if len(days) > 1 and max(f.value for f in by_day[days[0]]) < max(f.value for f in by_day[days[-1]]):
            # The toll's course: compare the newest reports among themselves only.
            by_day = {days[-1]: by_day[days[-1]]}
        # One question per figure: the newest report time whose sources disagree.
        for day in sorted(by_day, key=lambda d: d or "", reverse=True):
            values = _distinct(by_day[day])
            if len(values) < 2:
                continue
            values = values[:MAX_VALUES]
            told = [f"{_told(f)} ({cite(f.sources)})" for f in values]
            question = f"{_ask(what, unit, of)}: {', '.join(told[:-1])} or {told[-1]}?"
            questions.append(Question(
                id="", kind="disagreement", text=question, story=story,
                basis="The sources give different figures for the same report time.",
                sources=list(dict.fromkeys(s for f in values for s in f.sources)),
                evidence=[ev for f in values for ev in f.evidence[:1]],
            ))
            others += what not in KEY_ORDER
            break
    return questions


def _distinct(members: list[Figure]) -> list[Figure]:
    """The values sources set against each other, most backed first."""
    values = sorted(members, key=lambda f: (-len(f.sources), f.value))
    kept: list[Figure] = []
    for figure in values:
        if any(_same_count(figure, other) for other in kept):
            continue
        kept.append(figure)
    # A source that gives two of the values has not chosen: it backs neither against the others.
    count = defaultdict(int)
    for figure in kept:
        for s in figure.sources:
            count[s] += 1
    kept = [f for f in kept if any(count[s] == 1 for s in f.sources)]
    return kept if len({s for f in kept for s in f.sources}) >= 2 else []
