"""Words written before a person's name: honorifics, ranks, offices and role descriptions.

One home for what ``entities/names.py`` (inside an article) and ``store/crossdoc.py`` (across
articles) strip from a name. Inside an article only :data:`TITLES` is cut off (the entity keeps
it as its ``title``; a role description such as "Hamas political leader" stays the entity's
description); across articles every word of :data:`TITLES` and :data:`ROLE_WORDS` before the
surname goes, so "Foreign Minister Ayman Safadi" and "Ayman Safadi" are one source.

Why not ``nameparser`` (issue 11 asked to use it where at least as accurate; measured with
nameparser 2.6.0 on the development records of this commit's parent, parses cached):

- Its 812 title words added to :data:`TITLES` change nothing the scorers see (GUM Wikinews names
  0.8192 both ways, 1527/1864; PolNeAR dev source F1 0.7234, full F1 0.6206 both ways) and two
  PolNeAR entities, both for the worse: "Uncle Sam" -> "Sam", "pro-Clinton" -> "-Clinton".
- Across articles (``store/crossdoc.py`` keys of the 2,199 person names of 904 development
  records) it changes 57 keys; of the 10 that are proper names 2 get better ("Archbishop Earl
  Paulk", "Treasurer Thomas Ravenel") and 6 worse ("St. Paul", "St. Patrick", "St Pauli" lose the
  "St", "Uncle Sam" -> "sam", "Pro Tem Glenn McConnell" -> "tem glenn mcconnell", "United
  Ambulance" -> "ambulance"); different entities of one article sharing a key go from 16 to 22.
- ``HumanName`` finds a title only at the start, so alone it keeps the news form's "Israeli
  Prime Minister" in "Israeli Prime Minister Benjamin Netanyahu" (first name "Israeli"). Run
  before the stripping here it changes 22 proper-name keys: by hand 12 better (7 non-names such
  as "Computer", "Teacher", "Jr." get no key; quoted nicknames go: 'Robert C. "Bobby" Scott'),
  7 worse ("St. Paul" -> "paul" and the other saints, "Uncle Sam" -> "sam", "Lance Cpl" ->
  "lance", "Buddha" and a lone "Knight" get no key), 3 neither. The worse ones are one-word keys
  that the surname rule merges with another person; the better ones need no library.
- The specimen's 59 speakers keep their keys under every variant.

So the lists here stay and nameparser is no dependency: not at least as accurate in-article,
and across articles its gains are small and its losses false merges.
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
