"""Figures across sources: each value once, with who reports it and when.

A figure is one thing counted (dead, injured, money, magnitude ...) in one
story. Its values are grouped by (value, report time): the same count told
by three outlets on one day is one ``Figure`` with three sources. The
summary of a figure states its spread; a value that grows from earlier to
later reports is the toll's course (first report to latest), differing
values for the same report time are a conflict. Only figures of the
headline and lead count for the summary: later paragraphs also carry
figures of other events (an earlier quake's toll).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from briefgen.model import ArticleFacts, Evidence, Figure, FigureSummary
from briefgen.sources.article import Article

# Figures worth stating in a story's summary, in the order a reader wants them.
KEY_ORDER = ("dead", "injured", "missing", "arrested", "evacuated", "rescued", "damaged", "money", "magnitude")
NAMES = {"dead": "dead", "injured": "injured", "missing": "missing", "arrested": "arrested",
         "evacuated": "evacuated", "rescued": "rescued", "damaged": "damaged"}
# Kinds whose unit is part of what is counted ("$" against "EUR", "shops" against "homes").
UNIT_KINDS = ("money", "distance", "depth", "damaged")
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
# A count of zero ("no one was hurt") as a reader says it.
NONE_OF = {"dead": "no deaths", "injured": "no injuries", "missing": "no one missing", "arrested": "no arrests"}


def _number(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def amount(what: str, unit: str | None, value: float) -> str:
    if what == "money":
        sign = CURRENCY_SIGNS.get(unit or "")
        return f"{sign}{_number(value)}" if sign else f"{_number(value)} {unit or ''}".strip()
    return _number(value)


def phrase(summary: FigureSummary) -> str:
    """"10 dead", "50 to 80 injured", "magnitude 5.9 to 6.1", "$35,000 reward"."""
    what, unit = summary.what, summary.unit
    if summary.low == 0 and what in NONE_OF:
        if summary.high == 0:
            return NONE_OF[what]
        if summary.usual == 0:
            return f"{NONE_OF[what]} (other reports: {', '.join(amount(what, unit, v) for v in summary.others)})"
        # Some report no one, others a count: the count, then the reports of none.
        counted = [v for v in [summary.high, summary.latest, summary.usual or 0, *summary.others] if v]
        rest = replace(summary, low=min(counted), others=[v for v in summary.others if v])
        told = phrase(rest)
        mark = told.find("(other reports: ")
        if mark < 0:
            return told + " (other reports: none)"
        close = told.index(")", mark)
        return told[:close] + ", none" + told[close:]
    if summary.low == summary.high:
        values = amount(what, unit, summary.low)
    elif summary.course and not summary.conflict:
        values = f"{amount(what, unit, summary.latest)} (first reports: {amount(what, unit, summary.low)})"
    elif summary.usual is not None:
        others = ", ".join(amount(what, unit, v) for v in summary.others)
        values = f"{amount(what, unit, summary.usual)} (other reports: {others})"
    else:
        values = f"{amount(what, unit, summary.low)} to {amount(what, unit, summary.high)}"
    if what == "magnitude":
        return f"magnitude {values}"
    if what == "money":
        return " ".join(x for x in (values, unit_noun(unit), summary.of or "") if x)
    if what == "damaged":
        return f"{values} {unit or ''} damaged".replace("  ", " ")
    if what in NAMES:
        return f"{values} {NAMES[what]}"
    return f"{values} {what}"


def unit_noun(unit: str | None) -> str:
    return "" if unit in CURRENCY_SIGNS else (unit or "")


def fuse_figures(articles: list[Article], facts: list[ArticleFacts], story_of: dict[str, str]
                 ) -> tuple[list[Figure], dict[str, list[FigureSummary]]]:
    """Every figure value with its sources, and each story's key figures summarised."""
    published = {a.source.id: a.source.published for a in articles}
    order = {a.source.id: i for i, a in enumerate(articles)}
    grouped: dict[tuple, list] = defaultdict(list)
    lead_keys: set[tuple] = set()
    for article_facts in facts:
        sid = article_facts.source_id
        story = story_of.get(sid, "T1")
        day = published.get(sid)
        for fact in article_facts.reported:
            for f in fact.figures:
                unit = f.unit if f.what in UNIT_KINDS else None
                key = (story, f.what, unit, f.of, f.value, day.isoformat() if day else None)
                grouped[key].append((sid, f))
                if fact.kind in ("headline", "lead") and f.what not in ("percent", "distance", "depth"):
                    lead_keys.add(key)
    figures: list[Figure] = []
    by_key: dict[tuple, Figure] = {}
    for key in sorted(grouped, key=lambda k: (k[0], k[1], k[2] or "", k[3] or "", k[4], k[5] or "")):
        story, what, unit, of, value, as_of = key
        told = sorted(grouped[key], key=lambda x: order[x[0]])
        sid, first = told[0]
        figure = Figure(
            id=f"N{len(figures) + 1}", what=what, value=value, unit=unit or first.unit, text=first.text.text,
            as_of=as_of, sources=list(dict.fromkeys(s for s, _ in told)),
            evidence=[Evidence(s, f.text.start, f.text.end, f.text.text) for s, f in told],
            story=story, approx=first.approx, of=of, lead=key in lead_keys)
        figures.append(figure)
        by_key[key] = figure
    summaries: dict[str, list[FigureSummary]] = defaultdict(list)
    per_what: dict[tuple, list[tuple]] = defaultdict(list)
    for key in by_key:  # in the figures' order, never a set's: the same brief on every run
        if key in lead_keys:
            per_what[key[:4]].append(key)
    size = Counter(story_of.get(f.source_id, "T1") for f in facts)
    for (story, what, unit, of), keys in per_what.items():
        summary = _summarise(what, unit, of, [by_key[k] for k in keys])
        # Another count ("50 firefighters") is part of the story's core only
        # when most of its sources give it in their leads.
        if summary and (what in KEY_ORDER or len(summary.sources) >= max(2, size[story] / 2)):
            summaries[story].append(summary)
    for story in summaries:
        summaries[story].sort(key=lambda s: (KEY_ORDER.index(s.what) if s.what in KEY_ORDER else len(KEY_ORDER),
                                             -len(s.sources)))
        # One sum read with two nouns ("$1 million damage", "$1 million") is stated once.
        seen: set[tuple] = set()
        kept = []
        for summary in summaries[story]:
            same = (summary.what, summary.unit, summary.low, summary.high)
            if summary.what != "money" or same not in seen:
                kept.append(summary)
            seen.add(same)
        summaries[story] = kept
    return figures, dict(summaries)


