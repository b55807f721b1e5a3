"""Entities across articles: the same person or organisation in two articles is one source.

A *key* is a normalised name: case and accents folded, punctuation dropped,
titles stripped ("Israeli Prime Minister Benjamin Netanyahu" -> "benjamin
netanyahu"), a leading "the" dropped from organisations. Keys are prefixed with
a coarse type (person/organization/place/group/other), so a person and a place
of the same spelling stay apart.

Resolution of a name (:class:`SourceResolver`), in order:

1. the exact key is a known alias;
2. persons: the longest known key that is a token suffix of this one
   ("israeli benjamin netanyahu" -> "benjamin netanyahu");
3. persons given by surname only ("Netanyahu"): the one person with a full name
   of that surname (ambiguous surnames -- two full names -- are not guessed);
4. organisations written as an acronym ("IDF", "U.N."): the organisation whose
   full name has those initials ("Israel Defense Forces").

Order of arrival must not matter, so a new full name also absorbs sources made
earlier from its short forms: the surname-only person (when the surname is
unambiguous), longer keys ending in it, and the acronym-only organisation with
its initials. Absorbing re-points every quote, entity and figure row.

Unnamed (anonymous) speakers are not sources: "a diplomat in Cairo" in two
articles is not known to be one person. Likewise an entity whose "name" is a
description (lowercase words: "the process", "a diplomat briefed on the talks")
or a bare title ("Minister") is not made a source (is_proper).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Connection

from ..lang.organisations import INITIALS_SKIP_WORDS, LEGAL_FORMS
from ..lang.person_names import NAME_PARTICLES
from ..lang.titles import NAME_SUFFIXES, ROLE_WORDS
from ..lang.titles import TITLES as NAME_TITLES
from . import schema as s
from .db import clean

# Words that precede a person's name as a title or role; everything up to the
# last of them is stripped ("Hamas political leader Ismail Haniyeh").
TITLES = NAME_TITLES | ROLE_WORDS
MAX_KEY = 300  # keys are cut here: an index entry must stay small (a garbage "name" can be long)
SUFFIXES = NAME_SUFFIXES
ORG_STOP = INITIALS_SKIP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Case and accents folded: 'Élysée' -> 'elysee'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def coarse_type(entity_type: str | None) -> str:
    """Entity types (PERSON, ORG, ...) and speaker types (person, organization, ...) on one scale."""
    t = (entity_type or "").lower()
    if t in ("person", "per"):
        return "person"
    if t in ("org", "organization", "organisation"):
        return "organization"
    if t in ("gpe", "loc", "fac", "place"):
        return "place"
    if t in ("norp", "group"):
        return "group"
    return "other"


def _words(name: str) -> list[tuple[str, str]]:
    """(original, folded) word pairs; possessive 's dropped."""
    out = []
    for m in _WORD.finditer(name):
        orig = m.group(0)
        if orig.endswith(("'s", "’s")):
            orig = orig[:-2]
        f = fold(orig).replace("’", "'").replace("'", "").replace("-", " ").strip()
        if f:
            out.append((orig, f))
    return out


def person_words(name: str) -> list[tuple[str, str]]:
    words = _words(name)
    last_title = -1
    for i, (_, f) in enumerate(words[:-1]):  # the last word is the surname, never a title
        if f in TITLES or f.replace(" ", "-") in TITLES:
            last_title = i
    words = words[last_title + 1 :]
    while len(words) > 1 and words[-1][1] in SUFFIXES:
        words = words[:-1]
    return words


def is_proper(words: list[tuple[str, str]], ctype: str) -> bool:
    """A proper name, not a description ("a diplomat briefed on the talks", "the process"):
    persons: every word capitalised (name particles aside) and the last word not a title;
    other types: some word capitalised or an acronym."""
    if not words:
        return False
    caps = [o[:1].isupper() or o[:1].isdigit() for o, _ in words]
    if ctype == "person":
        return (
            words[-1][1] not in TITLES
            and all(c or f in NAME_PARTICLES for c, (_, f) in zip(caps, words))
            and any(caps)
        )
    return any(caps)


