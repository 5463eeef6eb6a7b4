"""Attributions: who said what, read from the dependency parse and the quotation marks.

One pass over the sentences; every construction is a local look at a cue
word and its children, so the cost stays linear in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.extract import cues, register
from briefgen.model import ArticleFacts, Attribution, Mention
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Dependencies through which a subjectless cue inherits a subject ("and said", "went on to say").
INHERIT_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
# Right-hand children that still belong to a speaker's noun phrase.
NP_RIGHT = frozenset({"compound", "flat", "nummod", "prep", "cc", "conj", "case", "amod", "poss"})
# A description names a known actor only when definite: "the spokesman", not "officials".
DEFINITE = frozenset({"the", "this", "that"})
# Sentences over which a quoted person stays the likely "he"/"she" of the next cue.
SPEAKER_MEMORY = 3
# Longest phrase read as a speaker before a colon ("Poll:", "SEN. JANE DOE:").
MAX_COLON_SPEAKER = 4
HEADLINE_BREAKS = frozenset({":", "|", "-", "–", "—"})
NOUN_CUE_SOURCES = frozenset({"by", "from", "of"})
ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "country"}
QUOTE_MARKS = "\"'“”‘’"
EDGE_JUNK = QUOTE_MARKS + ",;:—–- \n\t"
# A quotation and its cue are this close when nothing but the speaker stands between them.
MAX_QUOTE_GAP = 60
_CLAUSE_END = re.compile(r"[.!?]")


# --------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------


def _mark_role(text: str, i: int) -> str | None:
    """"open", "close" or None (an apostrophe) for the quotation mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“‘":
        return "open"
    if ch in "’'" and before.isalnum() and after.isalnum():
        return None  # apostrophe inside a word: "Ostrava’s", "don't"
    if ch in "”’":
        return "close" if not before.isspace() else None
    # Straight marks: the side the whitespace is on tells which end this is.
    if before.isspace() or before in "([{—–" or before in QUOTE_MARKS:
        return "open" if not after.isspace() else None
    if ch == "'" and after.isalnum():
        return None
    return "close"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Inner ranges of the quotations in ``text``, sorted, outermost only.

    A quotation left open at the end of a paragraph continues when the next
    paragraph opens with the same kind of mark (the convention for quotes
    running over paragraphs); otherwise it is unbalanced and dropped.
    """
    regions = []
    for family in ("“”\"", "‘’'"):
        open_at: int | None = None
        for m in re.finditer(f"[{family}]|\n\n", text):
            i = m.start()
            if m.group() == "\n\n":
                if open_at is not None:
                    nxt = text[m.end():m.end() + 1]
                    if not (nxt and nxt in family and _mark_role(text, m.end()) == "open"):
                        open_at = None
                continue
            role = _mark_role(text, i)
            if role == "open":
                if open_at is None or text[i - 2:i] != "\n\n":
                    open_at = i + 1
            elif role == "close" and open_at is not None:
                if i > open_at:
                    regions.append((open_at, i))
                open_at = None
    regions.sort(key=lambda r: (r[0], -r[1]))
    outer: list[tuple[int, int]] = []
    for start, end in regions:
        if outer and end <= outer[-1][1]:
            continue
        outer.append((start, end))
    return outer


class _Quotes:
    def __init__(self, text: str):
        self.regions = quote_regions(text)
        self.starts = [r[0] for r in self.regions]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        found = []
        while i < len(self.regions) and self.regions[i][0] < end:
            if self.regions[i][1] > start:
                found.append(self.regions[i])
            i += 1
        return found

    def inside(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.overlapping(pos, pos + 1))

    def covered(self, start: int, end: int) -> int:
        return sum(min(e, end) - max(s, start) for s, e in self.overlapping(start, end))

    def after(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.regions[i] if i < len(self.regions) else None

    def before(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.regions[i] if i >= 0 and self.regions[i][1] <= pos else None


# --------------------------------------------------------------------------
# Finding cue, speaker and content in one sentence
# --------------------------------------------------------------------------


@dataclass
class _Found:
    cue: tuple[int, int]  # cleaned-text character ranges
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_head: Token | None
    lemma: str
    hedged_form: bool = False  # "is said to", "is believed to"


def _chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def _content_range(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Characters of tokens first..last without edge punctuation or a leading "that"."""
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].dep_ in ("mark", "cc")):
        if doc[first].dep_ == "mark" and doc[first].lower_ != "that":
            break
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    return _chars(doc, first, last) if first <= last else None


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range of a speaker phrase: the head with its modifiers, not its
    appositions or relative clauses."""
    coordinated = any(c.dep_ == "conj" for c in tok.children)
    last = tok.i
    for child in tok.rights:
        if child.dep_ not in NP_RIGHT and not (coordinated and child.dep_ == "punct"):
            break
        last = child.right_edge.i
    doc = tok.doc
    while last > tok.i and (doc[last].is_punct or doc[last].tag_ == "POS"):
        last -= 1
    return tok.left_edge.i, last


def _subject(cue: Token) -> tuple[Token | None, bool]:
    """The speaker token of a cue verb and whether the cue is passive."""
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    for child in cue.children:
        if child.dep_ == "agent":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            return pobj, True
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return cue.head, False
            return child, False
    if passive:
        return None, True
    # "X claimed that A had left and said B": the parser often hangs the second
    # cue under A's verb; the nearest reporting verb above owns the subject.
    fallback = None
    direct = True
    node = cue
    for _ in range(4):
        if node.head is node or node.dep_ not in INHERIT_SUBJECT | {"ccomp"}:
            break
        direct = direct and node.dep_ in INHERIT_SUBJECT
        node = node.head
        subj = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if node.lemma_.lower() in cues.CUE_VERBS:
                return subj, False
            if direct and fallback is None:
                fallback = subj
    return fallback, False


def _verb_content(cue: Token, lemma: str) -> tuple[int, int] | None:
    """Token range of what a cue verb introduces, from its complements."""
    children = list(cue.children)
    for child in children:
        if child.dep_ == "ccomp":
            last = child.right_edge.i
            for tok in child.subtree:
                if (tok.dep_ == "conj" and tok.lemma_.lower() in cues.CUE_VERBS
                        and not any(c.dep_ in SUBJECTS for c in tok.children)):
                    last = min(last, tok.left_edge.i - 1)
            return child.left_edge.i, last
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if lemma in cues.APPEAL_CUES:
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in cues.APPEAL_PREPS), None)
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        addressee = dobj if dobj is not None else pobj
        if xcomp is not None:
            start = addressee.left_edge.i if addressee is not None else xcomp.left_edge.i
            return start, xcomp.right_edge.i
        if pobj is not None and prep.lower_ != "on":
            return pobj.left_edge.i, pobj.right_edge.i
    if lemma in cues.DESCRIBE_CUES and dobj is not None:
        complement = next((c for c in children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")), None)
        if complement is not None:
            return dobj.left_edge.i, complement.right_edge.i
    if lemma in cues.OBJECT_CUES and dobj is not None:
        return dobj.left_edge.i, dobj.right_edge.i
    return None


def _inverted_content(cue: Token, sent) -> tuple[int, int] | None:
    """'<content>, X said' or '<A>, X said, <B>' parsed with the cue under the content's verb.

    A parenthetical cue splits its content in two; the longer side is kept
    because a span is contiguous.
    """
    if cue.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return None
    doc = cue.doc
    first, last = cue.left_edge.i, cue.right_edge.i
    while first < cue.i and doc[first].is_punct:
        first += 1
    while last > cue.i and doc[last].is_punct:
        last -= 1
    if first <= sent.start or not doc[first - 1].is_punct:
        return None
    if cue.head.i < cue.i:
        return sent.start, first - 1
    if last + 1 < sent.end and doc[last + 1].is_punct and cue.dep_ == "parataxis":
        left, right = (sent.start, first - 1), (last + 2, sent.end - 1)
        return max(left, right, key=lambda r: r[1] - r[0])
    return None


def _adjacent_quote(cue: Token, speaker_start: int, sent, quotes: _Quotes, text: str) -> tuple[int, int] | None:
    """A quotation introduced by the cue ("X said: '...'") or opening the sentence
    and closed right before the speaker and cue ("'...,' X told reporters")."""
    cue_end = cue.idx + len(cue)
    region = quotes.after(cue_end)
    if region and region[0] - cue_end <= MAX_QUOTE_GAP:
        gap = text[cue_end:region[0]].rstrip(QUOTE_MARKS + " ")
        if gap.endswith((":", ",")) and not _CLAUSE_END.search(gap):
            return region
    region = quotes.before(speaker_start)
    if (region and region[0] <= sent.start_char + 1
            and not text[region[1]:speaker_start].strip(QUOTE_MARKS + ", \n")):
        return region
    return None


def _verb_attribution(cue: Token, sent, quotes: _Quotes, text: str) -> _Found | None:
    doc = cue.doc
    lemma = cue.lemma_.lower()
    speaker, passive = _subject(cue)
    if speaker is None and not passive:
        return None
    hedged_form = False
    content = None
    tokens = _verb_content(cue, lemma)
    if tokens is None and passive:
        # "X is said to have ...": the statement is the subject with the infinitive.
        subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        xcomp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        if subj is not None and xcomp is not None:
            tokens, hedged_form = (subj.left_edge.i, xcomp.right_edge.i), True
    if tokens is None:
        tokens = _inverted_content(cue, sent)
    speaker_range = _chars(doc, *_noun_phrase(speaker)) if speaker is not None else None
    if tokens is not None:
        content = _content_range(doc, *tokens)
    else:
        start = min(speaker_range[0], cue.idx) if speaker_range else cue.idx
        content = _adjacent_quote(cue, start, sent, quotes, text)
    if content is None:
        return None
    if speaker_range and speaker_range[0] < content[1] and content[0] < speaker_range[1]:
        return None
    return _Found(_chars(doc, cue.i, cue.i), content, speaker_range, speaker, lemma, hedged_form)


def _according_to(tok: Token, sent) -> _Found | None:
    """'..., according to X.' — the content is the rest of the sentence."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    doc = tok.doc
    left = _content_range(doc, sent.start, tok.left_edge.i - 1) if tok.left_edge.i > sent.start else None
    right = _content_range(doc, source.right_edge.i + 1, sent.end - 1) if source.right_edge.i + 1 < sent.end else None
    sides = [r for r in (left, right) if r]
    if not sides:
        return None
    content = max(sides, key=lambda r: r[1] - r[0])
    named = (_noun_cue_source(source) if source.lemma_.lower() in cues.NOUN_CUES else None) or source
    first, last = _noun_phrase(source)
    return _Found(_chars(doc, tok.i, to.i), content, _chars(doc, first, last), named, "according to")


