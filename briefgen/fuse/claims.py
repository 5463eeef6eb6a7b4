"""Key claims: the same statement told by several articles, merged into one claim.

Two attributions are one claim when they say the same, however worded: the
cosine of their sentence vectors (``fuse.similar``) plus a share of their
weighted word overlap reaches a threshold, higher when the outlets name
different speakers (one spokesman is "police" in one outlet and "Lt. Ray
Dunn" in another, but two witnesses saying alike stay apart unless nearly
word for word). Guards come first: different numbers, a negation on one
side only, or the same countries in swapped roles are never one claim.
Candidates come from blocks of rarer content words, so the work (and the
embedding, done only for attributions with a candidate) grows with the
number of attributions, not with its square.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract.countries import country_of
from briefgen.extract.figures import WORD_NUMBERS
from briefgen.fuse.authority import official
from briefgen.fuse.groups import Groups
from briefgen.fuse.similar import Embedder, embed_texts
from briefgen.fuse.text import embed
from briefgen.fuse.words import (
    candidates,
    content_words,
    idf_weights,
    rare_word_index,
    stem,
    weighted_overlap,
)
from briefgen.model import ArticleFacts, Attribution, Claim, Credit, Evidence, Span
from briefgen.sources.article import Article

Resolver = Callable[[str, str], "tuple[str, str | None]"]

# Merge score: cosine + LEXICAL_WEIGHT x weighted word overlap, chosen on the
# paraphrase benchmark (eval/paraphrase.py: precision 0.92, recall 0.50 on
# pairs where the lexical rule alone had 0.87 and 0.21).
LEXICAL_WEIGHT = 0.3
SAME_SPEAKER_SCORE = 0.92  # speakers compatible, or one unknown
OTHER_SPEAKER_SCORE = 0.98  # the outlets name different speakers, or one article says it twice
MIN_OVERLAP = 0.1  # below this share of weighted words no pair of the benchmark was one claim
# An outlet's own statement carries a claim only near word for word: fewer shared words, no vectors spent.
OWN_VOICE_OVERLAP = 0.4
# An article that tells a statement twice tells it near word for word; two
# look-alikes in one article are two statements ("the plan cuts costs" and
# "whether the plan really cuts costs"). Nor are they embedded: one long
# article's own pairs made its fusion quadratic.
SAME_ARTICLE_OVERLAP = 0.5
# Each attribution is indexed under at most this many of its rarest words.
BLOCK_WORDS = 8
GUARD_SAMPLE = 24  # members of each group checked against the other's when two groups join
CHAIN_SLACK = 0.04  # how far below the threshold two groups' fullest tellings may be when a pair links them
QUOTE_MARKS = "\"“”‘’'"
PRONOUNS = frozenset("he she they it we i you him her them".split())


NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|neither|nor|cannot|deny|denies|denied|denying)\b|n't\b",
                      re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
# "one" is as often a pronoun ("one of the guards") as a count: no figure to compare.
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(w for w in WORD_NUMBERS if w not in ("a", "one")) + r")\b",
                          re.IGNORECASE)
# An age in apposition ("Smith, 49, said") describes the person, not the statement.
_AGE = re.compile(r"(?<=[A-Za-z.]), \d{1,3}(?=,)")


def figure_values(text: str) -> set[str]:
    """Numbers written in figures or words ("two" and "2" are one number), ages aside."""
    return {value for value, _ in _figures(text)}


_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]+")
SHORT_STATEMENT = 15  # words
FIGURE_CONTEXT = 2  # content words on each side of a number that say what it counts


# Clock times and phone numbers are no figures of a statement.
_NOT_FIGURES = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{3,5}(?:[ -]\d{3,4}){2,}\b")


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(value, the content words around it) of each number: "10 minutes later"
    is (10, {minut, later})."""
    tokens = _TOKEN.findall(_NOT_FIGURES.sub(" ", _AGE.sub("", text)))
    found = []
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = token.replace(",", "").rstrip(".")
        elif _NUMBER_WORD.fullmatch(token):
            value = str(WORD_NUMBERS[token.lower()])
        else:
            continue
        around = tokens[max(0, i - FIGURE_CONTEXT):i] + tokens[i + 1:i + 1 + FIGURE_CONTEXT]
        found.append((value, frozenset(content_words(" ".join(w for w in around if w.isalpha())))))
    return tuple(found)  # read again for every pair a telling is in: cached


