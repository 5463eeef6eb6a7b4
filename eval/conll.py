"""NER on CoNLL++: briefgen's actor mentions against raw spaCy on the same text.

Usage: python eval/conll.py PATH [--limit N] [--errors]

PATH is the CoNLL++ folder holding ``conllpp_dev.txt`` (or the file itself).
Each document (between -DOCSTART- lines) is rebuilt as text, one sentence
per line, with a token -> character map, and read as an article by
briefgen's reader. Both systems see the same cleaned text and the same
parse:

- raw spaCy: the parse's entities, labels mapped PERSON -> PER, ORG -> ORG,
  GPE, LOC and FAC -> LOC (CoNLL tags stadiums, airports and roads LOC, and
  briefgen keeps FAC entities as places). NORP ("Chinese", "Republicans") is
  dropped: CoNLL tags it MISC, which is not scored.
- briefgen: the ``actors`` extractor's mentions, labels mapped person -> PER,
  organisation -> ORG, country and place -> LOC. Groups and countries named
  by a demonym ("Russian" officials) are what spaCy calls NORP: dropped, as
  above, so both sides use one mapping.

Scoring is entity-level (exact start and end token, and type); gold MISC is
ignored. A predicted span maps to tokens by character overlap.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPES = ("PER", "ORG", "LOC")
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
BRIEFGEN_MAP = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}
_ATTACH_LEFT = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't"})
_ATTACH_RIGHT = frozenset({"(", "[", "$"})

Entity = tuple[int, int, str]  # first token, last token + 1, type (document token indices)


def read_documents(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, IOB tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            if parts:
                docs.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def rebuild(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]], list[Entity]]:
    """Text, each token's character range, and the gold entities of one document."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    gold: list[Entity] = []
    pos = 0
    for s, sentence in enumerate(doc):
        previous = ""
        for n, (token, tag) in enumerate(sentence):
            sep = "" if not parts else "\n" if n == 0 else (
                "" if token in _ATTACH_LEFT or previous in _ATTACH_RIGHT else " ")
            parts.append(sep + token)
            pos += len(sep)
            spans.append((pos, pos + len(token)))
            pos += len(token)
            previous = token
            i = len(spans) - 1
            kind = tag[2:]
            if tag.startswith("B-") or (tag.startswith("I-") and (not gold or gold[-1][1] != i or gold[-1][2] != kind)):
                gold.append((i, i + 1, kind))
            elif tag.startswith("I-"):
                gold[-1] = (gold[-1][0], i + 1, kind)
    return "".join(parts), spans, [g for g in gold if g[2] in TYPES]


def _is_demonym(text: str) -> bool:
    from briefgen.extract.countries import country_of

    return country_of(text, demonyms=False) is None


def to_tokens(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    covered = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    return (covered[0], covered[-1] + 1) if covered else None


def score(gold: set, predicted: set) -> dict[str, tuple[float, float, float]]:
    result = {}
    for kind in (*TYPES, "all"):
        g = {e for e in gold if kind in ("all", e[-1])}
        p = {e for e in predicted if kind in ("all", e[-1])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        result[kind] = (precision, recall, f1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="documents (0 = all)")
    parser.add_argument("--errors", action="store_true", help="list where briefgen and spaCy differ")
    args = parser.parse_args()
    path = args.path / "conllpp_dev.txt" if args.path.is_dir() else args.path
    if not path.is_file():
        parser.error(f"{path}: not found; give the CoNLL++ folder or its dev file")

    from briefgen import nlp
    from briefgen.extract import EXTRACTORS
    from briefgen.model import ArticleFacts
    from briefgen.sources.reader import article_from_text

    _, extract_actors = EXTRACTORS["actors"]
    docs = read_documents(path)
    if args.limit:
        docs = docs[:args.limit]
    built = [rebuild(d) for d in docs]
    # A title keeps the reader from taking the first line for a headline: in
    # CoNLL it is a sentence like any other and must stay in the text.
    articles = [article_from_text(text, f"D{i}", {"title": f"doc {i}"}) for i, (text, _, _) in enumerate(built)]
    gold: set = set()
    spacy_pred: set = set()
    briefgen_pred: set = set()
    diffs: Counter[tuple[str, str, str]] = Counter()
    for i, (article, doc) in enumerate(zip(articles, nlp.parse(a.text for a in articles))):
        _, spans, entities = built[i]
        gold |= {(i, *e) for e in entities}
        raw_of = [(article.offsets.to_raw(t.idx), article.offsets.to_raw(t.idx + len(t), end=True)) for t in doc]
        for ent in doc.ents:
            kind = SPACY_MAP.get(ent.label_)
            tokens = kind and to_tokens(spans, raw_of[ent.start][0], raw_of[ent.end - 1][1])
            if tokens:
                spacy_pred.add((i, *tokens, kind))
        facts = ArticleFacts(source_id=article.source.id)
        extract_actors(article, doc, facts)
        for m in facts.mentions:
            if m.label == "country" and _is_demonym(m.text):
                continue
            kind = BRIEFGEN_MAP.get(m.label)
            tokens = kind and to_tokens(spans, m.start, m.end)
            if tokens:
                briefgen_pred.add((i, *tokens, kind))
        if args.errors:
            text = built[i][0]
            for e in (spacy_pred ^ briefgen_pred):
                if e[0] == i:
                    who = "spaCy only" if e in spacy_pred else "briefgen only"
                    right = "correct" if e in gold else "wrong"
                    diffs[(who, right, f"{text[spans[e[1]][0]:spans[e[2] - 1][1]]!r} {e[3]}")] += 1
    print(f"CoNLL++ dev: {len(docs)} documents, {len(gold)} PER/ORG/LOC entities")
    print(f"{'type':<5} {'raw spaCy P / R / F1':>22}   {'briefgen P / R / F1':>22}")
    s, b = score(gold, spacy_pred), score(gold, briefgen_pred)
    for kind in (*TYPES, "all"):
        print(f"{kind:<5} {s[kind][0]:6.3f} {s[kind][1]:6.3f} {s[kind][2]:6.3f}   "
              f"{b[kind][0]:6.3f} {b[kind][1]:6.3f} {b[kind][2]:6.3f}")
    print(f"briefgen - spaCy overall F1: {100 * (b['all'][2] - s['all'][2]):+.1f} points")
    if args.errors:
        for (who, right, what), n in sorted(diffs.items(), key=lambda kv: -kv[1])[:80]:
            print(f"  {who:<13} {right:<7} x{n} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
