"""The actor a noun phrase names, in ACLED's style: a state's forces "Military Forces of <country>",
its police "Police Forces of <country>", unnamed armed men "Unidentified Armed Group", crowds
"Protesters" and "Rioters", victims "Civilians", a named group as the article names it (the linked
entity; "members of Boko Haram", "JNIM militants" are the group). Which noun phrases are an event's
doer and target: events/actors.py; ACLED's names and countries: events/actor_names.py; word data:
according/lang/actors.py. (Split from events/actors.py, unchanged in behaviour.)"""

from __future__ import annotations

from ..lang.actor_doers import (
    AFFILIATION_PREPOSITIONS,
    AFFILIATION_WORDS,
    ARMED_KINDS,
    ARMED_KINDS_OF_FIGHTERS,
)
from ..lang.actor_groups import FORCE_GROUP_NOUNS
from ..lang.actors import (
    AIR_DEFENCE,
    ARMED_HEADS,
    ARMED_MODIFIERS,
    ATTACK_NOUNS,
    BORDER_FORCE_HEADS,
    CIVILIANS,
    CLAN_NOUNS,
    COALITION_NOUNS,
    COUNTING_NOUNS,
    ETHNIC_MILITIA_NOUNS,
    FIGHTER_NOUNS,
    FORCE_UNITS,
    GOVERNMENT,
    GROUP_NAME_HEADS,
    MEMBER_NOUNS,
    MILITARY,
    MILITARY_GOVERNMENT,
    NOT_ACTORS,
    POLICE,
    POLICED_TROOPER_MODIFIERS,
    PROTESTERS,
    RIOTERS,
    SETTLERS,
    UNIDENTIFIED,
)
from ..model import Actor, Entity
from ..pipeline import Work
from ..syntax import Tok
from .actor_names import (
    acled_name,
    country_of,
    demonym_country,
    generic_force,
    known_name,
    whole_word,
)


def resolved_entity(work: Work, k: int) -> Entity | None:
    """The named group, person or state a pronoun at token k refers to, as the coreference stage
    resolved it (a mention of the entity at exactly that token), or None."""
    t = work.parse.toks[k]
    for e in work.entities:
        if e.type in ("ORG", "NORP", "PERSON", "GPE") and any(
            m.start == t.start and m.end == t.end for m in e.mentions
        ):
            return e
    return None


def _before_areas(work: Work, k: int) -> bool:
    """Is the proper noun k a place a note follows with its areas: "Kafr Nabl (Maarrat an Numan,
    Idleb)"? (the gazetteer need not know the village)"""
    toks = work.parse.toks
    j = k + 1
    while j < len(toks) and toks[j].dep == "compound" and toks[j].head == k:
        j += 1
    return (
        j + 1 < len(toks)
        and toks[j].text == "("
        and toks[j + 1].text[:1].isupper()
        and not toks[j + 1].text.isupper()  # "the Somali National Army (SNA)": an acronym, no areas
    )


def smaller_place(work: Work, k: int) -> bool:
    """Is token k part of a place smaller than a country ("a West Bank refugee camp")?"""
    t = work.parse.toks[k]
    return any(
        pl.span.start < t.end and t.start < pl.span.end and pl.feature != "country" for pl in work.places
    )


def actor_at(work: Work, k: int | None, as_doer: bool = True) -> Actor | None:
    """The actor named by the noun phrase headed by token k, in ACLED's style."""
    return acled_name(_actor_at(work, k, as_doer))


