"""Score briefgen's attributions against PolNeAR's gold annotations.

    python eval/polnear.py DATA_SPLIT_DIR [--limit N]

DATA_SPLIT_DIR holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``
(brat standoff; ``;`` joins the pieces of a discontinuous span). Each article is
scored against its first ``.ann`` by file name. Extraction takes the path of
``briefgen extract``: read the file, parse it, run the registered extractors.

Metrics (spans compared as sets of character offsets of the .txt file):
- content P/R/F1: a prediction matches a gold attribution when the Dice overlap
  of their contents is >= 0.5 (and again >= 0.8), one-to-one, greedy by best overlap;
- on pairs matched at 0.5: source accuracy (speaker overlaps the gold source, or
  they share a content word, or the gold source is a pronoun and a speaker was
  given; a gold attribution without source wants no speaker) and cue accuracy
  (the spans overlap);
- full-triple P/R/F1: content matched at 0.5, source right and cue right.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from briefgen import extract, nlp
from briefgen.sources.reader import read_article

PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their one who whom which that".split()
)
THRESHOLDS = (0.5, 0.8)


@dataclass
class Triple:
    source: frozenset[int]
    source_text: str
    cue: frozenset[int]
    content: frozenset[int]


def char_set(ranges: str) -> frozenset[int]:
    """Offsets of a brat range list such as ``"12 30;35 40"``."""
    chars: set[int] = set()
    for piece in ranges.split(";"):
        start, end = map(int, piece.split())
        chars.update(range(start, end))
    return frozenset(chars)


def read_gold(ann: Path) -> list[Triple]:
    spans: dict[str, tuple[frozenset[int], str]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = (char_set(ranges), fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    gold = []
    for roles in events:
        empty = (frozenset(), "")
        content = frozenset().union(*(spans[t][0] for r, t in roles.items() if r.startswith("Content")))
        source = spans.get(roles.get("Source", ""), empty)
        gold.append(Triple(source[0], source[1], spans.get(roles.get("Cue", ""), empty)[0], content))
    return gold


def predict(article, doc) -> list[Triple]:
    facts = extract.extract_article(article, doc)
    out = []
    for att in facts.attributions:
        speaker = att.speaker
        out.append(Triple(
            frozenset(range(speaker.start, speaker.end)) if speaker else frozenset(),
            speaker.text if speaker else "",
            frozenset(range(att.cue.start, att.cue.end)),
            frozenset(range(att.content.start, att.content.end)),
        ))
    return out


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def match(pred: list[Triple], gold: list[Triple], threshold: float) -> list[tuple[Triple, Triple]]:
    """One-to-one pairs, greedy by best content overlap."""
    scored = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p.content & g.content:
                d = dice(p.content, g.content)
                if d >= threshold:
                    scored.append((d, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _d, i, j in sorted(scored, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS}


def source_right(p: Triple, g: Triple) -> bool:
    if not g.source:
        return not p.source
    if not p.source:
        return False
    if p.source & g.source or content_words(p.source_text) & content_words(g.source_text):
        return True
    return g.source_text.strip().lower() in PRONOUNS


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def articles(split: Path, limit: int | None) -> list[tuple[Path, Path]]:
    pairs = []
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted(a for a in (split / "attributions").glob(f"{txt.stem}_*.ann")
                      if re.fullmatch(re.escape(txt.stem) + r"_[^_]+", a.stem))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs[:limit] if limit else pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (with text/ and attributions/)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    args = parser.parse_args()

    pairs = articles(args.split, args.limit)
    if not pairs:
        sys.exit(f"{args.split}: no text/*.txt with attributions/*.ann found")
    read = [read_article(txt, "S1") for txt, _ in pairs]
    n_pred = n_gold = 0
    matched = {t: 0 for t in THRESHOLDS}
    sources = cues = triples = 0
    for (_, ann), article, doc in zip(pairs, read, nlp.parse(a.text for a in read)):
        pred, gold = predict(article, doc), read_gold(ann)
        n_pred += len(pred)
        n_gold += len(gold)
        for threshold in THRESHOLDS:
            found = match(pred, gold, threshold)
            matched[threshold] += len(found)
            if threshold == THRESHOLDS[0]:
                for p, g in found:
                    s, c = source_right(p, g), bool(p.cue & g.cue)
                    sources += s
                    cues += c
                    triples += s and c

    print(f"articles {len(pairs)}  gold attributions {n_gold}  predicted {n_pred}")
    for threshold in THRESHOLDS:
        p, r, f = prf(matched[threshold], n_pred, n_gold)
        print(f"content @Dice>={threshold}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    base = matched[THRESHOLDS[0]] or 1
    print(f"source accuracy (matched pairs): {sources / base:.3f}")
    print(f"cue accuracy (matched pairs):    {cues / base:.3f}")
    p, r, f = prf(triples, n_pred, n_gold)
    print(f"full triple: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
