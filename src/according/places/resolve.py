"""Choosing one gazetteer record per place mention, from the article's context.

Each candidate record gets a score: a prior (what kind of place it is, how many
people live there, whether it is a capital, whether the name is its own or an
alternate one) plus context: a "City, State", "City, County, State" or "City,
Country" qualifier (the reading must lie inside one reading of each qualifying
name), the "Town (Admin2, Admin1)" form of conflict-event notes, the countries
and US states the article names elsewhere, a named county that holds a named town
(each vouches for the other and for their state), the dateline, and the distance
to the article's other confidently placed cities. Mentions of the same name share
one reading (one sense per article). ``confidence`` is the chosen reading's
softmax share among the candidates' scores, lowered where the point is borrowed
(a county without one) and where only
the prior speaks for the reading while a sizeable namesake could be meant, or it
is a small town in a country the rest of the article never names; readings under
MIN_CONFIDENCE are left out (a wrong point costs more than no point). Error
analysis and calibration: scripts/eval_places_errors.py.
"""

from __future__ import annotations

import math
from collections import Counter

from ..lang.places import COMMON_NOUN_NAMES, LOCATIVE_PREPOSITIONS, NAME_CONNECTORS
from ..model import Meta, Place, Span
from ..nlp import Parse
from .areas import _other_name, _point
from .gazetteer import Gazetteer, Rec, norm
from .mentions import AMBIGUOUS_ABBR, PLACE_NOUNS, Mention, find_mentions, lookup_text
from .ranking import (
    _STRONG,
    SAME_PLACE_KM,
    ArticleContext,
    Kin,
    _far_rival,
    _focus_states,
    _foreign_town,
    _prior,
    _rank,
    _supported,
    _unambiguous,
    base_scores,
)
from .records import within_km

# Readings less sure than this are left out of the record: guessing which of twenty
# Springfields is meant costs more (a wrong point) than saying nothing. Calibrated on
# LGL + TR-News dev: 0.4 keeps recall at 0.79 / 0.92 and lifts acc@161 from 0.83 / 0.89
# to 0.90 / 0.90 and precision from 0.81 / 0.88 to 0.86 / 0.90. Re-checked with the
# UNSUPPORTED_FACTOR, FOREIGN_TOWN_POP and county rules (scripts/eval_places_errors.py
# --sweep), tuned on LGL for the best acc@161 with recall about 0.75 (accuracy is the
# held-out target's short side; recall has room above its 0.70 floor), checked on TR-News:
#   floor  LGL R / P / acc@161      TR-News R / P / acc@161
#   0.4    0.757 / 0.882 / 0.925    0.880 / 0.924 / 0.933
#   0.5    0.742 / 0.885 / 0.931    0.874 / 0.925 / 0.935
#   0.6    0.715 / 0.885 / 0.938    0.857 / 0.938 / 0.936
#   0.7    0.690 / 0.888 / 0.946    0.845 / 0.938 / 0.937  (LGL recall under 0.70)
# Re-calibrated after the admin-area work (provinces and counties with ids, county pairs,
# qualifiers, alternate names): the floor is chosen on LGL as the lowest with acc@161 >= 0.96
# and recall >= 0.75 (room on both sides of the held-out target), then checked on TR-News:
#   floor  LGL R / P / acc@161 / gid        TR-News R / P / acc@161 / gid
#   0.5    0.782 / 0.885 / 0.957 / 0.936    0.880 / 0.929 / 0.977 / 0.953
#   0.55   0.778 / 0.886 / 0.959 / 0.938    0.877 / 0.930 / 0.977 / 0.953
#   0.6    0.769 / 0.888 / 0.964 / 0.943    0.873 / 0.931 / 0.978 / 0.955
#   0.65   0.760 / 0.891 / 0.966 / 0.947    0.869 / 0.933 / 0.978 / 0.955
#   0.7    0.751 / 0.893 / 0.968 / 0.948    0.864 / 0.932 / 0.980 / 0.956
MIN_CONFIDENCE = 0.6
# A reading that nothing in the article supports (no qualifier, no country, state, focus
# or nearby-city evidence) while a namesake of RIVAL_POP people (or a state, a country)
# lies > 161 km away has its confidence multiplied by UNSUPPORTED_FACTOR: below the floor,
# so such guesses ("London" in a London, Ontario paper, "Athens" in a Georgia one) are left
# out. Calibrated on LGL (the goal: acc@161 up, recall >= 0.75), checked on TR-News:
#   LGL     floor 0.4, factor 1.0: R 0.798 acc@161 0.904 -> factor 0.3: R 0.762 acc@161 0.921
#   TR-News floor 0.4, factor 1.0: R 0.926 acc@161 0.907 -> factor 0.3: R 0.884 acc@161 0.929
# (any factor under the floor drops them all; 0.5 at floor 0.4 keeps the surest: LGL 0.776 / 0.911).
# A stricter test (support must favour the reading over its rival, not just exist) gave
# LGL 0.747 / 0.926 but TR-News 0.866 / 0.928: it did not carry over, so it was not kept.
UNSUPPORTED_FACTOR = 0.3
# a city named outside any place entity must be at least this big to be believed
# (LGL / TR-News dev, P and R: 10k 0.78/0.82 and 0.85/0.94 (surnames, brands get in),
# 50k 0.86/0.80 and 0.90/0.93, 200k 0.87/0.78 and 0.90/0.92: 50k has the best F1)
MIN_POP_OUTSIDE = 50_000