def _actor_at(work: Work, k: int | None, as_doer: bool) -> Actor | None:
    if k is None:
        return None
    p = work.parse
    toks = p.toks
    t = toks[k]
    lem = t.lemma.lower()
    if t.pos == "PROPN" and lem.endswith("s") and lem[:-1] in MILITARY | POLICE:
        lem = lem[:-1]  # "the Armed Forces of Ukraine": a proper noun keeps its plural as lemma
    if t.pos == "PRON":
        # "it fired rockets": the group the coreference stage resolved the pronoun to
        named = resolved_entity(work, k)
        if named is not None and (named.type != "GPE" or as_doer):
            return Actor(named.name, named.id)
    if as_doer and lem in ATTACK_NOUNS - MILITARY:
        # "a Colombian army operation against ELN members", "a police raid": the force that made it
        force = next(
            (
                toks[c].lemma.lower()
                for c in p.children[k]
                if toks[c].dep in ("compound", "amod") and toks[c].lemma.lower() in MILITARY | POLICE
            ),
            None,
        )
        if force is not None:
            kind = "Police Forces" if force in POLICE else "Military Forces"
            state = country_of(work, toks[p.subtree(k)[0]].start, t.start)
            return Actor(f"{kind} of {state}" if state else kind)
    if lem in NOT_ACTORS | (ATTACK_NOUNS - MILITARY) or t.pos == "PRON" and lem not in ("they", "he", "she"):
        # (a raid or an ambush is what was done, not who did it; "an airstrike struck": forces did)
        return None
    word = whole_word(work.text, t)
    if known_name(word) and (
        t.dep not in ("compound", "amod") or toks[t.head].lemma.lower() in ATTACK_NOUNS
    ):  # "the RSF shelled", "ISIS-K claimed", "an AS ambush": ACLED's name for it (acled_name)
        return Actor(word)
    if not as_doer and (
        any(pl.span.start <= t.start < pl.span.end for pl in work.places)
        or (t.pos == "PROPN" and _before_areas(work, k))
    ):
        return None  # "attacked Gamboru", "shelled Stepanakert": the event's place, not an actor
    a, b = p.subtree(k)
    # only the noun phrase proper: cut relative clauses and trailing prepositions
    b = min([b] + [j for j in range(k + 1, b) if toks[j].dep in ("relcl", "acl", "prep", "punct", "cc")])
    start, end = p.char_span(a, b)
    ent = None
    hs, he = t.start, t.end
    # the entity named at the head itself ("CIA Director William J. Burns" is Burns), else one in the
    # noun phrase ("Hamas militants", "European Community foreign ministers", "Quatar's emir")
    # entities of the head's own type first (the "United Nations" ORG before a person linked to it)
    ordered = sorted(work.entities, key=lambda e: e.type != t.ent_type)
    for want_head in (True, False):
        for e in ordered:
            if e.type not in ("ORG", "NORP", "PERSON"):
                continue
            if want_head and not any(m.start < he and hs < m.end for m in e.mentions):
                continue
            if not want_head and not any(m.start < end and start < m.end for m in e.mentions):
                continue
            if e.type != "NORP" or lem not in CIVILIANS | PROTESTERS | RIOTERS:
                ent = e
                break
        if ent is not None:
            break
    clan = _clan_militia(work, k)
    if clan is not None:
        return clan
    group = _named_group(work, k)
    if group is not None:
        return group
    country = country_of(work, start, end)
    if not country and lem in GOVERNMENT | MILITARY | POLICE:
        # "the government of Mali", "the Armed Forces of Ukraine": the state the "of" phrase names
        country = next(
            (
                country_of(work, *p.char_span(*p.subtree(c)))
                for c in p.children[k]
                if toks[c].dep == "prep" and toks[c].text.lower() == "of"
            ),
            None,
        )
    if lem in MILITARY_GOVERNMENT:
        lem = "military"  # "the military junta imposed a curfew": ACLED's military regime is its forces
    if lem in GOVERNMENT and t.pos == "NOUN":
        # "the government of Mali", "Malian authorities": ACLED's "Government of Mali"
        return Actor(f"Government of {country}" if country else "Government")
    if t.ent_type in ("NORP", "GPE") and t.tag not in ("NNS", "NNPS"):
        # "Azerbaijani and Armenian-backed forces agreed": a demonym the parser made the head, with the
        # force noun it modifies as its conjunct, is that state's force
        force = next(
            (
                c
                for c in p.children[k]
                if toks[c].dep == "conj" and toks[c].lemma.lower() in MILITARY | POLICE
            ),
            None,
        )
        state = country_of(work, t.start, t.end) if force is not None else None
        if force is not None and state:
            kind = "Police Forces" if toks[force].lemma.lower() in POLICE else "Military Forces"
            return Actor(f"{kind} of {state}")
    if lem in COUNTING_NOUNS | FORCE_GROUP_NOUNS:
        # "a group of armed men", "dozens of gunmen", "units of the army": who they are
        for c in p.children[k]:
            if toks[c].dep == "prep" and toks[c].text.lower() == "of":
                counted = next((o for o in p.children[c] if toks[o].dep == "pobj"), None)
                if counted is not None:
                    return _actor_at(work, counted, as_doer)
    if lem in ETHNIC_MILITIA_NOUNS and any(toks[c].lemma.lower() == "communal" for c in p.children[k]):
        return Actor("Unidentified Communal Militia")  # ACLED's name for a community's unnamed militia
    if lem in ETHNIC_MILITIA_NOUNS:
        # "Fulani herdsmen", "Fulani militia": ACLED's "Fulani Ethnic Militia (Nigeria)"
        names = [
            c
            for c in p.children[k]
            if toks[c].dep in ("amod", "compound", "nmod") and toks[c].text[:1].isupper() and c < k
        ]
        people = [c for c in names if demonym_country(toks[c].text) is None]
        if people:
            return Actor(f"{toks[people[-1]].text} Ethnic Militia")
        state = own_country(work, k) if names else None
        if state:  # "a Libyan militia", "Somali militiamen": a state's armed men, no people's militia
            return Actor(f"Unidentified Armed Group ({state})")
    if lem in SETTLERS:
        return Actor(f"Settlers ({country})" if country else "Settlers")
    armed = any(toks[c].dep == "amod" and toks[c].lemma.lower() in ARMED_MODIFIERS for c in p.children[k])
    # armed men's own country is the one their demonym names ("Sudanese rebels", not "Turkish-backed
    # militants"); without one, the event's (in_country)
    own = own_country(work, k)
    unnamed = f"Unidentified Armed Group ({own})" if own else "Unidentified Armed Group"
    if (
        t.pos == "NOUN"
        and (lem in UNIDENTIFIED or (armed and lem in ARMED_HEADS))
        and (
            ent is None
            or (ent.type != "NORP" and _generic_head(ent, t))
            or (ent.type == "NORP" and own is not None and demonym_country(ent.name) == own)
        )
    ):
        # "unknown perpetrators", and "an unidentified armed group" that the tagger took for a name
        # (not "Hamas militants": the name is another word than the head); "Sudanese rebels" are
        # armed men of Sudan wherever they fight (not "Houthi rebels": a people, not a state)
        return Actor(unnamed)
    if lem in FORCE_GROUP_NOUNS:  # "army units", "police detachments": the force they are of
        lem = next(
            (
                toks[c].lemma.lower()
                for c in p.children[k]
                if toks[c].dep in ("compound", "amod", "nmod", "poss")  # ("the Syrian Army's units")
                and toks[c].lemma.lower() in MILITARY | POLICE
            ),
            lem,
        )
    if lem in FORCE_UNITS and not as_doer and not any(toks[c].dep == "poss" for c in p.children[k]):
        # "attacked an army patrol", "a police post", "a Turkish military outpost": the force the unit
        # is of, as the one attacked ("a military convoy hit a roadside bomb": the convoy is no doer;
        # "the militants' military positions": the owner named is not the army)
        lem = next(
            (
                toks[c].lemma.lower()
                for c in p.children[k]
                if toks[c].dep in ("compound", "amod") and toks[c].lemma.lower() in MILITARY | POLICE
            ),
            lem,
        )
    if lem in BORDER_FORCE_HEADS and any(
        toks[g].lemma.lower() == "border" for c in p.children[k] for g in (c, *p.children[c])
    ):
        lem = "police"  # "border patrol agents", "border guards": a state's border police
    if lem in AIR_DEFENCE and any(toks[c].lemma.lower() == "air" for c in p.children[k]):
        lem = "military"  # "Russian air defence": the state's forces
    if lem in MILITARY and any(
        toks[c].dep in ("compound", "amod") and toks[c].lemma.lower() in POLICE for c in p.children[k]
    ):
        lem = "police"  # "police forces", "police officers"
    if lem == "trooper" and any(toks[c].lemma.lower() in POLICED_TROOPER_MODIFIERS for c in p.children[k]):
        lem = "police"  # "state troopers", "highway troopers": a US state's police, not its army
    if (
        ent is not None
        and not country
        and ent.type in ("ORG", "NORP")
        and lem in MILITARY | POLICE
        and not generic_force(ent.name)
    ):
        return Actor(ent.name, ent.id)  # "Taliban forces": a named group, not a state's army
    if lem in COALITION_NOUNS:
        # "the Saudi-led coalition": ACLED names a coalition by its leading state's forces
        for c in p.children[k]:
            if toks[c].lemma.lower() == "lead":
                for g in p.children[c]:
                    if toks[g].ent_type in ("NORP", "GPE"):
                        leader = country_of(work, toks[g].start, toks[g].end)
                        if leader:
                            return Actor(f"Military Forces of {leader}")
    if lem in MILITARY and any(
        toks[c].dep in ("amod", "compound") and toks[c].lemma.lower() in ARMED_KINDS_OF_FIGHTERS
        for c in p.children[k]
    ):
        return Actor(unnamed)  # "rebel forces", "insurgent forces": no state's
    if lem in MILITARY and any(toks[c].lemma.lower() in ("unidentified", "unknown") for c in p.children[k]):
        return Actor("Unidentified Military Forces")  # "unidentified fighter jets": no state named
    folk = (
        next(
            (
                c
                for c in p.children[k]
                if c < k
                and toks[c].dep in ("amod", "compound")
                and toks[c].ent_type == "NORP"
                and toks[c].text[:1].isupper()
                and demonym_country(toks[c].text) is None
            ),
            None,
        )
        if lem in MILITARY | POLICE and not country and t.pos == "NOUN"
        else None
    )
    if folk is not None:
        # "Kurdish forces", "Tigrayan troops": a people's forces, not the state's where they fight
        # (which they often fight): named by the people, as ACLED names a group by its own name
        return Actor(f"{toks[folk].text} {t.text[:1].upper()}{t.text[1:]}")
    if lem in MILITARY:
        return Actor(
            f"Military Forces of {country}" if country else "Military Forces", ent.id if ent else None
        )
    if lem in POLICE:
        return Actor(f"Police Forces of {country}" if country else "Police Forces", ent.id if ent else None)
    if t.ent_type == "NORP" and t.tag in ("NNPS", "NNS"):
        return Actor("Civilians", ent.id if ent else None)  # "seven Palestinians were killed"
    if ent is not None and not _generic_head(ent, t):
        return Actor(ent.name, ent.id)  # (not "a group of armed men" that the tagger took for a name)
    if lem in UNIDENTIFIED or (armed and lem in ARMED_HEADS):
        return Actor(unnamed)
    if lem in FIGHTER_NOUNS and any(
        toks[c].dep in ("amod", "compound")
        and toks[c].lemma.lower() in (ARMED_KINDS if lem == "group" else ARMED_KINDS_OF_FIGHTERS)
        for c in p.children[k]
    ):
        return Actor(unnamed)  # "rebel fighters", "militant fighters": armed men of no name
    # a crowd that acts carries its own country ("Nigerian students": of Nigeria; the ones acted on
    # are named with the event's, as the events stage's rules on "Civilians" expect)
    crowd = f" ({own})" if own and as_doer else ""
    if lem in PROTESTERS:
        return Actor("Protesters" + crowd)
    if lem in RIOTERS:
        return Actor("Rioters" + crowd)
    if lem in CIVILIANS or t.ent_type == "NORP":
        return Actor("Civilians" + (crowd if lem in CIVILIANS else ""))
    if t.ent_type in ("ORG", "PERSON", "NORP") or (t.ent_type == "GPE" and as_doer):
        # a country acts ("Iran threatened"); a town shelled is the event's place, not an actor
        return Actor(work.text[start:end].removeprefix("the ").removeprefix("The "))
    if as_doer and t.pos == "PROPN" and lem in GROUP_NAME_HEADS and t.text[:1].isupper():
        # "the Jalisco Cartel clashed with ...": an organisation's name the tagger did not take whole
        return Actor(work.text[start:end].removeprefix("the ").removeprefix("The "))
    if as_doer and t.pos == "PROPN" and len(word) > 1 and word.isupper() and not smaller_place(work, k):
        return Actor(word)  # "JNIM took control": an acronym that acts is a named group, untagged
    return None


