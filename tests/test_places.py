"""Places: gazetteer loading, the GeoNames dump loader, mention finding and
context-based resolution, place_near, and the specimen article."""

from __future__ import annotations

import time

import pytest

from according.model import Meta, Place, Span
from according.pipeline import Work
from according.places import gazetteer as gz
from according.places import place_near


@pytest.fixture(scope="module")
def gaz():
    return gz.get()


def places_of(analyze, text, **kw):
    rec = analyze(text, id="t", **kw)
    return rec, list(rec.places)


def by_text(places, s):
    return [p for p in places if p.span.text == s]


# ---------------------------------------------------------------- gazetteer


def test_gazetteer_loads_once_and_fast(gaz):
    t = time.perf_counter()
    again = gz.get()
    assert again is gaz  # one instance per process
    assert time.perf_counter() - t < 0.01


def test_lookup_knows_countries_cities_states_and_demonyms(gaz):
    kinds = {gaz.rec(i).kind for i, _ in gaz.lookup("Georgia")}
    assert {"country", "admin1"} <= kinds  # the country and the US state
    cairo = [gaz.rec(i) for i, _ in gaz.lookup("Cairo")]
    assert any(r.cc == "EG" and r.kind == "city" and r.pop > 1_000_000 for r in cairo)
    assert gaz.rec(gaz.demonyms["israeli"]).cc == "IL"
    assert gaz.rec(gaz.demonyms["american"]).cc == "US"  # not a US territory
    la = gaz.rec(gaz.admin1[("US", "LA")])
    assert la.name == "Louisiana" and la.gid is not None


def test_norm_folds_case_accents_and_periods():
    assert gz.norm("U.S.") == "us"
    assert gz.norm("Québec") == "quebec"
    assert gz.norm("Khan  Younis") == "khan younis"


def test_geonames_dump_loader(tmp_path):
    dump = tmp_path / "mini.txt"
    rows = [
        # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 a1 a2 a3 a4 pop elev dem tz mod
        [
            "9000001",
            "Zorbaville",
            "Zorbaville",
            "Zorba,Zorbaburg",
            "45.5",
            "-100.25",
            "P",
            "PPL",
            "US",
            "",
            "SD",
            "",
            "",
            "",
            "1200",
            "",
            "500",
            "America/Chicago",
            "2020-01-01",
        ],
        [
            "9000002",
            "Quux County",
            "Quux County",
            "",
            "45.0",
            "-100.0",
            "A",
            "ADM2",
            "US",
            "",
            "SD",
            "099",
            "",
            "",
            "0",
            "",
            "",
            "",
            "2020-01-01",
        ],
        [
            "9000003",
            "Frobland",
            "Frobland",
            "",
            "10",
            "20",
            "A",
            "ADM1",
            "XX",
            "",
            "07",
            "",
            "",
            "",
            "0",
            "",
            "",
            "",
            "2020-01-01",
        ],
        ["not a number", "Broken"],  # malformed: skipped
    ]
    dump.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    g = gz.Gazetteer()
    assert gz.load_geonames(dump, g) == 3
    ((i, alt),) = g.lookup("Zorbaville")
    r = g.rec(i)
    assert (r.gid, r.kind, r.cc, r.admin1, r.pop) == (9000001, "city", "US", "SD", 1200) and not alt
    assert g.lookup("Zorbaburg") == [(i, True)]  # an alternate name
    assert g.rec(g.lookup("Quux County")[0][0]).kind == "admin2"
    assert g.admin1[("XX", "07")] == g.lookup("Frobland")[0][0]
    assert gz.load_geonames(dump, g) == 0  # known ids are not added twice


