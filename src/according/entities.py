"""In-article entities: people, organisations, places and groups, each once.

Stage ``entities`` (requires the parse, assigns ``entities`` and ``mentions``).

Method, in one linear pass over spaCy's named entities plus a pass over noun
chunks:

1. *Candidates*: PERSON/ORG/GPE/LOC/FAC ents, and NORP ents used as nouns
   ("Palestinians", not the adjective in "Israeli hostages"). Ents inside
   page furniture that is not article prose (photo credits, masthead,
   timestamps, contributor lines) are skipped, as are ents inside a
   credit-shaped parenthesis ("(Name/AFP/Getty Images)") when the furniture
   detector has not marked it. Adjacent PERSON ents split by the tagger
   ("Abdel Fatah" + "El-Sisi") are joined; a leading "the", trailing
   possessives ("Hamas’s", "Hamas’") and leading titles ("Dr.", "President")
   are cut from the name.
2. *Clustering* (union-find): same normalised key ("U.S." = "US"); acronym =
   initials of a multi-word name ("IDF" = "Israel Defense Forces"); a one-word
   person name = a multi-word person name ending or starting with it
   ("Netanyahu" = "Benjamin Netanyahu", the nearest one when several).
3. *Descriptions*: the title words before a name inside its noun phrase
   ("Israeli Prime Minister" Benjamin Netanyahu) and appositives ("Hazem
   Bahloul, a doctor at the hospital"); an appositive number is an age.
4. *Definite descriptions*: "the prime minister", "the ministry", "the
   26-year-old", "the company" are linked to the most recent earlier entity
   whose description, name or class fits (see :func:`match_description`,
   reused by the speakers stage).

Internal hand-off: ``work.mentions`` is a tuple of :class:`Mention` (token and
character offsets, entity id, kind) sorted by position, and
``scratch["entity_info"]`` maps entity ids to plain dicts of what the
description matcher needs (label, name words, description words, age).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .model import Entity, Span
from .nlp import Parse
from .pipeline import Work, stage

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Last words that make a "person" the tagger found an organisation ("Velora Shipping").
ORG_LAST = {"shipping", "group", "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "bank",
            "airlines", "airways", "holdings", "partners", "foundation", "institute", "university",
            "company", "industries", "ministry", "agency", "council", "association", "network",
            "systems", "technologies", "motors", "energy", "media", "press", "news", "times", "post"}
# Legal-form last words: a name ending in one is a company's.
CORPORATE = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "holdings"}
# Furniture kinds that are not article prose: names there are credits, bylines
# and mastheads, not participants of the story.
SKIP_FURNITURE = {"masthead", "timestamp", "credit", "read_time", "contributors", "related_link"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "president", "prime", "minister", "sen",
    "senator", "rep", "gov", "governor", "gen", "general", "col", "lt", "sgt", "capt", "adm",
    "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "rev", "judge",
    "justice", "mayor", "ambassador", "chairman", "director", "commissioner", "sheikh", "rabbi",
    "vice", "former", "deputy", "lord", "lady", "speaker", "chief", "officer",
}
ACRONYM_STOP = {"of", "the", "for", "and", "&", "on", "in", "de", "to"}
POSSESSIVE = {"'s", "’s", "'", "’", "s"}
# Class nouns by which a definite description may refer back to an entity of
# a label even when its name does not contain the noun ("the company" for
# "Acme Corp."). Role nouns for people come from the entity's own descriptions.
# Place nouns ("the city", "the country") are left out: without a gazetteer the
# nearest place is as often a country as a city (the places stage geocodes).
CLASS_NOUNS = {
    "company": {"ORG"}, "firm": {"ORG"}, "group": {"ORG", "NORP"}, "organization": {"ORG"},
    "organisation": {"ORG"}, "agency": {"ORG"}, "body": {"ORG"}, "movement": {"ORG"},
    "militia": {"ORG"}, "party": {"ORG"}, "corporation": {"ORG"}, "startup": {"ORG"},
    "charity": {"ORG"}, "newspaper": {"ORG"}, "outlet": {"ORG"}, "network": {"ORG"},
    "man": {"PERSON"}, "woman": {"PERSON"},
}
# "the company" / "the firm" never stands for a public body or a union, however
# recent ("In a filing with the Securities and Exchange Commission ... the company said").
COMPANY_NOUNS = {"company", "firm", "corporation", "startup"}
NOT_COMPANY = {"department", "commission", "ministry", "agency", "authority", "council", "committee",
               "court", "government", "office", "bureau", "administration", "union", "party", "police",
               "parliament", "congress", "senate", "house", "assembly", "board", "service", "university",
               "school", "hospital", "library", "army", "forces", "state", "county", "city"}
# Heads that refer to a named body through another word of its name ("the
# Israeli military" for the Israel Defense Forces).
NAME_SYNONYMS = {"military": {"forces", "army", "military", "defense", "defence"},
                 "army": {"forces", "army", "military", "defense", "defence"},
                 "ministry": {"ministry", "department"}, "police": {"police", "policing"},
                 "agency": {"agency", "administration", "bureau", "service", "office"}}
# Definite NPs never linked: generic or temporal nouns.
NON_REFERRING = {"time", "day", "year", "week", "month", "way", "world", "end", "past", "war",
                 "number", "situation", "talks", "fighting", "area", "region", "truce", "deal"}
_AGE = re.compile(r"^(\d{1,3})-year-old$")
_CREDIT = re.compile(r"\([^()\n]*(?:/|Getty|Images|Reuters|AFP|Associated Press|Photo)[^()\n]*\)")


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved mention of an entity (internal; the record keeps only spans)."""

    start: int  # character offsets
    end: int
    text: str
    tok_start: int  # token offsets, end exclusive
    tok_end: int
    entity: str
    kind: str  # name | alias | description | pronoun | source

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass
class _Cand:
    a: int  # token start (after trimming)
    b: int  # token end
    label: str
    text: str
    key: str
    title: tuple[int, int] | None = None  # token span of a pre-name title
    appos: tuple[int, int] | None = None  # token span of an appositive
    age: int | None = None
    gender: str | None = None  # "m"/"f" from an honorific (Mr., Mrs., Ms.)
    shaky: bool = False  # found in a Title Case line (a headline), where the tagger guesses
    defines: str = ""  # key of an acronym defined in brackets right after the name ("... (ANEPC)")


