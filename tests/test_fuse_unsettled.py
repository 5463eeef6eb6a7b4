"""Processes told as still under way become questions about their outcome."""

from __future__ import annotations

import pytest

from briefgen.fuse.unsettled import unsettled_questions
from briefgen.model import Claim


def _claim(text: str, speaker: str | None = "Ana Ruiz") -> Claim:
    return Claim(id="C1", text=text, speaker=speaker, cue="said", quote=False, sources=["S1"])


@pytest.mark.parametrize(("text", "question"), [
    ("the city is worried that merger talks between the two airlines are actively advancing",
     "Have merger talks between the two airlines concluded, or are they still advancing?"),
    ("the inquiry into the stadium fire is still ongoing",
     "Has the inquiry into the stadium fire concluded, or is it still ongoing?"),
    ("the council was looking to sell the old library to a developer, in which case the archive moves",
     "Did the council sell the old library to a developer?"),
    ("the ferry operator's offer is expected to be in the range of $5 million",
     "Was the ferry operator's offer in the range of $5 million?"),
    ("Two other suspects remain at large", "Have two other suspects been caught?"),
    ("the trawler's captain is still missing", "Has the trawler's captain been found?"),
])
def test_unsettled_question_from_process_wording(text, question):
    questions = unsettled_questions([_claim(text)])
    assert [q.text for q in questions] == [question]
    assert questions[0].kind == "unsettled" and "Ana Ruiz (S1)" in questions[0].basis


def test_unsettled_settled_outcomes_ask_nothing():
    claims = [_claim("the airlines signed the merger agreement on Tuesday"),
              _claim("it is advancing"),  # no subject to ask about
              _claim("the strike ended after the vote"),
              _claim("the fire was out, but it was expected to smoulder for hours"),  # no subject: "but it"
              _claim("the driver is being held in the county jail and is due to appear in court"),
              _claim("the company is missing its sales targets"),
              _claim("the boy was missing for three days before he was found")]
    assert unsettled_questions(claims) == []


def test_unsettled_asks_once_per_process():
    text = "the talks are progressing"
    assert len(unsettled_questions([_claim(text), _claim(text, "Bo Lind")])) == 1
