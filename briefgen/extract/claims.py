"""Attributions: who said what, read from the dependency parse and the quotation marks.

One pass over the sentences; every construction (``constructions``,
``headlines``) is a local look at a cue word and its children, so the cost
stays linear in the article. Speakers are resolved to named actors in reading
order (``speakers``).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from briefgen.extract import constructions, cues, headlines, register, senses
from briefgen.extract.constructions import SUBJECTS, Found
from briefgen.extract.quotes import Quotes
from briefgen.extract.speakers import Speakers
from briefgen.model import ArticleFacts, Attribution
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _sentence_attributions(sent, quotes: Quotes, text: str, headline_end: int) -> list[Found]:
    found = []
    cue_tokens = set()
    in_headline = sent.start_char < headline_end
    for tok in sent:
        lemma = tok.lemma_.lower()
        item = None
        if quotes.inside(tok.idx):
            continue  # speech reported inside a quotation belongs to the quoted speaker
        if (tok.lower_, tok.nbor().lower_ if tok.i + 1 < len(tok.doc) else "") in cues.PREPOSITIONAL_CUES:
            item = constructions.according_to(tok, sent)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            if lemma in cues.CUE_VERBS:
                item = constructions.verb_attribution(tok, sent, quotes, text)
            if item is None and lemma in senses.LEMMAS:
                item = senses.sense_attribution(tok, sent)
        elif tok.pos_ == "NOUN" and (lemma in cues.NOUN_CUES or lemma in cues.STANCE_NOUNS):
            item = constructions.noun_attribution(tok)
        elif tok.lower_ == "in":
            item = constructions.in_document(tok, sent)
        elif tok.pos_ == "ADJ" and lemma in cues.STANCE_ADJECTIVES:
            item = senses.adjective_attribution(tok)
        elif tok.text == ":":
            item = headlines.colon_attribution(tok, sent, text, headline_end)
        if item is not None and tok.text != ":" and not item.beyond_sentence:
            # A parse can run over a paragraph break; a statement does not.
            item.content = (max(item.content[0], sent.start_char), min(item.content[1], sent.end_char))
        if item is not None and in_headline and tok.text != ":":
            item = headlines.keep_in_segment(item, tok, sent, headline_end)
        if item is not None:
            found.append(item)
            cue_tokens.add(tok.i)
    if in_headline:
        found.extend(headlines.headline_attributions(sent, cue_tokens, headline_end))
    return found


def _hedge(item: Found, sent, content_tokens) -> str:
    if item.hedged_form:
        return "hedged"
    if any(t.lower_ in cues.HEDGE_ADVERBS for t in sent):
        return "hedged"
    if any(t.lower_ in cues.HEDGE_WORDS or (t.tag_ == "MD" and t.lower_ in cues.HEDGE_MODALS)
           for t in content_tokens):
        return "hedged"
    return cues.CUE_HEDGE.get(item.lemma, "asserted")


# "declined to say", "refused to confirm": the cue's own verb is refused.
REFUSALS = frozenset("decline refuse fail".split())
# A content that only points back ("the allegations", "that claim", "it").
REFERENCES = frozenset("it this that these those so such the its their his her report reports claim claims "
                       "allegation allegations assertion assertions accusation accusations charge charges "
                       "suggestion suggestions statement statements story stories".split())


def _polarity(item: Found, cue_token) -> str:
    if cue_token is not None and (
            any(c.dep_ == "neg" or c.lower_ == "never" for c in cue_token.children)
            or (cue_token.dep_ == "xcomp" and cue_token.head.lemma_.lower() in REFUSALS)):
        return "negated"  # "did not deny" is no denial either
    return "denial" if item.lemma in cues.DISPUTE_CUES else "affirmed"


def _only_a_reference(content_tokens) -> bool:
    """"denied the allegations", "confirmed it": no statement of its own (the
    denial questions still answer the claim it points to)."""
    words = [t for t in content_tokens if t.is_alpha]
    return len(words) <= 4 and all(t.lower_ in REFERENCES or t.pos_ in ("ADJ", "PROPN", "DET") for t in words) \
        and any(t.lower_ in REFERENCES for t in words)


def _lower_first(content_tokens) -> bool:
    first = next((t for t in content_tokens if not t.is_punct and not t.is_space), None)
    return (first is not None and first.text[:1].isupper() and not first.text.isupper()
            and first.pos_ != "PROPN" and first.text != "I" and first.ent_type_ == "")


# Entities that are never a claim's speaker: a place, a share, a count. The
# span stays the attribution's source (PolNeAR counts "60 percent said" as
# the poll's respondents); fusion names no speaker for it. (A seat of
# government is a building to the tagger, and people or papers are often PRODUCT or
# WORK_OF_ART: those still speak.)
MUTE_ENTITIES = frozenset({"LOC", "PERCENT", "CARDINAL", "QUANTITY"})


def _mute(item: Found) -> bool:
    head = item.speaker_head
    return head is not None and head.ent_type_ in MUTE_ENTITIES


_DETERMINERS = frozenset("the a an this that these those its his her their".split())


def _words_of(phrase: str) -> frozenset[str]:
    return frozenset(re.sub(r"['’]s$", "", w.lower()).strip(".,’'") for w in phrase.split()
                     if w.lower() not in _DETERMINERS)


def _topic_not_speaker(read: list[tuple], headline_end: int, text: str) -> set[int]:
    """Headline "Topic: statement" items whose topic the body never quotes
    ("Depot Fire: ..."): the colon names a subject, not a speaker. The
    topic must be (part of) the name of a speaker of the body ("Holm",
    "Poll" for "the poll"), or the other way round ("Mayor Ilse Varga", "Varga")."""
    body = []
    for _, item, name in read:
        if item.speaker and item.cue[0] >= headline_end:
            body.append(_words_of(text[item.speaker[0]:item.speaker[1]]))
            if name:
                body.append(_words_of(name))
    topics = set()
    for k, (_, item, _) in enumerate(read):
        if item.cue[0] < headline_end and text[item.cue[0]:item.cue[1]] == ":" and item.speaker:
            phrase = text[item.speaker[0]:item.speaker[1]]
            topic = _words_of(phrase)
            # A shorter body speaker must keep the topic's head word: "Varga" is
            # "Mayor Ilse Varga", but the company "Delmar" is no "Delmar Shooting".
            head = _words_of(phrase.split()[-1]) if phrase.split() else frozenset()
            if not any(words and (topic <= words or (words <= topic and head <= words)) for words in body):
                topics.add(k)
    return topics


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


def _outermost(read: list[tuple]) -> list[tuple]:
    """Attributions whose cue stands inside another one's content are that
    speaker's words, not the article's: only the outer one is kept."""
    outer = sorted(item.content for _, item, _ in read if not item.content[0] <= item.cue[0] < item.content[1])
    starts = [start for start, _ in outer]
    reach, furthest = [], -1
    for _, end in outer:
        furthest = max(furthest, end)
        reach.append(furthest)
    kept = []
    for entry in read:
        cue = entry[1].cue[0]
        i = bisect.bisect_right(starts, cue) - 1
        if i < 0 or reach[i] <= cue:
            kept.append(entry)
    return kept


def _continue_quotes(read: list[tuple], quotes: Quotes, sentence_starts: list[int]) -> None:
    """'"A," she said. "B."': the quotations right after a quoted statement continue it."""
    taken = {r for _, item, _ in read for r in quotes.overlapping(*item.content)}
    for _, item, _ in read:
        start, end = item.content
        if quotes.covered(start, end) * 2 < end - start:
            continue
        after = max(end, item.cue[1], item.speaker[1] if item.speaker else end)
        ends = quotes.continuations(after, taken, sentence_starts)
        if not ends:
            continue
        # A span is contiguous, so the narration between the quotations comes
        # along: take the end that best covers the speaker's quoted words
        # with the least narration (Dice of span and quoted words).
        words = quotes.covered(start, ends[-1])
        best = max([end, *ends], key=lambda e: 2 * quotes.covered(start, e) / (e - start + words))
        item.content = (start, best)


@register("claims", "claims.v11")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    """Append every attributed statement of the article to ``facts.attributions``."""
    text = article.text
    quotes = Quotes(text)
    speakers = Speakers(article, doc, facts.mentions)
    read = []
    sentence_starts = []
    for sent in _sentences(doc):
        sentence_starts.append(sent.start_char)
        found = _sentence_attributions(sent, quotes, text, article.headline_end)
        by_head = {item.speaker_head.i: item for item in found if item.speaker_head is not None}
        names: dict[int, str | None] = {}
        # Walk subjects and speakers in order so a pronoun sees only what came before it.
        heads = sorted({t.i for t in sent if t.dep_ in SUBJECTS} | set(by_head))
        said_here = [item.content for item in found]
        for i in heads:
            tok = doc[i]
            item = by_head.get(i)
            said = (article.offsets.to_raw(item.content[0]), article.offsets.to_raw(item.content[1], end=True)) if item else (0, 0)
            name = speakers.resolve(tok, said) if item else None
            names[i] = name
            speakers.observe(tok, name, i in by_head, any(s <= tok.idx < e for s, e in said_here))
        speakers.sentence += 1
        for item in found:
            item.content = quotes.strip(*quotes.widen(item.content, item.cue))
            read.append((sent, item, names.get(item.speaker_head.i) if item.speaker_head is not None else None))
    read = _outermost(read)
    topics = _topic_not_speaker(read, article.headline_end, text)
    read = [entry for k, entry in enumerate(read) if k not in topics]
    _continue_quotes(read, quotes, sentence_starts)
    token_starts = [t.idx for t in doc]
    for sent, item, name in read:
        start, end = item.content
        content_tokens = doc[bisect.bisect_left(token_starts, start):bisect.bisect_left(token_starts, end)]
        if not any(t.is_alpha for t in content_tokens):
            continue
        quoted = quotes.covered(start, end)
        statement = (item.lemma in cues.DISPUTE_CUES or quoted > 0
                     or any(t.pos_ in {"VERB", "AUX"} for t in content_tokens))
        cue_index = bisect.bisect_left(token_starts, item.cue[0])
        cue_token = doc[cue_index] if cue_index < len(doc) else None
        polarity = _polarity(item, cue_token)
        if polarity == "negated" or (not quoted and _only_a_reference(content_tokens)):
            statement = False
        facts.attributions.append(
            Attribution(
                speaker=article.span(*item.speaker) if item.speaker else None,
                cue=article.span(*item.cue),
                content=article.span(start, end),
                speaker_name=name,
                quote=quoted * 2 >= end - start,
                hedge=_hedge(item, sent, content_tokens),
                headline=item.cue[0] < article.headline_end,
                statement=statement and item.statement,
                polarity=polarity,
                mute_speaker=_mute(item),
                lower_first=_lower_first(content_tokens),
            )
        )
