"""An event's place: the most specific place of its text, nearest the trigger."""

from __future__ import annotations

from ..lang.places import COMMON_NOUN_NAMES
from ..pipeline import Work
from ..places.mentions import PLACE_NOUNS

PLACE_RANK = {"city": 0, "facility": 0, "admin": 1, "region": 2, "other": 2, "country": 3}


def event_place(work: Work, start: int, end: int, anchor: int) -> int | None:
    best, key = None, None
    for i, pl in enumerate(work.places):
        if not (start <= pl.span.start and pl.span.end <= end):
            continue
        if (
            pl.feature in ("country", "region", "admin")
            and pl.name != pl.span.text
            and pl.span.text[:1].isupper()
            and pl.span.text.lower().removesuffix("s").endswith(("an", "ian", "ese", "ish", "i", "ic"))
        ):
            continue  # a demonym ("Russian forces", "European-based missiles") names who or whose, not where
        k = work.parse.token_at(pl.span.start)
        tok = work.parse.toks[k] if k is not None else None
        # "U.S. airstrikes", "Israel's war": a place that modifies a noun says whose, not where
        if tok is not None:  # the place name's own head ("Younis" of "Khan Younis")
            while (
                tok.dep == "compound" and work.parse.toks[tok.head].end <= pl.span.end and tok.head != tok.i
            ):
                tok = work.parse.toks[tok.head]
        modifier = (
            tok is not None
            and tok.dep in ("compound", "amod", "poss", "nmod")
            and work.parse.toks[tok.head].pos in ("NOUN", "PROPN")
            and tok.head != tok.i
            and work.parse.toks[tok.head].lemma.lower() not in PLACE_NOUNS
            and work.parse.toks[tok.head].lemma.lower() not in COMMON_NOUN_NAMES
        )  # "Hays district" is a place, "Qoryoley Airport" the town's airport
        if tok is not None and tok.dep == "nsubj" and tok.ent_type == "GPE":
            continue  # "Israel also attacked ...": a country that acts is an actor, not where it happened
        if modifier and pl.feature == "country":
            continue  # "US warplanes pounded a village": whose planes, not where they struck
        # "in Hays district (Al Hudaydah)", "Rafah city (Rafah, Gaza Strip)": a parenthesis names the areas
        # that hold the place before it, so of two places of one rank the one outside it is where
        kk = (
            modifier,
            PLACE_RANK.get(pl.feature, 2),
            _in_parens(work.text, pl.span.start, start),
            pl.lat is None,
            abs(pl.span.start - anchor),
        )
        if key is None or kk < key:
            best, key = i, kk
    return best


def _in_parens(text: str, at: int, start: int) -> bool:
    """Is offset ``at`` inside an open parenthesis (looking back no further than ``start``)?"""
    seg = text[start:at]
    return seg.rfind("(") > seg.rfind(")")
