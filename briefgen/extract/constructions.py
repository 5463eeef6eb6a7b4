"""Attribution constructions read from the dependency parse, one cue word at a time.

Each function looks at a cue and its near neighbours in the tree and returns
the cue, speaker and content as cleaned-text character ranges; the cost is
local, so a whole article stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.extract import cues
from briefgen.extract.quotes import QUOTE_MARKS, Quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Dependencies through which a subjectless cue inherits a subject ("and said", "went on to say",
# "before saying").
INHERIT_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# Right-hand children that still belong to a speaker's noun phrase.
NP_RIGHT = frozenset({"compound", "flat", "nummod", "prep", "cc", "conj", "case", "amod", "poss"})
# Left-hand children that belong to it; a quotation the parser hung on the
# speaker ('"...," Jo Bell, 69, told ...') does not.
NP_LEFT = frozenset({"det", "predet", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "case"})
NOUN_CUE_SOURCES = frozenset({"by", "from", "of"})
STANCE_NOUN_SOURCES = frozenset({"by", "from"})
# A quotation and its cue are this close when nothing but the speaker stands between them.
MAX_QUOTE_GAP = 60
_CLAUSE_END = re.compile(r"[.!?]")
# How the parser hangs the description in "called the plan 'reckless'".
DESCRIPTIONS = frozenset({"oprd", "xcomp", "ccomp", "attr", "acomp"})
# Verbs that carry their own attribution when a document opens the sentence.
_FRAMING_VERBS = cues.CUE_VERBS | cues.MIND_VERBS
# Prepositional objects that say when, where or how much, not what about.
NOT_TOPICS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "ORDINAL"})


@dataclass
class Found:
    cue: tuple[int, int]  # cleaned-text character ranges
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_head: Token | None
    lemma: str
    hedged_form: bool = False  # "is said to", "is believed to"
    statement: bool = True  # False for stances and intentions ("backed X", "wants to")
    # The content was found outside the cue's sentence on purpose: a quotation
    # before "X said." or a block after "X said:".
    beyond_sentence: bool = False


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_MARKS or tok.text == "''"  # two apostrophes: a house style's double mark


def chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def content_range(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Characters of tokens first..last without edge punctuation, a leading
    "that", or a closing aside the writer added (below)."""
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].dep_ in ("mark", "cc")):
        if doc[first].dep_ == "mark" and doc[first].lower_ != "that":
            break
        first += 1
    last = _without_closing_aside(doc, first, last)
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    return chars(doc, first, last) if first <= last else None


def _without_closing_aside(doc: Doc, first: int, last: int) -> int:
    """'... interviewed by the FBI, which is conducting its own probe': a
    relative clause or apposition set off by a comma at the end of the content
    that tells the reader who or what a name is was added by the writer, not
    said by the source (unless it stands inside a quotation). One about a
    common noun ("a deal, in which ...") often carries the claim and stays."""
    for tok in doc[first:last + 1]:
        if tok.dep_ not in ("relcl", "appos") or tok.right_edge.i < last:
            continue
        if tok.head.pos_ != "PROPN" and not tok.head.ent_type_:
            continue
        comma = tok.left_edge.i - 1
        if comma <= first or doc[comma].text != "," or not first < tok.head.i < comma:
            continue
        marks = sum(map(is_quote_mark, doc[first:comma]))
        if marks % 2 == 0:
            return comma - 1
    return last


def noun_phrase(tok: Token) -> tuple[int, int]:
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
    first = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ not in NP_LEFT and child.text != "-":
            break
        first = child.left_edge.i
    return first, last


def subject(cue: Token) -> tuple[Token | None, bool]:
    """The speaker token of a cue verb and whether the cue is passive."""
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    for child in cue.children:
        if child.dep_ == "agent":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            return pobj, True
    # '"The more people ...," Jo Bell said' can give the cue two subjects:
    # the speaker is the one nearest to it.
    for child in sorted(cue.children, key=lambda c: abs(c.i - cue.i)):
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return cue.head, False
            return child, False
    if passive:
        return None, True
    if cue.dep_ == "acl" and cue.tag_ == "VBG":
        return cue.head, False  # "a letter saying ...", "the groups backing her"
    # "X claimed that A had left and said B": the parser often hangs the second
    # cue under A's verb; the nearest reporting verb above owns the subject.
    fallback = None
    direct = True
    node = cue
    for _ in range(4):
        if node.head == node or node.dep_ not in INHERIT_SUBJECT | {"ccomp"}:
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


