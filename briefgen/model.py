"""The data model: what extractors produce and what renderers read.

Two layers:

* per-article facts (``ArticleFacts``), the output of the pure extraction
  function and the unit of the cache; every span in them indexes the
  article's ORIGINAL file text;
* the brief (``Brief``), built by fusion across articles; its field names
  are the public JSON contract of DESIGN.md.

Plain dataclasses, serialised with ``to_dict``/``from_dict`` so the cache and
``brief.json`` need no extra machinery.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    """A piece of an article: ``text == original[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Source:
    """One input article as the brief cites it."""

    id: str  # "S1", "S2", ... in config order
    title: str
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    path: str | None = None
    url: str | None = None
    published_from: str | None = None  # where a date the metadata lacked was read ("its dateline ...")
    # A web page's main text, saved beside the brief (in "<name>_sources/"):
    # what this source's evidence offsets index.
    text_file: str | None = None

    def label(self) -> str:
        """How a citation names this source: outlet and title when known."""
        if self.outlet:
            return f"{self.outlet}: {self.title}"
        return self.title


@dataclass
class Evidence:
    """Where a fact was read: a span of one source's original text."""

    source_id: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------
# Per-article facts (pure function of one article; cached)
# --------------------------------------------------------------------------


@dataclass
class Mention:
    """A named actor mention found in one article."""

    text: str  # as written, cleaned of possessive and stray whitespace
    start: int
    end: int
    label: str  # "person" | "organisation" | "country" | "group"
    role: str | None = None  # title or role read around this mention
    local_id: int = 0  # same value = same actor within this article


@dataclass
class Attribution:
    """One attributed statement: who (speaker) said (cue) what (content)."""

    speaker: Span | None
    cue: Span
    content: Span
    speaker_name: str | None = None  # speaker resolved to a named actor, if possible
    quote: bool = False  # content is (mostly) a direct quotation
    hedge: str = "asserted"  # "asserted" | "hedged" | "reported"
    headline: bool = False  # read from the article's headline
    # A proposition (a clause, a quotation or a denial), not just the object of
    # a cue ("revealed the new information"): only statements become key claims.
    statement: bool = True
    # "affirmed"; "denial" (a denial cue: the content is what is denied);
    # "negated" ("has not disclosed", "would not confirm", "declined to say"):
    # withheld information, never a claim of what was said.
    polarity: str = "affirmed"
    # The content starts with a capital only because it began the speaker's
    # sentence ("said Shortly before ..."): lower it when it follows "said".
    lower_first: bool = False
    mute_speaker: bool = False  # the speaker span is a place or a figure: no claim's speaker


@dataclass
class TimedEvent:
    """Something that happened before the article, with its time expression."""

    text: Span  # the clause or sentence telling the event
    date: str | None  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD" | None when unresolvable
    date_text: str  # the wording the date was read from
    actors: list[str] = field(default_factory=list)  # names mentioned in the event


@dataclass
class Withheld:
    """A statement that some information was withheld, undisclosed or unknown."""

    text: Span  # the whole sentence
    topic: str  # what is not known ("how US officials had gathered the intelligence")
    actor: str | None = None  # who withheld it, when named
    cue: str = ""  # the wording that signals it ("declined to detail")
    question: str = ""  # the gap as a reader would ask it ("How had X gathered Y?")


@dataclass
class FigureMention:
    """A number with what it counts, read in one sentence ("killing at least 10 people")."""

    what: str  # "dead" | "injured" | "missing" | "arrested" | ... | "money" | "magnitude" | the noun counted
    value: float
    unit: str | None  # "people", a currency code, "km", ...; None for a bare magnitude
    text: Span  # the number phrase as written
    approx: str = ""  # "at least" | "about" | "more than" | "up to" | ""
    of: str | None = None  # what a sum is ("reward", "offer", "damage"), when the text says


@dataclass
class ReportedFact:
    """A sentence an outlet tells in its own voice: the headline, the lead, an event or a figure."""

    text: Span
    kind: str  # "headline" | "lead" | "body"
    position: int  # body sentence index (0 = first); -1 for the headline
    attributed: bool = False  # closes with an attribution ("..., officials said"): kept, the outlet tells it
    date: str | None = None  # day-level date a time expression in it resolves to ("YYYY-MM-DD")
    date_text: str = ""
    places: list[str] = field(default_factory=list)  # places named in it, as written
    figures: list[FigureMention] = field(default_factory=list)
    finite: bool = True  # a clause with a finite verb, not a caption or a headline-like fragment


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    source_id: str
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[TimedEvent] = field(default_factory=list)
    withheld: list[Withheld] = field(default_factory=list)
    reported: list[ReportedFact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleFacts:
        def span(d: dict | None) -> Span | None:
            return Span(**d) if d is not None else None

        return cls(
            source_id=data["source_id"],
            mentions=[Mention(**m) for m in data["mentions"]],
            attributions=[
                Attribution(
                    **{
                        **a,
                        "speaker": span(a["speaker"]),
                        "cue": span(a["cue"]),
                        "content": span(a["content"]),
                    }
                )
                for a in data["attributions"]
            ],
            events=[TimedEvent(**{**e, "text": span(e["text"])}) for e in data["events"]],
            withheld=[Withheld(**{**w, "text": span(w["text"])}) for w in data["withheld"]],
            reported=[
                ReportedFact(**{
                    **r,
                    "text": span(r["text"]),
                    "figures": [FigureMention(**{**f, "text": span(f["text"])}) for f in r["figures"]],
                })
                for r in data.get("reported", [])
            ],
        )


# --------------------------------------------------------------------------
# The brief (fusion output; field names are the JSON contract)
# --------------------------------------------------------------------------


@dataclass
class Actor:
    id: str  # "A1", ...
    name: str  # fullest name form
    type: str  # "person" | "organisation" | "country" | "group"
    aliases: list[str] = field(default_factory=list)  # every other form seen
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    salience: float = 0.0


@dataclass
class Credit:
    """Who the sources credit a claim to, as they name them."""

    speaker: str
    sources: list[str] = field(default_factory=list)
    named: bool = False  # a named actor, not a description ("police", "a spokeswoman")
    roles: list[str] = field(default_factory=list)  # titles the sources give ("ministry spokesman")


@dataclass
class Claim:
    id: str  # "C1", ...
    text: str  # the content, as told by the first source
    speaker: str | None  # resolved speaker name (actor name when merged)
    cue: str  # the reporting verb or phrase ("said", "according to")
    quote: bool
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    speaker_id: str | None = None  # actor id of the speaker
    hedge: str = "asserted"
    outlets: int = 1  # distinct outlets carrying the claim
    origins: int = 1  # independent origins among them (rewrites and shared wire copy count once)
    confidence: str = "low"  # "high" | "moderate" | "low" (one fixed scale)
    versions: list[str] = field(default_factory=list)  # the content as each other source told it
    sentence: str = ""  # the claim as one plain sentence: "<speaker> said <content>."
    story: str = "T1"  # the story (event) the claim belongs to
    credits: list[Credit] = field(default_factory=list)  # each speaker the sources name, when more than one
    polarity: str = "affirmed"  # "affirmed" | "denial": what is denied is the content
    # Sources that state it in their own voice, as fact, without naming who said it.
    unattributed: list[str] = field(default_factory=list)


@dataclass
class Event:
    id: str  # "E1", ...
    text: str
    date: str | None
    date_text: str
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    story: str = "T1"


@dataclass
class Question:
    id: str  # "Q1", ...
    text: str  # phrased as a question a reader would ask
    kind: str  # "withheld" | "single_source" | "disagreement" | "hedged" | "undated"
    basis: str  # why the tool asks it, in the tool's own words
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    story: str = "T1"


@dataclass
class Fact:
    """A reported fact merged across the outlets that tell it."""

    id: str  # "F1", ...
    text: str  # as the most central source tells it
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = "body"  # "headline" | "lead" | "body": the best place any source told it
    story: str = "T1"  # the story it belongs to
    outlets: int = 1
    versions: list[str] = field(default_factory=list)


@dataclass
class Figure:
    """One value of one figure as a group of sources reports it at one time."""

    id: str  # "N1", ...
    what: str  # "dead", "injured", "money", "magnitude", or the noun counted
    value: float
    unit: str | None
    text: str  # the number phrase as the first source wrote it
    as_of: str | None  # the report time: the sources' publication date (None: undated)
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    story: str = "T1"
    approx: str = ""
    of: str | None = None  # what a sum is ("reward"), when the text says
    lead: bool = False  # some source gives it in its headline or lead (the story's own figure)


@dataclass
class FigureSummary:
    """All the values of one figure of a story: its spread, its course, a conflict."""

    what: str
    unit: str | None
    of: str | None
    low: float
    high: float
    latest: float  # the value of the newest report (the largest among the newest)
    course: bool = False  # rose from earlier to later reports: a toll's course, not a conflict
    usual: float | None = None  # the value at least half the sources give, when one does
    others: list[float] = field(default_factory=list)  # the other values reported
    conflict: bool = False  # differing values for the same report time
    figures: list[str] = field(default_factory=list)  # Figure ids
    sources: list[str] = field(default_factory=list)
    text: str = ""  # as the brief states it ("10 dead", "50 to 80 injured")


@dataclass
class Story:
    """One event the articles tell: what, who, where, when and its figures."""

    id: str  # "T1", ... (T1 is the main story)
    title: str  # the most central headline or lead
    sources: list[str] = field(default_factory=list)
    date: str | None = None  # the event's own date ("YYYY[-MM[-DD]]")
    date_text: str = ""  # how the leads word it
    date_sources: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    what: str = ""  # the event as the most central lead tells it
    what_sources: list[str] = field(default_factory=list)
    who: list[dict[str, Any]] = field(default_factory=list)  # {"actor_id", "name", "part"}
    figures: list[FigureSummary] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class BottomLine:
    """One sentence of the bottom line, cited."""

    text: str
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = "event"  # "event" | "when_where" | "development" | "claim"


@dataclass
class SourceComparison:
    """What one source carries that no other source does."""

    source_id: str
    origin: int  # sources with the same number rewrite one another or share a wire original
    claims: int  # key claims this source carries
    exclusive_claims: list[str] = field(default_factory=list)  # ids of claims only it carries
    exclusive_events: list[str] = field(default_factory=list)  # ids of background events only it dates


@dataclass
class Changes:
    """What changed since the previous brief of the same config (``briefgen.changes``)."""

    since: str  # generated_at of the previous brief
    new_claims: list[str] = field(default_factory=list)  # ids of this brief's claims the previous lacked
    dropped_claims: list[dict[str, Any]] = field(default_factory=list)  # {"speaker", "text"} no longer carried
    new_actors: list[str] = field(default_factory=list)  # actor ids
    figures: list[dict[str, Any]] = field(default_factory=list)  # {"what", "before", "now"}: a reading moved
    new_questions: list[str] = field(default_factory=list)  # question ids
    settled_questions: list[str] = field(default_factory=list)  # the previous brief's, no longer asked

    def empty(self) -> bool:
        return not (self.new_claims or self.dropped_claims or self.new_actors or self.figures
                    or self.new_questions or self.settled_questions)


@dataclass
class Brief:
    title: str
    generated_at: dt.datetime
    config: dict[str, Any]
    sources: list[Source]
    cutoff: dt.date | None = None  # newest publication date among the sources
    summary: list[Claim] = field(default_factory=list)  # bottom line up front
    key_claims: list[Claim] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    background: list[Event] = field(default_factory=list)
    open_questions: list[Question] = field(default_factory=list)
    comparison: list[SourceComparison] = field(default_factory=list)  # one row per source
    stories: list[Story] = field(default_factory=list)  # always >= 1; the main story first
    bottom_line: list[BottomLine] = field(default_factory=list)
    reported_facts: list[Fact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # section names, in brief order
    notes: list[str] = field(default_factory=list)  # the tool's own remarks (undated sources, ...)
    changes: Changes | None = None  # since the previous brief of the same config, when there was one

    def to_dict(self) -> dict[str, Any]:
        def conv(value: Any) -> Any:
            if isinstance(value, (dt.date, dt.datetime)):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if isinstance(value, list):
                return [conv(v) for v in value]
            return value

        data = conv(dataclasses.asdict(self))
        # The contract names summary items by claim id; the claims live in key_claims.
        data["summary"] = [c.id for c in self.summary]
        from briefgen.schema import SCHEMA_VERSION

        return {"schema_version": SCHEMA_VERSION, **data}
