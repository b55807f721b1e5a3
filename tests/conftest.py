"""Shared test fixtures.

``../shared`` (corpora, the sample article, the scorers) is beside the checkout
in CI but not on a user's machine: tests that need it use the ``shared``
fixture and skip with a reason when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "wapo-2024-02-14-gaza-ceasefire-talks.txt"
EXAMPLE = ROOT / "examples" / "harbor-ceasefire.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"needs ../shared (corpora, samples, scorers), not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def sample_text(shared) -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_analysis(sample_text):
    import according

    return according.analyze(sample_text, id="wapo-2024-02-14-gaza-ceasefire-talks")


@pytest.fixture(scope="session")
def analyze():
    """according.analyze, with the model loaded once for the session."""
    import according

    return according.analyze


@pytest.fixture(scope="session")
def polnear_train_cache(shared, tmp_path_factory) -> Path:
    """Where the quote trainers keep their parse of PolNeAR train for this test session: the first
    rebuild test that asks parses the 840 articles and writes it (scripts/train_quotes.load_corpus,
    minutes), the next reads it, so the corpus is parsed once per run, not once per model."""
    return tmp_path_factory.mktemp("polnear-train") / "train.pkl"


@pytest.fixture
def retrained(tmp_path):
    """Run a training script (scripts/NAME) with ``--out`` in a temporary folder and return the bytes it
    wrote, so the byte-for-byte tests compare with the shipped weights without touching them."""
    import subprocess
    import sys

    def run(script: str, *args: str) -> bytes:
        out = tmp_path / "weights.json"
        root = Path(__file__).resolve().parents[1]
        res = subprocess.run(
            [sys.executable, str(root / "scripts" / script), *args, "--out", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert res.returncode == 0, res.stderr[-2000:]
        return out.read_bytes()

    return run
