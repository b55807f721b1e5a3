"""actor1 of PLOVER's violence and protest sentences, judged the way ACLED names actors.

    according eval plover ../shared/corpora/plover --out /tmp/plover.jsonl
    python scripts/eval_event_actors.py /tmp/plover.jsonl [--corpus ../shared/corpora/plover] [-v]

PLOVER's gold gives each sentence's source actors with a sector and a country code. Only sentences
of ACLED kinds (PROTEST, ASSAULT, FIGHT, COERCE, MOBILIZE) with a source are scored. The first
event's actor1 is right when it names one source as ACLED would: "Military Forces of <country>"
for a MIL source, "Police Forces of <country>" for a COP one, "Government of <country>" for a GOV
one (the code's country; ACLED's country names, events.actors.country_name), "Civilians" or
"Protesters" for a civilian one, else the two names share a content word (a named group as named).
Reported on the tuned two thirds and the SEALED third (sha1(id) % 3 == 0) separately. PLOVER's source
is who acted, and ACLED puts the protesters first in a protest the police broke up, so a share of
the misses are conventions, not errors.

A second line scores the same records also accepting ACLED's generic names where PLOVER codes the
source by sector only (names_source_generic): unnamed rebels or armed men (REB, UAF: "Afghan
guerillas", "gunmen") as "Unidentified Armed Group (<the code's country>)", and a party's, union's,
students' or civilians' demonstration as "Protesters" or "Rioters". The first line stays the pinned
one (tests/test_actors.py). Census of the tuned part's 28 misses at main 66fddf2 (2026-12-07, by
reading): no event or no doer 9 (4 hunger strikes ACLED does not code, a ban, a blockade, a
"they" whose antecedent is no named entity, an agreement violation, "border patrol agents"); a wrong
doer 5; the right doer in ACLED's generic naming that the first rule does not accept 14 (rioters
and protesters of a party or union 7, unnamed rebels 6, "Israeli soldiers" with no sector 1); one
of these also in the wrong country ("Irish" guerrillas in the United Kingdom).

Census of the tuned part's 28 misses at main ce0eff0 (2026-12-07, by reading, one kind each): no
event 4 (hunger strikes, which ACLED does not code); an event but no doer 5 (a government that
outlawed a group, a state that reimposed blockades, "border patrol agents" that no rule named, a
reported "they attempted to assassinate", "both X and Y are guilty of violating"); a wrong doer 5 (a
force in a relative clause of a hunger strike, troops on alert read as rioters, Russia that closed
its borders over Azeri-Armenian fighting, a military government's arrests read as the police's, the
protest and not the curfew after it); the right doer in ACLED's naming that PLOVER's source does not
match 12 (a party's, union's, people's or prisoners' crowd as Protesters or Rioters 5, the
protesters first where police intervened 2, unnamed rebels or militiamen as Unidentified Armed Group
4, "Israeli soldiers" of no sector as Military Forces of Israel 1); a wrong or missing country 2
("Irish" guerrillas in the United Kingdom; a roadside bombing whose gold source is the town
"Samarra"). One hit is false: a crowd read as an Unidentified Armed Group (Hong Kong) shares "Hong
Kong" with its source. So most misses are the gold's convention, not the doer. This stop (branch
actors) fixed the border patrol agents (tuned 24/51); the first line moves little when actor naming
improves; CASE 2021 (no actor gold) rows whose actors change are read one by one instead (commit
messages).

Branch actors2 (from main 357349f): doers named by kind or through the parse (events/doers.py) and
types that follow the doer (coding.follow_actors) moved no scored PLOVER row (tuned 24/51, sealed
15/31, generic 30/51 and 21/31 before and after; two records' actors change, neither scored
differently: the militants below, and a Hong Kong crowd's people as actor2). Of the tuned misses, the 9 with no doer are hunger strikes,
a ban, a blockade and a ceasefire violation (no ACLED event to name a doer for) and the rest are
PLOVER's naming; "militants ... said they attempted to assassinate" now names the militants, but as
an Unidentified Armed Group, which shares no word with the gold. The rows these rules move are on
CASE 2021 (39 + 5, read one by one: commit messages).

Second proxy, nearer the held-out ACLED notes (branch actors3): 90 ACLED-typed CASE 2021 rows (60 of
the tuned part, sha1(id) % 3 != 0, and 30 of the sealed part, only scored; chosen by
sha1("actors3:" + id) order) whose actor1 was written down by hand from the text as ACLED would code
it, BEFORE looking at the pipeline's output (scripts/case2021_actor1_codes.tsv: ids and names only,
alternatives where the text allows two codings), scored by the held-out scorer's own name test
(score_events.names_match, token containment):

    python scripts/eval_event_actors.py /tmp/case-rows.jsonl --case scripts/case2021_actor1_codes.tsv

(the records are written first when the file does not exist). At main 203dc98: tuned 42/60 = .700,
sealed 18/30 = .600. Of the 18 tuned misses, 3 are excessive force against protesters, where the
codes put the protesters first and the stage the force (ACLED's notes do both; left), 1 arrests
typed as a protest, 2 the perturbed names CASE puts in its texts ("the Ungheni army"), 12 the doer
or its country; branch actors3 fixed 5 of these (seizures with no doer named 2, a backer's country,
a coordinated demonym, pirates): tuned 47/60 = .783, sealed 21/30 = .700. Left: a group named only
by the "-occupied" on a place, "Baloch pro-freedom armed fighters", a state army by its own name
("the People's National Army"), looting and attacks whose doer no text names, an agreement's
parties in "between the government and the rebel groups".

Census of the tuned part's 26 misses at branch actors3 (third stop, 2026-12-07; by reading, one
kind each; the Zarqawi militants, named by their group "Al-Qaeda" now, were the one generic name
where a named group exists): no ACLED event 9 (4 hunger strikes, which ACLED's codebook does not
code since the strikers do not congregate, and one read as territory "seized by government forces in
the 1970s"; a ban, reimposed blockades, a ceasefire-violation report, troops on alert after unrest);
PLOVER's side where ACLED's is another 4 (police who broke up a protest 2: ACLED puts the protesters
first; a curfew after a demonstration and Russia closing its borders over fighting: ACLED codes the
demonstration and the fighting); ACLED's generic name for a source PLOVER codes by sector or people 7
(a party's activists and a union's strikers as Protesters, Afghan guerillas and rebels, Sudanese rebels
and Burundian militiamen (PLOVER: MIL) as an Unidentified Armed Group, "Israeli soldiers" of no
sector as Military Forces of Israel); the country 4 (a military government's arrests in Haiti, now
Police Forces of Haiti, not of the United States where the embassy's spokeswoman spoke, against
PLOVER's Government; "Irish" guerrillas in Northern Ireland as an Unidentified Armed Group (Ireland);
Palestinian prisoners rioting in an Israeli jail as Rioters (Israel) and Palestinian youths as Rioters
with no country, which PLOVER's no-sector "Palestinian" would not accept under either name); the type
naming the actor 1 (ethnic Albanians who demonstrated, read as a riot from a riot last March in the
sentence: Rioters); PLOVER's source the town "Samarra" 1. So of the issue's kinds only "no actor"
where ACLED has an event, the country and the generic name where a named group exists were left to
fix here, and they are 1-2 rows each; the rules this branch added were found on notes of ACLED's
shape written here (tests/test_events_actors_named.py) and kept where PLOVER's sealed third and the
CASE hand codes did not move. PLOVER tuned .471 -> .490, sealed .484 -> .484; CASE hand codes tuned
.783 -> .800 (48/60: the parties named after "between" of a prisoner-exchange deal), sealed .700 ->
.700.

Branch actors4 worked from the blind ACLED-style notes' misses (scripts/eval_acled_notes.py now
splits actor1 into tuned / sealed): PLOVER tuned .490 -> .510 (26/51: a clash whose sides go unnamed
is the state's forces of its country, Israel's), sealed .484 -> .484; CASE hand codes .800 / .700
unchanged (no row moves); whole CASE 2021 15 first-event actors change (6 sealed, counted only; the 9
tuned read in the commit messages).

Branch actors5 (from integ 4a42aa0) probed with ~100 notes of the held-out set's shape written for the
purpose (kept out of the repository; the tuned parts here were saturated: 5 tuned blind-note misses, 3
of them a group no text names) and fixed what they showed in general terms: a people's militiamen as
its Ethnic Militia and a state's militia as an Unidentified Armed Group, a government's violence as
its forces', a note's doer from another of its triggers where the chosen one names none, an
organisation named by a capitalised group head ("the X Cartel"), hitmen as armed men, the first of
"members of X and Y", states' demonyms the gazetteer lacks ("Azeri forces" were Armenia's where they
shelled), a people's forces by the people ("Kurdish forces" were Syria's), "TMC" as ACLED's AITC. PLOVER .451 / .484 -> .451 / .484 (generic .569 / .645 unchanged); CASE hand
codes .800 / .700 -> .800 / .733; blind notes actor1 .925 / .757 unchanged; CASE 2021 out-of-fold
sub-event on its ACLED rows .795 (tuned .803, sealed .780) before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

KINDS = {"PROTEST", "ASSAULT", "FIGHT", "COERCE", "MOBILIZE"}
STOP = {"the", "of", "in", "a", "an", "and", "s"}


def iso3_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> ACLED's country name as the events stage writes it (the name in
    "Military Forces of X": events.actors.country_name)."""
    from according.events.actors import country_name
    from according.places import gazetteer

    src = gazetteer._sources()
    countries = json.loads(src["countries.json"].read_text(encoding="utf-8"))
    names = {c["iso3"]: country_name(iso2) for iso2, c in countries.items() if c.get("iso3")}
    return {iso3: name for iso3, name in names.items() if name}


