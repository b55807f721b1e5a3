"""While the worker pool's fork server loads, the parent reads the first articles (its core would
otherwise wait), never more than the schedule's ``ahead`` bound, and what it read is what the
workers analyse, in input order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from according.batch.schedule import ChunkPlan
from according.settings import Settings
from batch_articles import Counted


@given(n=st.integers(0, 60), ahead=st.integers(1, 40), chunk=st.integers(1, 8))
def test_read_ahead_reads_up_to_the_bound_and_the_plan_still_hands_out_everything_once(n, ahead, chunk):
    source = Counted(f"article {k} " * (k % 5 + 1) for k in range(n))
    plan = ChunkPlan(source, 2, chunk=chunk, ahead=ahead)
    plan.read_ahead()
    bound = max(chunk, ahead)  # the plan never reads fewer than one chunk ahead
    assert source.read == min(n, bound)
    plan.read_ahead()  # again: nothing more (nothing was handed out)
    assert source.read == min(n, bound)
    handed: list[int] = []
    while not plan.finished:
        got = plan.next(0)
        if got is None:  # nothing held: only when the end of the input has just been read
            assert plan.finished
            break
        handed += got.numbers
    assert sorted(handed) == list(range(n))


def test_the_pool_reads_its_first_articles_before_it_starts_a_worker(monkeypatch):
    from according.batch.pool import WorkerPool

    source = Counted(range(100))
    read_at_start: list[int] = []

    class Stop(Exception):
        pass

    def start(self):
        read_at_start.append(source.read)
        raise Stop  # no process: only when the pool starts its first worker matters here

    monkeypatch.setattr(WorkerPool, "_start", start)
    pool = WorkerPool(Settings(), 2, chunk=4, ahead=12)
    try:
        next(pool.run(source))
    except Stop:
        pass
    assert read_at_start == [12]