def figures_conflict(a: str, b: str) -> bool:
    """A number of one side differs from the other's number of the same thing
    ("10 minutes" and "nine minutes"), or each gives one number and they
    differ in short statements. Other details a longer telling adds are no conflict."""
    fa, fb = _figures(a), _figures(b)
    if not fa or not fb:
        return False
    if (len({v for v, _ in fa}) == 1 and len({v for v, _ in fb}) == 1
            and max(len(a.split()), len(b.split())) <= SHORT_STATEMENT):
        return fa[0][0] != fb[0][0]  # a short statement's one number is its point
    values_a, values_b = {v for v, _ in fa}, {v for v, _ in fb}
    for x, cx in fa:
        if x in values_b:
            continue  # the other side states this figure too
        # Set against a number the first side does not give: "three people injured"
        # is no rival of "five people arrested" when both sides say five.
        if any(y not in values_a and cx & cy for y, cy in fb):
            return True
    return False


def _countries(text: str) -> list[str]:
    """Countries named (as a name, capital or demonym), in order of first mention."""
    found: list[str] = []
    for match in _NAME.finditer(text):
        country = country_of(match.group()) or country_of(match.group().split()[0])
        if country and country not in found:
            found.append(country)
    return found


def guard_ok(a: str, b: str) -> bool:
    """Two wordings can be one statement: the same numbers (a 6.1 is no 5.9),
    the same polarity (a claim is not its denial), and the same countries in
    the same roles ("Chilean officials went to Lima" is not "Peruvian
    officials went to Santiago")."""
    if figures_conflict(a, b) or figures_conflict(b, a):
        return False
    if bool(NEGATION.search(a)) != bool(NEGATION.search(b)):
        return False
    ca, cb = _countries(a), _countries(b)
    shared = [c for c in ca if c in cb]
    if len(shared) >= 2 and shared != [c for c in cb if c in ca]:
        return False  # the same countries in swapped roles
    # "Chile armed Bolivia" is not "Peru armed Bolivia"; a statement naming the
    # pirates' countries and one naming the navy's can still be one.
    return not (shared and set(ca) - set(cb) and set(cb) - set(ca))


def identity(name: str, source_id: str) -> tuple[str, str | None]:
    return name, None


@dataclass
class _Version:
    order: tuple[int, int]  # (article position, offset) for "first told"
    source_id: str
    outlet: str
    attribution: Attribution
    words: frozenset[str]
    speaker: str | None  # display name
    speaker_id: str | None
    named: bool  # the speaker resolved to a named actor
    person: bool = False  # the speaker is a person the article names
    role: str | None = None  # the title the article gives the speaker
    own_voice: bool = False  # the outlet states it as fact (a reported fact), no speaker


def name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in content_words(name) if w not in PRONOUNS)


def same_name(a: str, b: str) -> bool:
    """"Varga" and "Ilse Varga": one name's words inside the other's (not any
    shared word: "Russian officials" are not "US officials")."""
    wa, wb = name_words(a), name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _speaker_key(version: _Version) -> str | None:
    """Block key of a speaker: the last word of its name ("Smith" of "Jane Smith"),
    the part every written form of a name keeps."""
    if not version.speaker:
        return None
    words = [stem(w) for w in version.speaker.split()]
    return words[-1] if words else None


def _compatible(a: _Version, b: _Version) -> bool | None:
    """True when the speakers agree, False when they differ, None when one is unknown."""
    if a.speaker_id and b.speaker_id:
        return a.speaker_id == b.speaker_id
    if not name_words(a.speaker or "") or not name_words(b.speaker or ""):
        return None
    if same_name(a.speaker, b.speaker):
        return True
    # Two descriptions ("authorities", "a prison statement") may be one source; two names are not.
    return None if not (a.named or a.person or b.named or b.person) else False


def _can_be_one(a: _Version, b: _Version) -> bool:
    """Two tellings that could be one statement: no two named people, one
    polarity, the guards on the wording."""
    if a.person and b.person and _compatible(a, b) is False:
        return False
    return a.attribution.polarity == b.attribution.polarity and guard_ok(
        a.attribution.content.text, b.attribution.content.text)


