"""Actors merged across articles, ranked, and found again by any name."""

from __future__ import annotations

from collections import Counter

from briefgen.extract import actors as extract_actors
from briefgen.fuse.actors import fuse_actors, merge_keys
from briefgen.model import ArticleFacts, Mention
from briefgen.sources.reader import article_from_text


def article(source_id: str, text: str, *mentions: tuple[str, str, int] | tuple[str, str, int, str]):
    """An article and its facts; each mention is (text, label, local_id[, role]),
    found in order in ``text``."""
    art = article_from_text(text, source_id, {"title": "Test article"})
    facts = ArticleFacts(source_id=source_id)
    pos = 0
    for name, label, local_id, *role in mentions:
        start = text.index(name, pos)
        pos = start + len(name)
        facts.mentions.append(Mention(name, start, pos, label, role[0] if role else None, local_id))
    return art, facts


def _said(source_id: str, text: str, speaker: str):
    """An article whose one attribution is ``text``, said by ``speaker`` (unnamed)."""
    from briefgen.model import Attribution, Span

    art, facts = article(source_id, text)
    at = text.index(speaker)
    facts.attributions.append(Attribution(speaker=Span(speaker, at, at + len(speaker)), cue=Span("said", 0, 4),
                                          content=Span(text, 0, len(text))))
    return art, facts


def fuse(*pairs, speakers=None):
    return fuse_actors([a for a, _ in pairs], [f for _, f in pairs], speakers)


def named(actor_list, name):
    return next(a for a in actor_list if a.name == name)


def test_fuse_actors_surname_merges_with_full_name_across_articles():
    found, _ = fuse(
        article("S1", "Finance Minister Lena Marsh spoke.", ("Lena Marsh", "person", 1, "Finance Minister")),
        article("S2", "Marsh said no. Marsh left.", ("Marsh", "person", 1), ("Marsh", "person", 1)),
    )
    assert len(found) == 1
    marsh = found[0]
    assert (marsh.name, marsh.aliases, marsh.roles) == ("Lena Marsh", ["Marsh"], ["Finance Minister"])
    assert (marsh.mentions, marsh.sources) == (3, ["S1", "S2"])
    assert [(e.source_id, e.text) for e in marsh.evidence] == [("S1", "Lena Marsh"), ("S2", "Marsh")]


def test_fuse_actors_same_surname_people_are_not_merged():
    found, index = fuse(
        article("S1", "John Smith spoke.", ("John Smith", "person", 1)),
        article("S2", "Mary Smith spoke.", ("Mary Smith", "person", 1)),
        article("S3", "Smith spoke.", ("Smith", "person", 1)),
    )
    assert sorted(a.name for a in found) == ["John Smith", "Mary Smith", "Smith"]
    assert index.resolve("Smith", "S1").name == "John Smith"
    assert index.resolve("Smith", "S3").name == "Smith"


def test_fuse_actors_truncated_name_merges_with_full_name():
    found, _ = fuse(
        article("S1", "Kim Tae meets envoy", ("Kim Tae", "person", 1)),
        article("S2", "Kim Tae Ho met the envoy. Kim smiled.", ("Kim Tae Ho", "person", 1), ("Kim", "person", 1)),
    )
    assert [(a.name, sorted(a.aliases)) for a in found] == [("Kim Tae Ho", ["Kim", "Kim Tae"])]


def test_fuse_actors_country_aliases_become_one_country():
    found, _ = fuse(
        article("S1", "The U.S. agreed with the Commonwealth of Dominica.",
                ("U.S.", "country", 1), ("Commonwealth of Dominica", "country", 2)),
        article("S2", "United States and American officials. Washington agreed. Dominica too.",
                ("United States", "country", 1), ("American", "country", 1), ("Washington", "country", 1),
                ("Dominica", "country", 2)),
    )
    assert sorted(a.name for a in found) == ["Dominica", "United States"]
    us = named(found, "United States")
    assert (us.type, us.mentions) == ("country", 4)
    assert set(us.aliases) == {"U.S.", "American", "Washington"}


