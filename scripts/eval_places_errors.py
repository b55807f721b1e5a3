#!/usr/bin/env python3
"""Dev tool: error analysis of the places stage on a toponym corpus (LGL, TR-News).

    python scripts/eval_places_errors.py lgl ../shared/corpora/geo/lgl [--cache /tmp/me/lgl.pkl]
        [--limit N] [--errors] [--sweep]

Parses are cached (pickle of (document, Parse) pairs) so that re-running the resolver
after a change costs seconds, not the spaCy pass. The stage is run with no confidence
floor; the script then reports, with the shared scorer's own matching and distance:

- the metrics at the stage's MIN_CONFIDENCE (same numbers as `according eval`, up to
  the parse being cached),
- with --sweep: recall / precision / acc@161 for a range of confidence floors (for
  calibrating MIN_CONFIDENCE on one corpus and checking it on the other),
- with --errors: every matched pair more than 161 km off (and not the same geonameid),
  grouped by cause;
- with --misses: the gold toponyms no place overlaps at the floor (recall's losses), by why
  (a reading under the floor, a mention with no record, or no mention at all) and by the gold
  GeoNames feature class (P towns, A areas, S spots and buildings, H water, L, T, R, V).

Sealing (issue 9): a third of the documents, chosen once by a fixed rule
(``sha1(doc id) % 3 == 0``, :func:`sealed`), is the sealed part; rules are tuned
on the rest (``--part tuned``, the default for --errors) and a change is kept only
if ``--part sealed`` agrees. ``--part all`` scores every document.

Nothing from the corpora is written into the project; output goes to stdout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path


def sealed(doc_id: str) -> bool:
    """The fixed sealing rule: a third of the documents, by a hash of their id."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def in_part(doc_id: str, part: str) -> bool:
    return part == "all" or sealed(doc_id) == (part == "sealed")


def load_parses(corpus: Path, cache: Path, limit: int | None):
    if cache.exists():
        data = pickle.loads(cache.read_bytes())
    else:
        from according import nlp
        from according.ingest import read_paths

        docs = list(read_paths([str(corpus / "input.jsonl")]))
        data = list(zip(docs, nlp.parse_many((d.text for d in docs), batch_size=16)))
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(data))
    return data[:limit] if limit else data


def scorer(corpus: Path):
    for folder in [p / "eval" for p in corpus.resolve().parents]:
        if (folder / "score_places.py").exists():
            sys.path.insert(0, str(folder))
            import score_places

            return score_places
    raise SystemExit("score_places.py not found above the corpus")


