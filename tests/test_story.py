"""The story layer: figures, reported facts, datelines, stories told apart, the bottom line."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract import extract_article
from briefgen.fuse import story_of_sources, tell_stories
from briefgen.fuse.figures import phrase
from briefgen.fuse.stories import cluster
from briefgen.model import FigureSummary
from briefgen.sources.dateline import from_dateline, from_url
from briefgen.sources.furniture import is_dateline


def figures(make_article, sentence):
    article, doc = make_article("Headline here\n\n" + sentence)
    facts = extract_article(article, doc)
    return [(f.what, f.value, f.unit, f.approx) for r in facts.reported for f in r.figures]


@pytest.mark.parametrize("sentence, expected", [
    ("A storm hit the coast of Velmar on Sunday, killing at least 12 people and injuring 40.",
     [("dead", 12, "people", "at least"), ("injured", 40, None, "")]),
    ("Twelve people were killed and about 300 injured when the bridge over the Ostra collapsed on Monday.",
     [("dead", 12, "people", ""), ("injured", 300, None, "about")]),
    ("Officials offered a reward of $25,000 for information about the fire that began in the depot.",
     [("money", 25000, "USD", "")]),
    ("A 6.4 magnitude earthquake struck 30 km (19 miles) east of the port town of Drava on Friday.",
     [("magnitude", 6.4, None, ""), ("distance", 30, "km", "")]),
    ("Police arrested more than 200 people in the capital after the protests turned violent overnight.",
     [("arrested", 200, "people", "more than")]),
    ("No one was injured in the blaze that destroyed the depot on the edge of the town.",
     [("injured", 0, None, "")]),
    ("Nobody was killed, but three people were hurt when the roof of the hall gave way.",
     [("dead", 0, None, ""), ("injured", 3, "people", "")]),
    ("Firefighters said there were no reports of injuries after the warehouse burned overnight.",
     [("injured", 0, None, "")]),
])
def test_figures_count_what_the_verb_says(make_article, sentence, expected):
    found = figures(make_article, sentence)
    assert [(w, v, u, a) for w, v, u, a in found] == expected


def test_figures_leave_ages_times_and_years_out(make_article):
    found = figures(make_article, "Dorin Kasp, 43, a 15-year-old boy and the mayor met at 1353 in 2004 to sign the deal.")
    assert found == []


def test_figure_summary_states_course_and_spread():
    rising = FigureSummary(what="dead", unit=None, of=None, low=3, high=10, latest=10, course=True)
    assert phrase(rising) == "10 (first reports: 3) dead"
    spread = FigureSummary(what="injured", unit=None, of=None, low=50, high=80, latest=80, conflict=True)
    assert phrase(spread) == "50 to 80 injured"
    money = FigureSummary(what="money", unit="USD", of="reward", low=25000, high=25000, latest=25000)
    assert phrase(money) == "$25,000 reward"
    nobody = FigureSummary(what="injured", unit=None, of=None, low=0, high=0, latest=0)
    assert phrase(nobody) == "no injuries"
    some = FigureSummary(what="injured", unit=None, of=None, low=0, high=2, latest=2, conflict=True)
    assert phrase(some) == "2 injured (other reports: none)"


@pytest.mark.parametrize("line, day", [
    ("Posted 11/27/2005 7:21 AM", dt.date(2005, 11, 27)),
    ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT", dt.date(2010, 9, 10)),
    ("Last Updated: Monday, 28 November 2005, 02:24 GMT", dt.date(2005, 11, 28)),
    ("Published 12:45, Wednesday, 12 June 2013", dt.date(2013, 6, 12)),
    ("July 03, 2013 6:22AM", dt.date(2013, 7, 3)),
])
def test_datelines_are_metadata(line, day):
    assert is_dateline(line)
    assert from_dateline(line) == day


def test_story_sentences_are_not_datelines():
    assert not is_dateline("The storm hit Velmar on 12 June 2013.")
    assert not is_dateline("In 2005 the council approved the plan")
    assert from_url("https://example.org/news/2010/09/10/storm-hits-velmar") == dt.date(2010, 9, 10)
    assert from_url("https://example.org/news/storm-hits-velmar") is None


def test_publication_date_read_from_the_dateline(make_article):
    article, _ = make_article("Storm hits Velmar\n\nPosted 11/27/2005 7:21 AM\n\n"
                              "A storm hit Velmar on Sunday, killing 12 people.", published=None)
    assert article.source.published == dt.date(2005, 11, 27)
    assert "dateline" in article.source.published_from
    assert "Posted" in article.text  # offsets stay as they were; extractors skip it


def test_dateline_is_no_reported_fact(make_article):
    article, doc = make_article("Storm hits Velmar\n\nPosted 11/27/2005 7:21 AM\n\n"
                                "A storm hit Velmar on Sunday, killing 12 people.", published=None)
    facts = extract_article(article, doc)
    leads = [r for r in facts.reported if r.kind == "lead"]
    assert leads[0].text.text.startswith("A storm hit Velmar")
    assert leads[0].date == "2005-11-27"  # Sunday, read against the dateline's date
    assert article.raw[leads[0].text.start:leads[0].text.end] == leads[0].text.text


def test_cluster_splits_only_on_conflicting_key_figures():
    a = [{"mayor kasp", "ostra", "day:2020-01-01"}, {"mayor kasp", "ostra", "day:2020-01-01"},
         {"governor vell", "drava", "village tesk"}, {"governor vell", "drava", "village tesk"}]
    apart = [{"dead": {12}}, {"dead": {12}}, {"injured": {2}, "dead": {1}}, {"dead": {1}}]
    assert sorted(map(sorted, cluster(a, apart))) == [[0, 1], [2, 3]]
    # The same groups with compatible figures (or none) stay one story: a follow-up names other people.
    alike = [{"dead": {12}}, {"dead": {12}}, {"dead": {12}}, {}]
    assert cluster(a, alike) == [[0, 1, 2, 3]]


STORM = ("Storm kills 12 in Velmar\n\nA storm hit the coast of Velmar on Sunday, killing 12 people and "
         "injuring 40, officials said.\n\nThe storm flattened homes in the port town of Drava.\n\n"
         "Governor Ana Vell said rescue teams had reached every village.")
STORM_2 = ("Velmar counts the dead after storm\n\nTwelve people were killed and 35 injured when a storm hit "
           "Velmar's coast on Sunday.\n\nIn Drava, homes were flattened and roads closed.\n\n"
           "Governor Ana Vell said rescue teams had reached every village.")
FLOOD = ("Floods hit Ostra valley\n\nFloods hit the Ostra valley on Tuesday, killing 300 people and injuring "
         "2,000, the ministry said.\n\nThe floods washed away bridges near Tesk.\n\n"
         "Minister Dorin Kasp said the army had been sent to Tesk.")
FLOOD_2 = ("Hundreds dead in Ostra floods\n\nAt least 300 people were killed in floods in the Ostra valley on "
           "Tuesday.\n\nBridges near Tesk were washed away.\n\nMinister Dorin Kasp said the army had been sent.")


def _facts(make_article, texts, dates):
    built = []
    for i, (text, day) in enumerate(zip(texts, dates), 1):
        article, doc = make_article(text, published=day, source_id=f"S{i}", title=None)
        built.append((article, extract_article(article, doc)))
    return [a for a, _ in built], [f for _, f in built]


def test_two_events_are_two_stories_and_the_bottom_line_tells_each(make_article):
    articles, facts = _facts(make_article, [STORM, FLOOD, STORM_2, FLOOD_2],
                             ["2021-03-15", "2019-06-12", "2021-03-15", "2019-06-12"])
    story_of = story_of_sources(articles, facts)
    assert story_of["S1"] == story_of["S3"] != story_of["S2"] == story_of["S4"]
    stories, reported, found, lines = tell_stories(articles, facts, [], [], [])
    assert len(stories) == 2
    assert {s.date for s in stories} == {"2021-03-14", "2019-06-11"}
    assert all(s.what for s in stories)
    text = " ".join(x.text for x in lines)
    assert "storm" in text.lower() and "floods" in text.lower()
    assert sum(len(x.text.split()) for x in lines) <= 120
    for line in lines:
        assert line.sources and line.text[0].isupper()
    # Figures of each story stay with it; one count told by two outlets is one figure.
    dead = {s.id: next(f for f in s.figures if f.what == "dead") for s in stories}
    assert sorted(f.low for f in dead.values()) == [12, 300]
    assert any(len(f.sources) == 2 for f in found if f.what == "dead")
    # Reported facts are the outlets' own, cited to them, never a speaker's.
    assert reported and all(f.sources for f in reported)


def test_one_event_is_one_story_with_its_when_where_and_spread(make_article):
    articles, facts = _facts(make_article, [STORM, STORM_2], ["2021-03-15", "2021-03-15"])
    stories, _reported, _found, lines = tell_stories(articles, facts, [], [], [])
    assert len(stories) == 1
    story = stories[0]
    assert story.date == "2021-03-14" and "Velmar" in " ".join(story.places)
    injured = next(f for f in story.figures if f.what == "injured")
    assert (injured.low, injured.high, injured.conflict) == (35, 40, True)
    assert lines[0].kind == "event" and lines[1].kind == "when_where"
    assert "Sunday 14 March 2021" in lines[1].text and "35 to 40 injured" in lines[1].text


FIRE = ("Fire guts Tesk depot\n\nA fire destroyed the bus depot in Tesk on Friday night, police said. "
        "No one was injured.\n\nForty firefighters fought the blaze for six hours.")
FIRE_2 = ("Tesk depot destroyed\n\nThe bus depot in Tesk was destroyed by fire on Friday night. "
          "Nobody was hurt, the fire service said.\n\nForty firefighters were sent to the depot.")


def test_undated_articles_keep_the_leads_weekday_and_a_count_of_none(make_article):
    articles, facts = _facts(make_article, [FIRE, FIRE_2], [None, None])
    stories, _reported, _found, lines = tell_stories(articles, facts, [], [], [])
    story = stories[0]
    assert story.date is None and story.date_text.startswith("Friday")
    injured = next(f for f in story.figures if f.what == "injured")
    assert injured.text == "no injuries" and injured.sources == ["S1", "S2"]
    # A plain count most leads give is one of the story's figures.
    assert any(f.what == "firefighters" and f.low == 40 for f in story.figures)
    composed = next(x.text for x in lines if x.kind == "when_where")
    assert "no injuries" in composed


STORM_LATER = ("Velmar rebuilds\n\nRescue teams at work in the port of Drava on the storm-hit coast of "
               "Velmar. Rebuilding of the flattened homes in Drava began on Friday, five days after the storm hit Velmar, "
               "as aid arrived from the capital.")


def test_bottom_line_adds_what_later_reports_tell_and_never_a_caption(make_article):
    articles, facts = _facts(make_article, [STORM, STORM_2, STORM_LATER], ["2021-03-15", "2021-03-15", "2021-03-20"])
    stories, _reported, _found, lines = tell_stories(articles, facts, [], [], [])
    assert len(stories) == 1
    later = [x for x in lines if x.kind == "development"]
    assert len(later) == 1 and later[0].sources == ["S3"]
    assert later[0].text.startswith("Latest report (Saturday 20 March 2021): Rebuilding")
    assert not any(x.text.startswith("Rescue teams at work") for x in lines)
    caption = next(r for r in facts[2].reported if r.text.text.startswith("Rescue teams at work"))
    assert caption.kind == "lead" and not caption.finite
