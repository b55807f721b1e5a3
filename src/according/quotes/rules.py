"""From a cue token to its cue, source and content spans (dependency rules).

The extent of each role is read off the dependency tree with small tables
learned from the PolNeAR train split (``scripts/train_quotes.py``): for the
cue, which dependents of the cue word belong to the cue ("has said", "also
said", "according to", "called for"; not "in a statement"); for the
content, which dependents' subtrees form the attributed content (the clausal
complement, the object and its "of ..." phrase of "accused X of ...", ...);
for the source, which dependents of the subject's head belong to the source
as written (appositions yes, most ``acl`` clauses no). A table entry is used
when its training rate is at least 0.5 (a majority vote per dependency).

The content's own rules (its frame key, :func:`~according.quotes.content_rules.content_tokens`
and its fallbacks) are in :mod:`.content_rules`.

Everything here works on token indices of one :class:`~according.nlp.Parse`;
callers convert to character spans.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lang.quotes import EXPLETIVE_IT_VERBS, INVERTED_SOURCE_DEPS, REDUCED_PASSIVE_NOT, mention_class
from ..nlp import Parse

FUNC_DEPS = ("aux", "auxpass", "prep", "prt", "neg", "advmod", "mark", "agent", "punct")
SUBJ = ("nsubj", "nsubjpass", "csubj")
# Punctuation parting two subjects the parser gave one cue ("Anticipating blowback, McAuliffe
# remarked", "Frustration with police: Civil rights activists say"): the nearer is the speaker
SUBJECT_PARTS = (",", ":", ";", "\u2014", "\u2013", "--")
CLIMB = ("advcl", "xcomp", "conj", "pcomp", "ccomp", "acl")  # share the subject of the head verb


def is_according(t) -> bool:
    return t.text.lower() == "according"


def child_key(p: Parse, c: int, h: int) -> str:
    t = p.toks[c]
    lem = t.lemma.lower() if t.dep in FUNC_DEPS else ""
    return "%s|%s|%s" % (t.dep, lem, "L" if c < h else "R")


def has_clause(p: Parse, h: int) -> bool:
    """Whether the cue word has a clausal complement (then its object is an addressee)."""
    return any(p.toks[c].dep in ("ccomp", "xcomp") and c > h for c in p.children[h])


def rate(table: dict, key: str, default: float = 0.0, lemma: str | None = None) -> float:
    """Training rate of a child key: the cue lemma's own rate where train had enough
    cases, else the key's, else the key without the function word."""
    if lemma is not None and lemma + ">" + key in table:
        return table[lemma + ">" + key]
    if key in table:
        return table[key]
    pre = key[:2] if key[1:2] == ":" else ""
    dep, _, side = key[len(pre) :].split("|")
    return table.get("%s%s|*|%s" % (pre, dep, side), default)


def subtree_set(p: Parse, i: int) -> set[int]:
    out = set()
    stack = [i]
    kids = p.children
    while stack:
        j = stack.pop()
        out.add(j)
        stack.extend(kids[j])
    return out


def cue_tokens(p: Parse, h: int, table: dict, source: int | None = None) -> list[int]:
    """The cue word and the function words that belong to it, as one contiguous run; the
    source's head word (``source``) is never part of it ("..., argued Palvetzian": the parser
    may hang the inverted source on the verb as a complement)."""
    toks = p.toks
    inc = {h}
    if is_according(toks[h]):
        for c in p.children[h]:
            if toks[c].text.lower() == "to":
                inc.add(c)
    for c in p.children[h]:
        if c == source:
            continue
        if rate(table, child_key(p, c, h), lemma=toks[h].lemma.lower()) >= 0.5 and len(p.children[c]) <= 1:
            inc.add(c)
    # keep the run of included tokens around h (no gaps)
    lo = hi = h
    while lo - 1 in inc:
        lo -= 1
    while hi + 1 in inc:
        hi += 1
    # aux chains may be separated from the verb by an adverb ("has also said")
    for c in sorted(inc):
        if c < lo and all(j in inc or toks[j].dep == "advmod" for j in range(c, lo)):
            lo = c
    return list(range(lo, hi + 1))


