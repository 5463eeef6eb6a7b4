import datetime as dt

import pytest

from briefgen.extract import timex

PUBLISHED = dt.date(2023, 8, 30)  # a Wednesday


@pytest.mark.parametrize(("text", "expected"), [
    ("In March", ("2023-03", "month")),
    ("October", ("2022-10", "month")),
    ("next March", ("2024-03", "month")),
    ("last year", ("2022", "year")),
    ("Late last year", ("2022", "year")),
    ("mid-2021", ("2021", "year")),
    ("July 25, 2023", ("2023-07-25", "day")),
    ("Sept. 3, 2021", ("2021-09-03", "day")),
    ("March 2022", ("2022-03", "month")),
    ("on Wednesday", ("2023-08-30", "day")),
    ("Monday", ("2023-08-28", "day")),
    ("last Wednesday", ("2023-08-23", "day")),
    ("yesterday", ("2023-08-29", "day")),
    ("two days ago", ("2023-08-28", "day")),
    ("three months ago", ("2023-05", "month")),
    ("earlier this month", ("2023-08", "month")),
    ("last week", ("2023-W34", "week")),
    ("last summer", ("2022-SU", "season")),
    ("the first quarter", ("2023-Q1", "quarter")),
    ("the 1990s", ("199", "decade")),
    ("recently", ("PAST_REF", "ref")),
])
def test_timex_normalise_resolves_against_publication(text, expected):
    assert timex.normalise(text, PUBLISHED) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("a few weeks ago", timex.VAGUE),
    ("two days earlier", timex.ANCHORED),
    ("later that year", timex.ANCHORED),
    ("during his administration", timex.ERA),
    ("under Mira Tessel's presidency", timex.ERA),
    ("three-day", timex.DURATION),
    ("the past five years", timex.DURATION),
])
def test_timex_normalise_never_invents_a_date(text, reason):
    assert timex.normalise(text, PUBLISHED) == (None, reason)


def test_timex_normalise_without_publication_keeps_relative_unresolved():
    assert timex.normalise("in March", None) == (None, timex.NO_PUBLISHED)
    assert timex.normalise("last year", None) == (None, timex.NO_PUBLISHED)
    assert timex.normalise("July 25, 2023", None) == ("2023-07-25", "day")
    assert timex.normalise("spring 2020", None) == ("2020-SP", "season")


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-07-25", "2023-07-25"),
    ("2023-W34", "2023-08"),   # Aug 21-27
    ("2023-W35", "2023"),      # Aug 28 - Sep 3
    ("2022-SU", "2022"),
    ("2022-WI", None),         # Dec 2022 - Feb 2023
    ("PAST_REF", None),
    (None, None),
])
def test_timex_brief_date_coarsens_to_calendar(value, expected):
    assert timex.brief_date(value) == expected


def test_timex_find_adds_what_ner_misses_and_trims_glued_names(nlp):
    doc = nlp("In July Governor Ardel's envoy visited Tesport. A few weeks ago the council met, "
              "and earlier this month it voted. During her presidency, Ona Varle wrote to him.")
    texts = [t for _, _, t in timex.find(doc)]
    assert "July" in texts
    assert "A few weeks ago" in texts
    assert "earlier this month" in texts
    assert "her presidency" in texts
    assert all(doc.text[s:e] == t for s, e, t in timex.find(doc))
