"""Claim clustering across articles on hand-made attributions."""

from __future__ import annotations

from briefgen.fuse.claims import _sentence, fuse_claims, shown_text
from briefgen.model import ArticleFacts, Attribution, Mention, ReportedFact, Source, Span
from briefgen.sources.article import Article, OffsetMap


def article(source_id: str, outlet: str | None, statements: list[tuple[str, str, str]], **flags):
    """An article whose text is the statements, and its facts with one attribution each."""
    raw = ""
    attributions, mentions = [], []
    for speaker, cue, content in statements:
        sentence = f"{speaker} {cue} {content}. "
        start = len(raw)
        raw += sentence
        c_start = start + len(speaker) + len(cue) + 2
        attributions.append(Attribution(
            speaker=Span(speaker, start, start + len(speaker)),
            cue=Span(cue, start + len(speaker) + 1, start + len(speaker) + 1 + len(cue)),
            content=Span(content, c_start, c_start + len(content)),
            speaker_name=flags.get("speaker_name"),
            quote=flags.get("quote", False),
            hedge=flags.get("hedge", "asserted"),
            mute_speaker=flags.get("mute_speaker", False),
        ))
        if speaker[:1].isupper() and " " in speaker and not speaker.startswith("The "):
            mentions.append(Mention(speaker, start, start + len(speaker), "person"))
    art = Article(Source(source_id, f"Story {source_id}", outlet=outlet), raw, raw, OffsetMap())
    return art, ArticleFacts(source_id, mentions=mentions, attributions=attributions)


def fuse(*pairs, resolve=None):
    articles = [a for a, _ in pairs]
    facts = [f for _, f in pairs]
    return fuse_claims(articles, facts, resolve) if resolve else fuse_claims(articles, facts)


def test_fuse_claims_merges_paraphrases_from_two_outlets():
    one = article("S1", "Daily Ledger", [
        ("Ilse Varga", "said", "the Tamsin bridge will reopen to lorries in May after repairs"),
        ("Ilse Varga", "said", "the ferry company will cut its winter timetable"),
    ])
    two = article("S2", "Coast Times", [
        ("Varga", "told reporters", "repairs on the Tamsin bridge would let lorries cross again in May"),
    ])
    claims = fuse(one, two)
    merged = claims[0]
    assert merged.id == "C1"
    assert merged.sources == ["S1", "S2"]
    assert merged.outlets == 2
    assert merged.confidence == "high"
    assert merged.cue == "said"
    assert len(merged.evidence) == 2
    assert merged.versions  # the other outlet's wording is kept
    assert len(claims) == 2 and claims[1].sources == ["S1"]


def test_fuse_claims_keeps_different_claims_by_one_speaker_apart():
    one = article("S1", "Daily Ledger", [("Ilse Varga", "said", "the Tamsin bridge will reopen in May")])
    two = article("S2", "Coast Times", [("Ilse Varga", "said", "the harbour tax on fishing boats will double")])
    claims = fuse(one, two)
    assert len(claims) == 2
    assert all(c.outlets == 1 for c in claims)


def test_fuse_claims_keeps_same_words_from_different_speakers_apart():
    one = article("S1", "Daily Ledger", [("Ilse Varga", "said", "the Tamsin bridge will reopen in May")])
    two = article("S2", "Coast Times", [("Piet Jorna", "said", "the Tamsin bridge will reopen in May")])
    assert len(fuse(one, two)) == 2


def test_fuse_claims_uses_the_resolver_for_speaker_and_id():
    one = article("S1", "Daily Ledger", [("the mayor", "said", "the Tamsin bridge will reopen in May")])
    two = article("S2", "Coast Times", [("Varga", "said", "the Tamsin bridge reopens in May")])

    def resolve(name, source_id):
        return ("Ilse Varga", "A1") if name in ("the mayor", "Varga") else (name, None)

    [claim] = fuse(one, two, resolve=resolve)
    assert claim.speaker == "Ilse Varga" and claim.speaker_id == "A1"
    assert claim.sources == ["S1", "S2"]


