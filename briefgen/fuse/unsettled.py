"""Announced but not settled: processes the claims describe as still under way.

"Negotiations are actively advancing" or "X was looking to broker a deal"
report a process, not an outcome; a reader asks how it ended. The wording is
read from the claim text with two patterns: a subject with a progressive
process verb, and a subject aiming at an action ("looking to", "planning to").
"""

from __future__ import annotations

import re

from briefgen.extract.figures import WORD_NUMBERS
from briefgen.fuse.text import cite, embed
from briefgen.model import ArticleFacts, Claim, Evidence, Question

_ADVERB = r"(?:(?:still|actively|now|currently|reportedly|already|steadily|quietly)\s+)?"
UNDER_WAY = re.compile(
    rf"\b(?P<aux>is|are|was|were|remains?|remained)\s+{_ADVERB}"
    r"(?P<state>advancing|progressing|continuing|ongoing|going\s+on|under\s+way|underway|in\s+progress|pending|"
    r"under\s+negotiation|under\s+discussion|being\s+negotiated|being\s+discussed)\b",
    re.IGNORECASE)
AIMING = re.compile(
    rf"\b(?P<aux>is|are|was|were)\s+{_ADVERB}"
    r"(?:looking|seeking|planning|preparing|trying|hoping|aiming|poised|set|expected|due)\s+to\s+"
    r"(?P<action>[a-z]+\b[^,;:.]*)",
    re.IGNORECASE)
# A person or thing not yet found: "remains at large", "are still missing".
NOT_FOUND = re.compile(
    rf"\b(?P<aux>is|are|was|were|remains?|remained)\s+{_ADVERB}"
    r"(?P<state>at\s+large|on\s+the\s+run|on\s+the\s+loose|unaccounted\s+for|"
    r"missing(?=\s*(?:[,.;]|$)|\s+(?:since|after|in|from|following)\b))",
    re.IGNORECASE)
# Something set for later without a date: "sentencing will take place at a later date",
# "a date for the hearing has yet to be set".
LATER = re.compile(
    r"\b(?P<aux>will|would)\s+(?P<verb>take\s+place|be\s+held|follow)\s+(?:at\s+a\s+later\s+date|later|in\s+due\s+course)\b"
    r"|\b(?P<aux2>is|are|was|were|has|have|had)\s+(?:yet|still)\s+to\s+be\s+(?P<state>set|scheduled|decided|announced)\b",
    re.IGNORECASE)
FOUND = re.compile(r"\b(?:found|located|rescued|caught|captured|arrested|recaptured)\b", re.IGNORECASE)
# Where a clause starts: the subject of the verb lies after the last of these.
CLAUSE_START = re.compile(r"(?:[,;:(—–]|\b(?:that|which|who|as|while|because|after|before|when|although|though|"
                          r"whereas|until|said|says)\b)\s*",
                          re.IGNORECASE)
NOT_SUBJECT_STARTS = frozenset("but and or if so yet then whether".split())
FINITE_AUX = frozenset("is are was were has have had will would".split())
PRONOUN_SUBJECTS = frozenset("it they he she we i you this that these those there".split())
PLURAL_AUX = frozenset({"are", "were", "remain"})
MAX_UNSETTLED = 3
MAX_SUBJECT_WORDS = 10


def _subject(text: str, end: int) -> str | None:
    before = text[:end]
    starts = [m.end() for m in CLAUSE_START.finditer(before)]
    subject = before[starts[-1] if starts else 0:].strip()
    words = subject.split()
    if not words or len(words) > MAX_SUBJECT_WORDS or subject.lower() in PRONOUN_SUBJECTS:
        return None
    # A clause fragment ("but it", "if he") or a subject with its own verb is no subject.
    if words[0].lower() in NOT_SUBJECT_STARTS or any(w.lower() in FINITE_AUX for w in words):
        return None
    subject = embed(subject)
    first = subject.split(" ", 1)[0]
    if first.lower() in WORD_NUMBERS and first[1:].islower():
        subject = subject[:1].lower() + subject[1:]  # "Two other pirates" inside a question
    return subject


