"""The main text briefgen reads from web pages, against the human-marked
article body of the Article Extraction Benchmark (181 real pages).

    python eval/html_extraction.py [../shared/eval/article_extraction] [--verbose]

Scores, per page then averaged over pages (the benchmark's way): precision,
recall and F1 of word 4-gram shingles (lower-cased ``\\w+`` tokens, counted
as multisets) of the text read against the page's ``articleBody``. Two
readers in the same run:

- trafilatura alone: ``trafilatura.extract`` with its defaults;
- briefgen: what a build reads from the page (``read_article``: trafilatura
  with briefgen's settings, then its own furniture rules), the headline left
  out as the benchmark's body has none.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "eval" / "article_extraction"
SHINGLE = 4


def shingles(text: str) -> Counter:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def score(found: str, gold: str) -> tuple[float, float, float]:
    a, b = shingles(found), shingles(gold)
    common = sum((a & b).values())
    precision = common / sum(a.values()) if a else (1.0 if not b else 0.0)
    recall = common / sum(b.values()) if b else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def briefgen_reading(page: bytes, where: Path) -> str:
    from briefgen.errors import SourceError
    from briefgen.sources.reader import read_article

    where.write_bytes(page)
    try:
        article = read_article(where, "S1")
    except SourceError:
        return ""
    return article.text[article.headline_end:].strip() if article.headline_end else article.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args()
    import trafilatura

    gold = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    rows = {"trafilatura alone": [], "briefgen": []}
    with tempfile.TemporaryDirectory() as tmp:
        for key, item in sorted(gold.items()):
            page = gzip.decompress((args.corpus / "html" / f"{key}.html.gz").read_bytes())
            alone = trafilatura.extract(page) or ""
            ours = briefgen_reading(page, Path(tmp) / "page.html")
            for name, text in (("trafilatura alone", alone), ("briefgen", ours)):
                rows[name].append(score(text, item["articleBody"]))
            if args.verbose:
                print(f"{key[:12]}  alone F1 {rows['trafilatura alone'][-1][2]:.3f}  "
                      f"briefgen F1 {rows['briefgen'][-1][2]:.3f}  {item.get('url', '')[:60]}")
    print(f"{len(gold)} pages, word {SHINGLE}-gram shingles, mean over pages")
    print(f"{'reader':<18} precision  recall  F1")
    for name, scores in rows.items():
        p, r, f = (sum(s[i] for s in scores) / len(scores) for i in range(3))
        print(f"{name:<18} {p:9.4f}  {r:6.4f}  {f:.4f}")


if __name__ == "__main__":
    main()
