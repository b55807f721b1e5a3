"""Page furniture in pasted web pages: marked by offsets, never cut out.

A page copied from a browser brings the article's own text together with the
page around it: the masthead, time stamps, photo captions and credits, read
times, headlines of other stories, carousels, bylines and contributor lines,
topic boxes, "Advertisement" and "Share" buttons. ``mark_furniture`` finds
them line by line from generic features (length, final punctuation, position
before or after the first body paragraph, keyword patterns) and reads the
metadata they carry.

Choices:

- The **headline** is *not* furniture: it is the article's own text (PolNeAR
  annotates attributions in headlines: 50 of the 2,192 dev attributions start
  in the first line), and the spec has no kind for it. It goes to
  ``meta.headline``; short labels around it (section names, kickers) are
  ``other``.
- A **byline** ("By Jane Doe and John Smith") is kind ``contributors``, like
  the "... contributed to this report." line: both credit the people behind
  the report. Its names go to ``meta.authors``; the contributor line's names
  to ``meta.contributors`` ("Editing by" names are left out: editors).
- "Source: ..." lines (an agency story's providers, a chart's source) are
  ``credit``; a known outlet named there becomes ``meta.publisher``.
- A **caption ending with its credit** is two spans: ``caption`` (the words)
  and ``credit`` (the parenthesised or "Photograph: ..." credit).
- A **carousel** is one span from "Skip to end of carousel" to "End of
  carousel" (its captions included); a **topic box** is one span per run of
  lines (its heading and its "Label: text" paragraphs).
- The **dateline** ("CAIRO —") is part of the first paragraph, not furniture;
  it goes to ``meta.dateline``.
"""

from __future__ import annotations

import re

from ..lang.page_furniture import READ_WORDS, STAMP_WORDS
from ..model import Furniture, Meta
from .metadata import AGENCIES, find_datetimes, looks_like_name, split_names
from .pagelines import (  # noqa: F401 - find_dateline, publisher_of are part of this module's API
    AGO,
    BBC_IMAGE,
    BOILER,
    BYLINE,
    CAROUSEL_END,
    CAROUSEL_START,
    CONTRIB,
    GLUE,
    LABEL_CREDIT,
    NOTE,
    OPEN_QUOTE,
    OUTLET_RE,
    PAREN_CREDIT,
    READ_TIME,
    RELATED_HEAD,
    RELATED_LABEL,
    REPORTED,
    ROLE_BY,
    ROLE_LINE,
    SOURCE,
    TIME_ONLY,
    TOPIC_LABEL,
    Line,
    credit_like,
    ends_sentence,
    find_dateline,
    logical_paragraphs,
    publisher_of,
    split_lines,
    title_case_share,
)

# --- the marker -------------------------------------------------------------


