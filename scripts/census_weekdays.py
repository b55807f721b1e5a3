"""Census: how a weekday or a month-day without a year resolves, by the grammar around it
(issue 9, part 4: times that hold on new text).

    python scripts/census_weekdays.py [--corpus ../shared/corpora/meantime] [--cache /tmp/x.pkl] [-v]

For every gold TIMEX3 of MEANTIME's TUNED part (``sha1(id) % 3 != 0``; the sealed third is never
read) whose text names a weekday ("Friday", "on Monday") or a month and a day with no year
("March 21"), the script reads the clause it stands in from the cached parse: the governing verb's
tense (past: VBD/VBN, or a "did/had" auxiliary; future: a "will/shall/'ll" auxiliary or "going to";
modal: another modal; present otherwise), whether that verb reports speech (a saying verb) or
lies under one (reported speech: the day of saying is the reference), and where the gold value
lies from the publication date (days before, the same day, days after). It prints the table of
(tense, reported) -> gold direction, and the system's value agreement for each cell, so that the
rule the times stage follows (past -> the last such day on or before the reference; future or
modal -> the next one; present -> the nearest, the reference day itself for "today's" weekday;
in reported speech the reference is the day of saying) can be checked against annotated text.

TIMEX3 (TimeML 1.2.1 guidelines, and ISO-TimeML): a relative date's value is resolved against
the document creation time or, where the text sets another reference (a reported event's time),
against that reference; the guidelines give no tense rule, annotators resolve by the clause's
meaning. The tense rule is the common operationalisation (HeidelTime's "news" strategy: past
tense -> the previous such day, future -> the next, else the nearest).

Census of MEANTIME's tuned part at main 357349f (2026-12-07; DATE timexes only, gold direction
from the publication date, and how many of them the system values right):

    kind       tense    reported  before  same-day  after  | system right / n
    weekday    past     no            16        13      1  | 28 / 30
    weekday    present  no             0         1      2  |  3 / 3
    weekday    (no verb) no            1         0      0  |  0 / 1   ("Black Monday" 1987, a name)
    month-day  past     no             0         0      1  |  1 / 1
    month-day  present  no             0         0      1  |  1 / 1
    month-day  future   no / yes       0         0      2  |  2 / 2
    month-day  modal    yes            0         0      1  |  1 / 1

So a past-tense weekday lies on or before the publication date in 29 of 30 (the one "after" is
an annotation whose date is a Saturday for "Friday": the error the last stop's note named), and
every future, modal or present-tense one on or after it: the tense rule the stage follows
(``times.relative.weekday``, ``grammar.Ctx.direction``) is what the annotation shows, and no
special case is needed for MEANTIME. Reported speech is too rare here to tell (2 cells of 1-2,
both ahead of the day of saying); the day-of-saying rule rests on the TimeML reading above and
on the hand-written probes of tests/test_times_reported.py (development data only).

Nothing of the corpus is written out: counts only, and with ``-v`` the tuned part's
disagreements (document id, the timex text, gold and system values, the cell).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b(?!,? \d{4})", re.I
)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODALS = {"would", "could", "may", "might", "should", "must", "can"}


def sealed(doc_id: str) -> bool:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def clause(parse, tok: int) -> tuple[str, bool]:
    """(tense of the governing verb, is it reported speech) for the token ``tok``."""
    from according.lang.reporting import SAY_VERBS

    toks, kids = parse.toks, parse.children
    verb = parse.governing_verb(tok)
    if verb is None:
        return "none", False
    aux = [toks[c].text.lower() for c in kids(verb, ("aux", "auxpass"))]
    if any(a in FUTURE_AUX for a in aux) or any(
        toks[c].lemma == "go" and toks[c].tag == "VBG" for c in kids(verb, "aux")
    ):
        tense = "future"
    elif any(a in MODALS for a in aux):
        tense = "modal"
    elif toks[verb].tag in ("VBD", "VBN") or any(a in ("did", "had", "was", "were") for a in aux):
        tense = "past"
    else:
        tense = "present"
    saying = toks[verb].lemma.lower() in SAY_VERBS
    under = any(toks[a].lemma.lower() in SAY_VERBS for a in parse.ancestors(verb) if a != verb)
    return tense, bool(under and not saying)


def direction(value: str, dct: dt.date) -> str | None:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    d = (day - dct).days
    return "before" if d < 0 else "same day" if d == 0 else "after"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "meantime")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_times_region import load

    from according.times import extract, reference_date

    gold = {}
    for line in (a.corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row
    cells: dict[tuple[str, str, bool], Counter] = defaultdict(Counter)
    for doc, parse in load(a.corpus, a.cache):
        if sealed(doc.id) or doc.id not in gold:
            continue
        row = gold[doc.id]
        dct = dt.date.fromisoformat(row["dct"])
        times, _ = extract(doc.text, parse, reference_date(doc.meta))
        system = {(t.span.start, t.span.end): t.value for t in times}
        for tx in row["timexes"]:
            kind = (
                "weekday"
                if WEEKDAY.search(tx["text"])
                else "month-day"
                if MONTH_DAY.search(tx["text"])
                else None
            )
            if kind is None or tx.get("type") != "DATE":
                continue
            where = direction(tx["value"], dct)
            if where is None:
                continue
            tok = parse.token_at(tx["start"])
            tense, reported = clause(parse, tok) if tok is not None else ("none", False)
            got = system.get((tx["start"], tx["end"])) or next(
                (v for (s, e), v in system.items() if s < tx["end"] and tx["start"] < e), None
            )
            c = cells[(kind, tense, reported)]
            c[where] += 1
            c["system right"] += got == tx["value"]
            if a.verbose and got != tx["value"]:
                print(
                    f"{doc.id}: {tx['text']!r} gold {tx['value']} system {got} ({kind}, {tense}, reported={reported})"
                )
    print("kind       tense    reported  before  same-day  after  | system right / n")
    for (kind, tense, reported), c in sorted(cells.items()):
        n = c["before"] + c["same day"] + c["after"]
        print(
            f"{kind:10} {tense:8} {str(reported):9} {c['before']:6} {c['same day']:9} {c['after']:6}"
            f"  | {c['system right']} / {n}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
