"""A long article is parsed a piece at a time (issue 16): its memory stays
bounded, and every offset still indexes the article's own text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import nlp

PARAGRAPH = ("The council said on Monday that the Elm Street bridge would close for repairs. "
             "Mayor Ana Ruiz told reporters in Springfield that work would take six weeks.")


@given(st.text(alphabet=st.sampled_from("ab .,!?\n\t\"”"), max_size=600), st.integers(min_value=8, max_value=120))
@settings(max_examples=300, deadline=None)
def test_pieces_join_back_into_the_text_and_keep_the_size(text, size):
    parts = nlp.pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
    assert all(parts) or text == ""


def test_pieces_end_after_a_paragraph_break_when_there_is_one():
    text = "\n\n".join([PARAGRAPH] * 40)
    parts = nlp.pieces(text, 2_000)
    assert len(parts) > 1
    assert all(p.endswith(".\n\n") for p in parts[:-1])
    assert all(p.startswith("The council") for p in parts)


def test_text_without_any_break_is_cut_at_the_size():
    parts = nlp.pieces("x" * 10_500, 1_000)
    assert [len(p) for p in parts] == [1_000] * 10 + [500]


def test_a_long_article_parsed_in_pieces_reads_as_a_whole(monkeypatch):
    text = "\n\n".join([PARAGRAPH] * 30)
    whole = next(nlp.parse([text]))
    monkeypatch.setattr(nlp, "PIECE_CHARS", 1_000)
    assert len(nlp.pieces(text)) > 4
    docs = list(nlp.parse(["A short one by Ana Ruiz.", text, "Another short one."]))
    assert [d.text for d in docs] == ["A short one by Ana Ruiz.", text, "Another short one."]
    pieced = docs[1]
    # Every entity and sentence indexes the article's text, and the pieces
    # read as the whole does (each cut falls between two paragraphs).
    assert all(text[e.start_char:e.end_char] == e.text for e in pieced.ents)
    assert [(e.start_char, e.label_) for e in pieced.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in pieced.sents] == [s.start_char for s in whole.sents]


def test_parsing_in_worker_processes_reads_as_one_process_does(monkeypatch):
    texts = ["A short one by Ana Ruiz.", "\n\n".join([PARAGRAPH] * 3), "Another one, from Springfield."]
    monkeypatch.setattr(nlp, "PIECE_CHARS", 200)  # the middle text in pieces
    one = [[(e.start_char, e.label_) for e in d.ents] for d in nlp.parse(texts)]
    docs = list(nlp.parse(texts, processes=2))
    assert [d.text for d in docs] == texts
    assert [[(e.start_char, e.label_) for e in d.ents] for d in docs] == one


def test_worker_processes_only_for_enough_articles():
    assert nlp.processes_for(nlp.PARALLEL_FROM - 1) == 1
    assert 1 <= nlp.processes_for(nlp.PARALLEL_FROM) <= nlp.MAX_PROCESSES
