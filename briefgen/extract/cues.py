"""The reporting-cue lexicon: words that introduce attributed speech.

Kept as data so the attribution rules stay free of word lists. Lemmas are
spaCy lemmas (lower case).
"""

from __future__ import annotations

# Verbs whose subject is a source and whose complement is what the source said.
CUE_VERBS = frozenset(
    """
    say tell claim warn note insist deny urge argue add acknowledge report believe
    announce confirm explain state write reveal indicate emphasize emphasise stress
    contend assert allege suggest estimate predict tweet testify accuse agree admit
    concede complain call ask reply respond describe elaborate divulge unveil contest
    dispute maintain declare observe remark comment caution point recall reiterate
    promise pledge vow threaten assure tout boast brief disclose assess conclude find
    show hint signal underscore underline highlight lament charge counter protest demand
    propose recommend forecast project mention reject rebut refute repeat answer blog
    post decry label brand dub characterise characterize
    """.split()
)

# Verbs whose direct object alone is a statement ("denied the allegations",
# "confirmed the visit"); "say" and "tell" take an addressee instead.
OBJECT_CUES = frozenset(
    """
    deny confirm announce reveal unveil divulge disclose acknowledge admit dispute
    contest reject rebut refute predict estimate forecast allege report claim
    """.split()
)

# Object cues whose object is still a position worth reporting: "denied the allegations".
DISPUTE_CUES = frozenset("deny dispute contest reject rebut refute".split())

# Verbs that report an appeal: the content is "<addressee> to <act>".
APPEAL_CUES = frozenset("call urge ask warn tell demand press implore".split())

# Verbs that characterise something: "called the charges 'baseless'",
# "described the plan as reckless".
DESCRIBE_CUES = frozenset("call describe label brand dub characterise characterize".split())

# Prepositions that carry the addressee of an appeal ("called on", "called for").
APPEAL_PREPS = frozenset("on for upon".split())

# Nouns that carry a statement in a "that" clause ("her claim that ...").
NOUN_CUES = frozenset(
    """
    statement claim assertion allegation announcement remark comment view
    warning accusation argument insistence denial admission belief estimate
    prediction assessment conclusion suggestion report testimony message
    contention charge promise pledge assurance position case
    """.split()
)

# Phrases built on a preposition: (first word, second word).
PREPOSITIONAL_CUES = frozenset({("according", "to")})

# Adverbs that lower the certainty of every statement in their sentence.
HEDGE_ADVERBS = frozenset(
    "reportedly allegedly apparently purportedly supposedly ostensibly seemingly".split()
)
# Words that lower the certainty of the statement they stand in ("is said to"
# is read from the parse: a passive "say" with an infinitive).
HEDGE_WORDS = HEDGE_ADVERBS | frozenset(
    "claimed alleged purported rumoured rumored unconfirmed unverified".split()
)
# Modal verbs of possibility (read only when tagged as modals: "May" is also a month).
HEDGE_MODALS = frozenset("could may might".split())

# How the cue itself qualifies the statement; unlisted cues assert.
CUE_HEDGE = {
    "claim": "hedged",
    "allege": "hedged",
    "suggest": "hedged",
    "believe": "hedged",
    "hint": "hedged",
    "report": "reported",
}

# Pronouns resolved to an earlier person, and to an earlier group of speakers.
PERSON_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them".split())
