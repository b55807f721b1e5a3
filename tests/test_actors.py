"""Event actors named as ACLED names them (events/actors.py, word data in lang/actors.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def actors(analyze, text):
    rec = analyze(text, published="2024-02-20")
    assert rec.events, rec.errors
    ev = rec.events[0]
    return (ev.actor1.name if ev.actor1 else None), (ev.actor2.name if ev.actor2 else None)


@pytest.mark.parametrize(
    "text,actor1",
    [
        # the doer of a light verb whose object is the event
        (
            "On 14 February 2024, Israeli forces carried out an airstrike on a building in Rafah, killing 5 people.",
            "Military Forces of Israel",
        ),
        # a group named by its members or by the proper noun of its fighters
        ("On 5 January 2020, members of Boko Haram attacked Gamboru and killed 6 civilians.", "Boko Haram"),
        ("On 16 March 2022, JNIM militants ambushed an army convoy near Djibo.", "JNIM"),
        # a "by" agent of a noun trigger
        ("On 3 October 2019, an ambush by Al Shabaab militants killed 7 soldiers near Afgoye.", "Al Shabaab"),
        # an unclaimed explosion: ACLED's Unidentified Armed Group, with the event's country
        (
            "On 7 October 2020, a roadside IED exploded near a military vehicle in Kidal, Mali.",
            "Unidentified Armed Group (Mali)",
        ),
        # generic actors keep ACLED's naming with the event's country
        (
            "On 3 March 2021, around 200 farmers held a demonstration in Amritsar, India.",
            "Protesters (India)",
        ),
    ],
)
def test_actor1_in_acled_style(analyze, text, actor1):
    assert actors(analyze, text)[0] == actor1


def test_a_place_attacked_is_no_actor(analyze):
    a1, a2 = actors(
        analyze,
        "On 5 January 2020, members of Boko Haram attacked Gamboru (Ngala, Borno) and killed 6 civilians.",
    )
    assert (a1, a2) == ("Boko Haram", None)


def test_a_protest_has_no_armed_group(analyze):
    # the unclaimed-perpetrator default is for violence only: a protest's actor is its protesters
    a1, _ = actors(
        analyze, "On 21 April 2019, protesters gathered in Khartoum to demand a civilian government."
    )
    assert a1 is not None and a1.startswith("Protesters")


@pytest.mark.parametrize(
    "text,expected",
    [
        # a state's forces by their acronym, an armed group by its alias: ACLED's names
        (
            "On 3 May 2023, SAF shelled RSF positions in Omdurman (Omdurman, Khartoum), killing 4 civilians.",
            ("Military Forces of Sudan", None),
        ),
        (
            "On 12 June 2023, the RSF attacked a SAF base in El Fasher (El Fasher, North Darfur).",
            ("Rapid Support Forces", "Military Forces of Sudan"),
        ),
        (
            "On 5 August 2019, ISIS militants attacked an Iraqi army checkpoint near Tuz Khurmatu "
            "(Tuz Khurmatu, Salah al-Din), killing 2 soldiers.",
            ("Islamic State", "Military Forces of Iraq"),  # (the checkpoint's army: branch actors)
        ),
        # excessive force: the force is actor1 and the protesters actor2
        (
            "On 17 January 2023, police shot and killed 3 protesters during a demonstration in Juliaca "
            "(San Roman, Puno). 3 fatalities.",
            ("Police Forces of Peru", "Protesters (Peru)"),
        ),
        # a protest the police broke up: protesters first, the police second
        (
            "On 2 October 2022, police fired tear gas at protesters in Tehran (Tehran, Tehran) demanding "
            "justice for Mahsa Amini.",
            ("Protesters (Iran)", "Police Forces of Iran"),
        ),
        # a demonym on a state's weapon names its forces
        (
            "On 5 October 2023, a Turkish drone strike targeted an SDF vehicle near Qamishli "
            "(Qamishli, Hasakeh), killing 2 SDF fighters.",
            ("Military Forces of Turkey", "SDF"),
        ),
        # a government named with its country; an ethnic militia as ACLED names it
        (
            "On 13 March 2023, the government of Mali signed a peace agreement with armed groups in "
            "Bamako (Bamako, Bamako).",
            ("Government of Mali", None),
        ),
        (
            "On 6 December 2022, suspected Fulani herdsmen killed 8 villagers in Bokkos (Bokkos, Plateau).",
            ("Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
        ),
        # ACLED's country names: "Palestine", not GeoNames' "Palestinian Territory"
        (
            "On 27 April 2024, Israeli settlers attacked Palestinian farmers in Turmus Ayya "
            "(Ramallah, West Bank), injuring 4.",
            ("Settlers (Israel)", "Civilians (Palestine)"),
        ),
    ],
)
def test_actors_named_as_acled_names_them(analyze, text, expected):
    assert actors(analyze, text) == expected


def test_a_peaceful_protest_has_no_second_actor(analyze):
    assert actors(
        analyze,
        "On 15 March 2023, hundreds of students protested against fuel price hikes in Dhaka (Dhaka, Dhaka).",
    ) == ("Protesters (Bangladesh)", None)


def test_acled_name_maps_only_known_names():
    from according.events.actors import acled_name
    from according.model import Actor

    assert acled_name(Actor("the IDF")) == Actor("Military Forces of Israel")
    assert acled_name(Actor("ISWAP", "e3")) == Actor("Islamic State (West Africa)", "e3")
    assert acled_name(Actor("Taliban")) == Actor("Taliban")
    assert acled_name(None) is None


def test_country_names_follow_acled():
    from according.events.actors import country_name

    assert country_name("PS") == "Palestine"
    assert country_name("NG") == "Nigeria"
    assert country_name("ZZ") is None and country_name(None) is None


@settings(deadline=None)  # (the first example pays the imports: 0.4 s when the test runs alone)
@given(st.text(max_size=40), st.sampled_from(["Nigeria", "Palestine", None]))
def test_in_country_names_only_generic_actors(name, country):
    from according.events.actors import GENERIC_IN, GENERIC_OF, in_country
    from according.lang.actors import MILITARY_OF_ANOTHER_STATE
    from according.model import Actor

    out = in_country(Actor(name), country)
    assert out is not None
    if country is None or (name not in GENERIC_IN + GENERIC_OF and not name.endswith(" Ethnic Militia")):
        assert out == Actor(name)
    elif name == "Military Forces" and country in MILITARY_OF_ANOTHER_STATE:  # soldiers in Palestine
        assert out.name == f"Military Forces of {MILITARY_OF_ANOTHER_STATE[country]}"
    else:
        assert out.name.startswith(name) and country in out.name


def test_the_reporter_is_no_actor(analyze):
    # the reporting verb is no event: its reported clause is, and the news agency no party to it
    a1, _ = actors(
        analyze,
        "Afghan guerillas blew up three main electric power lines leading into Kabul last month, "
        "the Czechoslovak news agency Ceteka reported from Kabul today.",
    )
    assert a1 is not None and "Ceteka" not in a1


def test_who_the_victims_are_is_not_who_did_it(analyze):
    a1, _ = actors(
        analyze,
        "Israeli soldiers routinely beat up Palestinian detainees on the occupied West Bank, "
        "a court martial was told today.",
    )
    assert a1 == "Military Forces of Israel"


def test_acled_csv_writes_the_acled_names(analyze):
    import csv
    import io

    from according.events.acled_csv import write_acled_csv

    rec = analyze(
        "On 3 May 2023, SAF shelled RSF positions in Omdurman (Omdurman, Khartoum), killing 4 civilians.",
        published="2024-02-20",
    )
    out = io.StringIO()
    write_acled_csv(rec, out, header=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["actor1"] for r in rows] == [ev.actor1.name if ev.actor1 else "" for ev in rec.events]
    assert rows[0]["actor1"] == "Military Forces of Sudan"
    # a group the tagger took for a common noun is written with ACLED's name, as in the record
    rec = analyze(
        "On 4 May 2023, the RSF shelled houses in Bahri (Khartoum North, Khartoum), killing 3 people.",
        published="2024-02-20",
    )
    out = io.StringIO()
    write_acled_csv(rec, out, header=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["actor1"] == rec.events[0].actor1.name == "Rapid Support Forces"


@pytest.mark.parametrize(
    "text,expected",
    [
        # "clashes between X and Y": the first side and the other
        (
            "On 20 January 2023, clashes between ADF militants and FARDC were reported near Beni "
            "(Beni, Nord-Kivu). 6 fatalities.",
            ("ADF", "Military Forces of Democratic Republic of Congo"),
        ),
        # members of a state's army are its forces, not a group named "Cameroonian army"
        (
            "On 18 January 2023, members of the Cameroonian army killed 3 civilians in Buea (Fako, South-West).",
            ("Military Forces of Cameroon", "Civilians (Cameroon)"),
        ),
        # rioters and the force they faced
        (
            "On 2 January 2023, Palestinian rioters threw stones at Israeli forces in Kafr Qaddum "
            "(Qalqiliya, West Bank). Israeli forces responded with tear gas.",
            ("Rioters (Palestine)", "Military Forces of Israel"),
        ),
        # a state's forces by their own name, a weapon of a state, police forces (not the military)
        (
            "On 3 March 2023, the Armed Forces of Ukraine shelled Russian positions near Kreminna "
            "(Sievierodonetskyi, Luhansk).",
            ("Military Forces of Ukraine", None),
        ),
        (
            "On 5 March 2023, a Russian UAV struck an apartment building in Zaporizhzhia "
            "(Zaporizkyi, Zaporizhia), killing 3 civilians.",
            ("Military Forces of Russia", None),
        ),
        (
            "On 11 March 2023, police forces arrested 15 protesters in Algiers (Algiers, Algiers).",
            ("Police Forces of Algeria", "Civilians (Algeria)"),
        ),
        # unnamed armed men, also where the tagger took the phrase for a name; a named cartel stays
        (
            "On 9 March 2023, an unidentified armed group attacked a police post in Tillaberi "
            "(Tillaberi, Tillaberi), killing 2 police officers.",
            ("Unidentified Armed Group (Niger)", "Police Forces of Niger"),
        ),
        (
            "On 14 January 2023, Sinaloa Cartel gunmen killed 4 people in Culiacan (Culiacan, Sinaloa).",
            ("Sinaloa Cartel", "Civilians (Mexico)"),
        ),
        # a news spelling of a group's name; an acronym in brackets is no place's areas
        (
            "On 11 May 2023, Al-Shabab fighters ambushed a KDF convoy near Lamu (Lamu, Lamu).",
            ("Al Shabaab", "Military Forces of Kenya"),
        ),
        (
            "On 9 May 2023, Al Shabaab militants attacked the Somali National Army (SNA) in Bulo Burte "
            "(Bulo Burto, Hiraan). 4 fatalities.",
            ("Al Shabaab", "Military Forces of Somalia"),
        ),
        # a village the gazetteer does not know, named with its areas, is the place shelled
        (
            "On 15 January 2023, Syrian regime forces shelled Kafr Nabl (Maarrat an Numan, Idleb). "
            "No fatalities reported.",
            ("Military Forces of Syria", None),
        ),
    ],
)
def test_more_actors_named_as_acled_names_them(analyze, text, expected):
    assert actors(analyze, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # no doer named: ACLED's arrests are the police's, an unnamed side against soldiers armed men
        (
            "On 3 April 2023, 12 people were arrested in Dakar (Dakar, Dakar) for taking part in an "
            "unauthorised rally.",
            ("Police Forces of Senegal", "Civilians (Senegal)"),
        ),
        (
            "On 4 April 2023, 3 soldiers were killed in an ambush near Fada N'Gourma (Gourma, Est).",
            ("Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso"),
        ),
    ],
)
def test_acled_defaults_where_the_text_names_no_doer(analyze, text, expected):
    assert actors(analyze, text) == expected


def test_plover_actor1_holds(shared, tmp_path):
    """PLOVER's violence and protest sentences, scored by scripts/eval_event_actors.py on its tuned
    two thirds and sealed third (measured 24/51 = 0.471 and 14/31 = 0.452 on the actors branch; 23/51
    = 0.451 after the relevance merge, whose no-crowd rule leaves hunger strikes without an event as
    ACLED's codebook says: people who forgo food but do not congregate are not coded; floors 0.01 under;
    branch actors 2026-12-07: sealed 15/31 = 0.484 ("Israeli army bulldozers demolished": a weapon only
    states field, by its demonym), tuned unchanged, sealed floor re-pinned 0.01 under; branch actors
    2026-12-07 (second stop): tuned 24/51 = 0.471 ("U.S. border patrol agents" are the state's Police
    Forces), sealed 15/31 unchanged, tuned floor re-pinned 0.01 under; branch actors3 2026-12-07
    (third stop): tuned 25/51 = 0.490 ("militants loyal to Iraq's Al-Qaeda frontman": Al-Qaeda),
    sealed 15/31 unchanged, tuned floor re-pinned 0.01 under; branch events4 2026-12-08: tuned 22/51 =
    0.431, sealed 15/31 unchanged: three sentences with no word of the trigger lexicon score under
    the article threshold that such short texts now need (finding.NO_TRIGGER_FLOOR) and get no event,
    a ban on opposition candidates (0.22), a deportation of 168 travellers (0.36) and hackers trained
    (0.32), PLOVER COERCE / MOBILIZE but no event ACLED codes; tuned floor re-pinned 0.01 under;
    branch actors4: a clash whose sides go unnamed is the state's forces of its country (Israel's),
    +1; the two merged: tuned 23/51 = 0.451, sealed 15/31, tuned floor re-pinned 0.01 under)."""
    import importlib.util
    import json
    from pathlib import Path

    from according.evaluation import predict

    script = Path(__file__).resolve().parents[1] / "scripts" / "eval_event_actors.py"
    spec = importlib.util.spec_from_file_location("eval_event_actors", script)
    assert spec is not None and spec.loader is not None
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    corpus = shared / "corpora" / "plover"
    scored = tmp_path / "plover"
    scored.mkdir()
    with open(corpus / "gsr.jsonl", encoding="utf-8") as fin, open(scored / "gsr.jsonl", "w") as fout:
        for line in fin:  # only the sentences the script scores: parse 82, not 322
            g = json.loads(line)["gold"]
            if g["event"] in ev.KINDS and g.get("source"):
                fout.write(line)
    predict("plover", scored, tmp_path / "pred.jsonl")
    parts = ev.score(tmp_path / "pred.jsonl", corpus)
    tuned, sealed = (hit / n for hit, n in (parts["tuned"], parts["sealed"]))
    assert parts["tuned"][1] == 51 and parts["sealed"][1] == 31
    assert tuned >= 0.441 and sealed >= 0.474, parts


@given(
    st.sampled_from(["SAF", "the IDF", "ISIS", "Al-Shabab", "members", "Fulani ethnic militia"])
    | st.text(max_size=30)
)
def test_acled_name_is_stable(name):
    # naming a name ACLED's way twice changes nothing more (the export and the scorer see one name)
    from according.events.actors import acled_name
    from according.model import Actor

    once = acled_name(Actor(name))
    assert once is not None and acled_name(once) == once


@pytest.mark.parametrize(
    "text,expected",
    [
        # a group's name read as a word of another kind: "IS" tagged as a verb, "RSF" as a common noun
        (
            "On 3 March 2023, IS militants attacked a farm near Hajin (Abu Kamal, Deir ez Zor) and killed "
            "2 shepherds.",
            "Islamic State",
        ),
        (
            "On 14 June 2023, the RSF shelled houses in Bahri (Khartoum North, Khartoum), killing 4 people.",
            "Rapid Support Forces",
        ),
        # the agent of a participle on the weapon, and a claim of responsibility
        (
            "On 8 June 2023, an IED planted by Al Shabaab exploded near Wanlaweyn (Wanla Weyn, Lower "
            "Shabelle), killing 2 soldiers.",
            "Al Shabaab",
        ),
        (
            "On 9 June 2023, Al Shabaab claimed responsibility for an IED attack on a convoy near Wanlaweyn "
            "(Wanla Weyn, Lower Shabelle).",
            "Al Shabaab",
        ),
        # the subject of a verb whose object is the weapon; ACLED's word, not the plural
        ("On 13 June 2023, the Houthis fired a missile at Marib city (Marib, Marib).", "Houthi"),
        # one agent for two coordinated verbs; a gerund's "by" phrase
        (
            "On 6 August 2023, 2 Palestinians were shot and injured by Israeli forces near Tubas (Tubas, "
            "Tubas).",
            "Military Forces of Israel",
        ),
        (
            "On 8 August 2023, shelling by Russian forces hit a clinic in Beryslav (Beryslav, Kherson).",
            "Military Forces of Russia",
        ),
        # a weapon only states field, by its state's demonym
        (
            "On 21 August 2023, a Russian missile struck a warehouse in Pavlohrad (Pavlohrad, "
            "Dnipropetrovsk).",
            "Military Forces of Russia",
        ),
        # an attack held off: an armed clash, whose first named is first (branch actors4)
        (
            "On 7 June 2023, troops repelled an attack by ISWAP fighters on a base in Marte (Marte, Borno).",
            "Military Forces of Nigeria",
        ),
    ],
)
def test_the_doer_read_from_the_parse(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # who takes a place as the others leave it comes first
        (
            "On 13 August 2023, JNIM took control of the town of Boni (Douentza, Mopti) after soldiers "
            "withdrew.",
            "JNIM",
        ),
        # a coalition by its leading state
        (
            "On 3 October 2019, an airstrike by the Saudi-led coalition killed 7 civilians in Saada city "
            "(Saada).",
            "Military Forces of Saudi Arabia",
        ),
        # a group named by the proper nouns of "group"
        (
            "On 9 March 2023, the Islamic State jihadist group seized Hajin (Abu Kamal, Deir ez Zor) after "
            "government forces pulled out.",
            "Islamic State",
        ),
    ],
)
def test_territory_and_coalitions(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a common noun phrase the tagger took for a name is no named actor; a counting noun names
        # the people it counts
        (
            "On 1 April 2023, a group of armed men attacked a bus near Bunia (Irumu, Ituri).",
            "Unidentified Armed Group (Democratic Republic of Congo)",
        ),
        (
            "On 3 April 2023, a criminal gang attacked a village in Tsafe (Tsafe, Zamfara), killing 6 people.",
            "Unidentified Armed Group (Nigeria)",
        ),
        # ACLED's name for a community's unnamed militia
        (
            "On 4 April 2023, a communal militia attacked villagers near Djugu (Djugu, Ituri).",
            "Unidentified Communal Militia (Democratic Republic of Congo)",
        ),
        # a state's aviation and air defence are its forces
        (
            "On 3 March 2023, Russian aviation dropped guided bombs on Vovchansk (Chuhuivskyi, Kharkiv).",
            "Military Forces of Russia",
        ),
        (
            "On 5 March 2023, Russian air defence shot down a Ukrainian drone over Belgorod (Belgorodsky, "
            "Belgorod).",
            "Military Forces of Russia",
        ),
    ],
)
def test_generic_doers_named_as_acled_names_them(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # arrests by "the authorities" are the police's
        (
            "On 5 May 2023, Iranian authorities arrested 3 activists in Shiraz (Shiraz, Fars).",
            "Police Forces of Iran",
        ),
        # a name the tokenizer splits at its hyphen
        (
            "On 6 May 2023, ISIS-K claimed an attack on a checkpoint in Jalalabad (Jalalabad, Nangarhar).",
            "Islamic State",
        ),
    ],
)
def test_arrests_and_split_names(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


def test_whole_word_joins_a_split_name():
    from according.events.actor_names import known_name, whole_word
    from according.syntax import Tok

    text = "Fighters of ISIS-K, they said."
    start = text.index("K,")
    tok = Tok(
        4, "K", start, start + 1, "K", "PROPN", "NNP", "nsubj", 4, "", "O", 0, False, False, False, False, "X"
    )
    assert whole_word(text, tok) == "ISIS-K"
    assert known_name("ISIS-K") and known_name("IS") and not known_name("is") and not known_name("Is")


def test_an_attack_held_off_keeps_the_attackers_second(analyze):
    # (the attackers first until branch actors4: the blind notes code the first named first)
    text = "On 7 June 2023, troops repelled an attack by ISWAP fighters on a base in Marte (Marte, Borno)."
    assert actors(analyze, text) == ("Military Forces of Nigeria", "Islamic State (West Africa)")
    text = (
        "On 7 June 2023, ISWAP fighters repelled an attack by troops on their base in Marte (Marte, Borno)."
    )
    assert actors(analyze, text) == ("Islamic State (West Africa)", "Military Forces of Nigeria")


@pytest.mark.parametrize(
    "text,expected",
    [
        # armed men's own country is their demonym's, not the event's place
        (
            "On 4 May 2022, Sudanese rebels attacked a cattle camp near Yei (Yei, Central Equatoria).",
            "Unidentified Armed Group (Sudan)",
        ),
        # "Turkish-backed" says who backs them, not who they are: the event's country
        (
            "On 5 May 2022, Turkish-backed militants shelled a village near Manbij (Manbij, Aleppo).",
            "Unidentified Armed Group (Syria)",
        ),
    ],
)
def test_unidentified_armed_group_country(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


def test_a_pronoun_doer_is_the_group_coreference_resolved():
    """The pronoun's entity comes from the coreference stage (entities[].mentions); a hand-built work
    item with "It" resolved to Hamas names Hamas, and without the resolution no one."""
    from according.events.actors import actor_at
    from according.model import Entity, Span
    from according.nlp import parse
    from according.pipeline import Work

    text = "Hamas vowed revenge. It fired rockets at Sderot."
    p = parse(text)
    it = next(t for t in p.toks if t.text == "It")
    hamas = Entity("e1", "Hamas", "ORG", None, (Span.of(text, 0, 5), Span.of(text, it.start, it.end)))
    resolved = actor_at(Work(text=text, parse=p, entities=(hamas,)), it.i)
    assert resolved is not None and resolved.name == "Hamas"
    assert actor_at(Work(text=text, parse=p, entities=()), it.i) is None


@given(
    st.lists(st.text(alphabet="ABCKisz-.,()", min_size=1, max_size=8), min_size=1, max_size=6),
    st.data(),
)
def test_whole_word_is_the_word_around_the_token(words, data):
    # whatever the text, the word around a token is a piece of the text with no space in it, and holds
    # the token's letters unless they are the punctuation it strips
    from according.events.actor_names import whole_word
    from according.syntax import Tok

    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    if text[start].isspace():
        return
    tok = Tok(
        0, text[start], start, start + 1, "", "X", "X", "dep", 0, "", "O", 0, False, False, False, False, ""
    )
    word = whole_word(text, tok)
    assert word in text and not any(ch.isspace() for ch in word)
    assert text[start] in word or text[start] in ".,()"


@pytest.mark.parametrize(
    "text,expected",
    [
        # civilians who attack are ACLED's Rioters, named with the event's country
        (
            "On 3 March 2024, villagers attacked a police station in Jos (Jos North, Plateau) after a killing.",
            "Rioters (Nigeria)",
        ),
        # a crowd that acts carries its own demonym's country wherever it acts
        (
            "On 3 March 2024, Nigerian students protested in Accra (Accra, Greater Accra) over visa rules.",
            "Protesters (Nigeria)",
        ),
        (
            "Palestinian youths threw stones at Israeli soldiers during a demonstration, officials said.",
            "Rioters (Palestine)",
        ),
        (
            "Egyptian demonstrators rioted after a march calling for the president's removal.",
            "Rioters (Egypt)",
        ),
        # without a demonym, the event's country
        (
            "On 3 March 2024, students demonstrated in Dhaka (Dhaka, Dhaka) against fee increases.",
            "Protesters (Bangladesh)",
        ),
    ],
)
def test_crowds_named_with_their_own_country(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


def _work_with_places(text, named):
    """A stand-in for the pipeline's Work holding only text and places: each (word, country, feature)
    is a place at the word's first occurrence."""
    from types import SimpleNamespace

    from according.model import Place, Span

    places = []
    for word, country, feature in named:
        at = text.index(word)
        places.append(Place(Span.of(text, at, at + len(word)), word, None, None, None, country, feature))
    return SimpleNamespace(text=text, places=places)