def _clan_militia(work: Work, k: int) -> Actor | None:
    """ACLED's clan militia the noun phrase at k names: "Marehan clansmen", "the Habar Gidir clan
    militia" ("<Clan> Clan Militia"), "two clans", "clan militias" ("Unidentified Clan Militia"), and
    people "from" or "of" a clan ("elders from two clans"); else None."""
    p = work.parse
    toks = p.toks
    lem = toks[k].lemma.lower()
    kids = p.children[k]
    if lem not in CLAN_NOUNS:
        if lem in ETHNIC_MILITIA_NOUNS and any(toks[c].lemma.lower() in CLAN_NOUNS for c in kids):
            pass  # "clan militias", "Habar Gidir clan militia"
        else:
            for c in kids:  # "elders from two clans", "members of the Hawiye clan"
                if toks[c].dep == "prep" and toks[c].text.lower() in ("from", "of"):
                    for o in p.children[c]:
                        if toks[o].dep == "pobj" and toks[o].lemma.lower() in CLAN_NOUNS:
                            return _clan_militia(work, o)
            return None
    head = next((c for c in kids if toks[c].lemma.lower() in CLAN_NOUNS), k) if lem not in CLAN_NOUNS else k
    names = [
        c
        for h in {k, head}
        for c in p.children[h]
        if toks[c].dep in ("amod", "compound", "nmod") and toks[c].text[:1].isupper() and c < h
    ]
    if names:
        a = min(names)
        while a > 0 and toks[a - 1].dep == "compound" and toks[a - 1].text[:1].isupper():
            a -= 1  # "Habar Gidir": the clan's whole name
        return Actor(f"{work.text[toks[a].start : toks[max(names)].end]} Clan Militia")
    return Actor("Unidentified Clan Militia")


