"""The entity timeline of the speakers stage: the entities and their mentions in text order
while quotes are resolved (new entities for unnamed sources, mentions added and moved), read by
the antecedent searches of :mod:`.referents` and by the coreference pass (:mod:`according.coref`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from ..entities import GENDERED_NOUNS, Mention
from ..model import Entity, Span, Speaker
from ..nlp import Parse
from ..pipeline import Work
from .speaker_words import NAME_TYPE


class _State:
    """Entities and the mention timeline while quotes are resolved."""

    def __init__(self, work: Work):
        self.p: Parse = work.parse
        self.infos: dict[str, dict] = {k: dict(v) for k, v in work.entity_info.items()}
        self.ents: dict[str, Entity] = {e.id: e for e in work.entities}
        self.extra_spans: dict[str, list[Span]] = {}
        # (entity, start, end) of the entities stage's mentions moved to another entity
        self.moved: set[tuple[str, int, int]] = set()
        self.mentions: list[Mention] = sorted(work.mentions, key=lambda m: (m.tok_start, m.tok_end))
        self.keys = [m.tok_start for m in self.mentions]
        self.new_n = 0
        self.gender: dict[str, str] = {}
        # character spans of the mentions the speakers stage linked to quotes' sources (the
        # pronoun ranker never sees them: coref.candidates)
        self.linked: set[tuple[int, int]] = set()
        self.seen = {(m.entity, m.start, m.end) for m in self.mentions}
        self.by_name = {i["name"].casefold(): e for e, i in self.infos.items()}
        self._interviewee: tuple[str | None] | None = None  # decided once (interviewee)

    def add_mention(self, m: Mention) -> None:
        if (m.entity, m.start, m.end) in self.seen:
            return
        self.seen.add((m.entity, m.start, m.end))
        k = bisect.bisect_right(self.keys, m.tok_start)
        self.keys.insert(k, m.tok_start)
        self.mentions.insert(k, m)
        self.extra_spans.setdefault(m.entity, []).append(m.span)

    def relink(self, m: Mention, eid: str) -> None:
        """Move mention ``m`` (on the timeline) to entity ``eid``."""
        k = self.mentions.index(m)
        self.mentions[k] = Mention(m.start, m.end, m.text, m.tok_start, m.tok_end, eid, m.kind)
        self.seen.discard((m.entity, m.start, m.end))
        self.seen.add((eid, m.start, m.end))
        self.moved.add((m.entity, m.start, m.end))
        old = self.extra_spans.get(m.entity, [])
        if m.span in old:
            old.remove(m.span)
        self.extra_spans.setdefault(eid, []).append(m.span)

    def new_entity(
        self,
        name: str,
        label: str,
        stype: str,
        roles: list[str],
        words: list[str],
        plural: bool,
        description: str | None = None,
    ) -> str:
        self.new_n += 1
        eid = f"new{self.new_n}"
        name = " ".join(name.split())
        self.infos[eid] = {
            "name": name,
            "label": label,
            "descriptions": [description] if description else [],
            "roles": roles,
            "words": words,
            "name_words": words,
            "age": None,
            "aliases": [],
            "acronym": None,
            "plural": plural,
            "stype": stype,
            "gender": next((GENDERED_NOUNS[r] for r in roles if r in GENDERED_NOUNS), None),
        }
        self.ents[eid] = Entity(eid, name, label, description, ())
        self.by_name.setdefault(name.casefold(), eid)
        return eid

    def interviewee(self, first_turn: int, authors: Sequence[str]) -> str | None:
        """The one answering a Q&A page's "A:" turns: the person the introduction (the text
        before the first turn, character ``first_turn``) names most often, counting the
        pronouns resolved so far; the whole article's most named when the introduction names
        no one; never a byline's author or an unnamed source. Decided at the first call (the
        coreference pass, for the answers' "I") and kept, so that the "A:" quotes' speakers
        (:func:`.qa.qa_turns`, after the pass) are the same person (PolNeAR train's two Q&A
        interviews: the whole article's most named was right for Joe Biden, wrong for the
        actress whose answers name Donald Trump most often)."""
        if self._interviewee is None:
            names = {a.casefold() for a in authors}

            def most_named(limit: int) -> str | None:
                counts = Counter(
                    m.entity
                    for m in self.mentions
                    if m.start < limit
                    and self.infos.get(m.entity, {}).get("label") == "PERSON"
                    and self.infos[m.entity]["name"].casefold() not in names
                    and not self.infos[m.entity].get("stype")
                )
                return counts.most_common(1)[0][0] if counts else None

            self._interviewee = (most_named(first_turn) or most_named(len(self.p.text)),)
        return self._interviewee[0]

    def before(self, tok: int):
        """Mentions starting before token ``tok``, nearest first."""
        k = bisect.bisect_left(self.keys, tok)
        for j in range(k - 1, -1, -1):
            yield self.mentions[j]

    def speaker(self, eid: str) -> Speaker:
        info = self.infos[eid]
        stype = info.get("stype") or NAME_TYPE.get(info["label"], "unknown")
        name = info["name"]
        if info.get("acronym") and info["acronym"] not in name:
            # Both forms, as a reader writes them on first mention: "World
            # Health Organization (WHO)". Lookups by either form then agree.
            name = f"{name} ({info['acronym']})"
        desc = info["descriptions"][0] if info["descriptions"] and stype != "anonymous" else None
        return Speaker(entity=eid, name=name, type=stype, description=desc)