def test_resolve_with_a_custom_gazetteer(tmp_path):
    """The resolver takes any gazetteer: a GeoNames dump alone is enough."""
    from according.nlp import Parse, Sent, Tok
    from according.places.resolve import resolve

    dump = tmp_path / "mini.txt"
    dump.write_text(
        "\t".join(
            [
                "9000001",
                "Zorbaville",
                "Zorbaville",
                "",
                "45.5",
                "-100.25",
                "P",
                "PPL",
                "US",
                "",
                "SD",
                "",
                "",
                "",
                "1200",
                "",
                "",
                "",
                "",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    g = gz.Gazetteer()
    gz.load_geonames(dump, g)
    text = "Zorbaville"
    tok = Tok(
        0,
        text,
        0,
        len(text),
        text,
        "PROPN",
        "NNP",
        "ROOT",
        0,
        "GPE",
        "B",
        0,
        False,
        False,
        False,
        False,
        "Xxxxx",
    )
    from according.nlp import Ent

    parse = Parse(
        text, (tok,), (Sent(0, 1, 0, len(text)),), (Ent(0, 1, "GPE", 0, len(text), text),), (), "test"
    )
    (p,) = resolve(parse, Meta(), g)
    assert (p.geonameid, p.lat, p.lon, p.country, p.feature) == (9000001, 45.5, -100.25, "US", "city")


# ---------------------------------------------------------------- resolution in context


def test_city_state_abbreviation(analyze):
    _, pl = places_of(analyze, "Police in Alexandria, La., arrested a man on Tuesday, the sheriff said.")
    (alex,) = by_text(pl, "Alexandria")
    assert alex.country == "US" and 30 < alex.lat < 32.5 and -93.5 < alex.lon < -91.5
    (la,) = by_text(pl, "La.")
    assert la.name == "Louisiana" and la.feature == "admin"


def test_paris_texas_versus_paris_france(analyze):
    _, pl = places_of(
        analyze, "The festival moved from Paris, Texas, to Dallas this spring, organisers said."
    )
    (paris,) = by_text(pl, "Paris")
    assert paris.country == "US" and paris.lat < 40
    _, pl = places_of(analyze, "French officials met German diplomats in Paris on Monday.")
    (paris,) = by_text(pl, "Paris")
    assert paris.country == "FR"
    (french,) = by_text(pl, "French")
    assert french.feature == "country" and french.country == "FR"


def test_demonyms_are_places(analyze):
    _, pl = places_of(
        analyze, "Israeli forces entered the town as Gazans fled south, Egyptian officials said."
    )
    got = {p.span.text: p.country for p in pl}
    assert got.get("Israeli") == "IL" and got.get("Egyptian") == "EG" and got.get("Gazans") == "PS"


def test_georgia_follows_the_article(analyze):
    _, pl = places_of(
        analyze, "Russian tanks rolled toward Tbilisi as Georgia appealed to Moscow and the Kremlin."
    )
    assert by_text(pl, "Georgia")[0].country == "GE"
    _, pl = places_of(
        analyze, "Gainesville and Atlanta schools in Hall County, Georgia, will close on Friday."
    )
    assert by_text(pl, "Georgia")[0].country == "US"


def test_place_inside_an_organisation_name(analyze):
    _, pl = places_of(
        analyze,
        "The Laurel County Sheriff's Office in London, Ky., said the Ohio Supreme Court would hear it.",
    )
    texts = {p.span.text for p in pl}
    assert "Ohio" in texts
    (laurel,) = by_text(pl, "Laurel County")
    assert laurel.feature == "admin" and laurel.country == "US"
    (london,) = by_text(pl, "London")
    assert london.country == "US"
    # the county has its own GeoNames id and a point near its seat
    assert (
        laurel.geonameid is not None and gz.haversine_km(laurel.lat, laurel.lon, london.lat, london.lon) < 40
    )


def test_unsure_readings_are_left_out(analyze):
    """A county named with nothing to tell which state's it is gets no place."""
    _, pl = places_of(analyze, "Deputies in Washington County found the car.")
    assert all((p.confidence or 0) >= 0.4 for p in pl)


def test_spans_hold_and_confidence_in_range(analyze):
    text = (
        "From Cairo to Washington, officials in Brussels, Beirut and Tel Aviv waited. The U.S. said little."
    )
    rec, pl = places_of(analyze, text)
    assert pl
    for p in pl:
        assert rec.text[p.span.start : p.span.end] == p.span.text
        assert p.confidence is None or 0 <= p.confidence <= 1
        assert p.feature in {"city", "country", "admin", "region", "facility", "other"}
    assert by_text(pl, "U.S.")[0].geonameid == 6252001


def test_no_place_in_plain_prose(analyze):
    _, pl = places_of(analyze, "Most people said the weather was fine and nothing happened at all.")
    assert pl == []


# ---------------------------------------------------------------- place_near


def _place(text, s, e, feature, lat=1.0):
    return Place(Span.of(text, s, e), text[s:e], None, lat, 2.0, None, feature, 0.9)


def test_place_near_prefers_inside_then_before_in_paragraph():
    text = "Egypt talks.\nIn Rafah, strikes killed 12 people in Gaza.\nNothing here."
    w = Work(text=text, parse=None)
    egypt = _place(text, 0, 5, "country")
    rafah = _place(text, text.index("Rafah"), text.index("Rafah") + 5, "city")
    gaza = _place(text, text.index("Gaza"), text.index("Gaza") + 4, "region")
    w.places = (egypt, rafah, gaza)
    s = text.index("killed")
    assert place_near(w, s, s + 6) == 1  # the closest before, same paragraph
    line2 = text.index("In Rafah")
    assert place_near(w, line2, text.index("\nNothing")) == 1  # inside: the most specific
    last = text.index("Nothing")
    assert place_near(w, last, len(text)) is None  # no place in that paragraph


# ---------------------------------------------------------------- the specimen


def test_specimen_places(sample_analysis):
    want = {
        "Rafah": "PS",
        "Khan Younis": "PS",
        "Cairo": "EG",
        "Gaza": "PS",
        "Egypt": "EG",
        "Qatar": "QA",
        "Israel": "IL",
        "Sinai": "EG",
        "West Bank": "PS",
        "Brussels": "BE",
        "Tel Aviv": "IL",
        "Beirut": "LB",
    }
    got = {}
    for p in sample_analysis.places:
        got.setdefault(p.span.text, p)
    for name, cc in want.items():
        if name in got:  # some are only in the sample's later paragraphs; those found must be right
            assert got[name].country == cc, (name, got[name])
    assert sum(n in got for n in want) >= 10
    washington = [p for p in sample_analysis.places if p.span.text == "Washington"]
    assert washington and all(p.geonameid == 4140963 for p in washington)  # the capital, not the state


# ---------------------------------------------------------------- robustness

ODD = [
    "",
    "   \n\n",
    "U.S., U.K., D.C. and N.Y.",
    ", La., Calif., W. Va., B.C.",
    "The The The Of Of",
    "ÄÖÜ Ñandú, São Paulo’s “Zürich”.",
    "A" * 300,
    "Paris, " * 50,
    "Springfield\nSpringfield\n" * 20,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_never_breaks_the_stage(text):
    from according.nlp import parse
    from according.places.resolve import resolve

    for p in resolve(parse(text), Meta(dateline="WASHINGTON")):
        assert text[p.span.start : p.span.end] == p.span.text and p.span.text.strip()


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
                    "Paris",
                    "Texas",
                    "Georgia",
                    ",",
                    ".",
                    "the",
                    "Israeli",
                    "County",
                    "Lake",
                    "Street",
                    "in",
                    "said",
                    "La.",
                    "New",
                    "York",
                    "\n",
                    "Gaza",
                    "Washington",
                ]
            ),
            max_size=25,
        )
    )
    def test_spans_always_index_the_text(words):
        from according.nlp import parse
        from according.places.resolve import resolve

        text = " ".join(words)
        for p in resolve(parse(text), Meta()):
            assert text[p.span.start : p.span.end] == p.span.text
            assert 0 <= (p.confidence or 0) <= 1