# Word-count cutoffs of page lines (``Line.words``). None of them was fitted to data: git history
# (9dab971, b409339: "more outlets' shapes") shows each chosen by hand on the pasted pages of
# tests/test_ingest.py, the specimen and the example pages (Washington Post, NYT, Guardian, Reuters,
# BBC, Al Jazeera shapes), as a bound comfortably above the longest such line seen there and below
# a body paragraph. So each says "not calibrated, chosen by hand" and what it bounds; a change
# needs the furniture tests and the byte-identity of the development records.
MAX_BBC_LABEL_WORDS = 40  # "Image copyright Getty Images", "Image caption, Rescuers at the scene"
MAX_CREDITED_LINE_WORDS = 90  # a longer paragraph ending with a credit is body text
MIN_CAPTION_WORDS = 3  # before a "(Name/Agency)" credit: fewer words are no caption ("Smith (AP)")
MAX_CAPTION_LINES = 6  # lines of one hard-wrapped caption looked back over
MAX_CAPTION_WORDS = 50  # captions run up to ~50 words; longer is body text ending with a credit (LGL)
MAX_BOILER_WORDS = 25  # "Sign up for our newsletter", "Related content" lines
MAX_NOTE_WORDS = 80  # "Correction: ..." / "Editor's note: ..." paragraphs
MAX_READ_TIME_WORDS = 10  # "Listen to this article · 6:12 min Learn more"
MAX_AGO_WORDS = 6  # "Updated 3 hours ago"
MAX_TIME_ONLY_WORDS = 8  # "Updated 5:40 p.m. ET"
MAX_SOURCE_LINE_WORDS = 12  # "Source: Al Jazeera and news agencies"
MAX_REPORTED_LINE_WORDS = 30  # "Helen Ward reported from Piraeus and Samir Aziz from Athens."
MAX_BYLINE_WORDS = 40  # "By Helen Ward and Samir Aziz | Updated Feb. 14, 2024 at 5:00 p.m. EST"
MAX_CONTRIBUTOR_LINE_WORDS = 80  # "Additional reporting by ...; editing by ..." paragraphs
MAX_STAMP_LINE_WORDS = 30  # a date line with labels and buttons ("Published on ... · Share · Save")
MIN_DATELINE_PARAGRAPH_WORDS = 6  # "GAZA, Feb 14 (Reuters) - " starts a paragraph of prose
MIN_BODY_PARAGRAPH_WORDS = 20  # the first body paragraph: longer than mastheads, headlines, stamps
MIN_PROSE_WORDS = 8  # a body paragraph (8+ words ending like a sentence)
MAX_TITLE_WORDS = 30  # a title-like line above the body (headline, standfirst, label)
MIN_TITLE_CASE_WORDS = 4  # Title Case is judged on lines of 4+ words...
TITLE_CASE_SHARE = 0.6  # ...of which this share of the words of 4+ letters is capitalised
MAX_OUTLET_NAME_WORDS = 5  # "The Daily Star": a masthead shaped like a name
BYLINE_SEARCH_LINES = 30  # a byline without "By" is looked for in the first lines only
MAX_BYLINE_NAME_WORDS = 4  # "Helen Ward" alone on its line...
MAX_BYLINE_ROLE_WORDS = 10  # ...then "BBC News, Piraeus" or "Diplomatic correspondent"
HEADER_LINES = 12  # masthead and headline are in the first dozen lines of a page
MAX_PLAIN_HEADLINE_WORDS = 16  # a sentence-case first line ending with a period (PolNeAR's headlines)
MAX_MASTHEAD_WORDS = 10  # a first line without final punctuation that may be a masthead
MIN_TITLE_AFTER_MASTHEAD_WORDS = 3  # a name-shaped masthead has a title line of 3+ words below it
MIN_HEADLINE_WORDS = 4  # the headline is the first title line of 4+ words (labels, kickers are shorter)
MAX_LABEL_WORDS = 6  # other short title lines (section labels, kickers) are marked "other"
MAX_RELATED_LABEL_WORDS = 30  # "Read more: <headline>" between paragraphs
MIN_LINK_WORDS = 3  # a line alone between body paragraphs: a heading or another story's headline
MAX_RELATED_LINK_WORDS = 20  # other stories' headlines are no longer than this
MIN_OTHER_STORY_WORDS = 5  # ...and at least this long; shorter ones are subheadings
MAX_TOPIC_LABEL_WORDS = 6  # "Label: text" paragraphs at the end of a page: a short topic name...
MAX_TRANSCRIPT_LABEL_CHARS = 2  # ..."Q:"/"A:" are a transcript, not topics...
MIN_TOPIC_TEXT_WORDS = 5  # ...followed by a sentence of 5+ words
MAX_TOPIC_HEADING_WORDS = 8  # the heading line above such a box


