"""Cost of the sentence vectors that merge paraphrased claims, as shares of
one cold build (parse, extraction, fusion), measured in one run.

    python benchmarks/embedding_cost.py ../shared/eval/stories
    python benchmarks/embedding_cost.py ../shared/eval/polnear/data/train --limit 200

PATH is either a folder of story folders (each with a ``config.yaml``: every
story is one article set, as a user configures it) or a folder of article
``.txt`` files (searched recursively; the first ``--limit`` make one set).
Each set is read, parsed and extracted once (timed), then fused with the
embedder timed on its own; the in-process vector memo is emptied before each
set, so every vector is computed as in a cold build. Printed per set and in
total: how many statements there are, how many texts were embedded (those
statements and outlets' own sentences with a candidate partner), and the
embedding's share of the cold build. The vectors use every core, as the
``briefgen`` command does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefgen import config as config_module
from briefgen import nlp
from briefgen.build import read_articles
from briefgen.extract import extract_article
from briefgen.fuse import actors_and_claims
from briefgen.fuse import similar
from briefgen.sources.reader import read_article


def article_sets(path: Path, limit: int) -> list[tuple[str, list]]:
    stories = sorted(p for p in path.iterdir() if (p / "config.yaml").is_file()) if path.is_dir() else []
    if stories:
        return [(p.name, read_articles(config_module.load(p / "config.yaml"))) for p in stories]
    files = sorted(path.rglob("*.txt"))[:limit]
    if not files:
        sys.exit(f"{path}: no story folders and no .txt files")
    return [(f"{len(files)} articles of {path.name}", [read_article(f, f"S{i}") for i, f in enumerate(files, 1)])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    similar.use_all_cores()  # as the briefgen command does
    nlp.load()
    similar.vectors(["warm up the model once"])  # loading is not what a build pays per story
    totals = {"statements": 0, "embedded": 0, "extract": 0.0, "fuse": 0.0, "embed": 0.0}
    print(f"{'set':32} {'statements':>10} {'embedded':>9} {'extract s':>10} {'fuse s':>7} {'embed s':>8} {'share':>6}")
    for name, articles in article_sets(args.path, args.limit):
        start = time.perf_counter()
        facts = [extract_article(a, doc) for a, doc in zip(articles, nlp.parse(a.text for a in articles))]
        extract_s = time.perf_counter() - start
        spent = {"embed": 0.0, "texts": 0}

        def timed(items, spent=spent):
            begin = time.perf_counter()
            rows = similar.embed_texts(items)
            spent["embed"] += time.perf_counter() - begin
            spent["texts"] += len(items)
            return rows

        similar._memo.clear()
        start = time.perf_counter()
        actors_and_claims(articles, facts, embed=timed)
        fuse_s = time.perf_counter() - start
        statements = sum(1 for f in facts for a in f.attributions if a.statement)
        share = spent["embed"] / (extract_s + fuse_s)
        print(f"{name[:32]:32} {statements:10d} {spent['texts']:9d} {extract_s:10.2f} {fuse_s:7.2f} "
              f"{spent['embed']:8.2f} {share:6.1%}")
        totals["statements"] += statements
        totals["embedded"] += spent["texts"]
        totals["extract"] += extract_s
        totals["fuse"] += fuse_s
        totals["embed"] += spent["embed"]
    cold = totals["extract"] + totals["fuse"]
    print(f"{'total':32} {totals['statements']:10d} {totals['embedded']:9d} {totals['extract']:10.2f} "
          f"{totals['fuse']:7.2f} {totals['embed']:8.2f} {totals['embed'] / cold:6.1%}")
    print(f"cold build (parse + extraction + claims fusion) x{cold / (cold - totals['embed']):.2f} "
          "of the same without the vectors; a warm build reads them from the cache")


if __name__ == "__main__":
    main()
