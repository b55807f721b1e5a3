"""Reading input: furniture marking, page metadata, dates, HTML, language.

Inputs are built here by hand (shapes of real pages, words of our own); the
specimen page is read from ../shared through the fixtures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.ingest import read_document
from according.ingest.furniture import find_dateline, mark_furniture, publisher_of, split_lines
from according.ingest.html import read_html
from according.ingest.language import detect_language
from according.ingest.metadata import find_datetimes, normalise_date, split_names

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

BODY1 = (
    "OSLO — Negotiators from both delegations met for a fourth straight day on Tuesday, "
    "trying to settle the last open questions of a prisoner exchange, officials said."
)
BODY2 = (
    "“We are closer than we were a week ago,” said Ingrid Halvorsen, a spokeswoman for the "
    "Norwegian Foreign Ministry, adding that technical teams would keep working overnight."
)
BODY3 = (
    "The talks are expected to resume on Wednesday morning, according to two people "
    "familiar with the schedule, who asked not to be named."
)

PAGE = "\n".join(
    [
        "The Fjord TimesIndependent Journalism Since 1902",
        "",
        "Prisoner exchange talks in Oslo enter a fourth day",
        "",
        "By Kari Lund and Tomas Berg",
        "Updated July 9, 2024 at 6:40 p.m. EDT | Published July 9, 2024 at 8:05 a.m. EDT",
        "Delegates arrive at a hotel in central Oslo on Monday. (Per Olsen/Fjord Photo/Reuters)",
        "Listen 5 min",
        "Advertisement",
        "",
        BODY1,
        "",
        BODY2,
        "",
        "Why small countries end up hosting the world's hardest talks",
        "",
        BODY3,
        "",
        "Share",
        "Anna Dahl in Stockholm and Jonas Eriksen in Bergen contributed to this report.",
        "",
        "Talks in Oslo",
        "",
        "Talks in Oslo: Delegations have met daily since Saturday at a hotel near the harbor.",
        "",
        "What comes next: A final text could be signed before the end of the month, diplomats say.",
    ]
)


def kinds(furniture):
    return [(f.kind, f.text) for f in furniture]


def check_spans(text, furniture):
    last = -1
    for f in furniture:
        assert text[f.start : f.end] == f.text
        assert f.start >= last, "spans overlap or are out of order"
        assert f.text == f.text.strip() and f.text
        last = f.end


# --- furniture on a hand-built page ---------------------------------------------------


def test_page_furniture_kinds_and_spans():
    furniture, meta = mark_furniture(PAGE)
    check_spans(PAGE, furniture)
    got = kinds(furniture)
    assert ("masthead", "The Fjord TimesIndependent Journalism Since 1902") in got
    assert ("contributors", "By Kari Lund and Tomas Berg") in got
    assert ("timestamp", PAGE.splitlines()[5]) in got
    assert ("caption", "Delegates arrive at a hotel in central Oslo on Monday.") in got
    assert ("credit", "(Per Olsen/Fjord Photo/Reuters)") in got
    assert ("read_time", "Listen 5 min") in got
    assert ("other", "Advertisement") in got
    assert ("other", "Share") in got
    assert ("related_link", "Why small countries end up hosting the world's hardest talks") in got
    assert any(k == "contributors" and t.startswith("Anna Dahl") for k, t in got)
    box = [t for k, t in got if k == "topic_box"]
    assert len(box) == 1 and box[0].startswith("Talks in Oslo\n") and box[0].endswith("diplomats say.")
    # the body paragraphs and the headline are not furniture
    for para in (BODY1, BODY2, BODY3, "Prisoner exchange talks in Oslo enter a fourth day"):
        start = PAGE.index(para)
        assert not any(f.start < start + len(para) and start < f.end for f in furniture), para


def test_page_meta():
    _, meta = mark_furniture(PAGE)
    assert meta.headline == "Prisoner exchange talks in Oslo enter a fourth day"
    assert meta.publisher == "The Fjord Times"
    assert meta.published == "2024-07-09T08:05:00-04:00"
    assert meta.updated == "2024-07-09T18:40:00-04:00"
    assert meta.dateline == "OSLO"
    assert meta.authors == ("Kari Lund", "Tomas Berg")
    assert meta.contributors == ("Anna Dahl", "Jonas Eriksen")


def test_text_is_never_rewritten():
    doc = read_document(PAGE)
    assert doc.text == PAGE


def test_plain_article_has_no_furniture():
    text = "\n\n".join([BODY1, BODY2, BODY3])
    furniture, meta = mark_furniture(text)
    assert furniture == []
    assert meta.headline is None and meta.publisher is None and meta.dateline == "OSLO"


def test_one_sentence_report_is_not_a_headline():
    text = "Gunmen killed three villagers near Kidal on 3 May, local sources said."
    furniture, meta = mark_furniture(text)
    assert furniture == [] and meta.headline is None


def test_headline_with_period_then_body():
    text = "Mayor resigns over budget row.\n\n" + BODY3 + "\n\n" + BODY2
    furniture, meta = mark_furniture(text)
    assert meta.headline == "Mayor resigns over budget row."
    assert furniture == []


def test_short_questions_and_lists_in_body_are_not_related_links():
    text = "\n\n".join(
        [
            BODY1,
            "So what happens if the talks fail?",
            BODY2,
            "- first item without a stop",
            "- second item without a stop",
            BODY3,
        ]
    )
    furniture, _ = mark_furniture(text)
    assert furniture == []


def test_subheading_between_paragraphs_is_other():
    text = "\n\n".join([BODY1, BODY2, "A long night", BODY3])
    furniture, _ = mark_furniture(text)
    assert kinds(furniture) == [("other", "A long night")]


def test_carousel_is_one_span_with_its_captions():
    text = "\n".join(
        [
            BODY1,
            "",
            "Skip to end of carousel",
            "(Per Olsen/Reuters)",
            "Delegates met at the hotel, where 40 people were waiting.",
            "End of carousel",
            "",
            BODY2,
        ]
    )
    furniture, _ = mark_furniture(text)
    check_spans(text, furniture)
    assert [f.kind for f in furniture] == ["carousel"]
    assert furniture[0].text.startswith("Skip to end") and furniture[0].text.endswith("End of carousel")


def test_hard_wrapped_caption_is_taken_whole():
    text = (
        "Rescuers search the rubble of a school in the\n"
        "    northern town of Arbil on Sunday. (Ali Saad/Reuters)\n"
        "    Rescue teams worked through the night after the collapse, the civil defence agency said.\n"
    )
    furniture, _ = mark_furniture(text)
    check_spans(text, furniture)
    assert [f.kind for f in furniture] == ["caption", "credit"]
    assert furniture[0].text.startswith("Rescuers search") and furniture[0].text.endswith("on Sunday.")


def test_guardian_and_reuters_style_lines():
    text = "\n\n".join(
        [
            "Talks stall as both sides trade blame",
            "Wed 10 Jul 2024 14.20 BST",
            "A delegate leaves the venue. Photograph: Lise Aserud/NTB/AFP/Getty Images",
            BODY1,
            BODY2,
            "Read more: How the last round of talks collapsed",
            BODY3,
            "Reporting by Mark Hollis in Oslo; Additional reporting by Sara Nyberg; Editing by Tom Wade",
            "Sign up for our morning briefing newsletter",
        ]
    )
    furniture, meta = mark_furniture(text)
    check_spans(text, furniture)
    got = kinds(furniture)
    assert ("timestamp", "Wed 10 Jul 2024 14.20 BST") in got
    assert ("credit", "Photograph: Lise Aserud/NTB/AFP/Getty Images") in got
    assert ("caption", "A delegate leaves the venue.") in got
    assert ("related_link", "Read more: How the last round of talks collapsed") in got
    assert ("other", "Sign up for our morning briefing newsletter") in got
    assert meta.published == "2024-07-10T14:20:00+01:00"
    assert meta.contributors == ("Mark Hollis", "Sara Nyberg")  # editors are not contributors
    assert meta.headline == "Talks stall as both sides trade blame"


def test_relative_stamp():
    text = "\n\n".join(["Talks stall again", "Updated 3 hours ago", BODY1, BODY2])
    furniture, meta = mark_furniture(text)
    assert kinds(furniture) == [("timestamp", "Updated 3 hours ago")] and meta.published is None


def test_transcript_is_not_a_topic_box():
    text = "\n\n".join(
        [
            BODY1,
            BODY2,
            "Q: What did the delegations agree on last night in Oslo?",
            "Jane Smith: Only the order of the agenda, and even that took four hours.",
        ]
    )
    furniture, _ = mark_furniture(text)
    assert not [f for f in furniture if f.kind == "topic_box"]


def test_date_in_body_sentence_is_not_a_timestamp():
    text = "\n\n".join([BODY1, "The deal was first proposed on March 3, 2021 by the mediators.", BODY2])
    furniture, meta = mark_furniture(text)
    assert furniture == [] and meta.published is None


def test_agency_dateline_gives_publisher():
    text = "GAZA, Feb 14 (Reuters) - " + BODY2
    assert find_dateline(text) == ("GAZA", "Reuters")
    _, meta = mark_furniture(text + "\n\n" + BODY3)
    assert meta.dateline == "GAZA" and meta.publisher == "Reuters"


def test_dateline_with_state():
    assert find_dateline("RENO, Nev. (AP) — Officials said") == ("RENO, Nev.", "AP")
    assert find_dateline("LARNACA, Cyprus — Ferries docked") == ("LARNACA, Cyprus", None)
    assert find_dateline("NATO — the alliance said") is not None
    assert find_dateline("The talks — long delayed — began") is None


def test_publisher_of():
    assert publisher_of("The Washington PostDemocracy Dies in Darkness") == "The Washington Post"
    assert publisher_of("The Fjord TimesIndependent Journalism") == "The Fjord Times"
    assert publisher_of("Reuters | World") == "Reuters"
    assert publisher_of("The Daily Ledger") == "The Daily Ledger"


# --- dates and names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "Updated February 14, 2024 at 2:21 p.m. EST|Published February 14, 2024 at 11:35 a.m. EST",
            [("updated", "2024-02-14T14:21:00-05:00"), ("published", "2024-02-14T11:35:00-05:00")],
        ),
        ("Updated 2:21 PM EST, February 14, 2024", [("updated", "2024-02-14T14:21:00-05:00")]),
        ("Wed 14 Feb 2024 11.35 GMT", [(None, "2024-02-14T11:35:00+00:00")]),
        ("Published On 14 Feb 2024", [("published", "2024-02-14")]),
        ("July 4, 2024 9:00 a.m. ET", [(None, "2024-07-04T09:00:00-04:00")]),  # daylight saving
        ("January 4, 2024 9:00 a.m. ET", [(None, "2024-01-04T09:00:00-05:00")]),
        ("14 February 2024, 16:21 CET", [(None, "2024-02-14T16:21:00+01:00")]),
        ("Sept. 3, 2023, 5:00 p.m. GMT+2", [(None, "2023-09-03T17:00:00+02:00")]),
        ("2024-02-14T11:35:00Z", [(None, "2024-02-14T11:35:00+00:00")]),
        ("February 14, 2024 at 11:35", [(None, "2024-02-14")]),  # no zone: the day only
        ("February 30, 2024", []),
    ],
)
def test_find_datetimes(line, expected):
    assert [(label, value) for _, _, label, value in find_datetimes(line)] == expected


def test_normalise_date():
    assert normalise_date("2008-03-01") == "2008-03-01"
    assert normalise_date("2024-02-14T11:35:00-05:00") == "2024-02-14T11:35:00-05:00"
    assert normalise_date("February 14, 2024") == "2024-02-14"
    assert normalise_date("last Tuesday") is None


def test_split_names():
    assert split_names("Ana Ruiz in Madrid, Li Wei and Omar al-Masri in Doha") == [
        "Ana Ruiz",
        "Li Wei",
        "Omar al-Masri",
    ]
    assert split_names("Maria de la Cruz, a staff writer") == ["Maria de la Cruz"]
    assert split_names("The Associated Press") == []


# --- the specimen and the project's example ---------------------------------------------


def test_specimen_furniture(sample_text):
    furniture, meta = mark_furniture(sample_text)
    check_spans(sample_text, furniture)
    found = [f.kind for f in furniture]
    for kind in (
        "masthead",
        "timestamp",
        "caption",
        "credit",
        "read_time",
        "related_link",
        "carousel",
        "contributors",
        "topic_box",
    ):
        assert kind in found, kind
    assert meta.publisher == "The Washington Post"
    assert meta.published == "2024-02-14T11:35:00-05:00" and meta.updated == "2024-02-14T14:21:00-05:00"
    assert meta.dateline == "CAIRO"
    assert len(meta.contributors) == 6 and all(" in " not in n for n in meta.contributors)
    # the carousel's figure ("at least 67 people") is furniture, the body's are not
    carousel = next(f for f in furniture if f.kind == "carousel")
    assert "67" in carousel.text
    first_body = sample_text.index("CAIRO")
    assert not any(f.start <= first_body < f.end for f in furniture)


def test_example_article():
    text = (EXAMPLES / "harbor-ceasefire.txt").read_text(encoding="utf-8")
    doc = read_document(text)
    check_spans(text, doc.furniture)
    assert {f.kind for f in doc.furniture} >= {
        "masthead",
        "timestamp",
        "caption",
        "credit",
        "read_time",
        "related_link",
        "contributors",
        "topic_box",
    }
    m = doc.meta
    assert m.headline.startswith("Ceasefire holds in Tiryan")
    assert m.published == "2025-03-13T09:20:00-04:00" and m.updated == "2025-03-13T16:05:00-04:00"
    assert m.dateline == "LARNACA, Cyprus" and m.language == "en"
    assert m.contributors == ("Elena Marsh", "Yusuf Demir", "Clara Jensen")
    assert doc.errors == ()


def test_example_html():
    html = (EXAMPLES / "harbor-ceasefire.html").read_text(encoding="utf-8")
    doc = read_document(html, id="harbor")
    assert (
        "LARNACA, Cyprus —" in doc.text and "Privacy policy" not in doc.text and "Subscribe" not in doc.text
    )
    m = doc.meta
    assert m.headline == "Ceasefire holds in Tiryan as first evacuation ships reach Cyprus"
    assert m.publisher == "The Northgate Herald"
    assert m.published == "2025-03-13T09:20:00-04:00" and m.updated == "2025-03-13T16:05:00-04:00"
    assert m.url.startswith("https://www.northgate-herald.example/")
    assert m.authors == ("Elena Marsh",)
    check_spans(doc.text, doc.furniture)


def test_caller_date_wins():
    doc = read_document(PAGE, published="2024-07-10")
    assert doc.meta.published == "2024-07-10"
    assert doc.meta.updated == "2024-07-09T18:40:00-04:00"


# --- HTML ---------------------------------------------------------------------------------


def test_html_fallback_when_trafilatura_finds_nothing():
    text, meta = read_html(
        "<html><head><title>Short note</title></head><body><p>Officials said the port "
        "reopened.</p></body></html>"
    )
    assert "Officials said the port reopened." in text
    assert meta.headline == "Short note"


def test_html_meta_dates_override_trafilatura_day():
    page = (
        "<html><head><meta property='article:published_time' content='2024-05-01T06:30:00+02:00'>"
        "<title>T</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in (BODY1, BODY2, BODY3))
        + "</article></body></html>"
    )
    _, meta = read_html(page)
    assert meta.published == "2024-05-01T06:30:00+02:00"


# --- language -------------------------------------------------------------------------------


def test_language_detection():
    assert detect_language(BODY1 + " " + BODY2) == "en"
    fr = (
        "Les négociateurs des deux délégations se sont réunis mardi pour la quatrième journée "
        "consécutive, afin de régler les dernières questions d'un échange de prisonniers, selon "
        "des responsables. Les discussions doivent reprendre mercredi matin, et les équipes "
        "techniques continueront de travailler pendant la nuit sur le texte de l'accord."
    )
    assert detect_language(fr) == "fr"
    assert detect_language("Переговоры в Осло продолжились во вторник, сообщили официальные лица.") == "ru"
    assert detect_language("Der Bürgermeister") == "en"  # too short to tell: assume English


def test_non_english_document_gets_language_and_warning():
    es = (
        "Los negociadores de ambas delegaciones se reunieron el martes por cuarto día consecutivo "
        "para resolver las últimas cuestiones de un intercambio de prisioneros, según dijeron los "
        "funcionarios. Las conversaciones se reanudarán el miércoles por la mañana, y los equipos "
        "técnicos seguirán trabajando durante la noche."
    )
    doc = read_document(es)
    assert doc.meta.language == "es"
    assert [e.stage for e in doc.errors] == ["language"]
    assert "Spanish" in doc.errors[0].message and "English" in doc.errors[0].message


# --- invariants -------------------------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "",
        "Advertisement",
        "7 min",
        "By Jo Bell",
        "Updated May 2, 2024 at 1:05 p.m. EDT",
        "A man walks past a wall. (Jo Bell/AP)",
        "Skip to end of carousel",
        "End of carousel",
        "Related: More on the talks",
        "Short line without a stop",
        "Topic: a topic box line with enough words",
        BODY1,
        BODY2,
        BODY3,
        "Jo Bell contributed to this report.",
        "   ",
        "\t",
        "ÉLAN — x y z",
        "(AP)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=25),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
)
def test_furniture_spans_are_exact_and_disjoint(parts, sep):
    text = sep.join(parts)
    furniture, _ = mark_furniture(text)
    check_spans(text, furniture)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_furniture_on_arbitrary_text(text):
    furniture, _ = mark_furniture(text)
    check_spans(text, furniture)
    assert all(l.text == text[l.start : l.end] for l in split_lines(text))


# --- other outlets' page shapes (words our own) ------------------------------------------

NYT_LIKE = """Skip to content
Advertisement
Supported by

