"""The entity of a source no known entity is, for :class:`.speakers.Resolver`.

- a possessive (:meth:`UnnamedSources.owned`): "the prime minister's office" is an
  organisation named after its owner ("Office of Israeli Prime Minister Benjamin
  Netanyahu"; a separate ORG, an office is not the person), "Netanyahu's spokesman" an
  unnamed person named after the owner, "Trump's words" the owner itself; a body owned by a
  place or body ("Spain's hydrographic authority for the Tagus basin") is named as written;
- a capitalised source the tagger did not tag (:meth:`UnnamedSources.unnamed_proper`): a
  person met before by that surname, a known name, else a new person, organisation ("The
  Gap", four words or more, an organisational head) or people ("Gazans");
- an unnamed source (:meth:`UnnamedSources.unnamed`): a text speaks for its named author
  ("an analysis by Lily Batchelder"), else a new entity named by its fullest noun phrase, as
  written, typed as the :mod:`.speakers` docstring says (anonymous / group / organization /
  unknown); a plural, definite or organisational source seen before is the same entity.

Moved out of :mod:`.speakers` unchanged (module size); the measured numbers are there.
"""

from __future__ import annotations

from ..model import Span, Speaker
from .referents import Referents
from .speaker_words import (
    ANON_HEADS,
    ANON_MARKERS,
    COMPANY_TRADE_NOUNS,
    DOCUMENTS,
    INSTITUTIONS,
    NONPERSON,
    ORG_HEADS,
    person_noun,
    text_of,
    words_of,
)


