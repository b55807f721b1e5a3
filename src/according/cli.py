"""The command line: parse arguments, call the library, print. No analysis logic here.

Exit codes: 0 every document analysed; 1 some documents could not be analysed
(their records carry ``errors``; the others are written); 2 bad usage;
3 the only input could not be read (or held no article); 4 the language model is missing;
5 the database refused, or (export, serve) there is no store at that place. A text that looks like another language than English is
analysed anyway: a warning on stderr and a ``language`` entry in its record's ``errors``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from .errors import AccordingError, ConfigError
from .settings import Settings

EXIT_PARTIAL = 1
# errors of a document that was analysed anyway (printed as warnings, exit 0)
WARNING_STAGES = ("language", "encoding")


def _analyze(args) -> int:
    from . import report
    from .batch import analyse
    from .ingest import read_paths

    if args.published is not None:
        from .errors import ConfigError
        from .ingest.metadata import normalise_date

        if normalise_date(args.published) is None:
            raise ConfigError(
                f"--published {args.published!r} is not a date",
                detail="use ISO 8601, e.g. 2024-02-14 or 2024-02-14T11:35:00-05:00",
            )
    docs = read_paths(args.inputs, input_format=args.input_format, published=args.published)
    failures = 0
    total = 0
    out = sys.stdout
    # JSONL from worker processes: each worker encodes its records and the parent copies the lines
    # (with whole analyses sent back to be encoded here, the parent's share made `--jobs 2` take 1.3x
    # the time of the same call inside the benchmark: benchmarks/bench_parallel.py, part 5).
    lines_from_workers = args.jobs != 1 and args.format == "jsonl"
    records: Iterable[Any]
    if args.jobs == 1:
        from .analyzer import analyze_documents  # the workers' import, not this process's, otherwise

        records = analyze_documents(docs, model=args.model)
    elif lines_from_workers:
        records = analyse(docs, args.settings, args.jobs)  # Done: id, errors and the JSON line
    else:
        records = (done.analysis for done in analyse(docs, args.settings, args.jobs, as_objects=True))
    writer = report.writer(args.format, out)
    rec: Any  # an Analysis, or a worker's Done with the same id and errors
    for rec in records:
        total += 1
        failed = any(e.stage in ("ingest", "analyze") for e in rec.errors)
        if failed:
            failures += 1
            for e in rec.errors:
                print(f"according: {rec.id}: {e.message}", file=sys.stderr)
        for e in rec.errors:
            if e.stage in WARNING_STAGES:  # analysed anyway: a warning, not a failure
                print(f"according: {rec.id}: warning: {e.message}", file=sys.stderr)
        if failed and args.format == "text":
            continue  # nothing was analysed: the reason is on stderr, not an empty who-said-what view
        if lines_from_workers:
            out.write(f"{rec.record_json}\n")
        else:
            writer.write(rec)
    writer.close()
    if total == 0:
        print(
            "according: no articles found in the input (folders are searched for "
            ".txt, .md, .html, .htm, .jsonl files)",
            file=sys.stderr,
        )
        return 3
    if failures and total == failures == 1:
        return 3
    return EXIT_PARTIAL if failures else 0


def _eval(args) -> int:
    from .evaluation import run_eval

    metrics = run_eval(args.dataset, args.path, out=args.out, limit=args.limit, model=args.model)
    print(json.dumps(metrics, indent=2))
    return 0


def _serve(args) -> int:
    from .web.serve import serve

    return serve(
        db=args.db,
        host=args.host,
        port=args.port,
        token=args.token,
        workers=args.workers,
        access_log=args.access_log,
        analysis_timeout=args.analysis_timeout,
    )


def _ingest(args) -> int:
    """Exit codes as for analyze: 3 when nothing was found or the only input could not be read,
    1 when some failed, 5 when the store refused (StoreError)."""
    from .ingest import read_paths
    from .store import Store
    from .store.ingest import Progress, count_inputs

    if args.records:
        return _ingest_records(args)
    if not args.inputs:
        raise ConfigError("ingest: give the articles to store, or --records DIR/records")
    progress = Progress(count_inputs(args.inputs) if sys.stderr.isatty() else None)
    seen = 0

    def counted(docs):
        nonlocal seen
        for d in docs:
            seen += 1
            yield d

    with Store(args.db) as store:
        docs = read_paths(args.inputs, input_format=args.input_format, published=args.published)
        if args.jobs == 1:
            summary = store.ingest_documents(counted(docs), model=args.model, progress=progress)
        else:
            from .batch.store_load import ingest_documents

            summary = ingest_documents(store, counted(docs), args.settings, args.jobs, progress=progress)
    progress.close()
    for f in summary["failed"]:
        print(f"according: {f['id']}: {f['reason']}", file=sys.stderr)
    print(
        f"{summary['analysed']} analysed, {summary['stored']} stored ({summary['new_versions']} as new versions), "
        f"{summary['skipped']} skipped as already stored, {len(summary['failed'])} failed"
    )
    if seen == 0:
        print(
            "according: no articles found in the input (folders are searched for "
            ".txt, .md, .html, .htm, .jsonl files)",
            file=sys.stderr,
        )
        return 3
    if seen == len(summary["failed"]) == 1:
        return 3
    return EXIT_PARTIAL if summary["failed"] else 0


def _ingest_records(args) -> int:
    """``ingest --records DIR/records``: store what ``according batch`` analysed (one writer)."""
    from .batch.store_load import load_records
    from .store import Store
    from .store.ingest import Progress

    if args.inputs:
        raise ConfigError("ingest: give either articles or --records, not both")
    progress = Progress(None)
    with Store(args.db) as store:
        summary = load_records(store, args.records, progress=progress)
    progress.close()
    for f in summary["failed"]:
        print(f"according: {f['id']}: {f['reason']}", file=sys.stderr)
    print(
        f"{summary['stored']} stored ({summary['new_versions']} as new versions), "
        f"{summary['skipped']} skipped as already stored, {len(summary['failed'])} failed"
    )
    return EXIT_PARTIAL if summary["failed"] else 0


def _export(args) -> int:
    from .store import Store

    with Store(args.db, create=False) as store:  # a mistyped --db is refused, not created empty
        written = store.export(args.format, args.out)
    for name, path in written.items():
        print(f"{name}\t{path}")
    return 0


def _batch(args) -> int:
    from pathlib import Path

    from .batch.ledger import Output
    from .batch.run import Progress, count_articles, run_local

    out = Output(Path(args.out), jsonl=args.jsonl)
    if args.engine == "spark":
        from .batch.spark import run_spark

        if args.jsonl:
            raise ConfigError(
                "--jsonl is written by the local engine only", detail="drop --jsonl or use --engine local"
            )

        summary = run_spark(
            args.inputs, out, args.settings, retry_failed=args.retry_failed, published=args.published
        )
    else:
        progress = Progress(count_articles(args.inputs))
        summary = run_local(
            args.inputs,
            out,
            args.settings,
            args.jobs,
            wave_size=args.wave,
            retry_failed=args.retry_failed,
            published=args.published,
            progress=progress,
        )
    for doc_id, reason in summary.failures:
        print(f"according: {doc_id}: {reason}", file=sys.stderr)
    print(summary.line())
    return EXIT_PARTIAL if summary.failed else 0


def _settings(args) -> Settings:
    """The run's settings, built once from the flags and the environment, used in this process
    and handed to every worker process (never written back into os.environ)."""
    return Settings.from_environment(geonames=args.geonames, model=getattr(args, "model", None))


def _jobs(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be 1 or more")
    return n


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: the machine's cores when there is more than one article; "
        "1: in this process); output order and bytes do not depend on it",
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="according", description="Who said what, which figures, where and when.")
    from . import __version__

    p.add_argument("--version", action="version", version=f"according {__version__}")
    p.add_argument(
        "--geonames",
        default=None,
        metavar="FILE",
        help="a GeoNames dump (allCountries.txt, cities500.txt, a country file) whose villages and "
        "districts are added to the packaged gazetteer (same as $ACCORDING_GEONAMES)",
    )
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles (files, folders, .jsonl archives, - for stdin)")
    a.add_argument("inputs", nargs="+", help="files, folders, .jsonl archives, or - for stdin")
    a.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "jsonl", "acled-csv"],
        help="text: who said what, for reading; json/jsonl: analysis records (spec analysis-v1)",
    )
    a.add_argument(
        "--input-format",
        choices=["text", "html", "jsonl"],
        default=None,
        help="override detection from the file name and content",
    )
    a.add_argument(
        "--published", default=None, help="publication date (ISO 8601); wins over one found in the text"
    )
    a.add_argument("--model", default="en_core_web_md", choices=["en_core_web_md", "en_core_web_sm"])
    _add_jobs(a)
    a.set_defaults(func=_analyze)

    e = sub.add_parser("eval", help="score the analyzer on a development corpus with ../shared/eval")
    from .evaluation import DATASETS  # no spaCy: the scorers' table only

    e.add_argument("dataset", choices=list(DATASETS))
    e.add_argument(
        "path",
        help="the corpus folder, e.g. ../shared/corpora/polnear/dev (ggt, events: the gold .jsonl file)",
    )
    e.add_argument("--out", default=None, help="where to write predictions (JSONL)")
    e.add_argument("--limit", type=int, default=None, help="only the first N documents")
    e.add_argument("--model", default="en_core_web_md", choices=["en_core_web_md", "en_core_web_sm"])
    e.set_defaults(func=_eval)

    i = sub.add_parser("ingest", help="analyse articles and store them (skips those already stored)")
    i.add_argument("inputs", nargs="*", help="files, folders, .jsonl archives, or - for stdin")
    i.add_argument(
        "--records",
        default=None,
        metavar="DIR",
        help="store the records of `according batch --out OUT` (OUT/records) instead of analysing",
    )
    i.add_argument(
        "--db", default=None, help="store: SQLite path or database URL (default: the user's data dir)"
    )
    i.add_argument("--input-format", choices=["text", "html", "jsonl"], default=None)
    i.add_argument(
        "--published", default=None, help="publication date (ISO 8601); wins over one found in the text"
    )
    i.add_argument("--model", default="en_core_web_md", choices=["en_core_web_md", "en_core_web_sm"])
    _add_jobs(i)
    i.set_defaults(func=_ingest)

    b = sub.add_parser(
        "batch",
        help="analyse an archive into a Parquet dataset, resumably (.jsonl[.gz], folders, Parquet, WARC)",
    )
    b.add_argument("inputs", nargs="+", help=".jsonl/.jsonl.gz, .parquet, .warc/.warc.gz, .html.gz, folders")
    b.add_argument("--out", required=True, help="output folder: records/ (the ledger) and tables/")
    b.add_argument("--engine", choices=["local", "spark"], default="local")
    _add_jobs(b)
    b.add_argument("--jsonl", action="store_true", help="also write records/*.jsonl")
    b.add_argument("--retry-failed", action="store_true", help="analyse again the articles that failed")
    b.add_argument(
        "--wave", type=_jobs, default=128, metavar="N", help="articles per commit (what a kill can cost)"
    )
    b.add_argument(
        "--published", default=None, help="publication date (ISO 8601); wins over one found in the text"
    )
    b.add_argument("--model", default="en_core_web_md", choices=["en_core_web_md", "en_core_web_sm"])
    b.set_defaults(func=_batch)

    x = sub.add_parser("export", help="write the store as files: articles.jsonl plus one file per flat table")
    x.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    x.add_argument("--out", required=True, help="output folder")
    x.add_argument(
        "--db", default=None, help="store: SQLite path or database URL (default: the user's data dir)"
    )
    x.set_defaults(func=_export)

    s = sub.add_parser("serve", help="the HTTP API and web page over a store")
    s.add_argument(
        "--db", default=None, help="store: SQLite path or SQLAlchemy URL (default: the user's store)"
    )
    s.add_argument("--host", default="127.0.0.1", help="beyond loopback a --token is required")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--token", default=None, help="bearer token for writes (default: $ACCORDING_TOKEN)")
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (default 1); each has its own 5 s read cache and loads the model "
        "for its own analyses",
    )
    s.add_argument(
        "--analysis-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop an analysis (POST /api/analyze, /api/articles) after this long (default 300)",
    )
    s.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off by default: a log line per request costs the server time)",
    )
    s.set_defaults(func=_serve)
    return p


# file names of archives, which usually hold several articles (.jsonl, .jsonl.gz, .warc.gz, ...)
_MANY_ARTICLES = (".jsonl", ".gz", ".parquet", ".warc")


def _start_workers_early(args) -> int | None:
    """The worker pool's fork server, started first thing when the command will run workers
    (``--jobs`` 2 or more; by default, on a machine with more cores, when the input is several
    files, a folder or an archive), so that its load overlaps this process's own start; its id when
    started here (``batch/server.py``)."""
    if args.func not in (_analyze, _ingest, _batch) or getattr(args, "engine", "local") != "local":
        return None
    if getattr(args, "records", None) or not getattr(args, "inputs", None):
        return None
    jobs = args.jobs
    if jobs is None:
        import os

        from .batch import default_jobs

        first = args.inputs[0]
        several = len(args.inputs) > 1 or os.path.isdir(first) or first.endswith(_MANY_ARTICLES)
        if not several or default_jobs() < 2:
            return None
    elif jobs < 2:
        return None
    from .batch.server import start_early

    return start_early()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    server = _start_workers_early(args)
    try:
        args.settings = _settings(args)
        args.settings.apply()
        return args.func(args)
    except AccordingError as exc:
        print(f"according: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        if server is not None:
            from .batch.server import stop

            stop(server)


if __name__ == "__main__":
    sys.exit(main())