def _noun_cue_source(noun: Token) -> Token | None:
    """Who made a statement named by a noun: "X's claim", "a statement by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in NOUN_CUE_SOURCES:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _noun_attribution(noun: Token) -> _Found | None:
    """'X's claim that ...', 'a statement from X that ...'."""
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"), None
    )
    if clause is None:
        return None
    speaker = _noun_cue_source(noun)
    if speaker is None and noun.dep_ == "dobj":
        speaker = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    doc = noun.doc
    content = _content_range(doc, clause.left_edge.i, clause.right_edge.i)
    if content is None:
        return None
    first, last = _noun_phrase(speaker)
    return _Found(_chars(doc, noun.i, noun.i), content, _chars(doc, first, last), speaker, noun.lemma_.lower())


def _headline_attributions(sent, found_cues: set[int], headline_end: int) -> list[_Found]:
    """Headline forms the parser misreads: 'X claims Y' with 'claims' tagged as a noun."""
    doc = sent.doc
    found = []
    segment_start = sent.start
    for tok in sent:
        if tok.idx >= headline_end:
            break
        if tok.text in HEADLINE_BREAKS:
            segment_start = tok.i + 1
            continue
        lower = tok.lower_
        stem = lower[:-2] if lower.endswith("es") and lower[:-2] in cues.CUE_VERBS else lower[:-1]
        if (tok.i in found_cues or tok.pos_ not in ("NOUN", "PROPN") or not lower.endswith("s")
                or stem not in cues.CUE_VERBS or tok.i == segment_start):
            continue
        content = _content_range(doc, tok.i + 1, _segment(tok, sent, headline_end)[1] - 1)
        if content:
            found.append(_Found(_chars(doc, tok.i, tok.i), content,
                                _chars(doc, segment_start, tok.i - 1), doc[tok.i - 1], stem))
    return found