def is_acronym(name: str) -> bool:
    """'IDF', 'U.N.', 'UNRWA': 2-8 capitals (dots allowed), no lowercase."""
    compact = name.replace(".", "").replace(" ", "")
    return (
        2 <= len(compact) <= 8
        and compact.isalnum()
        and compact.upper() == compact
        and any(c.isalpha() for c in compact)
    )


CORPORATE = LEGAL_FORMS


def org_words(name: str) -> list[tuple[str, str]]:
    """Words of an organisation's name without a leading "the" or a trailing legal form
    ("Apple Inc." -> apple)."""
    words = _words(name)
    while len(words) > 1 and words[0][1] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1][1] in CORPORATE:
        words = words[:-1]
    return words


def initials(folded_words: list[str]) -> str | None:
    content = [w for w in folded_words if w not in ORG_STOP]
    if len(content) < 2:
        return None
    return "".join(w[0] for w in content)


def name_key(name: str, entity_type: str | None) -> str | None:
    """The normalised key of a name (without any store look-up)."""
    ctype = coarse_type(entity_type)
    if ctype == "person":
        words = person_words(name)
    elif ctype == "organization":
        if is_acronym(name.strip()):
            return "organization:" + fold(name).replace(".", "").replace(" ", "")
        words = org_words(name)
    else:
        words = _words(name)
    if not words:
        return None
    return f"{ctype}:" + " ".join(f for _, f in words)


def story_key(name: str, entity_type: str | None) -> str | None:
    """A coarse, store-independent key for story clustering: surname for persons,
    initials for multi-word organisations (so 'IDF' and 'Israel Defense Forces' agree)."""
    ctype = coarse_type(entity_type)
    if ctype == "person":
        words = person_words(name)
        return f"p:{words[-1][1]}" if words else None
    if ctype == "organization":
        if is_acronym(name.strip()):
            return "o:" + fold(name).replace(".", "").replace(" ", "")
        folded = [f for _, f in org_words(name)]
        if not folded:
            return None
        return "o:" + (initials(folded) or folded[0])
    if ctype == "place":
        words = _words(name)
        return "g:" + " ".join(f for _, f in words) if words else None
    return None