GENDER_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f",
                 "lord": "m", "king": "m", "queen": "f", "prince": "m", "princess": "f"}


# Role nouns that carry a gender ("a mother of three", "the spokeswoman").
GENDERED_NOUNS = {
    "woman": "f", "mother": "f", "daughter": "f", "wife": "f", "sister": "f", "girl": "f",
    "grandmother": "f", "aunt": "f", "niece": "f", "widow": "f", "actress": "f", "lady": "f",
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f",
    "policewoman": "f", "queen": "f", "princess": "f", "girlfriend": "f", "stepmother": "f",
    "man": "m", "father": "m", "son": "m", "husband": "m", "brother": "m", "boy": "m",
    "grandfather": "m", "uncle": "m", "nephew": "m", "widower": "m", "actor": "m",
    "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m", "policeman": "m",
    "king": "m", "prince": "m", "boyfriend": "m", "stepfather": "m", "gentleman": "m",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx"}


def norm_key(text: str) -> str:
    """Comparable form of a name: no dots, no leading "the", case-folded words."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = text.replace(".", "").replace("’", "'")
    return " ".join(text.casefold().split())


def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.casefold() not in ACRONYM_STOP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).casefold()


def compound_initials(acr: str, words: list[str]) -> bool:
    """Whether ``acr`` (casefolded) is the words' initials where each word may
    add one more letter from inside it, at least three letters in (the start of
    a compound's second part: "Steel|workers")."""
    words = [w.casefold() for w in words]

    def go(i: int, w: int) -> bool:
        if w == len(words):
            return i == len(acr)
        word = words[w]
        if i >= len(acr) or acr[i] != word[0]:
            return False
        if go(i + 1, w + 1):
            return True
        return i + 1 < len(acr) and any(word[q] == acr[i + 1] and go(i + 2, w + 1)
                                         for q in range(3, len(word) - 2))
    return len(acr) > len(words) and go(0, 0)


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most longer words capitalised."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z’'\-]{3,}", m.group())]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            out.append((m.start(), m.end()))
            continue
        # A run-in head: "The Gap Goes On: It was under ..."
        head = re.match(r"((?:[A-Z][\w’'\-]*\s+){1,6}[A-Z][\w’'\-]*):\s", m.group())
        if head:
            out.append((m.start(), m.start() + len(head.group(1))))
    return out


