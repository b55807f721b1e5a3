"""Figures: numbers, qualifiers, units, measures, claimants; never a crash on odd numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.lang.numbers import number_value


def figs(analyze, text, **kw):
    return analyze(text, published=kw.pop("published", "2024-02-14"), **kw).figures


def one(figures, unit=None, measure=None):
    hits = [
        f for f in figures if (unit is None or f.unit == unit) and (measure is None or f.measure == measure)
    ]
    assert len(hits) == 1, [(f.span.text, f.unit, f.measure) for f in figures]
    return hits[0]


@pytest.mark.parametrize(
    "words,value",
    [
        (["28,500"], 28500),
        (["1.4", "million"], 1_400_000),
        (["seven"], 7),
        (["twenty", "-", "five"], 25),
        (["a", "dozen"], 12),
        (["two", "hundred"], 200),
        (["3", "thousand"], 3000),
        (["1,2,3"], None),
        (["a", "hundred", "thousand"], 100_000),
        (["people"], None),
        # the times stage passes the phrase as one string
        ("twenty-five", 25),
        ("1,000", 1000),
        ("1.5", 1.5),
        ("a", 1),
        ("a single", 1),
        ("a couple of", 2),
        ("a pair of", 2),
        ("a dozen", 12),
        ("one hundred", 100),
        ("a few", None),
        ("several", None),
        ("dozens of", None),
        ("", None),
    ],
)
def test_number_value(words, value):
    assert number_value(words) == value


def test_elided_head_and_claimant(analyze):
    fs = figs(
        analyze,
        "The war has killed more than 28,500 people and wounded nearly 70,000, "
        "according to the Health Ministry.",
    )
    k = one(fs, measure="killed")
    assert (k.value, k.qualifier, k.unit, k.low) == (28500, "more_than", "people", 28500)
    w = one(fs, measure="wounded")
    assert (w.value, w.qualifier, w.unit) == (70000, "nearly", "people")
    assert k.source is not None and "Ministry" in k.source.name and w.source.name == k.source.name


def test_range_and_adjective_measure(analyze):
    f = one(figs(analyze, "Dr. Ali Hassan said between 5,000 and 7,000 displaced people were leaving."))
    assert (f.value, f.low, f.high, f.qualifier, f.unit, f.measure) == (
        None,
        5000,
        7000,
        "between",
        "people",
        "displaced",
    )


def test_vague_quantities_keep_value_null(analyze):
    f = one(figs(analyze, "Airstrikes killed dozens of militants in the north."))
    assert f.value is None and f.low == 24 and f.unit == "militants" and f.measure == "killed"


def test_written_numbers_scales_and_held(analyze):
    fs = figs(
        analyze,
        "Seven soldiers were killed. At least 1.4 million residents have sought refuge there. "
        "More than 100 hostages held by the group remain.",
    )
    assert one(fs, unit="soldiers").value == 7
    r = one(fs, unit="residents")
    assert (r.value, r.qualifier, r.measure) == (1_400_000, "at_least", "sheltering")
    h = one(fs, unit="hostages")
    assert (h.value, h.qualifier, h.measure) == (100, "more_than", "held")


def test_not_figures(analyze):
    fs = figs(
        analyze,
        "In 1979, at 2:30 p.m. on March 3, a 12-year-old boy paid $300 for 40 percent of "
        "the land, 20 km away, for the third time in six weeks.",
    )
    assert fs == ()


def test_claimant_after_clause(analyze):
    fs = figs(analyze, "Some 1,200 people were killed in the attack, Israel says.")
    f = one(fs)
    assert f.qualifier == "about" and f.source is not None and f.source.name == "Israel"


def test_outlet_figure_has_no_source_and_publication_when(analyze):
    f = one(
        figs(analyze, "Three hospitals were closed and 40 patients were evacuated.", published="2024-02-14"),
        unit="patients",
    )
    assert f.source is None and f.measure == "evacuated" and f.when == "2024-02-14"


@pytest.mark.parametrize(
    "text",
    [
        "Lists like 1,2,3 people and 9" * 3 + " hostages.",
        "They counted " + "9" * 400 + " people.",
        "1.2.3.4 soldiers died",
        "between and to - 5 - - people killed",
    ],
)
def test_odd_numbers_never_crash(analyze, text):
    rec = analyze(text)
    for f in rec.figures:
        assert rec.text[f.span.start : f.span.end] == f.span.text
    assert not [e for e in rec.errors if e.stage == "figures"]  # skipped numbers are notes


def test_a_skipped_number_is_a_note_not_an_error(analyze):
    rec = analyze("They counted " + "9" * 400 + " people.")
    assert not rec.figures and not rec.errors
    assert [(n.stage, n.message.endswith("too large")) for n in rec.notes] == [("figures", True)]
    assert rec.to_dict()["notes"] == [{"stage": "figures", "message": rec.notes[0].message}]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1,2,3",
                "12",
                "seven",
                "million",
                "dozens",
                "of",
                "people",
                "killed",
                "at",
                "least",
                "-",
                "and",
                "between",
                "1.5",
                "99999999999999999",
                ",",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_spans_match_text(analyze, words):
    rec = analyze(" ".join(words))
    for f in rec.figures:
        assert rec.text[f.span.start : f.span.end] == f.span.text
        assert f.value is None or f.value < 1e14


def test_specimen_figures(sample_analysis):
    fs = sample_analysis.figures

    def find(value=None, low=None, high=None, qualifier=None, measure=None):
        return [
            f
            for f in fs
            if (value is None or f.value == value)
            and (low is None or f.low == low)
            and (high is None or f.high == high)
            and (qualifier is None or f.qualifier == qualifier)
            and (measure is None or f.measure == measure)
        ]

    killed = find(28500, qualifier="more_than", measure="killed")
    assert killed and "Health Ministry" in (killed[0].source.name or "")
    assert find(70000, qualifier="nearly", measure="wounded")
    israel = find(1200, measure="killed")
    assert israel and israel[0].source is not None and "Israel" in israel[0].source.name
    assert find(232, qualifier="at_least", measure="killed")
    assert find(134) and find(100, qualifier="more_than", measure="held")
    assert find(1_400_000, qualifier="at_least")
    prisoners = find(1500)
    assert prisoners and prisoners[0].source is not None and prisoners[0].source.type == "anonymous"
    assert find(None, low=5000, high=7000, qualifier="between", measure="displaced")
    seven = find(7, measure="killed")
    assert seven and seven[0].source is not None and seven[0].when == "2024-02-12"
    assert find(14, measure="wounded")
    assert find(67, qualifier="at_least", measure="killed")


# ----------------------------------------------------------------- the project's own example article

EXAMPLE = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples" / "harbor-ceasefire.txt"


@pytest.fixture(scope="module")
def example(analyze):
    return analyze(EXAMPLE.read_text(encoding="utf-8"), published="2025-03-13")


def _at(example, text):
    hits = [f for f in example.figures if f.span.text == text]
    assert len(hits) == 1, [f.span.text for f in example.figures]
    return hits[0]


def _src(f):
    return f.source.name if f.source is not None else None


def test_example_casualty_figures(example):
    f = _at(example, "At least 41 people")
    assert (f.value, f.qualifier, f.low, f.unit, f.measure, f.when) == (
        41,
        "at_least",
        41,
        "people",
        "killed",
        "2025-03-10",
    )
    assert "health directorate" in _src(f)
    f = _at(example, "more than 12,000 residents")  # "since last month" starts the count; it is as of now
    assert (f.value, f.qualifier, f.unit, f.measure, f.when) == (
        12000,
        "more_than",
        "residents",
        "displaced",
        "2025-03-13",
    )
    assert "refugee agency" in _src(f)
    dozens = _at(example, "Dozens")  # "according to" at the end covers the whole sentence
    assert (dozens.value, dozens.low, dozens.measure) == (None, 24, "wounded") and "refugee agency" in _src(
        dozens
    )
    f = _at(example, "17 soldiers")
    assert (f.value, f.qualifier, f.measure, f.when) == (17, "exactly", "killed", "2025-W10")
    assert "Defense Ministry" in _src(f)


def test_example_hostages_and_prisoners(example):
    f = _at(example, "63 hostages")  # held "since a raid ... in January": held now
    assert (f.value, f.measure, f.when) == (63, "held", "2025-03-13") and f.source.type == "anonymous"
    f = _at(example, "12 hostages")
    assert (f.value, f.qualifier, f.measure) == (12, "exactly", "released") and f.source.type == "anonymous"
    f = _at(example, "dozens of prisoners")
    assert (f.value, f.low, f.high, f.unit, f.measure) == (None, 24, None, "prisoners", "held")
    assert "negotiations" in _src(f)


def test_example_evacuation_figures(example):
    f = _at(example, "1,130 passengers")
    assert (f.value, f.qualifier, f.unit) == (1130, "exactly", "passengers") and "Interior Ministry" in _src(
        f
    )
    f = _at(example, "nearly 3,000 families")
    assert (f.value, f.high, f.qualifier, f.unit, f.measure) == (
        3000,
        3000,
        "nearly",
        "families",
        "registered",
    )
    assert _src(f) == "Amira Haddad"
    rate = _at(example, "about 800 people")  # a capacity per day, not a head count
    assert (rate.value, rate.qualifier, rate.unit) == (800, "about", "people per day")
    f = _at(example, "about 200 wounded people")
    assert (f.value, f.qualifier, f.unit, f.measure) == (200, "about", "people", "wounded")
    f = _at(example, "several hundred evacuees")  # vague: at least 3 x 100
    assert (f.value, f.low, f.qualifier, f.unit, f.measure) == (None, 300, None, "evacuees", "evacuated")
    assert "Loizou" in _src(f)
    f = _at(example, "hundreds of people")
    assert (f.value, f.low) == (None, 200) and "residents" in _src(f)


def test_example_no_counts_of_known_sets_or_durations(example):
    texts = [f.span.text for f in example.figures]
    assert not any(t.endswith(("sons", "avenues", "days", "hours", "centimeters")) for t in texts), texts
    furniture = [f for f in example.figures if f.in_furniture]
    assert [(f.value, f.measure, f.when) for f in furniture] == [(12000, "displaced", "2025-03-13")]


def test_figure_in_outlets_clause_of_mixed_quote_is_not_the_speakers(analyze):
    f = one(
        figs(
            analyze,
            "One resident described the mood in the town as “grim,” particularly after "
            "strikes on Monday that killed at least 12 people.",
        )
    )
    assert f.value == 12 and f.source is None and f.quote is None


def test_figure_in_mixed_quotes_reported_clause_is_the_speakers(analyze):
    f = one(figs(analyze, "The mayor said the toll “could still rise” and that 30 people were missing."))
    assert f.value == 30 and f.source is not None and "mayor" in f.source.name.lower()


def test_attribution_inside_a_relative_clause_covers_only_that_clause(analyze):
    rec = analyze(
        "Two ferries arrived in Larnaca on Thursday after weeks of shelling that aid groups say has "
        "killed 40 people.",
        published="2025-03-13",
    )
    ferries = one(rec.figures, unit="ferries")
    dead = one(rec.figures, measure="killed")
    assert ferries.source is None and dead.source is not None and "aid groups" in dead.source.name


@pytest.mark.parametrize(
    "text,measure",
    [
        ("The rebels lost 5 fighters in the ambush.", "killed"),
        ("Nine people lost their lives in the floods.", "killed"),
        ("The party lost 5 seats in the vote.", None),
        ("The factory lost 300 jobs last year.", None),
    ],
)
def test_lost_people_are_dead_and_lost_things_are_not(analyze, text, measure):
    figs = analyze(text).figures
    assert figs and figs[0].measure == measure


# ---------------------------------------------------------------- one number per span; model numbers (issue 9)


@pytest.mark.parametrize(
    "text,span,value,unit",
    [
        (
            "Boeing has delivered roughly 400 737 Max jets since the grounding.",
            "roughly 400 737 Max jets",
            400,
            "jets",
        ),
        (
            "The airline announced five 787 Dreamliner sales last year.",
            "five 787 Dreamliner sales",
            5,
            "sales",
        ),
        ("The carrier ordered 20 A350-900 jets.", "20 A350-900 jets", 20, "jets"),
        ("Airlines ordered 30 Boeing 737-800 jets.", "30 Boeing 737-800 jets", 30, "jets"),
        ("Apple sold 10 million iPhone 15 units.", "10 million iPhone 15 units", 10_000_000, "units"),
        ("The air force bought 12 F-16 fighters.", "12 F-16 fighters", 12, "fighters"),  # unit without model
        (
            "The officials said two hundred twenty-five people were wounded.",
            "two hundred twenty-five people",
            225,
            "people",
        ),
    ],
)
def test_neighbouring_numbers_are_not_added(analyze, text, span, value, unit):
    fs = figs(analyze, text)
    assert [(f.span.text, f.value, f.unit) for f in fs] == [(span, value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "The Airbus A350-900 landed safely in the rain.",
        "Boeing said the 737-800 was cleared to fly again.",
        "Israel flew its F-35 over the coast.",
        "Apple made the decision to proceed with iPhone 4 development.",  # a camel-case name's number
        "The phone comes pre-loaded with the new iPhone 3.0 software.",
    ],
)
def test_model_numbers_are_not_quantities(analyze, text):
    assert [(f.span.text, f.value) for f in figs(analyze, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        # tallies and scores: the second number is no greater than the first
        "The Supreme Court made a surprise 5-4 decision on the case.",
        "In the Senate's 80-19 vote, the bill passed.",
        "A 4-4 ruling by the court would leave the law in place.",
        # the base of a proportion is no count of the things
        "Eight of 10 avocados eaten in the country are grown in Mexico.",
        "About one of every nine voters this fall is expected to be Latino.",
        "Nine in 10 voters back the plan.",
        "One in five voters backs the plan.",
        # a person's age set off by commas
        "Police released video of the shooting. Crutcher, 40 ― a student ― was unarmed.",
    ],
)
def test_tallies_proportions_and_ages_are_not_counts(analyze, text):
    assert [(f.span.text, f.value) for f in figs(analyze, text)] == []


@pytest.mark.parametrize(
    "text,span,value,low,high",
    [
        # a range runs upwards and stays one figure
        ("Between 5,000-7,000 people fled the town.", "Between 5,000-7,000 people", None, 5000, 7000),
        # a count after a number that is no share of it stays a count
        ("Gunmen killed 12 in 3 villages.", "3 villages", 3, None, None),
        ("The plant is one of two plants that make the sedan.", "two plants", 2, None, None),
        ("He was one of three soldiers killed in the blast.", "three soldiers", 3, None, None),
        # "a couple dozen" is at least two dozen
        ("A couple dozen investment bankers met.", "couple dozen investment bankers", None, 24, None),
    ],
)
def test_ranges_and_counts_near_other_numbers_stay(analyze, text, span, value, low, high):
    got = [(f.span.text, f.value, f.low, f.high) for f in figs(analyze, text)]
    assert (span, value, low, high) in got, got
