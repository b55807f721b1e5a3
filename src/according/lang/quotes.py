"""English word data of quote attribution: reporting verbs and the words around them.

Read by ``according.quotes.cues`` (the cue model's features and the speech/belief
category). Nothing here imports spaCy: the functions take plain strings (lemma,
coarse part of speech, entity label) so the same data serves every caller.
"""

from __future__ import annotations

import re

from .organisations import SOURCE_ORGANISATION_NOUNS
from .reporting import CLAIM_VERBS as _CLAIM_VERBS

# Dependency labels (spaCy's English label set: English grammar, so it lives with the word
# data). Labels of words that (almost) never head a cue: in 400 PolNeAR train
# articles 6 of 9,719 cue heads were auxiliaries; skipping them saves a quarter
# of the candidates ("be", "have", "do").
CUE_NEVER_HEAD_DEPS = frozenset(("aux", "auxpass", "det", "cc", "mark", "nummod", "poss"))

# Dependents that make a past participle no reduced passive ("when asked" has none of them;
# quotes/rules.py)
REDUCED_PASSIVE_NOT = ("aux", "auxpass", "nsubj", "nsubjpass", "csubj", "agent")
# Labels the parser gives a source written after its cue ("..., said a former spokesman")
INVERTED_SOURCE_DEPS = ("dobj", "attr", "npadvmod", "appos", "oprd", "acomp")
# Verbs of being that make a subject "it" a placeholder for a clause ("it became clear that
# ...", "it appears that ...", "it is unclear whether ..."): PolNeAR gives such cues no source.
EXPLETIVE_IT_VERBS = frozenset("be become seem appear remain".split())

# Dependency labels of a cue candidate's dependents that become features of the cue model
# (which dependents it has, alone and crossed with its lemma).
CUE_FEATURE_DEPS = (
    "nsubj",
    "nsubjpass",
    "ccomp",
    "xcomp",
    "dobj",
    "dative",
    "prep",
    "parataxis",
    "advcl",
    "agent",
    "oprd",
    "acomp",
    "attr",
    "aux",
    "auxpass",
    "neg",
    "prt",
    "acl",
    "relcl",
    "mark",
    "pobj",
    "conj",
)

# Dependency labels under which a cue candidate's governing verb becomes a feature ("went on
# to say": say is the xcomp of go), and those of its dependents whose quotation marks do.
GOVERNED_DEPS = frozenset(("xcomp", "ccomp", "advcl", "conj", "acl", "relcl"))
QUOTING_DEPS = frozenset(("ccomp", "xcomp", "dobj", "parataxis"))
# Labels of a verb that modifies a noun ("foods sold in the region", "the price it paid"):
# such a verb does not make a noun phrase a reported clause. (Not amod: the parser makes
# some finite verbs adjectives, "stating that this shortened supply chains".)
NOUN_MODIFIER_DEPS = frozenset(("acl", "relcl"))
# Quotation-mark tokens as the parser writes them (curly, straight, and PTB ``/'').
QUOTE_MARK_TOKENS = frozenset(("\u201c", "\u201d", '"', "''", "``"))

# Verbs and nouns of communication: the cue lemmas whose attributions are
# things said or written. Everything else the cue model accepts is a belief,
# intention, perception or finding.
SPEECH = frozenset(
    """
according accuse add address admit advise allege announce answer argue ask assert assure
attack blame blast boast brag call caution charge cite claim comment complain concede
condemn confess confirm contend counter criticize criticise declare decry demand deny
describe dismiss disclose emphasize emphasise endorse explain insist instruct interview joke
lament mention mock note object order plead pledge praise predict proclaim promise
propose protest quip quote recall recount reiterate reject remark remind reply report
respond retort reveal say scold shout slam state stress suggest swear tell testify
threaten tout tweet twitter urge vow warn write post statement remarks comment speech
interview announcement claim testimony letter tweet email memo interview chant yell
insist declaration pledge promise warning message argument accusation allegation
assertion question inquire reiterate underscore acknowledge express
""".split()
)

# Verbs of thinking, feeling and perceiving: a quotation under them ("believes “...”",
# "hopes “...”") is not something said. Any other verb quoting a person word for word is
# speech (``cues.category``).
BELIEF_VERBS = frozenset(
    """believe think feel hope fear know expect want wish see hear consider doubt suspect
worry assume imagine wonder understand find view regard""".split()
)
# mention_class values of a source that speaks: a person (name or pronoun) or a role noun.
QUOTED_SPEAKER_CLASSES = frozenset(("per", "spk"))

