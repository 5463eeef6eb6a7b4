"""Actors across articles: one actor per person, organisation, country, group.

Each article's mentions arrive already linked (``local_id``); here the
per-article clusters are merged by normalised keys, never by comparing every
pair: a person by the full name their names stand for (surname, truncated
name), a country by its ``countryinfo`` name, an organisation by its name
without company form, joined to the full name an article used it beside or
whose acronym it is (``_OrgNames``). A name the NER typed as a person in one
article and an organisation in another becomes one actor. Places are merged
too (``merge_keys``) but listed as no actor. Actors are ranked by salience:
mentions, articles, and claims they made.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefgen.extract.names import (
    GENERATIONAL,
    canonical_names,
    clean_name,
    form_key,
    group_key,
    has_company_form,
    name_tokens,
    org_initials,
    given_name_variants,
    org_key,
    same_given_name,
    short_org_names,
    spelling_key,
)
from briefgen.extract.countries import country_of, is_demonym, nation_adjective
from briefgen.extract.places import is_place, is_time_zone
from briefgen.fuse.mention_forms import WINDOW, MentionForms, headline_end as _headline_end, lower_words, title_line, word_uses
from briefgen.model import Actor, ArticleFacts, Evidence, Mention, Span
from briefgen.sources.article import Article

ARTICLE_WEIGHT = 3  # an actor in many articles matters more than one named often in one
SPEAKER_WEIGHT = 2  # per claim the actor made
MIN_BODY_CLAIMS = 4  # claims an unnamed body ("police") makes to be listed among the actors
# What a speaker description is when it is a body: one or two words, no article, no person or document.
_BODY = re.compile(r"^(?:the\s+)?(?P<body>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)$", re.IGNORECASE)
_NOT_BODIES = frozenset(
    "he she they it we i you one someone who statement report reports poll polls survey letter letters "
    "document documents video recording spokesman spokeswoman spokesperson official source sources "
    "witness witnesses".split())


def _add_unnamed_body(actors: list[Actor], index: ActorIndex, facts: list[ArticleFacts],
                      bodies: list[str] = ()) -> None:
    """The body that speaks most without a name ("police said" eight times) is an
    actor too: the one force of that kind the articles name ("Lakeside Police
    Department"), else an actor of its own under the description."""
    unnamed: Counter[str] = Counter()
    told: dict[str, list[tuple[str, Span]]] = {}
    for f in facts:
        for a in f.attributions:
            if a.speaker is not None and not a.speaker_name and (body := _body_speaker(a.speaker.text)):
                unnamed[body] += 1
                told.setdefault(body, []).append((f.source_id, a.speaker))
    if not unnamed:
        return
    body, claims = max(unnamed.items(), key=lambda kv: (kv[1], kv[0]))
    if claims < MIN_BODY_CLAIMS or index.resolve(body) is not None:
        return
    said = told[body]
    head = body.split()[-1]
    forces = [x for x in actors if x.type == "organisation" and head in form_key(x.name).split()]
    qualified = _qualified_body(body, bodies)
    if qualified and len(forces) > 1:
        # "Velmar police" among the Velmar and state forces: the one its place names.
        forces = [x for x in forces if form_key(x.name).startswith(form_key(qualified))]
    if len(forces) == 1:
        forces[0].salience += SPEAKER_WEIGHT * claims
        index.add(forces[0], [(sid, sp.text) for sid, sp in said])
        return
    first: dict[str, Span] = {}
    for sid, sp in said:
        first.setdefault(sid, sp)
    actor = Actor(id="", name=qualified or body, type="organisation", aliases=[body] if qualified else [],
                  mentions=len(said), sources=list(first),
                  evidence=[Evidence(sid, sp.start, sp.end, sp.text) for sid, sp in list(first.items())[:MAX_EVIDENCE]],
                  salience=float(SPEAKER_WEIGHT * claims))
    index.add(actor, [(sid, sp.text) for sid, sp in said])
    actors.append(actor)


MIN_QUALIFIED = 2  # uses of "Velmar police" for it to name the body the articles call "police"


def _qualified_body(body: str, bodies: list[str]) -> str | None:
    """The body's name with the place or nation the articles most often put
    before it ("Velmar police", "Tarvish police"), used at least twice; else None."""
    pattern = re.compile(r"(?<![\w.])((?:[A-Z][\w'’-]*\s+){1,2})(" + re.escape(body) + r")(?!\w)", re.IGNORECASE)
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for text in bodies:
        for m in pattern.finditer(text):
            words = m[1].split()
            while words and not words[0][:1].isupper():
                words.pop(0)  # IGNORECASE lets "[A-Z]" match lower case too: "told Velmar police"
            if not words:
                continue
            qualifier = next((q for q in (" ".join(words), words[-1])
                              if is_place(q) or country_of(q, codes=False)), None)
            if qualifier is None:
                continue
            key = form_key(qualifier)
            counts[key] += 1
            written.setdefault(key, Counter())[f"{qualifier} {m[2]}"] += 1
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return written[key].most_common(1)[0][0] if n >= MIN_QUALIFIED else None


def _body_speaker(speaker: str) -> str | None:
    """"police", "the police", "Police" -> "police"; "a spokeswoman", "the report", "he" -> None."""
    match = _BODY.match(speaker.strip())
    if not match:
        return None
    body = match["body"].lower()
    return None if body.split()[-1] in _NOT_BODIES or body.split()[0] in ("a", "an") else body
MAX_EVIDENCE = 3
_TYPE_ORDER = ("person", "country", "organisation", "group", "place")


@dataclass
class _Cluster:
    """The mentions of one actor in one article."""

    source_id: str
    mentions: list[Mention] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)  # cleaned names as written
    # Headline forms no running text uses: found (a speaker may be named by
    # one) but never the actor's name, alias or count.
    hidden: list[Mention] = field(default_factory=list)
    label: str = ""
    key: str = ""
    fullest: str = ""


