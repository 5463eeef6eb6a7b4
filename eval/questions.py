"""Are the open questions of built briefs grammatical English questions?

Reads every ``brief.json`` under the folders given (for example the story
briefs kept by ``python ../shared/eval/stories/run.py --keep DIR``) and checks
each question against the shapes the generators write: an interrogative
opening, one question mark, no doubled words or empty slots, no capitalised
function word inside the sentence ("beyond The statement"), no clause that
starts with a bare verb ("that were plaguing her"), no "does" after a plural
or a pronoun. Prints each failure and the share of questions that pass.

    python eval/questions.py DIR [DIR ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OPENING = re.compile(
    r"^(?:Who|What|Which|Is|Are|Was|Were|Has|Have|Had|Did|Does|Do|How|Why|When|Where|Will|Can|Could|Would|Should)\b"
    r"[^?]*\S\?(?: \([^?]+\))?$")
DOUBLED = re.compile(r"\b(?!that\b)(\w+) \1\b", re.IGNORECASE)
# A sentence-initial capital carried into the middle of a question.
INNER_CAPITAL = re.compile(r"(?<=\w )(?:The|A|An|This|These|Those|It|They|He|She|We|Minutes|Hours|Days)\b")
# "that were plaguing her": the embedded statement lost its subject.
BARE_VERB = re.compile(r"\bthat (?:were|was|is|are|had|has|have|did|do|does)\b(?! (?:not|no)\b)")
AGREEMENT = re.compile(r"\bWhat does (?:we|they|you|I|\w+s)\b(?<!\bss)")


def problems(text: str) -> list[str]:
    found = []
    if not OPENING.match(text):
        found.append("shape")
    if DOUBLED.search(text):
        found.append("doubled word")
    if "  " in text or "()" in text or " ?" in text:
        found.append("empty slot")
    if INNER_CAPITAL.search(text.split(" (", 1)[0]):
        found.append("inner capital")
    if BARE_VERB.search(text):
        found.append("no subject")
    if AGREEMENT.search(text):
        found.append("agreement")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    total = bad = 0
    for folder in argv:
        for path in sorted(Path(folder).rglob("brief.json")):
            for q in json.loads(path.read_text(encoding="utf-8")).get("open_questions", []):
                total += 1
                found = problems(q["text"])
                if found:
                    bad += 1
                    print(f"{path.parent.parent.name or path.parent.name}: [{', '.join(found)}] {q['text'][:160]}")
    if total:
        print(f"questions: {total}, well-formed: {total - bad} ({(total - bad) / total:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
