"""Places: administrative areas (provinces and counties with GeoNames ids, towns linked to
their county), "City, County, State" qualifiers and the conflict-note form
"Town (Admin2, Admin1)". Hand-built sentences only."""

from __future__ import annotations

import pytest

from according.places import gazetteer as gz


@pytest.fixture(scope="module")
def gaz():
    return gz.get()


def by_text(places, s):
    return [p for p in places if p.span.text == s]


def places_of(analyze, text):
    return list(analyze(text, id="t").places)


# ---------------------------------------------------------------- gazetteer


def test_provinces_of_every_country_have_geonames_ids(gaz):
    for name, cc in (("Alberta", "CA"), ("Queensland", "AU"), ("Jiangsu", "CN")):
        recs = [gaz.rec(i) for i, alt in gaz.lookup(name) if not alt]
        assert any(r.kind == "admin1" and r.cc == cc and r.gid and r.lat is not None for r in recs), name


def test_counties_have_ids_points_and_their_towns(gaz):
    counties = [gaz.rec(i) for i, alt in gaz.lookup("Walker County") if not alt]
    tx = next(r for r in counties if r.admin1 == "TX")
    assert tx.kind == "admin2" and tx.gid and tx.admin2
    assert 29 < tx.lat < 32 and -97 < tx.lon < -94  # East Texas
    towns = [gaz.rec(i) for i, alt in gaz.lookup("Huntsville") if not alt]
    seat = next(r for r in towns if r.cc == "US" and r.admin1 == "TX")
    assert (seat.cc, seat.admin1, seat.admin2) == (tx.cc, tx.admin1, tx.admin2)
    assert gaz.admin2[(tx.cc, tx.admin1, tx.admin2)] in [i for i, _ in gaz.lookup("Walker County")]


def test_districts_abroad_are_known(gaz):
    recs = [gaz.rec(i) for i, _ in gaz.lookup("Middle Juba")]
    assert any(r.kind == "admin1" and r.cc == "SO" and r.gid for r in recs)
    recs = [gaz.rec(i) for i, _ in gaz.lookup("Hays")]
    assert any(r.kind == "admin2" and r.cc == "YE" and r.lat is not None for r in recs)


# ---------------------------------------------------------------- resolution


def test_a_town_and_its_county_vouch_for_each_other(analyze):
    """Two Texan neighbours named together: the county that holds the town decides the state,
    although a much bigger namesake of the town lies in another state."""
    pl = places_of(
        analyze,
        "The sheriff of Walker County said the inmate escaped near Huntsville. "
        "Walker County deputies searched the woods near Huntsville all night.",
    )
    assert {p.country for p in pl} == {"US"}
    for p in by_text(pl, "Huntsville") + by_text(pl, "Walker County"):
        assert 29 < p.lat < 32 and -97 < p.lon < -94, p


def test_city_county_state_chain(analyze):
    pl = places_of(analyze, "The fire started in Paris, Lamar County, Texas, late on Sunday.")
    (paris,) = by_text(pl, "Paris")
    assert paris.country == "US" and paris.lat < 40
    (county,) = by_text(pl, "Lamar County")
    assert county.geonameid is not None and gz.haversine_km(county.lat, county.lon, paris.lat, paris.lon) < 50


def test_qualifier_is_read_as_the_area_around_the_town(analyze):
    """ "Athens, Georgia": the state that holds an Athens, not the country."""
    pl = places_of(analyze, "The convention opened in Athens, Georgia, with two thousand delegates.")
    (georgia,) = by_text(pl, "Georgia")
    assert georgia.country == "US" and georgia.feature == "admin"


def test_a_province_by_another_name_does_not_beat_the_town(analyze):
    """ "Gaza" is primarily a city; Mozambique's Gaza Province is only called so for short."""
    pl = places_of(analyze, "Aid trucks waited at the crossing while families in Gaza queued for bread.")
    assert all(p.country == "PS" for p in by_text(pl, "Gaza"))


# ---------------------------------------------------------------- "Town (Admin2, Admin1)"


def test_town_in_parenthesised_province(analyze):
    pl = places_of(analyze, "Militants attacked an army post in Jilib (Middle Juba) on Monday.")
    (town,) = by_text(pl, "Jilib")
    (prov,) = by_text(pl, "Middle Juba")
    assert town.feature == "city" and town.country == "SO"
    assert prov.feature == "admin" and prov.country == "SO" and prov.geonameid is not None


