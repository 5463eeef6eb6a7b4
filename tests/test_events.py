from briefgen.extract import events
from briefgen.model import ArticleFacts


def run(make_article, text, **kwargs):
    article, doc = make_article(text, **kwargs)
    facts = ArticleFacts(source_id=article.source.id)
    events.extract(article, doc, facts)
    return article, facts.events


def test_events_keeps_dated_past_events(make_article):
    article, found = run(make_article, (
        "Harbor talks stall\n\n"
        "On Wednesday, the Velmar ministry revealed new figures on the port dispute.\n\n"
        "In March, the Velmar ministry said it had seized two cargo ships near Ostrava Bay.\n\n"
        "Late last year, Dorin Kasp visited Tesport to negotiate a fishing deal."))
    assert [(e.date, e.date_text) for e in found] == [("2023-03", "March"), ("2022", "Late last year")]
    assert "Dorin Kasp" in found[1].actors
    for e in found:
        assert article.raw[e.text.start:e.text.end] == e.text.text


def test_events_skips_the_news_day_and_what_is_said_today(make_article):
    _, found = run(make_article, (
        "Minister Ilse Brandt told reporters on Wednesday that the port will reopen.\n\n"
        "Brandt says the talks are progressing."))
    assert found == []


def test_events_treats_the_lead_day_as_news_day_when_published_later(make_article):
    _, found = run(make_article, (
        "On Tuesday, the Velmar ministry announced a port closure.\n\n"
        "Officials said on Tuesday that the closure was temporary.\n\n"
        "Last Friday, dockworkers walked out over unpaid wages."), published="2023-08-30")
    assert [e.date for e in found] == ["2023-08-25"]


def test_events_keeps_eras_and_clearly_earlier_undated_events(make_article):
    _, found = run(make_article, (
        "During her presidency, Ona Varle corresponded with the rebel leader.\n\n"
        "Both governments have previously denied the allegations.\n\n"
        "The delegation traveled to the capital."))
    assert [(e.date, e.date_text) for e in found] == [(None, "her presidency"), (None, "previously")]


def test_events_without_publication_date_keep_relative_wording(make_article):
    _, found = run(make_article, ("In March, the Velmar ministry seized two cargo ships.\n\n"
                                  "On July 25, 2021, Dorin Kasp resigned."), published=None)
    assert [(e.date, e.date_text) for e in found] == [(None, "March"), ("2021-07-25", "July 25, 2021")]


def test_events_skips_headline(make_article):
    article, found = run(make_article, "Last year Tesport council approved the harbour plan\n\n"
                                       "The plan is popular with fishermen.", title=None)
    assert article.headline_end > 0
    assert found == []


def test_events_skips_what_is_planned_and_dates_anchored_wording(make_article):
    _, found = run(make_article, (
        "Harbor vote delayed\n\n"
        "The Tesport council will vote in March on the harbour plan.\n\n"
        "On July 25, 2021, Dorin Kasp resigned from the council.\n\n"
        "Two days earlier, Kasp had met the harbour master in private."))
    assert [(e.date, e.date_text) for e in found] == [("2021-07-25", "July 25, 2021"),
                                                     ("2021-07-23", "Two days earlier")]


def test_events_keeps_states_begun_since_and_reduced_relatives(make_article):
    _, found = run(make_article, (
        "Harbor traffic grows\n\n"
        "Tesport has led the region in cargo traffic since 2019, port officials say.\n\n"
        "The expansion is the result of a deal signed with Velmar last year."))
    assert [(e.date, e.date_text) for e in found] == [("2019", "2019"), ("2022", "last year")]


def test_events_keeps_narrated_pluperfect_but_not_reported_speech(make_article):
    _, found = run(make_article, (
        "Harbor deal collapses\n\n"
        "The council had approved the harbour plan after a long debate.\n\n"
        "Mayor Ona Varle said the envoys had met in private."))
    assert [(e.date, e.date_text, e.text.text) for e in found] == [
        (None, "", "The council had approved the harbour plan after a long debate.")]


