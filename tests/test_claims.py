"""Attribution extraction on hand-made sentences (invented names)."""

from __future__ import annotations

import pytest

from briefgen.extract import claims
from briefgen.model import ArticleFacts, Mention


def extract(make_article, text, mentions=None, **meta):
    article, doc = make_article(text, **meta)
    facts = ArticleFacts(source_id=article.source.id, mentions=mentions or [])
    claims.extract(article, doc, facts)
    return article, facts.attributions


def only(attributions, cue):
    found = [a for a in attributions if a.cue.text == cue]
    assert len(found) == 1, [(a.cue.text, a.content.text) for a in attributions]
    return found[0]


def person_at(make_article, text, name, role=None):
    """The person mention of ``name`` in ``text``, as the actor extractor gives it."""
    article, _ = make_article(text)
    start = article.raw.index(name)
    return [Mention(name, start, start + len(name), "person", role, 1)]


def test_claims_reported_speech_takes_the_complement(make_article):
    _, atts = extract(make_article, "Mayor Lena Farrow said that the bridge over the Tamsin river would reopen in May.")
    att = only(atts, "said")
    assert att.speaker.text == "Mayor Lena Farrow"
    assert att.content.text == "the bridge over the Tamsin river would reopen in May"
    assert att.hedge == "asserted" and not att.quote


def test_claims_inverted_order_both_ways(make_article):
    _, atts = extract(
        make_article,
        "The harbour tax will double next year, Jon Ekwall said. Fishing quotas are too low, said Mara Quist.",
    )
    by_speaker = {a.speaker.text: a.content.text for a in atts}
    assert by_speaker == {
        "Jon Ekwall": "The harbour tax will double next year",
        "Mara Quist": "Fishing quotas are too low",
    }


def test_claims_according_to_drops_the_phrase_and_comma(make_article):
    _, atts = extract(make_article, "A convoy of forty trucks crossed the border at dawn, according to the Velmar coast guard.")
    att = only(atts, "according to")
    assert att.speaker.text == "the Velmar coast guard"
    assert att.content.text == "A convoy of forty trucks crossed the border at dawn"


def test_claims_according_to_at_sentence_start(make_article):
    _, atts = extract(make_article, "According to Dana Oyelaran, the museum will close for repairs.")
    att = only(atts, "According to")
    assert att.content.text == "the museum will close for repairs"


def test_claims_curly_single_quote_with_apostrophes(make_article):
    text = "‘We urge Tarvania’s leaders to stop the shelling and return to the talks,’ Edda Mornsen told reporters."
    article, atts = extract(make_article, text)
    att = only(atts, "told")
    assert att.speaker.text == "Edda Mornsen"
    assert att.content.text == "We urge Tarvania’s leaders to stop the shelling and return to the talks"
    assert att.quote


def test_claims_quote_spanning_sentences_is_one_content(make_article):
    _, atts = extract(make_article, "“We will rebuild the school. We will not wait for the ministry,” said Ilse Varga.")
    att = only(atts, "said")
    assert att.content.text == "We will rebuild the school. We will not wait for the ministry"
    assert att.quote


def test_claims_quote_running_over_paragraphs(make_article):
    text = (
        "Piet Jorna, the harbour master, spoke at length.\n\n"
        "“The dredging must start this winter.\n\n"
        "“Otherwise the ferries stop,” Jorna said."
    )
    _, atts = extract(make_article, text)
    att = only(atts, "said")
    assert att.content.text.startswith("The dredging must start this winter.")
    assert att.content.text.endswith("Otherwise the ferries stop")
    assert att.quote


def test_claims_colon_introduces_quote(make_article):
    _, atts = extract(make_article, "Rhea Castell told the council: “No family will lose its home.”")
    att = only(atts, "told")
    assert "No family will lose its home" in att.content.text
    assert att.quote


