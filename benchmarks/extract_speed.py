"""Attribution extraction speed against spaCy's own parse of the same texts, in one run.

    python benchmarks/extract_speed.py PATH [--limit N] [--runs 3]

PATH is a folder of article ``.txt`` files (searched recursively; for PolNeAR
give the train split). The texts are read and cleaned as ``briefgen`` reads
them, parsed once with ``nlp.parse`` (timed), then the claims extractor runs
on the parsed documents (timed alone; the best of ``--runs`` passes, because
these machines are shared). The target is extraction adding at most 15% to
the parse time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefgen import nlp
from briefgen.extract import claims
from briefgen.model import ArticleFacts
from briefgen.sources.reader import read_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder of article .txt files")
    parser.add_argument("--limit", type=int, help="use only the first N files")
    parser.add_argument("--runs", type=int, default=3, help="extraction passes; the fastest counts")
    args = parser.parse_args()

    files = sorted(args.path.rglob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"{args.path}: no .txt files")
    articles = [read_article(f, f"S{i}") for i, f in enumerate(files, start=1)]
    words = sum(len(a.text.split()) for a in articles)
    nlp.load()  # loading the model is not parsing

    start = time.perf_counter()
    docs = list(nlp.parse(a.text for a in articles))
    parse_s = time.perf_counter() - start

    extract_s = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        for article, doc in zip(articles, docs):
            claims.extract(article, doc, ArticleFacts(article.source.id))
        extract_s = min(extract_s, time.perf_counter() - start)

    print(f"{len(articles)} articles, {words:,} words")
    print(f"parse alone:        {words / parse_s:10,.0f} words/s  ({parse_s:.2f} s)")
    print(f"parse + extraction: {words / (parse_s + extract_s):10,.0f} words/s  (extraction {extract_s:.2f} s)")
    print(f"extraction / parse: {extract_s / parse_s:.1%}  (target <= 15%)")


if __name__ == "__main__":
    main()
