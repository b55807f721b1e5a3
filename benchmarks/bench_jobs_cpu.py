"""Where ``--jobs 2`` spends its CPU: the command's processes accounted in CPU-seconds, not wall time.

Wall-clock ratios need an idle machine; CPU-seconds do not (other load on the cores slows every
process but does not add to its CPU time). So this runs ``according analyze FILE.jsonl --format jsonl``
with ``--jobs 1`` and ``--jobs 2`` on the same articles (bench_parallel.py's: PolNeAR dev then train,
cycled to ``--n``), interleaved over ``--rounds``, and for ``--jobs 2`` samples ``/proc/PID/stat`` of
the command's process tree every ``--every`` seconds (Linux only), so each process's CPU is known:

- ``parent``: the command itself (reading input, the schedule, receiving and writing results);
- ``server``: the fork server's own CPU (imports, model and gazetteer load: the fixed cost);
- ``workers``: each worker's CPU (its analysis); ``other``: anything else (multiprocessing's helpers);
- ``tail``: CPU the last worker spends after the other one has finished its last chunk (one core idle);
- ``start``: CPU the fork server spent before the first worker forked (the start-up's critical path,
  while the parent imports and reads on the other core) and the parent's own CPU by then.

``--jobs 1`` is one process: its CPU is the kernel's exact account (``wait4``). A sampled process's
CPU is its last sample, so a process is short by at most one interval; ``sampled_vs_wait4`` compares
the sum of the samples with the kernel's total for the whole tree (``wait4`` of the command, which
reaped the fork server, which reaped the workers).

The best ``--jobs 2`` can do against ``--jobs 1`` on two idle cores follows from these parts:
``2 x T1 / (T1 + overhead)`` where overhead = (all CPU of --jobs 2) - T1 + tail, i.e. every CPU-second
that is not the analysis ``--jobs 1`` does, plus the time one core idles at the end. The ``projected``
figure is that bound, computed per round; the overhead also counts one core idle at the start while
the fork server loads (its CPU before the first worker forked, less the parent's by then).

    python benchmarks/bench_jobs_cpu.py [--n 200] [--rounds 2] [--baseline OTHER/according] [--json out.json]

Run it with a cache of its own (``ACCORDING_CACHE=DIR``) when other checkouts run on the machine: the
gazetteer's index is keyed by its code and data, and a checkout that writes its own deletes the
others', so the next command rebuilds it (~33-50 CPU-s in the fork server's load).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_throughput import articles  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Proc:
    pid: int
    ppid: int
    cmdline: str
    cpu: float = 0.0  # own user + system CPU-s, last sample
    system: float = 0.0  # of which in the kernel (page faults: copy-on-write after fork)
    faults: int = 0  # minor page faults
    on_cpu: float = 0.0  # /proc/PID/schedstat: seconds running
    queued: float = 0.0  # seconds runnable but waiting for a core (other load on the machine)
    last_seen: float = 0.0
    children_cpu: float = 0.0  # CPU-s of its reaped children, last sample
    first_seen: float = 0.0
    last_busy: float = 0.0  # wall time of the last sample where its CPU grew
    history: list[tuple[float, float]] = field(default_factory=list)  # (wall, cpu)


def _stat(pid: int) -> tuple[int, float, float, float, int] | None:
    """ppid, own CPU-s, reaped children's CPU-s, own system CPU-s, minor faults."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    fields = raw[raw.rindex(b")") + 2 :].split()
    # fields[0] is state (field 3); utime is field 14 -> index 11
    if fields[0] == b"Z":
        return None
    return (
        int(fields[1]),
        (int(fields[11]) + int(fields[12])) / TICK,
        (int(fields[13]) + int(fields[14])) / TICK,
        int(fields[12]) / TICK,
        int(fields[7]),
    )


