#!/usr/bin/env python3
"""Census of colon cues ("NAME: ...") on PolNeAR train: how many gold attributions have a colon as
cue, how many colon attributions ``quotes.colons.find`` proposes, how many of them match a gold one
(same colon), and whether their source and content overlap the gold ones.

    python scripts/census_colon_cues.py --cache /tmp/cues-train.pkl [--train DIR] [--show N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_quotes  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many false and missed examples")
    args = ap.parse_args(argv)
    from according.quotes import colons, marks

    recs, parses = train_quotes.load_corpus(Path(args.train), None, args.cache)
    n = Counter()
    wrong, missed = [], []
    for rec, p in zip(recs, parses):
        t = rec["text"]
        gold = {}
        for a in rec["attributions"]:
            if "".join(t[s["start"] : s["end"]] for s in a["cue"]).strip() == ":":
                gold[a["cue"][0]["start"] + t[a["cue"][0]["start"] : a["cue"][0]["end"]].index(":")] = a
        n["gold"] += len(gold)
        found = colons.find(p, marks.paragraphs(p.text), marks.pair(p.text))
        for f in found:
            n["found_" + f.layout] += 1
            g = gold.pop(f.cue[0], None)
            if g is None:
                wrong.append(t[max(0, f.source[0] - 20) : f.content[0][0] + 40])
                continue
            n["right_" + f.layout] += 1
            gs = [(s["start"], s["end"]) for s in g["source"]]
            gc = [(s["start"], s["end"]) for s in g["content"]]
            n["source_exact"] += gs == [f.source]
            n["content_overlap"] += any(a < f.content[0][1] and f.content[0][0] < b for a, b in gc)
            n["content_exact"] += gc[:1] == [f.content[0]]
        for c in gold:
            missed.append(t[max(0, c - 50) : c + 30])
    print(dict(sorted(n.items())))
    for label, rows in (("FALSE", wrong), ("MISSED", missed)):
        for r in rows[: args.show]:
            print(label, repr(r))


if __name__ == "__main__":
    main()