def test_claims_partial_quote_in_reported_speech_is_not_a_quote(make_article):
    _, atts = extract(
        make_article, "Olaf Brenner noted that while the letters were “surface-level,” they showed progress in the talks."
    )
    att = only(atts, "noted")
    assert att.content.text == "while the letters were “surface-level,” they showed progress in the talks"
    assert not att.quote
    assert len(atts) == 1  # the quotation is not a statement of "they"


def test_claims_noun_cue_with_that_clause(make_article):
    _, atts = extract(make_article, "Tomas Keller's claim that the dam was unsafe was rejected by engineers.")
    att = only(atts, "claim")
    assert att.speaker.text == "Tomas Keller"
    assert att.content.text == "the dam was unsafe"
    assert att.hedge == "hedged"


def test_claims_statement_phrase_keeps_the_verb_as_cue(make_article):
    _, atts = extract(make_article, "In a statement, the Orvell ministry said the talks would resume on Friday.")
    att = only(atts, "said")
    assert att.speaker.text == "the Orvell ministry"
    assert att.content.text == "the talks would resume on Friday"


def test_claims_briefing_object_is_not_content(make_article):
    _, atts = extract(make_article, "The fleet is ready to sail, Admiral Rosa Kettering told a briefing on Wednesday.")
    att = only(atts, "told")
    assert att.content.text == "The fleet is ready to sail"


def test_claims_call_needs_content(make_article):
    _, atts = extract(make_article, "The so-called reform was called a failure. The unions have called on Brisa Telmo to resign.")
    assert [a.cue.text for a in atts] == ["called"]
    assert atts[0].content.text == "Brisa Telmo to resign"


def test_claims_pronoun_resolves_to_last_speaker_not_embedded_subject(make_article):
    text = (
        "Aino Virtanen, a spokeswoman, said Defence Minister Karel Dvorak had visited the base. "
        "She also claimed that the base had received new radar equipment."
    )
    _, atts = extract(make_article, text)
    att = only(atts, "claimed")
    assert att.speaker.text == "She"
    assert att.speaker_name == "Aino Virtanen"
    assert att.hedge == "hedged"


def test_claims_pronoun_uses_actor_mentions_fullest_form(make_article):
    text = "Farid Osman arrived late. Osman said the vote was rigged. He added that protests would follow."
    article, _ = make_article(text)
    start = article.raw.index("Farid Osman")
    second = article.raw.index("Osman said")
    mentions = [
        Mention("Farid Osman", start, start + 11, "person", None, 1),
        Mention("Osman", second, second + 5, "person", None, 1),
    ]
    _, atts = extract(make_article, text, mentions)
    assert only(atts, "said").speaker_name == "Farid Osman"
    assert only(atts, "added").speaker_name == "Farid Osman"


def test_claims_description_resolves_by_role(make_article):
    text = "Harbour spokesman Pavel Lind met the press. The spokesman said the cranes would be replaced."
    mentions = person_at(make_article, text, "Pavel Lind", "harbour spokesman")
    _, atts = extract(make_article, text, mentions)
    att = only(atts, "said")
    assert att.speaker.text == "The spokesman"
    assert att.speaker_name == "Pavel Lind"


def test_claims_without_mentions_falls_back_to_entities(make_article):
    _, atts = extract(make_article, "Gloria Hendricks visited the plant. She said the plant would close in June.")
    assert only(atts, "said").speaker_name == "Gloria Hendricks"


def test_claims_coordinated_speaker_resolves_to_no_single_actor(make_article):
    _, atts = extract(make_article, "Both Velmar and Ostrava denied the allegations about the pipeline.")
    att = only(atts, "denied")
    assert att.speaker.text == "Both Velmar and Ostrava"
    assert att.speaker_name is None


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Ruth Abara said the two leaders had reportedly exchanged letters.", "hedged"),
        ("Ruth Abara said the factory could close next year.", "hedged"),
        ("Ruth Abara alleged that the mayor took bribes.", "hedged"),
        ("Ruth Abara reported that the mayor resigned.", "reported"),
        ("Ruth Abara said the mayor resigned.", "asserted"),
    ],
)
def test_claims_hedge_label_from_wording(make_article, sentence, hedge):
    _, atts = extract(make_article, sentence)
    assert atts[0].hedge == hedge


