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