def _merge_score(a: _Version, b: _Version, cosine: float, overlap: float) -> tuple[float, float]:
    """(score, threshold) of a candidate pair. An outlet's own statement joins
    a claim only near word for word: the event's every retelling resembles
    each statement about it."""
    same = (_compatible(a, b) is not False and a.source_id != b.source_id
            and not (a.own_voice or b.own_voice))
    return cosine + LEXICAL_WEIGHT * overlap, SAME_SPEAKER_SCORE if same else OTHER_SPEAKER_SCORE


def _versions(articles: list[Article], facts: list[ArticleFacts], resolve: Resolver) -> list[_Version]:
    by_id = {a.source.id: (i, a) for i, a in enumerate(articles)}
    versions = []
    for article_facts in facts:
        position, article = by_id[article_facts.source_id]
        outlet = article.source.outlet or article.source.id
        people = {m.text for m in article_facts.mentions if m.label == "person"}
        names = {m.text for m in article_facts.mentions}
        person_spans = [(m.start, m.end) for m in article_facts.mentions if m.label == "person"]
        roles: dict[str, str] = {}
        for m in article_facts.mentions:
            if m.role:
                roles.setdefault(m.text, m.role)
        for attribution in article_facts.attributions:
            words = frozenset(content_words(attribution.content.text))
            if not words or not attribution.statement:
                continue
            raw_name = attribution.speaker_name or (attribution.speaker.text if attribution.speaker else None)
            if raw_name:
                raw_name = raw_name.split("\n")[-1].strip() or None  # a dateline or time above the sentence is no name
            speaker, speaker_id = resolve(raw_name, article.source.id) if raw_name else (None, None)
            if speaker and (not name_words(speaker) or attribution.mute_speaker):
                speaker, speaker_id = None, None  # an unresolved pronoun names nobody, nor a place or "60 percent"
            span = attribution.speaker
            person = attribution.speaker_name in people or (span is not None and any(
                s < span.end and span.start < e for s, e in person_spans))
            versions.append(_Version(
                (position, attribution.content.start), article.source.id, outlet, attribution, words,
                # A pronoun may stand for a description ("a senior officer ... he added"): no name.
                speaker, speaker_id, bool(speaker_id) or attribution.speaker_name in names, person,
                roles.get(attribution.speaker_name or "") or roles.get(raw_name or ""),
            ))
        # What the outlet states in its own voice can carry a claim others attribute.
        said = [(a.content.start, a.content.end) for a in article_facts.attributions]
        for fact in article_facts.reported:
            span = fact.text
            words = frozenset(content_words(span.text))
            if (fact.kind == "headline" or fact.attributed or not words
                    or any(s < span.end and span.start < e for s, e in said)):
                continue
            versions.append(_Version(
                (position, span.start), article.source.id, outlet,
                Attribution(speaker=None, cue=Span("", span.start, span.start), content=span), words,
                None, None, False, own_voice=True))
    versions.sort(key=lambda v: v.order)
    return versions


def _clusters(versions: list[_Version], embed: Embedder) -> list[list[_Version]]:
    """Union of the candidate pairs that say the same."""
    groups = Groups(len(versions))
    weight = idf_weights(v.words for v in versions)
    index = rare_word_index([v.words for v in versions], per_item=BLOCK_WORDS)
    pairs: list[tuple[int, int, float]] = []
    for i, version in enumerate(versions):
        for j in sorted(candidates(index, version.words)):
            if j >= i:
                continue
            other = versions[j]
            if other.own_voice and version.own_voice:
                continue  # two outlets' own statements are reported facts, not a claim
            overlap = weighted_overlap(other.words, version.words, weight)
            least = OWN_VOICE_OVERLAP if other.own_voice or version.own_voice else MIN_OVERLAP
            if other.source_id == version.source_id:
                least = max(least, SAME_ARTICLE_OVERLAP)
            if overlap >= least and guard_ok(other.attribution.content.text, version.attribution.content.text):
                pairs.append((j, i, overlap))
    if not pairs:
        return [[v] for v in versions]
    # Only attributions with a candidate are embedded.
    wanted = sorted({k for j, i, _ in pairs for k in (j, i)})
    row = {k: n for n, k in enumerate(wanted)}
    matrix = embed([(versions[k].source_id, versions[k].attribution.content.text) for k in wanted])
    def margin(x: int, y: int, overlap: float | None = None) -> float:
        if overlap is None:
            overlap = weighted_overlap(versions[x].words, versions[y].words, weight)
        score, threshold = _merge_score(versions[x], versions[y], float(matrix[row[x]] @ matrix[row[y]]), overlap)
        return score - threshold

    scored = [(m, j, i) for j, i, overlap in pairs if (m := margin(j, i, overlap)) >= 0]
    # Surest pairs first, and an article tells a statement once: two groups
    # that both hold an article's telling stay apart (joining them would chain
    # two statements through their look-alikes), unless they are that one
    # article saying it twice, near word for word, and nothing else yet.
    sources = {k: {v.source_id} for k, v in enumerate(versions)}
    members = {k: [k] for k in range(len(versions))}
    fullest = {k: k for k in range(len(versions))}
    for _, j, i in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        a, b = groups.find(j), groups.find(i)
        if a == b or (sources[a] & sources[b] and not len(members[a]) == len(members[b]) == 1):
            continue
        # The guards hold for the whole claim, not only the pair: a 6.1 and a
        # 5.9 magnitude never meet through a telling that gives no number.
        if not all(_can_be_one(versions[x], versions[y]) for x in members[a][:GUARD_SAMPLE]
                   for y in members[b][:GUARD_SAMPLE]):
            continue
        # A short fragment ("firing with a rifle") resembles many
        # statements: the two groups' fullest tellings must be alike too.
        if margin(fullest[a], fullest[b]) < -CHAIN_SLACK:
            continue
        groups.join(j, i)
        sources[a] |= sources.pop(b)
        members[a] += members.pop(b)
        keep = fullest.pop(b)
        if len(versions[keep].words) > len(versions[fullest[a]].words):
            fullest[a] = keep
    return [[versions[i] for i in members] for members in groups.members()]


