"""Places: a place followed by the areas that hold it chooses among namesakes by them, in the
note form of conflict-event data ("Town (District, Province)") and after commas ("Town, State,
Country"); a dateline in capitals keeps the first word of "ST. PAUL"; a continent is not doubted
for a town of its name (issue 9). Hand-written sentences only."""

from __future__ import annotations

import pytest


def places_of(analyze, text):
    return list(analyze(text, id="t").places)


def place_named(analyze, text: str, mention: str):
    found = [p for p in places_of(analyze, text) if p.span.text == mention]
    assert found, f"{mention!r} not placed in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, mention, country, lat, lon",
    [
        # one name, two countries: the province in the brackets chooses
        (
            "On 5 May 2023, protesters gathered in Hyderabad (Hyderabad, Sindh) against power cuts.",
            "Hyderabad",
            "PK",
            25.39,
            68.37,
        ),
        (
            "On 5 May 2023, protesters gathered in Hyderabad (Hyderabad, Telangana) against power cuts.",
            "Hyderabad",
            "IN",
            17.38,
            78.47,
        ),
        # the containing areas after commas
        ("On 5 May 2023, gunmen killed 3 farmers in Bama, Borno state, Nigeria.", "Bama", "NG", 11.52, 13.69),
        (
            "On 5 May 2023, students protested in Valencia (Valencia, Carabobo).",
            "Valencia",
            "VE",
            10.16,
            -68.0,
        ),
        # a dateline in capitals: "ST" "." "PAUL" read as one name, in the state that follows
        ("ST. PAUL, Minn. - The mayor spoke to reporters on Monday.", "ST. PAUL", "US", 44.94, -93.09),
        (
            "ST. PETERSBURG, Russia - Police detained 20 people on Monday.",
            "ST. PETERSBURG",
            "RU",
            59.94,
            30.31,
        ),
    ],
)
def test_the_areas_named_with_a_place_choose_the_namesake(analyze, text, mention, country, lat, lon):
    p = place_named(analyze, text, mention)
    assert p.country == country
    assert p.lat is not None and p.lon is not None
    assert abs(p.lat - lat) < 0.3 and abs(p.lon - lon) < 0.3


def test_a_capitalised_dateline_does_not_leave_the_second_word_alone(analyze):
    # before: "PAUL" was looked up alone and read as Paul, a district of Cape Verde
    names = {p.span.text for p in places_of(analyze, "ST. PAUL, Minn. - The mayor spoke on Monday.")}
    assert "PAUL" not in names


@pytest.mark.parametrize("text", ["Sales in Asia rose 4 percent.", "The firm expanded in Europe and Asia."])
def test_a_continent_is_not_doubted_for_a_town_of_its_name(analyze, text):
    # a town called Asia (23,000 people, the Philippines) left the continent under the floor
    asia = place_named(analyze, text, "Asia")
    assert asia.feature == "region" and asia.country is None and asia.lat is not None
