"""Spark's Python daemon for ``according``: the model loaded once per executor, before it forks.

PySpark runs one daemon per executor (``pyspark.daemon``) that forks a Python worker for each
task slot and reuses them. With the stock daemon every worker loads the spaCy model and the
gazetteer itself, about 6 s of CPU each on this project's 2-core machine (model 4.6 s, first
analysis 1.3 s, ``time.process_time``), so an executor with N slots pays N loads before its first
article and holds N copies. Started as ``spark.python.daemon.module=according.batch.spark_daemon``
(``batch.spark.SPARK_CONF``), the daemon loads them once and its forked workers share them
copy-on-write, as spaCy's own ``nlp.pipe(n_process=...)`` forks its workers after loading.

Settings still reach each task as its argument; this warms the default settings only (a daemon
gets nothing from the job but Spark's environment). A task whose settings name another model
loads it itself (``according.nlp.load`` caches per process), and a warm-up that fails costs only
that: the workers load what they need, as with the stock daemon.

A session ``according`` starts itself on this machine does better: Spark starts its daemon only at
the first task, after the JVM and the session (~5-10 s), so the load would wait for them. The driver
starts a warm server (:class:`WarmServer`) before its JVM instead; the server loads the model while
the JVM starts (on the other core), and the daemon Spark starts hands its stdin, stdout, stderr (as
file descriptors over a Unix socket), environment and working directory to the server, which forks
the real ``pyspark.daemon`` with them (:func:`_relay`, :func:`serve`). The JVM then talks to a
daemon that already holds the model: the 3-article command (the fixed cost alone) went from 41.1 /
35.3 s to 22.6 / 22.5 s (the wave from 23.1 / 19.6 s to 4.5 / 4.1 s; load 11, interleaved rounds,
``--engine local --jobs 2`` 10.8 / 11.3 s; the class-data archive of :mod:`.spark_cds` included).
No server (under spark-submit, or it has gone): the daemon warms up itself, as before.
"""

from __future__ import annotations

import contextlib
import os
import sys

# The pid of the daemon that warmed this process's memory before forking it (None: not forked from
# a warmed daemon). Set on the module under its package name: Spark runs this file as __main__.
WARMED_BY_PID: int | None = None


def warm_up() -> None:
    """Load the model and everything the first analysis loads (gazetteer, lexicons)."""
    from ..ingest import read_document
    from ..settings import Settings
    from .pool import analyse_chunk

    settings = Settings()
    settings.apply()
    doc = read_document(
        "The minister said on Monday that two people were killed in Paris. “We will help,” she said.",
        id="spark-daemon-warm-up",
        format="text",
    )
    analyse_chunk([doc], settings, as_objects=False)


def main() -> None:
    # A warm server the driver started (``WarmServer``, named in the daemon's environment by the
    # context's ``environment``) takes the daemon's place: it has loaded the model meanwhile.
    path = os.environ.get(WARM_ENV)
    if path and _relay(path):
        return
    from pyspark import daemon

    # The daemon tells Spark its port on stdout: nothing else may be written there.
    with contextlib.redirect_stdout(sys.stderr):
        _warm_here()
    daemon.manager()


def _warm_here() -> None:
    try:
        warm_up()
        from according.batch import spark_daemon

        spark_daemon.WARMED_BY_PID = os.getpid()
    except Exception as exc:  # noqa: BLE001 - the workers then load what they need themselves
        print(f"according: Spark daemon warm-up failed ({exc!r}); workers load the model", file=sys.stderr)


# -- the warm server: the daemon's model load while the driver's JVM starts ----------------------------
WARM_ENV = "ACCORDING_SPARK_WARM"  # the warm server's socket, in the daemon's environment


class WarmServer:
    """A process the driver starts before its JVM (a local session only): it loads the model while the
    JVM and the session start (both ~5-10 s, on different cores), then waits. Spark's daemon, started
    at the first task, relays to it (:func:`_relay`): the server forks the real daemon with the
    daemon's standard streams, environment and working directory, so the JVM talks to a daemon that
    already holds the model. The server ends at :meth:`close` (or when the driver's exit closes its
    stdin); the daemons it forked live on, as the JVM's."""

    def __init__(self) -> None:
        import subprocess
        import tempfile

        self.dir = tempfile.mkdtemp(prefix="according-spark-")
        self.path = os.path.join(self.dir, "warm.sock")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "according.batch.spark_daemon", "--serve", self.path],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
        )

    def close(self) -> None:
        import shutil

        # The run is over, so no daemon will connect any more; the daemons forked earlier are
        # separate processes. SIGTERM ends a server still warming up at once (a run with nothing to
        # analyse), and any server without an interpreter's teardown of the model (0.1-0.8 s).
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.terminate()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def _relay(path: str) -> bool:
    """Hand this daemon's stdin, stdout and stderr, environment, working directory and arguments to the
    warm server, which forks the real daemon with them; then stay (the JVM holds this process) until
    that daemon ends, passing on a SIGTERM. False, with nothing handed over, when there is no server."""
    import json
    import signal
    import socket
    import struct

    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
        payload = json.dumps({"env": dict(os.environ), "cwd": os.getcwd(), "argv": sys.argv}).encode()
        socket.send_fds(conn, [struct.pack("!Q", len(payload))], [0, 1, 2])
        conn.sendall(payload)
        reply = conn.recv(8)  # the real daemon's pid, once the server has warmed up and forked it
    except OSError:
        return False
    if len(reply) != 8:
        return False
    (pid,) = struct.unpack("!Q", reply)
    signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGTERM))
    while True:  # the daemon (and its workers) hold the other end: EOF when they have all ended
        try:
            if not conn.recv(4096):
                return True
        except InterruptedError:
            continue
        except OSError:
            return True


def serve(path: str) -> None:
    """The warm server: listen first (a daemon that connects early waits for the warm-up), warm up,
    then fork a daemon for each relay until stdin ends."""
    import json
    import select
    import signal
    import socket
    import struct

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(8)
    with contextlib.redirect_stdout(sys.stderr):
        _warm_here()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the daemons are reaped by the system
    while True:
        ready = select.select([listener, sys.stdin], [], [])[0]
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
            return  # the driver closed it (or ended)
        if listener not in ready:
            continue
        conn, _ = listener.accept()
        try:
            header, fds, _, _ = socket.recv_fds(conn, 8, 3)
            payload = b""
            size = struct.unpack("!Q", header)[0]
            while len(payload) < size:
                got = conn.recv(size - len(payload))
                if not got:
                    raise OSError("the relay went away")
                payload += got
            request = json.loads(payload)
        except (OSError, ValueError, struct.error):
            conn.close()
            continue
        if os.fork() == 0:
            listener.close()
            _become_daemon(conn, fds, request)  # never returns
        conn.close()
        for fd in fds:
            os.close(fd)


def _become_daemon(conn, fds: list[int], request: dict) -> None:
    """In the server's child: take the relayed daemon's streams, environment, directory and
    arguments, tell the relay this pid, and run PySpark's daemon (``conn`` stays open until the end:
    the relay waits for its EOF)."""
    import signal
    import struct

    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.argv = list(request["argv"])
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the relayed fd 0, as Spark's daemon expects
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        conn.sendall(struct.pack("!Q", os.getpid()))
        from pyspark import daemon

        from according.batch import spark_daemon

        if spark_daemon.WARMED_BY_PID is not None:  # the workers fork from here, with the server's memory
            spark_daemon.WARMED_BY_PID = os.getpid()

        daemon.manager()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - reported on the relayed stderr, then this process ends
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        os._exit(code)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    else:
        main()
