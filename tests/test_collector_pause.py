"""The analysis pauses the cyclic garbage collector for one article and restores it after
(analyzer.collector_paused), and no module keeps an analysed parse alive after its analysis."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from tests.test_syntax import make_parse

from according.analyzer import analyze_parse, collector_paused
from according.quotes import extent


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_enabled_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_enabled_again_when_the_analysis_raises(collector_on):
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a stage failed")
    assert gc.isenabled()


def test_a_callers_own_disable_is_kept(collector_on):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_nested_pauses_resume_only_at_the_outermost(collector_on):
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


@contextmanager
def another_threads_analysis() -> Iterator[None]:
    """An analysis running in another thread for as long as the block runs (it ends, and the
    thread is joined, when the block exits)."""
    inside, release = threading.Event(), threading.Event()

    def other_analysis() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other_analysis)
    worker.start()
    inside.wait(5)
    try:
        yield
    finally:
        release.set()
        worker.join(5)


def test_threads_resume_when_the_last_analysis_ends(collector_on):
    with another_threads_analysis():
        with collector_paused():
            pass
        assert not gc.isenabled()  # the other thread's analysis still runs
    assert gc.isenabled()


def test_an_analysed_parse_is_freed_by_reference_counting(collector_on):
    p = make_parse(
        ["He", "said", "“", "no", "”", "."],
        [1, 1, 1, 1, 1, 1],
        ["nsubj", "ROOT", "punct", "dobj", "punct", "punct"],
    )
    analyze_parse(p, model_info={"name": "test"})  # every stage, the collector paused
    extent._marks_before(p)  # the quotation-mark counts cached for the last parse asked
    gone = weakref.ref(p)
    gc.disable()  # only reference counting: a parse held by a cache or a cycle would stay
    del p
    assert gone() is None


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_while_another_threads_analysis_runs(collector_on):
    """Threads analysing back to back keep the collector paused: each analysis that ends while
    another still runs collects, so its cyclic garbage does not wait for the last to end."""
    with another_threads_analysis():
        with collector_paused():
            garbage = _Cycle()
            gone = weakref.ref(garbage)
            del garbage
        assert not gc.isenabled()  # still paused for the other analysis
        assert gone() is None  # but this analysis's cycle was collected as it ended
    assert gc.isenabled()


def test_no_collection_at_the_end_of_a_nested_analysis_in_one_thread(collector_on):
    collections: list[str] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(phase)

    gc.callbacks.append(count)
    try:
        with collector_paused():
            with collector_paused():  # analyze_documents around _finish: one analysis
                pass
            assert collections == []
    finally:
        gc.callbacks.remove(count)
