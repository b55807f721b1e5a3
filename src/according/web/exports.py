"""The files behind ``GET /api/export``: one table per request, kept until the next write.

The route used to export all twelve tables into a new folder for every request and send
one. Now a request writes only the table it asks for, into a folder the app owns (0700,
removed at shutdown), and the file is reused by every request for the same table and format
until the store's write token moves (any committed write, from this process or another).
A file is opened before it is answered, so one replaced meanwhile is still sent whole
(the open file outlives its name).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import IO


class ExportFiles:
    def __init__(self) -> None:
        self.dir: Path | None = None
        self._lock = threading.Lock()
        self._files: dict[tuple[str, str], tuple[str, Path]] = {}  # (table, format) -> (token, file)
        self._writing: dict[tuple[str, str], threading.Lock] = {}
        self.written = 0  # how many files were made (tests: reuse)

    def _folder(self) -> Path:
        if self.dir is None:
            self.dir = Path(tempfile.mkdtemp(prefix="according-export-"))  # mode 0700
        return self.dir

    def open(self, store, table: str, fmt: str) -> IO[bytes]:
        """The export of ``table`` as an open binary file, written if the store changed."""
        key = (table, fmt)
        with self._lock:
            writing = self._writing.setdefault(key, threading.Lock())
        with writing:  # one writer per table; the others wait and reuse its file
            token = repr(store.write_token())
            with self._lock:
                known = self._files.get(key)
                if known is not None and known[0] == token:
                    try:
                        return open(known[1], "rb")
                    except FileNotFoundError:
                        pass
                folder = self._folder()
            tag = hashlib.sha1(token.encode()).hexdigest()[:12]
            final = folder / f"{table}-{tag}.{fmt}"
            partial = folder / f".{table}-{tag}.{fmt}.{threading.get_ident()}"
            try:
                store.export_table(table, fmt, partial)
                os.replace(partial, final)
            finally:
                partial.unlink(missing_ok=True)
            handle = open(final, "rb")
            with self._lock:
                old = self._files.get(key)
                self._files[key] = (token, final)
                self.written += 1
            if old is not None and old[1] != final:
                old[1].unlink(missing_ok=True)  # readers that opened it keep reading it
            return handle

    def close(self) -> None:
        with self._lock:
            folder, self.dir = self.dir, None
            self._files.clear()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
