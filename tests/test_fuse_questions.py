"""Disagreements between sources: real conflicts only (issue 14)."""

from __future__ import annotations

from briefgen.fuse.disputes import characterisation_questions
from briefgen.fuse.questions import attribution_disagreements, credit_disagreements, number_disagreements
from briefgen.model import Claim, Credit, Evidence


def _told(claim_id: str, tellings: list[tuple[str, str]], speaker: str = "police", quote: bool = False,
          credits: list[Credit] | None = None) -> Claim:
    """A claim told by each (source id, text)."""
    return Claim(id=claim_id, text=tellings[0][1], speaker=speaker, cue="said", quote=quote,
                 sources=[sid for sid, _ in tellings],
                 evidence=[Evidence(sid, 0, len(text), text) for sid, text in tellings], credits=credits or [])


def test_numbers_of_one_thing_that_differ_are_a_disagreement():
    claim = _told("C1", [("S1", "the ferry docked 10 minutes later at the north quay"),
                         ("S2", "the ferry docked nine minutes later at the north quay")])
    questions = number_disagreements([claim])
    assert len(questions) == 1
    assert questions[0].sources == ["S1", "S2"]
    assert "10" in questions[0].basis and "9" in questions[0].basis


def test_details_clock_times_and_phone_numbers_are_no_disagreement():
    claims = [
        _told("C1", [("S1", "the quake hit at 1:53 p.m. and was followed by four aftershocks"),
                     ("S2", "the quake hit at 1:55 p.m. and was followed by aftershocks")]),
        _told("C4", [("S1", "the 10:15 train to the coast was cancelled"),
                     ("S2", "the 10:20 train to the coast was cancelled")]),
        _told("C2", [("S1", "witnesses should call police on 0845 125 2222"),
                     ("S2", "witnesses should call Crimestoppers on 0800 555 111")]),
        # The longer telling adds a detail with its own number.
        _told("C3", [("S1", "five people were arrested and three people were injured when the march "
                            "reached the square on Saturday afternoon"),
                     ("S2", "five people were arrested when the march reached the square")]),
    ]
    assert number_disagreements(claims) == []


def test_who_said_it_only_for_one_quotation_credited_to_two_people():
    # The outer quotation marks are not in the evidence: the extractor strips them.
    quote = "We will find whoever did this, and we will not rest"
    one = _told("C1", [("S1", quote), ("S2", quote)], "Dana Ruiz", True,
                [Credit("Dana Ruiz", ["S1"], True), Credit("Omar Lind", ["S2"], True)])
    assert len(credit_disagreements([one])) == 1
    said = _told("C1", [("S1", "the search would go on through the night"),
                        ("S2", "the search would continue overnight")], "Dana Ruiz", False,
                 [Credit("Dana Ruiz", ["S1"], True), Credit("Omar Lind", ["S2"], True)])
    assert credit_disagreements([said]) == []  # two people saying alike
    # A short paraphrase relayed by an outlet shares two names with the quotation, not its words.
    relayed = _told("C1", [("S1", "Twenty-three men (12 Tarvish and 11 Olmenian) surrendered on boarding"),
                           ("S2", "The raiders were Tarvish and Olmenian")], "the navy", True,
                    [Credit("Velmar Navy", ["S1"], True), Credit("BBC", ["S2"], True)])
    assert credit_disagreements([relayed]) == []


def test_a_name_and_its_short_form_are_one_speaker():
    a = _told("C1", [("S1", "the harbour survey is back where it belongs")], "Ilse Varga", True)
    b = _told("C2", [("S2", "the harbour survey is back where it belongs")], "Varga", True)
    assert attribution_disagreements([a, b]) == []


def test_characterisation_needs_a_quoted_phrase_and_a_thing():
    # A quotation interrupted by "he said" is no quoted phrase of a paraphrase.
    a = _told("C1", [("S1", 'It is hard to say at this point," he said. "It is speculation')], "Rui Basto")
    b = _told("C2", [("S2", "the fire was suspicious at this point")], "Rui Basto")
    assert characterisation_questions([a, b]) == []
    # An adjective the tellings share is no thing described.
    a = _told("C1", [("S1", "saving the store was impossible, calling it “a write-off”")], "Rui Basto")
    b = _told("C2", [("S2", "it had been impossible to stop the flames")], "Rui Basto")
    assert characterisation_questions([a, b]) == []


def test_withheld_without_a_topic_or_a_named_holder_asks_nothing():
    from briefgen.fuse.questions import withheld_questions
    from briefgen.model import ArticleFacts, Span, Withheld

    def gap(text, topic, actor, question):
        return Withheld(text=Span(text, 0, len(text)), topic=topic, actor=actor, cue="did not respond",
                        question=question)

    facts = [ArticleFacts("S1", withheld=[
        gap("He did not know.", "", "he", "What does he say? (He did not know.)"),
        gap("The ministry did not respond.", "", "the ministry",
            "What does the ministry say? (The ministry did not respond.)"),
    ])]
    assert [q.text for q in withheld_questions(facts)] == ["What does the ministry say? (The ministry did not respond.)"]