def _summarise(what: str, unit: str | None, of: str | None, figures: list[Figure]) -> FigureSummary | None:
    values = sorted({f.value for f in figures})
    if not values:
        return None
    dated = [f for f in figures if f.as_of]
    latest_day = max((f.as_of for f in dated), default=None)
    newest = [f.value for f in dated if f.as_of == latest_day] or values
    by_day: dict[str | None, set[float]] = defaultdict(set)
    for f in figures:
        by_day[f.as_of].add(f.value)
    conflict = any(len(v) > 1 for day, v in by_day.items() if day is not None)
    # Course: later report days give larger values than earlier ones.
    days = sorted(d for d in by_day if d is not None)
    course = len(days) > 1 and max(by_day[days[0]]) < max(by_day[days[-1]])
    sources = list(dict.fromkeys(s for f in figures for s in f.sources))
    summary = FigureSummary(what=what, unit=unit, of=of, low=values[0], high=values[-1], latest=max(newest),
                            course=course, conflict=conflict or (len(values) > 1 and not days),
                            figures=[f.id for f in figures], sources=sources)
    # One value most sources give (at least half of them) is stated first, the others after it.
    support = {v: len({s for f in figures if f.value == v for s in f.sources}) for v in values}
    usual = max(values, key=lambda v: (support[v], v))
    if len(values) > 1 and 2 * support[usual] >= len(sources) and support[usual] > 1:
        summary.usual = usual
        summary.others = [v for v in values if v != usual]
    summary.text = phrase(summary)
    return summary
