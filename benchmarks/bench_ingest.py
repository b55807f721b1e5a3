"""Cost of storing: ``according ingest`` into SQLite against analysing without storing.

Target: storing adds <= 10% to analysis at 1,000 articles (ratio <= 0.10).

1. analysis time per article: a handful of real articles (the example, the specimen
   and PolNeAR dev articles when ../shared is there) through ``analyze_documents``,
   after one warm-up article so the model load is not counted; repeated in rounds
   alternating with the store's chunks, so a change of machine load hits both;
2. store time per article: N records replicated from those analyses (each with its
   own id, a distinct text and dates spread over 30 days, so versions, sources and
   stories do real work) through the real ingest path, ``Store.ingest_documents``
   with the analyser replaced by a lookup of the ready records: reading Documents,
   hashing, the skip-before-analysis look-up, ``to_dict``, the writes in batched
   transactions, source resolution and story clustering;
3. re-ingest of the same N (everything skipped), per article.

Benchmarks are ratios measured in one run, not timed tests.

    python benchmarks/bench_ingest.py [--n 1000] [--analyse 6] [--db PATH_OR_URL]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))


def real_articles(k: int) -> list[tuple[str, str]]:
    paths = [
        ROOT / "examples" / "harbor-ceasefire.txt",
        SHARED / "samples" / "wapo-2024-02-14-gaza-ceasefire-talks.txt",
    ]
    folder = SHARED / "corpora" / "polnear" / "dev" / "articles"
    if folder.is_dir():
        paths += sorted(folder.glob("*.txt"))
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in paths if p.exists()]
    return out[:k]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="records to store")
    ap.add_argument("--analyse", type=int, default=6, help="real articles to time the analysis on")
    ap.add_argument("--rounds", type=int, default=4, help="alternating analysis/store rounds")
    ap.add_argument("--db", default=None, help="store (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--json", default=None, help="also write the numbers here")
    args = ap.parse_args(argv)

    from according import analyzer
    from according.ingest import Document, read_document
    from according.store import Store

    arts = real_articles(args.analyse + 1)
    if len(arts) < 2:
        print("bench_ingest: needs examples/harbor-ceasefire.txt (and ../shared for more)", file=sys.stderr)
        return 2
    docs = [read_document(text, id=name, published="2024-02-14") for name, text in arts]
    list(analyzer.analyze_documents(docs[:1]))  # warm-up: model load
    analyse = analyzer.analyze_documents
    analyses = list(analyse(docs[1:]))

    # N distinct Documents + their ready records, replicated from the real analyses.
    base_day = date(2024, 2, 1)
    ready, stream = {}, []
    for i in range(args.n):
        a = analyses[i % len(analyses)]
        text = a.text + f"\n[{i}]"  # appended: every offset in the record stays valid
        published = (base_day + timedelta(days=i % 30)).isoformat()
        rec = replace(a, id=f"bench-{i:05d}", text=text, meta=replace(a.meta, published=published))
        ready[rec.id] = rec
        stream.append(Document(id=rec.id, text=text, meta=rec.meta))

    def lookup(docs_in, model=None, batch_size=16):
        for d in docs_in:
            yield ready[d.id]

    # The machine is shared: analysis and storing are measured in alternating rounds
    # (so a change of load hits both), in wall time and in this process's CPU time.
    rounds = max(1, args.rounds)
    wall = {"analyse": 0.0, "store": 0.0}
    cpu = {"analyse": 0.0, "store": 0.0}
    n_analysed = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.sqlite")
        with Store(db) as store:
            summary = {"stored": 0}
            for r in range(rounds):
                w0, c0 = time.perf_counter(), time.process_time()
                n_analysed += len(list(analyse(docs[1:])))
                wall["analyse"] += time.perf_counter() - w0
                cpu["analyse"] += time.process_time() - c0
                chunk = stream[r * args.n // rounds : (r + 1) * args.n // rounds]
                analyzer.analyze_documents = lookup
                w0, c0 = time.perf_counter(), time.process_time()
                summary["stored"] += store.ingest_documents(chunk)["stored"]
                wall["store"] += time.perf_counter() - w0
                cpu["store"] += time.process_time() - c0
                analyzer.analyze_documents = analyse
            analyzer.analyze_documents = lookup
            t0 = time.perf_counter()
            again = store.ingest_documents(stream)
            t_skip = (time.perf_counter() - t0) / args.n
            stats = store.stats()
    analyzer.analyze_documents = analyse
    assert summary["stored"] == args.n and again["skipped"] == args.n, (summary, again)
    t_analyse, t_store = wall["analyse"] / n_analysed, wall["store"] / args.n
    cpu_ratio = (cpu["store"] / args.n) / (cpu["analyse"] / n_analysed)
    ratio = t_store / t_analyse
    out = {
        "articles_analysed": len(analyses),
        "analysis_ms_per_article": round(t_analyse * 1000, 1),
        "n_stored": args.n,
        "store_ms_per_article": round(t_store * 1000, 2),
        "reingest_skip_ms_per_article": round(t_skip * 1000, 3),
        "overhead_ratio": round(ratio, 4),
        "overhead_ratio_cpu": round(cpu_ratio, 4),
        "target": 0.10,
        "ok": ratio <= 0.10,
        "db": "sqlite" if not args.db else args.db.split(":")[0],
        "store": stats,
    }
    print(
        f"analysis: {out['analysis_ms_per_article']} ms/article ({len(analyses)} real articles x {rounds} rounds)"
    )
    print(
        f"store:    {out['store_ms_per_article']} ms/article ({args.n} records; "
        f"{stats['quotes']} quotes, {stats['sources']} sources, {stats['stories']} stories)"
    )
    print(f"re-ingest (all skipped): {out['reingest_skip_ms_per_article']} ms/article")
    print(
        f"overhead: {ratio:.1%} of analysis in wall time, {cpu_ratio:.1%} in CPU time "
        f"(target <= 10%): {'OK' if out['ok'] else 'OVER'}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
