"""Cost of the story layer (reported facts, figures, stories, bottom line)
against spaCy's own parse of the same texts, measured in one run.

    python benchmarks/story_layer.py PATH [--limit 200] [--runs 3]

PATH is a folder of article ``.txt`` files (searched recursively; PolNeAR's
train split for the issue's 200 articles). The texts are read and cleaned as
``briefgen`` reads them and parsed once (timed). Then, best of ``--runs``:
every extractor but the story layer's, the story layer's extractor alone,
fusion without the story layer, and the story layer's fusion alone. Printed
as shares of the parse time, so a shared, noisy machine changes little.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefgen import nlp
from briefgen.extract import EXTRACTORS
from briefgen.fuse import actors_and_claims, leading_claims, tell_stories
from briefgen.fuse.timeline import fuse_events
from briefgen.model import ArticleFacts
from briefgen.sources.reader import read_article

STORY_EXTRACTOR = "facts"


def best(runs: int, work) -> float:
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.path.rglob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"{args.path}: no .txt files")
    articles = [read_article(f, f"S{i}") for i, f in enumerate(files, start=1)]
    nlp.load()
    start = time.perf_counter()
    docs = list(nlp.parse(a.text for a in articles))
    parse_s = time.perf_counter() - start

    extractors = list(EXTRACTORS.items())
    facts: list[ArticleFacts] = []

    def others() -> None:
        facts.clear()
        for article, doc in zip(articles, docs):
            f = ArticleFacts(article.source.id)
            for name, (_version, func) in extractors:
                if name != STORY_EXTRACTOR:
                    func(article, doc, f)
            facts.append(f)

    def story_extractor() -> None:
        func = EXTRACTORS[STORY_EXTRACTOR][1]
        for article, doc, f in zip(articles, docs, facts):
            f.reported.clear()
            func(article, doc, f)

    fused = {}

    def fusion() -> None:
        actors, claims, _origins = actors_and_claims(articles, facts)
        events = fuse_events(articles, facts)
        fused.update(actors=actors, claims=claims, leading=leading_claims(claims, events))

    def story_fusion() -> None:
        tell_stories(articles, facts, fused["actors"], fused["claims"], fused["leading"])

    others_s = best(args.runs, others)
    story_x_s = best(args.runs, story_extractor)
    fusion_s = best(args.runs, fusion)
    story_f_s = best(args.runs, story_fusion)
    print(f"{len(articles)} articles; parse alone {parse_s:.2f} s")
    print(f"other extractors    {others_s:6.2f} s  {others_s / parse_s:6.1%} of parse")
    print(f"story extractor     {story_x_s:6.2f} s  {story_x_s / parse_s:6.1%} of parse")
    print(f"other fusion        {fusion_s:6.2f} s  {fusion_s / parse_s:6.1%} of parse")
    print(f"story fusion        {story_f_s:6.2f} s  {story_f_s / parse_s:6.1%} of parse")
    total_before = parse_s + others_s + fusion_s
    print(f"parse + extraction + fusion: {total_before:.2f} s without the story layer, "
          f"{total_before + story_x_s + story_f_s:.2f} s with it "
          f"(x{(total_before + story_x_s + story_f_s) / parse_s:.2f} vs x{total_before / parse_s:.2f} of parse)")


if __name__ == "__main__":
    main()
