"""according's spaCy components, found by spaCy through the ``spacy_factories`` entry point
(pyproject.toml), so ``nlp.add_pipe("according")`` works in any pipeline once the package is
installed, and ``nlp.py`` needs no import of the analyzer:

- ``according_paragraphs``: a line break ends a sentence (``nlp.load`` puts it before the parser);
- ``according``: sets ``doc._.according`` to the :class:`according.model.Analysis` of the doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import to_parse


def mark_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts each paragraph, caption and headline on its own
    line, and the parser otherwise glues a headline onto the next paragraph."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_ or (tok.text.endswith("\n")):
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("according_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraphs


class AttributionComponent:
    """spaCy component: ``nlp.add_pipe("according")`` sets ``doc._.according`` to the
    :class:`according.model.Analysis` of the doc (quotes, entities, figures...)."""

    def __init__(self, model_name: str, model_version: str):
        self.model = {"name": model_name, "version": model_version}
        if not Doc.has_extension("according"):
            Doc.set_extension("according", default=None)

    def __call__(self, doc: Doc) -> Doc:
        from .analyzer import analyze_parse  # the stages load only when a doc is analysed

        doc._.according = analyze_parse(to_parse(doc, model=self.model["name"]), model_info=self.model)
        return doc


@Language.factory(
    "according",
    requires=["token.dep", "token.head", "doc.ents"],
    assigns=["doc._.according"],
    default_config={},
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(
        f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}", nlp.meta.get("version", "")
    )
