"""Disputes between what is claimed and what is denied or described otherwise.

Two kinds of open question, both comparing claims after fusion:
  * a denial set against the claim it answers ("X and Y have denied these
    assertions"): the denial names its target by anaphora, so it answers the
    nearest claim before it in the same article by another speaker; a denial
    with its own content answers the claim whose words it shares;
  * one speaker's remark about the same thing described differently by two
    sources, where at least one quotes the speaker's own words for it
    ("remained 'surface-level'" against "pledging to increase cooperation").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from briefgen.fuse.claims import name_words, same_name
from briefgen.fuse.text import cite, embed, evidence, possessive, who
from briefgen.fuse.words import candidates, content_words, idf_weights, rare_word_index, stem, weighted_overlap
from briefgen.model import ArticleFacts, Attribution, Claim, Evidence, Question

DENIAL_CUES = frozenset({"deny", "denied", "denies", "denying", "contest", "contested", "contests", "dispute",
                         "disputed", "disputes", "reject", "rejected", "rejects", "refute", "refuted", "refutes",
                         "dismiss", "dismissed", "dismisses"})
# "these assertions", "the U.S. allegations about ...": a denial pointing back at a claim.
ANAPHORIC_TARGET = re.compile(
    r"^(?:these|those|the|such|this|that|its|their)\b(?:\s+\S+){0,3}?\s+"
    r"(?:allegations?|assertions?|claims?|accusations?|charges?|reports?|suggestions?|statements?)\b",
    re.IGNORECASE)
PRONOUNS = frozenset("he she they it we i you".split())
NOUN_STARTS = frozenset("the a an any all these those this his her their its reports claims allegations "
                        "accusations charges suggestions calls".split())
SAME_CONTENT = 0.3  # weighted overlap for a denial's own content to answer a claim
MAX_CHARACTERISATIONS = 3
MIN_SHARED_BESIDES = 2  # content words two tellings of one remark share besides the thing described
RARE_IN_CLAIMS = 3  # a shared word used by at most this many claims names a particular thing


def is_denial(attribution: Attribution) -> bool:
    return attribution.cue.text.lower().split()[-1] in DENIAL_CUES


def _claim_at(claims: list[Claim]) -> dict[tuple[str, int], Claim]:
    return {(ev.source_id, ev.start): claim for claim in claims for ev in claim.evidence}


@dataclass
class _Claims:
    """The claims with what denial matching looks them up by."""

    claims: list[Claim]
    at: dict[tuple[str, int], Claim]  # (source id, content start) -> claim
    words: list[set[str]]
    weight: dict[str, float]
    index: dict[str, list[int]]


def _denied_claim(denial: Attribution, facts: ArticleFacts, known: _Claims) -> Claim | None:
    denier = (denial.speaker_name or (denial.speaker.text if denial.speaker else "")).lower()
    if ANAPHORIC_TARGET.match(denial.content.text.strip()):
        earlier = [a for a in facts.attributions
                   if a.statement and a.content.end <= denial.content.start and not is_denial(a)
                   and (facts.source_id, a.content.start) in known.at]
        for attribution in reversed(earlier):
            claim = known.at[(facts.source_id, attribution.content.start)]
            if claim.speaker and claim.speaker.lower() not in denier:
                return claim
        return None
    words = content_words(denial.content.text)
    own = (facts.source_id, denial.content.start)
    scored = [(weighted_overlap(words, known.words[i], known.weight), -i)
              for i in candidates(known.index, words)
              if (c := known.claims[i]).speaker and c.speaker.lower() not in denier
              # The denial's own telling, under another form of the denier's name, is not what it denies.
              and known.at.get(own) is not c and not same_name(c.speaker, denier)]
    best = max(scored, default=(0.0, 0))
    return known.claims[-best[1]] if best[0] >= SAME_CONTENT else None


def denial_questions(facts: list[ArticleFacts], claims: list[Claim]) -> list[Question]:
    """Each claim that someone denies, with the claim and the denials side by side."""
    words = [content_words(c.text) for c in claims]
    known = _Claims(claims, _claim_at(claims), words, idf_weights(words), rare_word_index(words, min_df=1))
    denied: dict[str, list[tuple[str, Attribution]]] = defaultdict(list)
    unanswered: list[tuple[str, Attribution]] = []
    by_id = {c.id: c for c in claims}
    for article in facts:
        for attribution in article.attributions:
            if is_denial(attribution) and attribution.speaker is not None:
                claim = _denied_claim(attribution, article, known)
                if claim is not None:
                    denied[claim.id].append((article.source_id, attribution))
                elif not ANAPHORIC_TARGET.match(attribution.content.text.strip()):
                    unanswered.append((article.source_id, attribution))
    questions = _unanswered_denials(unanswered)
    for claim_id, denials in denied.items():
        claim = by_id[claim_id]
        deniers = "; ".join(f"{who(a.speaker.text)} {a.cue.text} it ({sid})" for sid, a in denials)
        questions.append(Question(
            id="", kind="denied",
            text=f"Is it true that {embed(claim.text)}, as {who(claim.speaker)} says, or are the denials right?",
            basis=f"{claim.speaker} ({cite(claim.sources)}) makes the claim; {deniers}.",
            sources=list(dict.fromkeys(claim.sources + [sid for sid, _ in denials])),
            evidence=claim.evidence[:1] + [evidence(sid, a.content) for sid, a in denials],
        ))
    return questions


def _unanswered_denials(denials: list[tuple[str, Attribution]]) -> list[Question]:
    """A denial with its own content and no claim found that it answers: still an
    open point ("Brook denied shredding the ledgers"); one question per denier
    and content, however many outlets tell it."""
    questions: dict[tuple, Question] = {}
    for sid, denial in denials:
        denier = who(denial.speaker_name or denial.speaker.text)
        if denier.lower() in PRONOUNS:
            continue  # "he denied it": the article's name for him is not at hand here
        content = embed(denial.content.text)
        if not content_words(content):
            continue  # "denied it": nothing a reader could check
        key = (frozenset(name_words(denier)), frozenset(content_words(content)))
        if key in questions:
            question = questions[key]
            question.sources = list(dict.fromkeys([*question.sources, sid]))
            question.evidence.append(evidence(sid, denial.content))
            continue
        first = content.split(" ", 1)[0].lower()
        # "of shooting at ...", "of the reports"; a clause takes "that": "that he was there".
        joined = content if first == "that" else (
            f"of {content}" if first.endswith("ing") or first in NOUN_STARTS else f"that {content}")
        questions[key] = Question(
            id="", kind="denied",
            text=f"Do other accounts bear out {possessive(denier)} denial {joined}?",
            basis=f"{denier} {denial.cue.text} {content} ({sid}); no source's claim that it answers was found.",
            sources=[sid], evidence=[evidence(sid, denial.content)],
        )
    return list(questions.values())


# A quoted phrase opens after a space or the start and its words start at once:
# the stretch between the halves of an interrupted quotation ('say," he said. "It')
# opens after a comma or a full stop, with a space inside.
_PHRASE = re.compile(r"(?:^|(?<=[\s(]))[“\"]([^\s“”\"][^“”\"]{1,39})[”\"]")


def _characterises(text: str) -> bool:
    """A paraphrase that quotes a short phrase of the speaker's ('the letters
    remained “surface-level”'): not a quotation, nor one interrupted by "he said"."""
    quoted = [m.group(1) for m in _PHRASE.finditer(text)]
    return bool(quoted) and sum(len(q) for q in quoted) * 2 < len(text)


