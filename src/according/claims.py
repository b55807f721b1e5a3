"""Who claims a number or an event: the speaker of the quote that holds it, else an attribution in the
same clause ("..., Israel says", "according to the Gaza Health Ministry"), else nobody (the outlet).
Used by the figures and events stages."""

from __future__ import annotations

from .lang.quotes import CLAIM_VERBS
from .model import Speaker
from .pipeline import Work

SAY = CLAIM_VERBS  # verbs that attribute a figure or an event (word data in lang.quotes)


def _speaker_for_np(work: Work, a: int, b: int, head: int | None = None) -> Speaker:
    p = work.parse
    toks = p.toks
    if head is not None:  # the noun phrase proper, without appositions and relative clauses
        b = min([b] + [j for j in range(head + 1, b) if toks[j].dep in ("punct", "relcl", "appos", "acl")])
    while a < b and toks[a].dep in ("det", "punct") and toks[a].text.lower() in ("the", "a", "an", ",", "'"):
        a += 1
    start, end = p.char_span(a, b)
    text = work.text[start:end]
    hs, he = (toks[head].start, toks[head].end) if head is not None else (start, end)
    for e in work.entities:
        for m in e.mentions:
            if m.start < he and hs < m.end:
                typ = {"PERSON": "person", "NORP": "group"}.get(e.type, "organization")
                return Speaker(entity=e.id, name=e.name, type=typ, description=e.description)
    ents = [toks[k].ent_type for k in range(a, b) if toks[k].ent_type]
    if "PERSON" in ents:
        typ = "person"
    elif any(x in ("ORG", "GPE") for x in ents):
        typ = "organization"
    elif "NORP" in ents:
        typ = "group"
    elif any(toks[k].pos == "PRON" for k in range(a, b)):
        return Speaker(name=text, type="unknown")
    else:
        return Speaker(name=text, type="anonymous", description=text)
    return Speaker(name=text, type=typ)


def attribution_cues(work: Work, s) -> list[tuple[int, int, int, int]]:
    """Attributions inside a sentence: (cue token, source NP start, end, head) for "according to X"
    and "X said/says/reported" (used when no quote covers a figure or event)."""
    p = work.parse
    toks = p.toks
    out = []
    for k in range(s.start, s.end):
        t = toks[k]
        if t.text.lower() == "according" and k + 1 < s.end and toks[k + 1].text.lower() == "to":
            for d in p.children[k + 1]:
                if toks[d].dep == "pobj":
                    a, b = p.subtree(d)
                    out.append((k, a, b, d))
        elif (
            t.pos == "VERB"
            and t.lemma.lower() in SAY
            and (t.dep == "parataxis" or any(toks[d].dep == "ccomp" for d in p.children[k]))
        ):
            # a reporting verb with a reported clause ("X said (that) ...", "..., X says"), not
            # "added to pressure" or "put the toll at"
            for d in p.children[k]:
                if toks[d].dep == "nsubj":
                    a, b = p.subtree(d)
                    out.append((k, a, b, d))
    return out


QUOTE_MARKS = '"“”'


def _speaker_claims(work: Work, q, start: int, end: int) -> bool:
    """Is [start, end) inside a mixed quote the speaker's claim: within its quotation marks, or in a
    clause the cue verb reports ("said the toll 'could rise' to 40") rather than the outlet's own
    framing around a quoted word ("described the fear as 'palpable,' after strikes that killed 67")?"""
    text = work.text
    for c in q.content:
        marks = [c.start + i for i, ch in enumerate(text[c.start : c.end]) if ch in QUOTE_MARKS]
        for x, y in zip(marks[::2], marks[1::2]):
            if x <= start and end <= y + 1:
                return True
    if q.cue is None:
        return True
    p = work.parse
    cue, k = p.token_at(q.cue.start), p.token_at(start)
    if cue is None or k is None:
        return True
    seen = set()
    while k not in seen and k != cue:
        seen.add(k)
        t = p.toks[k]
        if t.head == cue:
            return t.dep in ("ccomp", "xcomp", "parataxis", "conj")
        if t.head == k:
            return True  # the cue is not above the figure: the parse gives no evidence against
        k = t.head
    return True


