#!/usr/bin/env python3
"""PolNeAR dev scored in two halves: a *sealed* half (sha1(document id) % 2 == 0), looked at
only to score, and a *tuning* half (the rest), on which quote changes are tuned.

    python scripts/eval_quotes_split.py [--dev ../shared/corpora/polnear/dev] [--cache FILE.pkl]

Parses are cached (``--cache``) so that a re-run costs only the quote stage. The quote stage is
run alone (``quotes.extract`` on the gold text), as ``scripts/train_quotes.py`` calibrates it;
``according eval polnear`` runs the whole analysis and reads the articles through ingest, so its
numbers may differ in the third decimal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_quotes  # noqa: E402


def sealed(doc_id: str) -> bool:
    """The fixed sealing rule: half of the documents, chosen by their id alone."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", default=str(ROOT.parent / "shared/corpora/polnear/dev"))
    ap.add_argument("--cache", default=None, help="pickle of parsed articles (written if absent)")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/eval/score_quotes.py"))
    ap.add_argument("--half", choices=("tune", "sealed", "both"), default="both")
    args = ap.parse_args(argv)
    recs, parses = train_quotes.load_corpus(Path(args.dev), None, args.cache)
    scorer = train_quotes.load_scorer(args.scorer)
    from according.quotes import cues

    mdl = cues.model()
    halves = {"tune": False, "sealed": True}
    out = {}
    for name, flag in halves.items():
        if args.half not in (name, "both"):
            continue
        pick = [k for k, r in enumerate(recs) if sealed(r["id"]) is flag]
        res = train_quotes.evaluate(scorer, [recs[k] for k in pick], [parses[k] for k in pick], mdl)
        s = train_quotes.summary(res)
        out[name] = {
            "docs": len(pick),
            "source": round(s["source"][1], 4),
            "cue": round(s["cue"][1], 4),
            "content": round(s["content"][1], 4),
            "content_exact": round(s["content"][0], 4),
            "full": round(s["full"][2], 4),
        }
        print(name, json.dumps(out[name]))


if __name__ == "__main__":
    main()