def cause(gt: dict, p, g, text: str) -> str:
    """Why a matched pair is more than 161 km off (a coarse, automatic label)."""
    from according.lang.places import DEMONYM_ALIASES, PLACE_DEMONYMS
    from according.lang.region_demonyms import REGION_DEMONYMS
    from according.places.gazetteer import norm

    fcode = gt.get("fcode") or ""
    key = norm(text)
    if key in g.demonyms or key in DEMONYM_ALIASES or key in PLACE_DEMONYMS or key in REGION_DEMONYMS:
        return "demonym"
    if fcode.startswith("PCL"):
        return "country: other id/point" if p.feature == "country" else "country: read as a smaller place"
    if fcode == "ADM1":
        if p.feature == "admin" and p.geonameid is None:
            return "admin1: no id, point off"
        return "admin1: other reading"
    if fcode == "ADM2":
        return "county (admin2)"
    if p.feature == "country" or (p.feature == "admin" and fcode.startswith("PPL")):
        return "town read as country/state (metonymy or namesake)"
    if p.feature in ("facility", "other") and p.geonameid is None:
        return "unknown place borrowed a point"
    if gt.get("name") and norm(gt["name"]) == norm(p.name):
        return "namesake town (same name, other place)"
    return "other candidate"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("name")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--misses", action="store_true", help="gold toponyms no place overlaps, by kind")
    ap.add_argument(
        "--part",
        choices=("all", "tuned", "sealed"),
        default="all",
        help="score every document, the tuned two thirds or the sealed third (sha1(id) %% 3 == 0)",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a constant of places/resolve.py or places/ranking.py for this run (calibration sweeps)",
    )
    a = ap.parse_args(argv)
    import importlib

    from according.places import gazetteer as gz

    R = importlib.import_module("according.places.resolve")  # the module (the package exports the function)

    ranking = importlib.import_module("according.places.ranking")  # the candidates' scores
    for kv in a.set:
        k, v = kv.split("=", 1)
        owners = [m for m in (R, ranking) if hasattr(m, k)]  # a constant imported by both: set it in both
        if not owners:
            raise SystemExit(f"no constant {k} in places.resolve or places.ranking")
        for module in owners:
            setattr(module, k, type(getattr(module, k))(float(v)))
    sp = scorer(a.corpus)
    data = load_parses(a.corpus, a.cache or Path(f"/tmp/places-{a.name}.pkl"), a.limit)
    gold = {}
    for line in open(a.corpus / "gold.jsonl", encoding="utf-8"):
        d = json.loads(line)
        gold[d["id"]] = d
    g = gz.get()
    floor, R.MIN_CONFIDENCE = R.MIN_CONFIDENCE, 0.0
    rows = []  # (doc id, text, gold toponyms with coordinates, all gold spans, places)
    for d, parse in data:
        gd = gold.get(d.id)
        if gd is None or not in_part(d.id, a.part):
            continue
        places = R.resolve(parse, d.meta, g)
        gc = [t for t in gd["toponyms"] if sp.has_coords(t)]
        rows.append((d.id, d.text, gc, [(t["start"], t["end"]) for t in gd["toponyms"]], places))
    R.MIN_CONFIDENCE = floor

    def metrics(th: float, collect=None) -> dict:
        n_gold = n_pred = n_ovl = matched = ok161 = ok25 = gid_n = gid_ok = 0
        for did, _text, gc, allspans, places in rows:
            ps = [p for p in places if (p.confidence or 0) >= th]
            n_gold += len(gc)
            n_pred += len(ps)
            n_ovl += sum(
                1 for p in ps if any(min(e, p.span.end) - max(s, p.span.start) > 0 for s, e in allspans)
            )
            for gi, pi in sp.overlap_pairs(
                [(t["start"], t["end"]) for t in gc], [(p.span.start, p.span.end) for p in ps]
            ):
                gt, p = gc[gi], ps[pi]
                matched += 1
                same = p.geonameid is not None and p.geonameid == gt.get("geonameid")
                if p.geonameid is not None and gt.get("geonameid") is not None:
                    gid_n += 1
                    gid_ok += same
                dist = sp.great_circle_km(gt["lat"], gt["lon"], p.lat, p.lon) if p.lat is not None else None
                ok161 += same or (dist is not None and dist <= 161)
                ok25 += same or (dist is not None and dist <= 25)
                if collect is not None and not same and (dist is None or dist > 161):
                    collect.append((did, gt, p, dist))
        r = matched / n_gold if n_gold else 0
        pr = n_ovl / n_pred if n_pred else 0
        return {
            "floor": th,
            "recall": round(r, 4),
            "precision": round(pr, 4),
            "acc161": round(ok161 / matched, 4) if matched else 0,
            "acc25": round(ok25 / matched, 4) if matched else 0,
            "gid": round(gid_ok / gid_n, 4) if gid_n else 0,
            "matched": matched,
            "pred": n_pred,
        }

    errs: list = []
    print(json.dumps({"corpus": a.name, "part": a.part, "docs": len(rows), **metrics(floor, errs)}))
    if a.sweep:
        for th in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            print(json.dumps(metrics(th)))
    if a.errors:
        groups = defaultdict(list)
        for did, gt, p, dist in errs:
            groups[cause(gt, p, g, p.span.text)].append((did, gt, p, dist))
        print(f"\n{len(errs)} matched pairs > 161 km off, by cause:")
        for c, items in sorted(groups.items(), key=lambda x: -len(x[1])):
            print(f"\n== {c}: {len(items)}")
            names = Counter(
                f"{gt['text']} -> {p.name} ({p.country}, {p.feature}) gold {gt.get('name')} "
                f"[{gt.get('fcode')} {gt.get('country')}]"
                for _, gt, p, _ in items
            )
            for s, n in names.most_common():
                ex = next(
                    (did, p, dist)
                    for did, gt, p, dist in items
                    if s.startswith(f"{gt['text']} -> {p.name} (")
                )
                print(
                    f"  {n:3d}x {s}  e.g. doc {ex[0]} {'-' if ex[2] is None else round(ex[2])} km conf {ex[1].confidence}"
                )
    if a.misses:
        print_misses(rows, floor, sp)
    return 0


def print_misses(rows, floor: float, sp) -> None:
    """Recall's losses by kind: for every gold toponym that no place at the floor overlaps, why
    (a place under the floor overlaps it, one without a record, or none) and its feature class."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for _did, _text, gc, _allspans, places in rows:
        kept = [p for p in places if (p.confidence or 0) >= floor]
        gold = [(t["start"], t["end"]) for t in gc]
        hit = {gi for gi, _ in sp.overlap_pairs(gold, [(p.span.start, p.span.end) for p in kept])}
        for gi, gt in enumerate(gc):
            if gi in hit:
                continue
            s, e = gold[gi]
            near = [p for p in places if min(e, p.span.end) - max(s, p.span.start) > 0]
            if any(p.geonameid is not None or p.lat is not None for p in near):
                why = "a reading under the floor"
            elif near:
                why = "a mention with no record"
            else:
                why = "no mention"
            fclass = gt.get("fclass") or "?"
            groups[f"{why} / class {fclass}"][gt["text"]] += 1
    total = sum(sum(c.values()) for c in groups.values())
    print(f"\n{total} gold toponyms missed at floor {floor}, by why and GeoNames feature class:")
    for key, names in sorted(groups.items(), key=lambda x: -sum(x[1].values())):
        top = ", ".join(f"{n} {k}" for k, n in names.most_common(8))
        print(f"  {sum(names.values()):4d}  {key}: {top}")


if __name__ == "__main__":
    sys.exit(main())