def words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", s.lower()) if w not in STOP}


def names_source(pred: str | None, src: dict, countries: dict[str, str]) -> bool:
    if not pred:
        return False
    sector = (src.get("sector") or "")[:3]
    country = countries.get(src.get("code") or "")
    if sector == "MIL" and pred.startswith("Military Forces"):
        return country is None or country in pred or src.get("code") == "IGO"
    if sector == "COP" and pred.startswith("Police Forces"):
        return country is None or country in pred
    if sector == "GOV" and pred.startswith("Government of"):
        return country is None or country in pred
    if sector in ("CVL", "CIV") and pred.startswith(("Civilians", "Protesters")):
        return True
    return bool(words(pred) & words(src["actorText"]))


def unnamed(text: str, demonyms: set[str]) -> bool:
    """Does a source's text name no group, only what kind of men they are and whose ("Afghan
    rebels", "gunmen"): no capitalised word but a demonym or country name?"""
    return all(not w[:1].isupper() or w.lower() in demonyms for w in re.findall(r"[A-Za-z]+", text))


def names_source_generic(pred: str | None, src: dict, countries: dict[str, str], demonyms: set[str]) -> bool:
    """The strict rule, and ACLED's generic names for sources PLOVER codes by sector: unnamed rebels
    or armed men (REB, UAF) as "Unidentified Armed Group", a party's, union's or civilians'
    demonstration (OPP, LAB, EDU, CVL) as "Protesters" or "Rioters" (ACLED names the crowd, the
    organisation is only associated)."""
    if not pred:
        return False
    if names_source(pred, src, countries):
        return True
    sector = (src.get("sector") or "")[:3]
    country = countries.get(src.get("code") or "")
    if sector in ("REB", "UAF") and pred.startswith("Unidentified Armed Group"):
        in_country = country is None or "(" not in pred or country in pred
        return in_country and unnamed(src["actorText"], demonyms)
    if sector in ("OPP", "LAB", "EDU", "CVL") and pred.startswith(("Protesters", "Rioters")):
        return True
    return False