def _credit_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


def _candidates(work: Work) -> list[_Cand]:
    p = work.parse
    toks = p.toks
    skip = [(f.start, f.end) for f in work.furniture if f.kind in SKIP_FURNITURE]
    skip += _credit_spans(p.text)
    shaky_lines = title_case_lines(p.text)
    given = first_names()
    out: list[_Cand] = []
    for e in p.ents:
        if e.label not in LABELS:
            continue
        if any(s <= e.start_char and e.end_char <= t for s, t in skip):
            continue
        a, b = e.start, e.end
        while a < b and toks[a].text.casefold() == "the":
            a += 1
        while b > a and (toks[b - 1].text in POSSESSIVE or toks[b - 1].is_punct):
            b -= 1
        if a >= b:
            continue
        if e.label == "NORP":
            t = toks[b - 1]
            # A group only when used as a noun ("Palestinians"), not as an adjective.
            if t.tag not in ("NNPS", "NNS") and t.dep in ("amod", "compound", "npadvmod"):
                continue
            if b < len(toks) and toks[b].text in ("-", "–"):
                continue
        if any(toks[i].pos in ("VERB", "AUX") for i in range(a, b)):
            continue  # a sentence tagged as a name (a masthead slogan)
        if e.label == "PERSON" and b - a == 1 and toks[a].dep == "compound" \
                and toks[toks[a].head].tag == "NNS":
            continue  # a demonym misread as a name ("Gazan cities")
        label = e.label
        if label == "PERSON" and (b - a >= 2 and toks[b - 1].text.casefold().rstrip(".") in ORG_LAST
                                  or a > e.start or (a > 0 and toks[a - 1].text.casefold() == "the")):
            label = "ORG"  # "Velora Shipping", "the Daily Beast": no person's name
        title_end = a
        # "Registrar of Voters Ellen Marsh" tagged ORG: a title followed by a
        # given name and a surname is that person, the title their description.
        if label == "ORG" and b - a >= 3 and toks[b - 2].text.casefold() in given \
                and all(toks[j].text[:1].isupper() and toks[j].text.isalpha() for j in (b - 3, b - 2, b - 1)) \
                and toks[b - 1].text.casefold() not in ORG_LAST:
            label, title_end = "PERSON", b - 2
        if label == "PERSON":
            while title_end < b - 1 and toks[title_end].text.casefold().rstrip(".") in TITLES:
                title_end += 1
        if out and label == "PERSON" and out[-1].label == "PERSON" and out[-1].b == a \
                and toks[a - 1].ws:
            prev = out.pop()  # "Abdel Fatah" + "El-Sisi": one name split in two ents
            a, title_end = prev.a, prev.a
        cand = _Cand(title_end, b, label, "", "")
        cand.text = p.text[toks[cand.a].start:toks[b - 1].end]
        cand.key = norm_key(cand.text)
        if label == "ORG" and b + 2 < len(toks) and toks[b].text == "(" and toks[b + 2].text == ")" \
                and toks[b + 1].text.isupper() and toks[b + 1].text.isalpha() and len(toks[b + 1].text) >= 2:
            cand.defines = norm_key(toks[b + 1].text)
        if label == "PERSON" and title_end > a:
            cand.title = (a, title_end)
        cand.shaky = any(s <= e.start_char < t for s, t in shaky_lines)
        if label == "PERSON":
            for j in (a - 1, a, title_end - 1):
                if 0 <= j < len(toks) and toks[j].text.casefold().rstrip(".") in GENDER_TITLES:
                    cand.gender = GENDER_TITLES[toks[j].text.casefold().rstrip(".")]
        out.append(cand)
    # Surnames the tagger missed or mislabelled: a lone capitalised word equal to
    # the last word of a full personal name in the article ("Lindqvist said").
    surnames = {toks[c.b - 1].text for c in out if c.label == "PERSON" and c.b - c.a >= 2}
    covered = {i for c in out for i in range(c.a, c.b)}
    for t in toks:
        # Any part of speech: the tagger reads some surnames as nouns ("Trump").
        if t.text in surnames and t.i not in covered and t.pos in ("PROPN", "NOUN", "ADJ", "VERB") \
                and not any(0 <= j < len(toks) and toks[j].pos == "PROPN" and toks[j].dep == "compound"
                            and toks[j].head == t.i for j in (t.i - 1,)) \
                and not any(s <= t.start and t.end <= e for s, e in skip):
            c = _Cand(t.i, t.i + 1, "PERSON", t.text, norm_key(t.text))
            out.append(c)
    out.sort(key=lambda c: c.a)
    return out