def own_country(work: Work, k: int) -> str | None:
    """ACLED's name of the country the demonym or country name on the noun at k names ("Sudanese
    rebels", "Nigerian students", "Afghan refugees": the men's, the crowd's own country, which ACLED
    puts in the brackets wherever they act; not "Turkish-backed militants"), or None."""
    p = work.parse
    toks = p.toks
    return next(
        (
            country_of(work, toks[c].start, toks[c].end)
            for c in p.children[k]
            if toks[c].dep in ("amod", "compound") and toks[c].ent_type in ("NORP", "GPE")
        ),
        None,
    )


def _generic_head(ent: Entity, t: Tok) -> bool:
    """Is entity ``ent`` at head token t only the common noun phrase around it ("an unidentified
    armed group" tagged as a name): none of its mentions has a capitalised word up to the head?"""
    at_head = [m for m in ent.mentions if m.start <= t.start < m.end]
    # only the words up to the head: "the same group of pirates who abducted seven Filipinos" is
    # generic whatever its relative clause names
    return bool(at_head) and not any(_capitalised(m.text[: t.end - m.start]) for m in at_head)


def _capitalised(text: str) -> bool:
    """Has a noun phrase a capital letter past its determiner ("al-Shabaab", "the IDF"; not "A
    criminal gang" at the start of a sentence)?"""
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the", "some"):
        words = words[1:]
    return any(ch.isupper() for w in words for ch in w)


