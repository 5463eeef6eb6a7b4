"""Fusion time at 200 and 400 articles of one running story, as a ratio.

Fusion (actor merging, claim clustering, rewrite detection, timeline,
questions) must use blocks and indexes, not all pairs: doubling the articles
should about double the time (ratio <= 2.2), where all-pairs work would
quadruple it. The articles are PolNeAR's 2016 election news, parsed and
extracted once; only fusion is timed. The smaller set is every second article
of the larger one ordered by length, so it is half the text as well as half
the count; the two sizes are run in turn and the minimum of each is kept,
because these machines are shared and noisy.

    python benchmarks/fusion_scale.py ../shared/eval/polnear/data/train [--sizes 200 400] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

from briefgen import config as config_module
from briefgen import extract, nlp
from briefgen.fuse import fuse
from briefgen.sources.reader import article_from_text


def metadata(split_dir: Path) -> dict[str, dict[str, str]]:
    table = split_dir.parent / "metadata.tsv"
    if not table.exists():
        return {}
    with table.open(encoding="utf-8") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (holds text/*.txt)")
    parser.add_argument("--sizes", type=int, nargs=2, default=[200, 400])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted((args.split / "text").glob("*.txt"))
    small, large = args.sizes
    if len(files) < large:
        print(f"{args.split}: {len(files)} articles, {large} needed", file=sys.stderr)
        return 1
    meta = metadata(args.split)
    articles = []
    for i, path in enumerate(files[:large], 1):
        row = meta.get(path.stem, {})
        published = dt.date.fromisoformat(row["publication_date"]) if row.get("publication_date") else None
        articles.append(article_from_text(path.read_text(encoding="utf-8"), f"S{i}",
                                          {"title": row.get("title") or path.stem,
                                           "outlet": row.get("publisher"), "published": published}))
    start = time.perf_counter()
    facts = [extract.extract_article(a, doc) for a, doc in zip(articles, nlp.parse(a.text for a in articles))]
    print(f"parsed and extracted {large} articles in {time.perf_counter() - start:.1f}s (not timed below)")
    config = config_module.validate({"title": "Fusion benchmark", "articles": [{"path": str(files[0])}]},
                                    Path.cwd())
    by_length = sorted(range(large), key=lambda i: len(articles[i].text))
    subsets = {large: list(range(large)), small: sorted(by_length[::large // small])[:small]}
    times = {small: float("inf"), large: float("inf")}
    briefs = {}
    for _ in range(args.runs):
        for size in (small, large):
            chosen = subsets[size]
            start = time.perf_counter()
            briefs[size] = fuse(config, [articles[i] for i in chosen], [facts[i] for i in chosen])
            times[size] = min(times[size], time.perf_counter() - start)
    for size in (small, large):
        brief = briefs[size]
        words = sum(len(articles[i].text.split()) for i in subsets[size])
        print(f"{size:>5} articles ({words} words): fusion {times[size]:.2f}s  ({len(brief.actors)} actors, "
              f"{len(brief.key_claims)} claims, {len(brief.background)} events, "
              f"{len(brief.open_questions)} questions)")
    ratio = times[large] / times[small]
    print(f"ratio {large}/{small}: {ratio:.2f}  (linear = {large / small:.1f}, target <= 2.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
