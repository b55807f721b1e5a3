#!/usr/bin/env python3
"""A proxy for "speaker right among found quotes" on coreference gold (GUM Wikinews).

    python scripts/eval_speakers.py [--corpus ../shared/corpora/coref/gum-wikinews]
        [--cache /tmp/speakers2-gum.pkl] [--show wrong|unresolved|all]

There is no GGT data here, so the speaker choice is scored where gold says who every mention is:
the coreference set marks every mention of every entity. The analysis (stages entities, quotes,
speakers, as ``according analyze`` runs them) is run on each document; for every quote it finds
that has a source span, the *source mention* is the gold mention standing for that span:

- candidates are gold mentions that overlap the source by at least half of the gold mention's
  characters, or whose gold head word lies inside the source (the rule of ``score_mentions.py``);
- the same span wins, then a candidate that holds the source's syntactic head word (in our
  parse: "Lydia Buchtmann for Food Standards Australia" is Lydia Buchtmann, not the agency),
  then one whose gold head is inside the source, then the largest overlap, then the shorter
  mention.

A quote counts when its source mention's gold entity has a proper name (GUM names its entity by
the name mention; entities with no name mention, "a spokesman", are left out: no name to check).
Then the quote is

- **right** when the quote's ``speaker.name`` matches the gold entity's name by the GGT rule
  (``score_quotes.py --dataset ggt``: the casefolded token set of one name is a subset of the
  other's, "a an the mr mrs ms dr prof" dropped), or is a sub-name of one of its aliases;
- **unresolved** when it does not match and the speaker is left anonymous, unknown or has no name
  ("the utility" kept as an unnamed source although the article names the company);
- **wrong** otherwise (a named speaker who is someone else).

A second proxy, ``--polnear CACHE`` (the parse cache ``scripts/eval_quotes_split.py --cache``
writes for PolNeAR dev): PolNeAR marks source spans but not who a pronoun is, so only sources
that *contain a name* can be checked. For every quote we find whose cue overlaps a gold cue,
the gold source's name is the name mention (of the entities stage: a person, body, place or
people) holding the gold source's syntactic head word ("Trump campaign manager Kellyanne
Conway" -> Kellyanne Conway; "he" or "a source" -> not counted). Right when our speaker's name
and that name match by the GGT rule, with the mention's text as written or its entity's full
name; unresolved / wrong as above. Halves sealed by ``eval_quotes_split.sealed`` (sha1 % 2).
This tests names, appositions and source spans; it cannot test pronouns or descriptions.

The documents are split by the coreference evaluation's fixed rule (``scripts/train_coref.py``):
sealed when int(sha1(id), 16) % 3 == 0 (11 of 43). Changes are tuned on the other 32; the sealed
part is only scored. Both are printed. Parses are cached (``--cache``) so a re-run costs the
stages only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import according.analyzer  # noqa: E402,F401 - importing it registers the stages
from according.ingest import Document, read_paths  # noqa: E402
from according.nlp import load, to_parse  # noqa: E402
from according.pipeline import Work, run_stages  # noqa: E402

SHARED = ROOT.parent / "shared"
STAGES = ("entities", "quotes", "speakers")


def sealed(doc_id: str) -> bool:
    """The coreference set's fixed sealing rule (scripts/train_coref.py)."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parsed(corpus: Path, cache: Path | None) -> list:
    """[(Document, Parse)] for every document of the set (sealed ones too: they are scored)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    docs = [d for d in read_paths([str(corpus / "input.jsonl")]) if isinstance(d, Document)]
    nlp = load("en_core_web_md")
    out = [
        (d, to_parse(x, "en_core_web_md")) for d, x in zip(docs, nlp.pipe(d.text for d in docs), strict=True)
    ]
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def source_head(parse, start: int, end: int) -> tuple[int, int]:
    """Characters of the source's syntactic head word (its first token whose head is outside it)."""
    toks = [t for t in parse.toks if start <= t.start and t.end <= end and not t.is_space]
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head not in inside or t.head == t.i), None)
    return (head.start, head.end) if head is not None else (start, end)


def source_mention(
    gold_mentions: list[dict], start: int, end: int, head_chars: tuple[int, int]
) -> dict | None:
    """The gold mention standing for the source span [start, end) (see the module docstring)."""
    best = None
    for g in gold_mentions:
        inter = min(end, g["end"]) - max(start, g["start"])
        head = g.get("head") or g
        head_in = start <= head["start"] and head["end"] <= end
        if not (inter > 0 and (2 * inter >= g["end"] - g["start"] or head_in)):
            continue
        holds_head = g["start"] <= head_chars[0] and head_chars[1] <= g["end"]
        key = ((g["start"], g["end"]) == (start, end), holds_head, head_in, inter, -(g["end"] - g["start"]))
        if best is None or key > best[0]:
            best = (key, g)
    return best[1] if best else None


