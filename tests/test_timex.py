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
    ("a few weeks ago", ("2023", "year")),        # 2 to 9 weeks back: only the year holds them all
    ("June last year", ("2022-06", "month")),
    ("third-quarter", ("2023-Q3", "quarter")),
    ("the fiscal first quarter", ("2023-Q1", "quarter")),
    ("the first half of 2020", ("2020-H1", "half")),
    ("fiscal 2019", ("2019", "year")),
    ("nineteen ninety-six", ("1996", "year")),
    ("the winter of nineteen ninety-four", ("1994-WI", "season")),
    ("the late 1970s", ("197", "decade")),
    ("the 20th century", ("19", "century")),
    ("recent years", ("PAST_REF", "ref")),
    ("in coming months", ("FUTURE_REF", "ref")),
])
def test_timex_normalise_resolves_against_publication(text, expected):
    assert timex.normalise(text, PUBLISHED) == expected


@pytest.mark.parametrize(("text", "reason"), [
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


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("in March", -1, "2023-03"),
    ("in March", 1, "2024-03"),
    ("Dec. 7", None, "2022-12-07"),
    ("Dec. 7", 1, "2023-12-07"),
    ("Aug. 14", 1, "2023-08-14"),   # same month: still this August
    ("Tuesday", None, "2023-08-29"),
    ("Tuesday", 1, "2023-09-05"),
    ("the weekend", None, "2023-W34-WE"),   # Aug. 26-27
])
def test_timex_normalise_follows_the_direction_of_the_sentence(text, direction, expected):
    assert timex.normalise(text, PUBLISHED, direction)[0] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("two days earlier", "2021-07-25", ("2021-07-23", "day")),
    ("two days earlier", "2021-07", (None, timex.ANCHORED)),   # a month cannot move by days
    ("a year earlier", "2023-Q2", ("2022-Q2", "quarter")),
    ("the year-ago quarter", "2023-Q2", ("2022-Q2", "quarter")),
    ("the following year", "2015", ("2016", "year")),
    ("that year", "2015-04-02", ("2015", "year")),
    ("the previous week", "2015-04-02", ("2015-W13", "week")),
    ("the next day", "2015-04", (None, timex.ANCHORED)),
    ("a year ago", "2023-Q2", ("2022-Q2", "quarter")),   # the same reporting period
    ("a year ago", "2023-05-02", ("2022", "year")),
])
def test_timex_normalise_counts_anchored_wording_from_the_reference(text, reference, expected):
    assert timex.normalise(text, PUBLISHED, None, reference) == expected


def test_timex_resolve_reads_tense_and_earlier_dates(nlp):
    doc = nlp("The council met in March. It will vote again in March. The dividend is payable Dec. 7. "
              "On July 25, 2021, Dorin Kasp resigned. Two days earlier he had met the mayor. "
              "A year earlier he had run for office.")
    values = {t.text: t.value for t in timex.resolve(doc, PUBLISHED)}
    found = [(t.text, t.value) for t in timex.resolve(doc, PUBLISHED)]
    assert found[:2] == [("March", "2023-03"), ("March", "2024-03")]
    assert values["Dec. 7"] == "2023-12-07"
    assert values["Two days earlier"] == "2021-07-23"
    assert values["A year earlier"] == "2020-07-25"   # counts from the last date read on its own


def test_timex_find_cuts_ranges_in_two(nlp):
    doc = nlp("Profit rose in the six months ended Aug. 12, and shares traded from Aug. 26 to Oct. 20.")
    texts = [t for _, _, t in timex.find(doc)]
    assert "Aug. 12" in texts and "Aug. 26" in texts and "Oct. 20" in texts
    assert not any("ended" in t or " to " in t for t in texts)


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-07-25", "2023-07-25"),
    ("2023-W34", "2023-08"),   # Aug 21-27
    ("2023-W35", "2023"),      # Aug 28 - Sep 3
    ("2022-SU", "2022"),
    ("2020-H1", "2020"),
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