class _Marks:
    def __init__(self, lines: list[Line], text: str):
        self.lines, self.text = lines, text
        self.spans: list[Furniture] = []
        self.kind: dict[int, str] = {}  # line index -> kind of the (first) span on it
        self.paras = logical_paragraphs(lines)
        self.para_of: dict[int, tuple[int, int]] = {k: p for p in self.paras for k in range(p[0], p[1] + 1)}
        self._para_words = {p: sum(lines[k].words for k in range(p[0], p[1] + 1)) for p in self.paras}

    def alone(self, line_index: int) -> bool:
        """A one-line paragraph (not a piece of a hard-wrapped one)."""
        return self.para_of[line_index] == (line_index, line_index)

    def para_words(self, line_index: int) -> int:
        return self._para_words[self.para_of[line_index]]

    def prose(self, line_index: int) -> bool:
        """Line ``line_index`` belongs to a body paragraph: 8+ words ending like a sentence."""
        return self.para_words(line_index) >= MIN_PROSE_WORDS and ends_sentence(
            self.lines[self.para_of[line_index][1]].text
        )

    def add(self, kind: str, start: int, end: int, lines: range | list[int]) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        self.spans.append(Furniture(start, end, self.text[start:end], kind))
        for i in lines:
            self.kind.setdefault(i, kind)

    def line(self, line: Line, kind: str) -> None:
        self.add(kind, line.start, line.end, [line.i])

    def free(self, line_index: int) -> bool:
        return line_index not in self.kind


def _carousels(marks: _Marks) -> None:
    lines = marks.lines
    i = 0
    while i < len(lines):
        if marks.free(i) and CAROUSEL_START.match(lines[i].text):
            # Carousels hold a few slides; 40 lines bounds the search on a page without an end marker.
            end = next(
                (j for j in range(i + 1, min(len(lines), i + 40)) if CAROUSEL_END.match(lines[j].text)), None
            )
            if end is None:
                marks.line(lines[i], "carousel")
            else:
                marks.add("carousel", lines[i].start, lines[end].end, range(i, end + 1))
                i = end
        i += 1


def _credits(marks: _Marks, line: Line) -> bool:
    """A credit line, or a caption ending with its credit."""
    t = line.text
    bbc = BBC_IMAGE.match(t)
    if (
        bbc and line.words <= MAX_BBC_LABEL_WORDS
    ):  # "Image copyright Getty Images", "Image caption, Rescuers at the scene"
        kind = "caption" if bbc.group(1).lower() == "caption" else "credit"
        end, used = line.end, [line.i]
        nxt = marks.lines[line.i + 1] if line.i + 1 < len(marks.lines) else None
        if (
            not bbc.group("rest").strip()
            and nxt is not None
            and marks.free(nxt.i)
            and nxt.words <= MAX_BBC_LABEL_WORDS
        ):
            end, used = nxt.end, [line.i, nxt.i]  # the label on its own line, the words on the next
        marks.add(kind, line.start, end, used)
        return True
    pm = PAREN_CREDIT.search(t)
    cm = None if pm else LABEL_CREDIT.search(t)
    hit = pm if pm and credit_like(pm.group("credit")) else cm
    if not hit or line.words > MAX_CREDITED_LINE_WORDS:
        return False
    c0 = line.start + hit.start() - (1 if hit is pm else 0)
    before = t[: c0 - line.start].strip()
    if before and (find_dateline(before) or CONTRIB.search(before)):
        return False  # a body paragraph ending with "(Reuters)" is not a caption
    if before and len(before.split()) < MIN_CAPTION_WORDS and hit is pm:
        return False  # "Smith (AP/Reuters)"-like fragments: not enough to call it a caption
    cap_start, cap_lines = line.start, [line.i]
    if before and before[0].islower():
        # A hard-wrapped caption: its first words are on the lines above.
        k = line.i - 1
        while (
            k >= 0
            and marks.lines[k].para == line.para
            and marks.free(k)
            and len(cap_lines) < MAX_CAPTION_LINES
        ):
            cap_start = marks.lines[k].start
            cap_lines.append(k)
            if not marks.lines[k].text[0].islower():
                break
            k -= 1
    # Captions run up to ~50 words; a longer "caption" is body text ending with
    # a credit (one-line LGL articles), where only the credit is marked.
    if before and len(marks.text[cap_start:c0].split()) <= MAX_CAPTION_WORDS and len(marks.lines) > 1:
        marks.add("caption", cap_start, c0, cap_lines)
    marks.add("credit", c0, line.end, [line.i])
    return True