def test_claims_headline_attribution(make_article):
    text = "Ports may close: Union claims Velmar and Ostrava signed deal\n\nThe union said talks had failed."
    article, atts = extract(make_article, text, title=None)
    assert article.headline_end > 0
    att = only(atts, "claims")
    assert att.headline
    assert att.speaker.text == "Union"
    assert att.content.text == "Velmar and Ostrava signed deal"
    assert not only(atts, "said").headline


def test_claims_headline_speaker_to_addressee(make_article):
    text = "Holm to dock workers: The strike must end.\n\nHolm said talks had failed."
    article, atts = extract(make_article, text, title=None)
    att = only(atts, ":")
    assert att.headline and (att.speaker.text, att.content.text) == ("Holm", "The strike must end.")


def test_claims_headline_topic_the_body_never_quotes_is_no_speaker(make_article):
    text = "Depot fire: Two workers hurt as roof falls\n\nThe fire service said the roof fell at noon."
    _, atts = extract(make_article, text, title=None)
    assert [a.cue.text for a in atts] == ["said"]


def test_claims_nested_speech_inside_quote_is_skipped(make_article):
    _, atts = extract(make_article, "“I told him the road was closed,” Nora Blix said.")
    assert [a.cue.text for a in atts] == ["said"]


def test_claims_offsets_index_the_original_text(make_article):
    text = "---\ntitle: Test\n---\n\n  Oskar Lunde said the ferry   would sail.  \n\nLater, the port reopened, according to Lunde."
    article, atts = extract(make_article, text, title=None)
    assert len(atts) == 2
    for att in atts:
        for span in (att.speaker, att.cue, att.content):
            assert article.raw[span.start:span.end] == span.text


def test_claims_is_said_to_is_hedged_without_speaker(make_article):
    _, atts = extract(make_article, "Governor Ilka Baum is said to have signed the order in secret.")
    att = only(atts, "said")
    assert att.speaker is None
    assert att.content.text == "Governor Ilka Baum is said to have signed the order in secret"
    assert att.hedge == "hedged"


def test_claims_headline_speaker_before_colon(make_article):
    text = "Poll: Most voters back the new rail line\n\nThe poll said 60 of 100 voters backed it."
    _, atts = extract(make_article, text, title=None)
    att = only(atts, ":")
    assert att.speaker.text == "Poll"
    assert att.content.text == "Most voters back the new rail line"


def test_claims_quote_continues_after_the_cue(make_article):
    text = "“We will rebuild the harbour,” said Ilse Varga, the mayor of Tamsin. “Every house. Every road.”"
    _, atts = extract(make_article, text)
    att = only(atts, "said")
    assert att.content.text.startswith("We will rebuild the harbour")
    assert att.content.text.endswith("Every road.")
    assert att.quote and att.speaker.text == "Ilse Varga"


def test_claims_two_apostrophe_quotes_are_quotes(make_article):
    _, atts = extract(make_article, "''The tunnel will close in June,'' Ada Brandt said.")
    att = only(atts, "said")
    assert att.content.text == "The tunnel will close in June"
    assert att.quote


def test_claims_inverted_order_with_long_speaker_keeps_the_quote(make_article):
    text = "“Nobody asked us,” said Bob Mertz, a retired ferry captain who has lived on the island since 1970."
    _, atts = extract(make_article, text)
    att = only(atts, "said")
    assert att.content.text == "Nobody asked us"
    assert att.speaker.text.startswith("Bob Mertz")


def test_claims_trailing_participle_is_its_own_statement(make_article):
    _, atts = extract(make_article, "Rhea Castell said the ferry would sail on Friday, adding that tickets were sold out.")
    assert only(atts, "said").content.text == "the ferry would sail on Friday"
    assert only(atts, "adding").content.text == "tickets were sold out"


