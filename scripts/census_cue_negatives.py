#!/usr/bin/env python3
"""Cue precision where nobody is quoted: the quotes the stage emits on news sentences that
quote no one (issue 8, part 5).

    python scripts/census_cue_negatives.py [--meantime ../shared/corpora/meantime]
        [--case ../shared/corpora/case2021] [--case-limit 400] [--cache /tmp/x.pkl] [--show]

The texts: MEANTIME's 120 Wikinews articles (business news) and the first ``--case-limit``
CASE 2021 snippets (protest and conflict news), both development sets with no quote
annotation; the stage (``quotes.extract`` with the shipped cue model) runs on each whole text.
Two counts are printed:

- *clean* sentences: no quotation mark and no word of communication (lemma in
  :data:`~according.lang.quotes.SPEECH` or :data:`~according.lang.quotes.SPEECH_IN_CONTEXT`,
  nor "according"); every quote whose cue lies in one is a cue where no one is quoted (of
  either category: PolNeAR also annotates beliefs and plans, "plans to", "is expected to",
  so many of these are beliefs PolNeAR would keep, and the count is a ceiling);
- *speech* quotes (category "speech", what who-said-what scorers count) in sentences with no
  quotation mark: most are indirect speech ("Police said ..."); ``--show`` prints them to read.

Measured at cues7 (issue 8), at the integration tip 4a42aa0: 866 clean sentences, 187
cues in them, all of category belief ("unveiled the device", "plans to", "saw shares fall",
"is expected to"); 350 speech quotes in sentences with no quotation mark, of which about 8 were
read as no speech ("some reported missing", "the plane promises increased fuel efficiency",
"the update adds support for ...", "responded by offering", "have called the hotline"); after the auxiliary of a noun's
relative clause stopped making a reported clause (``quotes._clausal``) 187 and 348; after a
verb of evaluation or asking with a reported clause became speech (``cues.category``) 187 and
349 (the one more, "He also mentioned that GM had already received ...", is speech).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from according.lang.quotes import ANY_QUOTE_MARK, SPEECH, SPEECH_IN_CONTEXT  # noqa: E402
from according.nlp import load, to_parse  # noqa: E402
from according.quotes import cues, extract  # noqa: E402


def load_texts(meantime: Path, case: Path, case_limit: int, cache: str | None):
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    recs = [json.loads(line) for line in open(meantime / "input.jsonl", encoding="utf-8")]
    recs += [json.loads(line) for line in open(case / "input.jsonl", encoding="utf-8")][:case_limit]
    nlp = load()
    parses = [to_parse(d, "en_core_web_md") for d in nlp.pipe((r["text"] for r in recs), batch_size=16)]
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump((recs, parses), fh)
    return recs, parses


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--meantime", default=str(ROOT.parent / "shared/corpora/meantime"))
    ap.add_argument("--case", default=str(ROOT.parent / "shared/corpora/case2021"))
    ap.add_argument("--case-limit", type=int, default=400)
    ap.add_argument("--cache", default=None, help="pickle of parsed texts (written if absent)")
    ap.add_argument("--show", action="store_true", help="print every cue counted")
    args = ap.parse_args(argv)
    recs, parses = load_texts(Path(args.meantime), Path(args.case), args.case_limit, args.cache)
    mdl = cues.model()
    clean_n = clean_cues = speech_n = 0
    shown: list[str] = []
    for rec, p in zip(recs, parses):
        sents: dict[int, list] = {}
        for t in p.toks:
            sents.setdefault(t.sent, []).append(t)
        unquoted = {s for s, ts in sents.items() if all(ANY_QUOTE_MARK.isdisjoint(t.text) for t in ts)}
        clean = {
            s
            for s in unquoted
            if not any(
                t.lemma.lower() in SPEECH
                or t.lemma.lower() in SPEECH_IN_CONTEXT
                or t.lemma.lower() == "accord"
                for t in sents[s]
            )
        }
        clean_n += len(clean)
        quotes, _ = extract(p, None, mdl)
        for q in quotes:
            if q.cue is None:
                continue
            k = p.token_at(q.cue.start)
            if k is None:
                continue
            s = p.toks[k].sent
            ts = sents[s]
            line = "%s [%s] %s :: %s" % (
                rec["id"],
                p.text[q.cue.start : q.cue.end],
                q.category,
                p.text[ts[0].start : ts[-1].end].replace("\n", " ")[:200],
            )
            if s in clean:
                clean_cues += 1
                shown.append("clean " + line)
            if s in unquoted and q.category == "speech":
                speech_n += 1
                shown.append("speech " + line)
    print("texts %d; clean sentences %d, cues in them %d" % (len(recs), clean_n, clean_cues))
    print("speech quotes in sentences with no quotation mark %d" % speech_n)
    if args.show:
        print("\n".join(shown))


if __name__ == "__main__":
    main()
