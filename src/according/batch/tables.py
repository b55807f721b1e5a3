"""The export's per-article flat tables (entities, quotes, figures, events, places, times) for one
record, without a store.

The rows are the store's own (:func:`according.store.ingest._flat_rows`, the function ``ingest``
and ``export`` use), with ``article_id`` = the record ``id``. What needs every article at once is
left out: the cross-article source ids (``source_id``, ``actor1_source_id``, ``actor2_source_id``)
and stories; load the records into a store (``according ingest --records DIR/records``) for them.
"""

from __future__ import annotations

from ..store import schema as s

DROPPED = ("id", "source_id", "actor1_source_id", "actor2_source_id")
TABLES = tuple(t.name for t in s.FLAT_TABLES)


class _NoSources:
    """Stands in for the store's SourceResolver: no cross-article source ids here."""

    def resolve(self, name: str | None, entity_type: str | None) -> None:
        return None

    def final(self, sid: int | None) -> int | None:
        return sid


def flat_rows(rec: dict) -> dict[str, list[dict]]:
    """Table name -> rows of one analysed record (none for a failed one)."""
    from ..store.ingest import _flat_rows, day, failure_reason

    if failure_reason(rec):
        return {name: [] for name in TABLES}
    pub_date = day((rec.get("meta") or {}).get("published"))
    rows = _flat_rows(rec, rec["id"], pub_date, _NoSources())  # type: ignore[arg-type]
    return {name: [{k: v for k, v in r.items() if k not in DROPPED} for r in rows[name]] for name in TABLES}


def arrow_schemas():
    """Table name -> pyarrow schema (the store's column types; ``article_id`` is the record id)."""
    import pyarrow as pa

    from ..store.export import _arrow_type

    out = {}
    for t in s.FLAT_TABLES:
        fields = [pa.field("article_id", pa.string())]
        fields += [pa.field(c.name, _arrow_type(c)) for c in t.c if c.name not in DROPPED + ("article_id",)]
        out[t.name] = pa.schema(fields)
    return out