Ferry Service Resumes Between Two Embattled Ports

Listen to this article · 6:12 min Learn more
Share full article

Image
Passengers queue at the ferry terminal on Tuesday.Credit...Nikos Papas for The Daily Record

By Helen Ward and Samir Aziz

Reporting from Piraeus, Greece

March 12, 2025
Updated 5:40 p.m. ET

The first passenger ferry in six weeks left the port on Tuesday morning, carrying about 300 people across a stretch of water closed since January, port officials said.

The crossing took just under four hours, according to the shipping ministry, which said two more sailings were planned.

Helen Ward reported from Piraeus and Samir Aziz from Athens.

A version of this article appears in print on March 13, 2025, Section A, Page 8 with the headline: Ferry Service Resumes.
"""

BBC_LIKE = """BBC News
Home

Ferry crossing resumes as truce holds

12 March 2025

Share

Helen Ward
BBC News, Piraeus

Image caption,
Passengers queued for hours before boarding

The first passenger ferry in six weeks left the port on Tuesday morning, carrying about 300 people across the strait, port officials said.

"It felt like the whole city was holding its breath," said Eleni Markou, 58, who was returning home.

More on this story
Truce talks enter second week
Shipping firms count cost of closure
"""

AP_LIKE = """Ferry crossing resumes as truce holds