@pytest.mark.parametrize(("sentence", "cue", "speaker", "content"), [
    pytest.param("Pavel Lind left the room before saying that the cranes would be replaced.", "saying",
                 "Pavel Lind", "the cranes would be replaced", id="participle-after-preposition"),
    pytest.param("A letter signed by forty doctors, saying the clinic was unsafe, was sent to the council.",
                 "saying", "A letter", "the clinic was unsafe", id="document-through-participle"),
    pytest.param("Oskar Lunde accused the mayor of hiding the report.", "accused",
                 "Oskar Lunde", "the mayor of hiding the report", id="accusation-keeps-its-charge"),
    pytest.param("In a new poll, most voters back the rail line.", "In",
                 "a new poll", "most voters back the rail line", id="document-opening-the-sentence"),
    pytest.param("“We were wrong to wait,” Sela Ovrum, 58, told reporters on Monday.", "told",
                 "Sela Ovrum", "We were wrong to wait", id="quote-before-speaker-with-age"),
    pytest.param("“The more people who see the plans, the better,” Ida Brandt said.", "said",
                 "Ida Brandt", "The more people who see the plans, the better", id="quote-parsed-as-subject"),
    pytest.param("The council met twice.\n\n“Will the bridge ever open?” Aron Velt said.", "said",
                 "Aron Velt", "Will the bridge ever open?", id="speaker-sentence-after-the-quote"),
    pytest.param("“Is this what we accept now? Or do we want better schools?” Aron Velt told the radio show.",
                 "told", "Aron Velt", "Is this what we accept now? Or do we want better schools?",
                 id="quote-of-several-sentences-before-speaker"),
    pytest.param("Councillor Mia Ruhle said “the harbour stays open for now.”", "said",
                 "Councillor Mia Ruhle", "the harbour stays open for now.", id="quote-right-after-cue"),
    pytest.param("As the Velmar Gazette reported, the mill will close in May.", "reported",
                 "the Velmar Gazette", "the mill will close in May", id="as-comment-before"),
    pytest.param("The mill will close in May, as Tove Strand noted.", "noted",
                 "Tove Strand", "The mill will close in May", id="as-comment-after"),
    pytest.param("Oskar Lunde called the ferry contract “a scandal.”", "called",
                 "Oskar Lunde", "the ferry contract “a scandal.”", id="description-parsed-inside-object"),
    pytest.param("Lena Okafor described the damage to the pier.", "described",
                 "Lena Okafor", "the damage to the pier", id="description-of-an-object"),
    pytest.param("Ada Fenn said she would meet Olek Brandt, who chairs the port board.", "said",
                 "Ada Fenn", "she would meet Olek Brandt", id="writer-aside-about-a-name-dropped"),
    pytest.param("Ada Fenn said the council signed a deal, in which the port would be sold.", "said",
                 "Ada Fenn", "the council signed a deal, in which the port would be sold",
                 id="clause-about-a-common-noun-kept"),
    pytest.param("Ada Fenn said “I will meet Olek Brandt, who chairs the port board.”", "said",
                 "Ada Fenn", "I will meet Olek Brandt, who chairs the port board.", id="aside-inside-a-quote-kept"),
    pytest.param("Ada Fenn said in a message to staff that the port would close.", "said",
                 "Ada Fenn", "the port would close", id="that-clause-hung-on-a-noun"),
    pytest.param("Ada Fenn offered Olek Brandt the second seat on the board.", "offered",
                 "Ada Fenn", "Olek Brandt the second seat on the board", id="object-with-its-verb-phrase"),
    pytest.param("Mayor Rolf Eng tweeted a photo of the flooded pier.", "tweeted",
                 "Mayor Rolf Eng", "a photo of the flooded pier", id="tweeted-object"),
])
def test_claims_speaker_and_content_of_other_constructions(make_article, sentence, cue, speaker, content):
    _, atts = extract(make_article, sentence)
    att = only(atts, cue)
    assert (att.speaker.text, att.content.text) == (speaker, content)


