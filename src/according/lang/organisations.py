"""Words that mark an organisation's name."""

from __future__ import annotations

# Company legal forms: a last word that makes a name a company's, dropped when names are compared
# ("Apple Inc." is Apple).
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "lp"}
)
# Last words of a company's name that are no legal form ("Velora Holdings").
COMPANY_LAST_WORDS = frozenset({"holdings"})

# Nouns heading an organisation ("the ministry", "the army", "the council"): what quote sources
# and speakers read alike.
ORGANISATION_NOUNS = frozenset(
    """
administration agency army board campaign commission committee company council court department
embassy force forces government group military ministry office organisation organization party
police union
""".split()
)
# A quote's source phrase headed by one of these is an organisation's (quotes/): the nouns above
# and bodies that publish ("the newspaper", "a study", "the institute", "the website").
SOURCE_ORGANISATION_NOUNS = ORGANISATION_NOUNS | frozenset(
    """
association center centre foundation institute network newspaper paper poll report service
spokesperson study survey website
""".split()
)
# Heads of an unnamed body that speaks as an organisation (speakers): the nouns above and
# governing bodies and places ("the regime said", "the city said", "the team said").
SPEAKING_BODY_HEADS = ORGANISATION_NOUNS | frozenset(
    """
authority cabinet city country county firm municipality navy parliament presidency province regime
secretariat state team town village
""".split()
)
# Collective nouns that take a plural verb and speak as a body ("the police say").
INSTITUTIONS = frozenset({"army", "authorities", "government", "media", "military", "police", "press"})
# Last words that make a "person" the tagger found an organisation's name ("Velora Shipping").
ORGANISATION_LAST_WORDS = frozenset(
    """
agency airlines airways association bank co company corp corporation council energy foundation group
holdings inc industries institute llc ltd media ministry motors network news partners plc post press
shipping systems technologies times university
""".split()
)
# Words an acronym skips ("Armed Conflict Location and Event Data" -> ACLED): inside an article
# (entities/names.py, matched against the article's own spelling) ...
ACRONYM_SKIP_WORDS = {"of", "the", "for", "and", "&", "on", "in", "de", "to"}
# ... and across articles (store/crossdoc.py, on folded words, French and Spanish particles too).
# The two differ ("to"; "la", "le", "des", "du", "at"); unifying them changes records: remaining work.
INITIALS_SKIP_WORDS = frozenset(
    {"of", "the", "and", "for", "de", "la", "le", "des", "du", "in", "on", "at", "&"}
)