def gum_rows(corpus: Path, cache: str | None, qscore, mscore):
    """(part, row) for the GUM Wikinews proxy."""
    gold = {}
    with open(corpus / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[g["id"]] = g
    for doc, parse in parsed(corpus, Path(cache) if cache else None):
        work = Work(text=doc.text, parse=parse, meta=doc.meta, furniture=doc.furniture)
        run_stages(work, STAGES)
        part = "sealed" if sealed(doc.id) else "tuned"
        for row in judge(work.quotes, parse, gold[doc.id], qscore, mscore):
            yield part, row


def judge(quotes, parse, gold: dict, qscore, mscore) -> list[dict]:
    """One row per quote whose source mention's gold entity has a name."""
    rows = []
    for q in quotes:
        if q.source is None:
            continue
        head = source_head(parse, q.source.start, q.source.end)
        g = source_mention(gold["mentions"], q.source.start, q.source.end, head)
        ent = gold["entities"].get(g["entity"]) if g else None
        if g is None or not ent or not ent.get("name"):
            continue
        sp = q.speaker
        name = sp.name
        ok = qscore.names_match(name, ent["name"]) or mscore.gold_name_match(
            name, {"aliases": ent.get("aliases")}
        )
        if ok:
            verdict = "right"
        elif not name or sp.type in ("anonymous", "unknown"):
            verdict = "unresolved"
        else:
            verdict = "wrong"
        rows.append(
            {
                "doc": gold["id"],
                "verdict": verdict,
                "source": gold["text"][q.source.start : q.source.end],
                "at": q.source.start,
                "gold": ent["name"],
                "gold_kind": g["kind"],
                "pred": name,
                "pred_type": sp.type,
            }
        )
    return rows


def _overlaps(a: list[dict], start: int, end: int) -> bool:
    return any(min(end, x["end"]) > max(start, x["start"]) for x in a)


def judge_polnear(work: Work, gold: dict, qscore) -> list[dict]:
    """One row per found quote whose cue meets a gold cue whose gold source holds a name."""
    names = [
        m
        for m in work.mentions
        if m.kind in ("name", "alias")
        and work.entity_info.get(m.entity, {}).get("label") in ("PERSON", "ORG", "GPE", "NORP")
    ]
    rows = []
    for q in work.quotes:
        if q.cue is None:
            continue
        att = next((a for a in gold["attributions"] if _overlaps(a["cue"], q.cue.start, q.cue.end)), None)
        if att is None or len(att["source"]) != 1:
            continue
        s = att["source"][0]
        h0, h1 = source_head(work.parse, s["start"], s["end"])
        named = next((m for m in names if m.start <= h0 and h1 <= m.end), None)
        if named is None:
            continue
        gold_names = (named.text, work.entity_info[named.entity]["name"])
        sp = q.speaker
        ok = any(qscore.names_match(sp.name, g) for g in gold_names)
        verdict = (
            "right" if ok else "unresolved" if not sp.name or sp.type in ("anonymous", "unknown") else "wrong"
        )
        rows.append(
            {
                "doc": gold["id"],
                "verdict": verdict,
                "source": s["text"],
                "at": s["start"],
                "gold": named.text,
                "gold_kind": "name",
                "pred": sp.name,
                "pred_type": sp.type,
            }
        )
    return rows


def polnear_rows(cache: Path, qscore):
    """(part, row) for the PolNeAR dev proxy; parts by eval_quotes_split's halves."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_quotes_split import sealed as sealed_half

    data = pickle.loads(cache.read_bytes())
    for rec, parse in zip(data["recs"], data["parses"], strict=True):
        work = Work(text=rec["text"], parse=parse)
        run_stages(work, STAGES)
        part = "sealed" if sealed_half(rec["id"]) else "tuned"
        for row in judge_polnear(work, rec, qscore):
            yield part, row


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(SHARED / "corpora/coref/gum-wikinews"))
    ap.add_argument("--cache", default=None, help="pickle of parsed documents (written if absent)")
    ap.add_argument("--show", choices=("none", "wrong", "unresolved", "all"), default="none")
    ap.add_argument("--show-sealed", action="store_true", help="also list the sealed part's rows")
    ap.add_argument("--polnear", default=None, help="PolNeAR dev parse cache (eval_quotes_split --cache)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    qscore = _module(SHARED / "eval/score_quotes.py", "score_quotes")
    mscore = _module(SHARED / "eval/score_mentions.py", "score_mentions")
    tally: dict[str, Counter] = {"tuned": Counter(), "sealed": Counter()}
    by_kind: dict[str, Counter] = {"tuned": Counter(), "sealed": Counter()}
    for part, row in (
        polnear_rows(Path(args.polnear), qscore)
        if args.polnear
        else gum_rows(corpus, args.cache, qscore, mscore)
    ):
        tally[part][row["verdict"]] += 1
        by_kind[part][(row["gold_kind"], row["verdict"])] += 1
        show = args.show == "all" or args.show == row["verdict"]
        if show and (part == "tuned" or args.show_sealed):
            print(
                f"{row['verdict']:10s} {row['doc']}@{row['at']}: {row['source']!r} -> "
                f"{row['pred']!r} ({row['pred_type']}); gold {row['gold']!r} ({row['gold_kind']})"
            )
    out = {}
    for part, t in tally.items():
        n = sum(t.values())
        out[part] = {
            "quotes": n,
            "right": t["right"],
            "wrong": t["wrong"],
            "unresolved": t["unresolved"],
            "accuracy": round(t["right"] / n, 4) if n else 0.0,
            "by_source_kind": {f"{k}/{v}": c for (k, v), c in sorted(by_kind[part].items())},
        }
        print(part, json.dumps(out[part]))


if __name__ == "__main__":
    main()
