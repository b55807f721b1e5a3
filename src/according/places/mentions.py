"""Finding place mentions in a Parse: which character spans name a place, and
which gazetteer records each could be.

News toponym annotation (LGL, TR-News) counts a place wherever it is named:
alone ("in Cairo"), inside an organisation's name ("the Ohio Supreme Court",
"Laurel County Sheriff's Office"), as a demonym ("Israeli forces" -> Israel),
as a state abbreviation ("Alexandria, La."), and streets and buildings. So the
scanner reads every capitalised run of tokens and keeps the longest sub-span
the gazetteer knows, and how much it trusts a match depends on where it is:
inside a spaCy GPE/LOC/FAC entity any match counts; inside an organisation or
a person's name, or outside any entity, only places that are hard to mistake
(countries, states, counties, regions, large cities) or that the same article
uses as a place elsewhere. Some words around a name say what it is: "City, State"
chains qualify it; a parenthesis of area names after it ("Jilib (Middle Juba)",
"Kidal (Kidal, Kidal)") makes it a town inside them, found even when the entity
recogniser missed it; "Becker and Clay counties" makes both counties; "Lake" or
"Gulf of" before a state's name makes another place. Where such words say a place is
meant and the gazetteer lacks the name as written, it is looked up in other spellings
(:mod:`.spelling`): the parenthesis's areas ("(Hiraan)": Hiiraan) only when the name before
it then lies inside them, that town inside them, and "the village of X" only in a country
the text names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.place_abbreviations import (
    AMBIGUOUS_ABBR,  # noqa: F401 - read by resolve from here
    AP_STATES,
    NAME_PREFIX_ABBREVIATIONS,
    POSTAL,
    PROVINCE_ABBR,
)
from ..lang.places import (  # noqa: F401 - PLACE_NOUNS: imported from here by resolve, events
    ARABIC_ARTICLES,
    COUNTRY_ALIASES,
    DEMONYM_ALIASES,
    FEATURE_WORDS,
    HEAD_WORDS,
    LEAD_FEATURES,
    NAME_CONNECTORS,
    PLACE_DEMONYMS,
    PLACE_NOUNS,
)
from ..nlp import Parse
from .gazetteer import GENERIC, Gazetteer, Rec, norm

_DROP_LEAD = {"the", "a", "an"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class Mention:
    start: int  # character offsets
    end: int
    tok: int  # first token
    tok_end: int
    text: str
    label: str  # spaCy label of the entity the mention lies in ("" outside any)
    whole: bool  # the mention is the whole entity (after trimming "the" and "'s")
    cands: list[int] = field(default_factory=list)  # gazetteer record indices
    alt: dict[int, bool] = field(default_factory=dict)  # record -> matched by an alternate name
    demonym: bool = False
    qualifier: tuple[tuple[int, ...], ...] | None = None  # groups of records the reading must lie inside
    qualifier_of: int | None = (
        None  # this mention qualifies the mention with this index ("La." of "Alexandria")
    )
    qualifies: tuple[int, ...] = ()  # candidates of the mention it qualifies
    paren: str = ""  # "Kidal (Kidal, Kidal)": "head" for the first Kidal, "inner" for the others
    want: str = ""  # the kind of record the words around ask for ("city", "admin2", ...)
    sentence_initial: bool = False


def _ent_ids(parse: Parse) -> list[int]:
    ids = [-1] * len(parse.toks)
    for k, e in enumerate(parse.ents):
        for i in range(e.start, e.end):
            ids[i] = k
    return ids


def _capital(tok) -> bool:
    return tok.text[:1].isupper()


def lookup_text(g: Gazetteer, text: str) -> tuple[list[int], dict[int, bool], bool]:
    """Gazetteer records a span of text may name: (records, alternate-name flags, is a demonym).

    A pure function of the text for one gazetteer, asked for every capitalised span of every
    article (9,300 times in 50 PolNeAR articles, most spans repeated): kept per text on the
    gazetteer (``Gazetteer.texts``, bounded), each caller getting its own list and dict."""
    found = g.texts.get(text)
    if found is None:
        if len(g.texts) > 100_000:  # a long stream asks many; keep memory flat
            g.texts.clear()
        records, alternates, demonym = _lookup_text(g, text)
        found = g.texts[text] = (tuple(records), tuple(alternates.items()), demonym)
    return list(found[0]), dict(found[1]), found[2]


def _lookup_text(g: Gazetteer, text: str) -> tuple[list[int], dict[int, bool], bool]:
    text = text.replace(". ", ".") if len(text) < 8 else text  # "W. Va."
    if norm(text) in GENERIC:
        return [], {}, False
    if text in AP_STATES:
        idx = g.admin1.get(("US", AP_STATES[text]))
        return ([idx], {}, False) if idx is not None else ([], {}, False)
    if text in PROVINCE_ABBR:
        admin1 = [i for i, _ in g.lookup(PROVINCE_ABBR[text]) if g.rec(i).kind == "admin1"]
        return admin1, {}, False
    key = norm(text)
    if key in COUNTRY_ALIASES and (text.isupper() or text[:1].isupper()):
        idx = g.country.get(COUNTRY_ALIASES[key])
        if idx is not None and (len(key) > 3 or text.replace(".", "").isupper()):
            return [idx], {}, False
    dem = g.demonyms.get(key)
    if dem is None and (alias := DEMONYM_ALIASES.get(key)):
        dem = g.country.get(alias)
    if dem is not None:
        return [dem], {}, True
    if key in PLACE_DEMONYMS:
        hits = g.lookup(PLACE_DEMONYMS[key])
        hits = [h for h in hits if not h[1]] or hits  # "Gazans" are of Gaza, not of Gaza Province
        return [i for i, _ in hits], {i: a for i, a in hits}, True
    hits = g.lookup(text)
    if not hits and key.startswith("the "):
        hits = g.lookup(key[4:])
    if not hits and text[:1].isupper():
        hits = _with_article(g, key)
    return [i for i, _ in hits], {i: a for i, a in hits}, False


_ARTICLE_RE = re.compile(r"^(?:" + "|".join(ARABIC_ARTICLES) + r")[ -](?=\w{3})")


def _with_article(g: Gazetteer, key: str) -> list[tuple[int, bool]]:
    if _ARTICLE_RE.match(key):
        return g.lookup(_ARTICLE_RE.sub("", key, count=1))
    if " " in key or len(key) < 4:
        return []
    for art in ARABIC_ARTICLES:
        hits = g.lookup(f"{art} {key}")
        if hits:
            return hits
    return []


def _in_name_run(tok, ent: int, first_ent: int, sent: int) -> bool:
    """May ``tok`` stand in a place name that starts in entity ``first_ent`` and sentence ``sent``?"""
    return (
        ent == first_ent
        and not tok.is_space
        and (_capital(tok) or tok.text.lower() in NAME_CONNECTORS or tok.like_num)
        and tok.sent == sent
    )


def find_mentions(parse: Parse, g: Gazetteer) -> list[Mention]:
    """Every gazetteer match in capitalised runs, plus place entities the gazetteer lacks."""
    toks = parse.toks
    text = parse.text
    ent_of = _ent_ids(parse)
    out: list[Mention] = []
    covered = [False] * len(toks)
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.is_space or t.is_punct or not _capital(t) or t.text.lower() in _DROP_LEAD:
            i += 1
            continue
        e = ent_of[i]
        best = None
        if (
            i + 1 < n
            and toks[i + 1].text == "."
            and toks[i + 1].start == t.end
            and (t.text + "." in AP_STATES or t.text + "." in PROVINCE_ABBR)
        ):
            # "Man." split as "Man" + ".": the abbreviation, not the Ivorian city
            span_text = t.text + "."
            cands, alt, dem = lookup_text(g, span_text)
            if cands:
                best = (i + 2, span_text, cands, alt, dem)
        if (
            best is None
            and i + 2 < n
            and t.text.lower() in NAME_PREFIX_ABBREVIATIONS
            and toks[i + 1].text == "."
            and toks[i + 1].start == t.end
            and toks[i + 2].sent == t.sent
        ):
            # "ST. PAUL, Minn.": a dateline's capitals split "ST" from its period, which would leave
            # "PAUL" to be looked up alone (a district of Cape Verde)
            last_name = i + 2
            while (
                last_name + 1 < min(n, i + 6)
                and _capital(toks[last_name + 1])
                and not toks[last_name + 1].is_punct
            ):
                last_name += 1
            for j in range(last_name + 1, i + 2, -1) if _capital(toks[i + 2]) else ():
                span_text = text[t.start : toks[j - 1].end]
                cands, alt, dem = lookup_text(g, span_text)
                if cands:
                    best = (j, span_text, cands, alt, dem)
                    break
        # longest capitalised sub-span within the same entity (or outside any), up to 6 tokens:
        # every token of it in the entity, no space, capitalised (or a connector or a number),
        # in the sentence of the first: the run of such tokens from i bounds the span
        run = 0
        while run < min(6, n - i) and _in_name_run(toks[i + run], ent_of[i + run], e, t.sent):
            run += 1
        for m in range(run, 0, -1) if best is None else ():
            j = i + m  # exclusive
            last = toks[j - 1]
            if not (_capital(last) or last.text in AP_STATES or last.text in PROVINCE_ABBR):
                continue
            span_text = text[t.start : last.end]
            cands, alt, dem = lookup_text(g, span_text)
            if cands:
                best = (j, span_text, cands, alt, dem)
                break
        if best is None or best[0] == i + 1:
            if (
                t.text.lower() in LEAD_FEATURES
                and e >= 0
                and parse.ents[e].label in _PLACE_LABELS
                and parse.ents[e].end > i + 1
            ):
                # "Lake Vermont", "Gulf of Mexico": a water body or mountain the gazetteer lacks,
                # not the state or country inside its name
                j = i + 1
                while j < n and ent_of[j] == e and toks[j].sent == t.sent:
                    j += 1
                out.append(
                    Mention(
                        t.start,
                        toks[j - 1].end,
                        i,
                        j,
                        text[t.start : toks[j - 1].end],
                        parse.ents[e].label,
                        True,
                    )
                )
                for k in range(i, j):
                    covered[k] = True
                i = j
                continue
        if best is None:
            i += 1
            continue
        j, span_text, cands, alt, dem = best
        label = parse.ents[e].label if e >= 0 else ""
        if (
            j < n
            and ent_of[j] == e
            and toks[j].sent == t.sent
            and _capital(toks[j])
            and toks[j].text.lower().rstrip(".") in FEATURE_WORDS
            and not dem
        ):
            # "Red River", "Dublin Road": a different place, which the gazetteer lacks
            while j < n and ent_of[j] == e and toks[j].sent == t.sent and _capital(toks[j]):
                j += 1
            span_text, cands, alt = text[t.start : toks[j - 1].end], [], {}
            label = label or "FAC"
        whole = False
        if e >= 0:
            ent = parse.ents[e]
            a, b = ent.start, ent.end
            while a < b and toks[a].text.lower() in _DROP_LEAD:
                a += 1
            while b > a and toks[b - 1].text in ("'s", "’s", "'", "’"):
                b -= 1
            whole = (a, b) == (i, j)
        sent_start = parse.sents[t.sent].start if parse.sents else 0
        out.append(
            Mention(
                t.start,
                toks[j - 1].end,
                i,
                j,
                span_text,
                label,
                whole,
                cands,
                alt,
                dem,
                sentence_initial=(i == sent_start),
            )
        )
        for k in range(i, j):
            covered[k] = True
        i = j
    # place entities the gazetteer does not know (streets, buildings, small places)
    for ent in parse.ents:
        if ent.label not in _PLACE_LABELS or any(covered[k] for k in range(ent.start, ent.end)):
            continue
        a, b = ent.start, ent.end
        while a < b and toks[a].text.lower() in _DROP_LEAD:
            a += 1
        while b > a and (
            toks[b - 1].text in ("'s", "’s", "'", "’") or toks[b - 1].is_punct or toks[b - 1].is_space
        ):
            b -= 1
        if a >= b or not any(_capital(toks[k]) for k in range(a, b)):
            continue
        s, end = toks[a].start, toks[b - 1].end
        out.append(Mention(s, end, a, b, text[s:end], ent.label, True))
    out.sort(key=lambda m: m.start)
    out = _parentheses(out, parse, g)
    _qualifiers(out, parse, g)
    _county_lists(out, parse)
    _kind_words(out, parse, g)
    return out


def _kind_words(ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """A lowercase place noun before "of" or right after a name says which kind of place is meant:
    "the city of Mersin" is the city, not the province named after it; "Mykolaiv oblast" the province.
    A town or village so named that the gazetteer lacks as written is looked up in other
    spellings ("the village of Tal Rifaat": Tall Rif'at), towns only."""
    text = parse.text
    for m in list(ms):  # (a respelt town may take the place of the mentions inside it)
        if m.want or m.demonym:
            continue
        before = _KIND_OF.search(text[max(0, m.start - 16) : m.start])
        after = _KIND_AFTER.match(text[m.end : m.end + 14])
        kind_word = before or after
        word = kind_word.group("w") if kind_word else None
        if word and HEAD_WORDS.get(word):
            m.want = HEAD_WORDS[word]
            if before and m.want == "city":
                _respell_town(m, ms, parse, g)


def _respell_town(m: Mention, ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """ "the village of Tal Rifaat": the capitalised run after "village of" names one town. When
    the gazetteer knows neither the run nor the mention as written ("Tal" of it matched a town in
    Austria), the run is looked up in other spellings (Tall Rif'at) and, if found, is the mention."""
    toks = parse.toks
    b = m.tok
    while b < len(toks) and toks[b].sent == toks[m.tok].sent and _capital(toks[b]) and not toks[b].is_punct:
        b += 1
    if b <= m.tok:
        return
    s, e = toks[m.tok].start, toks[b - 1].end
    if g.lookup(parse.text[s:e]) or (m.cands and e == m.end):
        return  # known as written
    # a respelling is believed only in a country the text names ("the village of Prisi" in a story
    # on Georgia is no Paris; "Syrian forces ... the village of Tal Rifaat" is Tall Rif'at, Syria)
    named = {g.rec(i).cc for x in ms for i in x.cands if x is not m and g.rec(i).kind == "country"}
    found = [
        (i, a)
        for i, a in g.lookup_spelling(parse.text[s:e])
        if g.rec(i).kind == "city" and g.rec(i).cc in named
    ]
    if not found:
        return
    m.start, m.end, m.tok_end, m.text = s, e, b, parse.text[s:e]
    m.cands, m.alt = [i for i, _ in found], dict(found)
    ms[:] = [x for x in ms if x is m or x.end <= s or x.start >= e]


def _county_lists(ms: list[Mention], parse: Parse) -> None:
    """ "Becker, Grant, Swift and Clay counties", "Orange county": names followed by a
    lowercase "county"/"counties" (or "parish(es)") are counties, and so is every name of a
    list that the plural closes."""
    text = parse.text
    for k, m in enumerate(ms):
        word = re.match(r"^ (counties|county|parishes|parish)\b", text[m.end : m.end + 10])
        if not word:
            continue
        m.want = m.want or "admin2"
        if word.group(1) not in ("counties", "parishes"):
            continue
        j = k
        while j > 0:  # walk back over "A, B and C"
            gap = text[ms[j - 1].end : ms[j].start]
            if gap not in (", ", " and ", ", and ", " or ", ", or ", " & "):
                break
            j -= 1
            ms[j].want = ms[j].want or "admin2"


_POSTAL_RE = re.compile(r"^[A-Z]{2}$")


def _qualifiers(ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """Mark "City, State" / "City, County, State" / "City, Country" chains: each later name
    qualifies the earlier ones. ``qualifier`` holds one group of candidate records per
    qualifying name (the reading must lie inside one record of every group); the qualifying
    name learns the candidates it qualifies (``qualifies``) so that it is read as the area
    around one of them ("Athens, Georgia": the state, not the country)."""
    text = parse.text
    for k in range(len(ms) - 2, -1, -1):
        a, b = ms[k], ms[k + 1]
        gap = text[a.end : b.start]
        if gap.strip() != "," or "\n" in gap or not b.cands or b.demonym or not a.cands and not a.paren:
            continue
        a.qualifier = (tuple(b.cands), *(b.qualifier or ()))
        b.qualifier_of = k
        b.qualifies = tuple(a.cands)
    # bare postal codes after "City,": "Paris, TX"
    for m in ms:
        if m.qualifier is not None or not m.cands:
            continue
        rest = text[m.end : m.end + 5]
        mt = re.match(r"^, ([A-Z]{2})\b", rest)
        if mt and mt.group(1) in POSTAL and ("US", mt.group(1)) in g.admin1:
            m.qualifier = ((g.admin1[("US", mt.group(1))],),)


# "the Turkish city of Mersin", "the town of Kidal", "the province of Idlib": the kind asked for
_KIND_OF = re.compile(
    r"\b(?P<w>city|town|village|province|governorate|region|district|oblast|prefecture) of $"
)
# "Kharkiv city", "Mykolaiv oblast", "Idlib province" (lowercase: "Kansas City" is a name)
_KIND_AFTER = re.compile(
    r"^ (?P<w>city|town|village|province|governorate|district|oblast|raion|township|prefecture)\b"
)
_AREA_KINDS = {"admin1", "admin2", "country", "region"}
_NAME_PART = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$")


def _parentheses(ms: list[Mention], parse: Parse, g: Gazetteer) -> list[Mention]:
    """ "in Jilib (Middle Juba)", "in Kidal (Kidal, Kidal)", "in Hays district (Al Hudaydah)":
    a place followed by a parenthesis that names only administrative areas (conflict-event
    notes give "Location (Admin2, Admin1)"). The place before it is a mention even when the
    entity recogniser missed it (the pattern is the evidence); it is read inside those areas,
    and each name in the parenthesis as an area, the last one the widest (first level)."""
    toks, text = parse.toks, parse.text
    n = len(toks)
    for t in toks:
        if t.text != "(" or t.i == 0:
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
            ps, pe = at, at + len(part)
            at = pe + 1
            within = [m for m in found if ps <= m.start and m.end <= pe]
            m = within[0] if len(within) == 1 and norm(within[0].text) == norm(part) else None
            if m is None and within and part.strip():
                # "Metro Manila" read as "Metro" + the entity "Manila": the whole part, if it is an area
                whole_cands, whole_alt, dem = lookup_text(g, part.strip())
                if not dem and any(g.rec(i).kind in _AREA_KINDS for i in whole_cands):
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
                respelt.append((m, False))
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
