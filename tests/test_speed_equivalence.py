"""The faster forms of hot helpers give what the plain walks give (speed work must not move any
record byte; scripts/check_records_identical.py checks whole records, these check each helper on
random trees and texts, including forests and parses with a cycle)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from according.events import classifier
from according.events.types import TRIGGERS
from according.figures import numbers
from according.quotes import extent
from according.syntax import Parse, Sent, Tok

WORDS = ["said", "“", "”", '"', ",", "car", "bomb", "attack", "the", "-", "5", "five", "2-3", "(", ")"]


def make_parse(words: list[str], heads: list[int], lemmas: list[str] | None = None) -> Parse:
    toks, at = [], 0
    for i, (w, h) in enumerate(zip(words, heads)):
        punct = not any(ch.isalnum() for ch in w)
        lemma = lemmas[i] if lemmas else w.lower()
        toks.append(
            Tok(
                i,
                w,
                at,
                at + len(w),
                lemma,
                "NOUN",
                "NN",
                "dep",
                h,
                "",
                "O",
                0,
                True,
                w.isdigit(),
                punct,
                False,
                "",
            )
        )
        at += len(w) + 1
    text = " ".join(words)
    return Parse(text, tuple(toks), (Sent(0, len(words), 0, len(text)),), (), (), "test")


@st.composite
def parses(draw, cyclic: bool = False):
    """Random heads: mostly a forest (roots are their own head), with ``cyclic`` possibly a loop."""
    n = draw(st.integers(1, 30))
    heads = []
    for i in range(n):
        if i == 0 or draw(st.integers(0, 5)) == 0:
            heads.append(i)  # a root
        else:
            heads.append(draw(st.integers(0, i - 1)))
    if cyclic and n >= 3:
        a = draw(st.integers(1, n - 1))
        heads[heads[a]] = a  # a and its head point at each other (a cycle when heads[a] != a)
    words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
    return make_parse(words, heads)


def _walk(p: Parse, token: int) -> tuple[int, int]:
    lo = hi = token
    stack = [token]
    while stack:
        j = stack.pop()
        lo, hi = min(lo, j), max(hi, j)
        stack.extend(p.children[j])
    return lo, hi + 1


@given(parses())
def test_subtree_table_equals_the_walk(p):
    for i in range(len(p.toks)):
        assert p.subtree(i) == _walk(p, i)


@given(parses(cyclic=True))
def test_subtree_outside_the_trees_is_walked_as_before(p):
    reached = {i for i in range(len(p.toks)) if p._subtree_bounds[0][i] >= 0}
    for i in reached:  # the walk of a token in a cycle never ends: only the reached ones compare
        assert p.subtree(i) == _walk(p, i)
    for i in set(range(len(p.toks))) - reached:
        assert p._subtree_bounds[0][i] == -1


@settings(max_examples=200)
@given(parses(), st.data())
def test_content_word_spans_equal_the_subtree_walks(p, data):
    content = set(data.draw(st.lists(st.integers(0, len(p.toks) - 1), min_size=1)))
    spans = extent._word_spans(p, content)
    assert set(spans) == content
    for c in content:
        words = extent._words(p, extent._subtree_in(p, c, content))
        assert spans[c] == ((len(words), min(words), max(words)) if words else (0, -1, -1))


@given(parses(), st.data())
def test_mark_counts_equal_the_scan(p, data):
    marks = extent._marks_before(p)
    a = data.draw(st.integers(0, len(p.toks)))
    b = data.draw(st.integers(a, len(p.toks)))
    assert (marks[b] > marks[a]) == any(extent._is_mark(p.toks[k].text) for k in range(a, b))


def test_edge_candidates_and_trim_unchanged_on_a_quotation():
    # “The talks failed, which surprised us,” he said : the content's edges as before
    words = ["“", "The", "talks", "failed", ",", "which", "surprised", "us", ",", "”", "he", "said"]
    heads = [3, 2, 3, 11, 3, 6, 3, 6, 3, 3, 11, 11]
    p = make_parse(words, heads)
    content = set(range(0, 10))
    # the candidates main's walk-per-token version gave on this parse
    assert extent.edge_candidates(p, 11, content) == [
        ("L|dep|_|.", [1], False),
        ("L|dep|_|.", [1, 2], False),
        ("R|dep|,|.", [5, 6, 7], False),
        ("R|dep|_|.", [7], False),
    ]
    assert extent.trim(p, 11, content, lambda *a: True) == content


def _naive_triggers(p: Parse, a: int, b: int) -> list[tuple[int, str]]:
    toks, out, k = p.toks, [], a
    while k < b:
        lem = toks[k].lemma.lower()
        if k + 1 < b:
            pair = f"{lem} {toks[k + 1].lemma.lower()}"
            pair_text = f"{toks[k].text.lower()} {toks[k + 1].text.lower()}"
            hit = pair if pair in TRIGGERS else (pair_text if pair_text in TRIGGERS else None)
            if hit:
                out.append((k, hit))
                k += 2
                continue
        if toks[k].ent_type in ("DATE", "TIME") or (toks[k].pos == "PROPN" and toks[k].ent_type):
            k += 1
            continue
        key = classifier._trigger_key(toks[k].text.lower(), lem)
        if key:
            out.append((k, key))
        k += 1
    return out


TRIGGER_WORDS = sorted({w for key in TRIGGERS for w in key.split(" ")})[:400] + ["said", "the", "Car"]


@given(st.lists(st.sampled_from(TRIGGER_WORDS), min_size=1, max_size=20))
def test_triggers_equal_the_pairwise_lookup(words):
    p = make_parse(words, list(range(len(words))))
    assert classifier.triggers_in(p, 0, len(p.toks)) == _naive_triggers(p, 0, len(p.toks))


@given(st.sampled_from(["five", "5", "2-3", "dozen", "a", "May", "1,200", "x-1"] + WORDS), st.booleans())
def test_number_words_cached_as_computed(text, like_num):
    tok = Tok(
        0, text, 0, len(text), text, "NUM", "CD", "nummod", 0, "", "O", 0, True, like_num, False, False, ""
    )
    for _ in range(2):  # asked twice: the second answer comes from the table
        assert numbers.is_num_tok(tok) == numbers._is_num_word(text.lower(), like_num)


TEXT_PIECES = [
    "the",
    "The",
    "der",
    "und",
    "le",
    "que",
    "don’t",
    "l’état",
    "Москва",
    "北京",
    "東京",
    "ひらがな",
    "á",
    "ß",
]
TEXT_PIECES += ["\x01", "\x0b", "\t", "\n", "\r", "\f", "\x1f", " ", "’", "—", "5", ".", "ʃ", "\u0250"]
# letters that lower-case to two characters, by context, or across classes (the lower-cased
# text is read only when none is there)
TEXT_PIECES += ["İstanbul", "ΟΔΟΣ", "Σ", "Ⅻ", "DON’T", "L’ÉTAT", "ẞ"]
TEXT_PIECES += ["Ⓐ", "DER", "QUE", "Ǆ", "٣", "\xa0", "\xad"]


def _naive_script_language(text: str, sample: int = 5000) -> str | None:
    from according.ingest import language

    letters = [ch for ch in text[:sample] if ch.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    latin = 0
    for ch in letters:
        if ch < "\u0250":
            latin += 1
            continue
        name = __import__("unicodedata").name(ch, "")
        for script, lang in language._SCRIPTS:
            if name.startswith(script):
                counts[lang] = counts.get(lang, 0) + 1
                break
        else:
            if "LATIN" in name:
                latin += 1
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if "ja" in counts and lang == "zh":
        lang = "ja"
    return lang if n > latin else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=60))
def test_language_and_control_checks_equal_the_character_scans(pieces):
    from collections import Counter

    from according.ingest import language, readers

    for text in ("".join(pieces), " ".join(pieces)):
        words = [w.lower().replace("’", "'") for w in language._TOKEN.findall(text)]
        counts = Counter(words)
        expected: tuple = (0, {})
        if words:
            shares = {
                lang: sum(n for w, n in counts.items() if w in ws) / len(words)
                for lang, ws in language._WORDS.items()
            }
            expected = (len(words), shares)
        assert language.function_word_shares(text) == expected
    text = " ".join(pieces)
    assert language.script_language(text) == _naive_script_language(text)
    assert language.script_language(text, sample=7) == _naive_script_language(text, sample=7)
    bad = sum(1 for ch in text[:20000] if ch < " " and ch not in "\n\r\t\f")
    assert len(readers._CONTROL.findall(text, 0, 20000)) == bad


FIGURE_WORDS = ["tens", "hundreds", "of", "thousands", "several", "hundred", "a", "dozen", "scores"]
FIGURE_WORDS += ["5", "five", "2-3", "1,200", "people", "were", "killed", "and", "-", "737", "Max", "jets"]


_NUMERIC = {"5", "five", "2-3", "1,200", "737", "hundred", "dozen", "thousands"}


def _figure_parse(words: list[str]) -> Parse:
    """Numbers as numeral modifiers of the next word, plural nouns, "killed" a verb: parses the
    figures stage finds counts in ("5 people were killed")."""
    n = len(words)
    p = make_parse(words, [min(i + 1, n - 1) if w in _NUMERIC else i for i, w in enumerate(words)])
    toks = [
        t._replace(pos="NUM", tag="CD", dep="nummod", like_num=True)
        if t.text in _NUMERIC
        else t._replace(pos="VERB", tag="VBN", dep="ROOT", lemma="kill")
        if t.text == "killed"
        else t._replace(tag="NNS")
        for t in p.toks
    ]
    return Parse(p.text, tuple(toks), p.sents, (), (), "test")


@settings(max_examples=150)
@given(st.lists(st.sampled_from(FIGURE_WORDS), min_size=1, max_size=25))
def test_figures_jumping_between_starts_equal_the_token_by_token_scan(words):
    from according.figures import _sentence_figures, figure_starts
    from according.pipeline import Work

    p = _figure_parse(words)
    work = Work(text=p.text, parse=p)
    every_token = list(range(len(p.toks)))  # a start at every token: the scan of each token in turn
    assert _sentence_figures(work, p.sents[0], figure_starts(p.toks)) == _sentence_figures(
        work, p.sents[0], every_token
    )


@given(st.lists(st.sampled_from(["The Big Game", "Today: News Goes On", "a line of text", "\n", " Word"])))
def test_title_case_lines_kept_answer_is_the_computed_one(pieces):
    from according.entities import names

    text = "\n".join(pieces)
    first = names.title_case_lines(text)
    assert first == list(names._title_case_lines.__wrapped__(text))
    first.append((-1, -1))  # a caller's list is its own
    assert names.title_case_lines(text) == list(names._title_case_lines.__wrapped__(text))


@given(st.text(alphabet="aBc'D-eFgH\u2019 ijK:L\n", max_size=80))
def test_title_case_lines_count_capitals_as_word_by_word(text):
    # the capitals counted by the pattern's group are those of the words read one by one
    import re

    from according.entities import names

    words_re = re.compile(r"[A-Za-z][A-Za-z\u2019'\-]{3,}")
    expected = []
    for m in re.finditer(r"[^\n]+", text):
        words = words_re.findall(m.group())
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            expected.append((m.start(), m.end()))
        elif head := names._RUN_IN_HEAD.match(m.group()):
            expected.append((m.start(), m.start() + len(head.group(1))))
    assert list(names._title_case_lines.__wrapped__(text)) == expected


@given(
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.sampled_from([0.0, 1e-6, 25.0, 50.0, 150.0, 20_000.0]),
)
def test_within_km_is_the_haversine_comparison(lat1, lon1, lat2, lon2, km):
    from according.places.records import haversine_km, within_km

    assert within_km(lat1, lon1, lat2, lon2, km) == (haversine_km(lat1, lon1, lat2, lon2) < km)


@given(st.floats(-89, 89), st.floats(-180, 180), st.floats(0.01, 0.5), st.booleans(), st.floats(-1, 1))
def test_within_km_near_its_bound(lat, lon, dlat, south, dlon):
    dlat = -dlat if south else dlat
    from according.places.records import haversine_km, within_km

    km = abs(dlat) * 111.0  # exactly where the latitude test starts to answer alone
    assert within_km(lat, lon, lat + dlat, lon + dlon, km) == (
        haversine_km(lat, lon, lat + dlat, lon + dlon) < km
    )


def test_event_classifier_weights_are_left_alone_by_the_collector():
    """Tuples of floats, untracked after one collection: a full collection no longer walks the
    3,756 weight rows (lists were walked by every one); the scores stay what the lists gave."""
    import gc

    model = classifier.load_model()
    assert model is not None
    gc.collect()
    assert not gc.is_tracked(model.bias)
    assert not any(gc.is_tracked(row) for row in model.weights.values())
    feats = set(list(model.weights)[:5])
    norm = 1 / len(feats) ** 0.5
    expected = [b + sum(model.weights[f][j] * norm for f in feats) for j, b in enumerate(model.bias)]
    assert [round(x, 9) for x in model.scores(feats)] == [round(x, 9) for x in expected]


@settings(max_examples=150)
@given(
    st.lists(
        st.sampled_from([*FIGURE_WORDS, "Tens", "SEVERAL", "Dozen", "İstanbul"]), min_size=1, max_size=25
    )
)
def test_figure_starts_from_the_word_tables_equal_the_token_test(words):
    from according.figures import _VAGUE_STARTS, figure_starts

    p = _figure_parse(words)
    expected = [i for i, t in enumerate(p.toks) if numbers.is_num_tok(t) or t.text.lower() in _VAGUE_STARTS]
    assert figure_starts(p.toks) == expected
    assert figure_starts(p.toks) == expected  # the second time from the tables


def _plain_walk(obj):
    """The record's plain form as model._plain built it before its per-class field tables."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(obj):
        return {f.name: _plain_walk(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain_walk(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain_walk(v) for k, v in obj.items()}
    return obj


def test_record_dict_from_the_field_tables_equals_the_dataclass_walk():
    from according.model import Analysis, Entity, ErrorEntry, Meta, Quote, Span, Speaker

    text = "Ann Lee said rain fell."
    span = Span(0, 7, "Ann Lee")
    rec = Analysis(
        id="x",
        text=text,
        meta=Meta(headline="T", authors=("A B",)),
        entities=(Entity("e1", "Ann Lee", "PERSON", None, (span,)),),
        quotes=(
            Quote(
                id="q1",
                kind="indirect",
                category="speech",
                speaker=Speaker(name="Ann Lee", entity="e1", type="person"),
                source=span,
                cue=Span(8, 12, "said"),
                content=(Span(13, 22, "rain fell"),),
            ),
        ),
        errors=(ErrorEntry(stage="s", message="m"),),
        provenance={"model": {"name": "m", "nested": [1, 2.5, None, True]}, "tuple": (1, "a")},
    )
    expected = {"schema": "according.analysis/1", **_plain_walk(rec)}
    assert rec.to_dict() == expected
    assert rec.to_dict() == expected  # the second time from the tables
    assert type(rec.to_dict()["provenance"]["tuple"]) is list


@settings(max_examples=150)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["Alpha", "Beta", "Gamma", "Delta", "Gap:", "word", "said", "x"]), max_size=7
        ),
        min_size=1,
        max_size=8,
    ),
    st.data(),
)
def test_headline_by_bisection_equals_the_scan_of_every_headline(lines, data):
    from according.entities import title_case_lines
    from according.quotes.referents import _in_head

    text = "\n".join(" ".join(words) for words in lines)
    heads = title_case_lines(text)
    starts = [a for a, _ in heads]
    for char in data.draw(st.lists(st.integers(0, len(text) + 2), max_size=20)):
        assert _in_head(heads, starts, char) == any(a <= char < b for a, b in heads)