def source_head(p: Parse, h: int, depth: int = 0) -> int | None:
    toks = p.toks
    kids = p.children[h]
    t = toks[h]
    if is_according(t):
        for c in kids:
            if toks[c].dep == "prep" or toks[c].text.lower() == "to":
                for g in p.children[c]:
                    if toks[g].dep in ("pobj", "pcomp"):
                        return g
        return None
    for c in kids:
        if toks[c].dep == "agent":  # passive: "was described by X"
            for g in p.children[c]:
                if toks[g].dep == "pobj":
                    return g
    for c in kids:
        if toks[c].dep in SUBJ and toks[c].pos not in ("PUNCT",):
            return c
    if t.pos == "VERB" and (
        t.dep in ("ccomp", "parataxis")
        or any(toks[c].dep == "ccomp" and c < h for c in kids)
        or _quoted_before(p, h)
    ):
        # inverted attribution after the content: "..., said a former spokesman"
        for c in kids:
            if c > h and toks[c].dep in INVERTED_SOURCE_DEPS and toks[c].pos in ("NOUN", "PROPN", "PRON"):
                return c
    if t.pos == "VERB" and any(toks[c].dep == "ccomp" and c < h for c in kids):
        # "“...,” said a former official briefed on the talks": the parser makes the
        # reduced relative a clause of "said"; its subject is the source
        for c in kids:
            if (
                c > h
                and toks[c].dep == "ccomp"
                and any(toks[g].dep == "nsubj" and g < c for g in p.children[c])
            ):
                return c
    if t.pos == "NOUN":
        for c in kids:
            if toks[c].dep == "poss":
                return c
        return None
    if depth < 3 and t.head != h:
        if t.dep in CLIMB and t.dep != "ccomp":
            return source_head(p, t.head, depth + 1)
        if t.dep == "relcl" and toks[t.head].pos in ("NOUN", "PROPN", "PRON"):
            return t.head
    return None


def agent(p: Parse, h: int) -> int | None:
    """The noun of a passive cue's by-phrase ("was rejected by 64 percent of the electorate",
    "were claimed by the so-called Islamic State"), if it has one: the source even where the
    subject is the content."""
    toks = p.toks
    passive = any(toks[c].dep in ("auxpass", "nsubjpass") for c in p.children[h])
    for c in p.children[h]:
        if toks[c].dep == "agent" or (passive and toks[c].dep == "prep" and toks[c].text.lower() == "by"):
            for g in p.children[c]:
                if toks[g].dep == "pobj":
                    return g
    return None


def from_source(p: Parse, h: int) -> int | None:
    """Who a cue with no subject source comes from, by a "from" phrase on a noun: the cue's own
    ("criticism from rivals", "the answer from Mr. VandeHei") or its object's ("has drawn harsh
    criticism from fellow GOP hopefuls", "received support from members of Congress"). A "from"
    phrase on the verb is a place or origin ("was fired from the network", "posted from an
    account"): not used. PolNeAR train, gold cues with such a phrase and no source found
    otherwise: the gold source is its noun 49 times, something else 7, none 4."""
    toks = p.toks
    hosts = [h] if toks[h].pos == "NOUN" else [c for c in p.children[h] if toks[c].dep == "dobj"]
    for n in hosts:
        if toks[n].pos != "NOUN":
            continue
        for c in p.children[n]:
            if c > n and toks[c].dep == "prep" and toks[c].text.lower() == "from":
                for g in p.children[c]:
                    if toks[g].dep == "pobj":
                        return g
    return None