def test_fuse_actors_acronym_merges_with_organisation_it_abbreviates():
    found, _ = fuse(
        article("S1", "The United Nations Security Council met.", ("United Nations Security Council", "organisation", 1)),
        article("S2", "The U.N. Security Council and the UNSC met.",
                ("U.N. Security Council", "organisation", 1), ("UNSC", "organisation", 2)),
    )
    assert len(found) == 1
    assert found[0].name == "United Nations Security Council"
    assert set(found[0].aliases) == {"U.N. Security Council", "UNSC"}


def test_fuse_actors_roles_merge_case_and_spelling_most_frequent_first():
    found, _ = fuse(
        article("S1", "Dovaran Defence Minister Lev Orlov. Lev Orlov, a general.",
                ("Lev Orlov", "person", 1, "Dovaran Defence Minister"), ("Lev Orlov", "person", 1, "general")),
        article("S2", "Dovaran defense minister Lev Orlov.", ("Lev Orlov", "person", 1, "Dovaran defense minister")),
    )
    assert found[0].roles == ["Dovaran Defence Minister", "general"]


def test_fuse_actors_organisation_tag_on_a_surname_joins_the_person():
    found, _ = fuse(
        article("S1", "Piet Dorn spoke.", ("Piet Dorn", "person", 1)),
        article("S2", "Dorn spoke.", ("Dorn", "organisation", 1)),
    )
    assert [(a.name, a.type, a.mentions) for a in found] == [("Piet Dorn", "person", 2)]


def test_fuse_actors_ranked_by_salience_with_speaker_bonus():
    pairs = (
        article("S1", "Lena Marsh and the Tarvo Group and the Tarvo Group.",
                ("Lena Marsh", "person", 1), ("Tarvo Group", "organisation", 2), ("Tarvo Group", "organisation", 2)),
        article("S2", "Ken Obi and the Tarvo Group.", ("Ken Obi", "person", 1), ("Tarvo Group", "organisation", 2)),
    )
    found, _ = fuse(*pairs)
    assert [a.name for a in found] == ["Tarvo Group", "Lena Marsh", "Ken Obi"]
    assert [a.salience for a in found] == [9.0, 4.0, 4.0]
    found, index = fuse(*pairs, speakers=Counter({"Finance Minister Lena Marsh": 3}))
    assert [(a.id, a.name) for a in found] == [("A1", "Lena Marsh"), ("A2", "Tarvo Group"), ("A3", "Ken Obi")]
    assert index.by_id["A1"] is found[0]


def test_fuse_actors_index_resolves_any_written_form():
    _, index = fuse(
        article("S1", "Lena Marsh said the U.S. and the Tarvo Group agreed.",
                ("Lena Marsh", "person", 1), ("U.S.", "country", 2), ("Tarvo Group", "organisation", 3)),
    )
    assert index.resolve("Marsh").name == "Lena Marsh"
    assert index.resolve("Lena  Marsh’s").name == "Lena Marsh"
    assert index.resolve("Ms. Marsh", "S1").name == "Lena Marsh"
    assert index.resolve("the United States").name == "United States"
    assert index.resolve("Americans").name == "United States"
    assert index.resolve("the Tarvo Group").name == "Tarvo Group"
    assert index.resolve("Ken Obi") is None


def test_fuse_actors_from_extracted_articles(make_article):
    pairs = []
    for source_id, text in (
        ("S1", "Finance Minister Lena Marsh said the U.S. would pay. Marsh did not say when."),
        ("S2", "Lena Marsh, the finance minister, told American officials that Washington owed more."),
    ):
        art, doc = make_article(text, source_id=source_id)
        facts = ArticleFacts(source_id=source_id)
        extract_actors.extract(art, doc, facts)
        pairs.append((art, facts))
    found, _ = fuse(*pairs)
    assert [(a.name, a.sources) for a in found] == [("Lena Marsh", ["S1", "S2"]), ("United States", ["S1", "S2"])]
    assert found[0].roles == ["Finance Minister"]


