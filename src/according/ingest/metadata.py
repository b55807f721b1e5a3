"""Metadata helpers: merging what the caller gave with what the page says,
dates and timestamps as pages print them, and the names in bylines and
contributor lines.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import fields, replace
from datetime import date, datetime, timedelta, timezone

from ..lang.calendar import MONTHS, ZONE_OFFSETS, ZONE_REGIONS
from ..lang.person_names import NAME_PARTICLES
from ..model import Meta


def merge_meta(first: Meta, second: Meta) -> Meta:
    """Field by field, ``first`` wins where it has a value."""
    changes = {}
    for f in fields(Meta):
        a, b = getattr(first, f.name), getattr(second, f.name)
        changes[f.name] = a if a not in (None, (), "") else b
    return replace(first, **changes)


_ISO = re.compile(
    r"^(?P<date>\d{4}-?\d{2}-?\d{2})(?:[T ](?P<time>\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?)"
    r"\s?(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.I,
)


def _iso(value: str) -> str | None:
    """An ISO 8601 value in the one form records use: ``YYYY-MM-DD``, or
    ``YYYY-MM-DDThh:mm:ss±hh:mm`` with the offset the value gives (``Z``,
    ``+0000`` and ``+00`` are ``+00:00``; fractions of a second dropped). A time
    without an offset gives the day only: an instant without its zone would
    claim a precision the page does not give, and converting it would move the day."""
    m = _ISO.match(value)
    if not m:
        return None
    try:
        day = datetime.strptime(m.group("date").replace("-", ""), "%Y%m%d").date()
        if not m.group("time") or not m.group("zone"):
            return day.isoformat()
        clock = m.group("time").replace(":", "").split(".")[0].split(",")[0].ljust(6, "0")
        zone = m.group("zone").upper()
        zone = "+0000" if zone == "Z" else zone.replace(":", "").ljust(5, "0")
        when = datetime.strptime(f"{day:%Y%m%d}T{clock}{zone}", "%Y%m%dT%H%M%S%z")
    except ValueError:
        return None
    return when.isoformat()


def normalise_date(value: str) -> str | None:
    """``published`` / ``updated`` as records hold them (see :func:`_iso`), from ISO
    8601 in any of its spellings, RFC 2822 (``Wed, 14 Feb 2024 11:35:00 GMT``) and
    the forms pages print ("February 14, 2024 at 11:35 a.m. EST"); None when it is
    not a date. The day is never moved: a value is kept in the offset it gives."""
    value = value.strip()
    if not value:
        return None
    if re.match(r"^\d{4}-?\d{2}-?\d{2}", value):
        return _iso(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        when = None
    if when is not None:
        if when.tzinfo is None:  # "-0000": the zone is unknown
            return when.date().isoformat()
        return when.replace(microsecond=0).isoformat()
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    found = find_datetimes(value)
    return found[0][3] if found else None


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?=[/-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])(?=/)"
)


def url_date(url: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a URL's path carries (``/2024/02/14/``, ``/2024-02-14-``,
    ``/20240214/``), or None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        if m.group("y"):
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        return date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))).isoformat()
    except ValueError:
        return None


def on_the_urls_day(published: str | None, url: str | None) -> str | None:
    """``published``, unless the URL carries a date one day away from it: a newsroom
    dates its URLs by its own calendar, and a timestamp a page gives in UTC (or
    another zone) can fall on the day before or after it; the URL's day is kept
    then (the day the article says it appeared), without the clock time."""
    day = url_date(url)
    if not published or not day or published[:10] == day:
        return published
    try:
        apart = abs((date.fromisoformat(published[:10]) - date.fromisoformat(day)).days)
    except ValueError:
        return published
    return day if apart == 1 else published


def published_date(meta: Meta) -> str | None:
    """The YYYY-MM-DD of publication, or None."""
    if meta.published and re.match(r"\d{4}-\d{2}-\d{2}", meta.published):
        return meta.published[:10]
    return None


# --- headlines -------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(?:[|–—·•]|-{1,2}|::)\s+")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _site_keys(sitename: str | None, url: str | None) -> list[str]:
    keys = [_letters(sitename)] if sitename else []
    host = re.sub(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?", "", (url or "").lower()).split("/")[0]
    labels = [x for x in host.split(":")[0].split(".") if x]
    if len(labels) >= 2:  # "techcrunch.com" -> "techcrunch", "bbc.co.uk" -> "bbc"
        keys.append(labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2])
        keys.append(host.split(":")[0])
    return [_letters(k) for k in keys if len(_letters(k)) >= 2]


def _is_site(segment: str, keys: list[str]) -> bool:
    """Does a title segment name the site ("TechCrunch", "Reuters", "The Washington Post")?"""
    n = _letters(segment)
    # not calibrated, chosen by hand on the title separators of tests/test_ingest.py: a site's name
    # is 5 words at most; a short name (4+ letters) may sit inside a host's key, a key (3+ letters)
    # may begin or end a name when it is 60% of it ("washingtonpost" in "thewashingtonpost")
    if not n or len(segment.split()) > 5:
        return False
    for key in keys:
        if n == key or (len(n) >= 4 and n in key):
            return True
        if len(key) >= 3 and (n.startswith(key) or n.endswith(key)) and len(key) >= 0.6 * len(n):
            return True
    return False


def headline_without_site(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """A page title without the site's name before or after it ("Talks resume – TechCrunch",
    "Talks resume | Reuters", "BBC News - Talks resume"), by the page's own site name
    and host name, not a list of sites. The title is kept when nothing would be left."""
    if not title:
        return title
    keys = _site_keys(sitename, url)
    title = title.strip()
    seps = list(_TITLE_SEP.finditer(title))
    if not keys or not seps:
        return title
    if _is_site(title[seps[-1].end() :], keys):
        rest = title[: seps[-1].start()]
    elif _is_site(title[: seps[0].start()], keys):
        rest = title[seps[0].end() :]
    else:
        return title
    return rest.strip() or title


# --- timestamps as printed on pages ---------------------------------------

_MONTHS = MONTHS
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
DATE_RE = re.compile(
    _WEEKDAY + r"(?:" + _MONTH + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("mon>", "mon2>") + r",?\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<iso>(?P<y3>(?:19|20)\d{2})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2}))"
    r"(?:T(?P<isot>\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?P<isoz>Z|[+-]\d{2}:?\d{2})?)?)\b",
    re.I,
)
# A clock time needs minutes or an a.m./p.m. so that "2024" or "14" never reads as one.
TIME_RE = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?::(?P<s>[0-5]\d))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.I,
)
_FIXED = ZONE_OFFSETS
_ZONES = ZONE_REGIONS
TZ_RE = re.compile(
    r"\s*(?:\(\s*)?(?P<tz>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}\b|"
    r"(?:" + "|".join(sorted(list(_FIXED) + list(_ZONES), key=len, reverse=True)) + r")\b)",
    re.I,
)
LABEL_RE = re.compile(
    r"\b(?P<label>last\s+updated|updated|last\s+modified|modified|first\s+published|"
    r"originally\s+published|published|posted|first\s+posted)\b(?:\s+on\b|\s+at\b)?\s*:?",
    re.I,
)


def _offset(zone: str, day: date) -> timedelta | None:
    zone = zone.strip().upper().replace(" ", "")
    m = re.match(r"^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$", zone)
    if m:
        mins = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return timedelta(minutes=mins if m.group(1) == "+" else -mins)
    if zone in _FIXED:
        return timedelta(minutes=_FIXED[zone])
    if zone in _ZONES:
        try:
            from zoneinfo import ZoneInfo

            noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(_ZONES[zone]))
            return noon.utcoffset()
        except Exception:  # noqa: BLE001 - no tz database: say nothing rather than guess
            return None
    return None


def _date_of(match: re.Match) -> date | None:
    try:
        if match.group("iso"):
            return date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
        mon = (match.group("mon") or match.group("mon2")).lower().rstrip(".")
        return date(
            int(match.group("y1") or match.group("y2")),
            _MONTHS[mon],
            int(match.group("d1") or match.group("d2")),
        )
    except (ValueError, KeyError):
        return None


def _segment_datetime(seg: str) -> tuple[int, int, str] | None:
    """The first date in ``seg`` with the clock time and zone printed near it,
    as (start, end, ISO). A time without a zone gives the bare date: an ISO
    value without an offset would claim a precision the page does not give."""
    dm = DATE_RE.search(seg)
    if not dm:
        return None
    day = _date_of(dm)
    if day is None:
        return None
    start, end = dm.start(), dm.end()
    if dm.group("iso") and dm.group("isot"):
        z = dm.group("isoz")
        value = f"{day.isoformat()}T{dm.group('isot')}"
        if z:
            off = _offset("UTC" if z.upper() == "Z" else z, day)
            value = datetime.fromisoformat(value).replace(tzinfo=timezone(off)).isoformat()  # type: ignore[arg-type]
            return start, end, value
        return start, end, day.isoformat()
    # the clock time: after the date ("February 14, 2024 at 11:35 a.m. EST")
    # or before it ("2:21 PM EST, February 14, 2024"), close by.
    best = None
    for tm in TIME_RE.finditer(seg):
        if not (tm.group("mi") or tm.group("ampm")) or dm.start() <= tm.start() < dm.end():
            continue
        gap = seg[dm.end() : tm.start()] if tm.start() >= dm.end() else seg[tm.end() : dm.start()]
        # " at ", ", " or " · ": 12 characters, chosen by hand on the stamps of the test pages
        if len(gap) > 12 or re.search(r"[|;]", gap):
            continue
        zm = TZ_RE.match(seg, tm.end())
        best = (tm, zm)
        break
    if best is None:
        return start, end, day.isoformat()
    tm, zm = best
    h, mi, s = int(tm.group("h")), int(tm.group("mi") or 0), int(tm.group("s") or 0)
    ampm = (tm.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    start, end = min(start, tm.start()), max(end, (zm or tm).end())
    off = _offset(zm.group("tz"), day) if zm else None
    if off is None:
        return start, end, day.isoformat()
    when = datetime(day.year, day.month, day.day, h, mi, s, tzinfo=timezone(off))
    return start, end, when.isoformat()


_YEAR = re.compile(r"(?:19|20)\d\d")


def find_datetimes(line: str) -> list[tuple[int, int, str | None, str]]:
    """Dates printed in a line, each as (start, end, label, ISO value).

    ``label`` is "updated", "published" or None (no label: a page's lone date
    is its publication date). "Updated February 14, 2024 at 2:21 p.m.
    EST|Published February 14, 2024 at 11:35 a.m. EST" gives two.
    """
    if not _YEAR.search(line):
        return []  # every date form here has a year: skip the costly search on most lines
    labels = list(LABEL_RE.finditer(line))
    cuts = [(0, None)] + [(m.start(), m) for m in labels] + [(len(line), None)]
    out = []
    for (a, lab), (b, _) in zip(cuts, cuts[1:]):
        body_start = lab.end() if lab else a
        found = _segment_datetime(line[body_start:b])
        if not found:
            continue
        s, e, value = found
        label = None
        if lab:
            word = lab.group("label").lower()
            label = "updated" if ("updated" in word or "modified" in word) else "published"
        out.append((a if lab else body_start + s, body_start + e, label, value))
    return out


# --- names in bylines and contributor lines -------------------------------

# Agencies and desks that appear where people's names are expected.
AGENCIES = re.compile(
    r"^(?:the\s+)?(?:associated\s+press|AP|reuters|AFP|agence\s+france[- ]presse|bloomberg|"
    r"dpa|xinhua|ANSA|EFE|UPI|PA\s+media|staff|staff\s+writers?|agencies|wire\s+services|"
    r"\w+\s+staff|the\s+\w+\s+(?:desk|team|staff))$",
    re.I,
)
_PARTICLES = NAME_PARTICLES
_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_ROLE_TAIL = re.compile(
    r",?\s*(?:\||—|–|-)\s.*$|,\s*(?:[a-z].*|(?:Senior|Chief|Staff)\b.*|"
    r"[A-Z][a-z]+ (?:Correspondent|Reporter|Editor|Writer)\b.*)$"
)


_ROLE_HEAD = re.compile(
    r"^.{0,60}?\b(?:writers?|reporters?|correspondents?|journalists?|photographers?|"
    r"staff members?)\s+(?=[A-Z])"
)


def looks_like_name(text: str) -> bool:
    """A person's name: 2-6 words, each capitalised or a name particle."""
    words = text.split()
    if not 2 <= len(words) <= 6 or AGENCIES.match(text):
        return False
    caps = 0
    for w in words:
        core = w.strip(".,'’")
        if not core:
            return False
        if core[0].isupper() or re.match(r"^(?:al|el)-[A-Z]", core):
            caps += 1
        elif core.lower() not in _PARTICLES:
            return False
    return caps >= 2 and not any(ch.isdigit() for ch in text)


def split_names(text: str) -> list[str]:
    """People named in "A in X, B and C in Y" style lists, places and roles cut."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", text)
    names = []
    for p in parts:
        p = _PLACE_TAIL.sub("", _ROLE_TAIL.sub("", p.strip())).strip(" .")
        p = _ROLE_HEAD.sub("", p)  # "Associated Press writer Samir Aziz"
        if p.isupper():
            p = p.title()  # "By HELEN WARD"
        if looks_like_name(p) and p not in names:
            names.append(p)
    return names