def _line_patterns(marks: _Marks, meta: dict) -> None:
    for ln in marks.lines:
        if not marks.free(ln.i):
            continue
        t = ln.text
        if ln.words <= MAX_BOILER_WORDS and BOILER.match(t) or NOTE.match(t) and ln.words <= MAX_NOTE_WORDS:
            if rf := re.match(r"^Reporting from (?P<place>[A-Z][^.;]{1,60})$", t):
                meta.setdefault("reporting_from", rf.group("place"))  # the NYT's dateline
            marks.line(ln, "other")
        elif (
            ln.words <= MAX_READ_TIME_WORDS
            and READ_TIME.search(t)
            and all(w in READ_WORDS for w in re.findall(r"[^\W\d_]+", READ_TIME.sub(" ", t).lower()))
        ):
            marks.line(
                ln, "read_time"
            )  # "7 min", "6 min read", "Listen to this article · 6:12 min Learn more"
        elif ln.words <= MAX_AGO_WORDS and AGO.match(t):
            marks.line(ln, "timestamp")  # "3 hours ago": no date to read
        elif ln.words <= MAX_TIME_ONLY_WORDS and TIME_ONLY.match(t):
            meta.setdefault("times", []).append(
                ln
            )  # "Updated 5:40 p.m. ET": the day comes from another stamp
            marks.line(ln, "timestamp")
        elif ln.words <= MAX_SOURCE_LINE_WORDS and (src := SOURCE.match(t)):
            if o := OUTLET_RE.match(src.group("who")):
                meta.setdefault("publisher", o.group("name"))
            marks.line(ln, "credit")  # "Source: Al Jazeera and news agencies", a chart's "Source: NATO"
        elif (
            ln.words <= MAX_REPORTED_LINE_WORDS
            and ends_sentence(t)
            and (rep := REPORTED.match(t))
            and (names := split_names(rep.group("who")))
            and len(names) == len(re.split(r",|\band\b", rep.group("who")))
        ):
            names += [
                n
                for n in re.findall(r"(?:,|\band)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+from\b", t)
                if looks_like_name(n) and n not in names
            ]
            meta.setdefault("contributors", [])
            meta["contributors"] += [n for n in names if n not in meta["contributors"]]
            marks.line(ln, "contributors")  # "Helen Ward reported from Piraeus and Samir Aziz from Athens."
        elif ln.words <= MAX_BYLINE_WORDS and (b := BYLINE.match(t)):
            who = re.split(r"\s+[|·•]\s+|\s+(?:Updated|Published|Posted)\b", b.group("who"))[0]
            names = split_names(who)
            if not names and not AGENCIES.match(who.strip(" .")):
                continue
            meta.setdefault("authors", names)
            _take_dates(meta, t)
            marks.line(ln, "contributors")
        elif ln.words <= MAX_CONTRIBUTOR_LINE_WORDS and (CONTRIB.search(t) or ROLE_BY.match(t)):
            names = []
            c = CONTRIB.search(t)
            if c:
                names += split_names(
                    re.sub(r"^(?:Additional reporting by|Reporting by)\s+", "", t[: c.start()], flags=re.I)
                )
            for r in ROLE_BY.finditer(t):
                if not r.group("role").lower().startswith("edit"):
                    names += [n for n in split_names(r.group("who")) if n not in names]
            if c or names or ROLE_BY.match(t):
                meta.setdefault("contributors", [])
                meta["contributors"] += [n for n in names if n not in meta["contributors"]]
                marks.line(ln, "contributors")
        elif ln.words <= MAX_STAMP_LINE_WORDS and _timestamp_line(t):
            meta.setdefault("stamps", []).append(ln)
            marks.line(ln, "timestamp")
        else:
            _credits(marks, ln)


