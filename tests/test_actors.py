"""Actor mentions in one article, and the country-name index."""

from __future__ import annotations

import pytest

from briefgen.extract import actors, names
from briefgen.extract.countries import country_of
from briefgen.model import ArticleFacts


@pytest.fixture
def mentions(make_article):
    def run(text: str, **meta):
        article, doc = make_article(text, **meta)
        facts = ArticleFacts(source_id=article.source.id)
        actors.extract(article, doc, facts)
        return article, facts.mentions

    return run


def by_text(found):
    return {m.text: m for m in found}


def test_countries_official_name_demonym_capital_and_acronym():
    assert country_of("the Commonwealth of Dominica") == "Dominica"
    assert country_of("United States of America") == "United States"
    assert country_of("French") == "France"
    assert country_of("Americans") == "United States"
    assert country_of("Paris") == "France"
    assert country_of("Washington") == "United States"
    assert country_of("Democratic People’s Republic of Korea") == "North Korea"
    assert country_of("DPRK") == "North Korea"
    assert country_of("PRC") == "China"
    assert country_of("U.S.") == "United States"


def test_countries_codes_only_in_capitals_and_when_allowed():
    assert country_of("us") is None
    assert country_of("It") is None
    assert country_of("IT") == "Italy"
    assert country_of("IT", codes=False) is None
    assert country_of("French", demonyms=False) is None
    assert country_of("Paris", capitals=False) is None
    assert country_of("Delmore University") is None


def test_actors_title_before_name_is_the_role_not_an_actor(mentions):
    _, found = mentions("Former President Omar Velling met Russian Defense Minister Lev Orlov in Lisbon.")
    names = by_text(found)
    assert names["Omar Velling"].role == "Former President"
    assert names["Lev Orlov"].role == "Russian Defense Minister"
    assert "Defense" not in names
    assert names["Russian"].label == "country"


def test_actors_surname_shares_local_id_with_full_name(mentions):
    _, found = mentions("Finance Minister Lena Marsh said on Monday that the budget would pass. "
                        "Marsh added that the vote was close.")
    people = [m for m in found if m.label == "person"]
    assert [m.text for m in people] == ["Lena Marsh", "Marsh"]
    assert people[0].role == "Finance Minister"
    assert people[0].local_id == people[1].local_id


def test_actors_apposition_gives_role_to_person_and_organisation(mentions):
    _, found = mentions("Ken Obi, a professor at Delmore University, said the Tarvo Group, "
                        "a private security firm, had left the country.")
    names = by_text(found)
    assert names["Ken Obi"].role == "professor at Delmore University"
    assert names["Tarvo Group"].role == "private security firm"
    assert names["Tarvo Group"].label == "organisation"


def test_actors_predicate_nominal_gives_role(mentions):
    _, found = mentions("Omar Velling is the spokesman for the Ministry of Trade.")
    assert by_text(found)["Omar Velling"].role == "spokesman for the Ministry of Trade"


def test_actors_country_aliases_share_local_id(mentions):
    _, found = mentions("The U.S. and the United States of America are one. Washington rejected the plan, "
                        "and American officials agreed.")
    countries = [m for m in found if m.label == "country"]
    assert [m.text for m in countries] == ["U.S.", "United States of America", "Washington", "American"]
    assert len({m.local_id for m in countries}) == 1


def test_actors_capital_as_a_place_is_a_place_not_a_country(mentions):
    _, found = mentions("The delegation later flew to Paris for more talks.")
    assert [(m.text, m.label, m.role) for m in found] == [("Paris", "place", None)]


def test_actors_same_surname_people_stay_apart(mentions):
    _, found = mentions("John Smith met Mary Smith in Lisbon. Smith said nothing.")
    ids = {m.text: m.local_id for m in found if m.label == "person"}
    assert len({ids["John Smith"], ids["Mary Smith"], ids["Smith"]}) == 3


def test_actors_no_platform_date_or_caption_words(mentions):
    _, found = mentions("In May the video spread on Telegram and Twitter, Lena Marsh said. "
                        "Marsh, right, met the press.")
    assert {m.text for m in found} == {"Lena Marsh", "Marsh"}
    assert all(m.role is None for m in found)