def _named_group(work: Work, k: int) -> Actor | None:
    """The armed group a member noun names: "members of Boko Haram", "fighters of the Fulani
    militia" (the "of" phrase), "JNIM militants", "M23 rebels" (a proper-noun compound of a
    fighter noun), as ACLED names a group: as the text names it."""
    p = work.parse
    toks = p.toks
    lem = toks[k].lemma.lower()
    if lem in MEMBER_NOUNS:
        for c in p.children[k]:
            if toks[c].dep == "prep" and toks[c].text.lower() == "of":
                for o in p.children[c]:
                    if toks[o].dep == "pobj" and toks[o].pos in ("PROPN", "NOUN"):
                        if toks[o].pos == "NOUN":  # "members of the Cameroonian army": who the army is
                            return actor_at(work, o)
                        a, b = p.subtree(o)
                        b = min([b] + [j for j in range(o + 1, b) if toks[j].dep in ("relcl", "acl", "prep")])
                        # "supporters of the BNP and the Awami League": the first of two groups (an
                        # "and" inside one name the tagger took whole stays)
                        b = min(
                            [b]
                            + [
                                j
                                for j in range(o + 1, b)
                                if toks[j].dep == "cc"
                                and toks[j].head == o
                                and not _in_entity(work, toks[j].start)
                            ]
                        )
                        name = work.text[toks[a].start : toks[b - 1].end]
                        return Actor(name.removeprefix("the ").removeprefix("The "))
    if lem in MEMBER_NOUNS | FIGHTER_NOUNS:
        for c in p.children[k]:  # "its fighters": the group the possessive pronoun was resolved to
            if toks[c].dep == "poss" and toks[c].pos == "PRON":
                named = resolved_entity(work, c)
                if named is not None and named.type in ("ORG", "NORP"):
                    return Actor(named.name, named.id)
    if lem in MILITARY | POLICE:
        for c in p.children[k]:  # "RSF soldiers looted": the force's own name (ACLED's Rapid Support
            # Forces, not the state's army), "SAF troops" its state's (actor_names.acled_name)
            if toks[c].dep == "compound" and c < k and known_name(whole_word(work.text, toks[c])):
                return Actor(whole_word(work.text, toks[c]))
    if lem in MEMBER_NOUNS | FIGHTER_NOUNS | UNIDENTIFIED:
        group = _affiliated_group(work, k)
        if group is not None:
            return group
    if lem in MEMBER_NOUNS | FIGHTER_NOUNS | MILITARY | POLICE and k > 0 and not toks[k].text.isupper():
        # "AS militants fired", "suspected AS militants": a group's acronym right before its fighters,
        # whatever the tagger made of it (it reads "AS" as the conjunction "as"); not in a
        # headline in capitals
        word = whole_word(work.text, toks[k - 1])
        if known_name(word) and (
            toks[k - 1].dep not in ("compound", "amod") or lem in MEMBER_NOUNS | FIGHTER_NOUNS
        ):  # ("IPOB/ESN members", "CPI-Maoist cadres": a name the tokenizer split, on its members)
            return Actor(word)
    ethnic = any(toks[c].lemma.lower() == "ethnic" for c in p.children[k])
    if lem in FIGHTER_NOUNS and not ethnic:  # ("the Fulani ethnic militia": an ethnic militia, below)
        names = [
            c
            for c in p.children[k]
            if toks[c].dep == "compound"
            and (toks[c].pos == "PROPN" or toks[c].text.isupper() and len(toks[c].text) > 1)  # "ADF"
            and c < k
        ]
        if names and not any(pl.span.start <= toks[names[0]].start < pl.span.end for pl in work.places):
            # (not a place: "Gaza militants" are militants in Gaza, "M23 rebels" a group)
            a = min(p.subtree(names[0])[0], names[0])
            while a < names[0] and toks[a].pos in ("NUM", "DET"):
                a += 1  # "6 IS militants were killed": the count is no part of the name
            end = toks[names[-1]].end
            while end < toks[k].start and not work.text[end].isspace():
                end += 1  # "Lashkar-e-Taiba militants": the hyphenated name whole
            return Actor(work.text[toks[a].start : end].rstrip(".,;:)"))
        if not names:
            return _name_before(work, k)
    return None