def test_abbreviations_split_by_the_tokenizer_and_words_that_look_like_them(analyze):
    _, pl = places_of(analyze, "The plane landed in Winnipeg, Man. on Sunday.")
    man = [p for p in pl if p.span.text.startswith("Man")]
    assert man and man[0].name == "Manitoba" and man[0].country == "CA"
    _, pl = places_of(analyze, "After the storm the family attended Mass. Then they went home.")
    assert not [p for p in pl if p.span.text.startswith("Mass")]


# ---------------------------------------------------------------- error-analysis fixes


def test_bare_famous_name_without_context_is_left_out(analyze):
    """Only the prior (size) speaks for London, England, and London, Ontario is a city of
    400,000: the stage says nothing rather than guess; with context it answers."""
    _, pl = places_of(analyze, "Hundreds of people marched downtown in London on Saturday.")
    assert by_text(pl, "London") == []
    _, pl = places_of(analyze, "Hundreds of people marched downtown in London, Ontario, on Saturday.")
    assert by_text(pl, "London")[0].country == "CA"
    _, pl = places_of(analyze, "British officials met French diplomats in London and Paris on Monday.")
    assert by_text(pl, "London")[0].country == "GB"


def test_state_focus_without_american_country_evidence(analyze):
    """Georgia's counties around Athens: the state explains the names, so "Georgia" is the
    state, and Athens is at least not put in Greece (the Greek capital's size still rivals
    the focus, so the unsupported guess is left out)."""
    _, pl = places_of(
        analyze,
        "Schools in Athens will close on Friday. Clarke, Oconee and Oglethorpe counties "
        "will follow, the Georgia Department of Education said.",
    )
    assert all(p.country == "US" for p in by_text(pl, "Athens"))
    assert by_text(pl, "Georgia")[0].country == "US"