def _hedge(group: list[_Version]) -> str:
    hedges = {v.attribution.hedge for v in group}
    if hedges == {"hedged"}:
        return "hedged"
    return "asserted" if "asserted" in hedges else "reported"


def _confidence(origins: int, hedge: str, named: bool) -> str:
    """One fixed scale. Corroboration counts independent origins, not outlets:
    two rewrites of one wire story are one report however they are branded."""
    if origins >= 2:
        return "high" if hedge != "hedged" else "moderate"
    return "moderate" if hedge == "asserted" and named else "low"


_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_EDGE = " ,;:-–—"


def shown_text(content: str, quote: bool) -> str:
    """What a reader is shown of a content: a quotation interrupted by the
    writer ('"... rent," said X, general secretary. "The strike ..."') is its
    quoted parts joined by an ellipsis, never the narration inside quotation
    marks; the outer quotation marks are the template's."""
    text = " ".join(content.split())
    if not quote:
        return text
    parts = [(m.group(1) or m.group(2)).strip(_EDGE) for m in _QUOTED.finditer(text)]
    parts = [p for p in parts if p]
    if len(parts) >= 2:
        return " … ".join(parts)
    return text.strip(QUOTE_MARKS + _EDGE)  # one quotation, or a paraphrase quoting a phrase


def _sentence(speaker: str | None, content: str, quote: bool, hedge: str, lower_first: bool = False,
              cue: str = "said") -> str:
    """The claim as a sentence a reader can take in at once: "<speaker> said <content>."
    (the outlet's own past-tense verb when it has one: "revealed fresh intelligence")."""
    own = cue.strip().lower()
    verb = "claimed" if hedge == "hedged" else (own if own.isalpha() and own.endswith("ed") else "said")
    if quote:
        # The speaker's words as written; a quotation inside takes single marks, never doubled ones.
        inner = content.strip().lstrip(QUOTE_MARKS).rstrip(QUOTE_MARKS + ".,;: ")
        inner = re.sub(r"[”\"]", "’", re.sub(r"[“\"](?=\w)", "‘", inner))
        if inner.count("‘") > inner.count("’"):
            inner += "’"  # the inner quotation closed with the outer one
        body = "“" + inner + "”"
    else:
        body = embed(content).rstrip(",;:")
        if lower_first and body[:1].isupper():
            body = body[:1].lower() + body[1:]
    return f"{speaker or 'An unnamed source'} {verb} {body}."