def _phrase_words(text: str) -> set[str]:
    return content_words(" ".join(m.group(1) for m in _PHRASE.finditer(text)))


_DETERMINERS = frozenset("the a an this that these those its their his her our".split())


def _determined(text: str, word: str) -> bool:
    tokens = re.findall(r"[\w’'-]+", text)
    return any(stem(w) == word and k and tokens[k - 1].lower() in _DETERMINERS for k, w in enumerate(tokens))


def _surface(text: str, word: str) -> str | None:
    return next((w.lower() for w in re.findall(r"[\w’'-]+", text) if stem(w) == word), None)


@dataclass
class _Telling:
    """One source's telling of a claim, with the speaker that source names."""

    claim: int
    speaker: str
    source_id: str
    text: str
    evidence: Evidence


def _tellings(claims: list[Claim]) -> list[_Telling]:
    found = []
    for i, claim in enumerate(claims):
        credit_of = {sid: c.speaker for c in claim.credits for sid in c.sources}
        for ev in claim.evidence:
            if ev.source_id in claim.unattributed:
                continue  # the outlet cited nobody
            speaker = credit_of.get(ev.source_id, claim.speaker)
            if speaker:  # speakers come resolved to their actor's name: the name is the key
                found.append(_Telling(i, speaker, ev.source_id, ev.text, ev))
    return found


