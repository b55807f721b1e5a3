"""ACLED's names of actors: a state's forces by acronym or own name, armed groups' aliases, ACLED's
country names, and the generic actors named with the country where they act ("Military Forces of
Nigeria", "Protesters (Iraq)"). Word data: according/lang/actors.py; who the actors of an event
are: events/actors.py."""

from __future__ import annotations

from bisect import bisect_left

from ..lang.actor_doers import BACKER_WORDS, NOT_WHERE_WORDS
from ..lang.actors import (
    ACLED_COUNTRY_NAMES,
    ACRONYM_NAMESAKES,
    FORCE_MODIFIERS,
    GROUP_ALIASES,
    MILITARY,
    MILITARY_OF_ANOTHER_STATE,
    POLICE,
    STATE_DEMONYMS,
    STATE_FORCES,
    WHERE_PREPOSITIONS,
)
from ..model import Actor, Place
from ..pipeline import Work
from ..syntax import Tok


def known_name(word: str) -> bool:
    """Is a word by itself a name the notes give a state's forces or an armed group ("RSF", "SAF",
    "IS", "Daesh", "ISIS-K"), capitalised as a name, whatever the tagger made of it?"""
    key = word.casefold()
    if key not in STATE_FORCES and key not in GROUP_ALIASES:
        return False
    return word.isupper() if len(word) <= 3 else word[:1].isupper()  # "IS", never the verb "is"


def whole_word(text: str, t: Tok) -> str:
    """The whitespace-delimited word token t is part of, without the punctuation around it: "ISIS-K"
    for the tokens "ISIS", "-", "K"."""
    a, b = t.start, t.end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return text[a:b].strip(".,;:!?()[]\"'‘’“”")


def country_of(work: Work, start: int, end: int) -> str | None:
    """ACLED's name of the country a place or demonym in [start, end) names ("Israeli" -> Israel);
    inside a name the places stage leaves whole ("the Armed Forces of Ukraine"), a word that is a
    country's name or demonym in the gazetteer."""
    for pl in work.places:
        if (
            pl.span.start < end
            and start < pl.span.end
            and pl.feature == "country"
            and not _backer(work, pl.span.end)
        ):
            return country_name(pl.country) or pl.name
    from ..places import gazetteer

    g = gazetteer.get()
    toks = work.parse.toks
    first = bisect_left(toks, start, key=lambda t: t.start)
    for t in toks[first : bisect_left(toks, end, lo=first, key=lambda t: t.start)]:
        if t.ent_type in ("ORG", "NORP", "GPE") and t.text[:1].isupper() and not _backer(work, t.end):
            key = gazetteer.norm(t.text)
            hits = [i for i, alternate in g.lookup(t.text) if not alternate and g.rec(i).kind == "country"]
            idx = hits[0] if hits else g.demonyms.get(key)
            if idx is not None and g.rec(idx).kind == "country":
                return country_name(g.rec(idx).cc) or g.rec(idx).name
            if (iso := _other_demonym(key)) is not None:
                return country_name(iso)
    return None


def _other_demonym(key: str) -> str | None:
    """ISO code of the state whose demonym the normalised word ``key`` is where the gazetteer's
    country data lacks it ("saudi", "azeri"), or None."""
    from ..lang.places import DEMONYM_ALIASES

    return DEMONYM_ALIASES.get(key) or STATE_DEMONYMS.get(key)


def _backer(work: Work, end: int, words: tuple[str, ...] = BACKER_WORDS) -> bool:
    """Is the country name ending at character ``end`` a backer's ("US-backed Saudi warplanes",
    "Iran-allied militias"): whose support, not whose men? (With NOT_WHERE_WORDS also a leader's or
    holder's: "US-led", "Russia-occupied".)"""
    after = work.text[end : end + 16].lower()
    return after.startswith("-") and after[1:].startswith(words)


def demonym_country(name: str) -> str | None:
    """ACLED's name of the country whose name or demonym ``name`` is ("Sudanese" -> Sudan)."""
    from ..places import gazetteer

    g = gazetteer.get()
    hits = [i for i, alternate in g.lookup(name) if not alternate and g.rec(i).kind == "country"]
    idx = hits[0] if hits else g.demonyms.get(gazetteer.norm(name))
    if idx is None and (iso := _other_demonym(gazetteer.norm(name))) is not None:
        return country_name(iso)
    if idx is None or g.rec(idx).kind != "country":
        return None
    return country_name(g.rec(idx).cc) or g.rec(idx).name