def _timestamp_line(line: str) -> bool:
    found = find_datetimes(line)
    if not found:
        return False
    rest, last = [], 0
    for s, e, _, _ in found:
        rest.append(line[last:s])
        last = e
    rest.append(line[last:])
    # Besides dates and labels a stamp holds only words like these; a timeline
    # entry ("Oct. 31, 2012 The Obama hug") or a sentence holds others.
    leftover = re.findall(r"[^\W\d_]{2,}", " ".join(rest).lower())
    return all(w in STAMP_WORDS for w in leftover)


def _take_dates(meta: dict, line: str) -> None:
    for _, _, label, value in find_datetimes(line):
        key = "updated" if label == "updated" else "published"
        meta.setdefault(key, value)


def _stamp_meta(meta: dict, body: int) -> None:
    """Dates from stamps above the body; below it only labelled ones count (a
    bare date under a correction note is not the publication date)."""
    stamps = meta.pop("stamps", [])
    for ln in [s for s in stamps if s.i < body] or stamps:
        for _, _, label, value in find_datetimes(ln.text):
            if label is None and ln.i > body:
                continue
            meta.setdefault("updated" if label == "updated" else "published", value)
    day = (meta.get("published") or meta.get("updated") or "")[:10]
    for ln in meta.pop("times", []):
        tm = TIME_ONLY.match(ln.text)
        assert tm is not None  # (collected because they match TIME_ONLY)
        found = find_datetimes(f"{day} {tm.group('time')}") if day else []
        if found and "T" in found[0][3]:
            meta.setdefault("updated" if "updated" in tm.group("label").lower() else "published", found[0][3])


def _body_start(marks: _Marks, meta: dict) -> int:
    """Index of the first body line: the dateline paragraph, else the first
    long free prose line (20 words: longer than mastheads, headlines and
    stamps; a standfirst above it stays unmarked, which is harmless)."""
    for ln in marks.lines[:30]:
        if (
            marks.free(ln.i)
            and marks.para_words(ln.i) >= MIN_DATELINE_PARAGRAPH_WORDS
            and (d := find_dateline(ln.text))
        ):
            meta.setdefault("dateline", d[0])
            if d[1]:
                meta.setdefault("publisher", d[1])
            return ln.i
    for a, b in marks.paras:
        if (
            all(marks.free(k) for k in range(a, b + 1))
            and marks.para_words(a) >= MIN_BODY_PARAGRAPH_WORDS
            and ends_sentence(marks.lines[b].text)
        ):
            return a
    return len(marks.lines)


def _title_like(marks: _Marks, line: Line) -> bool:
    t = line.text
    if (
        line.words > MAX_TITLE_WORDS
        or not marks.alone(line.i)
        or not t[0].isupper()
        or OPEN_QUOTE.match(t)
        and ends_sentence(t)
    ):
        return False
    return (
        not ends_sentence(t)
        or t.endswith("?")
        or line.words >= MIN_TITLE_CASE_WORDS
        and title_case_share(t) >= TITLE_CASE_SHARE
    )


def _name_shaped(line: Line) -> bool:
    """ "The Daily Star": up to five words, all capitalised but small words."""
    words = line.text.split()
    return len(words) <= MAX_OUTLET_NAME_WORDS and all(
        w[0].isupper() or w in ("of", "the", "and", "&", "de", "la", "le", "du") for w in words
    )