def _ranked(counter: Counter[str], first_seen: dict[str, int]) -> list[str]:
    return sorted(counter, key=lambda k: (-counter[k], first_seen[k]))


_COORDINATION = re.compile(r",|\b(?:and|or|&|as well as)\b", re.IGNORECASE)

class ActorIndex:
    """Finds the actor any written form of a name refers to."""

    def __init__(self) -> None:
        self.by_id: dict[str, Actor] = {}
        self._forms: dict[str, list[Actor]] = {}
        self._in_source: dict[tuple[str, str], Actor] = {}
        self._countries: dict[str, Actor] = {}
        self._parts: dict[str, list[Actor]] = {}  # surname and first name of people

    def add(self, actor: Actor, forms: Iterable[tuple[str, str]]) -> None:
        """Index ``actor`` under each (source id, written form)."""
        for source_id, form in set(forms):
            key = form_key(form)
            if not key:
                continue
            self._in_source.setdefault((source_id, key), actor)
            found = self._forms.setdefault(key, [])
            if not any(a is actor for a in found):
                found.append(actor)
        if actor.type == "country":
            self._countries[actor.name] = actor
        elif actor.type == "person":
            tokens = name_tokens(actor.name)
            for part in {tokens[0], tokens[-1]} if len(tokens) > 1 else ():
                self._parts.setdefault(part, []).append(actor)

    def resolve(self, name: str, source_id: str | None = None) -> Actor | None:
        """The actor ``name`` refers to, read in source ``source_id`` when given;
        None when no actor or more than one fits. Leading words that are no
        part of a name ("Defence Minister Ana Ruiz") are skipped."""
        words = form_key(name).split()
        suffixes = [" ".join(words[i:]) for i in range(len(words))]
        if _COORDINATION.search(name):
            # "Both A and B" names a group of actors, not its last member.
            suffixes = suffixes[:1]
        tokens = name_tokens(name)
        part = self._parts.get(tokens[0], []) if len(tokens) == 1 else []
        if source_id:
            # What the name meant in its own article comes first.
            for key in suffixes:
                if (source_id, key) in self._in_source:
                    return self._in_source[(source_id, key)]
            local = [a for a in part if source_id in a.sources]
            if len(local) == 1:
                return local[0]
        for key in suffixes:
            actor = self._pick(self._forms.get(key, []), source_id)
            if actor:
                return actor
        country = country_of(clean_name(name))
        if country in self._countries:
            return self._countries[country]
        return self._pick(part, source_id)

    @staticmethod
    def _pick(actors: list[Actor], source_id: str | None) -> Actor | None:
        if len(actors) > 1 and source_id:
            actors = [a for a in actors if source_id in a.sources]
        return actors[0] if len(actors) == 1 else None