def _in_entity(work: Work, char: int) -> bool:
    """Is character ``char`` inside a mention of a named entity?"""
    return any(m.start <= char < m.end for e in work.entities for m in e.mentions)


def _name_before(work: Work, k: int) -> Actor | None:
    """The group's name right before fighter noun k when the parse did not make it the noun's
    compound: "presumed Katiba Macina (JNIM) militants" (the tagger made "presumed" a verb with the
    name its object and the acronym in brackets a modifier of the noun): the proper nouns before
    the bracketed acronym, else the acronym; never a place, a date or a people's demonym."""
    toks = work.parse.toks
    j = k - 1
    acronym = None
    if j >= 2 and toks[j].text == ")" and toks[j - 2].text == "(" and toks[j - 1].text.isupper():
        acronym = toks[j - 1].text
        j -= 3
    a = j + 1
    while (
        a - 1 >= 0
        and toks[a - 1].pos == "PROPN"
        and toks[a - 1].text[:1].isupper()
        and toks[a - 1].ent_type not in ("DATE", "GPE", "LOC", "NORP", "TIME")
    ):
        a -= 1
    if a <= j:  # (a name the places stage read as a place is left to the entity: "Oromo ... (OLA)")
        if any(pl.span.start < toks[j].end and toks[a].start < pl.span.end for pl in work.places):
            return None
        return Actor(work.text[toks[a].start : toks[j].end])
    return Actor(acronym) if acronym is not None and len(acronym) > 1 else None


