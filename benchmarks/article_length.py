"""Extraction time against article length, as ratios measured in one run.

    python benchmarks/article_length.py [PATH] [--sizes 10000,20000,40000,80000]

One article is made of the PolNeAR-like news paragraphs under PATH (default:
``../shared/eval/polnear/data/dev``), repeated until each size is reached; each
is parsed once, then every extractor runs on it (the best of three passes, as
these machines are shared). Linear time gives ratios near the size ratios
(time(2n)/time(n) near 2); work per item found that re-reads the whole text
gives ratios that grow with the size.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefgen import extract, nlp
from briefgen.sources.reader import article_from_text

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "data" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT, help="a folder of article .txt files")
    parser.add_argument("--sizes", default="10000,20000,40000,80000", help="article lengths in characters")
    args = parser.parse_args()
    paragraphs = [p for f in sorted(args.path.rglob("*.txt"))[:40]
                  for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n") if len(p) > 80]
    if not paragraphs:
        raise SystemExit(f"{args.path}: no article paragraphs found")
    nlp.load()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        body, i = [], 0
        while sum(len(p) + 2 for p in body) < size:
            body.append(paragraphs[i % len(paragraphs)])
            i += 1
        article = article_from_text("Report\n\n" + "\n\n".join(body), "S1",
                                    {"title": "Report", "published": "2016-11-08"})
        doc = next(nlp.parse([article.text]))
        best = min(_timed(article, doc) for _ in range(3))
        rows.append((len(article.text), best))
    base_chars, base_time = rows[0]
    print(f"{'characters':>10} {'extract s':>10} {'size x':>7} {'time x':>7}")
    for chars, seconds in rows:
        print(f"{chars:>10} {seconds:>10.3f} {chars / base_chars:>7.1f} {seconds / base_time:>7.1f}")


def _timed(article, doc) -> float:
    doc.user_data.clear()  # nothing carried over from the previous pass
    start = time.perf_counter()
    extract.extract_article(article, doc)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