def test_claims_statement_in_a_document_keeps_the_verb_as_cue(make_article):
    _, atts = extract(make_article, "In a letter, the Orvell union said the strike would end.")
    assert [a.cue.text for a in atts] == ["said"]


def test_claims_belief_is_a_hedged_statement(make_article):
    _, atts = extract(make_article, "Mara Quist believes the harbour tax will double.")
    att = only(atts, "believes")
    assert att.content.text == "the harbour tax will double"
    assert att.statement and att.hedge == "hedged"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Jon Ekwall wants to run for governor next year.", "wants", "to run for governor next year"),
        ("The Velmar Farmers Union endorsed Tomas Keller on Monday.", "endorsed", "Tomas Keller"),
        ("Dana Oyelaran referred to the flooding in the north.", "referred", "the flooding in the north"),
        ("Union leaders were critical of the new contract.", "critical", "of the new contract"),
        ("Edda Mornsen's plan to close the port drew protests.", "plan", "to close the port"),
        ("Governor Ilka Baum's criticism of the plan was sharp.", "criticism", "of the plan"),
    ],
)
def test_claims_intentions_and_stances_are_not_statements(make_article, sentence, cue, content):
    _, atts = extract(make_article, sentence)
    att = only(atts, cue)
    assert att.content.text == content
    assert att.speaker is not None
    assert not att.statement  # never a key claim


def test_claims_impression_without_holder(make_article):
    _, atts = extract(make_article, "The council is expected to approve the budget.")
    att = only(atts, "expected")
    assert att.speaker is None
    assert att.content.text == "The council is expected to approve the budget"
    assert att.hedge == "hedged" and not att.statement


def test_claims_speech_inside_reported_content_belongs_to_the_outer_speaker(make_article):
    _, atts = extract(make_article, "Brisa Telmo said that she plans to sue the ministry.")
    assert [a.cue.text for a in atts] == ["said"]
    assert atts[0].content.text == "she plans to sue the ministry"


def test_claims_threat_of_names_no_speaker(make_article):
    _, atts = extract(make_article, "The threat of flooding worried the farmers.")
    assert all(a.cue.text != "threat" for a in atts)


@pytest.mark.parametrize("sentence", [
    "The town grew as the mill expanded.",  # the "as" of time is no comment
    "Oskar Lunde called the police.",  # a bare "called" describes nothing
])
def test_claims_constructions_that_are_not_attributions(make_article, sentence):
    _, atts = extract(make_article, sentence)
    assert not atts


@pytest.mark.parametrize(("text", "ends_with"), [
    ("“They sue,” he said.\xa0“Everybody sues.”", "Everybody sues."),
    ("“I was at home,” Jo Marr told NBC’s “Today” on Monday. “I heard nothing.”", "I heard nothing."),
    ("“The dam will hold,” Jo Marr said.\n\n“We built it to last a century.”", "to last a century."),
])
def test_claims_quote_continues_past_spaces_titles_and_paragraphs(make_article, text, ends_with):
    _, atts = extract(make_article, text)
    att = only(atts, atts[0].cue.text)
    assert att.content.text.rstrip("”").endswith(ends_with)


@pytest.mark.parametrize("text", [
    "“It comes and goes,” Jo Marr said, pointing at the sky. Her son shook his head. “Not always.”",
    "“The dam will hold,” Jo Marr said.\n\n“Not this year,” the engineer said.",
    "“The dam will hold,” Jo Marr said.\n\n“Not this year.” The engineer left.",
])
def test_claims_quote_does_not_continue_past_another_sentence_or_speaker(make_article, text):
    _, atts = extract(make_article, text)
    att = next(a for a in atts if a.speaker and a.speaker.text == "Jo Marr")
    assert att.content.text.rstrip("”,").endswith(("goes", "hold"))


def test_claims_continuation_leaves_out_a_long_narration(make_article):
    text = ("“Maybe,” Jo Marr said after walking for an hour through the rain along the old harbour wall "
            "to the ferry landing where the boats were tied up for the winter. “We will see.”")
    _, atts = extract(make_article, text)
    assert only(atts, "said").content.text == "Maybe"


