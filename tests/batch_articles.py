"""Small hand-written articles for the batch tests (a quote, a figure, a place and a date each), and
an input iterator that counts what the scheduler read (Counted)."""

from __future__ import annotations

import json
from pathlib import Path

PLACES = ["Springfield", "Riverton", "Lakeside", "Millbrook", "Fairview", "Oakdale", "Hillcrest", "Westport"]
NAMES = [
    "Jane Doe",
    "Omar Haddad",
    "Li Wei",
    "Maria Santos",
    "Peter Novak",
    "Ama Owusu",
    "Raj Patel",
    "Eva Berg",
]


def article(k: int) -> str:
    place, name = PLACES[k % len(PLACES)], NAMES[(k * 3) % len(NAMES)]
    return (
        f"{place} council approves budget\n\n"
        f"The council of {place} approved a budget of ${k + 2} million on Tuesday, officials said.\n\n"
        f"“We will repair {k + 3} bridges before winter,” said {name}, the mayor of {place}.\n\n"
        f"Critics said the plan was too small. {name} said the work would start in March."
    )


def write_jsonl(path: Path, n: int, bad_line_at: int | None = None) -> list[str]:
    ids = []
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            if k == bad_line_at:
                fh.write("{not json\n")
                ids.append(f"{path}#{k + 1}")
                continue
            doc_id = f"a{k:03d}"
            ids.append(doc_id)
            fh.write(
                json.dumps({"id": doc_id, "text": article(k), "published": "2024-03-0%d" % (k % 9 + 1)})
                + "\n"
            )
    return ids


class Counted:
    """An iterator over ``items`` that counts what was read."""

    def __init__(self, items):
        self._it, self.read = iter(items), 0

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self._it)
        self.read += 1
        return item
