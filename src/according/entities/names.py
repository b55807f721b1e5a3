"""Names in the text: finding them and telling which ones are the same entity.

Part of the ``entities`` stage (see :mod:`according.entities` for the method):

- :func:`_candidates`: spaCy's named entities, cleaned (a leading "the",
  possessives and titles cut, split names joined, furniture and credits
  skipped), plus surnames the tagger missed;
- :func:`_cluster` / :func:`_cluster_label`: union-find over candidates
  (same key, acronyms, legal forms, surname to full name) and the label a
  cluster takes;
- the small name helpers other stages reuse: :func:`norm_key`,
  :func:`initials`, :func:`compound_initials`, :func:`title_case_lines`,
  :func:`first_names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..lang.descriptions import LOCATIVE_PREPOSITIONS
from ..lang.organisations import ACRONYM_SKIP_WORDS, COMPANY_LAST_WORDS, LEGAL_FORMS, ORGANISATION_LAST_WORDS
from ..lang.speakers import PERSON_NOUNS
from ..lang.titles import GENDER_TITLES, TITLES  # noqa: F401 - also imported from here by entities/
from ..nlp import Parse
from ..pipeline import Work

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Last words that make a "person" the tagger found an organisation ("Velora Shipping").
ORG_LAST = ORGANISATION_LAST_WORDS
# Legal-form last words: a name ending in one is a company's.
CORPORATE = LEGAL_FORMS | COMPANY_LAST_WORDS
# Furniture kinds that are not article prose: names there are credits, bylines
# and mastheads, not participants of the story.
SKIP_FURNITURE = {"masthead", "timestamp", "credit", "read_time", "contributors", "related_link"}
ACRONYM_STOP = ACRONYM_SKIP_WORDS
POSSESSIVE = {"'s", "’s", "'", "’", "s"}
_CREDIT = re.compile(r"\([^()\n]*(?:/|Getty|Images|Reuters|AFP|Associated Press|Photo)[^()\n]*\)")


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


def norm_key(text: str) -> str:
    """Comparable form of a name: no dots, no leading "the", case-folded words."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = text.replace(".", "").replace("’", "'")
    return " ".join(text.casefold().split())


_WORD_GAP = re.compile(r"[\s\-]+")


@lru_cache(maxsize=4096)  # asked for every candidate name and again for each entity's name
def initials(text: str) -> str:
    words = [w for w in _WORD_GAP.split(text) if w and w.casefold() not in ACRONYM_STOP]
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
        return i + 1 < len(acr) and any(
            word[q] == acr[i + 1] and go(i + 2, w + 1) for q in range(3, len(word) - 2)
        )

    return len(acr) > len(words) and go(0, 0)