def test_fuse_claims_hedged_everywhere_is_moderate():
    one = article("S1", "Daily Ledger", [("Ilse Varga", "claimed", "the two envoys secretly exchanged letters")],
                  hedge="hedged")
    two = article("S2", "Coast Times", [("Ilse Varga", "claimed", "the envoys had exchanged secret letters")],
                  hedge="hedged")
    [claim] = fuse(one, two)
    assert claim.hedge == "hedged"
    assert claim.confidence == "moderate"


def test_fuse_claims_one_outlet_counts_once_and_confidence_follows_speaker():
    one = article("S1", "Daily Ledger", [("Ilse Varga", "said", "the Tamsin bridge will reopen in May")],
                  speaker_name="Ilse Varga")
    two = article("S2", "Daily Ledger", [("officials", "said", "the harbour tax on fishing boats will double")])
    claims = {c.text: c for c in fuse(one, two)}
    assert claims["the Tamsin bridge will reopen in May"].confidence == "moderate"
    assert claims["the harbour tax on fishing boats will double"].confidence == "low"

    three = article("S3", "Daily Ledger", [("Ilse Varga", "said", "the Tamsin bridge will reopen in May")])
    [merged] = [c for c in fuse(one, three)]
    assert merged.sources == ["S1", "S3"] and merged.outlets == 1


def test_fuse_claims_prefers_the_quoted_version_as_text():
    one = article("S1", None, [("Ilse Varga", "said", "the bridge over the Tamsin will reopen in May")])
    two = article("S2", None, [("Ilse Varga", "said", "We will reopen the Tamsin bridge in May")], quote=True)
    [claim] = fuse(one, two)
    assert claim.text == "We will reopen the Tamsin bridge in May" and claim.quote
    assert claim.outlets == 2  # no outlet given: each source counts as its own
    assert claim.versions == ["the bridge over the Tamsin will reopen in May"]


def test_fuse_claims_drops_statements_without_content_words():
    one = article("S1", None, [("Ilse Varga", "said", "it was"), ("Ilse Varga", "said", "the toll will rise")])
    claims = fuse(one)
    assert [c.text for c in claims] == ["the toll will rise"]


def test_fuse_claims_orders_by_sources_then_speaker_prominence():
    one = article("S1", None, [
        ("Piet Jorna", "said", "the lighthouse keeper retired after forty years"),
        ("Ilse Varga", "said", "the toll on the Tamsin bridge will rise"),
        ("Ilse Varga", "said", "the ferry will stop in winter"),
    ])
    two = article("S2", None, [("Ilse Varga", "said", "the toll on the Tamsin bridge would rise")])
    claims = fuse(one, two)
    assert [c.id for c in claims] == ["C1", "C2", "C3"]
    assert claims[0].text.startswith("the toll")
    assert claims[1].speaker == "Ilse Varga"  # three statements outrank Jorna's one
    assert claims[2].speaker == "Piet Jorna"


def test_fuse_claims_rewrites_count_as_one_origin():
    statement = [("Ilse Varga", "said", "the Tamsin bridge will reopen to lorries in May")]
    one = article("S1", "Daily Ledger", statement, speaker_name="Ilse Varga")
    two = article("S2", "Coast Times", statement, speaker_name="Ilse Varga")
    claim = fuse_claims([one[0], two[0]], [one[1], two[1]], origin_of={"S1": 1, "S2": 1})[0]
    assert (claim.outlets, claim.origins, claim.confidence) == (2, 1, "moderate")
    independent = fuse_claims([one[0], two[0]], [one[1], two[1]], origin_of={"S1": 1, "S2": 2})[0]
    assert (independent.origins, independent.confidence) == (2, "high")


def test_fuse_claims_sentence_reads_as_one_plain_sentence():
    claims = fuse(article("S1", None, [("Ilse Varga", "said", "The bridge will reopen in May.")]))
    assert claims[0].sentence == "Ilse Varga said the bridge will reopen in May."
    hedged = fuse(article("S1", None, [("Ilse Varga", "claimed", "tolls will rise")], hedge="hedged"))
    assert hedged[0].sentence == "Ilse Varga claimed tolls will rise."
    quoted = fuse(article("S1", None, [("Ilse Varga", "said", "“We will reopen in May”")], quote=True))
    assert quoted[0].sentence == "Ilse Varga said “We will reopen in May”."


