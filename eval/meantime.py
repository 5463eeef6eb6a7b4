"""Cross-document actor merging on MEANTIME: B-cubed over gold named mentions.

Usage: python eval/meantime.py PATH [--topics airbus apple] [--types PER ORG LOC] [--limit N] [--errors]

PATH is the MEANTIME English release folder holding
``intra_cross-doc_annotation/corpus_<topic>/*.xml`` (CAT XML, tokenised).

Per topic, the articles are one input set: each article's text is rebuilt
from its tokens (one line per sentence, a token -> character map kept), then
run through briefgen's own actor pipeline (reader -> spaCy -> ``actors``
extractor -> ``fuse_actors``), exactly as ``briefgen build`` does.

What is scored (decisions):
- Gold mentions: ENTITY_MENTIONs linked by REFERS_TO to an ENTITY carrying a
  cross-document ``instance_id`` whose type is an actor type (PER, ORG, LOC).
  Products (PRO) and financial entities (FIN) are no actors and are left out.
  Entities without ``instance_id`` have no cross-document identity and are
  left out.
- Named: ``syntactic_type`` NAM or PRE.NAM. Mentions added in the
  cross-document pass carry no ``syntactic_type``: one takes the type most
  often given to the same words elsewhere in the topic ("Apple CEO" is NOM),
  else it counts as named when every word is capitalised (function words
  "of", "and", "the", "de", "in", "&" aside) and the first is no pronoun.
- A gold mention takes the actor of an overlapping predicted mention: one
  of a compatible type first (PER: person; ORG: organisation, group; LOC:
  country, place), then one holding the end of the gold mention's head
  phrase (the mention up to its first comma or post-modifier: "Airbus
  parent EADS" is EADS, "Everett, Washington" is Everett), then the largest
  overlap in characters. A gold mention no
  predicted mention overlaps is its own singleton cluster (the standard
  B-cubed treatment: it costs recall, never the precision of the others).
- Places (cities, regions, buildings) are entity mentions briefgen merges
  across articles like actors but does not list as actors; their merge keys
  are scored as they are.
- B-cubed precision/recall are averaged over the gold named mentions; F1 is
  their harmonic mean. "overall" pools both topics' mentions (micro average).
- Baseline: gold mentions grouped by identical surface string.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTOR_TYPES = ("PER", "ORG", "LOC")
COMPATIBLE = {"PER": {"person"}, "ORG": {"organisation", "group"}, "LOC": {"country", "place"},
              "PRO": set(), "FIN": set(), "MIX": set()}
NAMED_TYPES = ("NAM", "PRE.NAM")
# Where a mention's head phrase ends: "Everett, Washington", "Leonard, chairman of ...".
_POSTMODIFIER = re.compile(r",| (?:in|of|near|at|from|which|who|based)\b")
_CONNECTORS = frozenset({"of", "and", "the", "de", "in", "&", "-", "'s", "’s", "(", ")", ","})
_PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their who which whose".split()
)
# No space before these tokens, none after the opening ones.
_ATTACH_LEFT = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'", "’", "''"})
_ATTACH_RIGHT = frozenset({"(", "[", "{", "$", "``", "#"})


@dataclass
class GoldMention:
    doc: str
    start: int  # characters in the rebuilt text
    end: int
    text: str
    instance: str
    ent_type: str
    syntactic_type: str | None  # None: added in the cross-document pass


@dataclass
class Document:
    name: str
    text: str
    mentions: list[GoldMention]


def _rebuild(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (t_id, sentence, token) triples, one line per sentence."""
    parts: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    pos = 0
    sentence = None
    quote_open = False
    previous = ""
    for t_id, sent, token in tokens:
        sep = ""
        if sentence is not None and sent != sentence:
            sep = "\n"
            quote_open = False
        elif parts:
            sep = " "
            if token in _ATTACH_LEFT or previous in _ATTACH_RIGHT:
                sep = ""
            elif token == '"':
                sep = "" if quote_open else " "
            elif previous == '"' and quote_open:
                sep = ""
        if token == '"':
            quote_open = not quote_open
        parts.append(sep)
        pos += len(sep)
        where[t_id] = (pos, pos + len(token))
        parts.append(token)
        pos += len(token)
        sentence = sent
        previous = token
    return "".join(parts), where