_LINE = re.compile(r"[^\n]+")
# a longer word, its first letter captured when it is a capital ("" when not): the words and their
# capitals counted at C speed (the same matches as without the group)
_LONG_WORD = re.compile(r"(?:([A-Z])|[a-z])[A-Za-z’'\-]{3,}")
_RUN_IN_HEAD = re.compile(r"((?:[A-Z][\w’'\-]*\s+){1,6}[A-Z][\w’'\-]*):\s")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most longer words capitalised.

    Asked of the same text by the entities stage and the quotes stage (quotes.referents): the
    answer for the last few texts is kept (:func:`_title_case_lines`)."""
    return list(_title_case_lines(text))


@lru_cache(maxsize=4)
def _title_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        capitals = _LONG_WORD.findall(line)  # per word: its capital, or ""
        if len(capitals) >= 4 and len(capitals) - capitals.count("") >= 0.8 * len(capitals):
            out.append((m.start(), m.end()))
            continue
        # A run-in head: "The Gap Goes On: It was under ..."
        head = _RUN_IN_HEAD.match(line)
        if head:
            out.append((m.start(), m.start() + len(head.group(1))))
    return tuple(out)


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
        if (
            e.label == "PERSON"
            and b - a == 1
            and toks[a].dep == "compound"
            and toks[toks[a].head].tag == "NNS"
        ):
            continue  # a demonym misread as a name ("Gazan cities")
        label = e.label
        if label == "PERSON" and (
            b - a >= 2
            and toks[b - 1].text.casefold().rstrip(".") in ORG_LAST
            or a > e.start
            or (a > 0 and toks[a - 1].text.casefold() == "the")
        ):
            label = "ORG"  # "Velora Shipping", "the Daily Beast": no person's name
        title_end = a
        # "Registrar of Voters Ellen Marsh" tagged ORG: a title followed by a
        # given name and a surname is that person, the title their description.
        if (
            label == "ORG"
            and b - a >= 3
            and toks[b - 2].text.casefold() in given
            and all(toks[j].text[:1].isupper() and toks[j].text.isalpha() for j in (b - 3, b - 2, b - 1))
            and toks[b - 1].text.casefold() not in ORG_LAST
        ):
            label, title_end = "PERSON", b - 2
        if label == "PERSON":
            while title_end < b - 1 and toks[title_end].text.casefold().rstrip(".") in TITLES:
                title_end += 1
        if out and label == "PERSON" and out[-1].label == "PERSON" and out[-1].b == a and toks[a - 1].ws:
            prev = out.pop()  # "Abdel Fatah" + "El-Sisi": one name split in two ents
            a, title_end = prev.a, prev.a
        cand = _Cand(title_end, b, label, "", "")
        cand.text = p.text[toks[cand.a].start : toks[b - 1].end]
        cand.key = norm_key(cand.text)
        if (
            label == "ORG"
            and b + 2 < len(toks)
            and toks[b].text == "("
            and toks[b + 2].text == ")"
            and toks[b + 1].text.isupper()
            and toks[b + 1].text.isalpha()
            and len(toks[b + 1].text) >= 2
        ):
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
    for t in map(toks.__getitem__, p.tokens_with("text", surnames)):
        # Any part of speech: the tagger reads some surnames as nouns ("Trump").
        if (
            t.i not in covered
            and t.pos in ("PROPN", "NOUN", "ADJ", "VERB")
            and not any(
                0 <= j < len(toks)
                and toks[j].pos == "PROPN"
                and toks[j].dep == "compound"
                and toks[j].head == t.i
                for j in (t.i - 1,)
            )
            and not any(s <= t.start and t.end <= e for s, e in skip)
        ):
            c = _Cand(t.i, t.i + 1, "PERSON", t.text, norm_key(t.text))
            out.append(c)
    out.sort(key=lambda c: c.a)
    return out


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
                    if (
                        len(words) >= 2
                        and all(w[0].isupper() for w in words)
                        and compound_initials(acr, words)
                    ):
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
    # Every mention of a one-word name is already one cluster (same key): it joins
    # one full name only, the one its first mention picks, or a shared surname
    # would merge two people ("Ahmed Mohamed" and his father "Mohamed El-Hassan
    # Mohamed", "Walt Whitman" and his brother "George Whitman").
    joined: set[str] = set()
    for k, c in enumerate(cands):
        # ORG too: the tagger often calls a lone surname an organisation.
        if " " in c.key or c.label not in ("PERSON", "ORG") or c.key in joined:
            continue
        best, best_d = None, None
        for j, words in by_edge.get(c.key, ()):
            lab = cands[j].label
            fits = (
                lab == "PERSON" and (words[-1] == c.key or (words[0] == c.key and c.label == "PERSON"))
            ) or (lab in ("FAC", "ORG") and words[0] == c.key and c.label == "PERSON")
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
            joined.add(c.key)
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
    if (
        "PERSON" in votes
        and any(" " not in c.key for c in members)
        and not any(c.label == "PERSON" and " " in c.key for c in members)
    ):
        for lab in ("GPE", "LOC", "FAC", "ORG"):
            if lab in votes:
                return lab
    return max(votes.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]


def place_by_syntax(p: Parse, members: list[_Cand]) -> bool:
    """A one-word "person" the article uses as a place: a town the tagger took for a person
    ("Wildfire destroyed most of Lytton ... residents in Lytton", "Merritt resident Dave Lee").
    Every mention is one word with no title, honorific or apposition, none is a clause's
    active subject, and at least one sits where places sit: the object of a locative
    preposition (``LOCATIVE_PREPOSITIONS``) or the modifier of a role noun that precedes a
    person's name ("Lytton Mayor Jan Polderman"). A surname is none of these (issue 8: a town
    taken for a speaker; surnames are given names too often for a name list to decide)."""
    if any(
        " " in c.key or c.title or c.appos or c.gender or c.b - c.a != 1 or c.text.isupper() for c in members
    ):
        return False  # (an acronym, "NASCAR", is a body's name, not a town's)
    placed = False
    for c in members:
        t = p.toks[c.a]
        if t.dep == "nsubj":
            return False
        head = p.toks[t.head]
        if t.dep == "pobj" and head.text.casefold() in LOCATIVE_PREPOSITIONS:
            placed = True
        elif (
            t.dep in ("compound", "nmod", "npadvmod")
            and t.head == c.a + 1
            and head.lemma.casefold() in PERSON_NOUNS
            and head.head > t.head
            and p.toks[head.head].pos == "PROPN"
        ):
            placed = True
    return placed


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w\-]+", text.casefold().replace("’", "'")) if w]


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
