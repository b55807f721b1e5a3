"""Area parentheses after a place: "Jilib (Middle Juba)", "Kidal (Kidal, Kidal)", "Hays district
(Al Hudaydah)". Conflict-event notes give "Location (Admin2, Admin1)": the place before the
parenthesis is read inside those areas, each name in it as an area (the last the widest), and
names the gazetteer lacks as written are looked up in other spellings only where the areas
agree (:func:`apply`, called by :func:`.mentions.find_mentions`).
"""

from __future__ import annotations

import re

from ..lang.places import COMMON_NOUN_NAMES, HEAD_WORDS, NAME_CONNECTORS
from ..nlp import Parse
from .gazetteer import Gazetteer, Rec, norm
from .lookup import Mention, lookup_text
from .lookup import capital as _capital

_AREA_KINDS = {"admin1", "admin2", "country", "region"}
_NAME_PART = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$")


def apply(ms: list[Mention], parse: Parse, g: Gazetteer) -> list[Mention]:
    """ "in Jilib (Middle Juba)", "in Kidal (Kidal, Kidal)", "in Hays district (Al Hudaydah)":
    a place followed by a parenthesis that names only administrative areas (conflict-event
    notes give "Location (Admin2, Admin1)"). The place before it is a mention even when the
    entity recogniser missed it (the pattern is the evidence); it is read inside those areas,
    and each name in the parenthesis as an area, the last one the widest (first level)."""
    toks, text = parse.toks, parse.text
    n = len(toks)
    for t in map(toks.__getitem__, parse.tokens_with("text", ("(",))):
        if t.i == 0:
            continue
        close = next(
            (
                j
                for j in range(t.i + 1, min(n, t.i + 40))
                if toks[j].text in (")", "\n") or "\n" in toks[j].text
            ),
            None,
        )
        if close is None or toks[close].text != ")":
            continue
        inner_text = text[t.end : toks[close].start]
        parts = [p for p in inner_text.split(",")]
        found = [m for m in ms if t.end <= m.start and m.end <= toks[close].start]
        if not parts or len(parts) > 3:
            continue
        # every part is one known area name, or a name the gazetteer lacks ("(Sinjar, Ninewa)": ACLED's
        # spelling of Nineveh), with at least one known area among them
        level = []  # (mention, position among the parts) of the known areas
        respelt: list[tuple[Mention, bool]] = []  # areas found in another spelling (and made here)
        pieces = []  # mentions inside an unknown part ("Gondar" of "Debub Gondar"): no places of their own
        at = t.end
        for pi, part in enumerate(parts):
            made_here = False
            ps, pe = at, at + len(part)
            at = pe + 1
            within = [m for m in found if ps <= m.start and m.end <= pe]
            m = within[0] if len(within) == 1 and norm(within[0].text) == norm(part) else None
            if m is None and within and part.strip():
                # "Metro Manila" read as "Metro" + the entity "Manila": the whole part, if it is an area
                whole_cands, whole_alt, dem = lookup_text(g, part.strip())
                # "(Lower Shabelle)" with "Shabelle" matched alone: the whole part, if it is an area
                # in another spelling (Lower Shebelle), made here and dropped if the place before
                # the parenthesis does not lie in it
                made_here = (
                    not dem
                    and not any(g.rec(i).kind in _AREA_KINDS for i in whole_cands)
                    and bool(_NAME_PART.match(part.strip()))
                    and any(g.rec(i).kind in _AREA_KINDS for i, _ in g.lookup_spelling(part.strip()))
                )
                if made_here:
                    whole_cands, whole_alt = [], {}
                if not dem and (made_here or any(g.rec(i).kind in _AREA_KINDS for i in whole_cands)):
                    ws = ps + len(part) - len(part.lstrip())
                    we = ws + len(part.strip())
                    ta = next(k for k in range(within[0].tok, n) if toks[k].end > ws)
                    tb = next((k for k in range(ta, n) if toks[k].start >= we), n)
                    m = Mention(ws, we, ta, tb, text[ws:we], "GPE", True, list(whole_cands), dict(whole_alt))
                    ms[:] = [x for x in ms if x not in within]
                    ms.append(m)
                    found = [x for x in found if x not in within] + [m]
            if m is not None and not m.cands:
                # "(Hiraan)": an area in another spelling than the gazetteer's (Hiiraan)
                spelled = [(i, a) for i, a in g.lookup_spelling(m.text) if g.rec(i).kind in _AREA_KINDS]
                m.cands, m.alt = [i for i, _ in spelled], dict(spelled)
                respelt.append((m, made_here))
            if m is not None and any(g.rec(i).kind in _AREA_KINDS for i in m.cands):
                level.append((m, pi))
            elif m is None and not within and (spelled_area := _spelled_part(g, parse, ps, pe)):
                # "(Hiraan)" that the recogniser took for no place: an area in another spelling
                ms.append(spelled_area)
                found.append(spelled_area)
                level.append((spelled_area, pi))
                respelt.append((spelled_area, True))
            elif m is None and _NAME_PART.match(part.strip()):
                pieces.extend(within)
            elif m is not None and pi < len(parts) - 1 and _NAME_PART.match(part.strip()):
                # "(Munya, Niger)": a district the gazetteer lacks, read by its names as a town
                # elsewhere (Monywa, Myanmar); the widest part still places the note
                pieces.append(m)
            else:
                level = []
                break
        if not level:
            continue
        if pieces:
            ms[:] = [m for m in ms if m not in pieces]
        inner = [m for m, _ in level]
        j = t.i - 1
        while j >= 0 and toks[j].is_space:
            j -= 1
        want = ""
        if j >= 0 and toks[j].text.lower() in HEAD_WORDS:
            want = HEAD_WORDS[toks[j].text.lower()]
            j -= 1
        elif (
            j >= 1
            and toks[j].text.lower() in COMMON_NOUN_NAMES
            and _capital(toks[j - 1])
            and not toks[j - 1].is_punct
            and toks[j - 1].sent == toks[j].sent
        ):
            # "Qoryoley Airport (Lower Shabelle)": the facility of a town the note does not name
            # otherwise; the place is the town (ACLED's location), looked for inside the areas
            j -= 1
        if j < 0 or not _capital(toks[j]) or toks[j].is_punct:
            continue
        a = j
        while (
            a - 1 >= 0
            and a > j - 4
            and toks[a - 1].sent == toks[j].sent
            and not toks[a - 1].is_space
            and (
                _capital(toks[a - 1])
                and not toks[a - 1].is_punct
                or toks[a - 1].text.lower() in NAME_CONNECTORS
                and a - 2 >= 0
                and _capital(toks[a - 2])
            )
        ):
            a -= 1
        if respelt and not _holds_run(
            g, text, toks[a].start, [toks[b].start for b in range(a, j + 1)], toks[j].end, respelt
        ):
            # no reading of the name before the parenthesis lies in the respelt areas: they are
            # some other words, not this place's areas (LGL: capitalised asides in parentheses)
            for m, made in respelt:
                if made:
                    ms[:] = [x for x in ms if x is not m]
                else:
                    m.cands, m.alt = [], {}
            level = [(m, pi) for m, pi in level if m.cands and all(m is not x for x, _ in respelt)]
            if not level:
                continue
            inner = [m for m, _ in level]
        head = next((m for m in ms if m.end == toks[j].end and m.start >= toks[a].start), None)
        if head is not None and not head.cands:
            head.cands, head.alt = _spelled_inside(g, head.text, inner)
        if head is None:
            # the longest run ending at the parenthesis that the gazetteer knows, else the whole run
            for b in range(a, j + 1):
                cands, alt, dem = lookup_text(g, text[toks[b].start : toks[j].end])
                if cands and not dem:
                    break
            else:
                b = a
                cands, alt = _spelled_inside(g, text[toks[a].start : toks[j].end], inner)
            s, e = toks[b].start, toks[j].end
            ms[:] = [m for m in ms if m.end <= s or m.start >= e]
            head = Mention(s, e, b, j + 1, text[s:e], "GPE", True, cands, alt)
            ms.append(head)
        head.paren, head.want = "head", want or "city"
        last, last_at = level[-1]
        if (
            len(parts) >= 2
            and last_at == len(parts) - 1
            and any(g.rec(i).kind == "admin1" for i in last.cands)
        ):
            # "(Munya, Niger)": the last of a note's two or three area names is the first-level
            # area ("(Admin2, Admin1)"), Niger State, not the country that shares its name
            keep = [i for i in last.cands if g.rec(i).kind != "country"]
            last.cands, last.alt = keep, {i: a for i, a in last.alt.items() if i in keep}
        groups = tuple(tuple(m.cands) for m in reversed(inner))  # widest first
        head.qualifier = (*groups, *(head.qualifier or ()))
        for k, (m, pi) in enumerate(level):
            m.paren, m.want = "inner", "admin1" if pi == len(parts) - 1 else "admin2"
            m.qualifies = tuple(head.cands)
            m.qualifier_of = -1
            if k < len(inner) - 1:  # "(Kidal, Kidal)": the cercle inside the region
                m.qualifier = tuple(tuple(x.cands) for x in inner[k + 1 :])
    ms.sort(key=lambda m: m.start)
    return ms


