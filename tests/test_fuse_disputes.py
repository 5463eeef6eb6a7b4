"""Denials set against claims, and one speaker's remark described differently."""

from __future__ import annotations

from briefgen.fuse.disputes import characterisation_questions, denial_questions
from briefgen.model import ArticleFacts, Attribution, Claim, Evidence, Span


def _attribution(text: str, speaker: str, cue: str, content: str) -> Attribution:
    start = text.index(content)
    return Attribution(speaker=Span(speaker, text.index(speaker), text.index(speaker) + len(speaker)),
                       cue=Span(cue, text.index(cue), text.index(cue) + len(cue)),
                       content=Span(content, start, start + len(content)))


def _claim(claim_id: str, speaker: str, text: str, source: str, start: int = 0) -> Claim:
    return Claim(id=claim_id, text=text, speaker=speaker, cue="said", quote=False, sources=[source],
                 evidence=[Evidence(source, start, start + len(text), text)])


TEXT = ("The ministry said the reservoir had been contaminated by the tannery upstream. "
        "The tannery and its owners have rejected these allegations.")


def test_disputes_anaphoric_denial_answers_the_claim_before_it():
    claim_content = "the reservoir had been contaminated by the tannery upstream"
    claim = _claim("C1", "The ministry", claim_content, "S1", TEXT.index(claim_content))
    facts = ArticleFacts("S1", attributions=[
        _attribution(TEXT, "The ministry", "said", claim_content),
        _attribution(TEXT, "The tannery and its owners", "rejected", "these allegations"),
    ])
    questions = denial_questions([facts], [claim])
    assert len(questions) == 1
    assert questions[0].kind == "denied"
    assert "reservoir had been contaminated" in questions[0].text
    assert "the tannery and its owners rejected it (S1)" in questions[0].basis


def test_disputes_denial_with_content_answers_the_matching_claim_of_another_source():
    other = "The mill owner denied that the tannery had discharged dye into the river at night."
    claims = [_claim("C1", "Inspector Hale", "the tannery discharged dye into the river at night", "S1"),
              _claim("C2", "Inspector Hale", "the bridge needs new bearings", "S1")]
    facts = ArticleFacts("S2", attributions=[
        _attribution(other, "The mill owner", "denied", "the tannery had discharged dye into the river at night")])
    questions = denial_questions([facts], claims)
    assert [q.evidence[0].text for q in questions] == [claims[0].text]
    assert questions[0].sources == ["S1", "S2"]


def test_disputes_a_denial_is_never_the_claim_it_denies():
    # The denial is itself read as a claim of the denier, under a fuller name form.
    text = "Ada Brook admitted taking the files, but denied shredding the ledgers kept in the office."
    content = "shredding the ledgers kept in the office"
    own = _claim("C1", "Ada Brook Case", content, "S1", text.index(content))
    facts = ArticleFacts("S1", attributions=[_attribution(text, "Ada Brook", "denied", content)])
    (question,) = denial_questions([facts], [own])
    # No claim answers it: the denial is still an open point, asked as such.
    assert question.text == ("Do other accounts bear out Ada Brook's denial of shredding the ledgers "
                             "kept in the office?")
    assert question.sources == ["S1"]
    # Told by two outlets, one question.
    again = ArticleFacts("S2", attributions=[_attribution(text, "Ada Brook", "denied", content)])
    (question,) = denial_questions([facts, again], [own])
    assert question.sources == ["S1", "S2"]


def test_disputes_no_denial_no_question():
    facts = ArticleFacts("S1", attributions=[_attribution(TEXT, "The ministry", "said", "the reservoir")])
    assert denial_questions([facts], [_claim("C1", "The ministry", "the reservoir", "S1")]) == []


def test_disputes_characterisation_same_speaker_same_thing_told_differently():
    claims = [
        _claim("C1", "Mara Ostby", "the talks with the dockers' union remained “cordial but stuck”", "S1"),
        _claim("C2", "Mara Ostby", "the dockers' union had agreed to pause the strike during the talks", "S2"),
        _claim("C3", "Mara Ostby", "the depot would reopen on Sunday", "S2"),
    ]
    questions = characterisation_questions(claims)
    assert len(questions) == 1
    assert questions[0].text.startswith("What did Mara Ostby say about the talks:")
    assert questions[0].sources == ["S1", "S2"]


def test_disputes_characterisation_needs_the_speakers_own_words():
    # No partial quotation on either side: two different points, not two descriptions.
    claims = [_claim("C1", "Mara Ostby", "the talks with the union remained slow", "S1"),
              _claim("C2", "Mara Ostby", "the union had agreed to pause the strike during the talks", "S2")]
    assert characterisation_questions(claims) == []


def test_disputes_characterisation_needs_the_same_speaker():
    claims = [_claim("C1", "Mara Ostby", "the talks remained “cordial but stuck”", "S1"),
              _claim("C2", "Jon Pell", "the union had agreed to pause the strike during the talks", "S2")]
    assert characterisation_questions(claims) == []


def test_disputes_characterisation_needs_one_remark_not_two_about_one_thing():
    claims = [
        _claim("C1", "Ana Ruiz", "the families asked for “total privacy”, and the clinic would not comment", "S1"),
        _claim("C2", "Ana Ruiz", "the third patient was moved to the clinic at noon", "S2"),
    ]
    assert characterisation_questions(claims) == []


def test_disputes_a_denial_answers_another_body_that_shares_a_word():
    text = "Russian officials denied that the convoy had crossed the border at night."
    content = "the convoy had crossed the border at night"
    claim = _claim("C1", "US officials", "the convoy crossed the border at night", "S1")
    facts = ArticleFacts("S2", attributions=[_attribution(text, "Russian officials", "denied", content)])
    (question,) = denial_questions([facts], [claim])
    assert question.text.startswith("Is it true that the convoy crossed the border at night, as US officials say")


def test_disputes_an_unanswered_denial_of_a_clause_takes_that():
    text = "Ada Brook denied she had signed the lease."
    facts = ArticleFacts("S1", attributions=[_attribution(text, "Ada Brook", "denied", "she had signed the lease")])
    (question,) = denial_questions([facts], [])
    assert question.text == "Do other accounts bear out Ada Brook's denial that she had signed the lease?"
    it = "Ada Brook denied it."
    facts = ArticleFacts("S1", attributions=[_attribution(it, "Ada Brook", "denied", "it")])
    assert denial_questions([facts], []) == []
