"""Withheld information and the questions a reader would ask about it."""

import pytest

from briefgen.extract import withheld


def _withheld(make_article, text):
    from briefgen.model import ArticleFacts

    article, doc = make_article(text)
    facts = ArticleFacts(source_id="S1")
    withheld.extract(article, doc, facts)
    return article, facts.withheld


@pytest.mark.parametrize("sentence, question", [
    ("Marsh declined to detail how the agency had gathered the evidence.",
     "How had the agency gathered the evidence?"),
    ("It is unclear whether the deal was signed.", "Was the deal signed?"),
    ("The army would not say which units had crossed the border.", "Which units had crossed the border?"),
    ("The company refused to say how much it paid for the plant.", "How much did it pay for the plant?"),
    ("It was not known when the talks would resume.", "When would the talks resume?"),
    ("Details about the method used to collect the samples were not disclosed by Marsh.",
     "What are the details about the method used to collect the samples?"),
    # A reason the text says is unknown, of the clause before it (not of the saying).
    ("Marsh said the bridge had been closed in May, but it was not clear why.",
     "Why had the bridge been closed in May?"),
    ("The driver fled, and it is unknown why.", "Why did the driver flee?"),
    # Not known yet.
    ("Marsh said it was too early to say whether the river would flood again.", "Would the river flood again?"),
    # The determiner negates the telling.
    ("No further details on the cargo were released.", "What are the details on the cargo?"),
    ("Officials did not release any names.", "What are the names?"),
])
def test_withheld_question_from_topic(make_article, sentence, question):
    _article, found = _withheld(make_article, sentence)
    assert [w.question for w in found] == [question]


def test_withheld_by_the_person_a_clause_describes(make_article):
    _article, found = _withheld(make_article, "The site was closed, said Tomas Brandt, who would not say why the site was closed.")
    assert [(w.question, w.actor) for w in found] == [("Why was the site closed?", "Tomas Brandt")]


@pytest.mark.parametrize("sentence", [
    # A speaker's own question inside a quotation is no gap in the reporting.
    "\"I did not know what this was doing to my body,\" she said.",
    "No one was named.",
    "Calls to the firm were not answered this afternoon.",
    # A leading phrase would land inside the question ("Why was the man After the talks, held?").
    "Marsh said that after the talks, the man was held, but it was not clear why.",
    "The treaty contains commitments to not provide arms to either side.",
])
def test_withheld_asks_nothing(make_article, sentence):
    assert _withheld(make_article, sentence)[1] == []


def test_withheld_actor_and_evidence_offsets(make_article):
    article, found = _withheld(make_article, "Talks resumed. Minister Ada Roux declined to say who would lead them.")
    (item,) = found
    assert item.actor and "Ada Roux" in item.actor
    assert item.cue == "declined to say"
    assert article.raw[item.text.start:item.text.end] == item.text.text
    assert item.text.text.startswith("Minister Ada Roux declined")


def test_withheld_no_comment_has_actor_question(make_article):
    _article, found = _withheld(make_article, "The ministry did not respond to a request for comment.")
    assert [w.question for w in found] == ["Will the ministry comment? (The ministry did not respond.)"]


def test_withheld_ignores_plain_statements(make_article):
    _article, found = _withheld(make_article, "The minister said the deal was clear. It is known for its beaches.")
    assert found == []