def test_fuse_claims_merges_one_statement_however_worded():
    one = article("S1", "Daily Ledger", [("Ilse Varga", "said", "a second team of engineers travelled to Tamsin to inspect the bridge")])
    two = article("S2", "Coast Times", [("Varga", "said", "another group of engineers had gone to Tamsin for an inspection of the bridge")])
    [claim] = fuse(one, two)
    assert claim.sources == ["S1", "S2"]


def test_fuse_claims_never_merges_other_numbers_a_negation_or_swapped_roles():
    pairs = [
        ("the earthquake measured magnitude 6.1 on the scale", "the earthquake measured magnitude 5.9 on the scale"),
        ("the Tamsin bridge will reopen to traffic in May", "the Tamsin bridge will not reopen to traffic in May"),
        ("Chilean officials travelled to Peru for talks on the border", "Peruvian officials travelled to Chile for talks on the border"),
    ]
    for a, b in pairs:
        one = article("S1", "Daily Ledger", [("the ministry", "said", a)])
        two = article("S2", "Coast Times", [("the ministry", "said", b)])
        assert len(fuse(one, two)) == 2, (a, b)


def test_fuse_claims_never_chains_two_statements_through_a_third():
    # S3's wording gives no number; the 6.1 and the 5.9 still stay two claims.
    one = article("S1", "Daily Ledger", [("the agency", "said", "the 6.1-magnitude earthquake struck the island of Tesk")])
    two = article("S2", "Coast Times", [("the agency", "said", "the 5.9-magnitude earthquake struck the island of Tesk")])
    three = article("S3", "Harbour News", [("the agency", "said", "the earthquake struck the island of Tesk")])
    claims = fuse(one, two, three)
    assert not any({"S1", "S2"} <= set(c.sources) for c in claims)


def test_fuse_claims_carries_outlets_stating_it_in_their_own_voice():
    one = article("S1", "Daily Ledger", [("the police", "said", "the prisoner pulled a gun on two guards during the transfer")])
    two_article, two_facts = article("S2", "Coast Times", [])
    text = "The prisoner pulled a gun on two guards during a transfer on Monday."
    two_article.raw = two_article.text = text
    two_facts.reported.append(ReportedFact(text=Span(text, 0, len(text)), kind="lead", position=0))
    [claim] = fuse(one, (two_article, two_facts))
    assert claim.sources == ["S1", "S2"] and claim.unattributed == ["S2"]
    assert claim.speaker == "the police"
    # An outlet's own statements alone are reported facts, never a claim.
    assert fuse((two_article, two_facts)) == []


def test_fuse_claims_credits_each_sources_speaker():
    one = article("S1", "Daily Ledger", [("the port authority", "said", "the ferry to Tamsin will stop running in winter")])
    two = article("S2", "Coast Times", [("Ilse Varga", "said", "the ferry to Tamsin will stop running in winter")])
    [claim] = fuse(one, two)
    assert {c.speaker: c.sources for c in claim.credits} == {"the port authority": ["S1"], "Ilse Varga": ["S2"]}


def test_claim_text_shows_the_quoted_words_never_the_narration():
    content = '"We cannot pay the rent," said Tomas Hale, head of the tenants. "The strike will go on."'
    assert shown_text(content, True) == "We cannot pay the rent … The strike will go on."
    sentence = _sentence("Tomas Hale", 'the offer is "worth at least eight ferries."', True, "asserted")
    assert sentence == "Tomas Hale said “the offer is ‘worth at least eight ferries’”."
    assert _sentence("The ministry", "Shortly before noon the bridge fell", False, "asserted", True) == \
        "The ministry said shortly before noon the bridge fell."
    assert _sentence("The ministry", "new figures on the harbour", False, "asserted", cue="revealed") == \
        "The ministry revealed new figures on the harbour."
    assert _sentence("The ministry", "the bridge fell", False, "asserted", cue="according to") == \
        "The ministry said the bridge fell."