def _question(text: str, aims: bool = True) -> tuple[str, str] | None:
    """(question, the wording it rests on), or None when the text reports no open process.
    ``aims``: whether an aim ("expected to", "looking to") counts: from a named source it
    is a plan to follow up; in an outlet's own voice mostly a schedule ("due to remain")."""
    match = NOT_FOUND.search(text)
    if match and not FOUND.search(text) and (subject := _subject(text, match.start())):
        done = "found" if match["state"].lower().startswith(("missing", "unaccounted")) else "caught"
        verb = "Have" if match["aux"].lower() in PLURAL_AUX else "Has"
        return f"{verb} {subject} been {done}?", match.group(0)
    match = LATER.search(text)
    if match and (subject := _subject(text, match.start())):
        if match["state"]:
            verb = "are" if match["aux2"].lower() in PLURAL_AUX | {"have"} else "is"
            return f"When {verb} {subject} to be {match['state'].lower()}?", match.group(0)
        verb = " ".join(match["verb"].lower().split())
        return f"When will {subject} {verb}?", match.group(0)
    match = UNDER_WAY.search(text)
    if match and (subject := _subject(text, match.start())):
        state = " ".join(match["state"].lower().split())
        if match["aux"].lower() in PLURAL_AUX:
            return f"Have {subject} concluded, or are they still {state}?", match.group(0)
        return f"Has {subject} concluded, or is it still {state}?", match.group(0)
    match = AIMING.search(text) if aims else None
    if match and (subject := _subject(text, match.start())):
        action = match["action"].strip()
        action = re.split(r"(?<!\s)\s++(?:in which|where|so that|while|as)\b", action)[0]
        wording = match.group(0).split(" to ")[0] + " to"
        if action.lower().startswith("be "):
            # "expected to be arraigned" -> "Was X arraigned?", never "Did X be".
            verb = "Were" if match["aux"].lower() in PLURAL_AUX else "Was"
            return f"{verb} {subject} {action[3:]}?", wording
        return f"Did {subject} {action}?", wording
    return None


SETTLED = re.compile(r"\b(?:was|were|has\s+been|have\s+been)\s+(?:found|located|caught|captured|recaptured|"
                     r"apprehended|arrested)\b|\bsurrendered\b", re.IGNORECASE)


def _settled(question: str, settling: list[str]) -> bool:
    """Whether a report of a capture or find names the person asked about: the
    subject's last word ("Has the escaped inmate been caught?" and "the inmate
    was captured"), or a name's."""
    words = re.findall(r"[A-Za-z][\w'’-]*", question.split(" been ")[0])[1:]
    head = words[-1].lower() if words else ""
    return bool(head) and any(re.search(rf"\b{re.escape(head)}\b", text) for text in settling)


def _common_first_word(question: str, lowercase: set[str]) -> str:
    """"Did Roads in the area remain closed?" -> "Did roads ...": a sentence-initial
    capital on a word the articles also write in lower case (a name keeps its capital)."""
    verb, _, rest = question.partition(" ")
    word = rest.split(" ", 1)[0]
    if word[:1].isupper() and word[1:].islower() and word.lower() in lowercase:
        rest = rest[:1].lower() + rest[1:]
    return f"{verb} {rest}"


def unsettled_questions(claims: list[Claim], facts: list[ArticleFacts] = ()) -> list[Question]:
    """Claims first (a named source says it is still open), then what the outlets
    report in their own voice ("the gunman remains at large")."""
    # (text, who tells it, sources, evidence): an outlet's own sentence is told by its source id.
    told = [(claim.text, claim.speaker or "the source", claim.sources, claim.evidence[:1]) for claim in claims]
    for article in facts:
        for fact in article.reported:
            if fact.kind != "headline" and fact.finite:
                told.append((fact.text.text, article.source_id, [article.source_id],
                             [Evidence(article.source_id, fact.text.start, fact.text.end, fact.text.text)]))
    questions: list[Question] = []
    asked: dict[str, Question] = {}
    # A capture or a find another report tells of the same subject settles "still at large".
    settling = [text.lower() for text, *_ in told if SETTLED.search(text)]
    lowercase = {w for text, *_ in told for w in re.findall(r"\b[a-z][a-z'’-]+\b", text)}
    for text, who, sources, evidence in told:
        found = _question(text, aims=who not in sources)
        if found is None:
            continue
        question, wording = found
        if NOT_FOUND.search(wording) and _settled(question, settling):
            continue
        question = _common_first_word(question, lowercase)
        if question.lower() in asked:
            same = asked[question.lower()]
            same.sources = list(dict.fromkeys([*same.sources, *sources]))
            continue
        if len(questions) == MAX_UNSETTLED:
            continue
        asked[question.lower()] = Question(
            id="", kind="unsettled", text=question,
            basis=f"{cite(sources) if who in sources else f'{who} ({cite(sources)})'} describes it as "
                  f"“{wording}”: still open when reported.",
            sources=list(sources), evidence=evidence,
        )
        questions.append(asked[question.lower()])
    return questions
