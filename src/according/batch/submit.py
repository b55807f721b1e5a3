"""The script ``spark-submit`` runs: ``according batch ... --engine spark`` on the cluster.

spark-submit [options] env/lib/python3.11/site-packages/according/batch/submit.py INPUT... --out DIR
"""

from __future__ import annotations

import sys

from according.cli import main

if __name__ == "__main__":
    sys.exit(main(["batch", *sys.argv[1:], "--engine", "spark"]))