By HELEN WARD
Updated 4:12 PM EDT, March 12, 2025

PIRAEUS, Greece (AP) — The first passenger ferry in six weeks left the port on Tuesday morning, carrying about 300 people, port officials said.

The crossing took just under four hours, according to the shipping ministry.

Associated Press writer Samir Aziz in Athens contributed to this report.

Source: news agencies
"""


def test_nyt_like_page():
    furniture, meta = mark_furniture(NYT_LIKE)
    check_spans(NYT_LIKE, furniture)
    got = kinds(furniture)
    assert ("read_time", "Listen to this article · 6:12 min Learn more") in got
    assert ("credit", "Credit...Nikos Papas for The Daily Record") in got
    assert ("caption", "Passengers queue at the ferry terminal on Tuesday.") in got
    assert ("contributors", "Helen Ward reported from Piraeus and Samir Aziz from Athens.") in got
    assert any(k == "other" and t.startswith("A version of this article") for k, t in got)
    assert meta.published == "2025-03-12" and meta.updated == "2025-03-12T17:40:00-04:00"
    assert meta.authors == ("Helen Ward", "Samir Aziz") and meta.dateline == "Piraeus, Greece"
    assert meta.headline == "Ferry Service Resumes Between Two Embattled Ports"


def test_bbc_like_page():
    furniture, meta = mark_furniture(BBC_LIKE)
    check_spans(BBC_LIKE, furniture)
    got = kinds(furniture)
    assert ("masthead", "BBC News") in got and meta.publisher == "BBC News"
    assert ("contributors", "Helen Ward\nBBC News, Piraeus") in got and meta.authors == ("Helen Ward",)
    assert ("caption", "Image caption,\nPassengers queued for hours before boarding") in got
    assert ("related_link", "Truce talks enter second week") in got
    assert ("related_link", "Shipping firms count cost of closure") in got
    assert meta.published == "2025-03-12"


def test_ap_like_page():
    furniture, meta = mark_furniture(AP_LIKE)
    check_spans(AP_LIKE, furniture)
    assert meta.authors == ("Helen Ward",) and meta.contributors == ("Samir Aziz",)
    assert meta.updated == "2025-03-12T16:12:00-04:00" and meta.published is None
    assert meta.dateline == "PIRAEUS, Greece" and meta.publisher == "AP"
    assert ("credit", "Source: news agencies") in kinds(furniture)