# Verbs that report words only in some contexts: "the court ruled that ...", "her
# statement read: “...”", "“...,” he continues", "she points out that ...". They are
# speech when what they govern is a clause or quoted words, and (see
# :data:`SPEECH_PARTICLE`) when they carry their particle; "prices continued to rise",
# "he read the report", "she pointed to the chart" stay beliefs (or no quote at all).
SPEECH_IN_CONTEXT = frozenset("rule read continue point go conclude observe".split())
# ... of those, the ones that are speech only quoting words ("“...,” he continues"):
# "continue" and "go" with a clause are aspect ("continued to rise"), not speech.
SPEECH_ONLY_QUOTING = frozenset("continue go".split())
# ... and the ones that need a particle in the cue ("points out", "went on").
SPEECH_PARTICLE = {"point": "out", "go": "on"}

# Verbs of evaluation that are speech acts but rarely *report* what was said:
# "criticized the plan", "praised the deal". They count as speech only when
# the content quotes words ("mocked Rubio for “having a tough night”"), so
# that who-said-what lists do not fill with stances.
WEAK_SPEECH = frozenset(
    """attack blame blast condemn criticize criticise decry dismiss endorse mock
praise reject scold slam tout order propose address interview cite quote object protest threaten
lament remind ask answer mention""".split()
)

# Speech verbs whose noun-phrase object is itself what was said ("called for new
# tariffs", "described the talks as inconclusive", "denied the report"). "charge" is
# not one: its noun-phrase object is a price ("charged a premium"); "charged that ..."
# and "charged him with fraud" (a clause or quoted words) stay speech.
NP_CONTENT = frozenset(
    """call describe accuse urge demand deny claim question blame
propose promise pledge vow warn predict allege""".split()
)

# Prepositions that make a speech verb name a topic, not what was said: "writes about
# style", "spoke of his childhood" (an author box, a profile).
TOPIC_PREPS = frozenset("about on of".split())

# Hearsay: a passive reporting verb with nobody saying ("This is said to be ...", "he is
# reported to have left", "is alleged to have"): no speaker, so not a quote of anyone.
HEARSAY_PASSIVE = frozenset("say report rumor rumour allege claim".split())
PASSIVE_AUX = frozenset("is are was were be been being 's".split())

# Negations inside a cue span ("did not reveal", "would not say", "never said").
NEGATIONS = frozenset("not n't never".split())
# Words opening a reported clause, a statement or a question ("mentioned that the plan was
# late", "asked whether the funds were spent", "asked why the vote was delayed"): under a
# verb of evaluation, asking or mentioning (:data:`WEAK_SPEECH`) such a clause is what was
# said or asked, so the cue reports words ("asked him to resign", "mentioned the plan" do not).
# A wh-word opens a question only under a verb of asking: "criticized what he did" is a thing
# done, "asked what he would do" a question.
COMPLEMENT_OPENERS = frozenset("that whether if".split())
QUESTION_WORDS = frozenset("why how what when where who which".split())
ASKING_VERBS = frozenset("ask inquire enquire query".split())

# Heads of an "according to" object (or a subject) that are findings, not speakers:
# "according to an investigation", "according to the data". A finding is attributed to
# someone (category belief in analysis-v1), it was not said.
FINDING_NOUNS = frozenset(
    """investigation study analysis data figure figures estimate estimates poll survey
census record records research review audit model projection projections forecast
calculation calculations count tally statistic statistics test tests result results
measurement measurements search tracker database index ranking rankings""".split()
)

# Nouns for things that carry words: a statement reads, a sign says, a letter states.
DOCUMENT_NOUNS = frozenset(
    """statement letter report memo message note email e-mail post tweet release filing
complaint lawsuit suit document documents sign notice order ruling verdict decision
indictment affidavit transcript article editorial column book website site page
announcement press headline caption petition motion brief""".split()
)

