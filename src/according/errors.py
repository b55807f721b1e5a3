"""The one exception tree of `according`.

::

    AccordingError                 base: every error this package raises on purpose
    ├── InputError                 the input cannot be read as an article       (exit code 3)
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       NUL bytes / not text
    │   ├── EncodingError          not UTF-8 and no confident other encoding
    │   ├── InputTooLargeError     over the size limit (names the limit)
    │   ├── HTMLError              HTML that yields no article text
    │   ├── RecordError            a JSONL line that is not a JSON object / lacks text
    │   └── AnalysisLimitError     the analysis passed the server's time or memory limit
    ├── ModelError                 the language model is missing or cannot load  (exit code 4)
    ├── StageError                 a stage failed; recorded on the record, raised only on demand
    ├── StoreError                 the database refused (exit code 5)
    │   └── StoreMissingError      no store at that place (export/serve never create one)
    └── ConfigError                bad options or settings (exit code 2)

Every error carries context: ``source`` (file, line or id it concerns) and
``detail`` (the underlying reason), so a message can say where and why.
"""

from __future__ import annotations


class AccordingError(Exception):
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.detail = detail

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        why = f" ({self.detail})" if self.detail else ""
        return f"{where}{self.message}{why}"


class InputError(AccordingError):
    exit_code = 3


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class HTMLError(InputError):
    pass


class RecordError(InputError):
    pass


class AnalysisLimitError(InputError):
    pass


class ModelError(AccordingError):
    exit_code = 4


class StageError(AccordingError):
    def __init__(self, message: str, *, stage: str, source: str | None = None, detail: str | None = None):
        super().__init__(message, source=source, detail=detail)
        self.stage = stage


class StoreError(AccordingError):
    exit_code = 5


class StoreMissingError(StoreError):
    pass


class ConfigError(AccordingError):
    exit_code = 2