def _colon_attribution(colon: Token, sent, text: str, headline_end: int) -> _Found | None:
    """'Poll: voters abandon party' in a headline, 'SMITH: We will...' opening a paragraph.

    The speaker is a short phrase without a verb right before the colon; in
    the body it must also open the paragraph and be a name or in capitals.
    """
    doc = colon.doc
    in_headline = colon.idx < headline_end
    if in_headline:
        start, end = _segment(doc[colon.i - 1], sent, headline_end) if colon.i > sent.start else (colon.i, colon.i)
        content_end = doc[_segment(colon, sent, headline_end)[1] - 1]
        content = (colon.idx + 1, content_end.idx + len(content_end))
    else:
        start = sent.start
        if start > 0 and "\n" not in doc[start - 1].text_with_ws and "\n" not in doc[start - 1].text:
            return None
        para_end = text.find("\n\n", colon.idx)
        content = (colon.idx + 1, len(text) if para_end < 0 else para_end)
    words = doc[start:colon.i]
    if not 0 < len(words) <= MAX_COLON_SPEAKER or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if not in_headline and not (words.text.isupper() or any(
            e.label_ in ENTITY_LABELS and e.start == start and e.end == colon.i for e in doc.ents)):
        return None
    if content[1] <= content[0]:
        return None
    return _Found(_chars(doc, colon.i, colon.i), content, _chars(doc, start, colon.i - 1), words.root, "say")


