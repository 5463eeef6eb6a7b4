"""Withheld information: what a source declined to say or nobody knows yet.

Found on the dependency parse, by three shapes that hold for any story:
  * refusal + telling verb: "X declined to detail how ...", "refused to say whether ...";
  * a negated telling verb: "X did not say ...", "Details ... were not disclosed by X",
    "X did not respond to requests for comment";
  * not-known predicates: "It is unclear whether ...", "It was not known how ...".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.extract import register
from briefgen.extract.questions_text import clause_question, noun_question
from briefgen.model import ArticleFacts, Withheld
from briefgen.sources.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

REFUSE = frozenset({"decline", "refuse"})
TELL = frozenset({
    "detail", "say", "comment", "elaborate", "specify", "disclose", "reveal", "confirm", "identify",
    "name", "provide", "give", "discuss", "explain", "answer", "share", "release", "publish", "divulge",
    "respond", "describe", "clarify", "address", "know", "announce",
})
NOT_KNOWN = frozenset({"unclear", "unknown", "uncertain", "clear", "known"})
UNDISCLOSED = frozenset({"undisclosed", "unspecified", "unnamed", "unidentified"})


def _span_of(tokens: list[Token], doc: Doc) -> Span:
    return doc[min(t.i for t in tokens): max(t.i for t in tokens) + 1]


# "did not respond to a request for comment": the object is the request, not a topic.
WH_CLAUSE = frozenset({"how", "why", "what", "when", "where", "who", "which", "whether", "if"})
REQUESTS = frozenset({"request", "question", "inquiry", "enquiry", "call", "email", "message", "query"})


def _topic(verb: Token, doc: Doc) -> Span | None:
    """What the telling verb would have told: its clause, object or 'on/about' object."""
    for dep in ("ccomp", "dobj", "xcomp"):
        for child in verb.children:
            if child.dep_ == dep:
                return _span_of(list(child.subtree), doc)
    for child in verb.children:
        # "not known when the talks would resume": the clause hangs as advcl.
        if child.dep_ == "advcl" and child.left_edge.lower_ in WH_CLAUSE:
            return _span_of(list(child.subtree), doc)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"on", "about", "to"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_ not in REQUESTS:
                return _span_of(list(objects[0].subtree), doc)
    return None


def _subject(verb: Token, doc: Doc) -> Span | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return _span_of(list(child.subtree), doc)
    return None


def _agent(verb: Token, doc: Doc) -> Span | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _span_of(list(objects[0].subtree), doc)
    return None


def _question(topic: Span | None, actor: str | None, cue: str) -> str:
    if topic is not None:
        question = clause_question(topic)
        if question:
            return question
        if topic.root.pos_ in {"NOUN", "PROPN"}:
            return noun_question(topic)
    if actor:
        if actor.startswith("The ") and actor[4:5].islower():
            actor = actor[:1].lower() + actor[1:]
        return f"What does {actor} say? ({actor[:1].upper() + actor[1:]} {cue}.)"
    return f"What is not being said? (The article notes it {cue}.)"


def _cue(tokens: list[Token]) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def _find(sentence: Span, doc: Doc) -> list[tuple[Span | None, Span | None, str]]:
    """(topic, actor, cue) for each withheld-information shape in a sentence."""
    found = []
    for token in sentence:
        if token.lemma_ in REFUSE and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "xcomp" and child.lemma_ in TELL:
                    to = [c for c in child.children if c.dep_ == "aux"]
                    found.append((_topic(child, doc), _subject(token, doc), _cue([token, *to, child])))
        elif token.lemma_ in TELL and token.pos_ in {"VERB", "AUX"}:
            neg = [c for c in token.children if c.dep_ == "neg"]
            if not neg:
                continue
            auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
            if any(a.lower_ == "to" for a in auxes) or token.dep_ in {"xcomp", "acl", "relcl", "advcl"}:
                continue  # "commitments to not provide arms" is a pledge, not a gap
            cue = _cue([*auxes, *neg, token])
            subject = _subject(token, doc)
            if any(c.dep_ == "auxpass" for c in auxes) and subject is not None and subject.root.lower_ != "it":
                found.append((subject, _agent(token, doc), cue))
            elif subject is not None and subject.root.lower_ == "it":
                found.append((_topic(token, doc), None, cue))
            else:
                found.append((_topic(token, doc), _subject(token, doc), cue))
        elif token.lower_ in NOT_KNOWN and token.dep_ in {"acomp", "ROOT", "amod"} and token.head.lemma_ == "be":
            negated = any(c.dep_ == "neg" for c in token.head.children)
            if token.lower_ in {"clear", "known"} and not negated:
                continue
            clauses = [c for c in token.head.children if c.dep_ in {"ccomp", "csubj"}] + [
                c for c in token.children if c.dep_ in {"ccomp", "csubj"}
            ]
            if clauses:
                neg = [c for c in token.head.children if c.dep_ == "neg"]
                cue = _cue([token.head, *neg, token])
                found.append((_span_of(list(clauses[0].subtree), doc), None, cue))
    return found


@register("withheld", "withheld.v2")
def extract(article: Article, doc: Doc, facts: ArticleFacts) -> None:
    names = {(m.start, m.end): m for m in facts.mentions}
    fullest: dict[int, str] = {}
    for m in facts.mentions:
        if len(m.text) > len(fullest.get(m.local_id, "")):
            fullest[m.local_id] = m.text
    for sentence in doc.sents:
        if sentence.start_char < article.headline_end:
            continue
        for topic, actor_span, cue in _find(sentence, doc):
            actor = None
            if actor_span is not None:
                actor = actor_span.text
                span = article.span(actor_span.start_char, actor_span.end_char)
                for (start, end), mention in names.items():
                    if span.start <= start and end <= span.end:
                        actor = fullest.get(mention.local_id, mention.text)
                        break
            facts.withheld.append(Withheld(
                text=article.span(sentence.start_char, sentence.end_char),
                topic=topic.text if topic is not None else "",
                actor=actor,
                cue=cue,
                question=_question(topic, actor, cue),
            ))
