#!/usr/bin/env python3
"""Score the events stage on ACLED-style notes, tuned two thirds and SEALED third apart.

    python scripts/eval_acled_notes.py [GOLD.jsonl ...] [--model weights.json] [-v]

Default gold: examples/acled-notes-dev/gold.jsonl (104 notes written blind to the output, see its
README). A note is SEALED when int(sha1(id), 16) % 3 == 0 (37 of the 104): tune by reading the
tuned part only (``-v`` lists its wrong rows and its confusions; the sealed part is only counted).
``--model`` types with another sub-event model file (e.g. a fold model of train_events.py) instead
of the shipped one. Every note is analysed as its own document (``meta.published`` as given); the
first event of each record is scored with the shared scorer's rules (sub-event and event type equal
after casefolding; actor1 by the scorer's own ``names_match``, word-set containment); the shared
scorer itself is run on the whole file for the other fields. ``-v`` also lists the tuned part's
actor1 misses.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT = ROOT / "examples" / "acled-notes-dev" / "gold.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score_events.py"


def names_match(pred: str | None, gold: str | None) -> bool:
    """The shared scorer's actor1 rule (its own function, so the split agrees with its total)."""
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    globals()["names_match"] = fn = mod.names_match
    return bool(fn(pred, gold))


def sealed(note_id: str) -> bool:
    return int(hashlib.sha1(note_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def predict(path: str, model_file: str | None) -> dict[str, dict]:
    """{note id: analysis record} with the shipped sub-event model or ``model_file`` (the notes read
    by the project's own reader, as ``according eval events`` reads them)."""
    from according.analyzer import analyze_documents
    from according.ingest import read_paths

    if model_file:
        import according.events.finding as finding
        from according.events.classifier import Model

        model = Model(json.loads(Path(model_file).read_text(encoding="utf-8")))
        finding.load_model = lambda: model
    recs = (rec.to_dict() for rec in analyze_documents(read_paths([path])))
    return {r["id"]: r for r in recs}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*", default=[str(DEFAULT)])
    ap.add_argument(
        "--model", default=None, help="a sub-event model file to type with instead of the shipped one"
    )
    ap.add_argument("-v", action="store_true", help="list the tuned part's wrong notes and confusions")
    ap.add_argument("--json", action="store_true", help="last line: the numbers as one JSON object")
    args = ap.parse_args()
    out = {}
    for path in args.gold:
        gold = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        recs = predict(path, args.model)
        parts = {"tuned": Counter(), "sealed": Counter()}
        wrong, conf, actor_wrong = [], Counter(), []
        for g in gold:
            evs = recs.get(g["id"], {}).get("events") or []
            e = evs[0] if evs else {}
            part = "sealed" if sealed(g["id"]) else "tuned"
            c = parts[part]
            c["n"] += 1
            c["sub"] += (e.get("sub_event_type") or "").casefold() == g["sub_event_type"].casefold()
            c["ev"] += (e.get("event_type") or "").casefold() == g["event_type"].casefold()
            c["none"] += not e
            a1 = (e.get("actor1") or {}).get("name") if isinstance(e.get("actor1"), dict) else None
            hit = bool(names_match(a1, g.get("actor1")))
            c["actor1"] += hit
            if part == "tuned" and not hit:
                actor_wrong.append((g["id"], g.get("actor1"), a1, g["text"]))
            if part == "tuned" and e.get("sub_event_type") != g["sub_event_type"]:
                wrong.append((g["id"], g["sub_event_type"], e.get("sub_event_type"), g["text"]))
                conf[(g["event_type"], e.get("event_type"))] += e.get("event_type") != g["event_type"]
        print(path)
        for part, c in parts.items():
            n = c["n"] or 1
            print(
                f"  {part:6s} ({c['n']:3d}): sub_event_type {c['sub'] / n:.3f} ({c['sub']}), "
                f"event_type {c['ev'] / n:.3f} ({c['ev']}), actor1 {c['actor1'] / n:.3f} "
                f"({c['actor1']}), no event {c['none']}"
            )
            out[f"{Path(path).parent.name}:{part}"] = {
                "n": c["n"],
                "sub": c["sub"],
                "ev": c["ev"],
                "actor1": c["actor1"],
            }
        with tempfile.TemporaryDirectory() as tmp:
            pred = Path(tmp) / "pred.jsonl"
            pred.write_text("".join(json.dumps(recs[g["id"]]) + "\n" for g in gold), encoding="utf-8")
            res = subprocess.run(
                [sys.executable, str(SCORER), "--gold", path, "--pred", str(pred), "--json"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(res.strip().splitlines()[-1])
            print(
                "  all, shared scorer: "
                + ", ".join(
                    f"{k} {r.get(k)}"
                    for k in (
                        "sub_event_type_accuracy",
                        "event_type_accuracy",
                        "fatalities_accuracy",
                        "date_accuracy",
                        "actor1_accuracy",
                    )
                )
            )
        if args.v:
            print("  tuned part, event type confusions (gold -> predicted):")
            for (a, b), n in conf.most_common():
                if n:
                    print(f"    {n:3d}  {a} -> {b}")
            print("  tuned part, wrong sub-event types:")
            for i, a, b, text in wrong:
                print(f"    {i}: {a} -> {b}\n        {text}")
            print("  tuned part, actor1 misses (gold -> predicted):")
            for i, a, b, text in actor_wrong:
                print(f"    {i}: {a} -> {b}\n        {text}")
    if args.json:
        print(json.dumps(out))


if __name__ == "__main__":
    main()