def speaker_head(
    p: Parse, h: int, passive_source: dict, quoted: Callable[[int], bool] | None = None
) -> int | None:
    """The head word of the source of cue h as PolNeAR writes it: :func:`source_head`
    (which the cue model's features read) corrected where train shows it wrong.

    - a passive cue's subject (or, for a reduced passive, "when asked about", the subject
      it would climb to) is whom something was said to or of, not who said it
      ("voters were asked", "who has been asked to", "it is said"): no source unless the
      cue lemma's learned rate says otherwise (``passive_source``: the share of train's
      agentless passive cues of that lemma whose gold source holds the subject; 70 of
      497 over all lemmas);
    - an expletive "it" is no source ("it was revealed that", "it became clear that");
    - a clausal subject is no speaker when there is a nominal one ("Anticipating
      blowback, McAuliffe remarked");
    - an inverted source ("..., said a former spokesman") is never quoted words
      ("supports “appropriate pay raises,” opposes “across-the-board freezes”");
    - a present participle on a noun speaks for it ("the share of Republicans saying",
      "the super PAC supporting Jeb Bush"; 159 of 261 such gold cues with a source on
      train have the noun in it), unless the noun is a document or finding ("a
      statement saying": who issued it is named elsewhere);
    - a cue under a preposition shares the subject of the verb the preposition hangs on
      ("deflected questions before saying", "dismissed the charges by pointing out");
    - quoted words are not who said them ("“Meh,” wrote a Trump supporter", "“Safety,” said
      Grimm", parsed with the quoted word as subject): with ``quoted`` (whether a token lies
      inside a quotation) a source inside one, for a cue outside, gives way to the noun
      written after the cue."""
    toks = p.toks
    t = toks[h]
    if (
        t.dep == "advcl"
        and (t.tag == "VBN" or (t.tag == "VBD" and h == p.sents[t.sent].start))
        and not any(toks[c].dep in REDUCED_PASSIVE_NOT for c in p.children[h])
        and passive_source.get(t.lemma.lower(), passive_source.get("*", 1.0)) < 0.5
    ):
        # a reduced passive ("..., she told MSNBC when asked about it", "pressed about"):
        # whoever was asked did not say the asking (62 of 70 such train cues have no source)
        return None
    sh = source_head(p, h)
    if sh is None:
        if t.dep == "acl" and t.tag == "VBG" and t.head != h:
            hd = toks[t.head]
            if hd.pos in ("NOUN", "PROPN", "PRON") and mention_class(hd.lemma, hd.pos, hd.ent_type) not in (
                "doc",
                "find",
                "num",
            ):
                return t.head
        if t.dep == "pcomp" and t.head != h:
            prep = toks[t.head]
            if prep.dep == "prep" and prep.head != t.head and toks[prep.head].pos in ("VERB", "AUX"):
                return source_head(p, prep.head, 1)
        return _fronted_subject(p, h)
    sh = _nearer_subject(p, h, sh)
    outer = _outer_speaker(p, h, sh)
    if outer is not None:
        return outer
    if _climbed_to_no_speaker(p, h, sh):
        return None
    if quoted is not None and sh < h and quoted(sh) and not quoted(h):
        # "“Judge,” Brafman said, “...”": the parser gave the cue two subjects, the quoted
        # word and the speaker; the unquoted one is the source
        second = next(
            (c for c in p.children[h] if sh < c < h and toks[c].dep in SUBJ and not quoted(c)),
            None,
        )
        if second is not None:
            return second
        # "“...,” Flynn, a top Trump surrogate, said Thursday morning": the words between the
        # quotation and the cue name the speaker, whatever the parser hung them on
        j = h - 1
        while j > sh and not quoted(j) and toks[j].sent == t.sent:
            j -= 1
        gap = set(range(j + 1, h))
        named = [
            k for k in sorted(gap) if toks[k].head not in gap and toks[k].pos in ("NOUN", "PROPN", "PRON")
        ]
        if named and quoted(j):
            return named[0]
        return next(
            (
                c
                for c in p.children[h]
                if c > h
                and toks[c].dep in SUBJ + INVERTED_SOURCE_DEPS
                and toks[c].pos in ("NOUN", "PROPN")
                and toks[c].ent_type not in ("DATE", "TIME")
            ),
            None,
        )
    s = toks[sh]
    if s.head == h and s.text.lower() == "it" and _expletive(p, h):
        return None
    if s.head == h and s.dep == "nsubjpass" and not _contracted_has(p, h):
        lem = t.lemma.lower()
        if passive_source.get(lem, passive_source.get("*", 1.0)) < 0.5:
            return None
    if s.head == h and s.dep == "csubj":
        nominal = next((c for c in p.children[h] if toks[c].dep in ("nsubj", "nsubjpass")), None)
        if nominal is not None:
            return nominal
    if (
        sh > h
        and s.dep in INVERTED_SOURCE_DEPS
        and not is_according(t)
        and any(is_mark_text(toks[j].text) for j in range(h + 1, sh + 1))
    ):
        return None
    return sh