FEATURE = {
    "country": "country",
    "admin1": "admin",
    "admin2": "admin",
    "city": "city",
    "continent": "region",
    "region": "region",
    "facility": "facility",
    "other": "other",
}
# ACLED's geo_precision of a place resolved to a record of this kind (its codebook: 1 a town or
# village, 2 a district or a part of a region, 3 a province, a region or a country)
GEO_PRECISION = {
    "city": 1,
    "facility": 1,
    "other": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 3,
    "continent": 3,
}
_NEVER_PLACES = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "QUANTITY",
    "PERCENT",
    "WORK_OF_ART",
    "LAW",
    "PRODUCT",
    "LANGUAGE",
}


# "in Naypyitaw", "Mykolaiv oblast": spaCy tags some foreign town names as people; after a
# preposition of place or before a place noun, a single capitalised word that names a town of this
# size is read as the place ("in Johnson's office" is not: a possessive follows). LGL / TR-News: see the commit that set it.
LOCATIVE_MIN_POP = 1_000


def _locative(toks, a: int, b: int) -> bool:
    """After a preposition of place ("in X"), or before a place noun ("X oblast", "X township")."""
    if b < len(toks) and toks[b].text.lower() in PLACE_NOUNS:
        return True
    if a == 0 or toks[a - 1].text.lower() not in LOCATIVE_PREPOSITIONS:
        return False
    return not (b < len(toks) and toks[b].text in ("'s", "’s", "'", "’"))


def _accept(m: Mention, g: Gazetteer, doc_names: set[str], toks) -> bool:
    """Is this match a place mention? (see mentions.py: trust depends on where it is)."""
    if not m.cands:
        return True  # an unknown GPE/LOC/FAC entity
    if m.qualifier_of is None and m.text in AMBIGUOUS_ABBR:
        return False
    if m.demonym or m.qualifier_of is not None or m.qualifier is not None or m.paren or m.want:
        return True
    if m.label in ("GPE", "LOC", "FAC") and m.whole:
        return True
    # (the records are read only past the cheap tests: a first-seen article makes most of its
    # records here, and a name rejected by its words alone needs none of its candidates' records)
    rec = g.rec
    alt = m.alt
    if m.label == "PERSON":  # "George Washington" is no place; a lone "Charleston" may be
        return (
            m.whole
            and " " not in m.text
            and (
                _strong(m, rec)
                or norm(m.text) in doc_names
                or (
                    _locative(toks, m.tok, m.tok_end)
                    and any(rec(i).kind == "city" and rec(i).pop >= LOCATIVE_MIN_POP for i in m.cands)
                )
            )
        )
    if m.label in _NEVER_PLACES:  # "Thursday", "March", a song called "Man"
        return m.whole and _strong(m, rec)
    if norm(m.text) in doc_names:
        return True
    if not m.label and not all(
        t.pos == "PROPN" or t.text.lower() in NAME_CONNECTORS for t in toks[m.tok : m.tok_end]
    ):
        return False  # outside entities only proper nouns ("Most" is a Czech city, "most" is not)
    county = m.text.split()[-1] in ("County", "Parish") and any(rec(i).kind == "admin2" for i in m.cands)
    if m.sentence_initial and not m.label:
        return _strong(m, rec) or county
    return (
        _strong(m, rec)
        or county
        or any(rec(i).kind == "city" and rec(i).pop >= MIN_POP_OUTSIDE and not alt.get(i) for i in m.cands)
    )