def demonym_words() -> set[str]:
    """Lower-cased country names and demonyms of the gazetteer, word by word."""
    from according.places import gazetteer

    g = gazetteer.get()
    words = set(g.demonyms)
    for idx in g.country.values():
        words.update(g.rec(idx).name.lower().split())
    return {w.lower() for w in words}


def score(
    pred: Path, corpus: Path, misses: bool = False, generic: bool = False
) -> dict[str, tuple[int, int]]:
    """{"tuned": (right, scored), "sealed": (right, scored)} for the records in ``pred``; with
    ``misses``, print the tuned part's misses; with ``generic``, by names_source_generic."""
    gold = {}
    for line in open(corpus / "gsr.jsonl", encoding="utf-8"):
        d = json.loads(line)
        gold[d["id"]] = d["gold"]
    countries = iso3_names()
    demonyms = demonym_words() if generic else set()
    tally = {False: [0, 0], True: [0, 0]}
    for line in open(pred, encoding="utf-8"):
        r = json.loads(line)
        g = gold.get(r["id"])
        if not g or g["event"] not in KINDS or not g.get("source"):
            continue
        sealed = int(hashlib.sha1(r["id"].encode()).hexdigest(), 16) % 3 == 0
        ev = (r.get("events") or [None])[0]
        pred_name = ev["actor1"]["name"] if ev and ev.get("actor1") else None
        if generic:
            hit = any(names_source_generic(pred_name, s, countries, demonyms) for s in g["source"])
        else:
            hit = any(names_source(pred_name, s, countries) for s in g["source"])
        tally[sealed][0] += hit
        tally[sealed][1] += 1
        if misses and not hit and not sealed:
            print(pred_name, "|", [(s["actorText"], s.get("sector"), s.get("code")) for s in g["source"]])
    return {"tuned": (tally[False][0], tally[False][1]), "sealed": (tally[True][0], tally[True][1])}