def _head_of(p: Parse, a: int, b: int) -> int:
    for i in range(a, b):
        if not (a <= p.toks[i].head < b) or p.toks[i].head == i:
            return i
    return b - 1


def _describe(p: Parse, cand: _Cand, taken_people: set[int]) -> None:
    """Fill the title / appositive / age of a candidate from the dependency parse."""
    toks = p.toks
    head = _head_of(p, cand.a, cand.b)
    # Title words before the name inside its noun phrase: walk left while each
    # token attaches (directly or via its right neighbours) into the name.
    i = (cand.title[0] if cand.title else cand.a) - 1
    inside = set(range(i + 1, cand.b))
    while i >= 0 and toks[i].sent == toks[head].sent and i not in taken_people:
        t = toks[i]
        if t.dep in ("det", "punct", "poss", "case", "cc", "prep") or t.is_punct or t.pos in ("VERB", "AUX", "ADP"):
            break
        if t.head not in inside:
            break
        inside.add(i)
        i -= 1
    lo = i + 1
    if lo < cand.a and cand.label in ("PERSON",) and any(
            toks[j].pos in ("NOUN", "PROPN") for j in range(lo, cand.a)):
        cand.title = (lo, cand.a)
    if cand.title and all(toks[j].text.casefold().rstrip(".") in HONORIFICS
                          for j in range(*cand.title)):
        cand.title = None  # "Mr." is no description
    # Appositive: "Hazem Bahloul, a doctor at the hospital," (a child of the
    # name's head) or "the group's leader, John Smith," (the name is the appositive).
    for k in p.children[head]:
        if toks[k].dep == "appos" and k >= cand.b and k not in taken_people:
            lo2, hi2 = p.subtree(k)
            lo2 = max(lo2, cand.b)
            while lo2 < hi2 and toks[lo2].is_punct:
                lo2 += 1
            while hi2 > lo2 and toks[hi2 - 1].is_punct:
                hi2 -= 1
            if hi2 - lo2 == 1 and toks[lo2].like_num and toks[lo2].text.isdigit():
                cand.age = int(toks[lo2].text)
            elif hi2 > lo2 and hi2 - lo2 <= 25:
                cand.appos = (lo2, hi2)
            break


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _cluster(cands: list[_Cand]) -> list[int]:
    """Union-find over candidates; returns the root of each."""
    n = len(cands)
    parent = list(range(n))

    def union(x: int, y: int) -> None:
        rx, ry = _find(parent, x), _find(parent, y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_key: dict[str, int] = {}
    for k, c in enumerate(cands):
        if c.key in by_key:
            union(by_key[c.key], k)
        else:
            by_key[c.key] = k
    # "Harland Steel Corp." = "Harland Steel" = "Harland": a legal form adds
    # nothing to the name, and a company is called by its first word.
    first_word: dict[str, int] = {}
    for k, c in enumerate(cands):
        words = c.key.split()
        if len(words) >= 3 and words[-1] in CORPORATE and " ".join(words[:-1]) in by_key:
            union(by_key[" ".join(words[:-1])], k)
        if len(words) >= 2 and words[-1] in CORPORATE:
            first_word.setdefault(words[0], k)
    for k, c in enumerate(cands):
        if " " not in c.key and c.label in ("ORG", "GPE") and c.key in first_word:
            union(first_word[c.key], k)
    # Acronyms: "IDF" = "Israel Defense Forces", "US" = "United States".
    by_initials: dict[str, int] = {}
    for k, c in enumerate(cands):
        ini = initials(c.text)
        if ini and len(ini) >= 2:
            by_initials.setdefault(ini, k)
    for k, c in enumerate(cands):
        if c.defines:  # defined in brackets: wins over a name that merely has those initials
            by_initials[c.defines] = k
    loose: dict[str, int] = {}
    for k, c in enumerate(cands):
        if " " not in c.key and c.text.replace(".", "").isupper() and c.key in by_initials:
            union(by_initials[c.key], k)
        elif " " not in c.key and c.text.isupper() and c.text.isalpha() and len(c.text) >= 3:
            loose.setdefault(c.key, k)
    if loose:
        # "USW" = "United Steelworkers": a letter may start a later part of a
        # compound word. Only for acronyms no name has as plain initials.
        for k, c in enumerate(cands):
            if c.label == "ORG" and " " in c.key:
                words = [w for w in re.split(r"[\s\-]+", c.text) if w and w.casefold() not in ACRONYM_STOP]
                for acr, j in list(loose.items()):
                    if len(words) >= 2 and all(w[0].isupper() for w in words) and compound_initials(acr, words):
                        union(k, j)
                        del loose[acr]
    # One-word person names: the nearest multi-word person name ending (or
    # starting) with that word; a one-word PERSON that is a word of a facility
    # or organisation name ("Nasser" / "Nasser Hospital") joins that instead.
    given = first_names()
    # Indexed by edge word so that the pass stays linear in the number of names.
    by_edge: dict[str, list[tuple[int, list[str]]]] = {}
    by_last_words: dict[str, list[int]] = {}
    for k, c in enumerate(cands):
        if " " in c.key and not c.shaky:  # "Obama Speech" in a headline is no full name
            words = c.key.split()
            by_edge.setdefault(words[-1], []).append((k, words))
            if words[0] != words[-1]:
                by_edge.setdefault(words[0], []).append((k, words))
            if c.label == "ORG":
                for cut in range(1, len(words) - 1):
                    by_last_words.setdefault(" ".join(words[cut:]), []).append(k)
    for k, c in enumerate(cands):
        # ORG too: the tagger often calls a lone surname an organisation.
        if " " in c.key or c.label not in ("PERSON", "ORG"):
            continue
        best, best_d = None, None
        for j, words in by_edge.get(c.key, ()):
            lab = cands[j].label
            fits = (lab == "PERSON" and (words[-1] == c.key or (words[0] == c.key and c.label == "PERSON"))) or \
                   (lab in ("FAC", "ORG") and words[0] == c.key and c.label == "PERSON")
            # "Mrs. Clinton" is not "Bill Clinton": an honorific's gender must
            # not contradict the full name's (its own honorific or given name).
            other = cands[j].gender or (given.get(words[0]) if len(words) > 1 else None)
            if fits and c.gender and other and other != c.gender:
                fits = False
            if fits:
                # Prefer the person reading, then a full name introduced before the
                # surname (news introduces people by full name first: "Kowalski, 56,"
                # between "Dale Kowalski" and his son "Ryan Kowalski" is Dale), then the nearest.
                d = (0 if lab == "PERSON" else 1, 0 if cands[j].a < c.a else 1, abs(cands[j].a - c.a))
                if best_d is None or d < best_d:
                    best, best_d = j, d
        if best is not None:
            union(best, k)
    # Full names differing in middle names or initials ("William J. Burns" /
    # "William Burns"): same first and last word.
    by_ends: dict[tuple[str, str], int] = {}
    for k, c in enumerate(cands):
        words = c.key.split()
        if c.label == "PERSON" and len(words) >= 2 and not c.shaky:
            key2 = (words[0], words[-1])
            if key2 in by_ends:
                union(by_ends[key2], k)
            else:
                by_ends[key2] = k
    # Organisation names that end another one ("Health Ministry" / "Gaza Health Ministry").
    for k, c in enumerate(cands):
        if c.label == "ORG" and " " in c.key and by_last_words.get(c.key):
            union(by_last_words[c.key][0], k)
    return [_find(parent, k) for k in range(n)]


def _cluster_label(members: list[_Cand]) -> str:
    if any(c.label == "PERSON" and " " in c.key for c in members):
        return "PERSON"  # a full personal name outweighs a mislabelled surname
    if any(" " in c.key and c.key.split()[-1] in CORPORATE for c in members):
        return "ORG"  # "Harland Steel Corp.", however often "Harland" alone reads as a place
    votes: dict[str, int] = {}
    for c in members:
        votes[c.label] = votes.get(c.label, 0) + 1
    # A one-word name the tagger reads now as a person, now as a place, with no
    # full personal name behind it ("Rafah"), is a place: people are introduced
    # with a full name, places are not.
    if "PERSON" in votes and any(" " not in c.key for c in members) and \
            not any(c.label == "PERSON" and " " in c.key for c in members):
        for lab in ("GPE", "LOC", "FAC", "ORG"):
            if lab in votes:
                return lab
    return max(votes.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w\-]+", text.casefold().replace("’", "'")) if w]


# Abbreviated titles, so that "Sen. Lindsey Graham" is later "the senator".
ROLE_ABBREV = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
               "pres": "president", "sec": "secretary", "amb": "ambassador", "lt": "lieutenant",
               "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral",
               "dr": "doctor", "prof": "professor", "supt": "superintendent"}