def _fronted_subject(p: Parse, h: int) -> int | None:
    """ "During Mr. Clinton's 1992 campaign, Betsey Wright, a close aide, coined ...", "At a June
    event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against ...": after a
    fronted phrase ending in a name, the parser makes the subject an apposition of that name and
    leaves the finite main verb with no subject. The noun phrase ending right before the verb
    (past adverbs) is then its subject if it is such an apposition. PolNeAR train: 8 gold cues,
    the gold source each time."""
    toks = p.toks
    t = toks[h]
    if t.tag not in ("VBD", "VBZ", "VBP") or t.dep != "ROOT":
        return None
    if any(toks[c].dep in SUBJ + ("expl",) for c in p.children[h]):
        return None
    j = h - 1
    while j >= 0 and toks[j].head == h and toks[j].dep in ("advmod", "aux", "neg"):
        j -= 1
    if j < 0:
        return None
    a = j
    while (
        toks[a].head != a
        and toks[a].dep != "appos"
        and toks[a].head < h
        and toks[toks[a].head].pos in ("NOUN", "PROPN")
    ):
        a = toks[a].head
    return a if toks[a].dep == "appos" and toks[a].pos in ("NOUN", "PROPN") else None


def _nearer_subject(p: Parse, h: int, sh: int) -> int:
    """ "Anticipating blowback, McAuliffe remarked", "a standard, which he argued helps ...",
    "Frustration with police: Civil rights activists say", "Washington (AFP) – Democrat Hillary
    Clinton has taken": the parser gave the cue a second subject nearer to it. The nearer one is
    the speaker when punctuation (:data:`SUBJECT_PARTS`) parts the two or the first is a relative
    pronoun. PolNeAR train, gold cues with two subjects before them: so parted, the gold source
    is the nearer 77 times and the first 14; otherwise the first 28 and the nearer 15: the first
    stays."""
    toks = p.toks
    if toks[sh].head != h or sh > h:
        return sh
    later = [c for c in p.children[h] if sh < c < h and toks[c].dep in SUBJ and toks[c].pos != "PUNCT"]
    if not later:
        return sh
    c = later[-1]
    if toks[sh].tag in ("WDT", "WP") or any(toks[j].text in SUBJECT_PARTS for j in range(sh, c)):
        return c
    return sh


def _climbed_to_no_speaker(p: Parse, h: int, sh: int) -> bool:
    """Whether the subject an open complement ("the best opportunity Trump will have *to
    convince*") shares with the verb it hangs on is a thing, finding, number or non-personal
    pronoun: no speaker. PolNeAR train, gold cues so climbing: the gold source is that subject 5
    times, something else or nothing 42. (Through a coordination or an adverbial clause, "It was
    a potent punch, as Mrs. Clinton echoed it, saying", 18 to 43, but full attributions fell:
    train -.0004, dev tuned -.0009; not used.)"""
    s = p.toks[sh]
    if s.head == h or p.toks[h].dep != "xcomp":
        return False
    return mention_class(s.lemma, s.pos, s.ent_type) in ("thing", "noun", "doc", "find", "num")


def _outer_speaker(p: Parse, h: int, sh: int) -> int | None:
    """ "He said [his attacks have given him momentum] and *said* that ...", "Trump argued
    [that a database would keep people out], *saying* ...": the parser hangs a second cue
    (a coordinated verb, a participle) on the verb of the first cue's reported clause, so
    climbing to the nearest subject finds the subject of what was reported ("his attacks", "a
    database"). The speaker is the first cue's subject. PolNeAR train, gold cues so hung whose
    own verb has no subject: a coordinated cue's gold source is the outer subject 49 times and the
    inner 6; a participle's, 26 to 2 unless the inner subject is a name or a speaker noun ("Trump
    said Cruz lied, adding ...": inner 14 to outer 5). Returns the outer subject, or None."""
    toks = p.toks
    t = toks[h]
    if t.dep not in ("conj", "advcl") or subject(p, h) is not None:
        return None
    v = t.head
    if v == h or toks[v].dep != "ccomp" or subject(p, v) != sh:
        return None
    u = toks[v].head
    if u == v or toks[u].pos not in ("VERB", "AUX"):
        return None
    if t.dep == "advcl":
        s = toks[sh]
        if s.pos != "PRON" and mention_class(s.lemma, s.pos, s.ent_type) in ("per", "org", "spk"):
            return None
    return source_head(p, u, 1)