class UnnamedSources(Referents):
    """New (or same-named) entities for the sources of :class:`.speakers.Resolver`."""

    def owned(self, owner: str, head: int, lo: int, hi: int, source: Span, a: int, b: int) -> Speaker:
        p, st = self.p, self.st
        lemma = p.toks[head].lemma.casefold()
        oname = st.infos[owner]["name"]
        title = st.infos[owner].get("title")
        if title and len(title.split()) <= 4:
            # "Office of Israeli Prime Minister Benjamin Netanyahu": the title is
            # how the article identifies the office, the name whose office it is.
            oname = f"{title} {oname}"
        rest = [p.toks[i].text for i in range(head, hi) if not p.toks[i].is_punct or i > head]
        if lemma in ORG_HEADS and st.infos[owner]["label"] != "PERSON":
            # "Spain's hydrographic authority for the Tagus basin": a body owned by
            # a place or body is named by the words as written.
            name = text_of(p, lo, hi)
            eid = st.by_name.get(name.casefold())
            eid = eid or st.new_entity(
                name, "ORG", "organization", [lemma], words_of(name), False, description=None
            )
        elif lemma in ORG_HEADS:
            name = " ".join([rest[0][:1].upper() + rest[0][1:]] + rest[1:]) + f" of {oname}"
            key = name.casefold()
            eid = st.by_name.get(key)
            eid = eid or st.new_entity(
                name, "ORG", "organization", [lemma], words_of(name), False, description=text_of(p, lo, hi)
            )
        elif not person_noun(lemma):
            # "his performance shows", "Trump’s words": the owner speaks.
            self.link(owner, source, a, b, "source")
            return st.speaker(owner)
        else:  # "Netanyahu’s spokesman": an unnamed person speaking for the owner
            name = " ".join(rest) + f" of {oname}"
            plural = p.toks[head].tag in ("NNS", "NNPS")
            eid = st.new_entity(
                name, "PERSON" if not plural else "OTHER", "anonymous", [lemma], words_of(name), plural
            )
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)

    def unnamed_proper(self, head: int, source: Span, a: int, b: int) -> Speaker:
        """A capitalised source the tagger did not tag: join a person by surname or
        make a new named entity."""
        p, st = self.p, self.st
        lo = head
        while lo - 1 >= a and p.toks[lo - 1].pos == "PROPN":
            lo -= 1
        name = text_of(p, lo, head + 1)
        last = p.toks[head].text.casefold()
        for eid in self.recent(head):
            info = st.infos[eid]
            if info["label"] == "PERSON" and info["name_words"] and info["name_words"][-1] == last:
                self.link(eid, source, a, b, "source")
                return st.speaker(eid)
        known = st.by_name.get(" ".join(name.split()).casefold())
        if known:
            self.link(known, source, a, b, "source")
            return st.speaker(known)
        # "The Gap", "the Pentagon": a name with an article is no person's.
        the = any(p.toks[k].dep == "det" and p.toks[k].text.casefold() == "the" for k in p.children[head])
        orgish = p.toks[head].lemma.casefold() in ORG_HEADS or len(name.split()) > 3 or the
        if p.toks[head].tag == "NNPS":  # "Gazans": a people, not a person
            eid = st.new_entity(name, "NORP", "group", [], words_of(name), True)
        else:
            eid = st.new_entity(
                name,
                "ORG" if orgish else "PERSON",
                "organization" if orgish else "person",
                [],
                words_of(name),
                False,
            )
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)

    def unnamed(self, head: int, lo: int, hi: int, source: Span, a: int, b: int, definite: bool) -> Speaker:
        p, st = self.p, self.st
        ht = p.toks[head]
        lemma = ht.lemma.casefold()
        plural = ht.tag in ("NNS", "NNPS") or ht.text.casefold() in INSTITUTIONS
        name = self.expanded(lo, hi)
        words = words_of(name)
        if ht.pos == "PRON" and ht.text.casefold() not in ("someone", "one", "somebody"):
            return Speaker(name=name, type="unknown")
        marked = (
            any(w in ANON_MARKERS for w in words) or lemma in ANON_HEADS or ht.text.casefold() in ANON_HEADS
        )
        modified = any(
            p.toks[i].dep in ("amod", "compound", "nmod", "prep", "acl", "relcl", "nummod")
            for i in p.children[head]
            if lo <= i < hi
        )
        if lemma in DOCUMENTS or lemma in NONPERSON:
            # "an analysis by Lily Batchelder", "a Washington Post-ABC News poll":
            # a text speaks for its named author.
            eid = self.author(head)
            if eid is None and definite and not plural and lemma in DOCUMENTS:
                eid = self.document_owner(head)
            if eid:
                self.link(eid, source, a, b, "description")
                return st.speaker(eid)
        if (lemma in ORG_HEADS or lemma in COMPANY_TRADE_NOUNS) and not plural:
            # "the utility said" with no company named: still a company, not a person
            stype, label = "organization", "ORG"
        elif lemma in DOCUMENTS or lemma in NONPERSON:
            # "the report", "a study", "exit polls": texts and figures, named by their phrase.
            stype, label = "unknown", "OTHER"
        elif not plural:
            # Whoever is the subject of "said" and is neither an institution nor
            # a text is a person: "an architect", "a mogul", "a diplomat".
            stype, label = "anonymous", "PERSON"
        elif marked:
            stype, label = "anonymous", "OTHER"
        elif ht.text.casefold() in INSTITUTIONS:
            stype, label = "group", "ORG"  # "police said", "Israeli media reported"
        elif not modified:
            stype, label = "anonymous", "OTHER"  # bare "officials said", "analysts say"
        else:
            stype, label = "group", "OTHER"
        # A bare plural seen before ("U.S. officials" twice) is the same body;
        # an indefinite singular ("a diplomat") is always someone new.
        key = name.casefold()
        eid = None
        if plural or definite or stype == "organization":
            eid = st.by_name.get(key)
        if eid is None:
            roles = [
                p.toks[i].lemma.casefold() for i in range(lo, head + 1) if p.toks[i].pos in ("NOUN", "PROPN")
            ]
            eid = st.new_entity(name, label, stype, roles, words, plural)
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)