def _misplaced_clause(cue: Token, dobj: Token | None) -> tuple[int, int] | None:
    """'said in a message that the truck was armed', 'says the rise in prices
    that X decries makes it unlikely': a "that" clause the parser hung on a
    noun after the cue as if it were a relative clause."""
    for child in cue.rights:
        if child.dep_ not in ("prep", "dobj", "npadvmod"):
            continue
        for tok in child.subtree:
            mark = tok.left_edge
            if tok.dep_ in ("relcl", "acl") and mark.dep_ == "mark" and mark.lower_ == "that":
                if dobj is not None and child.i == dobj.i and cue.lemma_.lower() not in cues.OBJECT_CUES:
                    return dobj.left_edge.i, tok.right_edge.i  # the object is the clause's subject
                if child.dep_ == "prep":
                    return mark.i, tok.right_edge.i
    return None


def _verb_content(cue: Token, lemma: str) -> tuple[int, int] | None:
    """Token range of what a cue verb introduces, from its complements."""
    children = list(cue.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        # '"A," she said. "B."' can hang both quotations on the cue: one content.
        child = clauses[-1]
        last = child.right_edge.i
        for tok in child.subtree:
            # "..., adding that ...", "..., calling it ...": the speaker goes on; the content ends.
            trailing = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > child.i and tok.nbor(-1).is_punct
            if trailing or (tok.dep_ == "conj" and tok.lemma_.lower() in cues.CUE_VERBS
                            and not any(c.dep_ in SUBJECTS for c in tok.children)):
                last = min(last, tok.left_edge.i - 1)
        return clauses[0].left_edge.i, last
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    misplaced = _misplaced_clause(cue, dobj)
    if misplaced is not None:
        return misplaced
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
        complement = next((c for c in children if c.i > dobj.i and (
            c.dep_ in DESCRIPTIONS | {"dobj"} or (c.dep_ == "prep" and c.lower_ == "as"))), None)
        if complement is not None:
            return dobj.left_edge.i, complement.right_edge.i
        # 'called the plan "reckless"' is often parsed as one object; a bare
        # "called the police" is no description, but "described the scene" is.
        if lemma != "call" or any(map(is_quote_mark, dobj.subtree)):
            return object_with_tail(cue, dobj)
    if lemma in cues.DESCRIBE_CUES and dobj is None and not any(c.dep_ == "nsubjpass" for c in children):
        # 'called the plan "a disgrace"' parsed as one predicate noun.
        oprd = next((c for c in children if c.dep_ == "oprd" and c.i > cue.i), None)
        if oprd is not None:
            return oprd.left_edge.i, oprd.right_edge.i
    if lemma in cues.OBJECT_CUES and dobj is not None:
        return object_with_tail(cue, dobj)
    if lemma in cues.QUESTION_CUES:
        question = next((c for c in children if c.dep_ == "advcl" and c.left_edge.lower_ in cues.QUESTION_MARKS), None)
        if question is not None:
            return question.left_edge.i, question.right_edge.i
    return topic(cue)


def topic(cue: Token) -> tuple[int, int] | None:
    """What a cue is about, when nothing else is said: 'spoke of the war', 'wrote about her'."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in cues.TOPIC_PREPS:
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.ent_type_ not in NOT_TOPICS:
                return pobj.left_edge.i, pobj.right_edge.i
    return None


# Where the rest of a verb phrase stops belonging to its object: a comma, a new clause.
OBJECT_TAIL_STOPS = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "mark"})


def object_with_tail(cue: Token, dobj: Token) -> tuple[int, int]:
    """The object with the rest of its verb phrase: 'accused him of lying',
    'described it as reckless', 'offered Lind the second seat on the board'."""
    last = dobj.right_edge.i
    for child in cue.rights:
        if child.i <= dobj.i:
            continue
        if child.dep_ in OBJECT_TAIL_STOPS or any(t.ent_type_ in ("DATE", "TIME") for t in (child, *child.children)):
            break  # "endorsed her on Monday": when is the writer's
        last = child.right_edge.i
    return dobj.left_edge.i, last


def inverted_content(cue: Token, sent) -> tuple[int, int] | None:
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
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return _as_comment(cue, sent, first, last)
    if first <= sent.start or not doc[first - 1].is_punct:
        return None
    if cue.head.i < cue.i:
        return sent.start, first - 1
    if last + 1 < sent.end and doc[last + 1].is_punct and cue.dep_ == "parataxis":
        left, right = (sent.start, first - 1), (last + 2, sent.end - 1)
        return max(left, right, key=lambda r: r[1] - r[0])
    return None


# What an "as" comment may hold besides its speaker: "as The Times reported on Saturday".
_AS_COMMENT_PARTS = frozenset({"mark", "nsubj", "nsubjpass", "agent", "aux", "auxpass", "prep", "npadvmod",
                               "advmod", "punct", "neg"})


def _as_comment(cue: Token, sent, first: int, last: int) -> tuple[int, int] | None:
    """'As the paper reported, <content>' or '<content>, as she noted.': a comment
    set off by commas, with nothing of its own to say (not the "as" of time)."""
    doc = cue.doc
    if any(c.dep_ not in _AS_COMMENT_PARTS for c in cue.children):
        return None
    if first > sent.start and not doc[first - 1].is_punct:
        return None
    if last + 1 < sent.end and not doc[last + 1].is_punct:
        return None
    left, right = (sent.start, first - 1), (last + 1, sent.end - 1)
    return max(left, right, key=lambda r: r[1] - r[0])


_COLON_AT_PARAGRAPH_END = re.compile(r"[^.!?\n]{0,60}:[ \t]*\n\n")


def _block_after_colon(cue: Token, text: str) -> tuple[int, int] | None:
    """'In a speech last July, he said:' closing a paragraph: the next
    paragraph is what was said (a block quotation, often without marks)."""
    m = _COLON_AT_PARAGRAPH_END.match(text, cue.idx + len(cue))
    if m is None:
        return None
    end = text.find("\n\n", m.end())
    end = len(text) if end < 0 else end
    return (m.end(), end) if text[m.end():end].strip() else None


def _adjacent_quote(cue: Token, speaker_start: int, sent, quotes: Quotes, text: str) -> tuple[int, int] | None:
    """A quotation introduced by the cue ("X said: '...'") or opening the sentence
    and closed right before the speaker and cue ("'...,' X told reporters")."""
    cue_end = cue.idx + len(cue)
    region = quotes.after(cue_end)
    if region and region[0] - cue_end <= MAX_QUOTE_GAP:
        gap = text[cue_end:region[0]].rstrip(QUOTE_MARKS + " ")
        if gap.endswith((":", ",")) and not _CLAUSE_END.search(gap):
            return region
        # 'X said "..."' with nothing between, the quotation closing the sentence.
        if not gap and not text[region[1]:sent.end_char].strip(QUOTE_MARKS + ".?! "):
            return region
    region = quotes.before(speaker_start)
    if region is None or text[region[1]:speaker_start].strip(QUOTE_MARKS + ",.?! \n"):
        return None
    if sent.start_char <= region[0] <= sent.start_char + 1:
        return region
    # '"A? B," he told the show.': a quotation of several sentences ends in this one.
    if region[0] < sent.start_char < region[1]:
        return region
    # '"...." Jo Bell said.' as a sentence of its own, in the quotation's paragraph.
    if region[1] <= sent.start_char and "\n" not in text[region[1]:speaker_start]:
        return region
    return None


def verb_attribution(cue: Token, sent, quotes: Quotes, text: str) -> Found | None:
    doc = cue.doc
    lemma = cue.lemma_.lower()
    speaker, passive = subject(cue)
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
        tokens = inverted_content(cue, sent)
    speaker_range = chars(doc, *noun_phrase(speaker)) if speaker is not None else None
    block = _block_after_colon(cue, text)
    beyond_sentence = tokens is None or block is not None
    if block is not None:
        content = block
    elif tokens is not None:
        content = content_range(doc, *tokens)
    else:
        start = min(speaker_range[0], cue.idx) if speaker_range else cue.idx
        content = _adjacent_quote(cue, start, sent, quotes, text)
    if content is None:
        return None
    # A content may run over its own cue ('"A," he said, "B."' hangs both halves
    # on the cue); otherwise it must not swallow the speaker.
    around_cue = content[0] <= cue.idx < content[1]
    if speaker_range and speaker_range[0] < content[1] and content[0] < speaker_range[1] and not around_cue:
        return None
    return Found(chars(doc, cue.i, cue.i), content, speaker_range, speaker, lemma, hedged_form,
                 beyond_sentence=beyond_sentence)


def according_to(tok: Token, sent) -> Found | None:
    """'..., according to X.' — the content is the rest of the sentence."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    return _prepositional_source(tok, to, source, sent, "according to")


def in_document(prep: Token, sent) -> Found | None:
    """'In a new poll, most voters ...': a document or survey as the source of its sentence."""
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in cues.DOCUMENT_NOUNS or prep.dep_ != "prep":
        return None
    # Only a document that opens its sentence frames the whole of it; "said in
    # a statement" has its own cue and "mired in the polls" is no source at all.
    if any(not (t.is_punct or t.dep_ == "cc") for t in prep.doc[sent.start:prep.i]):
        return None
    if prep.head.lemma_.lower() in _FRAMING_VERBS:
        return None  # "In a letter, X said ...": the verb is the cue
    return _prepositional_source(prep, prep, source, sent, "in")


def _prepositional_source(tok: Token, last_cue: Token, source: Token, sent, lemma: str) -> Found | None:
    to = last_cue
    doc = tok.doc
    left = content_range(doc, sent.start, tok.left_edge.i - 1) if tok.left_edge.i > sent.start else None
    right = content_range(doc, source.right_edge.i + 1, sent.end - 1) if source.right_edge.i + 1 < sent.end else None
    sides = [r for r in (left, right) if r]
    if not sides:
        return None
    content = max(sides, key=lambda r: r[1] - r[0])
    named = (_noun_cue_source(source) if source.lemma_.lower() in cues.NOUN_CUES else None) or source
    first, last = noun_phrase(source)
    return Found(chars(doc, tok.i, to.i), content, chars(doc, first, last), named, lemma)


def _noun_cue_source(noun: Token, preps: frozenset[str] = NOUN_CUE_SOURCES) -> Token | None:
    """Who made a statement named by a noun: "X's claim", "a statement by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in preps and child.i > noun.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def noun_attribution(noun: Token) -> Found | None:
    """'X's claim that ...', 'a statement from X that ...'; with a stance noun
    also 'X's criticism of Y', 'X's plan to Y' (not statements)."""
    lemma = noun.lemma_.lower()
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"), None
    )
    statement = True
    if clause is None and lemma in cues.STANCE_NOUNS:
        statement = False
        clause = next((c for c in noun.children if c.dep_ == "acl" and c.left_edge.lower_ == "to"), None)
        clause = clause or next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in cues.STANCE_NOUN_PREPS
                                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if clause is None or lemma not in cues.NOUN_CUES | cues.STANCE_NOUNS:
        return None
    # "the threat of war" names what is feared, not who fears it.
    speaker = _noun_cue_source(noun, NOUN_CUE_SOURCES if statement else STANCE_NOUN_SOURCES)
    if speaker is None and noun.dep_ == "dobj":
        speaker = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    doc = noun.doc
    content = content_range(doc, clause.left_edge.i, clause.right_edge.i)
    if content is None:
        return None
    first, last = noun_phrase(speaker)
    if first <= clause.i <= last:
        return None
    return Found(chars(doc, noun.i, noun.i), content, chars(doc, first, last), speaker, lemma, statement=statement)