def _contracted_has(p: Parse, h: int) -> bool:
    """ "he's said", "who's called for": the parser reads the contracted "has" as a passive's "is".
    PolNeAR train, gold cues with a contracted "'s" as passive auxiliary: the subject is the gold
    source 14 times, the content 2, neither 3: such a cue keeps its subject as the source."""
    return any(
        p.toks[c].dep == "auxpass" and p.toks[c].text.replace("\u2019", "'").lower() == "'s"
        for c in p.children[h]
    )


def _expletive(p: Parse, h: int) -> bool:
    """Whether a subject "it" of cue h stands for a clause, not for someone ("it was revealed
    that ...", "it became clear that ...", "it's unclear whether ..."; PolNeAR train: of the 91
    gold cues with such an "it" this takes the source from, 78 have none in gold and 5 have "it"):
    the cue is passive, an adjective, or a verb of being."""
    t = p.toks[h]
    return (
        t.pos == "ADJ"
        or t.lemma.lower() in EXPLETIVE_IT_VERBS
        or any(p.toks[c].dep == "auxpass" for c in p.children[h])
    )


def _quoted_before(p: Parse, h: int) -> bool:
    """“...,” tweeted another: a quotation closes right before the cue and the parser
    hung it on the cue as some other clause (advcl, parataxis, xcomp)."""
    toks = p.toks
    return (
        h >= 2
        and is_mark_text(toks[h - 1].text)
        and any(toks[c].dep in ("advcl", "parataxis", "xcomp") and c < h for c in p.children[h])
    )


def dominates(p: Parse, a: int, b: int) -> bool:
    """Whether token a is an ancestor of token b (or b itself)."""
    return p.is_ancestor(a, b)


def subject(p: Parse, h: int) -> int | None:
    for c in p.children[h]:
        if p.toks[c].dep in SUBJ:
            return c
    return None


def subject_key(p: Parse, h: int) -> tuple[str, str]:
    """Keys of the subject-is-content table: (lemma|voice, *|voice)."""
    passive = any(p.toks[c].dep in ("auxpass", "nsubjpass") for c in p.children[h])
    voice = "P" if passive else "A"
    return "%s|%s" % (p.toks[h].lemma.lower(), voice), "*|%s" % voice


def subject_is_content(p: Parse, h: int, table: dict) -> bool:
    """Raising and passive cues ("X seems to ...", "X was declared the winner"): PolNeAR
    puts the subject in the content and gives no source; learned per lemma and voice."""
    k1, k2 = subject_key(p, h)
    r = table.get(k1, table.get(k2, 0.0))
    return r >= 0.5


def source_tokens(p: Parse, s: int, table: dict, exclude: set[int]) -> list[int]:
    toks = p.toks
    out = {s}
    for c in p.children[s]:
        if c in exclude:
            continue
        if rate(table, "%s||%s" % (toks[c].dep, "L" if c < s else "R"), 1.0) >= 0.5:
            out |= subtree_set(p, c)
    out -= exclude
    idx = sorted(out)
    # the part around the head, contiguous
    lo = hi = idx.index(s)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    run = idx[lo : hi + 1]
    # a source never runs into a quotation (a relative clause quoting someone else)
    for k, j in enumerate(run):
        if (
            j > s
            and any(ch in toks[j].text for ch in '\u201c\u201d\u00ab\u00bb"')
            or toks[j].text in ("''", "``")
        ):
            run = run[:k]
            break
    while run and toks[run[0]].is_punct:
        run = run[1:]
    while run and toks[run[-1]].is_punct and toks[run[-1]].text not in (",",):
        run = run[:-1]
    while (
        run and toks[run[-1]].text == "," and not any(toks[j].dep in ("appos", "relcl", "acl") for j in run)
    ):
        run = run[:-1]
    return run


def is_mark_text(s: str) -> bool:
    return s in ("''", "``") or any(ch in s for ch in '\u201c\u201d\u00ab\u00bb"')


def runs(idx) -> list[tuple[int, int]]:
    """Sorted token indices -> [(first, last+1)] runs of consecutive tokens."""
    out: list[list[int]] = []
    for i in sorted(idx):
        if out and i == out[-1][1]:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return [(a, b) for a, b in out]