def _name_bylines(marks: _Marks, body: int, meta: dict) -> None:
    """A byline without "By": a name alone on its line, then the outlet or a
    role ("Helen Ward" / "BBC News, Piraeus" or "Diplomatic correspondent")."""
    lines = marks.lines
    for k in range(min(body, BYLINE_SEARCH_LINES) - 1):
        ln, nxt = lines[k], lines[k + 1]
        if (
            marks.free(k)
            and marks.free(k + 1)
            and looks_like_name(ln.text)
            and ln.words <= MAX_BYLINE_NAME_WORDS
            and nxt.words <= MAX_BYLINE_ROLE_WORDS
            and (OUTLET_RE.match(nxt.text) or ROLE_LINE.search(nxt.text))
        ):
            meta.setdefault("authors", [])
            meta["authors"].append(ln.text)
            marks.add("contributors", ln.start, nxt.end, [k, k + 1])


def _header(marks: _Marks, body: int, meta: dict) -> None:
    """Masthead, headline and labels above the first body line."""
    # Pages put masthead and headline in the first dozen lines; further down
    # a short line is body text even when no long paragraph came before it.
    free = [ln for ln in marks.lines[: min(body, HEADER_LINES)] if marks.free(ln.i)]
    titles = [ln for ln in free if _title_like(marks, ln)]
    if not titles:
        # A first line of its own, short, above the body: a sentence-case
        # headline ending with a period (as PolNeAR prints them). Headlines
        # are not furniture, so a wrong guess only costs meta.headline.
        first = marks.lines[0]
        if (
            free
            and free[0] is first
            and marks.alone(0)
            and first.words <= MAX_PLAIN_HEADLINE_WORDS
            and len(marks.lines) > 1
            and not find_dateline(first.text)
            and first.text[0].isupper()
            and not OPEN_QUOTE.match(first.text)
        ):
            meta.setdefault("headline", first.text)
        return
    first = titles[0]
    rest = titles[1:]
    outlet = OUTLET_RE.match(first.text)
    glued = GLUE.match(first.text)
    plain = first.words <= MAX_MASTHEAD_WORDS and not re.search(r"[.;,:!?…]$", first.text)
    if (
        first.i == 0
        and plain
        and (
            outlet
            and OUTLET_RE.fullmatch(first.text.split(" | ")[0])
            or outlet
            and re.match(r"[|·•—–:-]|[A-Z]", first.text[outlet.end() :].lstrip()[:1] or "|")
            and not first.text[outlet.end() : outlet.end() + 1].isspace()
            or glued
            or _name_shaped(first)
            and any(r.words >= MIN_TITLE_AFTER_MASTHEAD_WORDS for r in rest)
        )
    ):
        marks.line(first, "masthead")
        meta.setdefault("publisher", publisher_of(first.text))
        titles = rest
    # The headline: the first title line of four words or more (section
    # labels and kickers are shorter), else the first one at all.
    head = next((ln for ln in titles if ln.words >= MIN_HEADLINE_WORDS), titles[0] if titles else None)
    if head is None:
        return
    meta.setdefault("headline", head.text)
    for ln in titles:
        if (
            ln is not head
            and ln.words <= MAX_LABEL_WORDS
            and not re.search(r"[.;,:!?…]$", ln.text)
            and not ends_sentence(ln.text)
        ):
            marks.line(ln, "other")