def _strong(m: Mention, rec) -> bool:
    """A candidate hard to mistake for anything but a place (a country, state, continent or
    region) named by its own name."""
    return any(rec(i).kind in _STRONG and not m.alt.get(i) for i in m.cands)


def resolve(parse: Parse, meta: Meta | None = None, g: Gazetteer | None = None) -> list[Place]:
    from . import gazetteer as gz

    g = g or gz.get()
    ms = find_mentions(parse, g)
    for m in ms:
        if m.cands and m.qualifier is None and m.paren != "inner" and norm(m.text) in COMMON_NOUN_NAMES:
            # "the Airport", "the Market": a facility near the place the text gives, never a
            # town of that name elsewhere (an unknown entity, placed like one)
            m.cands, m.alt = [], {}
    doc_names = {norm(m.text) for m in ms if m.label in ("GPE", "LOC") and m.whole}
    ms = [m for m in ms if _accept(m, g, doc_names, parse.toks)]

    # ---- pass 1: prior (+ qualifier) only; the unambiguous readings become evidence
    first: list[tuple[int, float, float] | None] = []
    countries: Counter = Counter()
    states: Counter = Counter()
    bases = [base_scores(m, g) if m.cands else None for m in ms]  # (the same in both passes)
    for m, base in zip(ms, bases):
        best = _rank(m, g, None, base=base)
        first.append(best[0] if best else None)
    evidence: list[tuple[str | None, tuple[str | None, str] | None]] = []  # per mention: (country, state)
    for m, b in zip(ms, first):
        cc = st = None
        if b is not None:
            r = g.rec(b[0])
            if _unambiguous(m, r, b[2], g):
                cc = r.cc
                st = (r.cc, r.admin1) if r.admin1 and r.kind in ("admin1", "city", "admin2") else None
            elif r.kind == "admin2" and m.text.split()[-1] in ("County", "Parish"):
                cc = "US"  # which state's county is open, but counties are American
        evidence.append((cc, st))
        if cc:
            countries[cc] += 1
        if st:
            states[st] += 1
    # a name is no evidence for its own other mentions, nor for another spelling of the same
    # place: "Quebec" the province must not pull "Quebec" towards the city inside it, and
    # "Dublin City" (an alternate name of the Irish capital) must not vouch for "Dublin".
    # kin(j, k): j's text is k's or j's first reading is one of k's candidates. Both kin and
    # the evidence of k's kin are read from groups (by name, by first reading), not from a
    # scan of every pair: linear in the mentions, where the pairwise sets grew with their square.
    names = [norm(m.text) for m in ms]
    firsts = [b[0] if b is not None else None for b in first]
    kin = Kin(names, firsts, [set(m.cands) for m in ms])
    own_ev = kin.evidence(evidence)
    dateline = _dateline(meta, g)
    if dateline is not None:
        countries[dateline.cc] += 2
        if dateline.admin1:
            states[(dateline.cc, dateline.admin1)] += 2
    points = [
        (_point(g.rec(b[0])), k)
        for k, b in enumerate(first)
        if b and evidence[k][0] and g.rec(b[0]).kind == "city" and _point(g.rec(b[0]))
    ]
    if dateline is not None and _point(dateline):
        points.append((_point(dateline), -1))

    # (country, admin1, admin2) -> mentions that may name that county / a town in it: a town and
    # the county holding it, both named, vouch for each other ("Huntsville" ... "Walker County":
    # Texas's, not Alabama's Huntsville)
    counties: dict[tuple, set[int]] = {}
    towns: dict[tuple, set[int]] = {}
    for k, m in enumerate(ms):
        for i in m.cands:
            r = g.rec(i)
            if r.admin2 and r.kind == "admin2" and not m.alt.get(i):  # "Walker County", not "Walker"
                counties.setdefault((r.cc, r.admin1, r.admin2), set()).add(k)
            elif r.admin2 and r.kind == "city" and not m.alt.get(i):
                towns.setdefault((r.cc, r.admin1, r.admin2), set()).add(k)
    # US states where a named county holds a named town (two different names)
    pairs: Counter = Counter()
    for key, ks in counties.items():
        if key[0] == "US" and any(_other_name(names[a], names[b]) for a in ks for b in towns.get(key, ())):
            pairs[key[1]] += 1
    focus = _focus_states(ms, g, countries, pairs)

    # ---- pass 2: with the article's context; the same name gets one reading
    ctx = ArticleContext(countries, states, points, evidence, focus, kin, own_ev, counties, towns, names)
    pooled: dict[str, Counter] = {}
    ranked = []
    for k, m in enumerate(ms):
        rk = _rank(m, g, ctx, k, base=bases[k]) if m.cands else []
        ranked.append(rk)
        if rk and not m.paren and m.qualifier_of is None:
            pool = pooled.setdefault(norm(m.text), Counter())
            for idx, score, _ in rk[:5]:
                pool[idx] += score  # type: ignore[assignment]  # (a Counter of float scores)
    chosen: list[tuple[Mention, Rec | None, float]] = []
    for k, m in enumerate(ms):
        rk = ranked[k]
        if not rk:
            chosen.append((m, None, 0.0))
            continue
        if (
            m.qualifier is None
            and not m.paren
            and m.qualifier_of is None
            and len(pooled.get(norm(m.text), ())) > 1
        ):
            idx = pooled[norm(m.text)].most_common(1)[0][0]
        else:
            idx = rk[0][0]
        # the chosen reading's share of the candidates' exp(score): several close rivals
        # (twenty Springfields) lower it more than the margin over the runner-up does
        top = max(x[1] for x in rk)
        z = sum(math.exp(x[1] - top) for x in rk)
        prob = next((math.exp(x[1] - top) for x in rk if x[0] == idx), 0.0) / z
        r = g.rec(idx)
        p = _point(r)
        if SAME_PLACE_KM and p is not None:
            # readings that put the place at the same spot agree on where it is ("Gaza" the city
            # and the governorate around it): the confidence is in the location
            prob += (
                sum(
                    math.exp(x[1] - top)
                    for x in rk
                    if x[0] != idx
                    and (rival_point := _point(g.rec(x[0]))) is not None
                    and within_km(p[0], p[1], rival_point[0], rival_point[1], SAME_PLACE_KM)
                )
                / z
            )
        # the article's other names point to countries (none, or r's own, lets a dominant reading stand)
        elsewhere = {c for c, v in countries.items() if v - own_ev[k].get(c, 0) > 0}
        if not _supported(m, r, g, ctx, k) and (
            _far_rival(m, r, idx, g, not elsewhere or r.cc in elsewhere, elsewhere)
            or _foreign_town(r, ctx, k)
        ):
            # only the prior (population, kind) speaks for this reading and a sizeable
            # namesake elsewhere could be meant ("London" in a London, Ontario paper)
            prob *= UNSUPPORTED_FACTOR
        chosen.append((m, r, prob))
    places = [_place(parse.text, k, chosen, g, dateline) for k in range(len(chosen))]
    return [p for p in places if (p.confidence or 0) >= MIN_CONFIDENCE]


