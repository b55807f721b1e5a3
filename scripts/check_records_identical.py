"""Are the records of two checkouts byte-identical? For changes that must not move any output
(speed work, refactors): both checkouts analyse one fixed set with ``according analyze --format
jsonl`` and the JSON lines are compared.

The fixed set: the example articles (text, HTML, heldout), the specimen in ``../shared/samples``,
the first 100 PolNeAR articles (dev, then train; ``--polnear N`` for more), the first 50 MEANTIME and 50 CASE 2021 inputs,
and one long text (PolNeAR articles joined past ``WINDOW_CHARS``, so the windows are exercised).
The corpus texts are written to a temporary folder, never into the project.

    python scripts/check_records_identical.py --other /work/main [--keep DIR] [--polnear 250]

With ``--keep``, the other checkout's records already in DIR are reused (it does not change).

Exit 0 when every line is identical; else the ids whose records differ are printed (exit 1).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORDING_SHARED", ROOT.parent / "shared"))
LONG_TEXT_CHARS = 120_000  # above WINDOW_CHARS (50,000): at least three windows


def _jsonl(path: Path, limit: int) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def fixed_set(folder: Path, n_polnear: int = 100) -> list[Path]:
    """Write the fixed set into ``folder``; the paths to give ``according analyze``."""
    inputs = [ROOT / "examples" / "harbor-ceasefire.txt", ROOT / "examples" / "harbor-ceasefire.html"]
    inputs += sorted((ROOT / "examples" / "heldout").glob("*.txt"))
    inputs += sorted((SHARED / "samples").glob("*.txt"))
    rows: list[dict] = []
    polnear = []
    for split in ("dev", "train"):
        polnear += sorted((SHARED / "corpora" / "polnear" / split / "articles").glob("*.txt"))
    for path in polnear[:n_polnear]:
        rows.append({"id": f"polnear-{path.stem}", "text": path.read_text(encoding="utf-8")})
    for name in ("meantime", "case2021"):
        input_path = SHARED / "corpora" / name / "input.jsonl"
        if input_path.exists():
            rows += [{"id": f"{name}-{r['id']}", "text": r["text"]} for r in _jsonl(input_path, 50)]
    long_parts: list[str] = []
    for path in polnear:
        if sum(map(len, long_parts)) > LONG_TEXT_CHARS:
            break
        long_parts.append(path.read_text(encoding="utf-8"))
    if long_parts:
        rows.append({"id": "long-text", "text": "\n\n".join(long_parts)})
    archive = folder / "fixed_set.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [*inputs, archive]


def records(checkout: Path, inputs: list[Path], out: Path) -> list[str]:
    """The JSON lines of ``checkout``'s own ``.venv`` on ``inputs`` (also written to ``out``)."""
    cmd = [str(checkout / ".venv" / "bin" / "according"), "analyze", "--format", "jsonl", *map(str, inputs)]
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(cmd, stdout=fh, check=False)
    return out.read_text(encoding="utf-8").splitlines()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--other", type=Path, required=True, help="the other checkout (with its .venv)")
    ap.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the inputs and records in this folder (and reuse the other checkout's records found there)",
    )
    ap.add_argument("--polnear", type=int, default=100, help="PolNeAR articles in the set (dev, then train)")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="according-identical-"))
    folder.mkdir(parents=True, exist_ok=True)
    inputs = fixed_set(folder, args.polnear)
    ours = records(ROOT, inputs, folder / "ours.jsonl")
    other_out = folder / "other.jsonl"
    if args.keep and other_out.exists() and other_out.stat().st_size:  # the other side is fixed
        theirs = other_out.read_text(encoding="utf-8").splitlines()
    else:
        theirs = records(args.other, inputs, other_out)
    differ = [json.loads(a).get("id") for a, b in zip(ours, theirs) if a != b]
    print(f"{len(ours)} records here, {len(theirs)} in {args.other}; {len(differ)} differ", file=sys.stderr)
    for doc_id in differ:
        print(doc_id)
    return 0 if not differ and len(ours) == len(theirs) and ours else 1


if __name__ == "__main__":
    sys.exit(main())