def acled_name(actor: Actor | None) -> Actor | None:
    """A state's forces named by their acronym or own name ("SAF", "the IDF", "Iraqi Security Forces")
    as ACLED's "Military Forces of <country>", an armed group's alias ("ISIS", "ISWAP") as the
    words of ACLED's name; any other actor unchanged."""
    if actor is None:
        return None
    key = " ".join(actor.name.casefold().removeprefix("the ").split())
    if key in STATE_FORCES:
        generic, iso = STATE_FORCES[key]
        country = country_name(iso)
        return Actor(f"{generic} of {country}" if country else generic, actor.entity)
    if key in GROUP_ALIASES:
        return Actor(GROUP_ALIASES[key], actor.entity)
    if key.endswith(ETHNIC_MILITIA.lower()):
        # "the Fulani ethnic militia": ACLED's "Fulani Ethnic Militia" (the country comes with the place)
        people = " ".join(actor.name.split()[:-2])
        people = people.removeprefix("the ").removeprefix("The ").strip()
        if people and people.lower() != "the":
            return Actor(people + ETHNIC_MILITIA, actor.entity)
    return actor


def generic_force(name: str) -> bool:
    """Does an entity's name only say what kind of force it is ("police", "the security forces")?"""
    words = [w.removesuffix("s") for w in name.lower().replace("-", " ").split() if w != "the"]
    return all(w in MILITARY | POLICE | FORCE_MODIFIERS or w + "s" in POLICE for w in words)


# ACLED's generic actors, named with the country where they act
STATE_FORCE = ("Military Forces", "Police Forces")
GENERIC_OF = ("Military Forces", "Police Forces", "Government")  # "Military Forces of Nigeria"
GENERIC_IN = (
    "Protesters",
    "Rioters",
    "Civilians",
    "Unidentified Armed Group",
    "Unidentified Communal Militia",
)
ETHNIC_MILITIA = " Ethnic Militia"  # "Fulani Ethnic Militia (Nigeria)"
CLAN_MILITIA = " Clan Militia"  # "Marehan Clan Militia (Somalia)", "Unidentified Clan Militia (Somalia)"  # "Protesters (Iraq)"


def country_name(iso: str | None) -> str | None:
    """ACLED's name of a country given by its ISO 3166-1 alpha-2 code: the gazetteer's name, or
    ACLED's where the two differ ("Palestine", not GeoNames' "Palestinian Territory")."""
    if not iso:
        return None
    from ..places import gazetteer

    if iso in ACLED_COUNTRY_NAMES:
        return ACLED_COUNTRY_NAMES[iso]
    g = gazetteer.get()
    idx = g.country.get(iso)
    return g.rec(idx).name if idx is not None else None


def in_country(actor: Actor | None, country: str | None) -> Actor | None:
    """A generic actor without a country ("Protesters", "Police Forces") named with ``country``, as
    ACLED names it; any other actor unchanged."""
    if actor is None or not country:
        return actor
    if (actor.name, country) in ACRONYM_NAMESAKES:  # "SNA factions shelled ..." in Syria
        return Actor(ACRONYM_NAMESAKES[(actor.name, country)], actor.entity)
    if actor.name == "Military Forces" and country in MILITARY_OF_ANOTHER_STATE:
        return Actor(f"Military Forces of {MILITARY_OF_ANOTHER_STATE[country]}", actor.entity)
    if actor.name in GENERIC_OF:
        return Actor(f"{actor.name} of {country}", actor.entity)
    if actor.name in GENERIC_IN or actor.name.endswith((ETHNIC_MILITIA, CLAN_MILITIA)):
        return Actor(f"{actor.name} ({country})", actor.entity)
    return actor