def _segment(tok: Token, sent, headline_end: int) -> tuple[int, int]:
    """Token range of the headline part around ``tok`` ("A: B | C" has three)."""
    doc = tok.doc
    start = next((t.i + 1 for t in reversed(doc[sent.start:tok.i]) if t.text in HEADLINE_BREAKS), sent.start)
    end = next((t.i for t in doc[tok.i + 1:sent.end] if t.text in HEADLINE_BREAKS or t.idx >= headline_end),
               sent.end)
    return start, end


def _keep_in_segment(item: _Found, tok: Token, sent, headline_end: int) -> _Found | None:
    """A headline's parts are separate statements: content stays in the cue's part."""
    start, end = _segment(tok, sent, headline_end)
    doc = tok.doc
    if doc[start].idx <= item.content[0] and item.content[1] <= doc[end - 1].idx + len(doc[end - 1]):
        return item
    content = _content_range(doc, tok.i + 1, end - 1)
    if content is None:
        return None
    item.content = content
    return item


def _sentence_attributions(sent, quotes: _Quotes, text: str, headline_end: int) -> list[_Found]:
    found = []
    cue_tokens = set()
    in_headline = sent.start_char < headline_end
    for tok in sent:
        lemma = tok.lemma_.lower()
        item = None
        if quotes.inside(tok.idx):
            continue  # speech reported inside a quotation belongs to the quoted speaker
        if tok.pos_ in ("VERB", "AUX") and lemma in cues.CUE_VERBS and tok.dep_ != "amod":
            item = _verb_attribution(tok, sent, quotes, text)
        elif (tok.lower_, tok.nbor().lower_ if tok.i + 1 < len(tok.doc) else "") in cues.PREPOSITIONAL_CUES:
            item = _according_to(tok, sent)
        elif tok.pos_ == "NOUN" and lemma in cues.NOUN_CUES:
            item = _noun_attribution(tok)
        elif tok.text == ":":
            item = _colon_attribution(tok, sent, text, headline_end)
        if item is not None and in_headline and tok.text != ":":
            item = _keep_in_segment(item, tok, sent, headline_end)
        if item is not None:
            found.append(item)
            cue_tokens.add(tok.i)
    if in_headline:
        found.extend(_headline_attributions(sent, cue_tokens, headline_end))
    return found


# --------------------------------------------------------------------------
# Speakers: pronouns and descriptions to named actors
# --------------------------------------------------------------------------


def _entity_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Mentions read from spaCy's entities, for when no actor extractor ran."""
    mentions = []
    ids: dict[tuple[str, str], int] = {}
    for ent in doc.ents:
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


