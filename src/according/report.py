"""Writers for analysis records: the terminal "who said what" view, JSON, JSONL."""

from __future__ import annotations

import json
import textwrap
from typing import TextIO

from .model import Analysis

_KIND = {"direct": "“”", "mixed": "“…", "indirect": "~"}


def sources(rec: Analysis, category: str = "speech") -> list[tuple[dict, list]]:
    """Quotes of one category grouped by speaker, each speaker once, most quoted first
    (text order on ties)."""
    groups: dict[tuple, tuple[dict, list]] = {}
    for q in rec.quotes:
        if q.part_of or q.category != category:  # part_of: already a span of its attribution
            continue
        sp = q.speaker
        key = (sp.entity,) if sp.entity else ("name", (sp.name or "").lower(), sp.type)
        if key not in groups:
            groups[key] = (
                {
                    "name": sp.name or "(unknown)",
                    "type": sp.type,
                    "description": sp.description,
                    "entity": sp.entity,
                },
                [],
            )
        groups[key][1].append(q)
    return sorted(
        groups.values(), key=lambda g: (-len(g[1]), g[1][0].content[0].start if g[1][0].content else 0)
    )


def render_text(rec: Analysis) -> str:
    m = rec.meta
    lines = []
    title = m.headline or rec.id
    lines.append(title)
    lines.append("=" * min(len(title), 78))
    facts = [
        ("publisher", m.publisher),
        ("published", m.published),
        ("updated", m.updated),
        ("dateline", m.dateline),
        ("authors", ", ".join(m.authors)),
        ("contributors", ", ".join(m.contributors)),
    ]
    for k, v in facts:
        if v:
            lines.append(f"{k:>13}: {v}")
    lines.append("")
    # Who SAID what first (the reader's question); beliefs, intentions and findings
    # attributed to someone follow in a compact list, since they are not quotes.
    groups = sources(rec, "speech")
    n_quotes = sum(len(qs) for _, qs in groups)
    lines.append(f"WHO SAID WHAT — {n_quotes} quotes from {len(groups)} sources")
    for info, quotes in groups:
        desc = (
            f", {info['description']}" if info["description"] and info["description"] != info["name"] else ""
        )
        lines.append("")
        lines.append(f"● {info['name']}{desc}  [{info['type']}]")
        for q in quotes:
            lines.append(_quote_line(q, "  - "))
    beliefs = [q for _, qs in sources(rec, "belief") for q in qs]
    if beliefs:
        beliefs.sort(key=lambda q: q.content[0].start if q.content else 0)
        lines.append("")
        lines.append(f"ALSO ATTRIBUTED — {len(beliefs)} beliefs, intentions and findings")
        for q in beliefs:
            who = q.speaker.name or "(no source)"
            lines.append(_quote_line(q, f"  - {who}: "))
    for extra in (_figures, _events):
        block = extra(rec)
        if block:
            lines.append("")
            lines.extend(block)
    if rec.errors:
        lines.append("")
        lines.append("PROBLEMS")
        for e in rec.errors:
            lines.append(f"  - {e.stage}: {e.message}")
    return "\n".join(lines) + "\n"


def _figure_value(f) -> str:
    """ "more than 28,500", "5,000–7,000", "24+" (a vague plural: its conventional lower bound)."""

    def n(x):
        return f"{x:,}" if x is not None else "?"

    if f.value is not None:
        val = n(f.value)
    elif f.low is not None and f.high is not None:
        val = f"{n(f.low)}–{n(f.high)}"
    elif f.low is not None:
        words = f.span.text.split()  # the vague words: "dozens", "several hundred", "tens of thousands"
        vague = " ".join(
            words[:2]
            if len(words) > 1 and words[1].lower() in ("hundred", "thousand", "million")
            else words[:3]
            if len(words) > 2 and words[1].lower() == "of" and words[2].lower() in ("thousands", "millions")
            else words[:1]
        )
        val = f"{n(f.low)}+ ({vague})"
    else:
        val = f.span.text
    if f.qualifier and f.qualifier not in ("exactly", "between"):
        val = f"{f.qualifier.replace('_', ' ')} {val}"
    return val


def _quote_line(q, lead: str) -> str:
    content = " … ".join(sp.text for sp in q.content)
    flags = [q.kind] + (["furniture"] if q.in_furniture else [])
    head = f"{lead}({', '.join(flags)}; {q.cue.text if q.cue else '-'}) "
    return textwrap.fill(content, width=100, initial_indent=head, subsequent_indent=" " * 6)


def _figures(rec: Analysis) -> list[str]:
    """Who counts what: one line a figure, outlet's own figures marked "(the outlet)"."""
    if not rec.figures:
        return []
    out = [
        f"FIGURES — {len(rec.figures)}",
        f"  {'value':<22} {'what':<28} {'who says':<28} {'when':<11} where",
    ]
    for f in rec.figures:
        what = " ".join(x for x in (f.unit, f.measure) if x)
        who = (f.source.name if f.source else None) or "(the outlet)"
        if f.quote:
            who = f"{who} [{f.quote}]"
        where = rec.places[f.where].name if f.where is not None and 0 <= f.where < len(rec.places) else ""
        if f.in_furniture:
            where = (where + " " if where else "") + "(furniture)"
        out.append(f"  {_figure_value(f):<22.22} {what:<28.28} {who:<28.28} {f.when or '':<11} {where}")
    return out


def _events(rec: Analysis) -> list[str]:
    """ACLED-typed events: date, type, place, fatalities, actors, who reports it."""
    if not rec.events:
        return []
    out = [
        f"EVENTS — {len(rec.events)}",
        f"  {'date':<10} {'event / sub-event type':<52} {'where':<18} {'dead':>6}  actors; source",
    ]
    for ev in rec.events:
        where = rec.places[ev.place].name if ev.place is not None and 0 <= ev.place < len(rec.places) else "?"
        dead = str(ev.fatalities or 0)
        if ev.fatalities and ev.fatalities_qualifier in ("at_least", "more_than"):
            dead = "≥" + dead
        actors = (ev.actor1.name if ev.actor1 else "?") + (f" → {ev.actor2.name}" if ev.actor2 else "")
        src = f"; {ev.source.name}" if ev.source and ev.source.name else ""
        kind = f"{ev.event_type} / {ev.sub_event_type}"
        flag = " (furniture)" if ev.in_furniture else ""
        out.append(f"  {ev.date or '?':<10} {kind:<52.52} {where:<18.18} {dead:>6}  {actors}{src}{flag}")
    return out


class _Writer:
    def __init__(self, fmt: str, out: TextIO):
        self.fmt, self.out, self.n = fmt, out, 0
        self.buf: list[dict] = []

    def write(self, rec: Analysis) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.buf.append(rec.to_dict())
        elif self.fmt == "acled-csv":
            from .events import write_acled_csv

            write_acled_csv(rec, self.out, header=self.n == 0)
        else:
            if self.n:
                self.out.write("\n" + "─" * 78 + "\n\n")
            self.out.write(render_text(rec))
        self.n += 1
        self.out.flush() if self.fmt != "json" else None

    def close(self) -> None:
        if self.fmt == "json":
            data = self.buf[0] if len(self.buf) == 1 else self.buf
            self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def writer(fmt: str, out: TextIO) -> _Writer:
    return _Writer(fmt, out)
