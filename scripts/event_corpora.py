#!/usr/bin/env python3
"""The development corpora the event relevance model is trained and checked on, parsed once.

    python scripts/event_corpora.py [--cache-dir /tmp/according-events] [NAME ...]   # parse and cache
    python scripts/event_corpora.py --count [NAME ...]    # events per document, tuned / sealed parts
    python scripts/event_corpora.py --show [NAME ...]     # every event's sentence, to read

Each corpus is read with the project's own readers (so a document gets the same metadata and page
furniture as under ``according analyze``) and parsed once; the (Document, Parse) pairs are pickled
in the cache directory (outside the project: corpus text never enters it).

SEALED documents: ``sealed(doc id)`` (sha1 of the id, modulo 3 == 0) picks one third of every
corpus, fixed before any tuning. Training (scripts/train_relevance.py) never reads them; numbers
are reported for both parts.

Negative corpora (their documents report no ACLED event, apart from the sentences listed in
train_relevance.py's READ_AS_EVENTS after reading them): MEANTIME (business and technology news),
PolNeAR (US political news), LGL (US local news: crime, accidents, courts), the coref set's
Wikinews articles. Positive: CASE 2021 (snippets with an ACLED type), PLOVER (sentences coded
ASSAULT, FIGHT, PROTEST).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "corpora"

CORPORA = {
    "case2021": SHARED / "case2021" / "input.jsonl",
    "plover": SHARED / "plover" / "gsr.jsonl",
    "meantime": SHARED / "meantime" / "input.jsonl",
    "polnear-dev": SHARED / "polnear" / "dev" / "articles",
    "polnear-train": SHARED / "polnear" / "train" / "articles",
    "lgl": SHARED / "geo" / "lgl" / "input.jsonl",
    "wikinews": SHARED / "coref" / "gum-wikinews" / "input.jsonl",
}
NEGATIVE = ("meantime", "polnear-dev", "polnear-train", "lgl", "wikinews")
# PolNeAR's train split is large (840 articles); its first documents in path order are enough negatives
LIMITS = {"polnear-train": 240}


def sealed(doc_id: str) -> bool:
    """One third of every corpus, chosen by a fixed rule before tuning: never trained or tuned on."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def load(name: str, cache_dir: Path) -> list:
    """[(Document, Parse)] of corpus ``name``, parsed once and cached."""
    cache = cache_dir / f"{name}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from according import nlp
    from according.ingest import Document, read_paths

    docs = [d for d in read_paths([str(CORPORA[name])]) if isinstance(d, Document)]
    docs.sort(key=lambda d: d.id)
    if name in LIMITS:
        docs = docs[: LIMITS[name]]
    parses = list(nlp.parse_many([d.text for d in docs], model=nlp.DEFAULT_MODEL, batch_size=16))
    data = list(zip(docs, parses))
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(data))
    return data


def analyses(name: str, cache_dir: Path) -> Iterator:
    """(Document, Parse, Analysis) of every document of corpus ``name`` (the whole pipeline, as shipped)."""
    from according import analyzer, nlp

    for doc, parse in load(name, cache_dir):
        yield doc, parse, analyzer._finish(doc, parse, nlp.DEFAULT_MODEL)


def count(names: list[str], cache_dir: Path, threshold: float | None) -> None:
    print(
        f"{'corpus':14} {'part':7} {'docs':>5} {'events':>7} {'per doc':>8} {'docs w/ ev':>10} {'violent':>7}"
    )
    for name in names:
        parts: dict[str, list[int]] = {"tuned": [0, 0, 0, 0], "sealed": [0, 0, 0, 0]}
        for doc, _, rec in analyses(name, cache_dir):
            evs = [e for e in rec.events if threshold is None or (e.confidence or 0) >= threshold]
            c = parts["sealed" if sealed(doc.id) else "tuned"]
            c[0] += 1
            c[1] += len(evs)
            c[2] += bool(evs)
            c[3] += sum(
                e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
                for e in evs
            )
        for part, (n, ev, with_ev, violent) in parts.items():
            print(f"{name:14} {part:7} {n:5d} {ev:7d} {ev / max(n, 1):8.3f} {with_ev:10d} {violent:7d}")


def show(names: list[str], cache_dir: Path) -> None:
    """Every event the pipeline reports on these corpora, to read (printed, never stored)."""
    for name in names:
        for doc, _, rec in analyses(name, cache_dir):
            for e in rec.events:
                part = "sealed" if sealed(doc.id) else "tuned"
                text = " ".join(e.span.text.split())[:300]
                print(f"{name} {part} {doc.id} {e.confidence} {e.sub_event_type}: {text}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*", default=list(CORPORA))
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/according-events"))
    ap.add_argument("--count", action="store_true", help="events per document (whole pipeline)")
    ap.add_argument("--threshold", type=float, default=None, help="count only events at this confidence")
    ap.add_argument("--show", action="store_true", help="print every event's sentence, to read them")
    args = ap.parse_args()
    if args.show:
        show(args.names, args.cache_dir)
        return
    if args.count:
        count(args.names, args.cache_dir, args.threshold)
        return
    for name in args.names:
        print(name, len(load(name, args.cache_dir)), "documents")


if __name__ == "__main__":
    main()