def test_provinces_with_points_far_from_towns_are_known(gaz):
    """Quebec's point lies in empty northern land; it is still a province."""
    quebec = [gaz.rec(i) for i, _ in gaz.lookup("Quebec")]
    assert any(r.kind == "admin1" and r.cc == "CA" and 45 < r.lat < 62 for r in quebec)


def test_a_name_is_no_evidence_for_itself(analyze):
    """ "Quebec" the province must not lend its own state evidence to Quebec City."""
    _, pl = places_of(
        analyze,
        "Protesters gathered in Montreal, and the premier of Quebec said the province would not move.",
    )
    # the province, or nothing (Quebec City is a sizeable rival that nothing rules out)
    assert all(p.feature == "admin" for p in by_text(pl, "Quebec"))


def test_a_state_name_is_the_state_in_local_news(analyze):
    """Wisconsin has a town called Oregon; the article's Wisconsin focus must not turn the
    state's name into it (a qualifier would: "Oregon, Wis.")."""
    _, pl = places_of(
        analyze, "Leaders in Milwaukee, Madison and Green Bay said Oregon passed a similar law last year."
    )
    oregon = by_text(pl, "Oregon")
    assert all(p.feature == "admin" for p in oregon)


def test_another_spelling_is_no_evidence_for_the_name(analyze):
    """ "Dublin City" is an alternate name of the Irish capital only; it must not make the
    bare "Dublin" Irish (Dublin, Ohio and Dublin, California are as likely)."""
    _, pl = places_of(
        analyze, "Dublin City leaders met on Tuesday. Dublin residents asked for more parking downtown."
    )
    assert all(p.country != "IE" for p in by_text(pl, "Dublin"))