def test_fuse_actors_short_organisation_name_merges_only_with_two_word_name():
    found, _ = fuse(
        article("S1", "Tarvo Ltd and the United Nations Security Council.",
                ("Tarvo Ltd", "organisation", 1), ("United Nations Security Council", "organisation", 2)),
        article("S2", "Tarvo and the United Nations.", ("Tarvo", "organisation", 1), ("United Nations", "organisation", 2)),
    )
    assert sorted((a.name, a.mentions) for a in found) == [
        ("Tarvo Ltd", 2), ("United Nations", 1), ("United Nations Security Council", 1)]


def test_fuse_actors_bare_name_joins_the_full_name_an_article_used_it_for():
    found, _ = fuse(
        article("S1", "Brenvik Computer grew. Brenvik hired.", ("Brenvik Computer", "organisation", 1),
                ("Brenvik", "organisation", 1)),
        article("S2", "Brenvik Inc. sold phones.", ("Brenvik Inc.", "organisation", 1)),
        article("S3", "Brenvik Records sued.", ("Brenvik Records", "organisation", 1)),
    )
    computer = next(a for a in found if "Brenvik Computer" in (a.name, *a.aliases))
    assert {computer.name, *computer.aliases} == {"Brenvik", "Brenvik Computer", "Brenvik Inc."}
    assert computer.sources == ["S1", "S2"]
    assert named(found, "Brenvik Records").sources == ["S3"]


def test_fuse_actors_bare_name_used_for_two_bodies_stays_apart():
    found, _ = fuse(
        article("S1", "Brenvik Computer grew. Brenvik hired.", ("Brenvik Computer", "organisation", 1),
                ("Brenvik", "organisation", 1)),
        article("S2", "Brenvik Records sued. Brenvik won.", ("Brenvik Records", "organisation", 1),
                ("Brenvik", "organisation", 1)),
        article("S3", "Brenvik spoke.", ("Brenvik", "organisation", 1)),
    )
    assert sorted(a.name for a in found) == ["Brenvik", "Brenvik Computer", "Brenvik Records"]


def test_fuse_actors_acronym_defined_in_one_article_joins_in_another():
    found, _ = fuse(
        article("S1", "Morvel Freight Lines (MFL) cut routes.", ("Morvel Freight Lines", "organisation", 1),
                ("MFL", "organisation", 1)),
        article("S2", "MFL said no.", ("MFL", "organisation", 1)),
    )
    assert len(found) == 1
    assert found[0].name == "Morvel Freight Lines" and found[0].sources == ["S1", "S2"]


def test_fuse_actors_organisation_named_without_its_country_joins_it():
    found, _ = fuse(
        article("S1", "The Portugal Rail Authority fined Tarvo.", ("Portugal Rail Authority", "organisation", 1)),
        article("S2", "The Rail Authority said so.", ("Rail Authority", "organisation", 1)),
    )
    assert [a.name for a in found] == ["Portugal Rail Authority"]


def test_fuse_actors_name_tagged_person_and_organisation_is_one_actor():
    found, _ = fuse(
        article("S1", "Halvard Brenmoor won. Halvard Brenmoor grew.", ("Halvard Brenmoor", "organisation", 1),
                ("Halvard Brenmoor", "organisation", 1)),
        article("S2", "Halvard Brenmoor bid.", ("Halvard Brenmoor", "person", 1)),
    )
    assert [(a.name, a.type, a.mentions) for a in found] == [("Halvard Brenmoor", "organisation", 3)]


def test_fuse_actors_single_word_takes_the_type_most_mentions_give():
    found, _ = fuse(
        article("S1", "Quorvik flew. Quorvik grew.", ("Quorvik", "organisation", 1), ("Quorvik", "organisation", 1)),
        article("S2", "Quorvik hired.", ("Quorvik", "organisation", 1)),
        article("S3", "Quorvik bid.", ("Quorvik", "person", 1)),
    )
    assert [(a.name, a.type) for a in found] == [("Quorvik", "organisation")]


