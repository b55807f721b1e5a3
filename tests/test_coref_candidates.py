"""The pronoun ranker's view (according.coref.candidates) never reads the quotes: the
candidates and features it is given are the same whether the quote and speaker stages ran or
not, so work on quotes no longer changes what the ranker is trained on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "quotes" and "speakers")
from according.coref import resolve_all
from according.coref.candidates import quotation_regions, visible
from according.coref.ranker import features
from according.entities import Mention
from according.nlp import parse
from according.pipeline import Work, run_stages
from according.quotes.referents import _State
from according.quotes.speakers import attribute

TEXT = (
    "Marta Lind, the chief executive of Norvik Ferries, spoke on Monday. "
    "“We will sail again,” she said. The company said it had lost money. "
    "Pavel Orsen, a union leader, said his members were angry. "
    "He added that they would strike, and Lind said she regretted it."
)


def _seen(with_quotes: bool) -> dict[int, list[tuple[str, dict[str, float]]]]:
    work = Work(text=TEXT, parse=parse(TEXT))
    if with_quotes:
        run_stages(work, ["entities", "quotes"])
        st_, quotes = attribute(work)
        assert work.quotes and st_.linked  # the speakers stage did link sources
    else:
        run_stages(work, ["entities"])
        st_, quotes = _State(work), []
    seen: dict[int, list[tuple[str, dict[str, float]]]] = {}
    resolve_all(
        st_,
        work.parse,
        quotes,
        collect=lambda i, site, cands: seen.setdefault(i, [(c.entity, features(site, c)) for c in cands]),
    )
    return seen


def test_the_ranker_sees_the_same_candidates_with_and_without_quotes():
    bare, quoted = _seen(False), _seen(True)
    # every pronoun the pipeline ranks was ranked, with the very same features, without quotes
    assert quoted and set(quoted) <= set(bare)
    for i, cands in quoted.items():
        assert cands == bare[i]
    she = parse(TEXT).token_at(TEXT.index("she said"))
    assert any(feats.get("pron_in_quote") == 0.0 for _, feats in bare[she])
    assert any(feats.get("last_speaker") for _, feats in bare[parse(TEXT).token_at(TEXT.index("He added"))])


def test_quotation_regions_pair_marks_within_a_paragraph():
    text = 'He said “one” and "two".\n“Three runs on\nFour “five”'
    regions = [text[a:b] for a, b in quotation_regions(text)]
    assert regions == ["“one”", '"two"', "“Three runs on", "“five”"]


def test_a_straight_mark_after_a_word_closes_and_never_opens():
    # the second paragraph goes on with the quotation (its opening mark dropped): its mark
    # closes it, and the next quotation opens at its own mark
    text = 'He said, "It felt good.\nWe scored early." Then Ana said, "We were tired."'
    regions = [text[a:b] for a, b in quotation_regions(text)]
    assert regions == ['"It felt good.', '"We were tired."']


@given(st.text(alphabet='ab “”"\n', max_size=40))
def test_quotation_regions_are_ordered_disjoint_and_open_on_a_mark(text):
    regions = quotation_regions(text)
    for a, b in regions:
        assert 0 <= a < b <= len(text) and text[a] in '“"' and "\n" not in text[a:b]
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(regions, regions[1:], strict=False))


def test_a_linked_source_and_a_pronoun_are_invisible():
    name = Mention(0, 5, "Marta", 0, 1, "e1", "name")
    source = Mention(10, 20, "the leader", 3, 5, "e1", "description")
    assert visible(name, set()) and visible(source, set())
    assert not visible(source, {(10, 20)})
    assert not visible(Mention(30, 32, "he", 7, 8, "e1", "pronoun"), set())
    assert not visible(Mention(30, 40, "the leader", 7, 9, "e1", "source"), set())


def test_a_he_or_she_is_never_offered_a_given_name_of_the_other_gender():
    text = "Jonas Berg said the shelter was full. Later she said it was closed."
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities"])
    seen: dict[int, list[str]] = {}
    resolve_all(
        _State(work),
        work.parse,
        [],
        collect=lambda i, site, cands: seen.setdefault(i, [c.entity for c in cands]),
    )
    she = work.parse.token_at(text.index(" she ") + 1)
    assert seen[she] == []
    text2 = text.replace("she", "he")
    work2 = Work(text=text2, parse=parse(text2))
    run_stages(work2, ["entities"])
    seen.clear()
    resolve_all(
        _State(work2),
        work2.parse,
        [],
        collect=lambda i, site, cands: seen.setdefault(i, [c.entity for c in cands]),
    )
    assert len(seen[work2.parse.token_at(text2.index(" he ") + 1)]) == 1


def _brute_totals(st_: _State, i: int, entities: list[str]) -> dict[str, int]:
    """The scan the index replaced: visible mentions of each entity starting before token i."""
    return {
        eid: sum(1 for m in st_.mentions if m.entity == eid and m.tok_start < i and visible(m, st_.linked))
        for eid in entities
    }


def test_indexed_totals_equal_a_scan_of_the_timeline_also_after_it_changes():
    from according.coref.candidates import PronounCandidates

    work = Work(text=TEXT, parse=parse(TEXT))
    run_stages(work, ["entities"])
    st_ = _State(work)
    view = PronounCandidates(st_, work.parse)
    entities = sorted({m.entity for m in st_.mentions})
    assert len(entities) >= 2
    ends = [len(work.parse.toks) // 2, len(work.parse.toks)]
    for i in ends:
        assert view._totals_before(i, entities) == _brute_totals(st_, i, entities)
    # a name added (a turn label) and a mention moved to another entity: the index follows
    first = st_.mentions[0]
    st_.add_mention(
        Mention(first.start, first.end, first.text, first.tok_start, first.tok_end, entities[-1], "name")
    )
    st_.relink(st_.mentions[-1], entities[0])
    for i in ends:
        assert view._totals_before(i, entities) == _brute_totals(st_, i, entities)


def test_ranker_probability_is_bit_for_bit_the_features_dicts():
    """coref.ranker.probability (no features dict) equals logistic(features(...)) exactly, on
    random candidates and weights (some features without a weight, negative weights)."""
    import random
    from dataclasses import fields

    from according.coref.ranker import Candidate, Model, PronounSite, features, logistic, probability

    rnd = random.Random(3)
    flags = [f.name for f in fields(Candidate) if f.type in ("bool", bool)]
    keys = ["bias", "log_tokens", "log_count", "log_total", "possessive_subject", "pron_in_quote", "parallel"]
    keys += [
        "subject",
        "main_subject",
        "gender_match",
        "name_gender_match",
        "same_paragraph",
        "cand_in_quote",
    ]
    keys += ["quote_speaker", "last_speaker", "first_person", "described", "recent_subject", "spoke", "shaky"]
    keys += [
        f"{cls}_{x}"
        for cls in ("m", "f", "pl", "it")
        for x in ("label_PERSON", "label_ORG", "plural", "rank0")
    ]
    keys += [f"sent_{k}" for k in range(5)] + [f"rank_{k}" for k in range(4)]
    keys += ["kind_name", "kind_alias", "kind_description"]
    for _ in range(500):
        weights = {k: rnd.uniform(-3, 3) for k in keys if rnd.random() < 0.8}
        site = PronounSite(rnd.choice(["m", "f", "pl", "it"]), *(rnd.random() < 0.5 for _ in range(3)))
        c = Candidate(
            entity="e1",
            sent_distance=rnd.randint(0, 9),
            token_distance=rnd.randint(0, 300),
            kind=rnd.choice(["name", "alias", "description"]),
            count=rnd.randint(0, 9),
            total=rnd.randint(0, 30),
            rank=rnd.randint(0, 6),
            label=rnd.choice(["PERSON", "ORG", "GPE"]),
            **{f: rnd.random() < 0.5 for f in flags},
        )
        assert set(features(site, c)) <= set(keys) | {f"{site.cls}_label_GPE"}
        assert probability(Model(weights, {}), site, c) == logistic(weights, features(site, c))


def test_the_window_ends_fifteen_sentences_back_by_bisection():
    # the window's first mention is found by bisection on the timeline (sentences ascend with
    # tokens): a person named in the first sentence is offered to a "she" 15 sentences on, and
    # no longer 16 sentences on
    from according.coref.candidates import PronounCandidates
    from according.coref.ranker import WINDOW

    assert WINDOW == 15
    text = "Marta Lind arrived on Monday. " + "The sky was grey. " * 14 + "She waved. She left."
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities"])
    st_ = _State(work)
    view = PronounCandidates(st_, work.parse)
    toks = work.parse.toks
    she = [t for t in toks if t.text == "She"]
    assert [toks[t.i].sent - toks[0].sent for t in she] == [15, 16]
    lind = next(m.entity for m in st_.mentions if m.text == "Marta Lind")
    assert [c.entity for c in view.candidates(she[0].i, "f")] == [lind]
    assert view.candidates(she[1].i, "f") == []


def test_camel_case_check_is_the_regex():
    from according.coref.recurring import _CAMEL, _camel

    for w in [
        "wikiHow",
        "iPhone",
        "eBay",
        "the",
        "The",
        "",
        ",",
        "aB",
        "aÉ",
        "éB",
        "a1B",
        "ab-Cd",
        "iOS",
        "A",
    ]:
        assert _camel(w) == (_CAMEL.fullmatch(w) is not None), w


def test_token_map_kept_up_to_date_is_the_map_built_again():
    """The rules after the walk share one token -> entity map (beside_names.cover): adding
    mentions that stay off its tokens gives the map a rebuild over the timeline gives, with
    overlapping new ones taken in timeline order (first token, then as added)."""
    from according.coref.beside_names import cover, token_entities

    def m(a: int, b: int, e: str) -> Mention:
        return Mention(a, b, "x", a, b, e, "description")

    old = [m(0, 2, "e1"), m(5, 7, "e2")]
    added = [m(9, 11, "e4"), m(2, 4, "e3"), m(3, 5, "e5"), m(8, 10, "e6")]
    at = token_entities(old)
    cover(at, added)
    timeline = sorted(old + added, key=lambda x: x.tok_start)
    assert at == token_entities(timeline)
    assert at[3] == "e3" and at[9] == "e6"


def test_candidate_fields_keep_the_order_candidates_builds_them_in():
    """candidates() passes Candidate's fields positionally (for speed): a reordered field
    would silently swap two features."""
    from dataclasses import fields

    from according.coref.ranker import Candidate

    assert [f.name for f in fields(Candidate)] == (
        "entity sent_distance token_distance subject main_subject kind count total rank gender_match"
        " name_gender_match plural label shaky same_paragraph in_quote pronoun_quote_speaker"
        " last_speaker first_person described recent_subject spoke"
    ).split()


def test_phrase_runs_find_proper_and_camel_case_words_outside_mentions():
    from according.coref.recurring import phrase_runs

    p = parse("We asked wikiHow and Nick Bos. Then wikiHow wrote to Nick Bos again.")
    runs = phrase_runs(p, set())
    assert [p.toks[a].text for a, _ in runs["wikiHow"]] == ["wikiHow", "wikiHow"]
    assert len(runs["Nick Bos"]) == 2
    first_nick = runs["Nick Bos"][0][0]
    partly = phrase_runs(p, {first_nick})
    assert partly["Nick Bos"] == runs["Nick Bos"][1:] and partly["Bos"] == [(first_nick + 1, first_nick + 2)]
