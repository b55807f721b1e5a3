"""What the article says about an entity: descriptions, ages, gender, and
definite descriptions that refer back to it.

Part of the ``entities`` stage (see :mod:`according.entities` for the method):

- :func:`_describe`: a candidate's title words ("Israeli Prime Minister"),
  appositive ("a doctor at the hospital") and appositive age;
- :func:`_role_heads`: the role nouns of a description;
- :func:`definite_nps` / :func:`match_description`: definite noun phrases
  ("the prime minister", "the 26-year-old", "the company") and the entity
  each refers back to (reused by the speakers stage);
- :func:`_gender_votes`: people's gender from the article's own he/she and,
  last, common given names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lang.descriptions import (  # noqa: F401 - GENDERED_NOUNS: imported from here by entities/
    CLASS_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    NON_REFERRING,
    NOT_COMPANY,
    ROLE_ABBREV,
)
from ..lang.descriptions import GENDER_PRONOUNS as _GENDER_PRON
from ..nlp import Parse
from .names import _Cand, first_names

if TYPE_CHECKING:
    from . import Mention

# "the company" / "the firm" never stands for a public body or a union, however
# recent ("In a filing with the Securities and Exchange Commission ... the company said").
COMPANY_NOUNS = {"company", "firm", "corporation", "startup"}
# Heads that refer to a named body through another word of its name ("the
# Israeli military" for the Israel Defense Forces).
NAME_SYNONYMS = {
    "military": {"forces", "army", "military", "defense", "defence"},
    "army": {"forces", "army", "military", "defense", "defence"},
    "ministry": {"ministry", "department"},
    "police": {"police", "policing"},
    "agency": {"agency", "administration", "bureau", "service", "office"},
}
_AGE = re.compile(r"^(\d{1,3})-year-old$")


def _head_of(p: Parse, a: int, b: int) -> int:
    for i in range(a, b):
        if not (a <= p.toks[i].head < b) or p.toks[i].head == i:
            return i
    return b - 1


def _describe(p: Parse, cand: _Cand, taken_people: set[int]) -> None:
    """Fill the title / appositive / age of a candidate from the dependency parse."""
    toks = p.toks
    head = _head_of(p, cand.a, cand.b)
    # Title words before the name inside its noun phrase: walk left while each
    # token attaches (directly or via its right neighbours) into the name.
    i = (cand.title[0] if cand.title else cand.a) - 1
    inside = set(range(i + 1, cand.b))
    while i >= 0 and toks[i].sent == toks[head].sent and i not in taken_people:
        t = toks[i]
        if (
            t.dep in ("det", "punct", "poss", "case", "cc", "prep")
            or t.is_punct
            or t.pos in ("VERB", "AUX", "ADP")
        ):
            break
        if t.head not in inside:
            break
        inside.add(i)
        i -= 1
    lo = i + 1
    if (
        lo < cand.a
        and cand.label in ("PERSON",)
        and any(toks[j].pos in ("NOUN", "PROPN") for j in range(lo, cand.a))
    ):
        cand.title = (lo, cand.a)
    if cand.title and all(toks[j].text.casefold().rstrip(".") in HONORIFICS for j in range(*cand.title)):
        cand.title = None  # "Mr." is no description
    # Appositive: "Hazem Bahloul, a doctor at the hospital," (a child of the
    # name's head) or "the group's leader, John Smith," (the name is the appositive).
    for k in p.children[head]:
        if toks[k].dep == "appos" and k >= cand.b and k not in taken_people:
            lo2, hi2 = p.subtree(k)
            lo2 = max(lo2, cand.b)
            while lo2 < hi2 and toks[lo2].is_punct:
                lo2 += 1
            while hi2 > lo2 and toks[hi2 - 1].is_punct:
                hi2 -= 1
            if hi2 - lo2 == 1 and toks[lo2].like_num and toks[lo2].text.isdigit():
                cand.age = int(toks[lo2].text)
            elif hi2 > lo2 and hi2 - lo2 <= 25:
                cand.appos = (lo2, hi2)
            break


def _role_heads(p: Parse, a: int, b: int) -> list[str]:
    """Nouns naming the role in a description: those before its first preposition."""
    out = []
    for i in range(a, b):
        t = p.toks[i]
        if t.pos == "ADP" or t.text in (",", "who", "which", "that"):
            break
        if t.dep == "compound" and i < t.head < b and p.toks[t.head].pos in ("NOUN", "PROPN"):
            continue  # "Taipei City Mayor": the mayor, not a city; the words stay the entity's words
        if t.pos in ("NOUN", "PROPN"):
            w = t.lemma.casefold().rstrip(".")
            out.append(ROLE_ABBREV.get(w, w))
    return out


def _text(p: Parse, a: int, b: int) -> str:
    return p.text[p.toks[a].start : p.toks[b - 1].end]


_DEFINITE = ("the", "this", "that")


def definite_nps(p: Parse, taken: set[int]):
    """(start, end, head) of definite noun phrases ("the former official", also the
    possessor in "the prime minister’s office") not covered by a name."""
    toks = p.toks
    # the phrases from their determiners: the first "the"/"this"/"that" (dep det) before each head
    # word, in one pass over the tokens (p.children is the inverse of ``head``, so these are the
    # det children of the head that come before it); the heads are then read in order, as the walk
    # over every noun did (the stage 2.90-3.00 -> 2.71-2.78 us/word, 60 first-seen PolNeAR articles, side by side)
    first_det: dict[int, int] = {}
    for t in map(toks.__getitem__, p.tokens_with("dep", ("det",))):
        if t.head > t.i and t.head not in first_det and t.text.casefold() in _DEFINITE:
            first_det[t.head] = t.i
    for hi in sorted(first_det):
        h = toks[hi]
        # (is_age_head only for a word of three letters: "old" in any case)
        if h.pos not in ("NOUN", "PROPN") and (len(h.text) != 3 or not is_age_head(p, h.i)):
            continue
        if h.i in taken or h.lemma.casefold() in NON_REFERRING:
            continue
        a = first_det[hi]
        if any(i in taken for i in range(a, h.i)):
            continue  # a phrase containing a name is that name's phrase
        yield a, h.i + 1, h.i


def is_age_head(p: Parse, i: int) -> bool:
    """ "old" in "the 26-year-old" (the tagger's head of the phrase is the adjective)."""
    return (
        p.toks[i].text.casefold() == "old" and i >= 3 and p.toks[i - 2].text.casefold() in ("year", "years")
    )


def name_head(name_words: list[str]) -> str | None:
    """The head word of a body's or place's name: the word before its first "of"/"for"/"to"
    ("Church of Scientology" -> church), else its last word ("Taipei City Lantern Festival"
    -> festival: "the city" is not that festival)."""
    for k, w in enumerate(name_words):
        if w in ("of", "for", "to", "de") and k:
            return name_words[k - 1]
    return name_words[-1] if name_words else None


class RecentEntities:
    """The entities mentioned so far, most recent first, indexed by what a description's head
    can fit (:func:`match_description`): the entities with that role noun, that name head or
    synonym word in a body's name, a label its class noun names, or that age. A description
    then looks only at those instead of every entity mentioned before it (that walk, and the
    move-to-front list it read, grew with the article's entities times its descriptions).
    ``infos`` must be complete when it is built (the walk over descriptions does not change it)."""

    def __init__(self, infos: dict[str, dict]):
        self.last: dict[str, int] = {}  # entity -> the count of mentions when it was last mentioned
        self._n = 0
        self._fits: dict[tuple[str, object], set[str]] = {}
        for eid, info in infos.items():
            if not info:
                continue  # (match_description skips them)
            for r in info["roles"]:
                self._fits.setdefault(("role", r), set()).add(eid)
            self._fits.setdefault(("label", info["label"]), set()).add(eid)
            if info.get("age") is not None:
                self._fits.setdefault(("age", info["age"]), set()).add(eid)
            if info["label"] != "PERSON":
                self._fits.setdefault(("head", name_head(info["name_words"])), set()).add(eid)
                for w in info["name_words"]:
                    self._fits.setdefault(("word", w), set()).add(eid)

    def mention(self, eid: str) -> None:
        self.last[eid] = self._n
        self._n += 1

    def __iter__(self):
        return iter(sorted(self.last, key=lambda e: -self.last[e]))

    def fitting(self, lemma: str, age: int | None) -> list[str]:
        """The mentioned entities :func:`match_description` may return for a head ``lemma``
        (or an ``age``), most recent first: every other one it would pass over."""
        fits = self._fits
        if age is not None:
            pool = fits.get(("age", age), set())
        else:
            pool = set(fits.get(("role", lemma), ())) | fits.get(("head", lemma), set())
            for w in NAME_SYNONYMS.get(lemma, ()):
                pool |= fits.get(("word", w), set())
            for label in CLASS_NOUNS.get(lemma, ()):
                pool |= fits.get(("label", label), set())
        last = self.last
        return sorted((e for e in pool if e in last), key=lambda e: -last[e])


def match_description(
    p: Parse, a: int, head: int, infos: dict[str, dict], recent: list[str] | RecentEntities
) -> str | None:
    """The entity a definite description (tokens a..head) refers back to.

    ``recent`` lists entity ids from the most recently mentioned backwards (or is the
    :class:`RecentEntities` of the walk, which offers only the entities that may fit). An
    entity fits when the description's head noun is one of its role nouns
    (from its descriptions: "doctor", "minister"), the head word of its name ("the
    ministry" for "Gaza Health Ministry", see :func:`name_head`), a class noun of its label ("the
    company"), or an age ("the 26-year-old"); every modifier of the
    description must also occur in the entity's words ("the former official"
    fits "a former Egyptian defense official", "the prime minister" fits
    "Israeli Prime Minister"). The most recent fitting entity wins.
    """
    toks = p.toks
    h = toks[head]
    lemma = h.lemma.casefold()
    m = _AGE.match(h.text.casefold()) or (head > a and _AGE.match(_text(p, a + 1, head + 1).casefold()))
    age = int(m.group(1)) if m else None
    mods = [
        (toks[i].text.casefold(), toks[i].pos == "PROPN", toks[i].dep == "amod", toks[i].tag == "VBN")
        for i in range(a + 1, head)
        if toks[i].dep in ("amod", "compound", "nmod") and not toks[i].is_punct
    ]
    # "the group for families of hostages": a restrictive complement makes a
    # new referent, not a class-noun reference back to a named one.
    restricted = any(
        toks[k].dep == "prep" and toks[k].text.casefold() in ("for", "of", "representing")
        for k in p.children[head]
        if k > head
    )
    plural = h.tag in ("NNS", "NNPS")
    for eid in recent.fitting(lemma, age) if isinstance(recent, RecentEntities) else recent:
        info = infos.get(eid)
        if not info:
            continue
        if age is not None:
            if info.get("age") == age:
                return eid
            continue
        synonyms = NAME_SYNONYMS.get(lemma)
        in_name = info["label"] != "PERSON" and (
            lemma == name_head(info["name_words"]) or bool(synonyms and synonyms & set(info["name_words"]))
        )
        if lemma in info["roles"] or in_name or info["label"] in CLASS_NOUNS.get(lemma, ()):
            words = set(info["words"])
            if plural != info.get("plural", False) and info["label"] == "PERSON":
                continue
            # A named person's description often lacks the place words a later
            # mention adds ("the South Carolina senator"): proper-noun
            # modifiers are then not required; for unnamed sources they are.
            # A class noun ("the militant group" for Hamas) carries descriptive
            # adjectives the name lacks: only proper-noun modifiers must fit.
            named = info["label"] == "PERSON" and not info.get("stype")
            by_class = (
                info["label"] in CLASS_NOUNS.get(lemma, ())
                and lemma not in info["roles"]
                and lemma not in info["name_words"]
            )
            if by_class and restricted:
                continue
            if by_class and lemma in COMPANY_NOUNS and NOT_COMPANY & set(info["name_words"]):
                continue
            if all(
                w in words
                or w.rstrip(".") in words
                or (proper and named)
                or (by_class and adj)
                # "the Calgary-based railway", "the state-owned utility": a participle says
                # where a body sits or who owns it, which its name seldom does.
                or (adj and participle and info["label"] != "PERSON")
                or any(len(x) >= 4 and w.startswith(x) for x in info["name_words"])  # Israeli ~ Israel
                for w, proper, adj, participle in mods
            ):
                return eid
    return None


def _gender_votes(p: Parse, mentions: list[Mention], infos: dict[str, dict]) -> None:
    """Gender of people from the article itself: in a sentence that names exactly
    one person, as its subject, a later he/his or she/her most likely refers to
    that person ("Clinton said she ..."). A clear majority (two to one, at
    least two votes) sets ``gender`` where no honorific did."""
    people: dict[int, dict[str, int]] = {}
    for m in mentions:
        if infos[m.entity]["label"] == "PERSON":
            subj = any(p.toks[i].dep in ("nsubj", "nsubjpass") for i in range(m.tok_start, m.tok_end))
            people.setdefault(p.toks[m.tok_start].sent, {}).setdefault(m.entity, m.tok_start if subj else -1)
    votes: dict[str, list[int]] = {}
    for sent, who in people.items():
        if len(who) != 1:
            continue
        ((eid, first),) = who.items()
        if first < 0:
            continue
        s = p.sents[sent]
        for i in range(first + 1, s.end):
            g = _GENDER_PRON.get(p.toks[i].text.casefold())
            if g:
                v = votes.setdefault(eid, [0, 0])
                v[g == "f"] += 1
    for eid, (n_male, n_female) in votes.items():
        if infos[eid].get("gender"):
            continue
        if n_male >= 2 and n_male >= 2 * n_female:
            infos[eid]["gender"] = "m"
        elif n_female >= 2 and n_female >= 2 * n_male:
            infos[eid]["gender"] = "f"
    # Weakest evidence last: a common given name ("David", "Laura").
    names = first_names()
    for info in infos.values():
        if info["label"] == "PERSON" and not info.get("gender") and len(info["name_words"]) >= 2:
            info["gender"] = names.get(info["name_words"][0])
