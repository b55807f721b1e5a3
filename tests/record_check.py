"""A checker for the analysis-v1 record shape, used by tests of every stage.

It asserts what the spec promises: the top-level fields, the shapes of each
list item, and that every span indexes the record's text.
"""

from __future__ import annotations

TOP = {
    "schema",
    "id",
    "text",
    "meta",
    "furniture",
    "entities",
    "quotes",
    "figures",
    "times",
    "places",
    "events",
    "errors",
    "provenance",
}
META = {
    "headline",
    "publisher",
    "url",
    "published",
    "updated",
    "dateline",
    "authors",
    "contributors",
    "language",
}
FURNITURE_KINDS = {
    "masthead",
    "timestamp",
    "caption",
    "credit",
    "read_time",
    "related_link",
    "carousel",
    "contributors",
    "topic_box",
    "other",
}
SPEAKER_TYPES = {"person", "organization", "group", "anonymous", "unknown"}
QUALIFIERS = {None, "exactly", "at_least", "more_than", "nearly", "about", "up_to", "between"}


def check_span(text: str, span: dict, where: str) -> None:
    assert isinstance(span, dict), f"{where}: span is not an object"
    s, e = span["start"], span["end"]
    assert isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text), (
        f"{where}: bad offsets {s}:{e}"
    )
    assert text[s:e] == span["text"], f"{where}: text {span['text']!r} != text[{s}:{e}] {text[s:e]!r}"


def check_record(rec: dict) -> None:
    assert set(rec) >= TOP, f"missing fields {TOP - set(rec)}"
    assert rec["schema"] == "according.analysis/1"
    text = rec["text"]
    assert set(rec["meta"]) >= META
    for f in rec["furniture"]:
        check_span(text, f, "furniture")
        assert f["kind"] in FURNITURE_KINDS, f["kind"]
    ids = set()
    for ent in rec["entities"]:
        assert ent["id"] not in ids
        ids.add(ent["id"])
        assert ent["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "OTHER"}, ent["type"]
        assert ent["name"]
        for m in ent["mentions"]:
            check_span(text, m, f"entity {ent['id']}")
    for n, q in enumerate(rec["quotes"], 1):
        assert q["id"] == f"q{n}", "quote ids are q1, q2, ... in text order"
        assert q["kind"] in {"direct", "mixed", "indirect"}
        assert q["category"] in {"speech", "belief"}
        assert isinstance(q["in_furniture"], bool)
        assert q["content"], "a quote has content"
        for s in q["content"]:
            check_span(text, s, f"quote {q['id']} content")
        for role in ("cue", "source"):
            if q[role] is not None:
                check_span(text, q[role], f"quote {q['id']} {role}")
        sp = q["speaker"]
        assert set(sp) >= {"entity", "name", "type", "description"}
        assert sp["type"] in SPEAKER_TYPES
        assert sp["entity"] is None or sp["entity"] in ids, f"speaker entity {sp['entity']} unknown"
    starts = [q["content"][0]["start"] for q in rec["quotes"]]
    assert starts == sorted(starts), "quotes in text order"
    for t in rec["times"]:
        check_span(text, t["span"], "time")
        assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(t["value"], str) and t["value"]
    for p in rec["places"]:
        check_span(text, p["span"], "place")
        assert p["feature"] in {"city", "country", "admin", "region", "facility", "other"}
    for f in rec["figures"]:
        check_span(text, f["span"], "figure")
        assert f["qualifier"] in QUALIFIERS
        assert f["where"] is None or 0 <= f["where"] < len(rec["places"])
    for ev in rec["events"]:
        check_span(text, ev["span"], "event")
        assert ev["place"] is None or 0 <= ev["place"] < len(rec["places"])
        assert ev["time_precision"] in (None, 1, 2, 3)
    for e in rec["errors"]:
        assert set(e) >= {"stage", "message"}
    assert rec["provenance"].get("according")