def test_events_since_with_a_long_sentence_keeps_its_clause(make_article):
    # A "since" date on a sentence long enough to be cut to the dated verb's clause.
    filler = ", ".join(f"the depot in district {n}" for n in range(1, 16))
    text = (f"Headline about depots\n\nThe operator has run {filler} since 2015, "
            "the transport agency said in its annual report.")
    article, doc = make_article(text, published="2023-05-02")
    facts = ArticleFacts("S1")
    events.extract(article, doc, facts)
    assert [e.date for e in facts.events] == ["2015"]


def test_events_without_publication_date_leave_the_news_cycle_out(make_article):
    # Read against a nominal day: "Friday night" and "this morning" are the news, "two years ago" is not.
    _, found = run(make_article, (
        "Harbor fire\n\n"
        "Crews from Velmar fought the blaze until dawn.\n\n"
        "The warehouse caught fire on Friday night.\n\n"
        "Officials said this morning that the roof had collapsed.\n\n"
        "Two years ago, a smaller fire damaged the same pier."), published=None)
    assert [(e.date, e.date_text) for e in found] == [(None, "Two years ago")]


def test_events_ages_and_clock_times_are_no_dates(make_article):
    _, found = run(make_article, (
        "Pier collapse\n\n"
        "Crews from Velmar were at the pier all day.\n\n"
        "Two divers, both 51, died at the pier.\n\n"
        "The pier had been closed until about 1630 GMT."), published=None)
    assert all(e.date_text not in ("51", "1630") for e in found)


def test_events_a_lead_tells_its_news_not_the_earlier_clause_inside_it(make_article):
    _, found = run(make_article, (
        "Office shooting\n\n"
        "A clerk who was dismissed last month walked into the Velmar office on Monday and opened fire.\n\n"
        "The clerk had been dismissed in July after a dispute."), published="2023-08-30")
    assert [e.date_text for e in found] == ["July"]


def test_events_earlier_is_the_news_day_not_the_past(make_article):
    _, found = run(make_article, (
        "Harbor vigil\n\n"
        "Crews from Velmar cleared the pier.\n\n"
        "Earlier, hundreds of residents had gathered at the gate.\n\n"
        "The pier had previously been closed for repairs."), published="2023-08-30")
    assert [e.date_text for e in found] == ["previously"]


def test_events_clock_times_beside_a_zone_in_brackets_are_no_dates(make_article):
    _, found = run(make_article, (
        "Quake\n\n"
        "Crews from Velmar searched the town.\n\n"
        "The quake, which struck at 1353 (1023 GMT), was felt across the gulf.\n\n"
        "POSTED: 1052 GMT (1852 HKT), the report was updated."), published="2023-08-30")
    assert all(e.date_text not in ("1353", "1852", "1052") for e in found)


def test_events_news_cycle_wording_is_no_background(make_article):
    # Without a publication day: "the day", "this weekend", "recent days" are the news itself.
    _, found = run(make_article, (
        "Harbor fire\n\n"
        "Crews from Velmar fought the blaze.\n\n"
        "The fire, the largest of the year for the crews, was set at the gate.\n\n"
        "The church went up in flames this weekend.\n\n"
        "The rioting has faded in recent days, but protests go on.\n\n"
        "The bank had been evacuated before the bomb went off.\n\n"
        "Two years ago, a smaller fire damaged the same pier."), published=None)
    assert [e.date_text for e in found] == ["Two years ago"]


def test_events_a_pluperfect_with_after_is_still_background(make_article):
    _, found = run(make_article, (
        "Bankruptcy\n\n"
        "Crews from Velmar cleared the site.\n\n"
        "The company had filed for bankruptcy after the housing market collapsed.\n\n"
        "The counts rose since 2015 (CAT) scans began."), published=None)
    assert "" in [e.date_text for e in found]  # the pluperfect, undated
    assert "2015" in [e.date_text for e in found]  # a year before a bracketed word, no clock time
