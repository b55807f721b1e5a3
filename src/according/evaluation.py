"""`according eval`: write predictions for a development corpus and score them
with the shared scorers (``shared/eval/score_*.py``), returning their numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

from .errors import ConfigError

# dataset -> (scorer, extra scorer args, input inside the corpus folder, gold inside it)
DATASETS = {
    "polnear": ("score_quotes.py", ["--dataset", "polnear"], "articles", "gold.jsonl"),
    # who said what, with resolved speakers: a gold JSONL file (id, text, quotes) is its own input
    "ggt": ("score_quotes.py", ["--dataset", "ggt"], "", ""),
    "meantime": ("score_times.py", [], "input.jsonl", "gold.jsonl"),
    # every mention resolved to its entity (GUM Wikinews coreference, score_mentions.py)
    "coref": ("score_mentions.py", [], "input.jsonl", "gold.jsonl"),
    "lgl": ("score_places.py", [], "input.jsonl", "gold.jsonl"),
    "trnews": ("score_places.py", [], "input.jsonl", "gold.jsonl"),
    "case2021": ("score_events.py", [], "input.jsonl", "gold.jsonl"),
    # PLOVER GSR sentences have no scorer of their own and no ACLED types: their fatalities ("dead")
    # are scored by score_events.py after _plover_gold turns each gold record into an events row
    "plover": ("score_events.py", [], "gsr.jsonl", "gsr.jsonl"),
    # any ACLED-coded gold JSONL file (id, text, meta.published, event_date, event_type, sub_event_type,
    # fatalities, latitude, longitude: score_events.py's format) is its own input
    "events": ("score_events.py", [], "", ""),
}


def _plover_gold(src: Path, dst: Path) -> Path:
    """PLOVER GSR -> score_events gold rows (id, text, fatalities); only fatalities are meaningful."""
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            r = json.loads(line)
            dead = (r.get("gold") or {}).get("dead")
            fout.write(json.dumps({"id": r["id"], "text": r["text"], "fatalities": int(dead or 0)}) + "\n")
    return dst


GOLD_CONVERT = {"plover": _plover_gold}


def find_scorer(corpus: Path, name: str) -> Path:
    """The shared scorer: above the corpus (shared/corpora/x -> shared/eval), else in
    $ACCORDING_SHARED/eval or ../shared/eval beside the working directory."""
    places = [p / "eval" for p in (corpus, *corpus.resolve().parents)]
    if os.environ.get("ACCORDING_SHARED"):
        places.append(Path(os.environ["ACCORDING_SHARED"]) / "eval")
    places.append(Path.cwd().parent / "shared" / "eval")
    places.append(Path(__file__).resolve().parents[3] / "shared" / "eval")  # beside a source checkout
    for folder in places:
        if (folder / name).exists():
            return folder / name
    raise ConfigError(
        f"scorer {name} not found above {corpus}", detail="expected shared/eval/ beside shared/corpora/"
    )


def predict(
    dataset: str, corpus: Path, out: Path, limit: int | None = None, model: str = "en_core_web_md"
) -> int:
    from .analyzer import analyze_documents
    from .ingest import read_paths

    _, _, inp, _ = DATASETS[dataset]
    docs = read_paths([str(corpus / inp) if inp else str(corpus)])
    if limit:
        docs = islice(docs, limit)
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for rec in analyze_documents(docs, model=model):
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def score(dataset: str, corpus: Path, pred: Path, gold: Path | None = None) -> dict:
    scorer, extra, _, gold_name = DATASETS[dataset]
    gold = gold or (corpus / gold_name if gold_name else corpus)
    cmd = [
        sys.executable,
        str(find_scorer(corpus, scorer)),
        *extra,
        "--gold",
        str(gold),
        "--pred",
        str(pred),
        "--json",
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise ConfigError(f"scorer failed: {' '.join(cmd)}", detail=res.stderr[-2000:])
    return json.loads(res.stdout.strip().splitlines()[-1])


def run_eval(
    dataset: str, path: str, out: str | None = None, limit: int | None = None, model: str = "en_core_web_md"
) -> dict:
    corpus = Path(path)
    if dataset not in DATASETS:
        raise ConfigError(f"unknown dataset {dataset!r}", detail=f"one of {sorted(DATASETS)}")
    if not (corpus / DATASETS[dataset][2]).exists():
        raise ConfigError(f"{corpus} has no {DATASETS[dataset][2] or 'such file'}")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(out) if out else Path(tmp) / "pred.jsonl"
        predict(dataset, corpus, pred, limit, model)
        gold = corpus / DATASETS[dataset][3] if DATASETS[dataset][3] else corpus
        if dataset in GOLD_CONVERT:
            gold = GOLD_CONVERT[dataset](gold, Path(tmp) / "converted-gold.jsonl")
        if limit:
            # score only the documents predicted: a gold subset with the same ids
            ids = {json.loads(line)["id"] for line in open(pred, encoding="utf-8")}
            sub = Path(tmp) / "gold.jsonl"
            with open(gold, encoding="utf-8") as src, open(sub, "w", encoding="utf-8") as dst:
                for line in src:
                    if json.loads(line).get("id") in ids:
                        dst.write(line)
            gold = sub
        return score(dataset, corpus, pred, gold)
