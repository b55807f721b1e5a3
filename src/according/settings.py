"""Run settings: built once from the command line and the environment, then passed explicitly.

The command line builds one :class:`Settings` (flags win over ``ACCORDING_*`` variables) and
hands it to whatever needs it: the analysis in this process, each worker process of
``--jobs N`` (as an argument of its start-up function), each Spark task (inside the pickled
task closure), each server worker. Nothing writes ``os.environ``: a setting that reached a
process through a variable written by another part of the program could not be seen in the
code that uses it, and a library user's own environment would be changed behind their back.

Reading the environment happens here only (``from_environment``); the gazetteer still reads
``ACCORDING_GEONAMES`` itself for library users who never build a Settings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_md"  # = nlp.DEFAULT_MODEL; not imported from there (nlp loads spaCy)
MODELS = ("en_core_web_md", "en_core_web_sm")


@dataclass(frozen=True)
class Settings:
    """What every process of one run must agree on. Frozen and picklable."""

    model: str = DEFAULT_MODEL
    geonames: str | None = None  # absolute path of a GeoNames dump added to the packaged gazetteer

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        model: str | None = None,
        geonames: str | None = None,
    ) -> Settings:
        """Flags (the keyword arguments) win over the environment (``ACCORDING_GEONAMES``)."""
        env = os.environ if environ is None else environ
        chosen_model = model or DEFAULT_MODEL
        if chosen_model not in MODELS:
            raise ConfigError(f"unknown model {chosen_model!r}", detail=f"use one of {', '.join(MODELS)}")
        dump = geonames or env.get("ACCORDING_GEONAMES") or None
        if dump is not None:
            if not os.path.isfile(dump):
                what = "--geonames" if geonames else "ACCORDING_GEONAMES"
                raise ConfigError(
                    f"{what}: no such file {dump!r}", detail="a GeoNames dump in its tab-separated format"
                )
            dump = os.path.abspath(dump)
        return cls(model=chosen_model, geonames=dump)

    def with_model(self, model: str | None) -> Settings:
        return self if model is None or model == self.model else replace(self, model=model)

    def apply(self) -> None:
        """Make this process use these settings (called once in the main process and once at the
        start of every worker process)."""
        from .places.gazetteer import set_geonames_path

        if self.geonames is not None:
            set_geonames_path(self.geonames)
