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
])
def test_withheld_question_from_topic(make_article, sentence, question):
    _article, found = _withheld(make_article, sentence)
    assert [w.question for w in found] == [question]


def test_withheld_actor_and_evidence_offsets(make_article):
    article, found = _withheld(make_article, "Talks resumed. Minister Ada Roux declined to say who would lead them.")
    (item,) = found
    assert item.actor and "Ada Roux" in item.actor
    assert item.cue == "declined to say"
    assert article.raw[item.text.start:item.text.end] == item.text.text
    assert item.text.text.startswith("Minister Ada Roux declined")


def test_withheld_no_comment_has_actor_question(make_article):
    _article, found = _withheld(make_article, "The ministry did not respond to a request for comment.")
    assert [w.question for w in found] == ["What does the ministry say? (The ministry did not respond.)"]


def test_withheld_ignores_plain_statements(make_article):
    _article, found = _withheld(make_article, "The minister said the deal was clear. It is known for its beaches.")
    assert found == []
