"""English word data lives in according/lang/ (spaCy-free), and the stages read it from there."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import according

PACKAGE = Path(according.__file__).parent
LOWER_WORD = re.compile(r"^[a-z][a-z'’.-]*$")
MAX_WORDS = 5  # a literal of more lowercase words than this is word data

# Modules that still define word lists of their own (each to move its lists to according/lang/),
# with how many such literals each has; a count may only go down, and a module at 0 leaves the
# table. Empty since issue 11's last moves: every English word list lives in according/lang/.
NOT_YET_MIGRATED: dict[str, int] = {}
# Literals of lowercase words that are no English word data (identifiers of the program).
NOT_WORD_DATA = {
    "analyzer.py": 1,  # STAGES: stage names
    "evaluation.py": 1,  # DATASETS: corpus names
    "events/acled_csv.py": 2,  # ACLED_COLUMNS, GEO_PRECISION: ACLED's column names, place kinds -> codes
    "events/location.py": 1,  # PLACE_RANK: place kinds ranked
    "figures/measures.py": 1,  # SUBJ_OBJ: dependency labels
    "ingest/html.py": 3,  # HTML element names (blocks, dropped) and meta property names of a date
    "places/__init__.py": 1,  # _SPECIFIC: place kinds ranked
    "places/ranking.py": 1,  # KIND_PRIOR: gazetteer record kinds -> priors
    # GEO_PRECISION, FEATURE: gazetteer record kinds -> ACLED precision codes, feature names
    "places/resolve.py": 2,
    "quotes/placing.py": 1,  # Attribution.__slots__: attribute names
    "quotes/rules.py": 2,  # FUNC_DEPS, CLIMB: dependency labels
    "store/validate.py": 5,  # SHAPE: the record's field names
    "times/grammar.py": 1,  # TRIGGERS: rule names -> the regex that finds where each rule may match
    "web/api.py": 1,  # EXPORT_TABLES
    "web/posted.py": 1,  # the JSON schema of a posted article: its property names
}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return []


def word_literals(source: str) -> list[int]:
    """Line numbers of the word lists in a module: a set literal or a split string anywhere, or a
    tuple, list or dict (keys) assigned at module or class level, of more than MAX_WORDS
    lowercase words. (Tuples inside functions are mostly dependency labels, not English.)"""
    tree = ast.parse(source)
    found = []
    top_level: set[int] = set()
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
        for stmt in scope.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                top_level.update(id(n) for n in ast.walk(stmt.value))
    for node in ast.walk(tree):
        anywhere = isinstance(node, ast.Set) or isinstance(node, ast.Call)
        if not anywhere and id(node) not in top_level:
            continue
        if len([w for w in _strings(node) if LOWER_WORD.match(w)]) > MAX_WORDS:
            found.append(node.lineno)
    return found


def test_the_detector_finds_word_lists_and_skips_other_literals():
    src = (
        'A = {"one", "two", "three", "four", "five", "six"}\n'
        'B = "one two three four five six".split()\n'
        'C = ("one", "two", "three", "four", "five", "six")\n'
        'D = ("one", "two", "three", "four", "five")\n'
        'E = ("One", "Two", "Three", "Four", "Five", "Six")\n'
        "def f(t):\n"
        '    return t in ("nsubj", "dobj", "iobj", "attr", "oprd", "dative")\n'
        "def g(t):\n"
        '    return t in {"one", "two", "three", "four", "five", "six"}\n'
    )
    assert word_literals(src) == [1, 2, 3, 9]


def test_word_lists_live_in_lang():
    counts = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("lang/"):
            continue
        n = len(word_literals(path.read_text(encoding="utf-8")))
        if n:
            counts[rel] = n
    new = {f: n for f, n in counts.items() if n > NOT_YET_MIGRATED.get(f, 0) + NOT_WORD_DATA.get(f, 0)}
    assert not new, f"word lists outside according/lang/ (move them there): {new}"
    done = sorted(f for f, n in NOT_YET_MIGRATED.items() if counts.get(f, 0) - NOT_WORD_DATA.get(f, 0) < n)
    assert not done, (
        f"fewer lists than NOT_YET_MIGRATED says (lower the count, or drop the entry at 0): {done}"
    )


def test_lang_imports_no_spacy_and_nothing_outside_lang():
    for path in sorted((PACKAGE / "lang").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                # a sibling module of lang/ (level 1) is fine; nothing from the rest of according
                outside = node.level > 1 or (node.level == 0 and (node.module or "").startswith("according"))
                assert not outside, f"{path.name} imports {'.' * node.level}{node.module}"
                assert not (node.module or "").startswith("spacy"), path.name
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("spacy") for a in node.names), path.name
    code = "import sys, according.lang.titles, according.lang.calendar; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_names_are_cleaned_alike_inside_and_across_articles():
    from according.entities import names
    from according.store import crossdoc

    # every title an article strips is stripped across articles too
    assert names.TITLES <= crossdoc.TITLES
    assert crossdoc.name_key("Foreign Minister Ayman Safadi", "PERSON") == crossdoc.name_key(
        "Ayman Safadi", "PERSON"
    )
    # one list of legal forms: "LP" is one inside an article as across articles
    assert "lp" in names.CORPORATE
    assert crossdoc.name_key("Harbor Partners LP", "ORG") == crossdoc.name_key("Harbor Partners", "ORG")


def test_month_tables_agree():
    from according.events import MONTHS as EVENT_MONTHS
    from according.ingest.metadata import _MONTHS
    from according.lang.calendar import MONTH_NAMES, MONTHS
    from according.times.grammar import MONTHS as TIME_MONTHS

    assert TIME_MONTHS is MONTHS and _MONTHS is MONTHS
    assert list(EVENT_MONTHS) == list(MONTH_NAMES)
    assert all(MONTHS[m] == k for m, k in EVENT_MONTHS.items())
    assert all(MONTHS[m[:3]] == MONTHS[m] for m in MONTH_NAMES)
