"""Words that mark an organisation's name."""

from __future__ import annotations

# Company legal forms: a last word that makes a name a company's, dropped when names are compared
# ("Apple Inc." is Apple).
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "lp"}
)
# Last words of a company's name that are no legal form ("Velora Holdings").
COMPANY_LAST_WORDS = frozenset({"holdings"})