def _spelled_inside(g: Gazetteer, name: str, inner: list[Mention]) -> tuple[list[int], dict[int, bool]]:
    """Records of ``name`` in another spelling ("Bulo Burte": Bulo Burti) that lie inside one of
    the areas the parenthesis names (a respelling elsewhere is a stranger, not the place)."""
    areas = [g.rec(i) for m in inner for i in m.cands]
    found = [(i, a) for i, a in g.lookup_spelling(name) if any(_inside(g.rec(i), q) for q in areas)]
    return [i for i, _ in found], dict(found)


def _inside(r: Rec, area: Rec) -> bool:
    """Does ``area`` hold ``r`` by its codes? (a province or district without codes: its country)"""
    if r.cc != area.cc or r is area:
        return False
    if area.kind == "admin1" and area.admin1:
        return r.kind != "admin1" and r.admin1 == area.admin1
    if area.kind == "admin2" and area.admin2:
        return r.kind not in ("admin1", "admin2") and (r.admin1, r.admin2) == (area.admin1, area.admin2)
    return True


def _spelled_part(g: Gazetteer, parse: Parse, ps: int, pe: int) -> Mention | None:
    """A part of an area parenthesis that no mention covers, read as an area in another spelling."""
    toks, text = parse.toks, parse.text
    part = text[ps:pe]
    name = part.strip()
    if not _NAME_PART.match(name):
        return None
    spelled = [(i, a) for i, a in g.lookup_spelling(name) if g.rec(i).kind in _AREA_KINDS]
    if not spelled:
        return None
    ws = ps + len(part) - len(part.lstrip())
    we = ws + len(name)
    ta = next((k for k, t in enumerate(toks) if t.end > ws), None)
    if ta is None:
        return None
    tb = next((k for k in range(ta, len(toks)) if toks[k].start >= we), len(toks))
    return Mention(ws, we, ta, tb, name, "GPE", True, [i for i, _ in spelled], dict(spelled))


def _holds_run(
    g: Gazetteer, text: str, start: int, starts: list[int], end: int, respelt: list[tuple[Mention, bool]]
) -> bool:
    """Does a reading of the name before a parenthesis (any run of its words ending at ``end``, as
    written or respelt) lie inside one of the areas found in another spelling?"""
    areas = [g.rec(i) for m, _ in respelt for i in m.cands]
    cands = [i for s in starts for i in lookup_text(g, text[s:end])[0]]
    cands += [i for i, _ in g.lookup_spelling(text[start:end])]
    return any(_inside(g.rec(i), q) for i in cands for q in areas)
