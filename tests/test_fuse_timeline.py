from briefgen.fuse.timeline import fuse_events
from briefgen.model import ArticleFacts, Span, TimedEvent
from briefgen.sources.reader import article_from_text


def told(text, date, date_text, start=0):
    return TimedEvent(text=Span(text, start, start + len(text)), date=date, date_text=date_text)


def fuse(*per_source):
    ids = [f"S{i}" for i in range(1, len(per_source) + 1)]
    articles = [article_from_text("x", sid, {"title": "t"}) for sid in ids]
    facts = [ArticleFacts(source_id=sid, events=list(evs)) for sid, evs in zip(ids, per_source)]
    return fuse_events(articles, facts)


def test_fuse_timeline_merges_same_event_across_sources():
    out = fuse(
        [told("Last year, the Velmar navy seized a grain ship from Ostrava near the strait.", "2022", "Last year")],
        [told("Late last year, the Velmar navy said it had seized an Ostrava grain ship in the strait.",
              "2022-11", "Late last year", 40)],
    )
    assert len(out) == 1
    event = out[0]
    assert event.date == "2022-11"
    assert event.sources == ["S1", "S2"]
    assert [(e.source_id, e.start) for e in event.evidence] == [("S1", 0), ("S2", 40)]
    assert event.text.startswith("Late last year, the Velmar navy said")


def test_fuse_timeline_keeps_apart_incompatible_dates_and_different_events():
    out = fuse(
        [told("In March, the Velmar navy seized a grain ship near the strait.", "2023-03", "March"),
         told("In July, Dorin Kasp visited Tesport for fishing talks.", "2023-07", "July", 80)],
        [told("In April, the Velmar navy seized a grain ship near the strait.", "2023-04", "April")],
    )
    assert [e.date for e in out] == ["2023-03", "2023-04", "2023-07"]


def test_fuse_timeline_sorts_by_date_with_undated_last_in_article_order():
    out = fuse(
        [told("During her presidency, Ona Varle wrote to the rebels.", None, "her presidency", 5),
         told("In 2019, Tesport opened a new harbour.", "2019", "2019", 60)],
        [told("Both governments have previously denied the claims.", None, "previously"),
         told("In March 2021, the council voted to expand the harbour.", "2021-03", "March 2021", 90)],
    )
    assert [(e.id, e.date) for e in out] == [("E1", "2019"), ("E2", "2021-03"), ("E3", None), ("E4", None)]
    assert out[2].sources == ["S1"] and out[3].sources == ["S2"]


def test_fuse_timeline_never_merges_two_events_of_one_source():
    out = fuse([told("In 2019, Tesport opened a new harbour for ships.", "2019", "2019"),
                told("In 2019, Tesport opened a second new harbour for ships.", "2019", "2019", 70)])
    assert len(out) == 2


def test_background_is_what_came_before_the_story():
    from briefgen.fuse.timeline import before_the_story
    from briefgen.model import Event, Story

    story = Story(id="T1", title="", sources=["S1"], date="2023-08-14")
    events = [Event("E1", "the strike began", "2023-08-14", "Monday"),      # the story's own day
              Event("E2", "the vote was held", "2023-08-20", "Sunday"),     # its aftermath
              Event("E3", "the union was warned", "2023-08-02", "Aug. 2"),  # before it, in its month
              Event("E4", "talks began", "2023-08", "earlier this month"),  # the month: kept
              Event("E5", "a later month", "2023-09", "September"),
              Event("E6", "the last strike", "2019", "2019"),
              Event("E7", "long ago", None, "previously")]
    kept = before_the_story(events, [story])
    assert [e.text for e in kept] == ["the union was warned", "talks began", "the last strike", "long ago"]
    assert [e.id for e in kept] == ["E1", "E2", "E3", "E4"]


def test_before_the_story_drops_the_sentence_that_tells_the_news():
    from briefgen.fuse.timeline import before_the_story
    from briefgen.model import Event, Story

    lead = "Fresh riots broke out in Velmar in protest at the killing of a boy eight days ago."
    story = Story(id="T1", title="Riots", sources=["S1"], date="2023-08-06", what=lead)
    told = [Event(id="E1", text=lead, date="2023-08-05", date_text="eight days ago", sources=["S1"], story="T1"),
            Event(id="E2", text="The junta fell in 1974.", date="1974", date_text="1974", sources=["S1"], story="T1")]
    assert [e.text for e in before_the_story(told, [story])] == ["The junta fell in 1974."]
    # A lead that tells an earlier dated event keeps it as background.
    lead = "Acme, which filed for bankruptcy in 2009, said on Tuesday it would close."
    story = Story(id="T1", title="Acme", sources=["S1"], date="2023-08-06", what=lead)
    old = Event(id="E1", text=lead, date="2009", date_text="2009", sources=["S1"], story="T1")
    assert before_the_story([old], [story]) == [old]