def read_codes(path: Path) -> dict[str, tuple[str, list[str]]]:
    """The hand-coded CASE 2021 rows: id -> (part, the ACLED names accepted)."""
    codes = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        row_id, part, names = line.rstrip("\n").split("\t")
        codes[row_id] = (part, names.split("|"))
    return codes


def predict_case(codes: Path, corpus: Path, out: Path) -> None:
    """Analyse the hand-coded CASE 2021 rows (read by id from the corpus) into ``out`` (JSONL)."""
    from according.analyzer import analyze_documents
    from according.ingest import read_paths

    wanted = set(read_codes(codes))
    docs = (d for d in read_paths([str(corpus / "input.jsonl")]) if d.id in wanted)
    with open(out, "w", encoding="utf-8") as fh:
        for rec in analyze_documents(docs):
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")


def score_case(pred: Path, codes: Path, scorer: Path, misses: bool = False) -> dict[str, tuple[int, int]]:
    """{"tuned": (right, scored), "sealed": ...}: the first event's actor1 against the hand codes, by
    the held-out scorer's own name test (score_events.names_match: token containment); a row with no
    event is a miss. With ``misses``, print the tuned part's misses."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_events", scorer)
    assert spec is not None and spec.loader is not None
    scoring = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scoring)
    gold = read_codes(codes)
    tally = {"tuned": [0, 0], "sealed": [0, 0]}
    for line in open(pred, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] not in gold:
            continue
        part, names = gold[r["id"]]
        ev = (r.get("events") or [None])[0]
        name = ev["actor1"]["name"] if ev and ev.get("actor1") else None
        hit = any(scoring.names_match(name, g) for g in names)
        tally[part][0] += hit
        tally[part][1] += 1
        if misses and not hit and part == "tuned":
            print(r["id"], "|", name, "|", " | ".join(names))
    return {part: (hit, n) for part, (hit, n) in tally.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "pred", help="PLOVER records (or, with --case, the CASE rows' records: written if absent)"
    )
    ap.add_argument("--corpus", default="../shared/corpora/plover")
    ap.add_argument("-v", action="store_true", help="print the tuned part's misses")
    ap.add_argument(
        "--case",
        type=Path,
        help="score CASE 2021 rows against these hand codes (scripts/case2021_actor1_codes.tsv) instead",
    )
    ap.add_argument("--case-corpus", type=Path, default=Path("../shared/corpora/case2021"))
    args = ap.parse_args()
    if args.case:
        if not Path(args.pred).exists():
            predict_case(args.case, args.case_corpus, Path(args.pred))
        scorer = args.case_corpus.parent.parent / "eval" / "score_events.py"
        for part, (hit, n) in score_case(Path(args.pred), args.case, scorer, args.v).items():
            print(f"CASE 2021 hand codes, {part}: actor1 {hit}/{n} = {hit / max(1, n):.3f}")
        return
    for part, (hit, n) in score(Path(args.pred), Path(args.corpus), args.v).items():
        print(f"{part}: actor1 {hit}/{n} = {hit / max(1, n):.3f}")
    for part, (hit, n) in score(Path(args.pred), Path(args.corpus), generic=True).items():
        print(f"{part}, ACLED's generic names too: actor1 {hit}/{n} = {hit / max(1, n):.3f}")


if __name__ == "__main__":
    main()