def _toks_in_walk(p: Parse, span):
    """speaker_words.toks_in as it walked the tokens before its bisection."""
    a = p.token_at(span.start)
    if a is None:
        for t in p.toks:
            if t.start >= span.start:
                a = t.i
                break
    if a is None:
        return None
    b = a
    while b < len(p.toks) and p.toks[b].start < span.end:
        b += 1
    return (a, b) if b > a else None


@settings(max_examples=150)
@given(parses(), st.data())
def test_tokens_of_a_span_by_bisection_equal_the_walk(p, data):
    from according.model import Span
    from according.quotes.speaker_words import toks_in

    n = len(p.text)
    for _ in range(10):
        a = data.draw(st.integers(0, n + 2))
        b = data.draw(st.integers(a, n + 3))
        span = Span(a, b, p.text[a:b])
        assert toks_in(p, span) == _toks_in_walk(p, span)


CUE_LEMMAS = ["say", "Say", "tell", "exclaim", "quip", "profess", "chime", "car", "the", "“", "x-1", "accord"]
CUE_POS = ["VERB", "NOUN", "AUX", "PRON", "PUNCT", "PROPN"]
CUE_DEPS = ["ROOT", "ccomp", "dobj", "xcomp", "parataxis", "nsubj", "punct", "dep", "amod"]


