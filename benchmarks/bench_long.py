"""Cost of one long text against one of 100 KB: time ratio and peak memory, in one run.

Issue 12 targets: a 1 MB text takes at most 15x the time of a 100 KB text and at
most 2.5 GB of memory; the 5 MB cap (``--max-kb 5000``) costs at most a few GB.

Each size is analysed (``according.analyze``, the whole pipeline) in its own
child process, after the model and the gazetteer are loaded, so that each peak
RSS is that size's own. Time is the child's CPU time for the analysis
(``time.process_time``; the wall time is printed too, but on a shared machine it
measures the neighbours as much as the code). The text is built from the
project's own example articles (``examples/``, no corpus text), joined by blank
lines and cut to the size, so a long text is many articles' worth of prose.

    python benchmarks/bench_long.py [--sizes-kb 100 1000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from according.analyzer import analyze
from according.nlp import load
from according.places.gazetteer import get

load()
get()
text = sys.stdin.read()
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
c, w = time.process_time(), time.perf_counter()
a = analyze(text, format="text")
c, w = time.process_time() - c, time.perf_counter() - w
print(json.dumps({
    "chars": len(text), "cpu_s": c, "wall_s": w,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_before_mb": rss0 / 1024,
    "quotes": len(a.quotes), "entities": len(a.entities), "errors": [e.message for e in a.errors],
}))
"""


def build_text(chars: int) -> str:
    folder = ROOT / "examples"
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(folder.rglob("*.txt"))]
    parts: list[str] = []
    size = 0
    while size < chars:
        art = articles[len(parts) % len(articles)]
        parts.append(art)
        size += len(art) + 2
    return "\n\n".join(parts)[:chars]


def measure(chars: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=build_text(chars),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes-kb", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--json", default=None, help="write the numbers here")
    args = ap.parse_args()
    rows = []
    for kb in args.sizes_kb:
        row = measure(kb * 1000)
        rows.append(row)
        print(
            f"{kb:>6} KB  cpu {row['cpu_s']:7.1f} s  wall {row['wall_s']:7.1f} s  "
            f"peak RSS {row['peak_rss_mb']:7.0f} MB  quotes {row['quotes']}",
            flush=True,
        )
    base = rows[0]
    result = {"sizes": rows}
    for kb, row in zip(args.sizes_kb[1:], rows[1:]):
        ratio = row["cpu_s"] / base["cpu_s"]
        result[f"cpu_ratio_{kb}kb_over_{args.sizes_kb[0]}kb"] = ratio
        print(f"{kb} KB / {args.sizes_kb[0]} KB: cpu time x{ratio:.1f} (length x{kb / args.sizes_kb[0]:.0f})")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
