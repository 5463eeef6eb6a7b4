"""Claim clustering across articles on hand-made attributions."""

from __future__ import annotations

from briefgen.fuse.claims import fuse_claims
from briefgen.model import ArticleFacts, Attribution, Mention, Source, Span
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