def _role_heads(p: Parse, a: int, b: int) -> list[str]:
    """Nouns naming the role in a description: those before its first preposition."""
    out = []
    for i in range(a, b):
        t = p.toks[i]
        if t.pos == "ADP" or t.text in (",", "who", "which", "that"):
            break
        if t.pos in ("NOUN", "PROPN"):
            w = t.lemma.casefold().rstrip(".")
            out.append(ROLE_ABBREV.get(w, w))
    return out


def _text(p: Parse, a: int, b: int) -> str:
    return p.text[p.toks[a].start:p.toks[b - 1].end]


def definite_nps(p: Parse, taken: set[int]):
    """(start, end, head) of definite noun phrases ("the former official", also the
    possessor in "the prime minister’s office") not covered by a name."""
    toks = p.toks
    kids = p.children
    for h in toks:
        if h.i in taken or h.lemma.casefold() in NON_REFERRING:
            continue
        if h.pos not in ("NOUN", "PROPN") and not is_age_head(p, h.i):
            continue
        dets = [k for k in kids[h.i] if k < h.i and toks[k].dep == "det"
                and toks[k].text.casefold() in ("the", "this", "that")]
        if not dets:
            continue
        a = dets[0]
        if any(i in taken for i in range(a, h.i)):
            continue  # a phrase containing a name is that name's phrase
        yield a, h.i + 1, h.i


