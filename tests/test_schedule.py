"""The worker pool's schedule (according.batch.schedule): every article handed out exactly once,
consecutive chunks while the input lasts, the rest longest first in chunks that shrink, and never
more than ``ahead`` articles read and not yet written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from according.batch.schedule import Chunk, ChunkPlan, weight
from batch_articles import Counted


def hand_out(plan: ChunkPlan, release_every: int) -> list[Chunk]:
    """Ask for chunks as free workers do; the writer releases its oldest chunk every few asks."""
    chunks: list[Chunk] = []
    held: list[Chunk] = []
    asks = 0
    while not plan.finished:
        chunk = plan.next(sum(len(c.numbers) for c in held))
        asks += 1
        if chunk is not None:
            chunks.append(chunk)
            held.append(chunk)
        if held and (chunk is None or asks % release_every == 0):
            held.pop(0)
    return chunks


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(0, 5000), max_size=120),
    jobs=st.integers(1, 4),
    chunk=st.integers(1, 8),
    ahead_chunks=st.integers(1, 5),
    release_every=st.integers(1, 4),
)
def test_every_article_is_handed_out_once_consecutive_first_then_longest_first(
    lengths, jobs, chunk, ahead_chunks, release_every
):
    texts = ["x" * n for n in lengths]
    source = Counted(texts)
    plan = ChunkPlan(source, jobs, chunk=chunk, ahead=ahead_chunks * chunk, weigh=len)
    chunks = hand_out(plan, release_every)
    numbers = [n for c in chunks for n in c.numbers]
    assert sorted(numbers) == list(range(len(texts)))
    assert all(texts[n] is item for c in chunks for n, item in zip(c.numbers, c.items))
    assert all(1 <= len(c.numbers) <= chunk for c in chunks)
    # before the end was read: whole chunks of consecutive articles in input order; then the rest,
    # longest first
    steady = [c.numbers for c in chunks if not c.tail]
    assert all(len(c) == chunk and list(c) == list(range(c[0], c[0] + chunk)) for c in steady)
    assert [n for c in steady for n in c] == list(range(len(steady) * chunk))
    assert all(c.tail for c in chunks[len(steady) :])
    tail = [len(texts[n]) for c in chunks[len(steady) :] for n in c.numbers]
    assert tail == sorted(tail, reverse=True)


def test_the_reader_stays_at_most_ahead_articles_in_front_of_the_writer():
    source = Counted(["text"] * 100)
    plan = ChunkPlan(source, 2, chunk=4, ahead=12, weigh=len)
    handed = 0
    while (chunk := plan.next(handed)) is not None:  # nothing is ever written
        handed += len(chunk.numbers)
    assert handed == 12 and source.read <= 12 and not plan.exhausted


def test_the_tail_shrinks_so_that_workers_finish_together():
    # 40 articles, all read at once: chunk sizes 16 at most, then smaller; the last ones alone
    texts = ["y" * 1000] * 40
    plan = ChunkPlan(texts, 2, chunk=16, weigh=len)
    sizes = [len(c.numbers) for c in hand_out(plan, 1)]
    assert sizes[0] == 10  # a quarter of the text left (2 x jobs), not a whole chunk of 16
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1 and sum(sizes) == 40


def test_an_articles_weight_is_its_length_plus_a_fixed_part():
    from according.batch.inputs import JsonlLine
    from according.ingest import read_document

    doc = read_document("A short article about a council meeting.", id="d", format="text")
    line = JsonlLine("l", b'{"text": "abc"}', "f.jsonl", 1)
    assert weight(doc) - weight(read_document("A.", id="e", format="text")) == len(doc.text) - 2
    assert weight(line) > weight(object()) > 0