def test_fuse_actors_places_merge_but_are_not_actors():
    pairs = [
        article("S1", "Lena Marsh spoke in Toulouse.", ("Lena Marsh", "person", 1), ("Toulouse", "place", 2)),
        article("S2", "Toulouse voted.", ("Toulouse", "place", 1)),
    ]
    found, _ = fuse(*pairs)
    assert [a.name for a in found] == ["Lena Marsh"]
    keys = merge_keys([f for _, f in pairs])
    assert keys[("S1", 2)] == keys[("S2", 1)]


def test_fuse_actors_places_the_tagger_took_for_actors_are_places():
    found, _ = fuse(
        # A name tagged a place in one article is a place where another read it as a person.
        article("S1", "Crews reached Ravenholt, police said.", ("Ravenholt", "place", 1)),
        article("S2", "Ravenholt was quiet on Sunday.", ("Ravenholt", "person", 1)),
        # A gazetteer town the tagger took for a body; a city's whole name read as a person.
        article("S3", "Crews in Tacoma said the road was shut near San Antonio.",
                ("Tacoma", "organisation", 1), ("San Antonio", "person", 2)),
        # A town's name the text never uses as a place, or that is also a word, stays a body.
        article("S6", "Nokia said sales rose, and shares of Orange fell as the orange signs came down.",
                ("Nokia", "organisation", 1), ("Orange", "organisation", 2)),
        # A clock's zone is no body.
        article("S4", "The alarm sounded at 0930 EST.", ("EST", "organisation", 1)),
        # A one-word person name that is also a town stays a person; so does a body with its own word.
        article("S5", "Murphy said the Tacoma Police would help.", ("Murphy", "person", 1),
                ("Tacoma Police", "organisation", 2)),
    )
    assert sorted(a.name for a in found) == ["Murphy", "Nokia", "Orange", "Tacoma Police"]


def test_fuse_actors_headline_words_and_sentence_capitals_are_no_names():
    found, _ = fuse(
        # Only ever in a headline's Title Case, or on a crosshead line.
        article("S1", "Ferry Strands Commuters\n\nThe ferry stalled. Riot police came.\n\nHarbour Chaos Grows\n\n"
                      "Ana Ruiz said a riot was feared.",
                ("Ferry Strands Commuters", "organisation", 1), ("Riot", "organisation", 2),
                ("Harbour Chaos", "organisation", 3), ("Ana Ruiz", "person", 4)),
        # "Protests" opens sentences only, and the articles write "protests": a sentence's capital.
        article("S2", "Protests grew. Ana Ruiz said protests would go on. Later, Brown said so.",
                ("Protests", "organisation", 1), ("Ana Ruiz", "person", 2), ("Brown", "person", 3)),
        # "Brown" is used as a name inside a sentence, though "brown" is a word too.
        article("S3", "The brown hull sank. Officials and Brown left.", ("Brown", "person", 1)),
    )
    assert sorted(a.name for a in found) == ["Ana Ruiz", "Brown"]


def test_fuse_actors_suffixes_middle_names_and_city_prefixes_are_one_actor():
    found, _ = fuse(
        article("S1", "Marcus Delane Reyes Jr. was charged. Tanya Renee Okafor testified.",
                ("Marcus Delane Reyes Jr.", "person", 1), ("Tanya Renee Okafor", "person", 2)),
        article("S2", "Reyes and Tanya Okafor arrived. Marcus Delane Reyes spoke.",
                ("Reyes", "person", 1), ("Tanya Okafor", "person", 2), ("Marcus Delane Reyes", "person", 1)),
        article("S3", "The Seattle Mariners offered more.", ("Seattle Mariners", "organisation", 1)),
        article("S4", "The Mariners declined.", ("Mariners", "organisation", 1)),
    )
    assert len(found) == 3
    reyes = next(a for a in found if "Reyes" in a.name)
    assert {"Marcus Delane Reyes Jr.", "Marcus Delane Reyes", "Reyes"} <= {reyes.name, *reyes.aliases}
    assert {"Seattle Mariners", "Tanya Renee Okafor"} <= {a.name for a in found}