def _looks_named(text: str) -> bool:
    words = text.split()
    content = [w for w in words if w.lower() not in _CONNECTORS]
    return (bool(content) and words[0].lower() not in _PRONOUNS and words[-1][:1].isupper()
            and all(w[:1].isupper() or not w[:1].isalpha() for w in content))


def read_document(path: Path, types: tuple[str, ...] = ACTOR_TYPES) -> Document:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    text, where = _rebuild(tokens)
    markables = root.find("Markables")
    entities = {e.get("m_id"): e for e in markables.iter("ENTITY")}
    refers: dict[str, str] = {}
    for rel in root.find("Relations").iter("REFERS_TO"):
        target = rel.find("target").get("m_id")
        for source in rel.iter("source"):
            refers[source.get("m_id")] = target
    mentions = []
    for m in markables.iter("ENTITY_MENTION"):
        entity = entities.get(refers.get(m.get("m_id"), ""))
        if entity is None or not entity.get("instance_id") or entity.get("ent_type") not in types:
            continue
        anchors = [a.get("t_id") for a in m.iter("token_anchor")]
        if not anchors:
            continue
        start = min(where[a][0] for a in anchors)
        end = max(where[a][1] for a in anchors)
        mentions.append(GoldMention(path.stem, start, end, text[start:end], entity.get("instance_id"),
                                    entity.get("ent_type"), m.get("syntactic_type")))
    return Document(path.stem, text, mentions)


def keep_named(docs: list[Document]) -> None:
    """Keep the named mentions; an untyped one takes the type its words were
    given elsewhere in the topic ("Apple CEO" is nominal), else its capitals."""
    typed: dict[str, Counter[bool]] = defaultdict(Counter)
    for d in docs:
        for m in d.mentions:
            if m.syntactic_type is not None:
                typed[m.text][m.syntactic_type in NAMED_TYPES] += 1
    def named(m: GoldMention) -> bool:
        if m.syntactic_type is not None:
            return m.syntactic_type in NAMED_TYPES
        if m.text in typed:
            return typed[m.text].most_common(1)[0][0]
        return _looks_named(m.text)

    for d in docs:
        d.mentions = [m for m in d.mentions if named(m)]


