"""Score briefgen's story fusion on ECB+: do claim clusters and rewrite groups
keep a topic's two events apart?

Usage: python eval/ecbplus.py ../shared/eval/ecbplus [--topics 1-22]

ECB+ gives, per topic, articles on two similar but different real-world events
(files *ecb.xml: the first event, *ecbplus.xml: the second), each told by many
outlets. Each topic's articles are one input set, as a user would configure
them. Each article's gold label is its event. Three clusterings are scored:

  * claims: every claim version (one per article carrying the claim) is an
    item; the claim it was merged into is its cluster;
  * articles linked by claims: articles sharing at least one merged claim,
    connected components;
  * origins: briefgen's rewrite / shared-wire groups of articles.

Purity (each cluster's share of its majority event, weighted by size) says
whether a cluster mixes the two events; inverse purity (each event's share in
its largest cluster) says how much of an event one cluster gathers. Claims and
origins are meant to be much finer than events (a claim is one statement, an
origin one wire story), so their inverse purity is low by design; purity is
the number that matters. Counts are micro-averaged over topics.

Article text is rebuilt from the tokens, one sentence per paragraph.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from briefgen import extract, nlp
from briefgen.fuse import actors_and_claims
from briefgen.fuse.groups import Groups
from briefgen.sources.reader import article_from_text

NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def document_text(path: Path) -> str:
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence"))].append(token.text or "")
    paragraphs = []
    for number in sorted(sentences):
        text = ""
        for word in sentences[number]:
            if text and not NO_SPACE_BEFORE.match(word) and text[-1] not in NO_SPACE_AFTER:
                text += " "
            text += word
        paragraphs.append(text)
    return "\n\n".join(paragraphs) + "\n"


def topic_files(root: Path, topic: int) -> list[tuple[Path, str]]:
    folder = root / "ECB+" / str(topic)
    files = sorted(folder.glob("*.xml"), key=lambda p: (p.stem.endswith("plus"), int(re.findall(r"_(\d+)", p.stem)[0])))
    return [(f, "ecbplus" if f.stem.endswith("ecbplus") else "ecb") for f in files]


def purity(clusters: list[list[str]]) -> tuple[int, int, int]:
    """(majority items summed over clusters, largest-cluster items summed over labels, total)."""
    total = sum(len(c) for c in clusters)
    pure = sum(Counter(c).most_common(1)[0][1] for c in clusters if c)
    by_label: dict[str, list[int]] = defaultdict(list)
    for cluster in clusters:
        for label, n in Counter(cluster).items():
            by_label[label].append(n)
    inverse = sum(max(ns) for ns in by_label.values())
    return pure, inverse, total


def score_topic(root: Path, topic: int) -> dict[str, tuple[int, int, int]]:
    files = topic_files(root, topic)
    articles = [article_from_text(document_text(path), f"S{i}", {"title": path.stem, "outlet": path.stem})
                for i, (path, _) in enumerate(files, 1)]
    label = {a.source.id: event for a, (_, event) in zip(articles, files)}
    facts = [extract.extract_article(a, doc) for a, doc in zip(articles, nlp.parse(a.text for a in articles))]
    _actors, claims, origin_of = actors_and_claims(articles, facts)
    position = {a.source.id: i for i, a in enumerate(articles)}
    claim_items = [[label[ev.source_id] for ev in c.evidence] for c in claims]
    shared = [c for c in claims if len(c.sources) > 1]
    linked_articles = Groups(len(articles))
    for claim in shared:
        for sid in claim.sources[1:]:
            linked_articles.join(position[claim.sources[0]], position[sid])
    linked = [[label[articles[i].source.id] for i in group] for group in linked_articles.members()]
    by_origin: dict[int, list[str]] = defaultdict(list)
    for sid, origin in origin_of.items():
        by_origin[origin].append(label[sid])
    return {
        "claims": purity(claim_items),
        "claims (2+ sources)": purity([[label[ev.source_id] for ev in c.evidence] for c in shared]),
        "articles linked by claims": purity(linked),
        "origins": purity(list(by_origin.values())),
        "_counts": (len(articles), len(claims), len(shared), len(by_origin)),
    }


def topics(spec: str) -> list[int]:
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the ecbplus folder (holds ECB+/<topic>/*.xml)")
    parser.add_argument("--topics", default="1-22", help="topic range, e.g. 1-22 or 5")
    args = parser.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        print(f"{args.data}: no ECB+ folder here; pass the ecbplus corpus folder", file=sys.stderr)
        return 1
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    print(f"{'topic':>5} {'articles':>8} {'claims':>7} {'shared':>7}  claim purity  origin purity  origins")
    for topic in topics(args.topics):
        if not (args.data / "ECB+" / str(topic)).is_dir():
            continue
        scores = score_topic(args.data, topic)
        n_articles, n_claims, n_shared, n_origins = scores.pop("_counts")
        for name, (pure, inverse, total) in scores.items():
            totals[name][0] += pure
            totals[name][1] += inverse
            totals[name][2] += total
        claim_pure, _, claim_total = scores["claims (2+ sources)"]
        origin_pure, _, origin_total = scores["origins"]
        print(f"{topic:>5} {n_articles:>8} {n_claims:>7} {n_shared:>7}  "
              f"{claim_pure / max(claim_total, 1):>12.3f}  {origin_pure / max(origin_total, 1):>13.3f}  {n_origins:>7}")
    print()
    print(f"{'clustering':<28} {'purity':>7} {'inverse':>8} {'items':>6}")
    for name, (pure, inverse, total) in totals.items():
        print(f"{name:<28} {pure / max(total, 1):>7.3f} {inverse / max(total, 1):>8.3f} {total:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
