"""Quotation regions read from the marks alone (no parse needed)."""

from __future__ import annotations

from briefgen.extract.quotes import Quotes, quote_regions


def inner(text):
    return [text[s:e] for s, e in quote_regions(text)]


def test_quotes_unbalanced_quote_is_ignored():
    assert quote_regions("He said “never again and left.\n\nThe council voted.") == []


def test_quotes_apostrophes_are_not_quotes():
    assert quote_regions("The country’s army and the rebels’ leaders met on Monday.") == []


def test_quotes_straight_and_curly_marks():
    text = 'She said "we will win" and he said “we will not” before ‘lunch’.'
    assert inner(text) == ["we will win", "we will not", "lunch"]


def test_quotes_two_apostrophes_stand_for_a_double_mark():
    text = "''We're not leaving,'' Ada Brandt said. ''Not today.''"
    assert inner(text) == ["We're not leaving,", "Not today."]


def test_quotes_run_over_paragraphs_when_the_next_one_reopens():
    text = "“The dam must be finished.\n\n“Or the valley floods,” he said."
    assert inner(text) == ["The dam must be finished.\n\n“Or the valley floods,"]


def test_quotes_continuation_takes_the_quotes_after_the_cue():
    text = "“We will rebuild,” said Ilse Varga, the mayor. “Every house. Every road.”\n\n“Later,” he said."
    quotes = Quotes(text)
    after_cue = text.index(". “Every")
    ends = quotes.continuations(after_cue, set())
    assert text[:ends[-1]].endswith("Every road.")  # not the next paragraph's quotation
    assert quotes.continuations(after_cue, {quotes.regions[1]}) == []  # taken by another cue


def test_quotes_continuation_stops_at_a_new_cue():
    text = "“We will rebuild,” Varga said. She added, “Every house.”"
    quotes = Quotes(text)
    after = text.index(" Varga")
    assert quotes.continuations(after, set()) == []


def test_quotes_strip_keeps_marks_of_a_partial_quote():
    text = "the letters were “surface-level,” they said"
    quotes = Quotes(text)
    s, e = quotes.strip(text.index("the"), text.index(",”") + 2)
    assert text[s:e] == "the letters were “surface-level,”"