class _Speakers:
    """Resolves speaker phrases to named actors, reading the article in order."""

    def __init__(self, article: Article, doc: Doc, mentions: list[Mention]):
        self.article = article
        self.mentions = sorted(mentions or _entity_mentions(article, doc), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.fullest: dict[int, str] = {}
        self.by_role: dict[str, list[tuple[int, int]]] = {}  # role word -> [(start, local_id)]
        for m in self.mentions:
            if len(m.text) > len(self.fullest.get(m.local_id, "")):
                self.fullest[m.local_id] = m.text
            if m.role and m.label == "person":
                for word in re.findall(r"[a-z]+", m.role.lower()):
                    self.by_role.setdefault(word, []).append((m.start, m.local_id))
        # Antecedents of "he"/"she": the last person quoted, and the last person
        # who was a subject, with the sentence number where each was read.
        self.last_speaker: tuple[int, int] | None = None
        self.last_subject: tuple[int, int] | None = None
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

    def _person_before(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            if self.mentions[i].label == "person":
                return self.mentions[i].local_id
            i -= 1
        return None

    def resolve(self, head: Token) -> str | None:
        lower = head.lower_
        if lower in cues.PERSON_PRONOUNS:
            local = self._antecedent(head)
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

    def _antecedent(self, pronoun: Token) -> int | None:
        # A pronoun speaker continues the recent quoted person if there is one;
        # otherwise the last person who was a subject, then the nearest person named.
        if self.last_speaker and self.sentence - self.last_speaker[1] <= SPEAKER_MEMORY:
            return self.last_speaker[0]
        if self.last_subject:
            return self.last_subject[0]
        return self._person_before(self.raw(pronoun))

    def observe(self, head: Token, name: str | None, speaker: bool) -> None:
        """A subject or speaker was read: it becomes the antecedent of later pronouns."""
        mention = self.mention_at(head)
        if mention is not None and mention.label == "person":
            if speaker:
                self.last_speaker = (mention.local_id, self.sentence)
            self.last_subject = (mention.local_id, self.sentence)
        elif speaker and head.lower_ in cues.PERSON_PRONOUNS and self.last_speaker:
            self.last_speaker = (self.last_speaker[0], self.sentence)
        plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
        if plural and head.lower_ not in cues.PLURAL_PRONOUNS:
            self.last_plural = name


# --------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------


def _hedge(item: _Found, sent, content_tokens) -> str:
    if item.hedged_form:
        return "hedged"
    if any(t.lower_ in cues.HEDGE_ADVERBS for t in sent):
        return "hedged"
    if any(t.lower_ in cues.HEDGE_WORDS or (t.tag_ == "MD" and t.lower_ in cues.HEDGE_MODALS)
           for t in content_tokens):
        return "hedged"
    return cues.CUE_HEDGE.get(item.lemma, "asserted")


def _widen_to_quote(content: tuple[int, int], cue: tuple[int, int], quotes: _Quotes) -> tuple[int, int]:
    """A content cut at a sentence break inside a quotation takes the whole quotation."""
    start, end = content
    for q_start, q_end in quotes.overlapping(start, end):
        if q_start <= cue[0] < q_end:
            continue
        if q_start < start or q_end > end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def _strip(text: str, start: int, end: int, quotes: _Quotes) -> tuple[int, int]:
    """Edge punctuation off, but the marks of a quotation that begins or ends
    inside the content back on."""
    while start < end and text[start] in EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in EDGE_JUNK:
        end -= 1
    for q_start, q_end in quotes.overlapping(start, end):
        if q_start > start and q_end >= end and not text[end:q_end].strip(EDGE_JUNK):
            end = q_end + 1
        if q_start == start and q_end < end:
            start -= 1
    return start, end


def _sentences(doc: Doc):
    """spaCy's sentences, also cut at paragraph breaks, which it sometimes runs over."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


@register("claims", "claims.v2")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    """Append every attributed statement of the article to ``facts.attributions``."""
    text = article.text
    quotes = _Quotes(text)
    speakers = _Speakers(article, doc, facts.mentions)
    token_starts = [t.idx for t in doc]
    for sent in _sentences(doc):
        found = _sentence_attributions(sent, quotes, text, article.headline_end)
        by_head = {item.speaker_head.i: item for item in found if item.speaker_head is not None}
        names: dict[int, str | None] = {}
        # Walk subjects and speakers in order so a pronoun sees only what came before it.
        heads = sorted({t.i for t in sent if t.dep_ in SUBJECTS} | set(by_head))
        for i in heads:
            tok = doc[i]
            name = speakers.resolve(tok) if i in by_head else None
            names[i] = name
            speakers.observe(tok, name, i in by_head)
        speakers.sentence += 1
        for item in found:
            start, end = _strip(text, *_widen_to_quote(item.content, item.cue, quotes), quotes)
            first = bisect.bisect_left(token_starts, start)
            last = bisect.bisect_left(token_starts, end)
            content_tokens = doc[first:last]
            if not any(t.is_alpha for t in content_tokens):
                continue
            speaker = article.span(*item.speaker) if item.speaker else None
            facts.attributions.append(
                Attribution(
                    speaker=speaker,
                    cue=article.span(*item.cue),
                    content=article.span(start, end),
                    speaker_name=names.get(item.speaker_head.i) if item.speaker_head is not None else None,
                    quote=quotes.covered(start, end) * 2 >= end - start,
                    hedge=_hedge(item, sent, content_tokens),
                    headline=item.cue[0] < article.headline_end,
                    statement=(item.lemma in cues.DISPUTE_CUES or quotes.covered(start, end) > 0
                               or any(t.pos_ in {"VERB", "AUX"} for t in content_tokens)),
                )
            )
