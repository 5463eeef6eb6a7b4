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
police constabulary sheriff authorities authority officials official spokesman spokeswoman spokesperson
spokespeople ministry minister department agency government governor mayor chief commissioner prosecutor
prosecutors attorney investigators court judge military navy army force forces service administration
president premier secretary director council coroner embassy
""".split())
# An officer speaks for an office by title ("chief fire officer"); "the officer" alone may be anyone in uniform.
TITLE_HEADS = OFFICE_WORDS | {"officer"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def official(speaker: str | None, role: str | None = None) -> bool:
    """The speaker names a public office, or holds one by its title."""
    if not speaker:
        return False
    if any(w in OFFICE_WORDS for w in _words(speaker)):
        return True
    head = _words(role or "")[-1:]
    return bool(head) and head[0] in TITLE_HEADS