def event_country(work: Work, place: int | None, start: int, end: int) -> str | None:
    """ACLED's name of the country an event's generic actors are named with ("Protesters (Iraq)"),
    for the event at ``work.places[place]`` (None: no place) whose sentence is [start, end):

    1. the event's place's country, unless the areas in brackets after it (a note's "(District,
       Province)", two or more read as places) all lie in one other country: then that one (the
       village was read as a namesake abroad; its areas say where it is);
    2. with no place: the country the sentence's towns, areas and countries after "in" agree on
       (a country's name is left out unless it follows "in" or the like: "U.S. soldiers" says whose,
       not where; a dateline's town and "in Yemen" disagree, so neither is chosen);
    3. else none: a generic actor with no country is better than one with a wrong country. (Not the
       article's most-named country: it moved no PLOVER row, and in the project's own example the
       evacuees' destination, Larnaca, made the unnamed besieged city's soldiers "Military Forces of
       Cyprus". Not the sentence's demonyms or countries: "a roadside bomb killed one U.S. soldier" names the
       victim's country, and on PLOVER's tuned part that made a bombing in Iraq an Unidentified
       Armed Group (United States).)

    A demonym ("the Filipinos were taken ... in Nigeria") or a country's name not after "in" ("the
    U.S. embassy") says whose, not where: a country after "in" (and the like) in the sentence goes
    before it.
    A country joined to "-backed", "-led", "-occupied" and the like is whose, not where: neither the
    place nor one of the sentence's ("US-backed Saudi-led coalition mercenaries" in a Yemeni report)."""
    places = work.places
    inside = [
        i
        for i, pl in enumerate(places)
        if pl.country and start <= pl.span.start < end and not _backer(work, pl.span.end, NOT_WHERE_WORDS)
    ]
    named = {places[i].country for i in inside if _where(work, places[i])}
    if place is not None and (_demonym(places[place]) or not _where(work, places[place])) and len(named) == 1:
        # "the Filipinos were taken by pirates ... in Nigeria": a people named by their demonym says
        # whose, the country after "in" where; so does a country named as whose ("arresting
        # opponents in Haiti, a spokeswoman for the U.S. embassy said": Haiti's police)
        return country_name(named.pop())
    if (
        place is not None
        and places[place].country
        and not _backer(work, places[place].span.end, NOT_WHERE_WORDS)
    ):
        here = places[place]
        areas = _areas_after(work, here.span.end)
        named_areas = {places[i].country for i in inside if areas[0] <= places[i].span.start < areas[1]}
        n_areas = sum(1 for i in inside if areas[0] <= places[i].span.start < areas[1])
        if (
            here.feature != "country"
            and n_areas >= 2
            and len(named_areas) == 1
            and here.country not in named_areas
        ):
            return country_name(named_areas.pop())
        return country_name(here.country)
    if len(named) == 1:
        return country_name(named.pop())
    return None


def _demonym(place: Place) -> bool:
    """Is a country mention a demonym ("Filipinos", "Nigerian"), not the country's name?"""
    from ..places import gazetteer

    g = gazetteer.get()
    key = gazetteer.norm(place.span.text)
    return (
        place.feature == "country"
        and key in g.demonyms
        and not any(
            not alternate and g.rec(i).kind == "country" for i, alternate in g.lookup(place.span.text)
        )
    )


def _areas_after(work: Work, end: int) -> tuple[int, int]:
    """The characters inside the brackets right after a place ending at ``end`` ("Kafr Nabl
    (Maarrat an Numan, Idleb)"), or an empty range."""
    text = work.text
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    if j >= len(text) or text[j] != "(":
        return (end, end)
    close = text.find(")", j)
    return (j + 1, close) if close > 0 else (end, end)


def _where(work: Work, place: Place) -> bool:
    """Does a place mention say where something happened: a town or an area, or a country after
    "in" and the like ("in Yemen"; not "U.S. soldiers")?"""
    if place.feature != "country":
        return True
    before = work.text[max(0, place.span.start - 12) : place.span.start].lower().split()
    the = bool(before) and before[-1] == "the"
    if the:
        before = before[:-1]
    if not before or before[-1] not in WHERE_PREPOSITIONS:
        return False
    from ..places import gazetteer

    # a demonym only with its noun ("in the Indian capital"), not a language ("signs in Chinese")
    return the or gazetteer.norm(place.span.text) not in gazetteer.get().demonyms