def characterisation_questions(claims: list[Claim]) -> list[Question]:
    """The same thing, by the same speaker, described differently by different sources."""
    told = _tellings(claims)
    words = [content_words(t.text) for t in told]
    # How many claims use a word: a word few claims use names a particular thing.
    per_claim: dict[int, set[str]] = defaultdict(set)
    for t, w in zip(told, words):
        per_claim[t.claim] |= w
    df = defaultdict(int)
    for ws in per_claim.values():
        for w in ws:
            df[w] += 1
    by_speaker_word: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, telling in enumerate(told):
        speaker_words = content_words(telling.speaker)
        for w in words[i]:
            if df[w] <= RARE_IN_CLAIMS and w not in speaker_words and not w[0].isdigit():
                by_speaker_word[(telling.speaker, w)].append(i)
    found = []
    for (_, word), members in by_speaker_word.items():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                a, b = told[i], told[j]
                if a.claim == b.claim or a.source_id == b.source_id:
                    continue
                # The same word form in both ("letters"/"letters"), not a shared stem
                # ("concerning"/"concerned") that names different things.
                if _surface(a.text, word) != _surface(b.text, word):
                    continue
                # A telling quotes the speaker's phrase about a thing it names
                # itself, with a determiner, outside the phrase ("the letters
                # remained “surface-level”"): not an adjective or a verb sharing
                # the stem, nor a word only inside the quoted phrase ("a total loss").
                if not any(_characterises(t.text) and _determined(_PHRASE.sub(" ", t.text), word) for t in (a, b)):
                    continue
                # The other telling using the quoted words too describes it alike.
                if any(_phrase_words(t.text) and _phrase_words(t.text) <= content_words(u.text)
                       for t, u in ((a, b), (b, a))):
                    continue
                # A thing described, not a name or a nationality ("the Korean").
                if any(w[:1].isupper() for w in re.findall(r"[\w’'-]+", a.text + " " + b.text) if stem(w) == word):
                    continue
                # One remark told two ways shares more than the thing: "the hospital" alone in
                # "the families asked for “total privacy”, and the hospital ..." and "died on the
                # way to the hospital" is two remarks about two things.
                if len((words[i] & words[j]) - {word}) < MIN_SHARED_BESIDES:
                    continue
                found.append((df[word], i, j, word))
    questions, asked = [], set()
    for _, i, j, word in sorted(found):
        a, b = told[i], told[j]
        pair = (min(a.claim, b.claim), max(a.claim, b.claim))
        if pair in asked or len(questions) == MAX_CHARACTERISATIONS:
            continue
        asked.add(pair)
        thing = _surface(a.text, word) or word
        questions.append(Question(
            id="", kind="disagreement",
            text=(f"What did {a.speaker} say about the {thing}: that {embed(a.text)} ({a.source_id}), "
                  f"or that {embed(b.text)} ({b.source_id})?"),
            basis=f"{a.source_id} and {b.source_id} describe the {thing} differently, both citing {a.speaker}.",
            sources=list(dict.fromkeys([a.source_id, b.source_id])),
            evidence=[a.evidence, b.evidence],
        ))
    return questions
