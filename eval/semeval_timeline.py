"""Score briefgen's background timeline on SemEval-2015 Task 4 (TimeLine), corpus_1.

    python eval/semeval_timeline.py /work/shared/eval/semeval2015_task4_timeline [--show N]

PATH is the task folder (or its ``SemEval_Task4_data/corpus_1``). The 30
Wikinews articles are read from ``corpus_trackA_TimeML/*.tml`` (raw text,
one <s> per sentence, annotations ignored): each sentence becomes one
paragraph (the first, the headline, is recognised by briefgen's cleaner), lightly detokenised ("Boeing 's" ->
"Boeing's"), and the DCT is the publication date. briefgen's own pipeline
runs on them: reader (``article_from_text``), spaCy parse (``briefgen.nlp``),
every registered extractor (``extract_article``), then the timeline fusion
(``fuse_events``) across all 30 articles.

Which timeline events belong to a target entity: the entity's name is looked
up in briefgen's own actor fusion (``fuse_actors``, ``ActorIndex.resolve``);
an event is kept for the entity when the text of one of its tellings holds
the entity's name or any name or alias briefgen gathered for that actor
(case-insensitive, whole words), or when an actor name the events extractor
recorded for a telling resolves to that actor. No hand-made aliases.

Matching against the gold timelines (``TimeLines_Gold_Standard/<entity>.txt``,
lines ``rank TAB date TAB docid-sentence-word ...``):

- A gold event is covered by a predicted event when one of the predicted
  event's evidence spans (same article) contains an occurrence of the gold
  event word in the gold sentence; every mention on a gold line counts.
- Dates compare at the gold's precision: gold "2008-03-01" needs the
  prediction "2008-03-01", gold "2008-03-XX" needs a prediction starting
  "2008-03", gold "2008-XX-XX" one starting "2008"; a prediction coarser
  than the gold is wrong. Gold "XXXX-XX-XX" (not anchored) needs a
  prediction with no date.
- Precision: predicted events for the entity that cover at least one gold
  event of that entity's timeline with the right date, over all predicted
  events for the entity. Recall: gold events covered by some predicted
  event with the right date, over all gold events. Printed per entity and
  micro-averaged over entities. R_background is the recall on the gold
  events dated before the article that tells them (at the gold's
  precision), the part of a timeline a background section is for.

briefgen's timeline holds only background (events before each article's
news day), while the gold timelines also hold each article's main news and
its announced plans: recall is bounded well below 1 by design.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen import nlp  # noqa: E402
from briefgen.extract import extract_article  # noqa: E402
from briefgen.fuse.actors import fuse_actors  # noqa: E402
from briefgen.fuse.timeline import fuse_events  # noqa: E402
from briefgen.sources.reader import article_from_text  # noqa: E402


@dataclass
class Doc:
    id: str
    published: dt.date
    raw: str
    sentences: dict[int, tuple[int, int]]  # sentence number -> (start, end) in raw


def detokenise(text: str) -> str:
    text = re.sub(r" ([,.;:!?%)\]]|'s\b|'\s|n't\b|'')", r"\1", " ".join(text.split()))
    return re.sub(r"([(\[$]|``) ", r"\1", text).replace("``", '"').replace("''", '"')


def read_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    raw, sentences = "", {}
    for s in root.find("TEXT").iter("s"):
        if raw:
            raw += "\n\n"
        text = detokenise("".join(s.itertext()))
        sentences[int(s.get("id"))] = (len(raw), len(raw) + len(text))
        raw += text
    return Doc(root.findtext("DOCID").strip(), dt.date.fromisoformat(dct.get("value")[:10]), raw, sentences)


def read_gold(path: Path) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """(date, mentions) per gold line; a mention is (docid, sentence, word)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        _rank, date, *ids = line.split("\t")
        mentions = []
        for mention in ids:
            docid, sentence, word = mention.split("-", 2)
            mentions.append((docid, int(sentence), word))
        lines.append((date, mentions))
    return lines


def date_matches(gold: str, predicted: str | None) -> bool:
    known = re.sub(r"(?:-XX)+$", "", gold)
    if known.startswith("XXXX"):
        return predicted is None
    return predicted is not None and len(predicted) >= len(known) and predicted.startswith(known)


