#!/usr/bin/env python3
"""Build src/according/data/coref/given_names.txt: given name -> typical gender.

    pip download nomquamgender==0.1.4 --no-deps -d /tmp/wheels
    python scripts/build_given_names.py --wheel /tmp/wheels/nomquamgender-0.1.4-py3-none-any.whl

Source: the name-gender table of nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk 2022;
``name_data.json``: name -> [sources, observations, p(gendered female), ...], pooled from
some 30 public name-gender data sets). Only the table is read, from the wheel as a zip file,
so neither the package nor its pandas dependency is installed; at run time the project reads
the text file alone.

Kept: plain-letter names seen in at least MIN_SOURCES sources and MIN_COUNT observations
whose p(female) is at most BOUND (-> m) or at least 1 - BOUND (-> f). The coreference ranker
(:mod:`according.coref.ranker`) uses it as one feature among others (the article's own
honorifics and he/she votes come first), so a name only mostly of one gender is still
useful; BOUND 0.2 keeps "Andy" (0.06), "Kristen" (0.83), "Drew" (0.16) and leaves out
"Kim" (0.67) and "Paris" (0.59). Chosen by reading the unsealed GUM documents' people,
not tuned on the scores. Sorted output: a rerun rebuilds the
file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "according" / "data" / "coref" / "given_names.txt"
MIN_SOURCES = 3
MIN_COUNT = 100  # observations; rarer spellings are mostly typos and transliteration noise
BOUND = 0.2
_PLAIN = re.compile(r"[a-z][a-z'\-]*[a-z]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", type=Path, required=True, help="nomquamgender-0.1.4-py3-none-any.whl")
    args = ap.parse_args()
    with zipfile.ZipFile(args.wheel) as z:
        table = json.loads(z.read("nomquamgender/name_data.json"))
    rows = []
    for name, info in table.items():
        sources, count, p_female = info[0], info[1], info[2]
        if not _PLAIN.fullmatch(name) or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if p_female <= BOUND:
            rows.append(f"m {name}")
        elif p_female >= 1 - BOUND:
            rows.append(f"f {name}")
    rows.sort(key=lambda r: (r[2:], r[0]))
    head = (
        "# Given name -> typical gender (m|f), from nomquamgender 0.1.4 (MIT licence,\n"
        "# (c) 2022 Ian Van Buskirk). Built by scripts/build_given_names.py; do not edit.\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