def is_age_head(p: Parse, i: int) -> bool:
    """"old" in "the 26-year-old" (the tagger's head of the phrase is the adjective)."""
    return p.toks[i].text.casefold() == "old" and i >= 3 and p.toks[i - 2].text.casefold() in ("year", "years")


def match_description(p: Parse, a: int, head: int, infos: dict[str, dict],
                      recent: list[str]) -> str | None:
    """The entity a definite description (tokens a..head) refers back to.

    ``recent`` lists entity ids from the most recently mentioned backwards. An
    entity fits when the description's head noun is one of its role nouns
    (from its descriptions: "doctor", "minister"), a word of its name ("the
    ministry" for "Gaza Health Ministry"), a class noun of its label ("the
    company"), or an age ("the 26-year-old"); every modifier of the
    description must also occur in the entity's words ("the former official"
    fits "a former Egyptian defense official", "the prime minister" fits
    "Israeli Prime Minister"). The most recent fitting entity wins.
    """
    toks = p.toks
    h = toks[head]
    lemma = h.lemma.casefold()
    m = _AGE.match(h.text.casefold()) or (head > a and _AGE.match(_text(p, a + 1, head + 1).casefold()))
    age = int(m.group(1)) if m else None
    mods = [(toks[i].text.casefold(), toks[i].pos == "PROPN", toks[i].dep == "amod")
            for i in range(a + 1, head) if toks[i].dep in ("amod", "compound", "nmod") and not toks[i].is_punct]
    # "the group for families of hostages": a restrictive complement makes a
    # new referent, not a class-noun reference back to a named one.
    restricted = any(toks[k].dep == "prep" and toks[k].text.casefold() in ("for", "of", "representing")
                     for k in p.children[head] if k > head)
    plural = h.tag in ("NNS", "NNPS")
    for eid in recent:
        info = infos.get(eid)
        if not info:
            continue
        if age is not None:
            if info.get("age") == age:
                return eid
            continue
        words = set(info["words"])
        in_name = info["label"] != "PERSON" and (
            lemma in info["name_words"] or bool(NAME_SYNONYMS.get(lemma, set()) & set(info["name_words"])))
        if lemma in info["roles"] or in_name or info["label"] in CLASS_NOUNS.get(lemma, ()):
            if plural != info.get("plural", False) and info["label"] == "PERSON":
                continue
            # A named person's description often lacks the place words a later
            # mention adds ("the South Carolina senator"): proper-noun
            # modifiers are then not required; for unnamed sources they are.
            # A class noun ("the militant group" for Hamas) carries descriptive
            # adjectives the name lacks: only proper-noun modifiers must fit.
            named = info["label"] == "PERSON" and not info.get("stype")
            by_class = info["label"] in CLASS_NOUNS.get(lemma, ()) and lemma not in info["roles"] \
                and lemma not in info["name_words"]
            if by_class and restricted:
                continue
            if by_class and lemma in COMPANY_NOUNS and NOT_COMPANY & set(info["name_words"]):
                continue
            if all(w in words or w.rstrip(".") in words or (proper and named) or (by_class and adj)
                   or any(len(x) >= 4 and w.startswith(x) for x in info["name_words"])  # Israeli ~ Israel
                   for w, proper, adj in mods):
                return eid
    return None


