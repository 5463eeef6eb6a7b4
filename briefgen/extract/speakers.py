"""Speakers: pronouns and descriptions resolved to the named actors of the article.

The article is read in order: ``observe`` each subject or speaker as it
comes, ``resolve`` a speaker phrase against what was read before it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from briefgen.extract import cues, entities
from briefgen.model import Mention
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "country"}
# A description names a known actor only when definite: "the spokesman", not "officials".
DEFINITE = frozenset({"the", "this", "that"})
# Sentences over which a quoted person stays the likely "he"/"she" of the next cue.
SPEAKER_MEMORY = 3
# Speakers that are no "he" or "she" however singular ("the statement", "the company").
NOT_PEOPLE = frozenset("statement release company firm agency ministry department government office".split())


def entity_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Mentions read from spaCy's entities, for when no actor extractor ran."""
    mentions = []
    ids: dict[tuple[str, str], int] = {}
    for ent in entities(doc):
        label = ENTITY_LABELS.get(ent.label_)
        if label is None:
            continue
        if ent[-1].tag_ == "POS":
            ent = ent[:-1]
            if not len(ent):
                continue
        key = (label, ent[-1].lower_ if label == "person" else ent.text.lower())
        local_id = ids.setdefault(key, len(ids) + 1)
        role_words = [t.lower_ for t in ent.root.lefts if t.i < ent.start and t.pos_ == "NOUN"]
        role_words += [a.lower_ for a in ent.root.rights if a.dep_ == "appos" and a.pos_ == "NOUN"]
        span = article.span(ent.start_char, ent.end_char)
        mentions.append(Mention(span.text, span.start, span.end, label, " ".join(role_words) or None, local_id))
    return mentions


class Speakers:
    """Resolves speaker phrases to named actors, reading the article in order."""

    def __init__(self, article: Article, doc: Doc, mentions: list[Mention]):
        self.article = article
        self.mentions = sorted(mentions or entity_mentions(article, doc), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.fullest: dict[int, str] = {}
        self.by_role: dict[str, list[tuple[int, int]]] = {}  # role word -> [(start, local_id)]
        for m in self.mentions:
            if len(m.text) > len(self.fullest.get(m.local_id, "")):
                self.fullest[m.local_id] = m.text
            if m.role and m.label == "person":
                # The role's head noun only: "the chief" is the police chief, "the police" is not.
                words = re.findall(r"[a-z]+", m.role.lower())
                if words:
                    self.by_role.setdefault(words[-1], []).append((m.start, m.local_id))
        # Antecedents of "he"/"she": the last person quoted, and the last person
        # who was a subject, with the sentence number where each was read.
        # The last person quoted: (local id of a named one, else None; sentence; the description).
        self.last_speaker: tuple[int | None, int, str | None] | None = None
        self.last_subject: tuple[int, int, int] | None = None  # (local id, sentence, offset)
        self.last_plural: str | None = None
        self.sentence = 0

    def raw(self, tok: Token) -> int:
        return self.article.offsets.to_raw(tok.idx)

    def mention_at(self, tok: Token) -> Mention | None:
        """The mention covering ``tok``, else one standing in apposition to it."""
        found = self._covering(tok)
        if found is None:
            for child in tok.children:
                if child.dep_ == "appos":
                    found = self._covering(child)
                    if found is not None:
                        break
        return found

    def _covering(self, tok: Token) -> Mention | None:
        pos = self.raw(tok)
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.starts[i] > pos - 200:
            if self.mentions[i].start <= pos < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def _person_before(self, pos: int, said: tuple[int, int]) -> int | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.label == "person" and not said[0] <= m.start < said[1]:
                return m.local_id
            i -= 1
        return None

    def resolve(self, head: Token, said: tuple[int, int] = (0, 0)) -> str | None:
        """The actor a speaker phrase names; ``said`` is the raw span of what it
        says, whose own names are never its speaker ('"Smith left," he said')."""
        lower = head.lower_
        if lower in cues.PERSON_PRONOUNS:
            if self._recent_speaker() and self.last_speaker[0] is None:
                return self.last_speaker[2]  # "a Navy spokesperson said ... he added"
            local = self._antecedent(head, said)
            return self.fullest.get(local) if local is not None else None
        if lower in cues.PLURAL_PRONOUNS:
            return self.last_plural
        if any(c.dep_ == "conj" for c in head.children):
            return None  # several speakers: no single actor
        mention = self.mention_at(head)
        if mention is not None:
            return self.fullest[mention.local_id]
        if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            holders = self.by_role.get(lower) or self.by_role.get(head.lemma_.lower())
            if holders:
                i = bisect.bisect_left(holders, (self.raw(head), -1)) - 1
                if i >= 0:
                    return self.fullest[holders[i][1]]
        return None

    def _recent_speaker(self) -> bool:
        return self.last_speaker is not None and self.sentence - self.last_speaker[1] <= SPEAKER_MEMORY

    def _antecedent(self, pronoun: Token, said: tuple[int, int]) -> int | None:
        # A pronoun speaker continues the recent quoted person if there is one;
        # otherwise the last person who was a subject, then the nearest person
        # named, outside what the speaker says.
        if self._recent_speaker():
            return self.last_speaker[0]
        if self.last_subject and not said[0] <= self.last_subject[2] < said[1]:
            return self.last_subject[0]
        return self._person_before(self.raw(pronoun), said)

    def observe(self, head: Token, name: str | None, speaker: bool, quoted: bool = False) -> None:
        """A subject or speaker was read: it becomes the antecedent of later pronouns
        (a subject inside someone's words, ``quoted``, does not)."""
        mention = self.mention_at(head)
        if mention is not None and mention.label == "person":
            if speaker:
                self.last_speaker = (mention.local_id, self.sentence, None)
            if not quoted:
                self.last_subject = (mention.local_id, self.sentence, mention.start)
        elif speaker and head.lower_ in cues.PERSON_PRONOUNS and self._recent_speaker():
            self.last_speaker = (self.last_speaker[0], self.sentence, self.last_speaker[2])
        elif (speaker and mention is None and name is None and head.tag_ == "NN"
              and head.lemma_.lower() not in cues.DOCUMENT_NOUNS and head.lemma_.lower() not in NOT_PEOPLE):
            # One unnamed person quoted ("a senior officer said"): the "he" who goes on.
            self.last_speaker = (None, self.sentence, _description(head))
        plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
        if plural and head.lower_ not in cues.PLURAL_PRONOUNS:
            self.last_plural = name


def _description(head: Token) -> str:
    """The words of a description up to its head noun, as written: "a Navy spokesperson"."""
    return head.doc[head.left_edge.i:head.i + 1].text
