"""Where the CPU of the full analysis goes: per stage, per spaCy component, and outside both.

One pass of ``analyze_documents`` over N articles (PolNeAR dev, then train, as
``bench_throughput.py``) with every part timed by ``time.process_time`` (CPU of this process,
so other jobs on the machine move it less than wall time):

- ``read_document`` (ingest) and the JSONL record (``report.writer("jsonl")``), timed around
  their calls;
- the spaCy parse (``nlp.pipe``, as the analysis runs it), timed around each ``next()`` of
  its iterator, and ``to_parse`` (spaCy Doc to the plain Parse);
- every stage in ``pipeline.REGISTRY``, timed around its function;
- "rest of the analysis": the whole pass minus all of the above (the Work and Analysis
  objects, the contract checks of ``run_stages``, views, windows...).

A second pass over the same texts times each spaCy component on its own (``component.pipe``
on the documents the previous components made, as ``nlp.pipe`` does), so the parse's share can
be read per component: ``according_paragraphs`` is the one the project adds,
``according_attribute_rules`` and ``according_lemmas`` run in place of the model's
``attribute_ruler`` and ``lemmatizer`` (same attributes; see ``according.nlp.load``), the rest are
the model's. All numbers are microseconds of CPU per word (whitespace-separated). The process's
heap is frozen after the model loads, as in any use of ``according.nlp.load``.

    python benchmarks/profile_stages.py [--n 50] [--cprofile 30] [--json out.json]

``--cprofile K`` also prints the K functions with the most own time over the whole pass
(cProfile inflates Python-heavy code, so read it for ranking, not for shares).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))


def articles(n: int) -> list[str]:
    texts: list[str] = []
    for split in ("dev", "train"):
        folder = SHARED / "corpora" / "polnear" / split / "articles"
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        texts = [(ROOT / "examples" / "harbor-ceasefire.txt").read_text(encoding="utf-8")]
    return list(islice(cycle(texts), n))


class Clock:
    """CPU seconds per part, added up over the pass."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, part: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[part] += time.process_time() - start

        return wrapper

    def timed_iter(self, part: str, items: Iterator[Any]) -> Iterator[Any]:
        while True:
            start = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                self.seconds[part] += time.process_time() - start
                return
            self.seconds[part] += time.process_time() - start
            yield item


def full_pass(texts: list[str], clock: Clock) -> float:
    """CPU seconds of the whole pass; the parts go to ``clock``."""
    from according import analyzer, pipeline, report
    from according.ingest import read_document
    from according.nlp import DEFAULT_MODEL, load

    nlp = load(DEFAULT_MODEL)
    list(analyzer.analyze_documents([read_document(x, id="w") for x in texts[:3]]))  # warm-up

    class TimedNlp:  # the analyzer's load(model).pipe(...), its iterator timed
        @property
        def meta(self) -> dict:  # the record's provenance reads it (without it every record failed)
            return nlp.meta

        def pipe(self, docs: Any, **kwargs: Any) -> Iterator[Any]:
            return clock.timed_iter("spaCy parse (nlp.pipe)", iter(nlp.pipe(docs, **kwargs)))

    saved = (analyzer.load, analyzer.to_parse, dict(pipeline.REGISTRY))
    analyzer.load = lambda model=DEFAULT_MODEL: TimedNlp()  # type: ignore[assignment]
    analyzer.to_parse = clock.timed("to_parse", analyzer.to_parse)  # type: ignore[assignment]
    for name, st in saved[2].items():
        pipeline.REGISTRY[name] = replace(st, func=clock.timed(f"stage {name}", st.func))
    read = clock.timed("read_document", read_document)
    sink = io.StringIO()
    writer = report.writer("jsonl", sink)
    write = clock.timed("JSONL record", writer.write)
    try:
        start = time.process_time()
        docs = (read(x, id=str(i), format="text") for i, x in enumerate(texts))
        for rec in analyzer.analyze_documents(docs):
            write(rec)
            sink.seek(0)
            sink.truncate()
        return time.process_time() - start
    finally:
        analyzer.load, analyzer.to_parse = saved[0], saved[1]
        pipeline.REGISTRY.clear()
        pipeline.REGISTRY.update(saved[2])


def component_pass(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each spaCy component over ``texts``, in pipeline order."""
    from according.nlp import DEFAULT_MODEL, load

    nlp = load(DEFAULT_MODEL)
    seconds: dict[str, float] = {}
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    seconds["tokenizer"] = time.process_time() - start
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(d) for d in docs]
        seconds[name] = time.process_time() - start
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=50, help="articles (PolNeAR dev, then train)")
    ap.add_argument("--cprofile", type=int, default=0, help="also print the K functions with most own time")
    ap.add_argument("--json", default=None, help="write the numbers here too")
    args = ap.parse_args()
    texts = articles(args.n)
    n_words = sum(len(t.split()) for t in texts)
    clock = Clock()
    total = full_pass(texts, clock)
    per_word = 1e6 / n_words
    parts = dict(sorted(clock.seconds.items(), key=lambda kv: -kv[1]))
    stages = sum(v for k, v in parts.items() if k.startswith("stage "))
    result: dict[str, Any] = {
        "articles": len(texts),
        "words": n_words,
        "total_us_per_word": round(total * per_word, 1),
        "stages_us_per_word": round(stages * per_word, 1),
        "parts_us_per_word": {k: round(v * per_word, 1) for k, v in parts.items()},
        "rest_of_analysis_us_per_word": round((total - sum(parts.values())) * per_word, 1),
        "spacy_components_us_per_word": {k: round(v * per_word, 1) for k, v in component_pass(texts).items()},
    }
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    if args.cprofile:
        from according.analyzer import analyze_documents
        from according.ingest import read_document

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in analyze_documents(read_document(x, id=str(i), format="text") for i, x in enumerate(texts)):
            pass
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.cprofile)
        print(out.getvalue(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