def test_fuse_actors_one_person_spelled_two_ways_is_one_unless_an_article_names_both():
    found, _ = fuse(
        article("S1", "Governor Heidar Valsami spoke.", ("Heidar Valsami", "person", 1)),
        article("S2", "Governor Heydar Valsami spoke.", ("Heydar Valsami", "person", 1)),
        # Two people an article tells apart stay two.
        article("S3", "Michele Orsini and Michael Orsini left.", ("Michele Orsini", "person", 1),
                ("Michael Orsini", "person", 2)),
    )
    assert sorted(a.name for a in found) == ["Heidar Valsami", "Michael Orsini", "Michele Orsini"]
    assert "Heydar Valsami" in named(found, "Heidar Valsami").aliases


def test_fuse_actors_the_body_that_speaks_most_unnamed_is_an_actor():
    pairs = [_said(f"S{n}", f"Police said the road {n} was shut.", "Police") for n in range(1, 4)]
    pairs.append(_said("S4", "The cause is unknown, police said.", "police"))
    found, _ = fuse(*pairs)
    assert [a.name for a in found] == ["police"]
    assert found[0].sources == ["S1", "S2", "S3", "S4"]
    # One force named in the articles takes the unnamed statements.
    pairs.append(article("S5", "Officers of the Lakeside Police Department came.",
                         ("Lakeside Police Department", "organisation", 1)))
    found, _ = fuse(*pairs)
    assert [a.name for a in found] == ["Lakeside Police Department"]
    # Three statements are not enough.
    assert fuse(*pairs[:3])[0] == []


def test_fuse_actors_headline_forms_never_name_or_split_an_actor():
    # "Marsh Reverses Kell" is a headline's Title Case: no running text writes it.
    found, index = fuse(
        article("S1", "Marsh Reverses Kell on Rule\n\nMarsh signed the order.",
                ("Marsh Reverses Kell", "person", 1), ("Marsh", "person", 1)),
        article("S2", "Lena Marsh signed it. Omar Kell had set the rule.",
                ("Lena Marsh", "person", 1), ("Omar Kell", "person", 2)),
    )
    assert sorted(a.name for a in found) == ["Lena Marsh", "Omar Kell"]
    assert "Marsh Reverses Kell" not in named(found, "Lena Marsh").aliases
    assert index.resolve("Marsh Reverses Kell", "S1").name == "Lena Marsh"
    # Every mention still has a merge key, one only ever in a headline a key of its own.
    pairs = [article("S1", "Harbor Chaos Grows\n\nLena Marsh spoke.", ("Harbor Chaos", "organisation", 1),
                     ("Lena Marsh", "person", 2))]
    keys = merge_keys([f for _, f in pairs], [a for a, _ in pairs])
    assert set(keys) == {("S1", 1), ("S1", 2)} and keys[("S1", 1)] != keys[("S1", 2)]


def test_fuse_actors_nicknames_are_one_person_with_their_given_name():
    found, _ = fuse(
        article("S1", "Trooper William Reyko died.", ("William Reyko", "person", 1)),
        article("S2", "Bill Reyko was 51.", ("Bill Reyko", "person", 1)),
        article("S3", "Madeline Ostrova worked there. Maddie liked it.", ("Madeline Ostrova", "person", 1)),
        article("S4", "Maddie was hurt.", ("Maddie", "person", 1)),
    )
    assert sorted(a.name for a in found) == ["Madeline Ostrova", "William Reyko"]


def test_fuse_actors_ranks_and_job_words_are_no_part_of_a_name():
    text = ("Senior Trooper William Reyko and Lakeside Police Capt. Tom Venner died. Trooper Reyko was 51. GM Tom Venner "
            "spoke. Police identified him as Ana Lee. Officers said so. "
            "LaTonya Marie Okafor, 40, and Ms Okafor's friend LaTonya Okafor left.")
    found, _ = fuse(
        article("S1", text, ("Trooper William Reyko", "person", 1), ("Lakeside Police Capt", "organisation", 2),
                ("Tom Venner", "person", 3), ("Trooper Reyko", "person", 1), ("GM Tom Venner", "person", 3),
                ("Ana Lee", "person", 5), ("LaTonya Marie Okafor", "person", 4)),
    )
    names = sorted(a.name for a in found)
    # "Lee." ends a sentence (no name follows the period): a surname, no rank.
    assert names == sorted(["Ana Lee", "Lakeside Police", "LaTonya Marie Okafor", "Tom Venner", "William Reyko"])
    assert named(found, "Tom Venner").aliases == []
    reyko = named(found, "William Reyko")
    assert text[reyko.evidence[0].start:reyko.evidence[0].end] == "William Reyko"  # the span follows the name