def _nested_away(p, k: int, at: int) -> bool:
    """Is cue k inside a relative or adverbial clause that does not hold character ``at``?
    ("A ceasefire held, after shelling that aid groups say has left the city without power": the aid
    groups vouch for the damage, not for the ceasefire)"""
    seen, x = set(), k
    while x not in seen:
        seen.add(x)
        t = p.toks[x]
        if t.dep in ("relcl", "acl", "advcl", "pcomp") and x != k or (x == k and t.dep in ("relcl", "acl")):
            a, b = p.subtree(x)
            return not (p.toks[a].start <= at < p.toks[b - 1].end)
        if t.head == x:
            return False
        x = t.head
    return False


def source_at(work: Work, s, start: int, end: int, cues=None) -> tuple[Speaker | None, str | None]:
    """Who claims what lies at [start, end) of sentence s: a quote's speaker, else an attribution in
    the same ';'-clause (the nearest following one, else the nearest preceding), else None."""
    p = work.parse
    toks = p.toks
    work.scratch["_last_cue"] = None
    # clause boundaries: semicolons split a sentence into separately attributed claims
    bounds = [s.start_char] + [t.start for t in toks[s.start : s.end] if t.text == ";"] + [s.end_char]
    seg = next(((x, y) for x, y in zip(bounds, bounds[1:]) if x <= start < y), (s.start_char, s.end_char))
    held = None
    for q in work.quotes:
        if q.category == "belief":
            continue  # a state of mind ("are attempting", "fear") is not a claim about a number
        if any(c.start <= start and end <= c.end for c in q.content):
            held = q
            break
    if held is not None and held.kind == "mixed" and not _speaker_claims(work, held, start, end):
        held = None  # "described the fear as 'palpable,' following strikes that killed 67": the outlet's
    if held is not None and (held.cue is None or seg[0] <= held.cue.start < seg[1] or held.kind == "direct"):
        if held.cue is not None:
            work.scratch["_last_cue"] = p.token_at(held.cue.start)
        return held.speaker, held.id
    cues = attribution_cues(work, s) if cues is None else cues
    if not cues:
        return (held.speaker, held.id) if held is not None else (None, None)
    inside = [
        (k, a, b, h)
        for k, a, b, h in cues
        if seg[0] <= toks[k].start < seg[1]
        and not (toks[a].start <= start < toks[b - 1].end)
        and not (toks[k].text.lower() != "according" and _nested_away(p, k, start))
    ]
    # (a closing "according to X" covers its whole clause however the parser hung it)
    # a reporting verb that governs the claim wins ("Officials warned that the two sides ...")
    here = p.token_at(start)
    ancestors = set()
    while here is not None and here not in ancestors:
        ancestors.add(here)
        here = toks[here].head if toks[here].head != here else None
    governing = [c for c in inside if c[0] in ancestors and toks[c[0]].text.lower() != "according"]
    if governing:
        pick = max(
            governing, key=lambda c: toks[c[0]].start if toks[c[0]].start < start else -toks[c[0]].start
        )
        work.scratch["_last_cue"] = pick[0]
        return _speaker_for_np(work, pick[1], pick[2], pick[3]), None
    after = [c for c in inside if toks[c[0]].start >= end]
    before = [c for c in inside if toks[c[0]].start < start]
    pick = (
        min(after, key=lambda c: toks[c[0]].start)
        if after
        else (max(before, key=lambda c: toks[c[0]].start) if before else None)
    )
    if pick is None:
        return (held.speaker, held.id) if held is not None else (None, None)
    work.scratch["_last_cue"] = pick[0]
    return _speaker_for_np(work, pick[1], pick[2], pick[3]), None