def test_claims_block_after_said_colon(make_article):
    text = "In a speech last July, Ada Fenn said:\n\nThe port will not be sold while I am mayor.\n\nThe council met."
    _, atts = extract(make_article, text)
    att = only(atts, "said")
    assert (att.speaker.text, att.content.text) == ("Ada Fenn", "The port will not be sold while I am mayor.")


@pytest.mark.parametrize("text, polarity, statement", [
    ("Police would not confirm that the suspect had been arrested on Monday.", "negated", False),
    ("The mayor did not say that the bridge would reopen this year.", "negated", False),
    ("The minister denied that the army had fired on the protesters.", "denial", True),
    ("The minister said that the army had fired on the protesters.", "affirmed", True),
])
def test_claims_polarity_of_the_cue(make_article, text, polarity, statement):
    _, atts = extract(make_article, text)
    assert [(a.polarity, a.statement) for a in atts] == [(polarity, statement)]


def test_claims_a_reference_alone_is_no_statement(make_article):
    _, atts = extract(make_article, "Ostrava denied the allegations on Thursday.")
    assert [a.statement for a in atts] == [False]


def test_claims_a_place_is_marked_as_no_speaker(make_article):
    _, atts = extract(make_article, "Mount Kasp said the eruption was over.")
    assert len(atts) == 1 and atts[0].mute_speaker


def test_claims_collective_noun_is_not_the_person_with_that_word_in_his_title(make_article):
    text = "Valdor's police chief, Omar Castell, is in hospital. The police said they had no suspects."
    mentions = person_at(make_article, text, "Omar Castell", "Valdor's police chief")
    _, atts = extract(make_article, text, mentions)
    assert only(atts, "said").speaker_name is None
    _, atts = extract(make_article, text.replace("The police said", "The chief said"), mentions)
    assert only(atts, "said").speaker_name == "Omar Castell"


def test_claims_pronoun_never_resolves_to_a_name_inside_its_own_quote(make_article):
    text = 'The ferry left at dawn. "The cargo was moved on board with Ruben Alcott watching," he added.'
    mentions = person_at(make_article, text, "Ruben Alcott")
    _, atts = extract(make_article, text, mentions)
    assert only(atts, "added").speaker_name is None


def test_claims_pronoun_continues_an_unnamed_speaker(make_article):
    text = ("A harbour spokesperson said the crew had been rescued. "
            "The tanker was towed to port, he added.")
    _, atts = extract(make_article, text)
    assert only(atts, "added").speaker_name == "A harbour spokesperson"


def test_claims_headline_topic_sharing_a_word_with_a_body_speaker_is_no_speaker(make_article):
    # The body quotes the company "Delmar": the topic "Delmar Shooting" is still no speaker.
    text = ("Delmar Shooting: Worker Charged With Murder\n\nA worker was charged on Friday. "
            "Delmar said in a statement that the plant would reopen on Monday.")
    _, atts = extract(make_article, text, title=None)
    assert [a.cue.text for a in atts] == ["said"]
    text = "Mayor Ilse Varga: The bridge will reopen\n\nThe council met on Friday. Varga said the repairs were finished."
    _, atts = extract(make_article, text, title=None)
    assert sorted(a.cue.text for a in atts) == [":", "said"]


def test_claims_pronoun_after_a_resolved_description_is_that_person(make_article):
    text = ("Harbour spokesman Pavel Lind met the press. The spokesman said the cranes would be replaced. "
            "He added that the quay would stay open.")
    mentions = person_at(make_article, text, "Pavel Lind", "harbour spokesman")
    _, atts = extract(make_article, text, mentions)
    assert only(atts, "added").speaker_name == "Pavel Lind"


def test_claims_a_document_is_no_he_or_she(make_article):
    text = "The report said the dam was unsafe. She said repairs would start in May."
    _, atts = extract(make_article, text)
    assert [a.speaker_name for a in atts if a.speaker and a.speaker.text == "She"] == [None]