def test_fuse_actors_names_one_letter_apart_are_two_bodies_unless_a_spelling_variant():
    found, _ = fuse(
        article("S1", "Austrian Airlines and the Nigerian Army.", ("Austrian Airlines", "organisation", 1),
                ("Nigerian Army", "organisation", 2)),
        article("S2", "Australian Airlines and the Nigerien Army.", ("Australian Airlines", "organisation", 1),
                ("Nigerien Army", "organisation", 2)),
    )
    assert len(found) == 4


def test_fuse_actors_one_body_written_several_ways_is_one():
    found, _ = fuse(
        article("S1", "The Department of Transport acted.", ("Department of Transport", "organisation", 1)),
        article("S2", "The Transport Department acted.", ("Transport Department", "organisation", 1)),
        article("S3", "The Tarvo Rangers Service and Quell Advisors left.",
                ("Tarvo Rangers Service", "organisation", 1), ("Quell Advisors", "organisation", 2)),
        article("S4", "The Tarvo Ranger Service and Quell Advisers came.",
                ("Tarvo Ranger Service", "organisation", 1), ("Quell Advisers", "person", 2)),
        # "Wells Bank" beside "Wells bank": the name and a common noun.
        article("S5", "Wells Bank was hit. The Wells bank reopened. Wells said so.",
                ("Wells Bank", "organisation", 1), ("Wells", "organisation", 2)),
    )
    assert len(found) == 4, [a.name for a in found]
    assert {"Transport Department", "Department of Transport"} <= {
        x for a in found for x in [a.name, *a.aliases]}


def test_fuse_actors_bare_surname_is_the_bearer_most_articles_name():
    pairs = [article(f"S{n}", "Anton Varga was charged.", ("Anton Varga", "person", 1)) for n in range(1, 4)]
    pairs.append(article("S4", "Anton Varga and his wife Mila Varga spoke.", ("Anton Varga", "person", 1),
                         ("Mila Varga", "person", 2)))
    pairs.append(article("S5", "Varga was held.", ("Varga", "person", 1)))
    found, _ = fuse(*pairs)
    assert sorted(a.name for a in found) == ["Anton Varga", "Mila Varga"]
    # Two bearers named about as often: the bare surname stays apart.
    found, _ = fuse(pairs[3], pairs[4])
    assert sorted(a.name for a in found) == ["Anton Varga", "Mila Varga", "Varga"]


def test_fuse_actors_unnamed_body_takes_the_place_the_articles_put_before_it():
    pairs = [_said(f"S{n}", f"Police said road {n} was shut, Springfield police added.", "Police") for n in range(1, 5)]
    found, _ = fuse(*pairs)
    assert [(a.name, a.aliases) for a in found] == [("Springfield police", ["police"])]


def test_fuse_actors_nation_adjectives_are_no_actors():
    found, _ = fuse(
        article("S1", "A Thai trawler sank. The Taliban seized the port. Kenya fought the Taliban.",
                ("Thai", "country", 1), ("Taliban", "group", 2), ("Kenya", "country", 3), ("Taliban", "group", 2)),
        article("S2", "Thailand protested. Kenya agreed.", ("Thailand", "country", 1), ("Kenya", "country", 2)),
        article("S3", "A Somali trawler sank.", ("Somali", "country", 1)),
    )
    # A group also named at a phrase's end stays an actor; a nation only ever an adjective is none.
    assert sorted(a.name for a in found) == ["Kenya", "Taliban", "Thailand"]
    thailand = named(found, "Thailand")
    assert thailand.salience < named(found, "Kenya").salience  # "Thai trawler" adds nothing
    found, _ = fuse(article("S1", "A Muslim convert spoke. Kenya said so.", ("Muslim", "group", 1),
                            ("Kenya", "country", 2)))
    assert [a.name for a in found] == ["Kenya"]


