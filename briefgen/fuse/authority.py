"""Who speaks for an institution: the speaker a brief names first.

When outlets credit one statement to different speakers ("police" in one,
a co-worker in another, "the report" in a third), an analyst cites the
official source. A speaker is official when a word of its name, or the head
of the title the article gives it, is one of the plain English nouns of
public office below; documents, outlets and witnesses are not.
"""

from __future__ import annotations

import re

OFFICE_WORDS = frozenset("""
police constabulary sheriff authorities officials official spokesman spokeswoman spokesperson
spokespeople ministry minister department government governor mayor commissioner prosecutor
prosecutors investigators military navy army administration premier coroner embassy
""".split())
# Heads of a title that speak for an office ("fire chief", "press officer"),
# unless the title is a company's ("chief executive officer").
TITLE_HEADS = OFFICE_WORDS | {"officer", "chief"}
COMPANY_TITLES = frozenset("executive financial operating".split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def official(speaker: str | None, role: str | None = None) -> bool:
    """The speaker names a public office, or holds one by its title."""
    if not speaker:
        return False
    if any(w in OFFICE_WORDS for w in _words(speaker)):
        return True
    words = _words(role or "")
    return bool(words) and words[-1] in TITLE_HEADS and not COMPANY_TITLES & set(words)