def test_same_name_for_town_district_and_region(analyze):
    """ "Kidal (Kidal, Kidal)": the town, then its district, then its region."""
    text = "Clashes were reported in Kidal (Kidal, Kidal) on Friday."
    pl = places_of(analyze, text)
    kidals = sorted(by_text(pl, "Kidal"), key=lambda p: p.span.start)
    assert len(kidals) == 3 and all(p.country == "ML" for p in kidals)
    assert kidals[0].feature == "city"
    assert kidals[1].feature == "admin" and kidals[2].feature == "admin"
    assert kidals[1].geonameid != kidals[2].geonameid and kidals[0].geonameid != kidals[2].geonameid
    assert [text[p.span.start : p.span.end] for p in kidals] == ["Kidal"] * 3


def test_generic_word_asks_for_a_district(analyze):
    pl = places_of(analyze, "Airstrikes hit Hays district (Al Hudaydah) overnight.")
    (hays,) = by_text(pl, "Hays")
    assert hays.country == "YE" and hays.feature == "admin"
    (gov,) = by_text(pl, "Al Hudaydah")
    assert gov.country == "YE" and gov.feature == "admin"


def test_city_inside_governorate_and_territory(analyze):
    pl = places_of(analyze, "Shelling was reported in Rafah city (Rafah, Gaza Strip) at dawn.")
    rafahs = sorted(by_text(pl, "Rafah"), key=lambda p: p.span.start)
    assert [p.country for p in rafahs] == ["PS", "PS"]
    assert rafahs[0].feature == "city" and rafahs[1].feature == "admin"
    assert by_text(pl, "Gaza Strip")[0].country == "PS"


def test_unknown_village_is_placed_in_its_area(analyze):
    """A village the gazetteer lacks (an invented name) still counts as a place, put at the
    area the parenthesis names."""
    pl = places_of(analyze, "Gunmen raided Zarqimbo (Middle Juba) before dawn.")
    (village,) = by_text(pl, "Zarqimbo")
    (prov,) = by_text(pl, "Middle Juba")
    assert village.country == "SO" and (village.lat, village.lon) == (prov.lat, prov.lon)


def test_parenthesis_that_is_no_area_is_ignored(analyze):
    """An abbreviation or an aside in brackets is not the pattern."""
    pl = places_of(analyze, "Officials of the World Food Programme (WFP) met in Nairobi (on Monday).")
    assert not by_text(pl, "Programme") and not by_text(pl, "WFP")
    assert by_text(pl, "Nairobi")[0].country == "KE"


def test_names_closed_by_counties_are_counties(analyze):
    """ "Becker, Grant and Clay counties": each name is a county (of one state), not the
    towns called so."""
    pl = places_of(
        analyze, "Storm damage was reported in Becker, Grant and Clay counties in Minnesota on Sunday."
    )
    for name in ("Becker", "Grant", "Clay"):
        got = by_text(pl, name)
        assert got and all(p.feature == "admin" and p.country == "US" for p in got), name


def test_a_province_name_is_the_province(analyze):
    """A town named after a province elsewhere does not take the province's name."""
    pl = places_of(analyze, "Ottawa and Toronto officials said Ontario would extend the programme.")
    assert all(p.feature == "admin" and p.country == "CA" for p in by_text(pl, "Ontario"))


def test_alternate_name_yields_to_a_town_of_that_name(analyze):
    """Texas context must not turn "Maryville" into the Texan town that has it only as an
    alternate name, while towns really called Maryville exist."""
    pl = places_of(
        analyze,
        "The pastor moved from Maryville to Fort Worth, Texas, last year. Maryville "
        "parishioners still visit him.",
    )
    for p in by_text(pl, "Maryville"):
        assert p.name == "Maryville", p


def test_a_metropolis_beats_the_province_named_after_it(analyze):
    pl = places_of(analyze, "Factories in Chongqing reopened on Monday, officials in Beijing said.")
    (c,) = by_text(pl, "Chongqing")
    assert c.feature == "city" and c.country == "CN"


def test_water_body_is_not_the_place_inside_its_name(analyze):
    pl = places_of(analyze, "Oil from the spill drifted across the Gulf of Mexico toward Florida.")
    assert not by_text(pl, "Gulf") and not by_text(pl, "Mexico")
    (gulf,) = by_text(pl, "Gulf of Mexico")
    assert gulf.feature == "region" and 20 < gulf.lat < 30


def test_names_in_the_parenthesis_are_areas_even_of_big_cities(analyze):
    """Kaduna is also a big city; inside the parenthesis it is the state."""
    pl = places_of(analyze, "Unidentified gunmen killed a farmer in Kajuru (Kajuru, Kaduna).")
    (kaduna,) = by_text(pl, "Kaduna")
    assert kaduna.feature == "admin" and kaduna.country == "NG"
    pl = places_of(analyze, "Protesters gathered in Lahore (Lahore, Punjab) to demand fuel subsidies.")
    (punjab,) = by_text(pl, "Punjab")
    assert punjab.country == "PK"  # the Punjab that holds Lahore, not India's