def test_fuse_actors_listed_villages_and_places_written_in_are_places():
    found, _ = fuse(
        article("S1", "Houses in the villages of Tarvik, Olmen and Brask fell. Aid reached Brask.",
                ("Tarvik", "person", 1), ("Olmen", "organisation", 2), ("Brask", "person", 3), ("Brask", "person", 3)),
        article("S2", "A store in Surrey burned. Lena Marsh fled.", ("Surrey", "person", 1), ("Lena Marsh", "person", 2)),
    )
    assert [a.name for a in found] == ["Lena Marsh"]


def test_fuse_actors_title_between_a_body_and_a_person_is_cut():
    text = "Lakeside Fire Department Chief Ana Ruiz spoke; the fire chief was calm."
    found, _ = fuse(article("S1", text, ("Lakeside Fire Department Chief", "organisation", 1),
                            ("Ana Ruiz", "person", 2)))
    assert sorted(a.name for a in found) == ["Ana Ruiz", "Lakeside Fire Department"]


def test_fuse_actors_one_word_joins_the_body_whose_name_it_ends_when_named_as_widely():
    pairs = [article(f"S{n}", "The Tarvish Navy acted.", ("Tarvish Navy", "organisation", 1)) for n in range(1, 7)]
    pairs.append(article("S7", "The U.K. Navy watched.", ("U.K. Navy", "organisation", 1)))
    pairs += [article(f"S{n}", "The Navy said so.", ("Navy", "organisation", 1)) for n in (8, 9)]
    found, _ = fuse(*pairs)
    assert sorted(a.name for a in found) == ["Tarvish Navy", "U.K. Navy"]
    # "U.K. Navy ... the Navy" in one article: a second body ending in the word, named there too.
    pairs = [article("S1", "The U.K. Navy sent a ship. The Navy said so.", ("U.K. Navy", "organisation", 1),
                     ("Navy", "organisation", 1)),
             article("S2", "The Navy said more.", ("Navy", "organisation", 1)),
             *(article(f"S{n}", "The Tarvish Navy acted.", ("Tarvish Navy", "organisation", 1)) for n in (3, 4))]
    assert len(fuse(*pairs)[0]) == 3
    # A word named more widely than the one longer name it ends stays itself.
    pairs = [article(f"S{n}", "Congress voted.", ("Congress", "organisation", 1)) for n in range(1, 4)]
    pairs.append(article("S4", "The Library of Congress wrote.", ("Library of Congress", "organisation", 1)))
    assert sorted(a.name for a in fuse(*pairs)[0]) == ["Congress", "Library of Congress"]


def test_country_codes_of_small_territories_are_agency_acronyms():
    from briefgen.extract.countries import country_of

    assert country_of("ATF") is None and country_of("PRI") is None
    assert (country_of("USA"), country_of("GBR"), country_of("UAE")) == ("United States", "United Kingdom",
                                                                          "United Arab Emirates")


def test_fuse_actors_short_forms_of_teams_firms_and_offices_join_their_actor():
    found, _ = fuse(
        article("S1", "The Lakeside Red Caps won.", ("Lakeside Red Caps", "organisation", 1)),
        article("S2", "The Red Caps and the Caps fans.", ("Red Caps", "organisation", 1), ("Caps", "organisation", 2)),
        article("S3", "Red Caps officials met.", ("Red Caps", "organisation", 1)),
        # "Gordon", nobody's name in full, is the firm it begins.
        article("S4", "He worked at Quell Advisors.", ("Quell Advisors", "organisation", 1)),
        article("S5", "Quell had fired him.", ("Quell", "person", 1)),
        # "DA Varga" beside "Mila Varga": an office's initials, then the surname.
        article("S6", "Prosecutor Anna Varga spoke. ADA Varga said more.", ("Anna Varga", "person", 1),
                ("ADA Varga", "person", 2)),
    )
    assert sorted(a.name for a in found) == ["Anna Varga", "Lakeside Red Caps", "Quell Advisors"], [(a.name, a.aliases) for a in found]
