"""Open questions: what the articles leave unanswered or tell differently.

Kinds, each with the basis it rests on (denials and differing
descriptions: fuse/disputes.py; unsettled processes: fuse/unsettled.py):
  * withheld: a source declined to say, or it is not known;
  * disagreement: the same statement attributed to different speakers, the
    same denial by different lists of actors, different numbers;
  * single_source: a leading claim carried by one outlet only;
  * hedged: a claim reported with "reportedly", "allegedly", "could".
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefgen.extract.countries import is_demonym
from briefgen.fuse.claims import figure_values, figures_conflict, name_words, same_name
from briefgen.fuse.disputes import (
    characterisation_questions,
    denial_questions,
    is_denial,
)
from briefgen.fuse.figure_conflicts import figure_disagreements
from briefgen.fuse.text import cite, embed, embeddable, evidence, who
from briefgen.fuse.unsettled import unsettled_questions
from briefgen.fuse.words import (
    candidates,
    containment,
    content_words,
    idf_weights,
    mass,
    overlap_of_masses,
    rare_word_index,
)
from briefgen.model import Actor, ArticleFacts, Attribution, Claim, Credit, Figure, Question, Withheld

ANONYMOUS = frozenset("he she we i they it you one someone".split())
SAME_QUOTE = 0.6  # share of the shorter telling's words the other tells too
MIN_QUOTE_WORDS = 3  # and more than two names shared with a short paraphrase

SAME_TOPIC = 0.6  # containment of content words for two withheld topics to be one gap
# Weighted overlap for two differently attributed claims to be the same statement.
SAME_STATEMENT = 0.5
MAX_SINGLE_SOURCE = 4  # the leading single-source claims worth a question; the rest would be noise


def _withheld_basis(item: Withheld) -> str:
    if not item.actor:
        return item.cue
    if item.cue.split(" ", 1)[0] in {"is", "was", "are", "were", "been", "be"}:
        return f"{item.cue} by {item.actor}"  # passive: "were not disclosed by X"
    return f"{item.actor} {item.cue}"


def withheld_questions(facts: list[ArticleFacts]) -> list[Question]:
    """One question per gap, merged across articles that report the same gap."""
    groups: list[tuple[set[str], list[tuple[str, Withheld]]]] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    for article in facts:
        for item in article.withheld:
            if not item.topic and (not item.actor or item.actor.lower() in ANONYMOUS):
                continue  # "he did not know", "it was not specified": nothing a reader could ask for
            words = content_words(item.topic or item.text.text)
            candidates = {g for w in words for g in by_word[w]}
            match = next((g for g in sorted(candidates) if containment(words, groups[g][0]) >= SAME_TOPIC), None)
            if match is None:
                groups.append((set(words), []))
                match = len(groups) - 1
            groups[match][0].update(words)
            groups[match][1].append((article.source_id, item))
            for w in words:
                by_word[w].append(match)
    questions = []
    for _words, members in groups:
        first = members[0][1]
        basis = "; ".join(f"{sid}: {_withheld_basis(item)}" for sid, item in members)
        questions.append(Question(
            id="", text=first.question, kind="withheld", basis=basis,
            sources=list(dict.fromkeys(sid for sid, _ in members)),
            evidence=[evidence(sid, item.text) for sid, item in members],
        ))
    return questions


def _speaker_list(attribution: Attribution) -> set[str]:
    text = attribution.speaker_name or (attribution.speaker.text if attribution.speaker else "")
    parts = re.split(r",\s*|(?<!\s)\s++(?:and|as well as)\s+", re.sub(r"^(?:both|all)\s+", "", text, flags=re.I))
    return {p.strip().removeprefix("the ").strip() for p in parts if p.strip()}


def denial_disagreements(facts: list[ArticleFacts]) -> list[Question]:
    """The same denial told with different lists of deniers ("A and B" vs "A and C")."""
    denials = [
        (article.source_id, a, _speaker_list(a))
        for article in facts for a in article.attributions
        if is_denial(a) and a.speaker is not None
    ]
    questions = []
    for i, (sid_a, a, who_a) in enumerate(denials):
        for sid_b, b, who_b in denials[i + 1:]:
            if sid_a == sid_b or len(who_a) < 2 or len(who_b) < 2 or who_a == who_b or not who_a & who_b:
                continue
            only_a, only_b = sorted(who_a - who_b), sorted(who_b - who_a)
            questions.append(Question(
                id="", kind="disagreement",
                text=(f"Who denies it: {' and '.join(sorted(who_a))} ({sid_a}), "
                      f"or {' and '.join(sorted(who_b))} ({sid_b})?"),
                basis=(f"{sid_a} names {', '.join(only_a)} among those who {a.cue.text}; "
                       f"{sid_b} names {', '.join(only_b)} instead."),
                sources=[sid_a, sid_b],
                evidence=[evidence(sid_a, a.content), evidence(sid_b, b.content)],
            ))
    return questions


def attribution_disagreements(claims: list[Claim], titles: dict[str, list[str]] | None = None) -> list[Question]:
    """The same statement credited to different speakers by different sources."""
    words = [content_words(c.text) for c in claims]
    weight = idf_weights(words)
    masses = [mass(ws, weight) for ws in words]
    index = rare_word_index(words)
    questions, seen = [], set()
    for i, claim in enumerate(claims):
        for j in sorted(j for j in candidates(index, words[i]) if j > i):
            other = claims[j]
            if (i, j) in seen or set(claim.sources) & set(other.sources):
                continue
            if not claim.speaker or not other.speaker or claim.speaker == other.speaker:
                continue
            if _one_speaker(Credit(claim.speaker), Credit(other.speaker), titles):
                continue  # "Varga" and "Ilse Varga"
            if not (claim.quote and other.quote):
                continue  # two speakers saying alike in paraphrase are two statements, not one disputed
            shared = mass(words[i] & words[j], weight)
            if overlap_of_masses(shared, masses[i], masses[j]) < SAME_STATEMENT:
                continue
            seen.add((i, j))
            questions.append(Question(
                id="", kind="disagreement",
                text=(f"Who said that {embed(claim.text)}: {claim.speaker} ({cite(claim.sources)}) "
                      f"or {who(other.speaker)} ({cite(other.sources)})?"),
                basis=(f"{cite(claim.sources)} attributes the statement to {claim.speaker}; "
                       f"{cite(other.sources)} to {who(other.speaker)}."),
                sources=list(dict.fromkeys(claim.sources + other.sources)),
                evidence=claim.evidence[:1] + other.evidence[:1],
            ))
    return questions


def _one_speaker(a: Credit, b: Credit, titles: dict[str, list[str]] | None = None) -> bool:
    """"Varga" and "Ilse Varga", or a spokeswoman and the body her title names.

    ``titles``: each actor's names to the roles every source gives it, as one
    outlet may call him "Commander" and another "coast guard spokesman"."""
    titles = titles or {}
    ra = set().union(*(content_words(r) for r in [*a.roles, *titles.get(a.speaker, [])]))
    rb = set().union(*(content_words(r) for r in [*b.roles, *titles.get(b.speaker, [])]))
    # Against a title only, a nation's adjective qualifies the body it names: "Danish Coast Guard"
    # is "the coast guard" its spokesman speaks for (never against "Swedish Coast Guard").
    return (same_name(a.speaker, b.speaker) or _body_words(a.speaker, titles) <= rb
            or _body_words(b.speaker, titles) <= ra)


def _body_words(name: str, people: dict[str, list[str]]) -> set[str]:
    """A body's name words without the nation's adjective leading it; a person's all."""
    words = name_words(name)
    first = name.split()[0] if name.split() else ""
    if name in people or len(words) < 2 or not is_demonym(first):
        return words
    return words - name_words(first)