def _claim(everyone: list[_Version], origin_of: dict[str, int]) -> Claim:
    """The claim of a group: told by its attributed versions, carried by all."""
    group = [v for v in everyone if not v.own_voice]
    first = group[0]
    best = _best(group)
    # The speaker: an official one first, then the one most sources name (a
    # named actor before a description), then the first told
    # ("the authorities" and "authorities" are one speaker).
    backing = Counter()
    for v in {(name_words(v.speaker), v.source_id): v for v in group if v.speaker}.values():
        backing[name_words(v.speaker)] += 1
    spoken = [v for v in group if v.speaker]
    speaker_version = min(spoken, key=lambda v: (not official(v.speaker, v.role), -backing[name_words(v.speaker)],
                                                 not v.speaker_id, not v.named, group.index(v))) if spoken else best
    sources = list(dict.fromkeys(v.source_id for v in everyone))
    outlets = len({v.outlet for v in everyone})
    origins = min(outlets, len({origin_of.get(sid, sid) for sid in sources}))
    hedge = _hedge(group)
    named = any(v.named for v in group)
    # Other wordings only: a word-for-word copy is no second version.
    versions = list(dict.fromkeys(
        v.attribution.content.text for v in everyone
        if v.source_id != best.source_id and v.attribution.content.text != best.attribution.content.text
    ))
    attributed = {v.source_id for v in group}
    credited: dict[str, Credit] = {}
    for v in group:
        if v.speaker:
            credit = credited.setdefault(v.speaker, Credit(v.speaker))
            credit.sources = list(dict.fromkeys(credit.sources + [v.source_id]))
            credit.named = credit.named or (v.named and v.speaker[:1].isupper())
            if v.role and v.role not in credit.roles:
                credit.roles.append(v.role)
    text = shown_text(best.attribution.content.text, best.attribution.quote)
    return Claim(
        id="",
        text=text,
        speaker=speaker_version.speaker,
        cue=first.attribution.cue.text,
        quote=best.attribution.quote,
        sources=sources,
        evidence=[
            Evidence(v.source_id, v.attribution.content.start, v.attribution.content.end, v.attribution.content.text)
            for v in everyone
        ],
        unattributed=list(dict.fromkeys(v.source_id for v in everyone if v.source_id not in attributed)),
        speaker_id=speaker_version.speaker_id,
        hedge=hedge,
        outlets=outlets,
        origins=origins,
        confidence=_confidence(origins, hedge, named),
        versions=versions,
        sentence=_sentence(speaker_version.speaker, text, best.attribution.quote, hedge,
                           best.attribution.lower_first, best.attribution.cue.text),
        polarity="denial" if all(v.attribution.polarity == "denial" for v in group) else "affirmed",
        credits=list(credited.values()) if len(credited) > 1 else [],
    )


def _best(group: list[_Version]) -> _Version:
    """The most complete telling: a body quotation over a headline, then the fullest."""
    return max(group, key=lambda v: (not v.attribution.headline, v.attribution.quote, len(v.words), -group.index(v)))


def _salience(group: list[_Version], origin_of: dict[str, int], prominence: Counter) -> tuple:
    """Sort key, most salient first."""
    # Who attributes it: outlets stating an event in their own voice
    # would otherwise lift the event's every retelling above the claims.
    said = [v for v in group if not v.own_voice]
    keys = {_speaker_key(v) for v in said} - {None}
    origins = {origin_of.get(v.source_id, v.source_id) for v in said}
    return (-len(origins), -len({v.source_id for v in said}),
            -max((prominence[k] for k in keys), default=0), said[0].order if said else group[0].order)


def fuse_claims(articles: list[Article], facts: list[ArticleFacts], resolve: Resolver = identity,
                origin_of: dict[str, int] | None = None, embed: Embedder = embed_texts) -> list[Claim]:
    """Every attributed statement once, merged across articles, most salient first.

    ``resolve(name, source_id)`` gives the display name and actor id of a
    speaker name as written in that source (the actor index; identity by default).
    ``origin_of`` maps source ids to independent origins (each source its own by default).
    ``embed`` gives the sentence vectors of (source id, text) pairs (a cache in a build).
    """
    origin_of = origin_of or {}
    versions = _versions(articles, facts, resolve)
    groups = _clusters(versions, embed)
    prominence = Counter(_speaker_key(v) for v in versions)
    prominence.pop(None, None)

    # A group of the outlets' own statements alone is no claim: the story's reported facts tell it.
    ordered = [group for group in sorted(groups, key=lambda g: _salience(g, origin_of, prominence))
               if any(not v.own_voice for v in group)]
    claims = [_claim(group, origin_of) for group in ordered]
    for number, claim in enumerate(claims, 1):
        claim.id = f"C{number}"
    return claims