def _clusters(facts: list[ArticleFacts], articles: dict[str, Article] | None = None,
              lowercase: set[str] | None = None) -> list[_Cluster]:
    forms = MentionForms(facts, articles, lowercase) if articles else None
    clusters: dict[tuple[str, int], _Cluster] = {}
    for article_facts in facts:
        for mention in article_facts.mentions:
            key = (article_facts.source_id, mention.local_id)
            cluster = clusters.setdefault(key, _Cluster(article_facts.source_id))
            if forms is not None:
                name = forms.name(article_facts.source_id, mention)
                if name is None:
                    cluster.hidden.append(mention)
                    continue
                mention = name
            cluster.mentions.append(mention)
            cluster.forms[clean_name(mention.text)] += 1
    clusters = {k: c for k, c in clusters.items() if c.mentions}
    for cluster in clusters.values():
        cluster.fullest = _fullest(cluster.forms)
        labels = Counter(m.label for m in cluster.mentions)
        cluster.label = min(labels, key=lambda lab: (-labels[lab], _TYPE_ORDER.index(lab)))
    return list(clusters.values())


def _fullest(forms: Counter[str]) -> str:
    """The longest form, not abbreviated when possible, most frequent on ties."""
    return max(forms, key=lambda f: (not _abbreviated(f), len(f.split()), forms[f], -len(f)))


def _abbreviated(form: str) -> bool:
    """The name is an acronym alone ("UN", "F.B.I."): a longer written form is
    fuller. "U.K. Navy" is fuller than "Navy"; "III" is no acronym."""
    words = form.split()
    while len(words) > 1 and words[-1].strip(",.").lower() in GENERATIONAL:
        words = words[:-1]
    return len(words) == 1 and org_initials(words[0])[1]


_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# "the village of X", "the villages of X, Y and Z": what follows is a place, named in a list too.
_CITY_OF = re.compile(r"\b(?:city|cities|town|towns|village|villages|port|province|provinces|county|counties|region|"
                      r"capital|suburb|suburbs|district|districts) of\s+"
                      r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s+|,?\s+and\s+))*$")
_REGION_AFTER = re.compile(r",\s+(?P<region>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)")  # "Carverton, Ohio"


def _placed_names(clusters: list[_Cluster], articles: dict[str, Article] | None
                  ) -> tuple[set[str], set[str], set[str]]:
    """Names some article uses as a place, by form key: (strongly: "Carverton,
    Ohio" with a known region after it, "the port city of X"; any: also "in
    Carverton", which "a stake in a company" shares; and those after "the
    village of", a place by the words alone). Without the texts, none."""
    strong, weak, of = set(), set(), set()
    for c in clusters:
        if articles is None or c.source_id not in articles:
            continue
        raw = articles[c.source_id].raw
        for m in c.mentions:
            before = raw[max(0, m.start - 80):m.start]
            region = _REGION_AFTER.match(raw, m.end)
            if _CITY_OF.search(before):
                strong.add(form_key(c.fullest))
                of.add(form_key(c.fullest))
            elif region and (is_place(region["region"]) or country_of(region["region"])):
                strong.add(form_key(c.fullest))
            elif _LOCATIVE.search(before):
                weak.add(form_key(c.fullest))
    return strong, strong | weak, of




def _places_by_name(clusters: list[_Cluster], articles: dict[str, Article] | None = None,
                    lowercase: set[str] | None = None) -> None:
    """A name some article's tagger calls a place is a place wherever the tagger
    read it as a person or a body ("in Carverton, Ohio" beside "Carverton said"):
    a person named in full ("Jack London") or a body with a company or body word
    ("Carverton Police") has its own name and keeps it."""
    if lowercase is None:
        lowercase = lower_words((articles or {}).values())
    # A gazetteer name is the town only where some text uses it as one, and when it is no
    # common word the articles also write ("Police", "Orange" are towns too).
    strong, placed, strong_of = _placed_names(clusters, articles)
    strong_any = strong_of - lowercase
    strong, placed = strong - lowercase, placed - lowercase
    places = Counter(form_key(c.fullest) for c in clusters if c.label == "place")
    others = Counter(form_key(c.fullest) for c in clusters if c.label in ("person", "organisation"))
    surnames = {name_tokens(c.fullest)[-1] for c in clusters if c.label == "person" and len(name_tokens(c.fullest)) > 1}
    for c in clusters:
        key = form_key(c.fullest)
        if c.label not in ("person", "organisation") or has_company_form(c.fullest):
            continue
        if is_time_zone(c.fullest):
            c.label = "time"  # "1630 GMT": the tagger's organisation is a clock's zone
        elif key in places and (places[key] >= others[key] or c.label == "organisation"
                                or len(name_tokens(c.fullest)) == 1):
            c.label = "place"
        elif c.label == "organisation" and is_place(c.fullest, spellings=True) and key in strong:
            c.label = "place"  # a town the tagger took for a body ("Carverton" beside "Carverton police")
        elif key in strong_any:
            c.label = "place"  # "the village of Tarvi": a place whether a gazetteer knows it or not
        elif (c.label == "person" and len(name_tokens(c.fullest)) > 1 and is_place(c.fullest)
              and key in placed):
            # A city's whole name ("San Antonio").
            c.label = "place"
        elif (c.label == "person" and len(name_tokens(c.fullest)) == 1 and key in placed
              and name_tokens(c.fullest)[0] not in surnames and is_place(c.fullest)):
            # One word written "in X" and nobody's surname: "Murphy", "Bell" are towns too,
            # but then a person of that name is in the story.
            c.label = "place"


