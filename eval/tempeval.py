"""Score briefgen's time-expression finder on TempEval-3 (TimeBank + AQUAINT).

    python eval/tempeval.py /work/shared/eval/tempeval3 [--errors N]

PATH is the TempEval-3 folder (or its TBAQ-cleaned folder): every
``TimeBank/*.tml`` and ``AQUAINT/*.tml`` under it is read. For each document
the DCT (the TIMEX3 with functionInDocument=CREATION_TIME) is the
publication date; the text inside <TEXT> is parsed with briefgen's spaCy
model and run through ``briefgen.extract.timex.resolve``, the function the
events extractor calls (it finds the expressions and normalises each with
the tense of its verb and the dates before it).

What is scored, and how:

- Gold: the TIMEX3 of type DATE inside <TEXT> (DURATION, TIME and SET are
  not gold DATEs).
- Predictions: every expression ``find`` returns, except those ``normalise``
  types as durations ("three years", "the past week"). briefgen does not
  type times of day; spaCy's TIME entities are not searched. Expressions briefgen recognises but
  leaves without a value (eras, "two days earlier", "a few weeks ago")
  are DATE predictions with value None.
- Detection: a prediction and a gold DATE match when their character ranges
  overlap (one-to-one, in text order). P = matched / predictions,
  R = matched / gold, F1 their harmonic mean.
- Value accuracy: over matched pairs, the share whose predicted value equals
  the gold TIMEX3 value string exactly, e.g. "1998-02-13", "1998-W12",
  "1998-Q3", "1998-SU", "199" (decade), "PRESENT_REF". No coarsening: a
  prediction of "1998" for gold "1998-02" is wrong, and so is None. The
  one spelling difference forgiven: the corpus writes week numbers both
  zero-padded and not ("2000-W08", "2000-W8"). Gold
  values with unknown digits ("1998-XX", "1998-WXX", "XXXX-XX-XX") can only
  be matched by the same string; briefgen never produces them, so they count
  as errors.

Printed per sub-corpus (TimeBank, AQUAINT) and overall. ``--errors N``
also prints N value errors, N missed gold expressions and N predictions
matching no gold DATE, per sub-corpus.
"""

from __future__ import annotations

import argparse
import re
import datetime as dt
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen import nlp  # noqa: E402
from briefgen.extract import timex  # noqa: E402

SUBCORPORA = ("TimeBank", "AQUAINT")
# normalise() granularities that are not DATE in TimeML.
NOT_DATE = frozenset({timex.DURATION})


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "predicted", "matched", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.correct / self.matched if self.matched else 0.0
        return (f"{name:<9} gold={self.gold:<5} pred={self.predicted:<5} matched={self.matched:<5} "
                f"detection P={p:.3f} R={r:.3f} F1={f1:.3f}   value accuracy={acc:.3f} "
                f"({self.correct}/{self.matched})")


def read_timeml(path: Path) -> tuple[str, dt.date, list[Timex]]:
    """(text inside <TEXT>, DCT, gold DATE TIMEX3 with offsets into that text)."""
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    published = dt.date.fromisoformat(dct.get("value")[:10])
    parts: list[str] = []
    gold: list[Timex] = []

    def walk(element: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if element.tag == "TIMEX3" and element.get("type") == "DATE":
            end = sum(map(len, parts))
            gold.append(Timex(start, end, "".join(parts)[start:end], element.get("value")))

    walk(root.find("TEXT"))
    return "".join(parts), published, gold


def predictions(doc, published: dt.date) -> list[Timex]:
    return [Timex(t.start, t.end, t.text, t.value)
            for t in timex.resolve(doc, published) if t.granularity not in NOT_DATE]


def same(gold: str | None, predicted: str | None) -> bool:
    """Equal TIMEX3 values; the corpus writes weeks both as "W08" and "W8"."""
    def week(v):
        return re.sub(r"-W0(\d)", r"-W\1", v) if v else v
    return week(gold) == week(predicted)


def match(gold: list[Timex], predicted: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matches, greedy in text order."""
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p.start < g.end and g.start < p.end:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per sub-corpus")
    args = parser.parse_args()
    root = args.path / "TBAQ-cleaned" if (args.path / "TBAQ-cleaned").is_dir() else args.path
    total = Score()
    for name in SUBCORPORA:
        files = sorted((root / name).glob("*.tml"))
        if not files:
            sys.exit(f"{root / name}: no .tml files; give the TempEval-3 folder")
        docs = [read_timeml(f) for f in files]
        score, wrong, missed, spurious = Score(), [], [], []
        for (text, published, gold), doc in zip(docs, nlp.parse(text for text, _, _ in docs)):
            predicted = predictions(doc, published)
            pairs = match(gold, predicted)
            score.add(Score(len(gold), len(predicted), len(pairs), sum(same(g.value, p.value) for g, p in pairs)))
            wrong += [(published, g, p) for g, p in pairs if not same(g.value, p.value)]
            hit = {id(g) for g, _ in pairs}
            missed += [(published, g) for g in gold if id(g) not in hit]
            used = {id(p) for _, p in pairs}
            spurious += [(published, p) for p in predicted if id(p) not in used]
        print(score.line(name))
        for published, g, p in wrong[:args.errors]:
            print(f"   value  dct={published} gold={g.text!r}={g.value} pred={p.text!r}={p.value}")
        for published, g in missed[:args.errors]:
            print(f"   missed dct={published} gold={g.text!r}={g.value}")
        for published, p in spurious[:args.errors]:
            print(f"   extra  dct={published} pred={p.text!r}={p.value}")
        total.add(score)
    print(total.line("overall"))


if __name__ == "__main__":
    main()