def _place(text: str, k: int, chosen, g: Gazetteer, dateline: Rec | None) -> Place:
    m, r, conf = chosen[k]
    span = Span.of(text, m.start, m.end)
    if r is None:
        return _unresolved(m, span, k, chosen, dateline)
    point = _point(r)
    if point is None:  # a county: its point is borrowed (see _county_point)
        point, how = _county_point(r, k, chosen, g)
        # LGL dev, counties kept at floor 0.4: a point borrowed from the article's city in that
        # state is within 161 km 9 times in 10 (278 / 309), from the state's same-named town
        # 6 times in 15, from the state's point never: only the first is kept
        conf *= {"city": 0.8}.get(how, 0.3)
    return Place(
        span=span,
        name=r.name,
        geonameid=r.gid,
        lat=point[0] if point else None,
        lon=point[1] if point else None,
        country=r.cc,
        feature=FEATURE.get(r.kind, "other"),
        confidence=round(conf, 3),
        geo_precision=GEO_PRECISION.get(r.kind, 3) if point else None,
    )


def _dateline(meta: Meta | None, g: Gazetteer) -> Rec | None:
    if meta is None or not meta.dateline:
        return None
    name = meta.dateline.split(",")[0].strip()
    cands, alt, _ = lookup_text(g, name.title() if name.isupper() else name)
    best = None
    for idx in cands:
        r = g.rec(idx)
        s = _prior(r, alt.get(idx, False), name)
        if best is None or s > best[0]:
            best = (s, r)
    return best[1] if best else None


