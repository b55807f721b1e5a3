"""Places at village level in conflict notes (issue 9): common nouns are never towns, a
town's district in the data does not veto it, and a village the gazetteer lacks is placed
at the smallest area its note names, with ACLED's geo_precision saying so. Hand-built
sentences only."""

from __future__ import annotations

import pytest

from according.places import gazetteer as gz
from according.places.areas import _contains
from according.places.gazetteer import Rec, haversine_km

KISMAYO = (-0.358, 42.545)


def by_text(places, s):
    return [p for p in places if p.span.text == s]


def places_of(analyze, text):
    return list(analyze(text, id="t", published="2024-02-20").places)


@pytest.mark.parametrize(
    "text,noun",
    [
        ("On 14 February 2024, gunmen attacked the Airport in Kismayo (Kismayo, Lower Juba).", "Airport"),
        (
            "On 3 March 2023, police dispersed traders at the Market in Maiduguri (Maiduguri, Borno).",
            "Market",
        ),
        ("On 5 May 2023, militants shelled the Hospital in Kismayo (Kismayo, Lower Juba).", "Hospital"),
    ],
)
def test_a_common_noun_is_never_a_town_elsewhere(analyze, text, noun):
    pls = places_of(analyze, text)
    assert pls, "the note's own places are kept"
    for p in by_text(pls, noun):
        # placed (if at all) near the note's place, never at a town called so on another continent
        assert p.geonameid is None and p.country in ("SO", "NG"), p


def test_a_town_whose_district_the_data_lacks_is_still_the_town(analyze):
    pls = places_of(analyze, "On 14 February 2024, gunmen attacked a base in Kismayo (Kismayo, Lower Juba).")
    head = by_text(pls, "Kismayo")[0]  # the first "Kismayo" is the town, the second its district
    assert head.feature == "city" and head.geo_precision == 1
    assert haversine_km(head.lat, head.lon, *KISMAYO) < 25


def test_unknown_district_gives_no_verdict_but_another_province_does():
    district = Rec(1, "D", 0.0, 0.0, "SO", "09", 0, "admin2", False, "77")
    town_no_district = Rec(2, "T", 0.0, 0.0, "SO", "09", 100, "city")
    town_elsewhere = Rec(3, "U", 0.0, 0.0, "SO", "04", 100, "city")
    town_other_district = Rec(4, "V", 0.0, 0.0, "SO", "09", 100, "city", False, "78")
    assert _contains(district, town_no_district) is None
    assert _contains(district, town_elsewhere) is False
    assert _contains(district, town_other_district) is False


@pytest.mark.parametrize(
    "note,precision",
    [
        ("On 3 March 2023, Boko Haram fighters attacked Kwarangulum village (Chibok, Borno), killing 4.", 2),
        ("On 3 March 2023, Boko Haram fighters attacked Kwarangulum village (Borno), killing 4.", 3),
    ],
)
def test_unknown_village_falls_back_to_the_smallest_named_area_and_says_so(analyze, note, precision):
    pls = places_of(analyze, note)
    village = by_text(pls, "Kwarangulum")[0]
    area = by_text(pls, "Chibok" if precision == 2 else "Borno")[0]
    assert village.geonameid is None and village.country == "NG"
    assert (village.lat, village.lon) == (area.lat, area.lon)
    assert village.geo_precision == precision


def test_precision_of_resolved_places(analyze):
    pls = places_of(analyze, "On 12 January 2022, gunmen killed a village chief in Kaduna (Kaduna, Kaduna).")
    assert by_text(pls, "Kaduna")[0].geo_precision == 1  # the town
    assert by_text(pls, "Kaduna")[-1].geo_precision == 3  # the state
    country = places_of(analyze, "Nigeria said on Monday that talks would resume.")
    assert by_text(country, "Nigeria")[0].geo_precision == 3


def test_common_nouns_live_in_lang_and_have_no_place_names():
    from according.lang.places import COMMON_NOUN_NAMES

    assert {"airport", "market"} <= COMMON_NOUN_NAMES
    g = gz.get()
    # the list holds nouns, not the names of big towns that are also words ("Mobile", "Reading")
    big = [n for n in COMMON_NOUN_NAMES for i, alt in g.lookup(n) if not alt and g.rec(i).pop >= 50_000]
    assert big == []


def test_a_two_word_province_split_by_the_recogniser_stays_in_its_country(analyze):
    # "Metro Manila" read as "Metro" + "Manila" made the parenthesis unreadable; San Juan went to Puerto Rico
    pls = places_of(analyze, "On 10 May 2023, protesters gathered in San Juan (San Juan, Metro Manila).")
    assert [p.country for p in by_text(pls, "Metro Manila")] == ["PH"]
    assert all(p.country == "PH" for p in pls), [(p.span.text, p.country) for p in pls]


def test_the_index_key_is_the_same_in_every_checkout(tmp_path):
    """Two virtualenvs with the same pinned packages share one gazetteer index."""
    a = tmp_path / "a" / "lib" / "site-packages" / "pkg" / "data.json"
    b = tmp_path / "b" / "venv" / "lib" / "site-packages" / "pkg" / "data.json"
    for f in (a, b):
        f.parent.mkdir(parents=True)
        f.write_text("{}")
    assert gz._fingerprint([a, gz._REGIONS]) == gz._fingerprint([b, gz._REGIONS])
    b.write_text("{ }")  # other data: another index
    assert gz._fingerprint([a, gz._REGIONS]) != gz._fingerprint([b, gz._REGIONS])
    dump = tmp_path / "allCountries.txt"
    dump.write_text("x")
    assert gz._fingerprint([a, dump]) != gz._fingerprint([a])


def test_a_town_in_a_parenthesis_province_known_by_its_usual_name_stays_there(analyze):
    # "Metro Manila" is the usual name of the National Capital Region: its towns by their codes,
    # not every San Juan of Luzon within 600 km (which left the town below the confidence floor)
    pls = places_of(
        analyze, "On 4 March 2023, police shot a suspect in San Juan (Metro Manila) during a raid."
    )
    town = by_text(pls, "San Juan")
    assert town and town[0].country == "PH" and town[0].geo_precision == 1, pls
    assert haversine_km(town[0].lat, town[0].lon, 14.60, 121.03) < 25


def test_a_province_without_an_id_yields_to_its_namesake_with_one_in_a_qualifier():
    from according.places.areas import QUALIFIER_MATCH, _qualifier_score
    from according.places.gazetteer import Gazetteer
    from according.places.mentions import Mention

    g = Gazetteer()
    guessed = g.add(Rec(None, "Metro", 14.6, 121.0, "PH", "03", 0, "admin1"))  # code guessed wrongly
    known = g.add(Rec(7, "Metro", 14.6, 121.0, "PH", "NCR", 0, "admin1"))
    in_ncr = g.add(Rec(8, "Town", 14.6, 121.0, "PH", "NCR", 100_000, "city"))
    in_03 = g.add(Rec(9, "Town", 15.1, 120.8, "PH", "03", 5_000, "city"))
    m = Mention(0, 4, 0, 1, "Town", "GPE", True, [in_ncr, in_03], qualifier=((guessed, known),), paren="head")
    assert _qualifier_score(g.rec(in_ncr), in_ncr, m, g) == QUALIFIER_MATCH
    assert _qualifier_score(g.rec(in_03), in_03, m, g) < 0