DOMINANT = 3  # times more articles naming one bearer of a shared surname than the other
SAME_SPELLING = 0.8  # similarity of two given names (or two surnames) written two ways


def _join_spellings(canonical: dict[tuple[str, ...], tuple[str, ...]],
                    told: list[tuple[str, tuple[str, ...]]]) -> None:
    """One person spelled two ways across outlets ("Mikhail"/"Mikhael Orlov",
    "Ioannis"/"Ioanis"): two full names of two or more words, alike in
    both their first and last words (same initials, close spellings, one of the
    two words the same), that no article names side by side (an article that
    writes both means two people: "Michele" and "Michael")."""
    together: dict[tuple[str, ...], set[str]] = {}
    for source, name in told:
        together.setdefault(canonical.get(name, name), set()).add(source)
    # Compared within (initials, first or last name) only: no pass over all pairs of people.
    buckets: dict[tuple, list[tuple[str, ...]]] = {}
    # The spelling most articles use comes first and names the person, then the longer given
    # name ("William", not "Bill").
    for full in sorted({v for v in canonical.values() if len(v) > 1}, key=lambda f: (-len(together.get(f, ())), -len(f[0]), f)):
        buckets.setdefault((full[0][0], full[-1][0], "first", full[0]), []).append(full)
        buckets.setdefault((full[0][0], full[-1][0], "last", full[-1]), []).append(full)
        buckets.setdefault(("surname", full[-1]), []).append(full)  # "Bill" and "William": other initials
        buckets.setdefault(("given", full[0]), []).append(full)  # "LaRenta" and "Renta"
    joined: dict[tuple[str, ...], tuple[str, ...]] = {}
    for names in buckets.values():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                root = joined.get(a, a)
                if b in joined or root == b:
                    continue
                given = same_given_name(a[0], b[0]) or _alike(a[0], b[0]) >= SAME_SPELLING
                if not given or _alike(a[-1], b[-1]) < SAME_SPELLING:
                    continue
                # The whole group, not only the pair, must never share an article.
                group = [n for n in together if joined.get(n, n) == root] + [root]
                if any(together.get(n, set()) & together.get(b, set()) for n in group):
                    continue
                joined[b] = root
    for name, full in canonical.items():
        canonical[name] = joined.get(full, full)
    # A surname two people share is the one most articles name, when they name
    # one at least three times as often as the other (the man beside his wife).
    articles_of: dict[tuple[str, ...], set[str]] = {}
    for source, name in told:
        articles_of.setdefault(canonical.get(name, name), set()).add(source)
    by_surname: dict[str, set[tuple[str, ...]]] = {}
    for name, full in canonical.items():
        if len(name) > 1:
            by_surname.setdefault(name[-1], set()).add(full)
    for name in {n for _, n in told if len(n) == 1 and canonical.get(n, n) == n}:
        bearers = sorted((len(articles_of.get(f, ())), f) for f in by_surname.get(name[0], ()))
        if len(bearers) > 1 and bearers[-1][0] >= DOMINANT * max(1, bearers[-2][0]):
            canonical[name] = bearers[-1][1]
    # A nickname alone for the one person whose given name it is ("Maddie" of "Madeline Orsk").
    by_given: dict[str, set[tuple[str, ...]]] = {}
    for full in {v for v in canonical.values() if len(v) > 1}:
        by_given.setdefault(full[0], set()).add(full)
    for name in {n for _, n in told if len(n) == 1 and canonical.get(n, n) == n}:
        matches = set().union(*(by_given.get(g, ()) for g in given_name_variants(name[0])))
        if len(matches) == 1:
            canonical[name] = matches.pop()


