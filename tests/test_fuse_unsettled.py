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
    # Set for later without a date.
    ("the fine is fixed by law, although formal sentencing will take place at a later date",
     "When will formal sentencing take place?"),
    ("a date for the inquest has yet to be set", "When is a date for the inquest to be set?"),
    ("she said the search of the quarry was going on", "Has the search of the quarry concluded, or is it still going on?"),
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


def test_unsettled_from_what_an_outlet_tells_in_its_own_voice():
    from briefgen.model import ArticleFacts, ReportedFact, Span

    text = "The second gunman remains at large."
    facts = [ArticleFacts("S2", reported=[ReportedFact(Span(text, 40, 40 + len(text)), "body", 3)]),
             ArticleFacts("S3", reported=[ReportedFact(Span(text, 0, len(text)), "body", 5),
                                          ReportedFact(Span(text, 0, len(text)), "headline", -1)])]
    (question,) = unsettled_questions([], facts)
    assert question.text == "Has the second gunman been caught?"
    assert question.sources == ["S2", "S3"]
    assert question.evidence[0].start == 40


def test_unsettled_outlet_voice_settled_schedules_and_capitals():
    from briefgen.model import ArticleFacts, ReportedFact, Span

    def told(source, *texts):
        return ArticleFacts(source, reported=[ReportedFact(Span(t, 0, len(t)), "body", k) for k, t in enumerate(texts)])

    # A later report of the capture settles the earlier "at large".
    assert unsettled_questions([], [told("S1", "The escaped inmate remains at large."),
                                    told("S2", "The inmate was captured near the border on Sunday.")]) == []
    # A schedule in the outlet's voice is no plan to follow up; a named source's aim is.
    assert unsettled_questions([], [told("S1", "The ferry is expected to resume service on Monday.")]) == []
    assert len(unsettled_questions([_claim("the ferry is expected to resume service on Monday")])) == 1
    # "Protests" opened the sentence; the articles write "protests" otherwise. A name keeps its capital.
    (question,) = unsettled_questions([], [told("S1", "Protests are continuing in the north.", "Most protests were calm.")])
    assert question.text == "Have protests concluded, or are they still continuing?"
    (question,) = unsettled_questions([], [told("S1", "Vance is still missing.", "His sister said he was calm.")])
    assert question.text == "Has Vance been found?"


def test_unsettled_only_a_capture_of_the_same_subject_settles_it():
    from briefgen.model import ArticleFacts, ReportedFact, Span

    def told(source, *texts):
        return ArticleFacts(source, reported=[ReportedFact(Span(t, 0, len(t)), "body", k) for k, t in enumerate(texts)])

    (question,) = unsettled_questions([], [told("S1", "The second gunman remains at large."),
                                           told("S2", "A driver was arrested for speeding nearby.")])
    assert question.text == "Has the second gunman been caught?"