def test_district_without_towns_takes_its_province_point(gaz):
    """Every district has a point: its towns' mean, its same-named town, or its province's."""
    recs = [gaz.rec(i) for i, _ in gaz.lookup("Hodan")]
    hodan = next(r for r in recs if r.kind == "admin2" and r.cc == "SO")
    assert hodan.lat is not None and abs(hodan.lat - 2.0) < 1.5


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:

    @settings(max_examples=40, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "Kidal",
                    "(",
                    ")",
                    ",",
                    "Middle",
                    "Juba",
                    "district",
                    "city",
                    "Gaza",
                    "Strip",
                    "in",
                    "Lake",
                    "Gulf",
                    "of",
                    "Mexico",
                    "counties",
                    "and",
                    "Becker",
                    "\n",
                    "Rafah",
                    "Hays",
                    "Al",
                    "-",
                    "((",
                ]
            ),
            max_size=25,
        )
    )
    def test_admin_forms_never_break_spans(words):
        """Unbalanced or empty parentheses, lists and water-body words: spans index the text."""
        from according.model import Meta
        from according.nlp import parse
        from according.places.resolve import resolve

        text = " ".join(words)
        for p in resolve(parse(text), Meta()):
            assert text[p.span.start : p.span.end] == p.span.text
            assert 0 <= (p.confidence or 0) <= 1


def test_a_province_alone_is_kept(analyze):
    """An article naming only a province (no country): the province's own name is not
    doubted because a town elsewhere is called so."""
    pl = places_of(analyze, "Ontario will raise the minimum wage next year, the premier said.")
    (ont,) = by_text(pl, "Ontario")
    assert ont.feature == "admin" and ont.country == "CA" and ont.confidence >= 0.6


def test_a_city_is_not_its_county_by_the_county_short_name(analyze):
    """Towns of Los Angeles County named around "Los Angeles" vouch for the county only
    where the article names the county; the bare name stays the city."""
    pl = places_of(
        analyze,
        "Traffic from Pasadena and Glendale slowed as Los Angeles prepared for the parade. "
        "Los Angeles police closed streets.",
    )
    assert all(p.feature == "city" for p in by_text(pl, "Los Angeles"))


def test_a_parenthesis_may_hold_a_name_the_gazetteer_lacks(analyze):
    # "(Sinjar, Ninewa)": the note's own spelling of the province is unknown, the district is not
    rec = analyze(
        "On 4 March 2023, a landmine exploded in a field near Sinjar (Sinjar, Zzyzxland), killing a "
        "shepherd.",
        id="t",
    )
    sinjar = [p for p in rec.places if p.span.text == "Sinjar"]
    assert len(sinjar) == 2 and all(p.country == "IQ" for p in sinjar)
    # a parenthesis of ordinary words is no area list
    rec = analyze("He spoke (Reuters reported on Monday) about Sinjar.", id="t")
    assert all(p.span.text == "Sinjar" for p in rec.places)


def test_words_of_an_unknown_area_name_are_no_places_of_their_own(analyze):
    # "(Debub Gondar, Amhara)": the zone's Amharic name is unknown; its "Gondar" is not the city
    rec = analyze(
        "On 12 August 2022, militiamen clashed with soldiers in Debre Tabor (Debub Gondar, Amhara).", id="t"
    )
    names = {p.span.text: p for p in rec.places}
    assert "Gondar" not in names and names["Debre Tabor"].country == "ET"
    assert rec.places[rec.events[0].place].span.text == "Debre Tabor"


def test_the_last_name_of_an_area_parenthesis_is_a_province_not_a_country(analyze):
    # "(Munya, Niger)": a district the gazetteer lacks and Niger State, not the Republic of Niger;
    # the village is unknown, so the smallest named area places the note, and says so
    rec = analyze(
        "On 3 March 2024, gunmen attacked Kuchi village (Munya, Niger) and killed 12 villagers.", id="t"
    )
    niger = [p for p in rec.places if p.span.text == "Niger"]
    assert len(niger) == 1 and niger[0].country == "NG" and niger[0].feature != "country"
    assert rec.events and rec.places[rec.events[0].place].country == "NG"
    assert rec.places[rec.events[0].place].geo_precision in (2, 3)
    assert "Nigeria" in rec.events[0].actor1.name
    # one name alone in brackets may be the country
    rec = analyze("Gunmen attacked a convoy near Tillaberi (Niger) on Monday.", id="t")
    assert all(p.country == "NE" for p in rec.places)
