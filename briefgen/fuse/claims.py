"""Key claims: the same statement told by several articles, merged into one claim.

Two attributions are one claim when their speakers are compatible and their
contents share enough content words. Candidates come from blocks (speaker key
plus one of the rarer content words) so the work grows with the number of
attributions, not with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.fuse.groups import Groups
from briefgen.fuse.text import embed
from briefgen.fuse.words import content_words, idf_weights, stem, weighted_overlap
from briefgen.model import ArticleFacts, Attribution, Claim, Evidence
from briefgen.sources.article import Article

Resolver = Callable[[str, str], "tuple[str, str | None]"]

# Overlap needed when the speakers agree, and when one speaker is unknown.
SAME_SPEAKER_OVERLAP = 0.25
UNKNOWN_SPEAKER_OVERLAP = 0.4
MIN_SHARED = 2
# One article restating a point uses its own words again: ask for more overlap.
SAME_SOURCE_FACTOR = 1.3
# Each attribution is indexed under at most this many of its rarest words.
BLOCK_WORDS = 8
QUOTE_MARKS = "\"“”‘’'"
PRONOUNS = frozenset("he she they it we i you him her them".split())


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


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in content_words(name) if w not in PRONOUNS)


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
    wa, wb = _name_words(a.speaker or ""), _name_words(b.speaker or "")
    if not wa or not wb:
        return None
    return wa <= wb or wb <= wa


def _same_claim(a: _Version, b: _Version, weight: dict[str, float]) -> bool:
    """Weighted overlap of content words: the story's own subject ("talks",
    the countries every sentence names) counts little, rarer words much."""
    speakers = _compatible(a, b)
    if speakers is False:
        return False
    if len(a.words & b.words) < MIN_SHARED:
        return False
    overlap = weighted_overlap(a.words, b.words, weight)
    threshold = SAME_SPEAKER_OVERLAP if speakers else UNKNOWN_SPEAKER_OVERLAP
    if a.source_id == b.source_id:
        threshold *= SAME_SOURCE_FACTOR
    return overlap >= threshold


def _versions(articles: list[Article], facts: list[ArticleFacts], resolve: Resolver) -> list[_Version]:
    by_id = {a.source.id: (i, a) for i, a in enumerate(articles)}
    versions = []
    for article_facts in facts:
        position, article = by_id[article_facts.source_id]
        outlet = article.source.outlet or article.source.id
        for attribution in article_facts.attributions:
            words = frozenset(content_words(attribution.content.text))
            if not words or not attribution.statement:
                continue
            raw_name = attribution.speaker_name or (attribution.speaker.text if attribution.speaker else None)
            speaker, speaker_id = resolve(raw_name, article.source.id) if raw_name else (None, None)
            if speaker and not _name_words(speaker):
                speaker = None  # an unresolved pronoun names nobody
            versions.append(_Version(
                (position, attribution.content.start), article.source.id, outlet, attribution, words,
                speaker, speaker_id, bool(speaker_id or attribution.speaker_name),
            ))
    versions.sort(key=lambda v: v.order)
    return versions


def _clusters(versions: list[_Version]) -> list[list[_Version]]:
    """Union of candidate pairs found through the blocks."""
    groups = Groups(len(versions))
    df = Counter(w for v in versions for w in v.words)
    weight = idf_weights(v.words for v in versions)
    blocks: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i, version in enumerate(versions):
        # A word no other attribution uses cannot bring a candidate.
        rare = sorted((w for w in version.words if df[w] > 1), key=lambda w: (df[w], w))[:BLOCK_WORDS]
        key = _speaker_key(version)
        candidates: set[int] = set()
        for word in rare:
            candidates.update(blocks.get((key, word), ()))
            if key is None:
                candidates.update(blocks.get(("*", word), ()))
            else:
                candidates.update(blocks.get((None, word), ()))
        for j in candidates:
            if groups.find(i) != groups.find(j) and _same_claim(versions[j], version, weight):
                groups.join(j, i)
        for word in rare:
            blocks[(key, word)].append(i)
            if key is not None:
                # Unknown speakers look for any speaker through this wildcard block.
                blocks[("*", word)].append(i)
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


def _sentence(speaker: str | None, content: str, quote: bool, hedge: str) -> str:
    """The claim as a sentence a reader can take in at once: "<speaker> said <content>."."""
    body = embed(content).rstrip(",;:")
    if quote:
        body = "“" + body.strip(QUOTE_MARKS) + "”"
    verb = "claimed" if hedge == "hedged" else "said"
    return f"{speaker or 'An unnamed source'} {verb} {body}."


def _claim(group: list[_Version], origin_of: dict[str, int]) -> Claim:
    first = group[0]
    # The most complete telling: a body quotation over a headline, then the fullest.
    best = max(group, key=lambda v: (not v.attribution.headline, v.attribution.quote, len(v.words), -group.index(v)))
    speaker_version = next((v for v in group if v.speaker_id), None) or next((v for v in group if v.named), None)
    speaker_version = speaker_version or next((v for v in group if v.speaker), best)
    sources = list(dict.fromkeys(v.source_id for v in group))
    outlets = len({v.outlet for v in group})
    origins = min(outlets, len({origin_of.get(sid, sid) for sid in sources}))
    hedge = _hedge(group)
    named = any(v.named for v in group)
    versions = list(dict.fromkeys(
        v.attribution.content.text for v in group if v.source_id != best.source_id
    ))
    return Claim(
        id="",
        text=best.attribution.content.text,
        speaker=speaker_version.speaker,
        cue=first.attribution.cue.text,
        quote=best.attribution.quote,
        sources=sources,
        evidence=[
            Evidence(v.source_id, v.attribution.content.start, v.attribution.content.end, v.attribution.content.text)
            for v in group
        ],
        speaker_id=speaker_version.speaker_id,
        hedge=hedge,
        outlets=outlets,
        origins=origins,
        confidence=_confidence(origins, hedge, named),
        versions=versions,
        sentence=_sentence(speaker_version.speaker, best.attribution.content.text, best.attribution.quote, hedge),
    )


def fuse_claims(articles: list[Article], facts: list[ArticleFacts], resolve: Resolver = identity,
                origin_of: dict[str, int] | None = None) -> list[Claim]:
    """Every attributed statement once, merged across articles, most salient first.

    ``resolve(name, source_id)`` gives the display name and actor id of a
    speaker name as written in that source (the actor index; identity by default).
    ``origin_of`` maps source ids to independent origins (each source its own by default).
    """
    origin_of = origin_of or {}
    versions = _versions(articles, facts, resolve)
    groups = _clusters(versions)
    prominence = Counter(_speaker_key(v) for v in versions)
    prominence.pop(None, None)

    def salience(group: list[_Version]) -> tuple:
        keys = {_speaker_key(v) for v in group} - {None}
        origins = {origin_of.get(v.source_id, v.source_id) for v in group}
        return (-len(origins), -len({v.source_id for v in group}), -max((prominence[k] for k in keys), default=0), group[0].order)

    claims = [_claim(group, origin_of) for group in sorted(groups, key=salience)]
    for number, claim in enumerate(claims, 1):
        claim.id = f"C{number}"
    return claims