class SourceResolver:
    """Finds or creates the source of a name, inside the caller's transaction."""

    def __init__(self, conn: Connection, cache: dict[str, int] | None = None):
        self.conn = conn
        # key -> source id; may outlive the transaction (the caller clears it on rollback)
        self.cache: dict[str, int] = {} if cache is None else cache
        self.merged: dict[int, int] = {}  # absorbed source -> the one that absorbed it

    def final(self, sid: int | None) -> int | None:
        """The surviving source of ``sid`` (rows built before a merge still hold the old id)."""
        while sid in self.merged:
            sid = self.merged[sid]
        return sid

    # -- look-ups -------------------------------------------------------------------------------
    def _alias(self, key: str) -> int | None:
        key = key[:MAX_KEY]
        if key in self.cache:
            return self.cache[key]
        sid = self.conn.execute(
            select(s.source_aliases.c.source_id).where(s.source_aliases.c.key == key)
        ).scalar()
        if sid is not None:
            self.cache[key] = sid
        return sid

    def _add_alias(self, key: str, sid: int, name: str) -> None:
        key = key[:MAX_KEY]
        if self._alias(key) is None:
            self.conn.execute(s.source_aliases.insert().values(key=key, source_id=sid, name=clean(name)))
            self.cache[key] = sid

    def _create(self, key: str, name: str, ctype: str, surname=None, inits=None) -> int:
        key, name = clean(key)[:MAX_KEY], clean(name)
        sid = self.conn.execute(
            s.sources.insert().values(key=key, name=name, type=ctype, surname=surname, initials=inits)
        ).inserted_primary_key[0]  # type: ignore[index]
        self._add_alias(key, sid, name)
        return sid

    def resolve(self, name: str | None, entity_type: str | None) -> int | None:
        if not name or not name.strip():
            return None
        ctype = coarse_type(entity_type)
        if ctype == "other":
            return None
        if ctype == "person":
            return self._person(name)
        if ctype == "organization":
            return self._org(name)
        key = name_key(name, ctype)
        if key is None or not is_proper(_words(name), ctype):
            return None
        sid = self._alias(key)
        return sid if sid is not None else self._create(key, name.strip(), ctype)

    # -- persons --------------------------------------------------------------------------------
    def _person(self, name: str) -> int | None:
        words = person_words(name)
        if not is_proper(words, "person"):
            return None
        folded = [f for _, f in words]
        display = " ".join(o for o, _ in words)
        key = "person:" + " ".join(folded)
        sid = self._alias(key)
        if sid is not None:
            return sid
        if len(folded) >= 2:
            for i in range(1, len(folded) - 1):  # longest proper suffix of >= 2 words first
                sid = self._alias("person:" + " ".join(folded[i:]))
                if sid is not None:
                    self._add_alias(key, sid, display)
                    return sid
        else:
            full = (
                self.conn.execute(
                    select(s.sources.c.id)
                    .where(and_(s.sources.c.type == "person", s.sources.c.surname == folded[0]))
                    .limit(2)
                )
                .scalars()
                .all()
            )
            if len(full) == 1:
                self._add_alias(key, full[0], display)
                return full[0]
        surname = folded[-1] if len(folded) >= 2 else None
        sid = self._create(key, display, "person", surname=surname)
        if surname:
            self._absorb_person_forms(sid, folded)
        return sid

    def _absorb_person_forms(self, sid: int, folded: list[str]) -> None:
        joined = " ".join(folded)
        # Longer keys seen earlier that end with this full name ("israeli benjamin netanyahu").
        longer = (
            self.conn.execute(
                select(s.sources.c.id).where(
                    and_(
                        s.sources.c.type == "person",
                        s.sources.c.id != sid,
                        s.sources.c.key.like("person:% " + joined),
                    )
                )
            )
            .scalars()
            .all()
        )
        for old in longer:
            self.merge(old, sid)
        # The surname-only source, when this is the only full name with that surname.
        n_full = self.conn.execute(
            select(func.count())
            .select_from(s.sources)
            .where(and_(s.sources.c.type == "person", s.sources.c.surname == folded[-1]))
        ).scalar()
        if n_full == 1:
            old = self._alias("person:" + folded[-1])
            if old is not None and old != sid:
                self.merge(old, sid)

    # -- organisations --------------------------------------------------------------------------
    def _org(self, name: str) -> int | None:
        stripped = name.strip()
        if is_acronym(stripped):
            acr = fold(stripped).replace(".", "").replace(" ", "")
            key = "organization:" + acr
            sid = self._alias(key)
            if sid is None:
                sid = self._alias("initials:" + acr)
                if sid is not None:
                    self._add_alias(key, sid, stripped)
            return sid if sid is not None else self._create(key, stripped, "organization", inits=acr)
        words = org_words(name)
        if not is_proper(words, "organization"):
            return None
        folded = [f for _, f in words]
        display = " ".join(o for o, _ in words) if len(words) < len(_words(name)) else stripped
        key = "organization:" + " ".join(folded)
        sid = self._alias(key)
        if sid is not None:
            return sid
        inits = initials(folded)
        sid = self._create(key, display, "organization", inits=inits)
        if inits and len(inits) >= 2 and self._alias("initials:" + inits) is None:
            self._add_alias("initials:" + inits, sid, display)
            old = self._alias("organization:" + inits)
            if old is not None and old != sid:
                row = self.conn.execute(select(s.sources.c.name).where(s.sources.c.id == old)).first()
                if row and is_acronym(row.name):  # only an acronym-only source is absorbed
                    self.merge(old, sid)
        return sid

    # -- merging --------------------------------------------------------------------------------
    def merge(self, old: int, new: int) -> None:
        """Re-point everything from source ``old`` to ``new`` and delete ``old``."""
        c = self.conn
        c.execute(update(s.source_aliases).where(s.source_aliases.c.source_id == old).values(source_id=new))
        for table, col in (
            (s.entities, "source_id"),
            (s.quotes, "source_id"),
            (s.figures, "source_id"),
            (s.events, "actor1_source_id"),
            (s.events, "actor2_source_id"),
        ):
            c.execute(update(table).where(table.c[col] == old).values({col: new}))
        c.execute(s.sources.delete().where(s.sources.c.id == old))
        self.merged[old] = new
        for k, v in list(self.cache.items()):
            if v == old:
                self.cache[k] = new
