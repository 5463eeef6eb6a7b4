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
    post decry label brand dub characterise characterize continue remind imply chant shout
    yell joke retweet proclaim bemoan recount detail outline
    """.split()
)

# Verbs whose direct object alone is a statement ("denied the allegations",
# "confirmed the visit"); "say" and "tell" take an addressee instead.
OBJECT_CUES = frozenset(
    """
    deny confirm announce reveal unveil divulge disclose acknowledge admit dispute
    contest reject rebut refute predict estimate forecast allege report claim accuse
    propose recommend promise demand show mention declare highlight emphasize
    emphasise stress underscore detail outline tweet retweet post note recall
    """.split()
)

# Object cues whose object is still a position worth reporting: "denied the allegations".
DISPUTE_CUES = frozenset("deny dispute contest reject rebut refute".split())

# Verbs that report an appeal: the content is "<addressee> to <act>".
APPEAL_CUES = frozenset("call urge ask warn tell demand press implore convince persuade encourage invite".split())

# Verbs that characterise something: "called the charges 'baseless'",
# "described the plan as reckless".
DESCRIBE_CUES = frozenset("call describe label brand dub characterise characterize deem".split())

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

# Attachments that finish an object's meaning ("accused him of lying").
OBJECT_TAIL_PREPS = frozenset("of for as about over with".split())

# Verbs that report a question; "if" and "whether" open what was asked.
QUESTION_CUES = frozenset("ask wonder question".split())
QUESTION_MARKS = frozenset("if whether".split())
# A topic stands in for the content when nothing else does ("wrote about the visit").
TOPIC_PREPS = frozenset("about of for against over".split())

# Documents and counts that are the source of their sentence ("In a new poll, ...").
DOCUMENT_NOUNS = frozenset(
    """
    poll survey report study analysis review audit census tally count estimate projection
    forecast data finding filing lawsuit memo letter book memoir article editorial column
    op-ed essay document record transcript
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
    "think": "hedged",
    "expect": "hedged",
    "suspect": "hedged",
    "fear": "hedged",
    "hope": "hedged",
    "hop": "hedged",
    "assume": "hedged",
    "guess": "hedged",
    "feel": "hedged",
    "doubt": "hedged",
    "report": "reported",
}

# Pronouns resolved to an earlier person, and to an earlier group of speakers.
PERSON_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them".split())

# Broader senses of attribution: what a source thinks, wants or stands for.
# Verbs of thought whose clause complement is a view ("believes the vote was rigged");
# "hop" is the lemma spaCy's small model gives "hopes" and "hoping".
MIND_VERBS = frozenset(
    """
    think believe know feel fear worry hope expect suspect doubt assume consider
    realize realise understand recognize recognise see remember imagine wonder figure
    reckon guess learn determine decide bet presume sense hear notice acknowledge agree
    envision contemplate hop
    """.split()
)
# Verbs of intention whose infinitive is the content ("wants to run", "declined to comment").
INTENT_VERBS = frozenset(
    """
    want plan hope seek intend aim decline refuse offer decide prefer wish expect
    vow promise pledge threaten agree hop
    """.split()
)
# Verbs of stance whose object is the content ("endorsed the governor", "criticized the plan").
STANCE_VERBS = frozenset(
    """
    support oppose endorse back criticize criticise praise defend attack blame slam blast
    denounce condemn mock dismiss question favor favour welcome applaud thank
    champion hail lambaste lambast assail rebuke fault ridicule deride advocate
    cite quote discuss express voice echo dislike portray tout decry reject view regard
    offer list like love prefer ignore reference congratulate expose invoke credit
    """.split()
)
# Nouns of stance and intention: "her criticism of the plan", "his plan to run".
STANCE_NOUNS = frozenset(
    """
    plan support criticism refusal call demand proposal decision opposition endorsement
    complaint concern praise vow desire wish hope fear request push
    """.split()
)
STANCE_NOUN_PREPS = frozenset("of for about on against over to".split())
# Adjectives of attitude: "is confident that ...", "was critical of ...".
STANCE_ADJECTIVES = frozenset(
    """
    concerned worried confident sure certain convinced aware skeptical sceptical critical
    supportive proud happy unhappy satisfied dissatisfied angry upset optimistic pessimistic
    hopeful afraid eager determined opposed willing reluctant unwilling disappointed
    frustrated furious outraged glad pleased wary fearful doubtful adamant
    """.split()
)
ADJECTIVE_PREPS = frozenset("with about of by over on at that for".split())
# Verbs of thought that also take their object as the view ("understands the anxiety").
MIND_OBJECT_VERBS = frozenset(
    "understand recognize recognise fear doubt expect remember imagine consider view regard".split()
)

# Verbs whose stance object comes after a preposition ("referred to the report").
STANCE_PREPS = frozenset(
    {
        ("refer", "to"), ("talk", "about"), ("speak", "about"), ("speak", "of"), ("point", "to"),
        ("focus", "on"), ("push", "for"), ("rail", "against"), ("argue", "for"), ("argue", "against"),
        ("campaign", "for"), ("campaign", "against"), ("vote", "for"), ("vote", "against"),
        ("warn", "about"), ("warn", "of"), ("warn", "against"), ("complain", "about"),
        ("joke", "about"), ("worry", "about"), ("comment", "on"), ("ask", "about"),
        ("lash", "at"), ("weigh", "on"), ("speak", "against"), ("advocate", "for"),
        ("respond", "to"), ("reply", "to"), ("react", "to"), ("object", "to"), ("allude", "to"),
        ("hint", "at"), ("aim", "at"), ("believe", "in"),
        ("insist", "on"), ("dwell", "on"), ("touch", "on"), ("seize", "on"), ("reflect", "on"),
        ("agree", "on"), ("side", "with"), ("disagree", "with"), ("caution", "against"),
        ("apologize", "for"), ("vouch", "for"), ("stand", "by"), ("care", "about"),
        ("distance", "from"), ("think", "of"),
    }
)
# Verbs that attribute an impression to no one in particular ("the race appears closer").
SEEM_VERBS = frozenset("seem appear".split())
