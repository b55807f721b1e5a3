#!/usr/bin/env python3
"""Where the quote stage's content spans miss PolNeAR's, by kind of boundary error.

    python scripts/census_quote_content.py [--corpus ../shared/corpora/polnear/train]
        [--cache /tmp/quotes/train.pkl] [--limit N] [--half tune] [--show KIND]

Each gold attribution's content is paired with a predicted quote's content the way the shared
scorer pairs them for overlap (greedy, highest token Jaccard first). For a pair whose exact forms
differ (the scorer's ``canon``: spans trimmed of spaces and quotation marks), the difference at
each edge is classed by what lies between the two edges: the complementiser "that", sentence
punctuation, a trailing attribution (", he said"), an "according to" phrase, a coordinated clause,
another sentence, a short adverbial, or other. Counts only are printed (``--show KIND`` prints
the differing words of that kind, for reading train; never run it on a sealed half).

Census on PolNeAR train at main ce0eff0 (issue 8, this stop): 15,223 gold contents paired, 10,611
exact; 3,905 gold contents with no predicted content at all (3,557 + 627 of them with no
predicted cue on the gold cue: cue recall, not boundaries). Of the 4,612 paired but inexact:
start early by <= 4 words 909 (mostly where PolNeAR's cue is longer than ours and the content
starts after it: "sought [to distinguish]", "made [a case for]", "took [a firm stance against]";
the cue extent decides these), end late by more 734 (a trailing ", who ...", ", which ...",
apposition, "in an interview ...": the content-edge model's kinds, on which the annotators
disagree with themselves), one gold span against two predicted 715 (an object or expletive
beside the reported clause: "called them on it: ...", "It appears that ..."; kept and dropped
about equally in train, by dependency label) and two against one 515, start late 808, end early
562 (of them 119 punctuation only: ")" of a "(" and "%" of a number, now kept; "," before a
trailing attribution is kept 1,466 times and dropped 2,809 in gold contents).

Again at main 357349f (issue 8, next stop): 15,313 pairs, 10,719 exact, 3,818 + 701 gold contents
with no prediction. Of the segment mismatches read on train: one gold span against two predicted
(706) is mostly a run on the far side of the cue that the gold leaves out ("“Absolutely not,” he
said *of the possibility ...*", "..., he said, *wiping sweat*", "added Clarke, *who ...*", a
fronted "Six months ago, ... said, ...", the expletive "it" of "it appears"); two gold against
one predicted (545 with 3+ segments): about 100 an inner relative clause or apposition the gold
cuts out ("a new ad, which paints ..., as soon as Monday"), about 350 a gold segment beyond the
predicted span, among them a quotation opening the next paragraph after "“A,” he said." (now
joined to the attribution: ``placing._continued``) and a clause split by a parenthetical cue
("If she becomes president, Clinton suggested, women won't be ..."). A content-edge feature for
a candidate that is a segment of its own (across the cue or not) was tried: out of fold exact
.5600 -> .5606, full .6482 -> .6485, but dev tuned / sealed exact -.0009 / -.0021: not kept.
Nor dropping a bare expletive "it" from a raising or passive cue's content when a clause is left
("it appears that ...": 31 predicted contents on train hold a lone "it"): train halves exact
+.0006 / +.0006, full and overlap unchanged, dev tuned exact +.0009 but sealed -.0018.

Again at branch bounds3 (issue 8, after the content-edge feature "what follows the candidate"):
15,357 pairs, 10,764 exact (10,753 before it); start early by a short phrase 907 (the tail of a
longer gold cue: "to", "for", "about", "it clear", "to focus on", each a handful: cue extent,
not a content edge), end late by a long phrase 740, one gold against two predicted 697, two
against one 520. ``--full`` counts why a gold attribution is no full match (the scorer's test:
content overlap >= 0.5 of the longer, source and cue both absent or sharing a token), on train:
of 19,834 gold attributions 12,485 agree on all three; the content is the first failure by far:
4,081 with no overlapping prediction (cue recall), 1,340 where the best-overlapping prediction
is more than twice the gold (mostly a nested attribution whose inner cue is not predicted, or
trailing material: an apposition, "in an interview ...", "when asked ...", "before ..."), 546
where it is under half of it, 202 crossing. Where the content agrees the roles fail 1,180 times:
both 434 (the content of another cue), source alone 646 (none predicted 281, no shared token
264, none in the gold 101), cue alone 100 (no shared token 96).

Again at branch bounds4: 15,369 pairs, 10,797 exact. Taking the other side of a parenthetical
cue into the content ("Though the transition was seamless, he said, replacing her would be
...": the gold holds both sides, the rules one) when the cue phrase stands between commas with
the content on one side only and no quotation on either: train exact .5429 -> .5377 (.5384
leaving out a participle cue such as "adding"), the far side is as often an apposition,
another clause or narration ("..., wrote Sanders, runner-up to ...", "..., he said after
meeting ..., because ..."): not kept. The trailing "," the gold keeps and the quote stage
strips (50 contents) is the annotators' choice ("should be freed and compensated, the rights
group says" keeps it; 2,809 others drop it).

Again at branch content6 (issue 8, part 4: beyond the edge model). At main 6f4409c: 15,366 pairs,
10,855 exact; 3,694 of the 4,511 inexact pairs have the gold cue predicted. Read on train, by
kind: a word or two in quotation marks the placing joins to the nearest speaker (a nickname or
scare quote before the cue in its sentence: 7 of 79 in the gold content; in a later sentence: 4
of 45) — now not joined; the infinitive after "continue", "try", "tend", "go", "fail" ... that
PolNeAR takes into the cue ("continued to call for": 74 of 79 gold contents start after it) —
now out of the content when it is a cue word; the quoted clause's subject before "X, he said,
“...”" (12 of 12 in the gold) — now kept; narration before a colon that opens the quotation —
now cut. After them: 15,365 pairs, 10,961 exact; start early by a short phrase 849 (903), one
gold against two predicted 600 (657). Tried and not kept: a quotation opening the next paragraph
after "“A,” X said." joined to X's attribution (train exact +.0010, 38 contents gained and 18
lost; dev tuned +.0009, sealed -.0019); fronted modifiers before a parenthetical cue
("For black voters ..., he said, their ...") taken into the content (train exact .5481 -> .5471
to .5479 by label, as bounds4 found with commas); a lone "what" / "which" before the cue
dropped (.5458 -> .5456, the gold keeps them); "appeared / seemed to <cue word>" read as the
cue with the subject as source (train source .7855 -> .7846, exact .5481 -> .5470); a trailing conjoined
predicate with no subject of its own and the cue's tense ("said she regretted it and promised
...") cut: the gold keeps 64 of 102.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_quotes_split  # noqa: E402
import train_quotes  # noqa: E402

CUE_WORDS = re.compile(r"\b(said|says|say|told|tells|added|adds|according|wrote|writes|asked|noted|argued)\b")
SENT_END = re.compile(r"[.!?][\u201d\"')]*\s+[\u201c\"]?[A-Z]")
ADVERBIAL_WORDS = 4  # a difference of at most this many words with no verb-like cue is "short"


def kind_of(diff: str) -> str:
    d = diff.strip().strip("\u201c\u201d\"'")
    words = re.findall(r"\w+", d)
    if not words:
        return "punctuation"
    low = d.lower()
    if low.strip(" ,") in ("that", "whether", "if"):
        return "complementiser"
    if SENT_END.search(diff):
        return "sentences"
    if "according to" in low:
        return "according-to"
    if d.startswith(",") and CUE_WORDS.search(low) and len(words) <= 8:
        return "attribution"
    if re.match(r"^[,;]?\s*(and|but|or|while|because|as|so)\b", low):
        return "coordination"
    if len(words) <= ADVERBIAL_WORDS:
        return "short"
    return "long"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--half", choices=("tune", "all"), default="all", help="dev: the tuned half only")
    ap.add_argument("--show", default=None, help="print the differences of this kind (train only)")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/eval/score_quotes.py"))
    ap.add_argument("--full", action="store_true", help="census of the full-attribution gap instead")
    args = ap.parse_args(argv)
    recs, parses = train_quotes.load_corpus(Path(args.corpus), args.limit, args.cache)
    if args.half == "tune":
        keep = [k for k, r in enumerate(recs) if not eval_quotes_split.sealed(r["id"])]
        recs, parses = [recs[k] for k in keep], [parses[k] for k in keep]
    sc = train_quotes.load_scorer(args.scorer)
    from according.quotes import extract

    if args.full:
        print_counts(full_gap(recs, parses, sc))
        return

    census: Counter = Counter()
    for rec, p in zip(recs, parses):
        text = p.text
        tok = sc.Tokens(text)
        quotes, _ = extract(p)
        pred = [[(c.start, c.end) for c in q.content] for q in quotes]
        gold = [sorted((s["start"], s["end"]) for s in a["content"]) for a in rec["attributions"]]
        gold = [g for g in gold if g]
        gcue = [
            min((s["start"] for s in a["cue"]), default=None) for a in rec["attributions"] if a["content"]
        ]
        gt = [tok.cover(g) for g in gold]
        pt = [tok.cover(x) for x in pred]
        cands = []
        for i, G in enumerate(gt):
            for j, P in enumerate(pt):
                inter = len(G & P)
                if inter:
                    cands.append(((sc.jaccard(G, P), inter), i, j))
        pairs = sc.greedy(cands)
        matched = {i for i, _ in pairs}
        for i in range(len(gold)):
            if i not in matched:
                before = gcue[i] is not None and gold[i][-1][1] <= gcue[i]
                census["missed content" + (" (before its cue)" if before else "")] += 1
        for i, j in pairs:
            gc, pc = sc.canon(text, gold[i]), sc.canon(text, pred[j])
            census["pairs"] += 1
            if gc == pc:
                census["exact"] += 1
                continue
            if len(gc) != len(pc):
                census["segments %d gold / %d pred" % (len(gc), len(pc))] += 1
            gs, ge, ps, pe = gc[0][0], gc[-1][1], pc[0][0], pc[-1][1]
            for edge, a, b in (("start", ps, gs), ("end", ge, pe)):
                if a == b:
                    continue
                # a < b: pred starts before gold (early) / pred ends after gold (late)
                lo, hi = min(a, b), max(a, b)
                how = ("early" if a < b else "late") if edge == "start" else ("late" if a < b else "early")
                k = kind_of(text[lo:hi])
                census["%s %s: %s" % (edge, how, k)] += 1
                if args.show and args.show in ("%s %s: %s" % (edge, how, k), k):
                    print("%s %s | %s" % (edge, how, text[lo:hi].replace("\n", " ")[:160]))
    print_counts(census)


def print_counts(census: Counter) -> None:
    width = max(len(k) for k in census)
    for k, n in sorted(census.items(), key=lambda kv: -kv[1]):
        print("%-*s %5d" % (width, k, n))


def full_gap(recs, parses, sc) -> Counter:
    """Why a gold attribution is no full match: for each, the prediction whose content the
    scorer's full test accepts (overlap >= 0.5 of the longer) with the best Jaccard, and which
    role then disagrees (source or cue: none predicted, none in the gold, or no shared token);
    with no such prediction, how the best-overlapping one differs (longer, shorter, crossing)."""
    from according.model import Analysis
    from according.quotes import extract

    roles = ("source", "cue", "content")
    census: Counter = Counter()
    for rec, p in zip(recs, parses):
        tok = sc.Tokens(p.text)
        quotes, _ = extract(p)
        pq = sc.pred_quotes(Analysis(id=rec["id"], text=p.text, quotes=quotes).to_dict())
        spans = sc.Spans()
        ptok = [{r: tok.cover(spans.read(q.get(r), p.text)) for r in roles} for q in pq]
        for a in rec["attributions"]:
            g = {r: tok.cover(sorted((s["start"], s["end"]) for s in a.get(r, []))) for r in roles}
            census["gold attributions"] += 1
            ok = [
                P
                for P in ptok
                if (g["content"] or P["content"])
                and len(g["content"] & P["content"]) / max(len(g["content"]), len(P["content"])) >= 0.5
            ]
            if not ok:
                near = [P["content"] for P in ptok if g["content"] & P["content"]]
                if not near:
                    census["content: no prediction overlaps"] += 1
                    continue
                best = max(near, key=lambda c: len(g["content"] & c))
                how = "longer" if g["content"] <= best else "shorter" if best <= g["content"] else "crossing"
                census["content: overlap under 0.5, prediction %s" % how] += 1
                continue
            P = max(ok, key=lambda P: sc.jaccard(g["content"], P["content"]))
            wrong = [r for r in ("source", "cue") if not sc.role_ok(g[r], P[r])]
            if not wrong:
                census["content, source and cue agree"] += 1
            elif len(wrong) == 2:
                census["content agrees; source and cue wrong"] += 1
            else:
                r = wrong[0]
                why = "none predicted" if not P[r] else "none in gold" if not g[r] else "no shared token"
                census["content agrees; %s wrong: %s" % (r, why)] += 1
    return census


if __name__ == "__main__":
    main()
