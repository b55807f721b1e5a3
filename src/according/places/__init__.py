"""Places: place mentions geocoded to GeoNames ids and points, offline.

- :mod:`.gazetteer` builds the packaged GeoNames-derived data (plus an optional
  GeoNames dump, ``ACCORDING_GEONAMES=/path/allCountries.txt``) into an index once per
  machine and loads it once per process; :mod:`.records` holds the record type and the
  name index, :mod:`.builder` reads the packages' data and dumps into it, :mod:`.packed`
  is the index's stored form;
- :mod:`.spelling` matches names written in another transliteration ("Tal Rifaat");
- :mod:`.mentions` finds the spans that name places (entities, demonyms,
  places inside organisation names, "City, State" forms), with :mod:`.lookup` (the mention
  record and the records a text may name) and :mod:`.parentheses` ("Town (Admin2, Admin1)");
- :mod:`.subdivisions` reads provinces, counties and districts (with their GeoNames
  ids) and the county of every city for the gazetteer;
- :mod:`.areas` says which area holds which place (qualifiers, "Town (Admin2, Admin1)");
- :mod:`.resolve` picks one record per mention from the article's context, with the
  candidates' scores of :mod:`.ranking`.

Other stages find the place that goes with a sentence or a span with
:func:`place_near`.
"""

from __future__ import annotations

from ..pipeline import Work, stage
from .gazetteer import get as get_gazetteer  # noqa: F401
from .gazetteer import set_geonames_path  # noqa: F401  (re-exported for the CLI)
from .resolve import resolve

# How specific a place is, for choosing among several in one sentence.
_SPECIFIC = {"city": 0, "facility": 1, "other": 2, "admin": 3, "region": 4, "country": 5}


@stage("places", requires=("parse", "entities"), assigns=("places",))
def find_places(work: Work) -> dict:
    return {"places": tuple(resolve(work.parse, work.meta))}


def place_near(work: Work, start: int, end: int) -> int | None:
    """Index into ``work.places`` of the place that goes with the text ``start:end``
    (a sentence, a clause, a figure's span), or None.

    Preference: a place mentioned inside the range (the most specific one, with a
    point; ties: the first); else the closest place mentioned before ``start`` in
    the same paragraph (no line break between); else the closest one after ``end``
    in the same paragraph. Demonyms count ("Israeli strikes" -> Israel)."""
    places = work.places
    text = work.text
    inside = [k for k, p in enumerate(places) if start <= p.span.start and p.span.end <= end]
    if inside:
        return min(
            inside,
            key=lambda k: (places[k].lat is None, _SPECIFIC.get(places[k].feature, 9), places[k].span.start),
        )
    para_start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    para_end = len(text) if nl < 0 else nl
    before = [
        k
        for k, p in enumerate(places)
        if para_start <= p.span.start and p.span.end <= start and p.lat is not None
    ]
    if before:
        return max(before, key=lambda k: places[k].span.start)
    after = [
        k
        for k, p in enumerate(places)
        if end <= p.span.start and p.span.end <= para_end and p.lat is not None
    ]
    if after:
        return min(after, key=lambda k: places[k].span.start)
    return None
