"""The evaluation gate: accuracy on fixed subsets of the development corpora,
scored by the shared scorers, must not fall below the floors pinned in
``tests/eval_floors.json``.

Each floor sits a little under the number measured when it was pinned (the
margin absorbs nothing but noise: the analysis is deterministic, so a drop is
a real regression). Raise a floor when a change improves the number; never
lower one without saying why in the commit. Skips without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())


def dig(metrics: dict, dotted: str):
    """metrics["a"]["b"] for "a/b" (scorer keys contain dots: "quote@0.3")."""
    cur = metrics
    for part in dotted.split("/"):
        cur = cur[part]
    return cur


@pytest.mark.parametrize("gate", sorted(FLOORS), ids=sorted(FLOORS))
def test_eval_gate(gate, shared, tmp_path):
    from according.evaluation import run_eval

    spec = FLOORS[gate]
    # "path" is inside ../shared; "repo_path" inside this repository (our own gold)
    path = shared / spec["path"] if "path" in spec else ROOT / spec["repo_path"]
    metrics = run_eval(spec["dataset"], str(path), out=str(tmp_path / "pred.jsonl"), limit=spec.get("limit"))
    failures = []
    for key, floor in spec["floors"].items():
        got = dig(metrics, key)
        if got is None or got < floor:
            failures.append(f"{key} = {got} < floor {floor}")
    assert not failures, f"{gate}: " + "; ".join(failures)
