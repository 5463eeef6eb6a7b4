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
from briefgen.extract.questions_text import clause_question, noun_question, why_question
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
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "one", "someone", "who"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your"})
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
                if dep == "dobj" and child.lemma_ in REQUESTS:
                    return None  # "did not return calls": what was asked is not said
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
    """The question a reader would ask, or "" when the gap names nothing to ask for."""
    if topic is not None and cue.endswith(" why"):
        question = why_question(list(topic), topic.root)
        if question:
            return question
    if topic is not None:
        question = clause_question(topic)
        if question:
            return question
        # A common noun ("details of the plan"); a bare name ("Jon Marlow") says nothing withheld.
        if topic.root.pos_ == "NOUN":
            return noun_question(topic)
    if actor and actor.lower() not in PRONOUNS:
        if actor.startswith("The ") and actor[4:5].islower():
            actor = actor[:1].lower() + actor[1:]
        # "Will ..." agrees with any subject: "Will the ministry comment?", "Will authorities comment?".
        return f"Will {actor} comment? ({actor[:1].upper() + actor[1:]} {cue}.)"
    return ""


# "it is too early to say whether ...": a telling verb after "too <adjective> to".
TOO = "too"
# "No details were released": the subject's determiner negates the telling.
NO = frozenset({"no"})
NO_MODIFIERS = frozenset({"further", "more", "other", "additional", "new"})


def _not_told(token: Token, doc: Doc) -> list[tuple[Span | None, Span | None, str]]:
    """A telling verb that tells nothing: negated, "no details were given", "too early to say"."""
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    neg = [c for c in token.children if c.dep_ == "neg"]
    subject = _subject(token, doc)
    if any(a.lower_ == "to" for a in auxes):
        # "too soon to say if ...": not known yet; "commitments to not provide arms" is a pledge.
        if not neg and any(c.lower_ == TOO for c in token.head.children):
            return [(_topic(token, doc), None, _cue([*[c for c in token.head.children if c.lower_ == TOO],
                                                     token.head, *auxes, token]))]
        return []
    if not neg:
        if (subject is not None and any(c.dep_ == "auxpass" for c in auxes) and subject[0].lower_ in NO
                and subject.root.pos_ == "NOUN" and subject.root.lower_ != "one"):
            # "No further details on the damage were provided": the details are the topic.
            kept = [t for t in subject if t.lower_ not in NO and not (t.lower_ in NO_MODIFIERS and t.dep_ == "amod")]
            return [(_span_of(kept, doc), _agent(token, doc), _cue([subject[0], subject.root, *auxes, token]))]
        return []
    cue = _cue([*auxes, *neg, token])
    if token.dep_ == "relcl" and subject is not None and subject.root.lower_ == "who":
        # "Smith, who would not say why": the person the clause describes is the one withholding.
        head = token.head
        name = [c for c in head.children if c.dep_ in {"det", "poss", "amod", "compound", "flat"} and c.i < head.i]
        name.append(head)
        return [(_topic(token, doc), _span_of(name, doc), cue)]
    if token.dep_ in {"xcomp", "acl", "relcl", "advcl"}:
        return []
    if any(c.dep_ == "auxpass" for c in auxes) and subject is not None and subject.root.lower_ != "it":
        if subject.root.lemma_ in REQUESTS:
            return []  # "Calls to the firm were not answered": no one's silence on a topic
        return [(subject, _agent(token, doc), cue)]
    if subject is not None and subject.root.lower_ == "it":
        return [(_topic(token, doc), None, cue)]
    return [(_topic(token, doc), subject, cue)]


def _clause_before(verb: Token, conj: Token) -> Span:
    """The clause of ``verb`` without the conjunct that follows it ("but it was not clear why")."""
    cut = {t.i for t in conj.subtree} | {c.i for c in verb.children if c.dep_ == "cc" and c.i > verb.i}
    tokens = [t for t in verb.subtree if t.i not in cut and not (t.is_punct and t.i > verb.i)]
    return _span_of(tokens, doc=verb.doc)


def _cue(tokens: list[Token]) -> str:
    """The cue's words as written: "did n't" joins back to "didn't"."""
    words = sorted(tokens, key=lambda t: t.i)
    return "".join(t.text + (" " if k + 1 < len(words) and words[k + 1].i == t.i + 1 and t.whitespace_ else
                             "" if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
                   for k, t in enumerate(words)).strip()


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
            found.extend(_not_told(token, doc))
        elif token.lower_ in NOT_KNOWN and token.dep_ in {"acomp", "ROOT", "amod"} and token.head.lemma_ == "be":
            negated = any(c.dep_ == "neg" for c in token.head.children)
            if token.lower_ in {"clear", "known"} and not negated:
                continue
            clauses = [c for c in token.head.children if c.dep_ in {"ccomp", "csubj"}] + [
                c for c in token.children if c.dep_ in {"ccomp", "csubj"}
            ]
            neg = [c for c in token.head.children if c.dep_ == "neg"]
            cue = _cue([token.head, *neg, token])
            if clauses:
                found.append((_span_of(list(clauses[0].subtree), doc), None, cue))
                continue
            # "... had been denied a permit, but it was not clear why": the reason of the clause before.
            bare_why = [c for c in [*token.children, *token.head.children] if c.lower_ == "why" and not list(c.children)]
            before = token.head.head if token.head.dep_ == "conj" else None
            reported = [c for c in before.children if c.dep_ == "ccomp"] if before is not None else []
            if reported:
                # "Police said the man had been arrested, but it was not clear why": why he was, not why they said so.
                before = reported[0]
            if bare_why and before is not None and before.pos_ in {"VERB", "AUX"}:
                found.append((_clause_before(before, token.head), None, f"{cue} why"))
    return found


@register("withheld", "withheld.v3")
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
            if topic is not None and any(t.lower_ in FIRST_PERSON and t.tag_ in {"PRP", "PRP$"} for t in topic):
                continue  # "what this was doing to my body": a speaker's own question in a quote, no gap
            actor = None
            if actor_span is not None:
                actor = actor_span.text
                first = actor_span[0]
                if first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_:
                    actor = actor[:1].lower() + actor[1:]  # "Authorities are not commenting" mid-question
                span = article.span(actor_span.start_char, actor_span.end_char)
                for (start, end), mention in names.items():
                    if span.start <= start and end <= span.end:
                        actor = fullest.get(mention.local_id, mention.text)
                        break
            question = _question(topic, actor, cue)
            if not question:
                continue
            facts.withheld.append(Withheld(
                text=article.span(sentence.start_char, sentence.end_char),
                topic=topic.text if topic is not None else "",
                actor=actor,
                cue=cue,
                question=question,
            ))