def _affiliated_group(work: Work, k: int) -> Actor | None:
    """The named group armed men at token k belong to by the words after them: "militants affiliated
    with JNIM", "fighters loyal to Iraq's Al-Qaeda frontman": the first name of an organisation (or a
    group's acronym) in the few words after "affiliated with", "loyal to", read from the words, not
    the parse (which hangs these phrases anywhere), up to a verb or a comma. None without one ("gunmen
    loyal to the former governor")."""
    toks = work.parse.toks
    j = k + 1
    if j + 1 >= len(toks) or toks[j].text.lower() not in AFFILIATION_WORDS:
        return None
    if toks[j + 1].text.lower() not in AFFILIATION_PREPOSITIONS:
        return None
    for i in range(j + 2, min(len(toks), j + 10)):
        t = toks[i]
        if t.text in (",", ";", "(") or (t.pos in ("VERB", "AUX") and t.ent_type != "ORG"):
            return None
        word = whole_word(work.text, t)
        if known_name(word) or (t.pos == "PROPN" and len(word) > 1 and word.isupper()):
            return Actor(word)  # "affiliated with JNIM": a group's acronym, tagged or not
        if t.ent_type == "ORG" and t.text.lower() != "the":
            e = i
            while e + 1 < len(toks) and toks[e + 1].ent_type == "ORG" and toks[e + 1].text != "'s":
                e += 1
            return Actor(work.text[t.start : toks[e].end])
    return None