_GENDER_PRON = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _gender_votes(p: Parse, mentions: list[Mention], infos: dict[str, dict]) -> None:
    """Gender of people from the article itself: in a sentence that names exactly
    one person, as its subject, a later he/his or she/her most likely refers to
    that person ("Clinton said she ..."). A clear majority (two to one, at
    least two votes) sets ``gender`` where no honorific did."""
    people: dict[int, dict[str, int]] = {}
    for m in mentions:
        if infos[m.entity]["label"] == "PERSON":
            subj = any(p.toks[i].dep in ("nsubj", "nsubjpass") for i in range(m.tok_start, m.tok_end))
            people.setdefault(p.toks[m.tok_start].sent, {}).setdefault(m.entity, m.tok_start if subj else -1)
    votes: dict[str, list[int]] = {}
    for sent, who in people.items():
        if len(who) != 1:
            continue
        (eid, first), = who.items()
        if first < 0:
            continue
        s = p.sents[sent]
        for i in range(first + 1, s.end):
            g = _GENDER_PRON.get(p.toks[i].text.casefold())
            if g:
                v = votes.setdefault(eid, [0, 0])
                v[g == "f"] += 1
    for eid, (m, f) in votes.items():
        if infos[eid].get("gender"):
            continue
        if m >= 2 and m >= 2 * f:
            infos[eid]["gender"] = "m"
        elif f >= 2 and f >= 2 * m:
            infos[eid]["gender"] = "f"
    # Weakest evidence last: a common given name ("David", "Laura").
    names = first_names()
    for info in infos.values():
        if info["label"] == "PERSON" and not info.get("gender") and len(info["name_words"]) >= 2:
            info["gender"] = names.get(info["name_words"][0])


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given name -> "m"/"f" from the packaged list (data/entities/first_names.txt)."""
    out: dict[str, str] = {}
    try:
        text = (files("according") / "data" / "entities" / "first_names.txt").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):  # a broken install loses only this prior
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("m", "f") and not line.startswith("#"):
            out[parts[1]] = parts[0]
    return out


@stage("entities", requires=("parse",), assigns=("entities", "mentions"))
def find_entities(work: Work) -> dict:
    p = work.parse
    cands = _candidates(work)
    if not cands:
        return {"entities": (), "mentions": (), "scratch": {"entity_info": {}}}
    taken = {i for c in cands for i in range(c.a, c.b)}
    people = {i for c in cands if c.label == "PERSON" for i in range(c.a, c.b)}
    for c in cands:
        _describe(p, c, people)
    roots = _cluster(cands)
    groups: dict[int, list[int]] = {}
    for k, r in enumerate(roots):
        groups.setdefault(r, []).append(k)
    order = sorted(groups, key=lambda r: min(cands[k].a for k in groups[r]))
    ids = {r: f"e{n + 1}" for n, r in enumerate(order)}
    infos: dict[str, dict] = {}
    mentions: list[Mention] = []
    for r in order:
        members = [cands[k] for k in groups[r]]
        eid = ids[r]
        label = _cluster_label(members)
        name_c = max(members, key=lambda c: (not c.shaky, len(c.key.split()), len(c.text), -c.a))
        descs, roles, words, age = [], [], set(), None
        for c in members:
            for span in (c.appos, c.title):
                if span:
                    d = _text(p, *span)
                    if d not in descs:
                        descs.append(d)
                    roles += _role_heads(p, *span)
                    words.update(_words(d))
            age = age if age is not None else c.age
        for d in descs:
            m = _AGE.search(d.casefold())
            if m and age is None:
                age = int(m.group(1))
        name_words = _words(name_c.text)
        words.update(name_words)
        aliases = sorted({c.text for c in members if c.text != name_c.text})
        infos[eid] = {"name": name_c.text, "label": label, "descriptions": descs,
                      "roles": sorted(set(roles)), "words": sorted(words),
                      "name_words": name_words, "age": age, "aliases": aliases,
                      "acronym": next((c.text for c in members if c.key == initials(name_c.text)
                                       and " " not in c.key), None),
                      "plural": label == "NORP",
                      "shaky": all(c.shaky for c in members),
                      "title": next((_text(p, *c.title) for c in members if c.title), None),
                      "gender": next((c.gender for c in members if c.gender), None)
                      or next((GENDERED_NOUNS[r] for r in roles if r in GENDERED_NOUNS), None)}
        for c in members:
            kind = "name" if c.key == name_c.key else "alias"
            mentions.append(Mention(p.toks[c.a].start, p.toks[c.b - 1].end, c.text, c.a, c.b, eid, kind))
    _gender_votes(p, mentions, infos)
    # Definite descriptions referring back to an entity ("the prime minister").
    mentions.sort(key=lambda m: m.tok_start)
    desc_mentions = []
    pos = 0
    recent: list[str] = []
    for a, b, head in definite_nps(p, taken):
        while pos < len(mentions) and mentions[pos].tok_start < a:
            eid = mentions[pos].entity
            if eid in recent:
                recent.remove(eid)
            recent.insert(0, eid)
            pos += 1
        eid = match_description(p, a, head, infos, recent)
        if eid:
            desc_mentions.append(Mention(p.toks[a].start, p.toks[b - 1].end, _text(p, a, b),
                                         a, b, eid, "description"))
    mentions = sorted(mentions + desc_mentions, key=lambda m: (m.tok_start, m.tok_end))
    entities = []
    for r in order:
        eid = ids[r]
        info = infos[eid]
        spans = tuple(m.span for m in mentions if m.entity == eid)
        entities.append(Entity(eid, info["name"], info["label"],
                               info["descriptions"][0] if info["descriptions"] else None, spans))
    return {"entities": tuple(entities), "mentions": tuple(mentions),
            "scratch": {"entity_info": infos}}
