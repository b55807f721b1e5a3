"""The relevance model's parse features (who does a trigger, to whom, negated, modal, tense) and the
classifier's trigger relations, on sentences built by hand."""

from __future__ import annotations

from according.events.classifier import features
from according.events.relevance import load_relevance, relevance_features
from according.nlp import Parse, Sent, Tok


def parse_of(words: list[tuple[str, str, str, int, str, str]], ents: dict[int, str] | None = None) -> Parse:
    """A one-sentence Parse: (text, lemma, dep, head, pos, tag) per token; ents: token -> entity type."""
    ents = ents or {}
    toks, pos = [], 0
    for i, (w, lem, dep, head, upos, tag) in enumerate(words):
        toks.append(
            Tok(
                i=i,
                text=w,
                start=pos,
                end=pos + len(w),
                lemma=lem,
                pos=upos,
                tag=tag,
                dep=dep,
                head=head,
                ent_type=ents.get(i, ""),
                ent_iob="B" if i in ents else "O",
                sent=0,
                ws=True,
                like_num=False,
                is_punct=False,
                is_space=False,
                shape="Xxxx",
            )
        )
        pos += len(w) + 1
    return Parse(
        text=" ".join(w[0] for w in words),
        toks=tuple(toks),
        sents=(Sent(start=0, end=len(toks), start_char=0, end_char=pos - 1),),
        ents=(),
        noun_chunks=(),
        model="hand",
    )


def troops_attacked_village() -> Parse:
    return parse_of(
        [
            ("Troops", "troop", "nsubj", 1, "NOUN", "NNS"),
            ("attacked", "attack", "ROOT", 1, "VERB", "VBD"),
            ("the", "the", "det", 3, "DET", "DT"),
            ("village", "village", "dobj", 1, "NOUN", "NN"),
        ]
    )


def company_attacked_rival() -> Parse:
    return parse_of(
        [
            ("The", "the", "det", 1, "DET", "DT"),
            ("company", "company", "nsubj", 2, "NOUN", "NN"),
            ("attacked", "attack", "ROOT", 2, "VERB", "VBD"),
            ("its", "its", "poss", 4, "PRON", "PRP$"),
            ("rival", "rival", "dobj", 2, "NOUN", "NN"),
        ]
    )


def test_the_subject_kind_tells_a_fight_from_a_figure_of_speech():
    armed = relevance_features(troops_attacked_village(), 0, 4)
    assert {"K:armed", "SK:armed", "TSK:attack>armed", "TF:TV:VBD"} <= armed
    business = relevance_features(company_attacked_rival(), 0, 5)
    assert {"K:business", "SK:business", "TSK:attack>business", "OK:business"} <= business
    assert not any(f.endswith("armed") for f in business)


def test_the_shipped_model_learned_what_the_kinds_mean():
    model = load_relevance()
    assert model is not None
    assert model.weights.get("TSK:attack>armed", 0.0) > model.weights.get("TSK:attack>business", 0.0)
    armed = model.proba(relevance_features(troops_attacked_village(), 0, 4))
    business = model.proba(relevance_features(company_attacked_rival(), 0, 5))
    assert armed > business


def test_negation_and_modality_of_the_trigger_verb():
    p = parse_of(
        [
            ("Rebels", "rebel", "nsubj", 3, "NOUN", "NNS"),
            ("would", "would", "aux", 3, "AUX", "MD"),
            ("not", "not", "neg", 3, "PART", "RB"),
            ("attack", "attack", "ROOT", 3, "VERB", "VB"),
        ]
    )
    feats = relevance_features(p, 0, 4)
    assert {"TF:NEG", "TF:MOD:would", "TF:TV:VB", "SK:armed"} <= feats


def test_a_noun_trigger_takes_the_subject_of_the_verb_above_it_and_its_owner():
    # "Boeing challenged the award in a formal protest": the protest is Boeing's (a company's)
    p = parse_of(
        [
            ("Boeing", "Boeing", "nsubj", 1, "PROPN", "NNP"),
            ("challenged", "challenge", "ROOT", 1, "VERB", "VBD"),
            ("the", "the", "det", 3, "DET", "DT"),
            ("award", "award", "dobj", 1, "NOUN", "NN"),
            ("in", "in", "prep", 1, "ADP", "IN"),
            ("a", "a", "det", 6, "DET", "DT"),
            ("protest", "protest", "pobj", 4, "NOUN", "NN"),
        ],
        ents={0: "ORG"},
    )
    assert "TSK:protest>E:ORG" in relevance_features(p, 0, 7)
    q = parse_of(
        [
            ("The", "the", "det", 1, "DET", "DT"),
            ("GAO", "GAO", "nsubj", 2, "PROPN", "NNP"),
            ("upheld", "uphold", "ROOT", 2, "VERB", "VBD"),
            ("Boeing", "Boeing", "poss", 5, "PROPN", "NNP"),
            ("'s", "'s", "case", 3, "PART", "POS"),
            ("protest", "protest", "dobj", 2, "NOUN", "NN"),
        ],
        ents={1: "ORG", 3: "ORG"},
    )
    assert "SK:E:ORG" in relevance_features(q, 0, 6)


def test_the_classifier_sees_who_does_the_trigger():
    feats = features(troops_attacked_village(), 0, 4)
    assert any(f.startswith("TS:") and f.endswith(">troop") for f in feats)
    assert any(f.startswith("TO:") and f.endswith(">village") for f in feats)


def strikes_then_relative_clause(verb: str, verb_lemma: str, obj: str) -> Parse:
    # "People fled after strikes on Sunday that <verb> 30 <obj>", with the relative clause hung on
    # "fled" as the parser does when a date stands between the noun and "that"
    return parse_of(
        [
            ("People", "people", "nsubj", 1, "NOUN", "NNS"),
            ("fled", "flee", "ROOT", 1, "VERB", "VBD"),
            ("after", "after", "prep", 1, "ADP", "IN"),
            ("strikes", "strike", "pobj", 2, "NOUN", "NNS"),
            ("on", "on", "prep", 3, "ADP", "IN"),
            ("Sunday", "Sunday", "pobj", 4, "PROPN", "NNP"),
            ("that", "that", "nsubj", 7, "PRON", "WDT"),
            (verb, verb_lemma, "advcl", 1, "VERB", "VBD"),
            ("30", "30", "nummod", 9, "NUM", "CD"),
            (obj, obj.lower(), "dobj", 7, "NOUN", "NNS"),
        ],
        ents={5: "DATE"},
    )


def test_a_relative_pronoun_stands_for_its_noun_even_when_misattached():
    killed = relevance_features(strikes_then_relative_clause("killed", "kill", "civilians"), 0, 10)
    assert {"AR", "AR:kill", "TS:kill>strike"} <= killed  # the strikes killed, not "that"
    assert not any(f.startswith("TS:kill>that") for f in killed)
    closed = relevance_features(strikes_then_relative_clause("closed", "close", "factories"), 0, 10)
    assert "AD:close" in closed and "AR" not in closed  # strikes that closed factories harmed no one


def test_an_attack_word_that_kills_raises_relevance():
    model = load_relevance()
    assert model is not None
    assert model.weights.get("AR", 0.0) > 0.5
    killed = model.proba(
        relevance_features(strikes_then_relative_clause("killed", "kill", "civilians"), 0, 10)
    )
    closed = model.proba(
        relevance_features(strikes_then_relative_clause("closed", "close", "factories"), 0, 10)
    )
    assert killed > closed + 0.1