def _figure(what, value, sources, text, as_of="2024-03-02", approx="", lead=True):
    from briefgen.model import Evidence, Figure

    return Figure(id="", what=what, value=value, unit=None, text=text, as_of=as_of, sources=sources,
                  evidence=[Evidence(s, 0, len(text), text) for s in sources], approx=approx, lead=lead)


def test_story_figures_given_differently_at_one_time_are_a_disagreement():
    from briefgen.fuse.figure_conflicts import figure_disagreements

    figures = [_figure("boats", 2, ["S1", "S2"], "two"), _figure("boats", 3, ["S3"], "three"),
               _figure("injured", 50, ["S1"], "50", approx="at least"), _figure("injured", 70, ["S2"], "70")]
    texts = [q.text for q in figure_disagreements(figures)]
    # The toll's figures first, then other counts.
    assert texts == ["How many were injured: at least 50 (S1) or 70 (S2)?",
                     "How many boats: two (S1, S2) or three (S3)?"]


def test_toll_course_rounding_and_undecided_sources_are_no_disagreement():
    from briefgen.fuse.figure_conflicts import figure_disagreements

    figures = [
        # The toll rose from the first day's reports to the next day's: its course,
        # though the first day's reports differed among themselves.
        _figure("dead", 3, ["S1"], "three", as_of="2024-03-01"), _figure("dead", 2, ["S4"], "two", as_of="2024-03-01"),
        _figure("dead", 10, ["S2", "S3"], "10"),
        # "About 50" and 48 are one count.
        _figure("evacuated", 50, ["S1"], "50", approx="about"), _figure("evacuated", 48, ["S2"], "48"),
        # One source gives both values: it sets neither against the other.
        _figure("rescued", 4, ["S1"], "four"), _figure("rescued", 5, ["S1", "S2"], "five"),
        # A count outside the key figures given in later paragraphs only (another event's) is not the story's.
        _figure("villages", 2, ["S1"], "two", lead=False), _figure("villages", 9, ["S2"], "nine", lead=False),
        # An article that gives the story's count and an earlier event's backs neither against the other.
        _figure("missing", 4, ["S1", "S2"], "four"), _figure("missing", 300, ["S2"], "300", lead=False),
    ]
    assert figure_disagreements(figures) == []


def test_key_counts_conflict_wherever_told_whatever_noun_follows():
    from dataclasses import replace

    from briefgen.fuse.figure_conflicts import figure_disagreements

    people = replace(_figure("arrested", 200, ["S1", "S2"], "200", approx="more than", lead=False), unit="people")
    protesters = replace(_figure("arrested", 400, ["S3"], "400", approx="more than", lead=False), unit="protesters")
    texts = [q.text for q in figure_disagreements([people, protesters])]
    assert texts == ["How many were arrested: more than 200 (S1, S2) or more than 400 (S3)?"]
    # Sums in two currencies are not one count set against another.
    euros = replace(_figure("money", 2e8, ["S1"], "200 million", lead=False), unit="EUR")
    dollars = replace(_figure("money", 2.65e8, ["S2"], "$265 million", lead=False), unit="USD")
    assert figure_disagreements([euros, dollars]) == []


def test_a_spokesman_and_the_national_body_he_speaks_for_are_one_speaker():
    from briefgen.fuse.questions import actor_titles
    from briefgen.model import Actor

    quote = "we returned fire only after the boats opened fire on our patrol"
    claim = _told("C1", [("S1", quote), ("S2", quote)], "Coast Guard", True,
                  [Credit("Danish Coast Guard", ["S1"], True), Credit("Erik Holm", ["S2"], True, ["Commander"])])
    # One outlet gives his rank only; another calls him the coast guard's spokesman.
    holm = Actor(id="A1", name="Erik Holm", type="person", aliases=["Holm"],
                 roles=["Commander", "coast guard spokesman"])
    assert len(credit_disagreements([claim])) == 1
    assert credit_disagreements([claim], actor_titles([holm])) == []
    # A person's name is never a nation's adjective away from another's.
    other = _told("C2", [("S1", quote), ("S2", quote)], "Erik Holm", True,
                  [Credit("Erik Holm", ["S1"], True), Credit("Erik Danish", ["S2"], True)])
    assert len(credit_disagreements([other], actor_titles([holm]))) == 1


def test_characterisation_needs_a_description_the_other_telling_lacks():
    # A word only inside the quoted phrase is no thing described ...
    a = _told("C1", [("S1", "the chief called it \"a total write-off\" after the blaze")], "Rui Basto")
    b = _told("C2", [("S2", "the crews fought hard and saved a total of six homes")], "Rui Basto")
    assert characterisation_questions([a, b]) == []
    # ... and both tellings using the quoted words describe the thing alike.
    a = _told("C1", [("S1", "the warehouse is \"a total write-off\" after the blaze")], "Rui Basto")
    b = _told("C2", [("S2", "the crews fought hard but the warehouse was a total write-off")], "Rui Basto")
    assert characterisation_questions([a, b]) == []


def test_two_nations_bodies_are_two_speakers():
    quote = "our ships held their course through the strait all night"
    claim = _told("C1", [("S1", quote), ("S2", quote)], "Indian Navy", True,
                  [Credit("Indian Navy", ["S1"], True), Credit("Pakistani Navy", ["S2"], True)])
    assert len(credit_disagreements([claim])) == 1
