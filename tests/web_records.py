"""Hand-built analysis records for the API and browser tests.

The analyser is not under test where these are used: each record is written
by hand so the tests know exactly which words are quotes, who said them and
which figures there are. All names and places are invented.
"""

from __future__ import annotations

SCHEMA = "according.analysis/1"


def span(text: str, needle: str, nth: int = 0) -> dict:
    """The span of the nth occurrence of ``needle`` (Python code-point offsets)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def quote(
    text: str,
    qid: str,
    content: str,
    cue: str | None,
    source: str | None,
    name: str | None,
    type: str = "person",
    description: str | None = None,
    kind: str = "direct",
    category: str = "speech",
    entity: str | None = None,
    cue_nth: int = 0,
) -> dict:
    return {
        "id": qid,
        "kind": kind,
        "category": category,
        "in_furniture": False,
        "confidence": 0.9,
        "content": [span(text, content)],
        "cue": span(text, cue, cue_nth) if cue else None,
        "source": span(text, source) if source else None,
        "speaker": {"entity": entity, "name": name, "type": type, "description": description},
    }


def figure(
    text: str,
    fid: str,
    needle: str,
    value,
    unit: str,
    measure: str | None,
    source_name: str | None,
    when: str | None,
    where: int | None = 0,
    qualifier: str | None = "exactly",
) -> dict:
    return {
        "id": fid,
        "span": span(text, needle),
        "in_furniture": False,
        "value": value,
        "low": None,
        "high": None,
        "qualifier": qualifier,
        "unit": unit,
        "measure": measure,
        "source": {"entity": None, "name": source_name, "type": "organization", "description": None}
        if source_name
        else None,
        "quote": None,
        "when": when,
        "where": where,
    }


def place(text: str, needle: str, name: str, country: str = "CY") -> dict:
    return {
        "span": span(text, needle),
        "name": name,
        "geonameid": None,
        "lat": 34.9,
        "lon": 33.6,
        "country": country,
        "feature": "city",
        "confidence": 0.8,
    }


def record(
    id: str,
    text: str,
    headline: str,
    published: str,
    quotes=(),
    figures=(),
    places=(),
    furniture=(),
    events=(),
    url: str | None = None,
) -> dict:
    entities, seen = [], {}
    for q in quotes:
        sp = q["speaker"]
        if sp["name"] and sp["type"] in ("person", "organization"):
            if sp["name"] not in seen:
                seen[sp["name"]] = f"e{len(seen) + 1}"
                entities.append(
                    {
                        "id": seen[sp["name"]],
                        "name": sp["name"],
                        "type": "PERSON" if sp["type"] == "person" else "ORG",
                        "description": sp["description"],
                        "mentions": [],
                    }
                )
            sp["entity"] = seen[sp["name"]]
            if q["source"]:
                entities[int(seen[sp["name"]][1:]) - 1]["mentions"].append(q["source"])
    return {
        "schema": SCHEMA,
        "id": id,
        "text": text,
        "meta": {
            "headline": headline,
            "publisher": "The Test Gazette",
            "url": url,
            "published": published,
            "updated": None,
            "dateline": None,
            "authors": [],
            "contributors": [],
            "language": "en",
        },
        "furniture": list(furniture),
        "entities": entities,
        "quotes": list(quotes),
        "figures": list(figures),
        "times": [],
        "places": list(places),
        "events": list(events),
        "errors": [],
        "provenance": {"according": "test", "model": {"name": "hand-built"}},
    }


# --- an article with emoji (characters outside the BMP) before and inside quotes ---

EMOJI_TEXT = (
    "Storm 🌊 leaves Port Selva harbour in ruins\n\n"
    "Photo: 🚢 boats piled on the quay (Jo Smith/Gazette)\n\n"
    "PORT SELVA — 🎉🎉 “We will rebuild the pier by June 🛠️,” said Mayor Ana Lind, who spoke on the quay. "
    "The harbour board said 12 families were displaced 😢 by the storm.\n\n"
    "“It is a fantasy,” said Tom Berg, a fisherman in Port Selva.\n"
)


def emoji_record(id: str = "emoji-storm", published: str = "2025-03-10") -> dict:
    t = EMOJI_TEXT
    return record(
        id,
        t,
        "Storm 🌊 leaves Port Selva harbour in ruins",
        published,
        quotes=[
            quote(
                t,
                "q1",
                "“We will rebuild the pier by June 🛠️,”",
                "said",
                "Mayor Ana Lind",
                "Ana Lind",
                description="the mayor of Port Selva",
            ),
            quote(
                t,
                "q2",
                "12 families were displaced 😢 by the storm",
                "said",
                "The harbour board",
                "Port Selva harbour board",
                type="organization",
                kind="indirect",
                cue_nth=1,
            ),
            quote(
                t,
                "q3",
                "“It is a fantasy,”",
                "said",
                "Tom Berg",
                "Tom Berg",
                description="a fisherman in Port Selva",
                cue_nth=2,
            ),
        ],
        figures=[
            figure(
                t, "f1", "12 families", 12, "families", "displaced", "Port Selva harbour board", "2025-03-10"
            )
        ],
        places=[place(t, "Port Selva", "Port Selva")],
        furniture=[{**span(t, "Photo: 🚢 boats piled on the quay (Jo Smith/Gazette)"), "kind": "caption"}],
    )


# --- an article whose every field carries markup that must render as text ---

XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss = 2">'
XSS_TEXT = (
    f"Council row over {XSS_SCRIPT} budget\n\n"
    f"The clerk read out {XSS_IMG} during the meeting. "
    '“<b onmouseover="window.__xss = 3">Vote now</b>,” said Councillor Rhee. '
    "The budget was cut by 40 percent, the council said.\n"
)


def xss_record(id: str = "xss-council", published: str = "2025-03-11") -> dict:
    t = XSS_TEXT
    rec = record(
        id,
        t,
        f"Council row {XSS_SCRIPT}",
        published,
        quotes=[
            quote(
                t,
                "q1",
                '“<b onmouseover="window.__xss = 3">Vote now</b>,”',
                "said",
                "Councillor Rhee",
                '<img src=x onerror="window.__xss = 4">',
                description="<svg onload=window.__xss=5>",
            )
        ],
        figures=[
            figure(
                t,
                "f1",
                "40 percent",
                40,
                '<img src=x onerror="window.__xss = 6">',
                "cut",
                None,
                None,
                where=None,
            )
        ],
        url="javascript:window.__xss = 7",
    )
    return rec


# --- three days of one invented story, with a rising death toll ---


def story_records() -> list[dict]:
    days = [("2025-03-10", 12, "at least"), ("2025-03-11", 19, "at least"), ("2025-03-12", 27, None)]
    out = []
    for n, (day, toll, qual) in enumerate(days, 1):
        word = f"{qual} {toll}" if qual else str(toll)
        t = (
            f"Shelling in Vardenholm kills {toll}, officials say\n\n"
            f"VARDENHOLM — Shelling of Vardenholm killed {word} people on day {n} of the siege, "
            f"the Vardenholm health ministry said. "
            f"“The hospital cannot take more wounded,” said Dr. Mira Solberg, the hospital director.\n"
        )
        out.append(
            record(
                f"vardenholm-{n}",
                t,
                f"Shelling in Vardenholm kills {toll}, officials say",
                day,
                quotes=[
                    quote(
                        t,
                        "q1",
                        f"Shelling of Vardenholm killed {word} people on day {n} of the siege",
                        "said",
                        "the Vardenholm health ministry",
                        "Vardenholm health ministry",
                        type="organization",
                        kind="indirect",
                    ),
                    quote(
                        t,
                        "q2",
                        "“The hospital cannot take more wounded,”",
                        "said",
                        "Dr. Mira Solberg",
                        "Mira Solberg",
                        description="the hospital director",
                        cue_nth=1,
                    ),
                ],
                figures=[
                    figure(
                        t,
                        "f1",
                        f"{word} people",
                        toll,
                        "people",
                        "killed",
                        "Vardenholm health ministry",
                        day,
                        qualifier=(qual or "exactly").replace(" ", "_"),
                    )
                ],
                places=[place(t, "Vardenholm", "Vardenholm", country="NO")],
                events=[
                    {
                        "id": "v1",
                        "span": span(t, "Shelling of Vardenholm killed"),
                        "event_type": "Explosions/Remote violence",
                        "sub_event_type": "Shelling/artillery/missile attack",
                        "actor1": None,
                        "actor2": {"name": "civilians", "entity": None},
                        "place": 0,
                        "date": day,
                        "time_precision": 1,
                        "fatalities": toll,
                        "fatalities_qualifier": qual and qual.replace(" ", "_"),
                        "source": {
                            "entity": None,
                            "name": "Vardenholm health ministry",
                            "type": "organization",
                            "description": None,
                        },
                    }
                ],
            )
        )
    return out