def before_publication(docs: dict[str, Doc], date: str, mentions) -> bool:
    """A gold event dated, at its own precision, before the article telling it."""
    known = re.sub(r"(?:-XX)+$", "", date)
    if known.startswith("XXXX"):
        return False
    published = [docs[d].published.isoformat() for d, _, _ in mentions if d in docs]
    return bool(published) and known < min(published)[:len(known)]


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def covers(docs: dict[str, Doc], evidence, mention: tuple[str, int, str]) -> bool:
    docid, sentence, word = mention
    doc = docs.get(docid)
    if doc is None or sentence not in doc.sentences or evidence.source_id != docid:
        return False
    lo, hi = doc.sentences[sentence]
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.raw[lo:hi]):
        if evidence.start <= lo + m.start() and lo + m.end() <= evidence.end:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print this many predicted events per entity")
    args = parser.parse_args()
    corpus = next((p for p in (args.path / "SemEval_Task4_data" / "corpus_1", args.path)
                   if (p / "corpus_trackA_TimeML").is_dir()), None)
    if corpus is None:
        sys.exit(f"{args.path}: no corpus_trackA_TimeML folder; give the SemEval-2015 Task 4 folder")
    docs = {d.id: d for d in map(read_doc, sorted((corpus / "corpus_trackA_TimeML").glob("*.tml")))}
    articles = [article_from_text(d.raw, d.id, {"published": d.published})
                for d in docs.values()]
    facts = [extract_article(a, doc) for a, doc in zip(articles, nlp.parse(a.text for a in articles))]
    events = fuse_events(articles, facts)
    _, index = fuse_actors(articles, facts)
    told_by = {(f.source_id, e.text.start): [index.resolve(name, f.source_id) for name in e.actors]
               for f in facts for e in f.events}

    entities = [line.strip() for line in (corpus / "list_target_entities_corpus_1.txt")
                .read_text(encoding="utf-8").splitlines() if line.strip()]
    by_stem = {re.sub(r"\W+", "_", name.lower()): name for name in entities}
    total = defaultdict(int)
    print(f"{len(docs)} articles, {len(events)} timeline events "
          f"({sum(e.date is not None for e in events)} dated)")
    for path in sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt")):
        name = by_stem.get(path.stem, path.stem)
        gold = read_gold(path)
        actor = index.resolve(name)
        forms = {name, *((actor.name, *actor.aliases) if actor else ())}
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)
        mine = [e for e in events
                if any(pattern.search(ev.text) or (actor and any(a is actor for a in told_by.get(
                    (ev.source_id, ev.start), ()))) for ev in e.evidence)]
        right_events, found_gold = 0, set()
        for event in mine:
            hit = False
            for i, (date, mentions) in enumerate(gold):
                if date_matches(date, event.date) and any(
                        covers(docs, ev, m) for ev in event.evidence for m in mentions):
                    found_gold.add(i)
                    hit = True
            right_events += hit
        p = right_events / len(mine) if mine else 0.0
        r = len(found_gold) / len(gold) if gold else 0.0
        earlier = {i for i, (date, mentions) in enumerate(gold) if before_publication(docs, date, mentions)}
        print(f"{name:<24} gold={len(gold):<4} predicted={len(mine):<4} P={p:.3f} ({right_events}/{len(mine)}) "
              f"R={r:.3f} ({len(found_gold)}/{len(gold)})  "
              f"R_background={ratio(len(found_gold & earlier), len(earlier))} "
              f"({len(found_gold & earlier)}/{len(earlier)})")
        for event in mine[:args.show]:
            print(f"    {event.date or '-':<10} {event.text[:110]!r}")
        total["gold"] += len(gold)
        total["predicted"] += len(mine)
        total["right"] += right_events
        total["found"] += len(found_gold)
        total["earlier"] += len(earlier)
        total["found_earlier"] += len(found_gold & earlier)
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["found"] / total["gold"] if total["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'micro':<24} gold={total['gold']:<4} predicted={total['predicted']:<4} P={p:.3f} "
          f"({total['right']}/{total['predicted']}) R={r:.3f} ({total['found']}/{total['gold']}) F1={f1:.3f}  "
          f"R_background={ratio(total['found_earlier'], total['earlier'])} "
          f"({total['found_earlier']}/{total['earlier']})")


if __name__ == "__main__":
    main()
