"""An event's place (events/location.py): where it happened, not whose people or arms were there."""

from __future__ import annotations


def _first_event(analyze, text: str):
    rec = analyze(text, id="t", published="2024-05-02")
    assert rec.events, "the sentence reports an event"
    return rec, rec.events[0]


def test_a_demonym_of_a_region_is_not_where_the_event_happened(analyze):
    """ "European" resolves to Europe (a region) and "Chechen" to the Chechen Republic; like
    "Russian forces" they say whose, not where: the event keeps the town, or no place."""
    rec, ev = _first_event(
        analyze, "Chechen fighters attacked a police post in Khasavyurt, killing two officers."
    )
    assert ev.place is None or rec.places[ev.place].span.text != "Chechen"
    rec, ev = _first_event(
        analyze, "Rebels fired European-made missiles at army positions, killing four soldiers."
    )
    assert ev.place is None or rec.places[ev.place].span.text != "European"


def test_a_place_named_as_a_place_is_kept(analyze):
    rec, ev = _first_event(analyze, "Rebels shelled army positions in Aleppo, Syria, killing four soldiers.")
    assert ev.place is not None and rec.places[ev.place].span.text == "Aleppo"


def test_a_facility_named_after_a_town_in_an_area_note_is_at_the_town(analyze):
    """ "Qoryoley Airport (Lower Shabelle)": the area is written in another spelling than the
    gazetteer's (Lower Shebelle) and "Shabelle" alone matched something else; the town before
    the facility word lies in that area, so it is the place (ACLED locates the airport at the
    town) and the event's place, not the province."""
    rec, ev = _first_event(
        analyze,
        "On 3 May 2024, al Shabaab militants attacked an army base in Qoryoley Airport "
        "(Lower Shabelle), killing 3 soldiers.",
    )
    town = [p for p in rec.places if p.span.text == "Qoryoley"]
    assert [(p.country, p.geo_precision) for p in town] == [("SO", 1)]
    assert [p.name for p in rec.places if p.span.text == "Lower Shabelle"] == ["Lower Shebelle"]
    assert ev.place is not None and rec.places[ev.place].span.text == "Qoryoley"