def test_event_country_follows_the_notes_areas_over_a_namesake_abroad():
    from according.events.actor_names import event_country

    text = "Protesters gathered in Oldtown (Riverdale, Hillside) on Monday."
    work = _work_with_places(
        text, [("Oldtown", "DE", "city"), ("Riverdale", "LR", "admin"), ("Hillside", "LR", "admin")]
    )
    assert event_country(work, 0, 0, len(text)) == "Liberia"
    # areas that disagree with each other, or only one area: the place's own country stays
    work = _work_with_places(
        text, [("Oldtown", "DE", "city"), ("Riverdale", "LR", "admin"), ("Hillside", "GH", "admin")]
    )
    assert event_country(work, 0, 0, len(text)) == "Germany"
    work = _work_with_places(text, [("Oldtown", "DE", "city"), ("Riverdale", "LR", "admin")])
    assert event_country(work, 0, 0, len(text)) == "Germany"


def test_event_country_without_a_place_is_the_sentences_or_none():
    from according.events.actor_names import event_country

    text = "Farms near Northfield and Southfield emptied. Gunmen killed five. Northfield mourned."
    second = text.index("Gunmen"), text.index(" Northfield mourned")
    work = _work_with_places(
        text,
        [("Northfield", "NG", "city"), ("Southfield", "NG", "city"), ("Northfield mourned", "NG", "city")],
    )
    # the article's other sentences agree on a country, but the event's sentence names no place:
    # a town the article mentions for another reason (where evacuees went) is no evidence of where
    assert event_country(work, None, *second) is None
    # the event's own sentence names a town: its country
    whole = 0, len(text)
    assert event_country(work, None, *whole) == "Nigeria"
    # a country's own name says whose, not where ("U.S. soldiers"); a split sentence gives none
    work = _work_with_places(
        text, [("Northfield", "NG", "city"), ("Southfield", "GH", "city"), ("Gunmen", "US", "country")]
    )
    assert event_country(work, None, *whole) is None


