#!/usr/bin/env python3
"""Count events on short texts with and without an ACLED event, tuned two thirds and SEALED third.

    python scripts/eval_short_texts.py [GOLD.jsonl] [-v] [--json]

Default gold: examples/short-texts/gold.jsonl (125 one- or two-sentence texts written blind to
the output, see its README; 83 report no ACLED event, 42 report one). A row is SEALED when
int(sha1(id), 16) % 3 == 0 (33 of 125). Every row is read by the project's own reader and analysed as its own
document, as a user's one-sentence JSONL row is. Reported per part: how many negatives keep an event (false events), how many
positives keep one, and the same counted only from the show threshold up (``relevance.show_threshold``:
what the web page and the story timeline show). ``-v`` lists the TUNED part's rows with their
events and confidences (the sealed part is only counted).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT = ROOT / "examples" / "short-texts" / "gold.jsonl"


def sealed(row_id: str) -> bool:
    return int(hashlib.sha1(row_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def main() -> None:
    from according.analyzer import analyze_documents
    from according.events.relevance import show_threshold
    from according.ingest import read_paths

    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("-v", action="store_true", help="list the tuned part's rows")
    ap.add_argument("--json", action="store_true", help="last line: the numbers as one JSON object")
    args = ap.parse_args()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    recs = {r["id"]: r for r in (rec.to_dict() for rec in analyze_documents(read_paths([args.gold])))}
    show = show_threshold()
    parts = {"tuned": Counter(), "sealed": Counter()}
    for g in gold:
        evs = recs[g["id"]].get("events") or []
        shown = [e for e in evs if e.get("confidence") is None or e["confidence"] >= show]
        part = "sealed" if sealed(g["id"]) else "tuned"
        side = "pos" if g["event"] else "neg"
        c = parts[part]
        c[side] += 1
        c[side + "_kept"] += bool(evs)
        c[side + "_shown"] += bool(shown)
        if args.v and part == "tuned":
            got = ", ".join(f"{e['sub_event_type']} {e.get('confidence')}" for e in evs) or "-"
            mark = "ok " if bool(evs) == g["event"] else "XX "
            print(f"{mark}{g['id']} [{g.get('kind') or g.get('event_type')}] {got} | {g['text']}")
    out = {}
    for part, c in parts.items():
        print(
            f"{part:6s} negatives with an event {c['neg_kept']}/{c['neg']} (shown {c['neg_shown']}); "
            f"positives with an event {c['pos_kept']}/{c['pos']} (shown {c['pos_shown']})"
        )
        out[part] = dict(c)
    print(f"show threshold {show}")
    if args.json:
        print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