def actor_titles(actors: list[Actor]) -> dict[str, list[str]]:
    """Each name and alias of a person to the roles the sources give that person."""
    titles: dict[str, list[str]] = {}
    for actor in actors:
        if actor.type == "person" and actor.roles:
            for name in (actor.name, *actor.aliases):
                titles.setdefault(name, list(actor.roles))
    return titles


def _same_quote(claim: Claim, a: Credit, b: Credit) -> bool:
    """One quotation, two speakers: the claim is a quotation (its marks are the
    template's, not in the evidence) and both credits' tellings share most of
    the shorter one's words, three at least (a short paraphrase
    sharing two names with a quotation is another statement, relayed by
    someone else; one sentence of a longer quotation is still the quotation)."""
    if not claim.quote:
        return False
    wa = set().union(*(content_words(ev.text) for ev in claim.evidence if ev.source_id in a.sources))
    wb = set().union(*(content_words(ev.text) for ev in claim.evidence if ev.source_id in b.sources))
    shared = len(wa & wb)
    return bool(wa and wb) and shared >= SAME_QUOTE * min(len(wa), len(wb)) and shared >= MIN_QUOTE_WORDS


def credit_disagreements(claims: list[Claim], titles: dict[str, list[str]] | None = None) -> list[Question]:
    """One quotation, merged across outlets, that they credit to different named
    speakers. Paraphrases alike from two people are two people saying alike."""
    questions = []
    for claim in claims:
        named = [c for c in claim.credits if c.named]
        pair = next(((a, b) for n, a in enumerate(named) for b in named[n + 1:]
                     if not set(a.sources) & set(b.sources) and not _one_speaker(a, b, titles)
                     and _same_quote(claim, a, b)), None)
        if pair is None:
            continue
        a, b = pair
        questions.append(Question(
            id="", kind="disagreement",
            text=(f"Who said that {embed(claim.text)}: {a.speaker} ({cite(a.sources)}) "
                  f"or {who(b.speaker)} ({cite(b.sources)})?"),
            basis=f"{cite(a.sources)} attributes the statement to {a.speaker}; {cite(b.sources)} to {who(b.speaker)}.",
            sources=list(dict.fromkeys(a.sources + b.sources)),
            evidence=[ev for ev in claim.evidence if ev.source_id in a.sources][:1]
            + [ev for ev in claim.evidence if ev.source_id in b.sources][:1],
        ))
    return questions