def _schedstat(pid: int) -> tuple[float, float]:
    try:
        with open(f"/proc/{pid}/schedstat") as fh:
            on_cpu, queued, _ = fh.read().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(on_cpu) / 1e9, int(queued) / 1e9


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def run_sampled(cmd: list[str], out_path: Path, every: float) -> dict:
    """Run ``cmd`` (stdout to ``out_path``), sampling its process tree; the CPU of each part."""
    t0 = time.perf_counter()
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
    procs: dict[int, Proc] = {}
    while True:
        now = time.perf_counter() - t0
        todo, seen = [proc.pid], set()
        while todo:
            pid = todo.pop()
            if pid in seen:
                continue
            seen.add(pid)
            st = _stat(pid)
            if st is None:
                continue
            ppid, cpu, children_cpu, system, faults = st
            p = procs.get(pid)
            if p is None:
                p = procs[pid] = Proc(pid, ppid, _cmdline(pid), first_seen=now)
            if cpu > p.cpu:
                p.last_busy = now
            p.cpu, p.children_cpu = max(p.cpu, cpu), max(p.children_cpu, children_cpu)
            p.system, p.faults = max(p.system, system), max(p.faults, faults)
            on_cpu, queued = _schedstat(pid)
            p.on_cpu, p.queued = max(p.on_cpu, on_cpu), max(p.queued, queued)
            p.last_seen = now
            p.history.append((now, cpu))
            todo += _children(pid)
        _, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if _ and _ == proc.pid:
            break
        time.sleep(every)
    wall = time.perf_counter() - t0
    if status != 0 and os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"{cmd} failed: {status}")
    tree_cpu = usage.ru_utime + usage.ru_stime
    root = procs[proc.pid]
    server = [p for p in procs.values() if p.ppid == proc.pid and "forkserver" in p.cmdline]
    server_pid = server[0].pid if server else None
    workers = [p for p in procs.values() if server_pid is not None and p.ppid == server_pid]
    other = [p for p in procs.values() if p.pid != proc.pid and p.pid != server_pid and p not in workers]
    result: dict = {
        "wall_s": round(wall, 2),
        "tree_cpu_s_wait4": round(tree_cpu, 2),
        "parent_cpu_s": round(root.cpu, 2),
        "server_cpu_s": round(server[0].cpu, 2) if server else None,
        "workers_cpu_s": [round(w.cpu, 2) for w in sorted(workers, key=lambda w: w.first_seen)],
        "workers_system_cpu_s": [round(w.system, 2) for w in sorted(workers, key=lambda w: w.first_seen)],
        "workers_minor_faults": [w.faults for w in sorted(workers, key=lambda w: w.first_seen)],
        # a worker's life = running + queued for a core + asleep; asleep = waiting for its next chunk
        "workers_asleep_s": [
            round(w.last_seen - w.first_seen - w.on_cpu - w.queued, 2)
            for w in sorted(workers, key=lambda w: w.first_seen)
        ],
        "workers_queued_s": [round(w.queued, 2) for w in sorted(workers, key=lambda w: w.first_seen)],
        "parent_system_cpu_s": round(root.system, 2),
        "parent_minor_faults": root.faults,
        "system_cpu_s_wait4": round(usage.ru_stime, 2),
        "other_cpu_s": round(sum(p.cpu for p in other), 2),
        "other": [p.cmdline[:80] for p in other],
    }
    sampled = (
        root.cpu + (server[0].cpu if server else 0) + sum(w.cpu for w in workers) + result["other_cpu_s"]
    )
    result["sampled_vs_wait4_s"] = round(sampled - tree_cpu, 2)
    if len(workers) >= 2:
        ends = sorted(workers, key=lambda w: w.last_busy)
        first_done = ends[-2].last_busy
        last = ends[-1]
        before = max((c for t, c in last.history if t <= first_done), default=0.0)
        result["tail_cpu_s"] = round(last.cpu - before, 2)
        result["tail_wall_s"] = round(last.last_busy - first_done, 2)
        first_fork = min(w.first_seen for w in workers)
        if server:
            result["start"] = {
                "server_cpu_before_first_worker_s": round(
                    max((c for t, c in server[0].history if t <= first_fork), default=0.0), 2
                ),
                "parent_cpu_before_first_worker_s": round(
                    max((c for t, c in root.history if t <= first_fork), default=0.0), 2
                ),
                "first_worker_wall_s": round(first_fork, 2),
            }
        result["after_last_worker_wall_s"] = round(wall - last.last_busy, 2)
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--every", type=float, default=0.02, help="seconds between samples")
    ap.add_argument("--exe", default=str(Path(sys.executable).with_name("according")))
    ap.add_argument("--baseline", default=None, help="another checkout's `according`: its --jobs 2 too")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    texts = list(islice(cycle(articles()), args.n))
    rounds = []
    identical = True
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "in.jsonl"
        with open(archive, "w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i:05d}", "text": t}) + "\n")
        for r in range(args.rounds):
            got: dict = {}
            sides = [("1", args.exe, "1"), ("2", args.exe, "2")]
            if args.baseline:
                sides.append(("baseline_2", args.baseline, "2"))
            for name, exe, jobs in sides if r % 2 == 0 else sides[::-1]:
                cmd = [exe, "analyze", str(archive), "--format", "jsonl", "--jobs", jobs]
                got[name] = run_sampled(cmd, Path(tmp) / f"out{name}.jsonl", args.every)
                got[name]["load"] = round(os.getloadavg()[0], 2)
            outputs = {(Path(tmp) / f"out{name}.jsonl").read_bytes() for name, _, _ in sides}
            identical &= len(outputs) == 1
            t1 = got["1"]["tree_cpu_s_wait4"]
            start = got["2"].get("start", {})
            start_idle = max(
                0.0,
                start.get("server_cpu_before_first_worker_s", 0.0)
                - start.get("parent_cpu_before_first_worker_s", 0.0),
            )
            overhead = got["2"]["tree_cpu_s_wait4"] - t1 + got["2"].get("tail_cpu_s", 0.0) + start_idle
            got["overhead_cpu_s"] = round(overhead, 2)
            got["projected_idle_speedup"] = round(2 * t1 / (t1 + overhead), 3)
            got["wall_speedup"] = round(got["1"]["wall_s"] / got["2"]["wall_s"], 3)
            rounds.append(got)
            print(json.dumps(got), file=sys.stderr)
    result = {"articles": len(texts), "rounds": rounds, "bytes_identical": identical}
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
