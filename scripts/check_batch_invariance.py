"""Does a document's parse depend on the batch it is parsed in? (issue 10, ``--jobs``)

The worker pool may cut the input into any chunks only if spaCy gives every document the same
annotation whatever documents share its ``nlp.pipe`` batch. This parses one fixed set of articles
from several corpora with the project's pipeline (``according.nlp.load``) at several batch sizes
(so each document meets different neighbours and batch shapes) and compares, document by
document, every token attribute the project reads: tag, pos, dep, head, lemma, entity IOB and
type, morphology, sentence starts; and, to say where a difference starts, the shared tok2vec's
output (``Doc.tensor``, bit for bit) and the whole serialised Doc. With ``--records`` the full
analysis (``analyze_documents`` at those batch sizes) is compared as JSON records too.

The set (read in place from ../shared, nothing copied): PolNeAR dev then train, MEANTIME, CASE 2021,
GUM Wikinews, LGL, the first ``--limit`` of each (default: about 1,500 in all).

    python scripts/check_batch_invariance.py [--sizes 1,5,16,64] [--records] [--json out.json]

Exit 0 when every document is identical at every size; else the first differences are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
LIMITS = {"polnear": 500, "meantime": 120, "case2021": 300, "gum-wikinews": 43, "lgl": 588}


def _jsonl_texts(path: Path, limit: int, prefix: str) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out.append((f"{prefix}-{row['id']}", row["text"]))
            if len(out) >= limit:
                break
    return out


def article_set(scale: float = 1.0) -> list[tuple[str, str]]:
    """(id, text) of the fixed set, corpora interleaved in a fixed order."""
    lim = {k: max(1, int(v * scale)) for k, v in LIMITS.items()}
    polnear = []
    for split in ("dev", "train"):
        polnear += sorted((CORPORA / "polnear" / split / "articles").glob("*.txt"))
    docs = [(f"polnear-{p.stem}", p.read_text(encoding="utf-8")) for p in polnear[: lim["polnear"]]]
    docs += _jsonl_texts(CORPORA / "meantime" / "input.jsonl", lim["meantime"], "meantime")
    docs += _jsonl_texts(CORPORA / "case2021" / "input.jsonl", lim["case2021"], "case")
    docs += _jsonl_texts(CORPORA / "coref" / "gum-wikinews" / "input.jsonl", lim["gum-wikinews"], "gum")
    docs += _jsonl_texts(CORPORA / "geo" / "lgl" / "input.jsonl", lim["lgl"], "lgl")
    # interleave by a fixed hash so that every batch mixes corpora and lengths
    return sorted(docs, key=lambda d: hashlib.sha1(d[0].encode()).hexdigest())


def fingerprint(doc) -> dict[str, str]:
    """One hash per attribute group the project reads, plus the tensor and the whole Doc."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    groups = {
        "tag": [TAG],
        "pos": [POS],
        "dep_head": [DEP, HEAD],
        "lemma": [LEMMA],
        "ents": [ENT_IOB, ENT_TYPE],
        "morph": [MORPH],
        "sents": [SENT_START],
    }
    out = {name: hashlib.sha1(doc.to_array(attrs).tobytes()).hexdigest() for name, attrs in groups.items()}
    out["tensor"] = hashlib.sha1(doc.tensor.tobytes()).hexdigest() if doc.tensor is not None else ""
    out["doc_bytes"] = hashlib.sha1(doc.to_bytes()).hexdigest()
    return out


def parse_all(nlp, texts: list[str], batch_size: int) -> tuple[list[dict[str, str]], float]:
    t = time.process_time()
    prints = [fingerprint(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
    return prints, time.process_time() - t


def records_at(docs: list[tuple[str, str]], batch_size: int) -> list[str]:
    from according.analyzer import analyze_documents
    from according.ingest import read_document

    items = [read_document(text, id=i, format="text") for i, text in docs]
    return [
        json.dumps(r.to_dict(), ensure_ascii=False) for r in analyze_documents(items, batch_size=batch_size)
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,5,16,64")
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of each corpus' limit")
    ap.add_argument("--records", action="store_true", help="also whole records at each size")
    ap.add_argument("--records-limit", type=int, default=300)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from according.nlp import load

    docs = article_set(args.scale)
    texts = [t for _, t in docs]
    nlp = load()
    list(nlp.pipe(texts[:2]))
    print(f"{len(docs)} documents, {sum(len(t.split()) for t in texts):,} words", file=sys.stderr)
    base_size, *others = sizes
    base, cpu = parse_all(nlp, texts, base_size)
    result: dict = {"documents": len(docs), "sizes": sizes, "cpu_s": {base_size: round(cpu, 1)}, "differ": {}}
    for size in others:
        prints, cpu = parse_all(nlp, texts, size)
        result["cpu_s"][size] = round(cpu, 1)
        differ: dict[str, list[str]] = {}
        for (doc_id, _), a, b in zip(docs, base, prints):
            for key in a:
                if a[key] != b[key]:
                    differ.setdefault(key, []).append(doc_id)
        result["differ"][size] = {k: {"documents": len(v), "first": v[:5]} for k, v in differ.items()}
        print(f"batch {size} against {base_size}: {result['differ'][size] or 'identical'}", file=sys.stderr)
    if args.records:
        subset = docs[: args.records_limit]
        base_rec = records_at(subset, base_size)
        result["records"] = {}
        for size in others:
            rec = records_at(subset, size)
            bad = [d[0] for d, a, b in zip(subset, base_rec, rec) if a != b]
            result["records"][size] = {"compared": len(subset), "differ": len(bad), "first": bad[:5]}
            print(
                f"records at batch {size} against {base_size}: {len(bad)} of {len(subset)} differ",
                file=sys.stderr,
            )
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    same = not any(result["differ"].values()) and not any(
        r["differ"] for r in result.get("records", {}).values()
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