def number_disagreements(claims: list[Claim]) -> list[Question]:
    """One claim told by several sources with different figures for one thing
    ("10 minutes" and "nine minutes"); a figure only one telling gives, a
    clock time or a phone number is no conflict."""
    questions = []
    for claim in claims:
        texts = {}
        for ev in claim.evidence:
            texts.setdefault(ev.source_id, ev.text)
        clash = {sid for sid, text in texts.items() for other, text2 in texts.items()
                 if other != sid and (figures_conflict(text, text2) or figures_conflict(text2, text))}
        figures = {sid: figure_values(texts[sid]) for sid in texts if sid in clash}
        told = {sid: ns for sid, ns in figures.items() if ns}
        if len(told) >= 2:
            versions = "; ".join(f"{sid}: {', '.join(sorted(ns))}" for sid, ns in told.items())
            questions.append(Question(
                id="", kind="disagreement",
                text=f"Which figures are right in {claim.speaker or 'the'} claim that {embed(claim.text)}?",
                basis=f"The sources give different figures ({versions}).",
                sources=list(told), evidence=claim.evidence,
            ))
    return questions


def _single_origin_basis(claim: Claim) -> str:
    if claim.outlets == 1:
        return f"Only {cite(claim.sources)} carries this claim, from {claim.speaker} alone."
    if claim.origins == 1:
        return (f"{cite(claim.sources)} carry it as one original source (a rewrite or shared wire copy), "
                f"and it rests on {claim.speaker} alone.")
    return (f"{cite(claim.sources)} report it independently, but all from {claim.speaker}: "
            "repetition is not corroboration.")


def claim_questions(claims: list[Claim]) -> list[Question]:
    """Leading claims resting on one speaker, and claims told with hedges.

    Every claim rests on its speaker, so the question goes to the claims a
    reader is likeliest to take as corroborated: the most repeated first.
    """
    named = [c for c in claims if c.speaker and embeddable(c.text)]
    single = sorted(named, key=lambda c: -c.outlets)[:MAX_SINGLE_SOURCE]
    questions = []
    for claim in single:
        questions.append(Question(
            id="", kind="single_source",
            text=f"Is there confirmation beyond {who(claim.speaker)} that {embed(claim.text)}?",
            basis=_single_origin_basis(claim),
            sources=claim.sources, evidence=claim.evidence,
        ))
    for claim in claims:
        # A hedge without a named speaker is the outlet's own caution, not a claim to check.
        if claim.hedge == "hedged" and claim.speaker and claim not in single and embeddable(claim.text):
            questions.append(Question(
                id="", kind="hedged",
                text=f"Is it verified that {embed(claim.text)}?",
                basis=f"{cite(claim.sources)} reports it with hedged wording, attributed to {claim.speaker}.",
                sources=claim.sources, evidence=claim.evidence,
            ))
    return questions


def derive_questions(facts: list[ArticleFacts], claims: list[Claim], figures: list[Figure] = (),
                     actors: list[Actor] = ()) -> list[Question]:
    titles = actor_titles(list(actors))
    questions = (
        figure_disagreements(list(figures))
        + attribution_disagreements(claims, titles)
        + credit_disagreements(claims, titles)
        + denial_disagreements(facts)
        + number_disagreements(claims)
        + characterisation_questions(claims)
        + denial_questions(facts, claims)
        + withheld_questions(facts)
        + unsettled_questions(claims, facts)
        + claim_questions(claims)
    )
    for n, question in enumerate(questions, start=1):
        question.id = f"Q{n}"
    return questions