def test_event_country_takes_a_country_named_as_where():
    from according.events.actor_names import event_country

    text = "Gunmen killed five in Chadland on Monday."
    work = _work_with_places(text, [("Chadland", "TD", "country")])
    assert event_country(work, None, 0, len(text)) == "Chad"
    # a dateline's town and "in" a country disagree: neither is chosen
    text = "DUBTOWN, Emirates Missiles fired from territory in Yemenland hit houses."
    work = _work_with_places(text, [("DUBTOWN", "AE", "city"), ("Yemenland", "YE", "country")])
    assert event_country(work, None, 0, len(text)) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        # the doer of a passive event is who acted in its "when" clause
        (
            "Two soldiers were killed and four others injured when Boko Haram militants attacked an army post, sources said.",
            "Boko Haram",
        ),
        # a crowd that attacks is ACLED's Rioters, not Protesters
        (
            "Two men were killed when party supporters attacked a convoy in Kano (Kano, Kano).",
            "Rioters (Nigeria)",
        ),
        # "they" in the "when" clause are the ones killed
        (
            "Ten gunmen were killed when they attacked a base near the capital, the radio reported.",
            "Unidentified Armed Group",
        ),
    ],
)
def test_doers_of_when_clauses(analyze, text, expected):
    assert actors(analyze, text)[0] == expected