def test_fuse_claims_a_figure_is_no_speaker():
    one = article("S1", "Daily Ledger", [("60 percent", "said", "the mayor of Tamsin should resign before the vote")],
                  mute_speaker=True)  # extraction marks a PERCENT entity so
    [claim] = fuse(one)
    assert claim.speaker is None and claim.sentence.startswith("An unnamed source")


def test_guard_compares_the_numbers_of_one_thing_not_every_detail():
    from briefgen.fuse.claims import guard_ok

    assert not guard_ok("the ferry docked 10 minutes later", "the ferry docked nine minutes later")
    assert not guard_ok("a 6.1-magnitude quake struck", "a quake of magnitude 5.9 struck")
    # A longer telling adds details with their own numbers: no conflict.
    assert guard_ok("the clerk, 43, was dismissed after a row with three colleagues and returned with a rifle",
                    "the clerk was dismissed and returned minutes later with a rifle, wounding two of them")
    # ... nor a count the other side does not give, beside a count both give.
    assert guard_ok("five people were arrested and three people were injured", "five people were arrested")
    # A short statement's one number is its point.
    assert not guard_ok("two people died in the fire", "three people died in the fire")
    # An age in apposition says who, not what.
    assert guard_ok("Ruiz, 49, fled in a guard's uniform", "Ruiz, 50, fled in a guard's uniform")


def test_fuse_claims_two_descriptions_of_a_source_can_be_one():
    said = "the inmate pulled a gun on two guards during a transfer"
    other = "an inmate being moved between prisons drew a pistol on his two guards"
    described = fuse(article("S1", "Daily Ledger", [("authorities", "said", said)]),
                     article("S2", "Coast Times", [("a prison statement", "said", other)]))
    assert len(described) == 1 and described[0].sources == ["S1", "S2"]
    # Two people named apart are two speakers: the same wording stays two claims.
    named = fuse(article("S1", "Daily Ledger", [("Ilse Varga", "said", said)]),
                 article("S2", "Coast Times", [("Piet Jorna", "said", other)]))
    assert len(named) == 2


def test_fuse_claims_names_the_official_source_of_a_shared_claim():
    text = "the crane operator left the quay minutes before the jetty collapsed into the river"
    claims = fuse(
        article("S1", "Daily Ledger", [("Ilse Varga", "said", text)]),
        article("S2", "Coast Times", [("Ilse Varga", "said", text + " on Thursday")]),
        article("S3", "Bay News", [("police", "said", text)]),
    )
    assert len(claims) == 1
    assert claims[0].speaker == "police"  # the office, though a co-worker is credited by two outlets
    assert {c.speaker for c in claims[0].credits} == {"Ilse Varga", "police"}


def test_official_speakers():
    from briefgen.fuse.authority import official

    assert official("Valdor Police") and official("a ministry spokeswoman") and official("the authorities")
    assert not official("Jane Doe", "chief executive officer") and not official("Reuters news agency")
    assert official("Peter Vane", "assistant chief fire officer")
    assert not official("Peter Vane") and not official("the report") and not official("witnesses")
    assert not official("Peter Vane", "a co-worker")


def test_look_alikes_in_one_article_are_two_statements_and_never_embedded():
    # One article telling two statements that share some words: no merge, and
    # no vectors spent on them (one long article's own pairs made fusion quadratic).
    one = article("S1", "Daily Ledger", [
        ("Ilse Varga", "said", "the harbour levy will fund a new ferry pier in Tamsin"),
        ("Ilse Varga", "said", "whether the harbour levy can fund anything at all is doubtful"),
        ("Ilse Varga", "said", "the harbour levy will fund a new ferry pier in Tamsin"),
    ])
    embedded = []

    def embed(items):
        from briefgen.fuse.similar import embed_texts

        embedded.extend(text for _, text in items)
        return embed_texts(items)

    claims = fuse_claims([one[0]], [one[1]], embed=embed)
    assert not any("doubtful" in text for text in embedded)
    assert sorted(len(c.evidence) for c in claims) == [1, 2]  # told twice word for word: one statement
