"""Rewrite and shared-wire detection on hand-made articles."""

from __future__ import annotations

from briefgen.fuse.origins import origin_groups
from briefgen.model import Source
from briefgen.sources.article import Article, OffsetMap

WIRE = [
    "The harbour authority of Velmora closed the northern pier on Monday after inspectors found cracks in its pilings.",
    "Engineers from the regional transport office said the repairs would take at least six weeks and cost millions.",
    "Fishing cooperatives warned that their catch would rot on the quays unless a temporary landing stage opened.",
    "The mayor, Odile Brancart, promised a floating pontoon by Friday and compensation for lost trading days.",
    "Shipping lines diverted three freighters to the southern terminal, where cranes were already working overtime.",
]
REWRITE = [
    "Inspectors discovered cracks in the pilings, so the Velmora harbour authority shut the northern pier on Monday.",
    "The repairs will need six weeks at least and cost millions, engineers at the regional transport office said.",
    "Unless a temporary landing stage opens, the catch will rot on the quays, fishing cooperatives warned.",
    "Mayor Odile Brancart promised compensation for lost trading days and a floating pontoon by Friday.",
]
OWN_REPORTING = [
    "Velmora's fishermen spent the day arguing with harbour staff about where to unload.",
    "A marine biologist at the local university said the cracks were typical of piers built in the sixties.",
    "Tourist boats kept running from the old town jetty, which was not affected by the closure.",
    "The opposition demanded an audit of maintenance budgets going back a decade.",
    "A shipping agent said freight rates on the coast had risen by a tenth since the pier closed.",
]


def _article(source_id: str, paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(Source(source_id, f"Story {source_id}"), text, text, OffsetMap())


def test_fuse_origins_rewrite_shares_the_wire_origin():
    groups = origin_groups([_article("S1", WIRE), _article("S2", REWRITE)])
    assert groups["S1"] == groups["S2"]


def test_fuse_origins_same_event_told_independently_stays_apart():
    groups = origin_groups([_article("S1", WIRE), _article("S2", OWN_REPORTING)])
    assert groups["S1"] != groups["S2"]


def test_fuse_origins_shuffled_paragraphs_are_not_a_rewrite():
    # The same points in a different order are a reporter's own structure.
    groups = origin_groups([_article("S1", WIRE), _article("S2", [REWRITE[3], REWRITE[2], REWRITE[1], REWRITE[0]])])
    assert groups["S1"] != groups["S2"]


def test_fuse_origins_groups_are_transitive_and_numbered_in_order():
    groups = origin_groups([_article("S1", OWN_REPORTING), _article("S2", WIRE), _article("S3", REWRITE),
                            _article("S4", WIRE[:4])])
    assert groups["S1"] == 1
    assert groups["S2"] == groups["S3"] == groups["S4"] == 2


def test_fuse_origins_identical_texts_are_one_origin_however_short():
    one = [WIRE[0]]
    groups = origin_groups([_article("S1", one), _article("S2", one), _article("S3", OWN_REPORTING[:1])])
    assert groups["S1"] == groups["S2"] != groups["S3"]
    # Whitespace and case are no difference.
    groups = origin_groups([_article("S1", WIRE[:2]), _article("S2", [p.upper() + "  " for p in WIRE[:2]])])
    assert groups["S1"] == groups["S2"]
