"""Hand-built analysis records for the store tests (no spaCy).

``record(...)`` builds a spec-shaped dict from paragraphs and a few
declarations; spans are located in the text so offsets hold.
"""

from __future__ import annotations


def record(
    id,
    paras,
    *,
    published="2024-02-14",
    url=None,
    headline=None,
    publisher="The Test Times",
    entities=(),
    quotes=(),
    figures=(),
    places=(),
    events=(),
    updated=None,
):
    """entities: (name, TYPE) or (name, TYPE, [mention strings]);
    quotes: (speaker name, speaker type, content, cue[, category]) -- content must be in the text;
    figures: dict(value=, unit=, measure=, source=(name, type) or None, where=place index, when=);
    places: (name, geonameid, country); events: dict(event_type=, sub_event_type=, date=, place=, fatalities=)."""
    text = "\n\n".join(paras)

    def span(s):
        i = text.find(s)
        if i < 0:
            return {"start": 0, "end": 0, "text": ""}
        return {"start": i, "end": i + len(s), "text": s}

    ents = []
    for i, e in enumerate(entities, 1):
        name, typ = e[0], e[1]
        mentions = e[2] if len(e) > 2 else [name]
        ents.append(
            {
                "id": f"e{i}",
                "name": name,
                "type": typ,
                "description": None,
                "mentions": [span(m) for m in mentions],
            }
        )
    by_name = {e["name"]: e["id"] for e in ents}
    qs = []
    for i, q in enumerate(quotes, 1):
        name, typ, content, cue = q[:4]
        qs.append(
            {
                "id": f"q{i}",
                "kind": "direct",
                "category": q[4] if len(q) > 4 else "speech",
                "in_furniture": False,
                "content": [span(content)],
                "cue": span(cue) if cue else None,
                "source": span(name) if name else None,
                "speaker": {"entity": by_name.get(name), "name": name, "type": typ, "description": None},
            }
        )
    figs = []
    for i, f in enumerate(figures, 1):
        src = f.get("source")
        figs.append(
            {
                "id": f"f{i}",
                "span": span(f.get("text", str(f.get("value")))),
                "in_furniture": False,
                "value": f.get("value"),
                "low": f.get("low"),
                "high": f.get("high"),
                "qualifier": f.get("qualifier"),
                "unit": f.get("unit", "people"),
                "measure": f.get("measure"),
                "source": (
                    {"entity": by_name.get(src[0]), "name": src[0], "type": src[1], "description": None}
                    if src
                    else None
                ),
                "quote": None,
                "when": f.get("when"),
                "where": f.get("where"),
            }
        )
    pls = [
        {
            "span": span(n),
            "name": n,
            "geonameid": g,
            "lat": None,
            "lon": None,
            "country": c,
            "feature": "city",
        }
        for n, g, c in places
    ]
    evs = []
    for i, ev in enumerate(events, 1):
        evs.append(
            {
                "id": f"v{i}",
                "span": span(ev.get("text", "")),
                "event_type": ev["event_type"],
                "sub_event_type": ev["sub_event_type"],
                "actor1": {"name": ev.get("actor1", "X"), "entity": None},
                "actor2": None,
                "place": ev.get("place"),
                "date": ev.get("date"),
                "time_precision": 1,
                "fatalities": ev.get("fatalities"),
                "fatalities_qualifier": None,
                "source": None,
            }
        )
    return {
        "schema": "according.analysis/1",
        "id": id,
        "text": text,
        "meta": {
            "headline": headline or paras[0][:60],
            "publisher": publisher,
            "url": url,
            "published": published,
            "updated": updated,
            "dateline": None,
            "authors": [],
            "contributors": [],
            "language": "en",
        },
        "furniture": [],
        "entities": ents,
        "quotes": qs,
        "figures": figs,
        "times": [],
        "places": pls,
        "events": evs,
        "errors": [],
        "provenance": {"according": "test"},
    }
