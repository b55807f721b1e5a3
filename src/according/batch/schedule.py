"""Which articles a free worker gets next: the worker pool's schedule, with no processes in it (so
``benchmarks/bench_parallel.py --simulate`` replays it on measured per-article CPU times).

While the input lasts, a worker gets the next ``CHUNK`` consecutive articles. Once the end of the
input has been read, what is left is handed out longest first, in chunks that shrink (each takes
``1 / (TAIL_SHARE x jobs)`` of the text left, at most ``CHUNK`` articles, at least one), so the
workers finish together instead of one core running the last 16-article chunk alone. The pool puts
the results back in input order.

Why any cut is exact: spaCy's annotation of a document does not depend on the other documents of its
``nlp.pipe`` batch. ``scripts/check_batch_invariance.py`` parsed 1,551 articles (PolNeAR, MEANTIME,
CASE 2021, GUM Wikinews, LGL; 662k words) alone (batch size 1) and in batches of 16 and of 64, and
154 of them also in batches of 5: every tag, POS, dependency and head, lemma, entity, morphology and
sentence start, the shared tok2vec's output (``Doc.tensor``) bit for bit and the whole serialised
Doc were the same at every size. (Measured with this model and thinc 8.3 / blis 1.3 on CPU; re-run
the script after changing either.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

CHUNK = 16  # articles per chunk while the input lasts (= analyze_documents' parse batch)
AHEAD_CHUNKS_PER_JOB = 4  # articles read but not yet written: at most 4 x jobs x CHUNK (128 for 2)
TAIL_SHARE = 2  # a tail chunk takes 1/(2 x jobs) of the text left (guided self-scheduling, halved)
ARTICLE_CHARS = 100  # an article's fixed cost in characters of text (see weight())

T = TypeVar("T")


def weight(item: Any) -> int:
    """An article's expected analysis cost, in characters: its text plus a fixed part. Calibrated with
    ``bench_parallel.py --simulate`` on 200 PolNeAR articles analysed one at a time: CPU time is
    5.5e-5 s per character (correlation 0.98) and the least-squares intercept is -60 characters'
    worth, i.e. no fixed part to speak of; ``ARTICLE_CHARS`` = 100 only keeps an empty article from
    weighing nothing."""
    for name in ("text", "data", "line"):
        value = getattr(item, name, None)
        if isinstance(value, str | bytes):
            return len(value) + ARTICLE_CHARS
    return ARTICLE_CHARS


@dataclass(frozen=True)
class Chunk(Generic[T]):
    """Articles for one worker, with their positions in the input."""

    numbers: tuple[int, ...]
    items: tuple[T, ...]
    tail: bool = False  # cut after the end of the input was read (longest first, shrinking)


class ChunkPlan(Generic[T]):
    """Cuts a stream of items into chunks on demand (see the module's docstring)."""

    def __init__(
        self,
        items: Iterable[T],
        jobs: int,
        *,
        chunk: int = CHUNK,
        ahead: int | None = None,
        weigh: Callable[[T], int] = weight,
    ):
        self._source = iter(items)
        self.jobs, self.chunk = max(1, jobs), max(1, chunk)
        self.ahead = max(
            self.chunk, ahead if ahead is not None else AHEAD_CHUNKS_PER_JOB * self.jobs * self.chunk
        )
        self._weigh = weigh
        self._window: deque[tuple[int, T, int]] = deque()  # (position, item, weight) read, not handed out
        self._read = 0
        self.exhausted = False  # the end of the input has been read
        self._tail_sorted = False

    @property
    def finished(self) -> bool:
        """Every item has been handed out."""
        return self.exhausted and not self._window

    def _fill(self, room: int) -> None:
        while not self.exhausted and len(self._window) < room:
            try:
                item = next(self._source)
            except StopIteration:
                self.exhausted = True
                return
            self._window.append((self._read, item, self._weigh(item)))
            self._read += 1

    def read_ahead(self) -> None:
        """Read as far ahead as allowed now (nothing handed out yet): what the pool does while its
        workers start, when this process would otherwise wait for the fork server's load."""
        self._fill(self.ahead)

    def next(self, held: int) -> Chunk[T] | None:
        """The next chunk for a free worker; ``held`` counts the items handed out and not yet written
        (in a worker, or done and waiting for an earlier chunk). None: nothing to hand out now."""
        self._fill(self.ahead - held)
        if not self.exhausted:
            if len(self._window) < self.chunk:
                return None  # too far ahead of the output: wait for the oldest chunk
            return self._chunk([self._window.popleft() for _ in range(self.chunk)], tail=False)
        if not self._window:
            return None
        if not self._tail_sorted:  # longest first, ties in input order
            self._window = deque(sorted(self._window, key=lambda t: (-t[2], t[0])))
            self._tail_sorted = True
        target = sum(w for _, _, w in self._window) / (TAIL_SHARE * self.jobs)
        taken = [self._window.popleft()]
        got = taken[0][2]
        while self._window and len(taken) < self.chunk and got + self._window[0][2] <= target:
            got += self._window[0][2]
            taken.append(self._window.popleft())
        return self._chunk(taken, tail=True)

    @staticmethod
    def _chunk(taken: list[tuple[int, T, int]], *, tail: bool) -> Chunk[T]:
        return Chunk(tuple(n for n, _, _ in taken), tuple(item for _, item, _ in taken), tail)
