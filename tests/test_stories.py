"""Stories: grouping articles, timelines, figure series, contested claims, source statistics."""

from __future__ import annotations

import pytest

from according.store import Store
from according.store.stories import THRESHOLD, article_keys, weighted_jaccard
from store_records import record

PLACES_GAZA = [("Gaza", 281133, "PS"), ("Cairo", 360630, "EG"), ("Rafah", 281102, "PS")]


def talks(
    id,
    published,
    killed=None,
    killed_source=("Gaza Health Ministry", "organization"),
    extra_quote=None,
    event_date=None,
):
    paras = [
        "Ceasefire talks in Cairo stall over Rafah",
        'Benjamin Netanyahu said: "We will press on in Rafah."',
        'Hamas official Osama Hamdan said: "Israel is stalling."',
        '"Progress is slow," said a diplomat in Cairo.',
        "An airstrike hit Rafah overnight, killing 12 people.",
        f"{killed:,} people have been killed in Gaza." if killed else "No toll given.",
    ]
    quotes = [
        ("Benjamin Netanyahu", "person", '"We will press on in Rafah."', "said"),
        ("Osama Hamdan", "person", '"Israel is stalling."', "said"),
        ("a diplomat in Cairo", "anonymous", '"Progress is slow,"', "said"),
    ]
    if extra_quote:
        paras.append(extra_quote[2])
        quotes.append(extra_quote)
    figures = (
        [
            dict(
                value=killed,
                unit="people",
                measure="killed",
                text=f"{killed:,}",
                where=0,
                source=killed_source,
            )
        ]
        if killed
        else []
    )
    return record(
        id,
        paras,
        published=published,
        entities=[
            ("Benjamin Netanyahu", "PERSON", ["Benjamin Netanyahu"]),
            ("Hamas", "ORG"),
            ("Osama Hamdan", "PERSON"),
            ("Israel Defense Forces", "ORG"),
            ("Qatar", "GPE"),
        ],
        quotes=quotes,
        figures=figures,
        places=PLACES_GAZA,
        events=[
            dict(
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                date=event_date or published,
                place=2,
                fatalities=12,
                text="An airstrike hit Rafah",
            )
        ],
    )


def quake(id, published):
    return record(
        id,
        [
            "Earthquake in Turkey",
            'Recep Tayyip Erdogan said: "We will rebuild."',
            "The AFAD agency said 5,000 people died.",
        ],
        published=published,
        entities=[("Recep Tayyip Erdogan", "PERSON"), ("AFAD", "ORG")],
        quotes=[("Recep Tayyip Erdogan", "person", '"We will rebuild."', "said")],
        places=[("Gaziantep", 314830, "TR"), ("Turkey", 298795, "TR")],
    )


def test_weighted_jaccard():
    assert weighted_jaccard({"a": 1, "b": 1}, {"a": 1, "b": 1}) == 1.0
    assert weighted_jaccard({"a": 2.0}, {"a": 1.0, "b": 1.0}) == pytest.approx(1 / 3)
    assert weighted_jaccard({}, {"a": 1}) == 0.0


def test_keys_agree_across_name_forms():
    k = article_keys(
        record(
            "k",
            ["x"],
            entities=[("IDF", "ORG"), ("Prime Minister Benjamin Netanyahu", "PERSON")],
            places=[("Gaza", 281133, "PS")],
        )
    )
    assert set(k) == {"o:idf", "p:netanyahu", "gn:281133"}


def load_corpus(st):
    st.ingest(
        [
            talks("t1", "2024-02-12", killed=28000, event_date="2024-02-12"),
            quake("q1", "2024-02-12"),
            talks("t2", "2024-02-13", killed=28340),
            talks(
                "t3",
                "2024-02-13",
                killed=25000,
                killed_source=("the Israeli military", "organization"),
                extra_quote=("Hamas", "organization", "Hamas denied the report.", "denied"),
            ),
            quake("q2", "2024-02-14"),
            talks("t4", "2024-03-30", killed=32000),
        ]
    )  # weeks later: a new story


@pytest.fixture
def store(tmp_path):
    st = Store(str(tmp_path / "s.sqlite"))
    load_corpus(st)
    yield st
    st.close()


def _groups(st):
    out = {}
    for a in st.articles(limit=100)["items"]:
        out.setdefault(a["story"], set()).add(a["id"])
    return sorted(out.values(), key=sorted)


def test_articles_are_grouped_by_story_and_time_window(store):
    assert _groups(store) == [{"q1", "q2"}, {"t1", "t2", "t3"}, {"t4"}]


def test_unrelated_story_is_below_threshold():
    a, b = article_keys(talks("x", "2024-02-12")), article_keys(quake("y", "2024-02-12"))
    assert weighted_jaccard(a, b) < THRESHOLD <= weighted_jaccard(a, article_keys(talks("z", "2024-02-13")))


def _story_of(store, article_id):
    return store.article(article_id)["story"]


def test_story_view(store):
    st = store.story(_story_of(store, "t1"))
    assert st["n_articles"] == 3 and st["first"] == "2024-02-12" and st["last"] == "2024-02-13"
    # timeline: one strike per date, reported by several articles
    assert [(e["date"], e["sub_event_type"]) for e in st["timeline"]] == [
        ("2024-02-12", "Air/drone strike"),
        ("2024-02-13", "Air/drone strike"),
    ]
    assert sorted(st["timeline"][1]["articles"]) == ["t2", "t3"]
    # the "killed in Gaza" series by date and source
    (series,) = st["figure_series"]
    assert (series["measure"], series["unit"], series["place"]) == ("killed", "people", "Gaza")
    assert [(p["date"], p["value"], p["source"]) for p in series["points"]] == [
        ("2024-02-12", 28000, "Gaza Health Ministry"),
        ("2024-02-13", 28340, "Gaza Health Ministry"),
        ("2024-02-13", 25000, "the Israeli military"),
    ]
    # contested: two sources, one day, different tolls; and a denial
    kinds = {c["kind"]: c for c in st["contested"]}
    assert sorted(p["value"] for p in kinds["figures"]["claims"]) == [25000, 28340]
    assert kinds["denial"]["speaker"] == "Hamas"
    stats = st["source_stats"]
    assert (stats["quotes"], stats["named"], stats["anonymous"]) == (10, 7, 3)
    assert stats["named_share"] == 0.7
    assert [m["name"] for m in stats["most_quoted"][:2]] == ["Benjamin Netanyahu", "Osama Hamdan"]
    assert stats["most_quoted"][0]["n_quotes"] == 3


def test_story_listing_and_filters(store):
    listing = store.stories()
    assert listing["total"] == 3
    sid = _story_of(store, "t2")
    assert store.quotes(story=sid, type="anonymous")["total"] == 3
    assert store.figures(story=sid, measure="killed")["total"] == 3
    assert {s["name"] for s in store.sources(story=sid)["items"]} >= {"Benjamin Netanyahu", "Hamas"}
    top = next(i for i in listing["items"] if i["id"] == sid)["top_sources"]
    assert top[0] == "Benjamin Netanyahu"


def test_new_version_can_move_story(store):
    moved = quake("t4", "2024-02-14")
    store.ingest([moved])
    assert _story_of(store, "t4") == _story_of(store, "q1")
    assert store.stories()["total"] == 2  # t4's old story is empty and gone
