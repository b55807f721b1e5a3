"""Words written before a person's name: honorifics, ranks, offices and role descriptions.

One home for what ``entities/names.py`` (inside an article) and ``store/crossdoc.py`` (across
articles) strip from a name. Inside an article only :data:`TITLES` is cut off (the entity keeps
it as its ``title``; a role description such as "Hamas political leader" stays the entity's
description); across articles every word of :data:`TITLES` and :data:`ROLE_WORDS` before the
surname goes, so "Foreign Minister Ayman Safadi" and "Ayman Safadi" are one source.
"""

from __future__ import annotations

# Honorifics, ranks and offices written before a name ("Dr.", "Gen.", "Prime Minister", "Sen.").
TITLES = frozenset(
    """
mr mrs ms miss dr prof sir president prime minister sen senator rep gov governor gen general col lt
sgt capt adm secretary chancellor king queen prince princess pope rev judge justice mayor ambassador
chairman director commissioner sheikh rabbi vice former deputy lord lady speaker chief officer
""".split()
)
# Further words of a role description before a name ("Hamas political leader", "Defense
# Secretary", "Ayatollah", "spokesman"): stripped only when names are compared across articles.
ROLE_WORDS = frozenset(
    """
acting admiral adviser advisor attorney ayatollah bishop brig brigadier captain cardinal ceo chair
chairwoman colonel commander congressman congresswoman coordinator crown dame defence defense emir
envoy father finance foreign founder head health imam interior leader lieutenant maj major marshal
mediator ministers national negotiator official officials premier presidents representative
secretary-general security sergeant sheik spokesman spokesperson spokeswoman state sultan
undersecretary
""".split()
)
# The gender an honorific or a royal title gives its bearer.
GENDER_TITLES = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "lady": "f",
    "lord": "m",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
}
# Generational suffixes after a surname ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
