"""Places named in another transliteration than the gazetteer's (places/spelling.py): found where
the words around say a place is meant (an area parenthesis, "the village of X" in a country the
text names), never elsewhere. Hand-built sentences and records only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from according.places.gazetteer import Gazetteer, Rec, haversine_km
from according.places.spelling import close, skeleton

BUULOBARDE = (3.854, 45.567)
TALL_RIFAT = (36.472, 37.095)

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)


@given(st.lists(words, min_size=1, max_size=3))
def test_doubled_letters_and_apostrophes_keep_the_skeleton(ws):
    key = " ".join(ws)
    respelt = " ".join(w[0] + "'" + "".join(c * 2 for c in w[1:]) for w in ws)
    assert skeleton(respelt) == skeleton(key)
    assert close(key, key)


def test_close_spellings_are_one_name_and_strangers_are_not():
    assert skeleton("tal rifaat") == skeleton("tall rif‘at") and close("tal rifaat", "tall rif‘at")
    assert close("hiraan", "hiiraan") and close("bulo burte", "bulo burti")
    assert skeleton("hiraan") == skeleton("huron") and not close("hiraan", "huron")
    assert skeleton("prisi") == skeleton("paris") and not close("prisi", "paris")
    assert skeleton("al") == ""  # too short to mean anything


def _small() -> Gazetteer:
    g = Gazetteer()
    g.add(Rec(1, "Tall Rif‘at", 36.47, 37.09, "SY", "09", 25000, "city"))
    g.add(Rec(2, "Paris", 48.85, 2.35, "FR", "11", 2_100_000, "city", True))
    g.add(Rec(3, "Hiran", 4.3, 45.3, "SO", "04", 0, "admin1"), alternates=["Hiiraan"])
    return g


def test_lookup_spelling_finds_respellings_only_when_the_name_is_unknown():
    g = _small()
    assert g.lookup_spelling("Tal Rifaat") == [(0, True)]  # an alternate-name match, never the own name
    assert g.lookup_spelling("Hiraan") == [(2, True)]
    assert g.lookup_spelling("Prisi") == []
    assert g.lookup_spelling("Paris") == []  # known as written: no respelling


def test_an_area_parenthesis_in_another_spelling_places_the_town(analyze):
    text = "On 3 April 2022, gunmen attacked a checkpoint in Bulo Burte (Hiraan), killing 2 soldiers."
    pls = list(analyze(text, id="t", published="2022-04-05").places)
    town = [p for p in pls if p.span.text == "Bulo Burte"]
    assert town and town[0].lat is not None, pls
    assert haversine_km(town[0].lat, town[0].lon, *BUULOBARDE) < 25
    assert town[0].country == "SO"


def test_a_village_of_another_spelling_is_found_in_the_country_the_text_names(analyze):
    text = "On 2 May 2022, Syrian army units shelled the village of Tal Rifaat for an hour."
    pls = list(analyze(text, id="t", published="2022-05-04").places)
    village = [p for p in pls if "Rifaat" in p.span.text]
    assert village and haversine_km(village[0].lat, village[0].lon, *TALL_RIFAT) < 25, pls


def test_a_respelling_outside_the_named_country_is_not_believed(analyze):
    text = "On 2 May 2022, Georgian police said the village of Prisi near Tskhinvali came under fire."
    pls = list(analyze(text, id="t", published="2022-05-04").places)
    assert not any(p.country == "FR" for p in pls), pls