# Nouns of people speaking in a role: subjects that say things ("the official said").
SPEAKER_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson minister president secretary
director chief head leader leaders lawyer lawyers attorney attorneys analyst analysts
expert experts economist economists source sources aide aides adviser advisers advisor
advisors people person man woman men women resident residents witness witnesses police
officer officers authorities governor mayor senator senators candidate candidates
campaign government ministry department agency company firm group party committee
council court judge justice prosecutor prosecutors investigator investigators doctor
doctors scientist scientists researcher researchers professor teacher student students
worker workers employee employees member members representative representatives
chairman chairwoman chair executive executives founder owner manager managers
lawmaker lawmakers legislator legislators politician politicians diplomat diplomats
activist activists critic critics supporter supporters opponent opponents voter voters
parent parents mother father son daughter wife husband friend friends neighbor
neighbours neighbor neighbors family relative relatives victim victims survivor
survivors administration office commission board union organization organisation
spokespeople""".split()
)

# Agent nouns by their ending ("negotiator", "economist", "politician", "chairman").
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|man|woman|person|people)s?$")

PERSON_PRONOUNS = frozenset("i we you he she they me us him her them who whom".split())
THING_PRONOUNS = frozenset("it this that which these those what something nothing".split())


def mention_class(lemma: str, pos: str, ent_type: str) -> str:
    """A coarse class of the word heading a subject (or an "according to" object) for
    the cue model: who could be saying something.

    ``per`` person pronoun or PERSON entity, ``org`` organisation, place or group
    entity, ``spk`` a role noun (:data:`SPEAKER_NOUNS`) or agent noun ("-er", "-ist"),
    ``doc`` a thing that carries words, ``find`` a finding, ``thing`` a non-personal
    pronoun, ``num`` a number or amount, ``noun`` any other noun, ``other``."""
    low = lemma.lower()
    if pos == "PRON":
        if low in PERSON_PRONOUNS:
            return "per"
        return "thing" if low in THING_PRONOUNS else "other"
    if ent_type == "PERSON":
        return "per"
    if ent_type in ("ORG", "GPE", "NORP"):
        return "org"
    if ent_type in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or pos == "NUM":
        return "num"
    if low in FINDING_NOUNS:
        return "find"
    if low in DOCUMENT_NOUNS:
        return "doc"
    if low in SPEAKER_NOUNS:
        return "spk"
    if pos in ("NOUN", "PROPN"):
        return "spk" if _AGENT_SUFFIX.search(low) and len(low) > 4 else "noun"
    return "other"


# Nouns whose referent is something said, proposed or decided (a proposition, a plan, a
# stance, a measure), as the object of a cue: "backed the plan", "criticized the decision",
# "denied the claim", against an object that is a thing ("charged a premium", "observed
# supernova explosions", "referred the call", "dubbed the film"). With the abstract endings
# of :data:`_ABSTRACT_SUFFIX` ("agreement", "importance", "policy").
CONTENT_NOUNS = frozenset(
    """plan claim idea view policy bill law measure deal proposal stance position argument
