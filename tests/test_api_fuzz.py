"""OpenAPI-driven fuzzing of the HTTP API (Schemathesis): no 5xx, every request answered.

Every operation of /api/openapi.json gets generated requests, valid and invalid by its
documented parameter types and bodies (negative mode: wrong types, out-of-range integers,
missing fields, odd strings). A 5xx fails the test, and so does a request the app does not
answer (the test client re-raises an exception that escaped the app). The store is filled
first so reads find rows. Analysis is the one thing replaced: the worker process (web/pool.py)
is swapped for a stand-in that builds a minimal record from the posted text, so a run takes
well under two minutes and tests the HTTP layer and the store with whatever ids and texts the
fuzzer sends (the analyser has its own tests; the pool's limit is tested in
test_hardening_api.py). Bounded: ``MAX_EXAMPLES`` per operation and mode.
"""

from __future__ import annotations

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from according.store.memo import to_json
from according.web.app import create_app
from web_records import emoji_record, story_records, xss_record

TOKEN = "fuzz-token"
MAX_EXAMPLES = 12


def minimal_record(doc) -> dict:
    return {
        "schema": "according.analysis/1",
        "id": doc.id,
        "text": doc.text,
        "meta": {"url": doc.meta.url, "published": doc.meta.published, "headline": doc.meta.headline},
        "furniture": [],
        "entities": [],
        "quotes": [],
        "figures": [],
        "times": [],
        "places": [],
        "events": [],
        "errors": [],
        "provenance": {"according": "fuzz"},
    }


class StandInPool:
    """The analysis pool's interface, without a worker process or spaCy."""

    store_url = "stand-in"

    def __init__(self, store):
        self.store = store

    def run(self, kind, doc, model):
        if kind == "analyze":
            return to_json(minimal_record(doc))
        return self.store.ingest([minimal_record(doc)])

    def close(self):
        pass


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    app = create_app(str(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite"), token=TOKEN, cache_seconds=0)
    app.state.analysis_pool = StandInPool(app.state.store)
    summary = app.state.store.ingest([emoji_record(), xss_record(), *story_records()])
    assert not summary["failed"]
    yield app
    app.state.store.close()


def operations(app) -> list:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def fuzz(op, mode: GenerationMode, seen: dict[str, int]) -> None:
    """Up to MAX_EXAMPLES generated requests to one operation; ``seen`` counts the answers."""

    @hypothesis.given(op.as_strategy(generation_mode=mode))
    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,  # the same examples on every run and machine
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    def one(case):
        # With the token: writes reach the body parsers and the store (refusals without it
        # are tested in test_hardening_api.py).
        response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
        case.validate_response(response, checks=[not_a_server_error])
        seen[op.label] = seen.get(op.label, 0) + 1

    try:
        one()
    except hypothesis.errors.Unsatisfiable:
        assert mode == GenerationMode.NEGATIVE, op.label  # nothing invalid to send (no parameters)
        seen.setdefault(op.label, 0)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_5xx_and_every_request_answered(fuzz_app, mode):
    ops = operations(fuzz_app)
    assert len(ops) >= 15  # every documented operation is fuzzed
    seen: dict[str, int] = {}
    for op in ops:
        fuzz(op, mode, seen)
    assert set(seen) == {op.label for op in ops}
    assert sum(seen.values()) >= len(ops) * (MAX_EXAMPLES // 2 if mode == GenerationMode.POSITIVE else 1)