@st.composite
def cue_parses(draw):
    """Random trees (as ``parses``) with lemmas, parts of speech and labels a cue test reads."""
    p = draw(parses())
    toks = tuple(
        t._replace(
            lemma=draw(st.sampled_from(CUE_LEMMAS)),
            pos=draw(st.sampled_from(CUE_POS)),
            dep=draw(st.sampled_from(CUE_DEPS)),
        )
        for t in p.toks
    )
    return Parse(p.text, toks, p.sents, p.ents, p.noun_chunks, p.model)


@settings(max_examples=300)
@given(cue_parses(), st.sampled_from([None, frozenset(), frozenset({"quip", "chime"})]))
def test_cue_candidates_equal_the_test_per_token(p, never):
    from according.quotes import cue_candidates

    lexicon = frozenset({"say", "tell", "accord"})
    for _ in range(2):  # the second time the lemmas' decisions come from the table
        assert cue_candidates.candidate_tokens(p, lexicon, never) == [
            i for i in range(len(p.toks)) if cue_candidates.is_candidate(p, i, lexicon, never)
        ]


@given(parses())
def test_mark_tokens_equal_the_scan(p):
    from according.quotes import mark_tokens
    from according.quotes.placing import is_mark

    assert mark_tokens(p) == [t.i for t in p.toks if (t.is_punct or not t.text.isalnum()) and is_mark(t.text)]


@given(st.text(), st.integers(-2, 40), st.integers(-2, 40))
def test_word_chars_count_the_regex_matches(text, a, b):
    import re

    from according.quotes import _word_chars

    a, b = max(0, a), max(0, b)  # (offsets are never negative)
    assert _word_chars(text, a, b) == len(re.compile(r"[^\W_]").findall(text, a, b))  # as _kind counted


def test_word_chars_agree_with_the_regex_on_every_code_point():
    import re
    import sys

    word = re.compile(r"[^\W_]")
    assert all(bool(word.match(ch)) == ch.isalnum() for ch in map(chr, range(sys.maxunicode + 1)))