def test_actors_acronym_spelled_out_in_article_is_the_organisation(mentions):
    _, found = mentions("The Korvan Security Agency (KSA) said on Friday that the KSA would act.")
    assert {m.label for m in found} == {"organisation"}
    assert len({m.local_id for m in found}) == 1


def test_actors_spans_index_original_text_without_possessive(mentions):
    text = "---\nauthor: Jo Bell\n---\nThe budget\n\nLena Marsh's office said the Tarvo Group’s plan failed.\n"
    article, found = mentions(text, title=None)
    assert [m.text for m in found] == ["Lena Marsh", "Tarvo Group"]
    for m in found:
        assert article.raw[m.start:m.end] == m.text


def test_actors_truncated_name_and_first_name_link_to_full_name():
    full = ("kim", "tae", "ho")
    canon = names.canonical_names([full, ("kim", "tae"), ("kim",), ("ho",), ("lena", "marsh")])
    assert canon[("kim", "tae")] == full
    assert canon[("kim",)] == full
    assert canon[("ho",)] == full
    assert canon[("lena", "marsh")] == ("lena", "marsh")


def test_actors_name_shared_by_two_full_names_stays_itself():
    canon = names.canonical_names([("john", "smith"), ("mary", "smith"), ("smith",)])
    assert canon[("smith",)] == ("smith",)


def test_actors_short_organisation_name_links_to_full_name(mentions):
    _, found = mentions("Mr Vale, the chief executive of Tarvo Ltd, resigned. Vale joined Tarvo in 2004. "
                        "The United Nations and the United Nations Security Council met.")
    ids = {m.text: m.local_id for m in found if m.label == "organisation"}
    assert ids["Tarvo"] == ids["Tarvo Ltd"]
    assert ids["United Nations"] != ids["United Nations Security Council"]
    assert by_text(found)["Vale"].role == "chief executive of Tarvo Ltd"


def test_actors_bracketed_acronym_names_the_organisation_before_it(mentions):
    _, found = mentions("Norvale Airlines (NVA) cut routes on Monday. NVA said fuel costs rose.")
    assert [m.text for m in found] == ["Norvale Airlines", "NVA", "NVA"]
    assert len({m.local_id for m in found}) == 1
    assert {m.label for m in found} == {"organisation"}


def test_actors_bare_name_stands_for_the_company_written_in_full(mentions):
    _, found = mentions("Brenvik Inc. sued Brenvik Records in March. Brenvik said the records label "
                        "had broken the agreement.")
    ids = {m.text: m.local_id for m in found if m.label == "organisation"}
    assert ids["Brenvik"] == ids["Brenvik Inc."]
    assert ids["Brenvik Records"] != ids["Brenvik Inc."]


def test_actors_places_are_place_mentions_with_their_own_ids(mentions):
    _, found = mentions("Lena Marsh flew to Chicago on Monday. In Chicago she met the press.")
    places = [m for m in found if m.label == "place"]
    assert [m.text for m in places] == ["Chicago", "Chicago"]
    assert places[0].local_id == places[1].local_id
    assert all(m.role is None for m in places)


def test_actors_single_word_person_tag_needs_a_full_name_when_tagged_otherwise(mentions):
    _, found = mentions("Lena Marsh opened a plant in Lyon. Lyon welcomed the new jobs, Marsh said.")
    labels = {m.text: {n.label for n in found if n.text == m.text} for m in found}
    assert labels["Lyon"] == {"organisation"}
    assert labels["Marsh"] == labels["Lena Marsh"] == {"person"}
    ids = {m.local_id for m in found if m.text == "Lyon"}
    assert len(ids) == 1


def test_actors_capital_after_a_place_and_comma_is_where_it_lies(mentions):
    _, found = mentions("Workers at the plant in Everett, Washington, went on strike.")
    assert {m.text: m.label for m in found}.get("Washington") == "place"


def test_actors_country_code_in_brackets_stays_the_country(mentions):
    _, found = mentions("Tarvo Mining (UK) fired staff. The UK said it would look into it.")
    assert {m.label for m in found if m.text == "UK"} == {"country"}

