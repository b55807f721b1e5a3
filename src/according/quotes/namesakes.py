"""Two people of one surname (part of the speakers stage): which one a bare surname or "the
elder / younger Hale" stands for (issue 8: "a father and a son with the same surname"). The
entities stage cannot tell them apart by the surname and gives it to the latest full name."""

from __future__ import annotations

from collections.abc import Callable

from ..entities import Mention
from ..lang.speakers import GENERATION_WORDS, KIN_GENERATION, KIN_NOUNS, KIN_OWNERS
from ..nlp import Parse
from .referents import _State


def generation(st: _State, in_quote: Callable[[Mention], bool], head: int, eid: str) -> str:
    """ "the elder Hale" / "the younger Hale" with two people named Hale (a father and his
    son, whom the entities stage cannot tell apart by surname): the one older or younger
    by the ages the article gives, else by the kinship noun written before a name ("his
    son, Daniel Hale"). ``eid`` (the surname's entity) when nothing decides."""
    p = st.p
    want = next(
        (
            GENERATION_WORDS[p.toks[k].text.casefold()]
            for k in p.children[head]
            if k < head and p.toks[k].dep == "amod" and p.toks[k].text.casefold() in GENERATION_WORDS
        ),
        None,
    )
    if want is None:
        return namesake(st, in_quote, head, eid)
    surname = p.toks[head].text.casefold()
    same = [
        e
        for e, info in st.infos.items()
        if info["label"] == "PERSON"
        and not info.get("stype")
        and len(info["name_words"]) >= 2
        and info["name_words"][-1] == surname
    ]
    if len(same) != 2:
        return eid
    ages = [st.infos[e].get("age") for e in same]
    if None not in ages and ages[0] != ages[1]:
        older = same[0] if ages[0] > ages[1] else same[1]  # type: ignore[operator]
        return older if want > 0 else next(e for e in same if e != older)
    kin: dict[str, int] = {}
    for m in st.mentions:
        if m.entity in same and m.kind in ("name", "alias"):
            k = m.tok_start - 1
            if k >= 0 and p.toks[k].text == ",":
                k -= 1
            if k >= 0 and p.toks[k].lemma.casefold() in KIN_GENERATION:
                kin.setdefault(m.entity, KIN_GENERATION[p.toks[k].lemma.casefold()])
    if len(kin) == 1:  # one of the two is marked: the other is the other generation
        (marked, gen), other = next(iter(kin.items())), next(e for e in same if e not in kin)
        return marked if gen == want else other
    if len(kin) == 2 and kin[same[0]] != kin[same[1]]:
        return same[0] if kin[same[0]] == want else same[1]
    return eid


def namesake(st: _State, in_quote: Callable[[Mention], bool], head: int, eid: str) -> str:
    """A bare surname ("Hale said") with two people of that surname, one of them introduced
    as the other's relative ("His son, Daniel Hale"; "his brother, Rahaman Ali"): the
    other one, the article's person (the entities stage took the latest full name).
    ``eid`` when nothing decides. PolNeAR train (read): "Rubio" with "his father, Mario
    Rubio", "Bush" with "his father, George H.W. Bush" are the unmarked ones."""
    p = st.p
    surname = p.toks[head].text.casefold()
    same = [
        e
        for e, info in st.infos.items()
        if info["label"] == "PERSON"
        and not info.get("stype")
        and len(info["name_words"]) >= 2
        and info["name_words"][-1] == surname
    ]
    if len(same) != 2 or eid not in same:
        return eid
    marked = set()
    for m in st.mentions:
        if m.entity in same and m.kind in ("name", "alias") and m.tok_end - m.tok_start >= 2:
            k = m.tok_start - 1
            if k >= 0 and p.toks[k].text == ",":
                k -= 1
            if (
                k >= 0
                and p.toks[k].lemma.casefold() in KIN_NOUNS
                and p.toks[k].tag in ("NN", "NNS")
                and kin_of_namesake(p, k, surname)
                and not in_quote(m)
            ):
                marked.add(m.entity)
    if len(marked) != 1:
        return eid
    return next(e for e in same if e not in marked)


def kin_of_namesake(p: Parse, k: int, surname: str) -> bool:
    """The kinship noun at ``k`` is owned by "his"/"her" or by the surname itself ("Trump's
    eldest daughter"), not by the writer or a speaker ("my dear sister Hillary Clinton")."""
    for j in p.children[k]:
        if p.toks[j].dep == "poss":
            low = p.toks[j].text.casefold()
            return low in KIN_OWNERS or low == surname
    return False
