"""The source comparison: claim counts and what only one source carries."""

from __future__ import annotations

from briefgen.fuse.comparison import compare_sources
from briefgen.model import Claim, Event, Source


def test_fuse_comparison_lists_exclusive_claims_and_events():
    sources = [Source("S1", "One"), Source("S2", "Two"), Source("S3", "Three")]
    claims = [Claim("C1", "a", "X", "said", False, sources=["S1", "S2"]),
              Claim("C2", "b", "X", "said", False, sources=["S2"]),
              Claim("C3", "c", "Y", "said", False, sources=["S2"])]
    events = [Event("E1", "e", "2020", "in 2020", sources=["S3"]), Event("E2", "f", None, "", sources=["S1", "S3"])]
    rows = {r.source_id: r for r in compare_sources(sources, claims, events, {"S1": 1, "S2": 1, "S3": 2})}
    assert (rows["S1"].claims, rows["S1"].exclusive_claims) == (1, [])
    assert (rows["S2"].claims, rows["S2"].exclusive_claims) == (3, ["C2", "C3"])
    assert rows["S3"].exclusive_events == ["E1"] and rows["S3"].claims == 0
    assert rows["S1"].origin == rows["S2"].origin != rows["S3"].origin
