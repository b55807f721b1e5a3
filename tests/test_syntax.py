"""The spaCy-free parse and its tree helpers, on parses built by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from according.syntax import Parse, Sent, Tok


def make_parse(words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None) -> Parse:
    toks, at = [], 0
    for i, (w, h, d) in enumerate(zip(words, heads, deps)):
        p = pos[i] if pos else "NOUN"
        toks.append(
            Tok(i, w, at, at + len(w), w.lower(), p, "", d, h, "", "O", 0, True, False, False, False, "")
        )
        at += len(w) + 1
    text = " ".join(words)
    return Parse(text, tuple(toks), (Sent(0, len(words), 0, len(text)),), (), (), "test")


# "Officials said the talks failed": said is the root
SAID = make_parse(
    ["Officials", "said", "the", "talks", "failed"],
    [1, 1, 3, 4, 1],
    ["nsubj", "ROOT", "det", "nsubj", "ccomp"],
    ["NOUN", "VERB", "DET", "NOUN", "VERB"],
)


def test_ancestors_climb_to_the_root():
    assert list(SAID.ancestors(2)) == [3, 4, 1]
    assert list(SAID.ancestors(2, include_self=True)) == [2, 3, 4, 1]
    assert list(SAID.ancestors(1)) == []


def test_is_ancestor_and_governing_verb():
    assert SAID.is_ancestor(1, 2) and SAID.is_ancestor(4, 3) and SAID.is_ancestor(3, 3)
    assert not SAID.is_ancestor(3, 1) and not SAID.is_ancestor(0, 2)
    assert SAID.governing_verb(2) == 4  # "the" -> "talks" -> "failed"
    assert SAID.governing_verb(0) == 1
    assert make_parse(["Talks"], [0], ["ROOT"]).governing_verb(0) is None


def test_children_by_label_and_subtree():
    assert SAID.children[1] == (0, 4)
    assert SAID.children(1) == (0, 4)
    assert SAID.children(1, dep="nsubj") == (0,)
    assert SAID.children(4, dep=("nsubj", "dobj")) == (3,)
    assert SAID.children(2, dep="det") == ()
    assert SAID.subtree(4) == (2, 5)


def test_columns_and_tokens_with_a_field_in_a_set():
    assert SAID.column("pos") == ("NOUN", "VERB", "DET", "NOUN", "VERB")
    assert SAID.column("text") == ("Officials", "said", "the", "talks", "failed")
    assert SAID.column("head") == (1, 1, 3, 4, 1)
    assert SAID.tokens_with("pos", ("VERB",)) == [1, 4]
    assert SAID.tokens_with("dep", {"nsubj", "det"}) == [0, 2, 3]
    assert SAID.tokens_with("text", {"nobody"}) == []
    empty = make_parse([], [], [])
    assert empty.column("sent") == () and empty.tokens_with("pos", ("NOUN",)) == []


def test_a_cyclic_parse_ends():
    loop = make_parse(["a", "b", "c"], [1, 2, 1], ["x", "y", "z"])  # 1 -> 2 -> 1
    assert list(loop.ancestors(0)) == [1, 2]
    assert not loop.is_ancestor(0, 1)
    assert loop.governing_verb(0) is None


@st.composite
def trees(draw):
    """A random dependency tree: token 0 is the root, every other token's head comes earlier."""
    n = draw(st.integers(1, 25))
    heads = [0] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    return make_parse([f"w{i}" for i in range(n)], heads, ["dep"] * n)


@given(trees(), st.data())
def test_ancestors_agree_with_children_and_subtree(p, data):
    i = data.draw(st.integers(0, len(p.toks) - 1))
    up = list(p.ancestors(i))
    assert (up[-1] if up else i) == 0  # every chain ends at the root
    for a in up:
        assert p.is_ancestor(a, i)
        lo, hi = p.subtree(a)
        assert lo <= i < hi
    for j in range(len(p.toks)):
        assert p.is_ancestor(j, i) == (j == i or j in up)
        assert (i in p.children[j]) == (p.toks[i].head == j and i != j)


def test_importing_the_pipeline_does_not_load_spacy():
    code = "import sys, according.pipeline, according.syntax, according.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_stage_package_imports_first_in_a_fresh_interpreter():
    # A cycle between packages (coref -> quotes -> speakers -> coref) only shows when the
    # package on the cycle is the first one imported: a test file importing `according.coref`
    # alone failed 19 of 20 tests while the whole suite passed. One interpreter per package.
    import according

    root = Path(according.__file__).parent
    packages = sorted(p.name for p in root.iterdir() if (p / "__init__.py").exists())
    assert {"coref", "quotes", "events", "places", "times"} <= set(packages)
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)"
    for name in packages:
        out = subprocess.run(
            [sys.executable, "-c", code, f"according.{name}"], capture_output=True, text=True
        )
        assert out.returncode == 0, f"according.{name}: {out.stderr[-800:]}"


@given(trees(), st.sampled_from(["pos", "dep", "head", "text"]), st.data())
def test_tokens_with_is_the_token_by_token_test(p, field, data):
    values = data.draw(st.sets(st.sampled_from([t[Tok._fields.index(field)] for t in p.toks] or ["x"])))
    assert p.tokens_with(field, values) == [t.i for t in p.toks if getattr(t, field) in values]
    assert p.column(field) == tuple(getattr(t, field) for t in p.toks)