def predict(docs: list[Document]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per document, the predicted mentions: (start, end, actor key, label)."""
    from briefgen import nlp
    from briefgen.extract import EXTRACTORS
    from briefgen.fuse.actors import fuse_actors, merge_keys
    from briefgen.model import ArticleFacts
    from briefgen.sources.reader import article_from_text

    _, extract_actors = EXTRACTORS["actors"]
    articles = [article_from_text(d.text, f"S{i}", {}, d.name) for i, d in enumerate(docs, 1)]
    facts = []
    for article, doc in zip(articles, nlp.parse(a.text for a in articles)):
        article_facts = ArticleFacts(source_id=article.source.id)
        extract_actors(article, doc, article_facts)
        facts.append(article_facts)
    fuse_actors(articles, facts)  # timed and run as the build runs it; the keys below are its groups
    keys = merge_keys(facts, articles)
    return {d.name: [(m.start, m.end, keys[(f.source_id, m.local_id)], m.label) for m in f.mentions]
            for d, f in zip(docs, facts)}


def assign(docs: list[Document], predicted: dict[str, list[tuple[int, int, str, str]]]) -> list[str]:
    """The predicted cluster of each gold mention, in order; unmatched -> own singleton.

    Of the predicted mentions overlapping a gold one, one of a compatible type
    wins ("European airframer Airbus" is Airbus, not Europe), then one
    holding the last character of its head, then the largest overlap.
    """
    clusters = []
    for d in docs:
        spans = predicted.get(d.name, [])
        for n, g in enumerate(d.mentions):
            cut = _POSTMODIFIER.search(g.text)
            head_end = g.start + cut.start() if cut and cut.start() > 0 else g.end
            best, score = None, (False, False, 0)
            for start, end, key, label in spans:
                shared = min(end, g.end) - max(start, g.start)
                candidate = (label in COMPATIBLE[g.ent_type], start < head_end <= end, shared)
                if shared > 0 and candidate > score:
                    best, score = key, candidate
            clusters.append(best if best is not None else f"unmatched:{d.name}:{n}")
    return clusters


def bcubed(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``predicted`` clusters against ``gold``."""
    if not gold:
        return 0.0, 0.0, 0.0
    gold_size = Counter(gold)
    pred_size = Counter(predicted)
    both = Counter(zip(gold, predicted))
    precision = sum(both[(g, p)] / pred_size[p] for g, p in zip(gold, predicted)) / len(gold)
    recall = sum(both[(g, p)] / gold_size[g] for g, p in zip(gold, predicted)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _errors(docs: list[Document], gold: list[str], predicted: list[str]) -> None:
    """Gold instances split over several predicted clusters, and predicted clusters mixing instances."""
    texts = [m.text for d in docs for m in d.mentions]
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    by_pred: dict[str, Counter[str]] = defaultdict(Counter)
    for text, g, p in zip(texts, gold, predicted):
        by_gold[g][(p if not p.startswith("unmatched") else "-", text)] += 1
        by_pred[p][(g, text)] += 1
    print("  split gold instances:")
    for g, parts in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values())):
        if len({p for p, _ in parts}) > 1 or any(p == "-" for p, _ in parts):
            print(f"    {g}: " + "; ".join(f"{t!r}->{p} x{n}" for (p, t), n in parts.most_common(12)))
    print("  merged predicted clusters:")
    for p, parts in by_pred.items():
        if len({g for g, _ in parts}) > 1:
            print(f"    {p}: " + "; ".join(f"{t!r}={g} x{n}" for (g, t), n in parts.most_common(12)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--topics", nargs="+", default=["airbus", "apple"])
    parser.add_argument("--limit", type=int, default=0, help="articles per topic (0 = all)")
    parser.add_argument("--errors", action="store_true", help="list split and merged instances")
    parser.add_argument("--types", nargs="+", default=list(ACTOR_TYPES),
                        help="gold entity types scored (PER ORG LOC PRO FIN); default: the actor types")
    args = parser.parse_args()

    folder = args.path / "intra_cross-doc_annotation"
    if not folder.is_dir():
        parser.error(f"{folder}: not found; give the MEANTIME English release folder")
    all_gold: list[str] = []
    all_pred: list[str] = []
    all_exact: list[str] = []
    print(f"{'topic':<8} {'docs':>4} {'mentions':>8} {'instances':>9}   "
          f"{'briefgen P / R / F1':>22}   {'exact-string P / R / F1':>24}")
    for topic in args.topics:
        files = sorted((folder / f"corpus_{topic}").glob("*.xml"))
        if args.limit:
            files = files[:args.limit]
        docs = [read_document(f, tuple(args.types)) for f in files]
        keep_named(docs)
        clock = time.perf_counter()
        predicted = assign(docs, predict(docs))
        seconds = time.perf_counter() - clock
        # Instance ids are corpus-wide; prefix by topic so pooled scores keep topics apart.
        gold = [f"{topic}:{m.instance}" for d in docs for m in d.mentions]
        pred = [f"{topic}:{p}" for p in predicted]
        exact = [f"{topic}:{m.text}" for d in docs for m in d.mentions]
        p, r, f = bcubed(gold, pred)
        ep, er, ef = bcubed(gold, exact)
        print(f"{topic:<8} {len(docs):>4} {len(gold):>8} {len(set(gold)):>9}   "
              f"{p:6.3f} {r:6.3f} {f:6.3f}   {ep:7.3f} {er:7.3f} {ef:7.3f}   ({seconds:.1f}s)")
        if args.errors:
            _errors(docs, gold, pred)
        all_gold += gold
        all_pred += pred
        all_exact += exact
    p, r, f = bcubed(all_gold, all_pred)
    ep, er, ef = bcubed(all_gold, all_exact)
    print(f"{'overall':<8} {'':>4} {len(all_gold):>8} {len(set(all_gold)):>9}   "
          f"{p:6.3f} {r:6.3f} {f:6.3f}   {ep:7.3f} {er:7.3f} {ef:7.3f}")
    print(f"B-cubed F1 gain over exact string: {100 * (f - ef):+.1f} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