def _alike(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return 1.0 if a == b else SequenceMatcher(None, a, b).ratio()


def _assign_keys(clusters: list[_Cluster], articles: dict[str, Article] | None = None,
                 lowercase: set[str] | None = None) -> None:
    _places_by_name(clusters, articles, lowercase)
    people = {id(c): name_tokens(c.fullest) for c in clusters if c.label == "person"}
    # Single-word organisation names join the people's names so that a
    # surname the NER took for an organisation finds its person.
    org_words = {id(c): name_tokens(c.fullest) for c in clusters if c.label == "organisation"}
    org_words = {k: v for k, v in org_words.items() if len(v) == 1}
    canonical = canonical_names([*people.values(), *org_words.values()])
    _join_spellings(canonical, [(c.source_id, people[id(c)]) for c in clusters if id(c) in people])
    # A single word tagged a person in one article and an organisation in
    # another is a person only when it stands for a person's full name: news
    # names people in full at least once, companies often by one word.
    tagged_org = set(org_words.values())
    for c in clusters:
        tokens = people.get(id(c)) or org_words.get(id(c))
        if not tokens or len(tokens) > 1:
            continue
        if canonical[tokens] != tokens:
            if c.label == "organisation":
                c.label, people[id(c)] = "person", tokens
        elif c.label == "person" and tokens in tagged_org:
            c.label = "organisation"
            del people[id(c)]
    bodies = [a.raw_body for a in articles.values()] if articles else []
    organisations = _OrgNames([c for c in clusters if c.label == "organisation"], bodies)
    for c in clusters:
        tokens = people.get(id(c), ())
        if c.label == "person" and len(tokens) == 1 and canonical[tokens] == tokens \
                and tokens[0] in organisations.short and c.forms.keys() <= {t for t in c.forms if t[:1].isupper()}:
            # "Quell", nobody's name in full, is the firm "Quell Advisors" it begins.
            c.label = "organisation"
        if c.label == "person":
            c.key = "person:" + " ".join(canonical[people[id(c)]])
        elif c.label == "country":
            country = next(filter(None, map(country_of, c.forms)), None)
            c.key = "country:" + (country or org_key(c.fullest))
        elif c.label == "organisation":
            c.key = "org:" + organisations.key(c.fullest)
        elif c.label in ("place", "time"):
            c.key = f"{c.label}:" + form_key(c.fullest)
        else:
            c.key = "group:" + group_key(c.forms.most_common(1)[0][0])
    _join_person_and_organisation(clusters)


class _OrgNames:
    """Which organisation each written name stands for, across articles.

    Names are joined when an article used both for one body ("Tarvo"
    beside "Tarvo Mining"), unless the shorter was used so for two different
    bodies; a name is also the one full name whose initials it is, the one
    two-word name it starts, or the one full name it is without its country
    ("Air Guard" of "Dovaran Air Guard"). Joined names form groups (a
    union-find over keys), so the order articles come in does not matter.
    """

    def __init__(self, clusters: list[_Cluster], bodies: list[str] = ()) -> None:
        self.by_initials: dict[str, set[str]] = {}
        self.without_country: dict[str, set[str]] = {}
        self.parent: dict[str, str] = {}
        seen_with: dict[str, set[str]] = {}
        full_keys = set()
        complete = set()
        written_as = {org_key(f): clean_name(f) for c in clusters for f in c.forms}
        told_in: dict[str, set[str]] = {}  # every written name, abbreviated ones too ("U.K. Navy")
        for c in clusters:
            for form in c.forms:
                told_in.setdefault(org_key(form), set()).add(c.source_id)
            fullest = c.fullest
            letters, abbreviated = org_initials(fullest)
            if abbreviated:
                continue
            full = org_key(fullest)
            full_keys.add(full)
            complete |= {org_key(f) for f in c.forms if has_company_form(f)}
            if len(letters) > 1:
                self.by_initials.setdefault(letters, set()).add(full)
            for form in c.forms:
                if org_key(form) != full:
                    seen_with.setdefault(org_key(form), set()).add(full)
            words = full.split()
            written = clean_name(fullest).split()
            for n in range(1, len(words) - 1):
                if country_of(" ".join(words[:n]), codes=False, capitals=False):
                    self.without_country.setdefault(" ".join(words[n:]), set()).add(full)
            # "Seattle Mariners" is "Mariners" without its city, as a body is without its country.
            for n in range(1, min(len(written), len(words)) - 1 + 1):
                if len(words) - n >= 1 and " ".join(written[:n]) and is_place(" ".join(written[:n])) \
                        and org_key(" ".join(written[n:])) == " ".join(words[n:]):
                    self.without_country.setdefault(" ".join(words[n:]), set()).add(full)
        self.short = short_org_names(full_keys, complete)
        self._join_variants(written_as, bodies)
        for short, fulls in seen_with.items():
            roots = {self._find(f) for f in fulls}
            if len(roots) == 1:
                self._join(short, roots.pop())
        self._join_last_words(told_in)

    def _join_last_words(self, told_in: dict[str, set[str]]) -> None:
        """A one-word name is the body whose name it ends ("Navy" of "Tarvish
        Navy", "Caps" of "Red Caps") when the articles name that body at least as
        widely, and, if it ends two bodies' names, one DOMINANT times more
        widely than the other ("Tarvish Navy" beside a "Olmenian Navy" named once);
        "Congress", named more widely than "Library of Congress", stays itself."""
        ends: dict[str, set[str]] = {}
        for full in told_in:
            words = full.split()
            if len(words) > 1:
                ends.setdefault(words[-1], set()).add(full)
        for short in sorted(told_in):
            if len(short.split()) != 1 or short not in ends or self._find(short) != short:
                continue
            reach: Counter[str] = Counter()
            for full in ends[short]:
                root = self.key(full)  # "Red Caps" is "Lakeside Red Caps" without its city: one body
                if root != short:
                    reach[root] += len(told_in.get(full, ()))
            ranked = reach.most_common(2)
            if not ranked or ranked[0][1] < len(told_in.get(short, ())):
                continue
            if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
                self._join(short, ranked[0][0])

    def _join_variants(self, written_as: dict[str, str], bodies: list[str]) -> None:
        """One body written several ways: "Department of Transport" and
        "Transport Department"; "Rangers"/"Ranger", "Advisors"/"Advisers"
        (one word spelled two ways, the rest the same); and a name followed by
        a common noun the articles write in lower case after it ("Tarvo Savings
        Bank" beside "Tarvo bank", "TNA news agency") is the name."""
        keys = set(written_as)
        for key, written in written_as.items():
            words = key.split()
            if len(words) >= 3 and words[1] == "of":  # "department of (the) interior"
                rest = words[3:] if words[2] == "the" else words[2:]
                inverted = " ".join([*rest, words[0]])
                if inverted in keys:
                    self._join(key, inverted)
            parts = written.split()
            if len(parts) < 2:
                continue
            bare = parts[:]
            while len(bare) > 1 and bare[-1][:1].islower():
                bare.pop()  # lower-case words the tagger ran into the name
            if len(bare) == len(parts) and len(parts) == len(words):
                lowered = " ".join(parts[:-1]) + " " + parts[-1].lower()
                if any(next(word_uses(body, lowered), None) is not None for body in bodies):
                    bare = parts[:-1]
            short = org_key(" ".join(bare))
            if short != key and short in keys:
                self._join(key, short)
        for a, b in _one_word_apart(sorted(keys)):
            self._join(a, b)

    def _find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while key != root:  # path compression keeps later finds short
            self.parent[key], key = root, self.parent[key]
        return root

    def _join(self, short: str, full: str) -> None:
        short, full = self._find(short), self._find(full)
        if short != full:
            self.parent[short] = full  # the group is known by its full name

    def key(self, name: str) -> str:
        letters, abbreviated = org_initials(name)
        key = org_key(name)
        if key not in self.parent:
            for candidates in (self.by_initials.get(letters, ()) if abbreviated else (),
                               self.without_country.get(key, ())):
                if len(candidates) == 1:
                    key = next(iter(candidates))
                    break
            else:
                key = self.short.get(key, key)
        return self._find(key)


def _one_word_apart(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of names of two or more words that are one word spelled two ways
    ("rangers"/"ranger service", "advisors"/"advisers"): the rest the same,
    that word a plural or spelling variant. Bucketed by the name with that
    word folded, so no pass over all pairs."""
    buckets: dict[tuple, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            for n in range(len(words)):
                buckets.setdefault((n, *words[:n], _variant(words[n]), *words[n + 1:]), []).append(name)
    return [(a, b) for group in buckets.values() for a, b in zip(group, group[1:]) if a != b]


def _variant(word: str) -> str:
    """A word without its plural "s" and with "-or"/"-er", "-ise"/"-ize" made one:
    "Rangers" and "Ranger", "Advisors" and "Advisers" (never "Austrian" and
    "Australian", two bodies)."""
    word = word.removesuffix("s")
    return re.sub(r"(?:or|er)$", "er", re.sub(r"is(?=e$|ation$)", "iz", word))


def _join_person_and_organisation(clusters: list[_Cluster]) -> None:
    """A name of two or more words the NER took for a person in one article
    and an organisation in another is one actor, of the type most mentions give."""
    by_name: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.label in ("person", "organisation"):
            name = c.key.split(":", 1)[1].replace("-", " ")  # a person's key splits hyphens, a body's keeps them
            if len(name.split()) > 1:
                by_name.setdefault(name, []).append(c)
    # "Quell Advisers" (a person in one article) is "Quell Advisors": one word spelled two ways.
    for a, b in _one_word_apart(sorted(by_name)):
        if a in by_name and b in by_name and {c.label for c in by_name[a]} != {c.label for c in by_name[b]}:
            by_name[a] += by_name.pop(b)
    for group in by_name.values():
        counts = Counter()
        for c in group:
            counts[c.label] += len(c.mentions)
        if len(counts) > 1:
            label = min(counts, key=lambda lab: (-counts[lab], _TYPE_ORDER.index(lab)))
            key = next(c.key for c in group if c.label == label)
            for c in group:
                c.key = key


def _name(label: str, key: str, forms: Counter[str]) -> str:
    if label == "country":
        country = next(filter(None, map(country_of, forms)), None)
        if country:
            return country
    if label == "person":
        full = tuple(key.removeprefix("person:").split())
        matching = [f for f in forms if name_tokens(f) == full]
        if matching:
            return max(matching, key=lambda f: (forms[f], -len(f)))
    if label == "group":
        return forms.most_common(1)[0][0]
    return _fullest(forms)


_SENTENCE_OPENS = ".!?:;\"“”‘’'(—–-"


def _no_name(group: list[_Cluster], articles: dict[str, Article], headline_end: dict[str, int],
             lowercase: set[str]) -> bool:
    """Words the tagger took for a name: only ever in headlines ("Handcuffs
    Guards", a headline's Title Case), or one word that only opens sentences
    and that the articles also write in lower case ("Riot police ...",
    "Protests spread ...": the capital is the sentence's, not a name's)."""
    mentions = [(c.source_id, m) for c in group for m in c.mentions]
    if all(m.start < headline_end.get(sid, 0) or title_line(articles[sid].raw, m.start) for sid, m in mentions):
        return True
    words = {clean_name(m.text) for _, m in mentions}
    if len(words) != 1 or len(next(iter(words)).split()) != 1 or next(iter(words)).lower() not in lowercase:
        return False
    for sid, m in mentions:
        raw = articles[sid].raw
        window = raw[max(0, m.start - WINDOW):m.start]  # bounded: a one-line article is long
        line = window[window.rfind("\n") + 1:]
        before = window.rstrip()
        if m.start >= headline_end.get(sid, 0) and line.strip() and before and before[-1] not in _SENTENCE_OPENS:
            return False  # used as a name inside a sentence
    return True


def _build(group: list[_Cluster], articles: dict[str, Article]) -> tuple[Actor, list[tuple[str, str]]]:
    mentions = [(c.source_id, m) for c in group for m in c.mentions]
    labels = Counter(c.label for c in group for _ in c.mentions)
    label = min(labels, key=lambda lab: (-labels[lab], _TYPE_ORDER.index(lab)))
    forms: Counter[str] = Counter()
    first_form: dict[str, int] = {}
    roles: Counter[str] = Counter()
    role_forms: dict[str, Counter[str]] = {}
    first_role: dict[str, int] = {}
    for n, (_, m) in enumerate(mentions):
        form = clean_name(m.text)
        forms[form] += 1
        first_form.setdefault(form, n)
        if m.role:
            key = spelling_key(m.role)
            roles[key] += 1
            role_forms.setdefault(key, Counter())[m.role] += 1
            first_role.setdefault(key, n)
    name = _name(label, group[0].key, forms)
    aliases: list[str] = []
    seen = {name.lower()}
    for form in _ranked(forms, first_form):
        if form.lower() not in seen:
            seen.add(form.lower())
            aliases.append(form)
    first: dict[str, Mention] = {}
    for source_id, m in mentions:
        if source_id not in first or m.start < first[source_id].start:
            first[source_id] = m
    sources = list(first)
    evidence = [Evidence(s, m.start, m.end, articles[s].raw[m.start:m.end])
                for s, m in list(first.items())[:MAX_EVIDENCE]]
    # A nation's or a faith's adjective ("Tarvish trawler", "Tarvish-born woman") describes
    # someone else: it is no mention of the state or group acting.
    acting = [(s, m) for s, m in mentions if not (label in ("country", "group") and _descriptive(m, articles[s].raw))]
    actor = Actor(
        id="",
        name=name,
        type=label,
        aliases=aliases,
        roles=[role_forms[k].most_common(1)[0][0] for k in _ranked(roles, first_role)],
        mentions=len(mentions),
        sources=sources,
        evidence=evidence,
        salience=float(len(acting) + ARTICLE_WEIGHT * len({s for s, _ in acting})),
    )
    hidden = [(c.source_id, m.text) for c in group for m in c.hidden]
    return actor, [(s, m.text) for s, m in mentions] + [(s, name) for s in sources] + hidden


_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]++[A-Za-z]")
_LOWER_AFTER = re.compile(r"(?<![ \t])[ \t]++[a-z]")


def _descriptive(mention: Mention, raw: str) -> bool:
    """A nation's or a group's adjective with a word after it: "Tarvish" of "Tarvish
    trawler"; "Thais", "Thailand" name the actor."""
    form = clean_name(mention.text)
    if len(form.split()) != 1 or form.endswith("s"):
        return False
    if is_demonym(form) or nation_adjective(form):
        return _WORD_AFTER.match(raw, mention.end) is not None
    # A group's word before a lower-case word: "Orthodox convert", "Olmenian tanker"; a verb
    # after it ("the Taliban seized") is the rarer use, and any use that ends a
    # phrase ("fought the Taliban.") keeps the group an actor.
    return not country_of(form, demonyms=False) and _LOWER_AFTER.match(raw, mention.end) is not None


def merge_keys(facts: list[ArticleFacts], articles: list[Article] | None = None) -> dict[tuple[str, int], str]:
    """The actor each article's mention cluster merges into: (source id,
    local id) -> merge key; equal keys are one actor."""
    by_source = {a.source.id: a for a in articles} if articles else None
    clusters = _clusters(facts, by_source)
    _assign_keys(clusters, by_source)
    keys = {(c.source_id, c.mentions[0].local_id): c.key for c in clusters}
    for f in facts:  # a cluster only ever in headlines names no actor: a key of its own
        for m in f.mentions:
            keys.setdefault((f.source_id, m.local_id), f"none:{f.source_id}:{m.local_id}")
    return keys


def fuse_actors(articles: list[Article], facts: list[ArticleFacts],
                speakers: Counter[str] | None = None) -> tuple[list[Actor], ActorIndex]:
    """Merge the articles' mentions into actors, most salient first (ids A1...).

    ``speakers`` counts claims per speaker name; each claim an actor made
    adds ``SPEAKER_WEIGHT`` to its salience.
    """
    by_source = {a.source.id: a for a in articles}
    lowercase = lower_words(articles)
    clusters = _clusters(facts, by_source, lowercase)
    _assign_keys(clusters, by_source, lowercase)
    groups: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        groups.setdefault(cluster.key, []).append(cluster)
    index = ActorIndex()
    actors = []
    headline_end = {a.source.id: _headline_end(a) for a in articles}
    for key, group in groups.items():
        if key.startswith(("place:", "time:")):
            continue  # where and when things happen, not who acts
        if _no_name(group, by_source, headline_end, lowercase):
            continue
        actor, forms = _build(group, by_source)
        index.add(actor, forms)
        if actor.salience > 0:  # only ever an adjective: a description, no actor
            actors.append(actor)
    for speaker, claims in (speakers or Counter()).items():
        actor = index.resolve(speaker)
        if actor:
            actor.salience += SPEAKER_WEIGHT * claims
    _add_unnamed_body(actors, index, facts, [a.raw_body for a in articles])
    # Stable sort: equal salience keeps the order actors were first met.
    actors.sort(key=lambda a: -a.salience)
    for n, actor in enumerate(actors, 1):
        actor.id = f"A{n}"
        index.by_id[actor.id] = actor
    return actors, index