def _body(marks: _Marks, body: int) -> None:
    """Headlines of other stories and labelled links between body paragraphs."""
    lines = marks.lines
    for k in range(body + 1, len(lines)):
        if marks.kind.get(k) == "other" and RELATED_HEAD.match(lines[k].text):
            # "More on this story" and the headlines listed under it
            j = k + 1
            while (
                j < len(lines)
                and marks.free(j)
                and lines[j].words <= MAX_RELATED_LINK_WORDS
                and not ends_sentence(lines[j].text)
            ):
                marks.line(lines[j], "related_link")
                j += 1
    for k in range(body + 1, len(lines)):
        ln = lines[k]
        if not marks.free(k):
            continue
        t = ln.text
        if ln.words <= MAX_RELATED_LABEL_WORDS and RELATED_LABEL.match(t):
            marks.line(ln, "related_link")
            continue
        prev = lines[k - 1]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            not (MIN_LINK_WORDS <= ln.words <= MAX_RELATED_LINK_WORDS)
            or not marks.alone(k)
            or not t[0].isupper()
            or OPEN_QUOTE.match(t)
        ):
            continue
        if ends_sentence(t):
            continue  # questions too: "So where should policy makers go from here?" is body text
        if t[-1] in ",;:—–-(" or re.match(r"^(?:[-*•▪◦]|\d+[.)])\s", t):
            continue
        # Between two body paragraphs (a list or a table has no prose on both sides).
        if not (marks.prose(prev.i) and marks.free(prev.i)) or not (nxt is None or marks.prose(nxt.i)):
            continue
        if nxt is None:
            continue  # a last short line is a topic heading or a sign-off: left to _topic_box
        # Other stories' headlines run five words or more; shorter ones are subheadings.
        marks.line(ln, "related_link" if ln.words >= MIN_OTHER_STORY_WORDS else "other")


def _topic_box(marks: _Marks, body: int) -> None:
    """ "Label: text" paragraphs at the end of the page, with their heading."""
    lines = marks.lines
    run: list[Line] = []
    k = len(lines) - 1
    while k > body and not marks.free(k) and marks.kind[k] == "other":
        k -= 1  # trailing buttons ("Share", "Advertisement") below the box
    while k > body and marks.free(k):
        lab = TOPIC_LABEL.match(lines[k].text)
        label = lab.group("label") if lab else ""
        # Labels are short topic names; a person's name or "Q"/"A" is a transcript.
        if (
            not lab
            or len(label.split()) > MAX_TOPIC_LABEL_WORDS
            or len(label) <= MAX_TRANSCRIPT_LABEL_CHARS
            or looks_like_name(label)
            or len(lab.group("rest").split()) < MIN_TOPIC_TEXT_WORDS
        ):
            break
        run.append(lines[k])
        k -= 1
    if not run:
        return
    heading = (
        lines[k]
        if k > body
        and marks.free(k)
        and lines[k].words <= MAX_TOPIC_HEADING_WORDS
        and not ends_sentence(lines[k].text)
        else None
    )
    labels = {TOPIC_LABEL.match(r.text).group("label").lower() for r in run}  # type: ignore[union-attr]  # run: TOPIC_LABEL lines
    if len(run) < 2 and not (heading and heading.text.lower() in labels):
        return
    run.reverse()
    block = ([heading] if heading else []) + run
    marks.add("topic_box", block[0].start, block[-1].end, [ln.i for ln in block])


def mark_furniture(text: str) -> tuple[list[Furniture], Meta]:
    """Furniture spans (sorted, non-overlapping, ``text[start:end] == span.text``)
    and the metadata read from them (headline, publisher, dates, dateline,
    authors, contributors)."""
    lines = split_lines(text)
    m = _Marks(lines, text)
    meta: dict = {}
    if not lines:
        return [], Meta()
    _carousels(m)
    _line_patterns(m, meta)
    body = _body_start(m, meta)
    _stamp_meta(meta, body)
    _name_bylines(m, body, meta)
    _header(m, body, meta)
    _body(m, body)
    _topic_box(m, body)
    spans = sorted(m.spans, key=lambda f: (f.start, f.end))
    out: list[Furniture] = []
    for f in spans:  # defensive: never hand on overlapping spans
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out, Meta(
        headline=meta.get("headline"),
        publisher=meta.get("publisher"),
        published=meta.get("published"),
        updated=meta.get("updated"),
        dateline=meta.get("dateline") or meta.get("reporting_from"),
        authors=tuple(meta.get("authors", ())),
        contributors=tuple(meta.get("contributors", ())),
    )