def test_a_notes_nsag_is_an_unidentified_armed_group(analyze):
    text = "On 3 March 2024, NSAG militants attacked a VDP position in Djibo (Djibo, Soum), killing 3 VDP."
    assert actors(analyze, text)[0] == "Unidentified Armed Group (Burkina Faso)"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a unit or post attacked is the force it belongs to
        (
            "On 3 March 2024, gunmen attacked a police post in Zurmi (Zurmi, Zamfara), killing 2 officers.",
            ("Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria"),
        ),
        (
            "On 3 March 2024, an army patrol was ambushed near Gao (Gao, Gao).",
            ("Unidentified Armed Group (Mali)", "Military Forces of Mali"),
        ),
        # ... but a convoy that hits a bomb did not plant it
        (
            "On 3 March 2024, a military convoy hit a roadside bomb near Kidal (Kidal, Kidal).",
            ("Unidentified Armed Group (Mali)", None),
        ),
        # border guards are the state's border police
        (
            "On 3 March 2024, Iranian border guards shot dead 3 fuel porters near Saravan (Saravan, Sistan and Baluchestan).",
            ("Police Forces of Iran", None),
        ),
        # who claims a killing did it
        (
            "The Ansar Brigade has claimed responsibility for killing four border guards in Iran's southeast.",
            ("Ansar Brigade", "Police Forces of Iran"),
        ),
    ],
)
def test_force_units_border_guards_and_claims(analyze, text, expected):
    assert actors(analyze, text) == expected


def test_the_object_of_a_coordinated_verb_is_the_target(analyze):
    text = "On 3 March 2024, Israeli forces shot and killed a Palestinian man in Jenin (Jenin, West Bank)."
    assert actors(analyze, text) == ("Military Forces of Israel", "Civilians (Palestine)")


def test_unnamed_soldiers_in_palestine_are_israels(analyze):
    text = "On 3 March 2024, soldiers raided a house in Hebron (Hebron, West Bank) and arrested two men."
    assert actors(analyze, text)[0] == "Military Forces of Israel"
    from according.events.actor_names import in_country
    from according.model import Actor

    assert in_country(Actor("Police Forces"), "Palestine") == Actor("Police Forces of Palestine")
