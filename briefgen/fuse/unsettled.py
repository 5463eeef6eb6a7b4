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
from briefgen.model import Claim, Question

_ADVERB = r"(?:(?:still|actively|now|currently|reportedly|already|steadily|quietly)\s+)?"
UNDER_WAY = re.compile(
    rf"\b(?P<aux>is|are|was|were|remains?|remained)\s+{_ADVERB}"
    r"(?P<state>advancing|progressing|continuing|ongoing|under\s+way|underway|in\s+progress|pending|"
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
FOUND = re.compile(r"\b(?:found|located|rescued|caught|captured|arrested|recaptured)\b", re.IGNORECASE)
# Where a clause starts: the subject of the verb lies after the last of these.
CLAUSE_START = re.compile(r"(?:[,;:(—–]|\b(?:that|which|who|as|while|because|after|before|when)\b)\s*",
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


def _question(text: str) -> tuple[str, str] | None:
    """(question, the wording it rests on), or None when the text reports no open process."""
    match = NOT_FOUND.search(text)
    if match and not FOUND.search(text) and (subject := _subject(text, match.start())):
        done = "found" if match["state"].lower().startswith(("missing", "unaccounted")) else "caught"
        verb = "Have" if match["aux"].lower() in PLURAL_AUX else "Has"
        return f"{verb} {subject} been {done}?", match.group(0)
    match = UNDER_WAY.search(text)
    if match and (subject := _subject(text, match.start())):
        state = " ".join(match["state"].lower().split())
        if match["aux"].lower() in PLURAL_AUX:
            return f"Have {subject} concluded, or are they still {state}?", match.group(0)
        return f"Has {subject} concluded, or is it still {state}?", match.group(0)
    match = AIMING.search(text)
    if match and (subject := _subject(text, match.start())):
        action = match["action"].strip()
        action = re.split(r"\s+(?:in which|where|so that|while|as)\b", action)[0]
        wording = match.group(0).split(" to ")[0] + " to"
        if action.lower().startswith("be "):
            # "expected to be arraigned" -> "Was X arraigned?", never "Did X be".
            verb = "Were" if match["aux"].lower() in PLURAL_AUX else "Was"
            return f"{verb} {subject} {action[3:]}?", wording
        return f"Did {subject} {action}?", wording
    return None


def unsettled_questions(claims: list[Claim]) -> list[Question]:
    questions, asked = [], set()
    for claim in claims:
        found = _question(claim.text)
        if found is None or found[0].lower() in asked:
            continue
        asked.add(found[0].lower())
        text, wording = found
        who = claim.speaker or "the source"
        questions.append(Question(
            id="", kind="unsettled", text=text,
            basis=f"{who} ({cite(claim.sources)}) describes it as “{wording}”: still open when reported.",
            sources=claim.sources, evidence=claim.evidence[:1],
        ))
        if len(questions) == MAX_UNSETTLED:
            break
    return questions