def test_a_city_far_bigger_than_its_namesakes_needs_no_support(analyze):
    # a one-sentence report names nothing else; a 14k town spelled the same elsewhere is no doubt
    _, places = places_of(analyze, "The Taliban took control of Kabul without a fight.")
    (kabul,) = by_text(places, "Kabul")
    assert kabul.country == "AF" and kabul.feature == "city"


def test_a_big_city_stays_in_doubt_when_the_article_points_elsewhere(analyze):
    _, places = places_of(
        analyze,
        "Berlin firefighters were called out again. Berlin is a small town in "
        "Coos County, New Hampshire, and its mayor spoke in Concord, New Hampshire.",
    )
    assert all(p.country != "DE" for p in places)


def test_names_tagged_as_people_after_a_place_preposition_or_before_a_place_noun(analyze):
    _, places = places_of(analyze, "Soldiers detained party leaders in Naypyitaw in a coup.")
    assert [p.country for p in by_text(places, "Naypyitaw")] == ["MM"]
    _, places = places_of(analyze, "Air defences shot down four drones over Mykolaiv oblast.")
    assert [p.country for p in by_text(places, "Mykolaiv")] == ["UA"]
    _, places = places_of(analyze, "Protesters gathered in Johnson's garden.")
    assert not places


def test_a_place_noun_says_which_kind_is_meant(analyze):
    _, places = places_of(analyze, "A convoy left the Turkish city of Mersin at dawn.")
    assert [p.feature for p in by_text(places, "Mersin")] == ["city"]
    _, places = places_of(analyze, "Shelling in Idlib province killed three people.")
    assert [p.feature for p in by_text(places, "Idlib")] == ["admin"]


def test_arabic_names_found_with_or_without_their_article(analyze):
    # GeoNames keeps the article ("Al Qamishli"); news often drops it
    _, places = places_of(analyze, "A drone strike hit a car near Qamishli in northeast Syria.")
    assert [p.country for p in by_text(places, "Qamishli")] == ["SY"]
    from according.places.mentions import lookup_text

    g = gz.get()
    assert lookup_text(g, "Boston")[0] == [i for i, _ in g.lookup("Boston")]  # found as written: unchanged


def test_a_country_beats_its_namesake_towns_unless_the_article_is_in_their_country(analyze):
    """Lebanon, Tennessee (20,000 people) is no doubt for the country when nothing in the
    article points to the US; beside Nashville and Murfreesboro it stays in doubt."""
    _, places = places_of(analyze, "Troops were sent to Lebanon.")
    assert [(p.country, p.feature) for p in by_text(places, "Lebanon")] == [("LB", "country")]
    _, places = places_of(
        analyze,
        "Crews from Nashville and Murfreesboro, Tennessee, were sent to Lebanon after the storm.",
    )
    assert all(p.country != "LB" for p in by_text(places, "Lebanon"))


def test_demonyms_of_regions_are_the_regions(analyze):
    """ "South Ossetian" was no place (the gazetteer lacked the region, and the demonym of a
    region was unknown); "Chechen" is the Chechen Republic, not the Ukrainian village Chechnya."""
    _, places = places_of(analyze, "South Ossetian officials said Georgian troops had crossed the border.")
    (ossetia,) = by_text(places, "South Ossetian")
    assert ossetia.country == "GE" and ossetia.feature == "region"
    _, places = places_of(analyze, "Chechen fighters were seen near the border, officials said.")
    assert [(p.country, p.feature) for p in by_text(places, "Chechen")] == [("RU", "admin")]


def test_a_region_demonym_table_names_places_the_gazetteer_has(gaz):
    from according.lang.region_demonyms import REGION_DEMONYMS

    missing = {word: place for word, place in REGION_DEMONYMS.items() if not gaz.lookup(place)}
    assert missing == {}


def test_demonyms_of_us_states_are_the_states(analyze):
    _, places = places_of(analyze, "Thousands of Minnesotans lost power after the storm.")
    assert [(p.country, p.feature) for p in by_text(places, "Minnesotans")] == [("US", "admin")]