def _nearest_city(k: int, chosen, ok) -> Rec | None:
    """The placed city closest in the text to mention ``k`` that satisfies ``ok``."""
    best = None
    for j, (_m, r, _) in enumerate(chosen):
        if j != k and r is not None and r.kind == "city" and _point(r) and ok(r):
            d = abs(j - k) + (0 if j < k else 0.5)  # a tie goes to the one before
            if best is None or d < best[0]:
                best = (d, r)
    return best[1] if best else None


def _county_point(r: Rec, k: int, chosen, g: Gazetteer):
    """A US county has no point in the packaged data. Take the article's closest placed
    city in that state (local news names the county seat or a town in it), else the
    largest same-named city of that state, else the state's point."""
    if r.kind != "admin2":
        return None, "none"
    c = _nearest_city(k, chosen, lambda x: x.cc == "US" and x.admin1 == r.admin1)
    if c is not None:
        return _point(c), "city"
    base = r.name.rsplit(" ", 1)[0]
    same = [g.rec(i) for i, alt in g.lookup(base) if not alt]
    same = [x for x in same if x.kind == "city" and x.cc == "US" and x.admin1 == r.admin1]
    if same:
        return _point(max(same, key=lambda x: x.pop)), "namesake"
    st = g.admin1.get(("US", r.admin1 or ""))
    return (_point(g.rec(st)) if st is not None else None), "state"


def _unresolved(m: Mention, span: Span, k: int, chosen, dateline: Rec | None) -> Place:
    """A place entity the gazetteer lacks (a street, a building, a village): placed at the
    article's city closest to it in the text (it is usually in or near it), low confidence."""
    feature = "facility" if m.label == "FAC" else "other"
    if m.paren == "head" and k + 1 < len(chosen):
        # "Jilib (Middle Juba)" with Jilib unknown: inside the area the parenthesis names
        # at the smallest area named, and saying so: 2 at a district (or a town named as the area),
        # 3 at a province
        m2, r2, _ = chosen[k + 1]
        if m2.paren == "inner" and r2 is not None and _point(r2):
            return Place(
                span,
                m.text,
                None,
                r2.lat,
                r2.lon,
                r2.cc,
                "city" if m.want == "city" else "other",
                0.6,
                max(2, GEO_PRECISION.get(r2.kind, 3)),
            )
    c = _nearest_city(k, chosen, lambda x: True) or (
        dateline if dateline is not None and _point(dateline) else None
    )
    if c is not None:
        return Place(span, m.text, None, c.lat, c.lon, c.cc, feature, 0.2, 2)
    return Place(span, m.text, None, None, None, None, feature, 0.1)