theory notion belief allegation accusation charge story account version question answer
comment remark concern demand request warning threat promise pledge vow commitment
support criticism praise approach strategy program programme agenda reform initiative
effort move case point issue problem need right rule ban tax cut increase change
decision conclusion finding result message speech statement plea offer appeal
proposition assessment opinion suggestion recommendation advice explanation excuse
denial admission apology defense defence response reply rebuttal complaint objection
protest endorsement nomination candidacy campaign bid vision goal priority principle
value doubt fear hope wish desire reason rationale motive intent platform mandate order
deadline condition terms ultimatum veto narrative rhetoric language word words phrase
slogan label legislation resolution regulation assertion contention action solution
intervention negotiation""".split()
)
# ("-tion" and "-sion" are not among them: "explosion", "station", "television")
_ABSTRACT_SUFFIX = re.compile(r"(?:ment|ance|ence|ity|ism|ness|ship|acy|ency|ancy)s?$")


def object_class(lemma: str, pos: str, ent_type: str) -> str:
    """:func:`mention_class` with its ``noun`` split in two for the object of a cue: ``cnt``
    a noun of something said, proposed or decided (:data:`CONTENT_NOUNS`, abstract endings),
    ``noun`` any other noun (a thing: "a premium", "the call", "the film")."""
    cls = mention_class(lemma, pos, ent_type)
    if cls != "noun":
        return cls
    low = lemma.lower()
    if low in CONTENT_NOUNS or (len(low) > 5 and _ABSTRACT_SUFFIX.search(low)):
        return "cnt"
    return "noun"


# Verbs on the cue lexicon in a frame that reports nothing anyone said or thought, read off
# the object (its :func:`object_class`) and a preposition: "charged a premium", "added
# vitamins to its cereals", "referred the call to the fire department", "dubbed the film
# into Spanish", "pointed the camera at the stage", "read the newspaper", "ruled the
# kingdom", "called 911", "issued new shares", "observed supernova explosions", "filed for
# bankruptcy", "signed a lease". Per lemma: (object classes, "*" any object or none, "-"
# none; the preposition the verb or its object must govern, or ""). A frame holds only
# when the cue governs no clause, no particle ("points out") and no quoted words (any
# quotation mark after it in its subtree: "called ''total political crap''", "calls
# Obamacare ‘crazy system’"), has no second object ("called the plan a disaster") and no
# finite verb under its object; a date is no object ("called Friday for ..."). PolNeAR's
# political news holds few such senses, so its cue model cannot learn them
# (quotes.non_reporting). Left out because PolNeAR annotates them as attributions:
# "called snap elections", "called an emergency session", "calling the race", "read his
# decision", "covered predictable ground", "offered his thoughts" (PolNeAR train: a wider
# list vetoed 17 gold cues and 14 others). This one vetoes, of the cues the model accepts
# on PolNeAR train, 16 that are no gold cue and 3 that are ("referred further queries
# to", "passed a set of measures", "hit the airwaves").
NON_REPORTING_FRAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "charge": (("noun num", ""),),
    "add": (("noun num cnt doc", "to"), ("num", "")),
    "refer": (("noun num cnt doc thing spk per org", "to"),),
    "dub": (("*", "into"),),
    "point": (("noun", ""),),
    "read": (("noun spk", ""),),  # "spk": "newspaper", "paper" end like agent nouns
    "rule": (("noun org", ""),),
    "call": (("num", ""),),
    "issue": (("noun num", ""),),
    "observe": (("noun num", ""),),
    "cover": (("num", ""),),
    "file": (("-", "for"),),  # "filed for bankruptcy", not "filed a complaint for relief"
    "pass": (("noun num", ""),),  # "passed three background checks", not "passed the bill" (cnt)
    "sign": (("noun", ""),),  # "signed a lease", not "signed the bill", "signed a letter"
    "hit": (("noun", ""),),  # "hit the campaign trail", "hit the coast", not "hit Clinton"
    "fire": (("-", "into"),),  # "fired into the air"
    "release": (("noun", "into"),),  # "released toxic fumes into the air"
}
# Objects that keep a frame a cue all the same: "pointed the finger at" blames.
# (Quotation marks of any kind, single ones too, for the quoted-words test.)
ANY_QUOTE_MARK = frozenset("\"'\u2018\u2019\u201c\u201d`")
NON_REPORTING_KEEP_OBJECTS = frozenset(("finger", "fingers"))
# An author box ("Jane Doe writes about style for the magazine"): a present-tense verb of
# writing with "for" a publication reports what the author covers, not what was written.
AUTHOR_BOX_VERBS = frozenset(("write", "cover", "report"))


# Head words of organisations, for a provisional speaker type ("the ministry said").
ORG_WORDS = SOURCE_ORGANISATION_NOUNS
PERSON_PRON = frozenset("he she him her i me".split())
GROUP_PRON = frozenset("they them we us".split())

# Set phrases with a cue word that report nothing ("Having said that, ...").
IDIOMS = re.compile(
    r"\b(?:having said that|goes without saying|needless to say|that is to say|so to speak"
    r"|all told|to say nothing of|say what you will)\b",
    re.I,
)
# "did not respond to requests for comment": a cue whose content is only the request
NO_COMMENT = re.compile(
    r"^(?:\w+ )?(?:requests?|calls?|messages?|e-?mails?|inquir\w+|questions?)\b"
    r"(?: (?:for|seeking) comment)?",
    re.I,
)

# Verbs that attribute a figure or an event in the same clause ("..., Israel says",
# "the ministry reported"), for the claimant of a figure (``according.claims``).
CLAIM_VERBS = _CLAIM_VERBS  # one list with the figures' and events' claimants (lang.reporting)


# The short function words a title leaves in lower case ("Meet the Press", "America with Jorge
# Ramos"): a quotation whose other words are all capitalised is a title (quotes/placing._title_case).
TITLE_MINOR_WORDS = frozenset("a an and at by for from in of on or the to with".split())

# Verbs of carrying on or attempting whose infinitive names the act ("continued to call for",
# "tried to convince", "tend to spread the word about"): PolNeAR takes "to" and that verb into
# the cue, so the content is what the verb governs (quotes._chained_verb). Read off PolNeAR train:
# cue lemmas whose "to ..." content the gold starts after the infinitive's verb in at least half
# of 3 or more cases (continue 26/26, use 13/15, try 10/10, tend, go 5/5, fail 4/4, struggle 4/5,
# attempt 4/6, begin 3/3).
CHAIN_CUE_VERBS = frozenset("continue use try tend go fail struggle attempt begin".split())
