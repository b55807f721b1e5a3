"""Lines of a pasted news page: their offsets, shape features, and the
patterns that page furniture follows across outlets (used by ``furniture``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    i: int
    start: int  # offsets of the line without its surrounding whitespace
    end: int
    text: str
    para: int  # paragraph number (blank lines separate paragraphs)
    words: int


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets (surrounding whitespace excluded)."""
    lines: list[Line] = []
    pos = 0
    para = 0
    blank = False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            if blank and lines:
                para += 1
            s = pos + (len(raw) - len(raw.lstrip()))
            lines.append(Line(len(lines), s, s + len(stripped), stripped, para, len(stripped.split())))
            blank = False
        else:
            blank = True
        pos += len(raw)
    return lines


# --- line features ----------------------------------------------------------

END_SENTENCE = re.compile(r"[.!?…][\"”’'»)\]]*$")
OPEN_QUOTE = re.compile(r"^[\"“‘'«]")


def ends_sentence(text: str) -> bool:
    return bool(END_SENTENCE.search(text))


# not calibrated, chosen by hand on hard-wrapped pasted text: past most headlines, short of most
# wrap widths
WRAPPED_LINE_WORDS = 14


def continues(line: Line, following: Line | None) -> bool:
    """Is ``b`` the same paragraph's next line in hard-wrapped text? A wrapped
    line does not end a sentence and the next one starts in lower case, or the
    line is long: 14 words is past most headlines and short of most wrap widths."""
    if following is None or following.para != line.para or ends_sentence(line.text):
        return False
    return following.text[0].islower() or line.text[-1] in ",;:(-–—" or line.words >= WRAPPED_LINE_WORDS


def logical_paragraphs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) line indexes of paragraphs, hard-wrapped lines joined."""
    out: list[tuple[int, int]] = []
    start = 0
    for k, ln in enumerate(lines):
        if not continues(ln, lines[k + 1] if k + 1 < len(lines) else None):
            out.append((start, k))
            start = k + 1
    return out


def title_case_share(text: str) -> float:
    # words of 4+ letters: short function words ("of", "the", "and") stay lower case in Title Case
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


# --- patterns ---------------------------------------------------------------

# Outlets whose masthead or byline names the publisher. The list is for
# recognising the name when it is glued to a slogan or followed by a section;
# an unknown masthead is still found from its position and shape.
OUTLETS = (
    "The Washington Post",
    "The New York Times",
    "The Wall Street Journal",
    "Financial Times",
    "The Guardian",
    "The Observer",
    "The Times of Israel",
    "The Times",
    "The Telegraph",
    "The Independent",
    "The Economist",
    "The Atlantic",
    "The Hill",
    "The Jerusalem Post",
    "The National",
    "Los Angeles Times",
    "Chicago Tribune",
    "USA Today",
    "Associated Press",
    "AP News",
    "Reuters",
    "Bloomberg",
    "Politico",
    "Axios",
    "BBC News",
    "BBC",
    "CNN",
    "NPR",
    "NBC News",
    "CBS News",
    "ABC News",
    "Fox News",
    "Sky News",
    "Al Jazeera",
    "Al-Monitor",
    "Haaretz",
    "France 24",
    "Deutsche Welle",
    "DW",
    "Euronews",
    "Le Monde",
    "Der Spiegel",
    "The Daily Telegraph",
    "Breitbart",
    "HuffPost",
    "Vox",
    "Slate",
    "Newsweek",
    "Time",
    "The Boston Globe",
    "The Philadelphia Inquirer",
    "Middle East Eye",
    "Arab News",
    "South China Morning Post",
    "The Straits Times",
    "The Hindu",
    "The Times of India",
    "Kyiv Independent",
    "The Moscow Times",
    "Agence France-Presse",
    "AFP",
)
OUTLET_RE = re.compile(
    r"^(?P<name>"
    + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
    + r")(?=$|[^a-z]|[A-Z])"
)
# "The Washington PostDemocracy Dies in Darkness": a name glued to its slogan
# when the page was copied. "McCaul", "MacArthur", "DeYoung" are not glue.
GLUE = re.compile(r"^(?P<name>(?:[A-Z][\w'’.&-]*\s+){1,5}(?!Mc|Mac[A-Z])[A-Z][a-z]{2,})(?=[A-Z][a-z])")

BOILER = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: the main story)?|skip (?:to|past) .{1,40}|share(?: this (?:article|story|page))?|"
    r"share (?:on|via) \w+|share full article|save(?: article)?|comments?|\d+ comments?|view \d+ comments|"
    r"gift(?: this)? article|copy link|link copied|print|email|toggle caption|hide caption|"
    r"enlarge this image|image|video|photo|loading\.*|most (?:read|popular|viewed)|supported by|"
    r"sign (?:up|in)(?: (?:for|to) .{1,120})?|subscribe(?: .{1,80})?|follow (?:us|\w+) on .{1,60}|"
    r"get (?:the|our) .{1,80}newsletter.{0,60}|newsletter|open in app|play video|watch(?: video)?|"
    r"related (?:articles|stories|coverage|topics|content)|more on this story|top stories|trending(?: now)?|"
    r"you (?:may|might) also like|recommended(?: for you)?|read (?:the rest|more) (?:here|at .{1,40})|"
    r"click here.{0,80}|listen to this article|listen|audio|close|menu|search|"
    r"©.{0,120}|copyright .{0,120}|all rights reserved\.?|our standards: .{1,80}|"
    r"(?:reporting|reported) from .{1,40}|save (?:articles?|this|for later).{0,80}|related content|[_\-=*~•·—]{3,})\.?$",
    re.I,
)
NOTE = re.compile(
    r"^(?:(?:Correction|Clarification|Editor['’]s note|Update)s?\s*:|"
    r"A version of this (?:article|story) appear(?:s|ed) in print)",
    re.I,
)
READ_TIME = re.compile(r"(?<![\d:])\d{1,3}(?::\d{2})?\s*(?:min|mins|minutes?)\b", re.I)
TIME_ONLY = re.compile(
    r"^(?P<label>(?:last\s+)?updated|published|posted)\s*:?\s*(?:at\s+)?"
    r"(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*[A-Z]{1,4}(?:[+-]\d{1,2})?)$",
    re.I,
)
AGO = re.compile(
    r"^(?:(?:updated|published|posted)\s+)?\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    re.I,
)
REPORTED = re.compile(r"^(?P<who>[A-Z][^.;:]{2,120}?)\s+reported\s+(?:from|in|this)\b")
SOURCE = re.compile(r"^Sources?\s*:\s*(?P<who>\S.{1,100})$")
RELATED_HEAD = re.compile(
    r"^(?:more on this (?:story|topic)|related(?: (?:articles|stories|coverage|topics|content|links))?|"
    r"top stories|most (?:read|popular|viewed)|you (?:may|might) also like|recommended(?: for you)?|"
    r"more from [\w ]{1,30}|read (?:more|next)|further reading|latest(?: news| stories)?)\s*:?$",
    re.I,
)
CAROUSEL_START = re.compile(
    r"^(?:skip to (?:the )?end of|(?:start|beginning) of) (?:the )?"
    r"(?:carousel|slideshow|gallery|slider)\b",
    re.I,
)
CAROUSEL_END = re.compile(r"^end of (?:the )?(?:carousel|slideshow|gallery|slider)\b", re.I)
BYLINE = re.compile(r"^(?:By|BY|Byline:|BYLINE:|Written by|Words by|Story by)\s+(?P<who>[A-Z].{1,200})$")
CONTRIB = re.compile(r"\bcontributed (?:to (?:this|the) (?:report|story|article)|reporting|research)\b", re.I)
ROLE_BY = re.compile(
    r"\b(?P<role>(?:additional )?reporting|writing|editing|compiled|research|"
    r"reported|written|edited)\s+by\s+(?P<who>[^;|]+)",
    re.I,
)
# Words that make a short parenthesis a picture credit: "(Supplied photo)", "(AP Photo)".
CREDIT_WORDS = re.compile(
    r"\b(?:photo|photograph|photos|getty images|reuters|AFP|AP|EPA|associated press|"
    r"shutterstock|handout|credit|illustration|anadolu|sipa|alamy|xinhua)\b",
    re.I,
)
PAREN_CREDIT = re.compile(r"\((?P<credit>[^()\n]{2,120})\)$")
LABEL_CREDIT = re.compile(
    r"(?:^|(?<=[\s.]))(?P<credit>(?:Photograph|Photo|Image|Picture|Illustration|Video|"
    r"Credit|Photos|Photographs)\s*(?::|\.\.\.|…|by\b)\s*\S.{0,150})$"
)
RELATED_LABEL = re.compile(
    r"^(?:Read more|Read also|Also read|Related|Related coverage|See also|More|More coverage|Opinion|"
    r"Explainer|Watch|Live updates|Latest|Don['’]t miss|Further reading|More from [\w ]{1,30}|For context|"
    r"READ MORE|RELATED|MORE|WATCH|ALSO READ)\s*[:|>»]\s*\S"
)
# A label may hold initials ("U.S. involvement") but no sentence end.
TOPIC_LABEL = re.compile(r"^(?P<label>[A-Z0-9](?:[^:.!?\"“”]|(?<=\b[A-Z])\.){0,48}?):\s+(?P<rest>\S.*)$")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})?)"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\)\s*)?(?:—|–|--|-|:)\s+\S"
)


BBC_IMAGE = re.compile(
    r"^(?:Image|Media|Photo|Video)\s+(copyright|caption|source)\b\s*,?\s*(?P<rest>.*)$", re.I
)


def credit_like(text: str) -> bool:
    """ "Name/Agency/Getty Images", "Supplied photo": short, names or agencies,
    not an aside ("(Mr. Gore did not run in 1992.)")."""
    words = text.split()
    big = [w for w in words if len(w.strip(".,/")) > 2]
    caps = sum(w[0].isupper() for w in big) / len(big) if big else 0.0
    if re.search(r"[A-Z][\w.]*\s*/\s*[A-Z]", text):
        # not calibrated, chosen by hand on the credits of tests/test_ingest.py's pages: a
        # "Name/Agency" credit is short and mostly capitalised; one without a slash shorter still
        return len(words) <= 10 and caps >= 0.5
    return len(words) <= 6 and bool(CREDIT_WORDS.search(text)) and ":" not in text


def find_dateline(text: str) -> tuple[str, str | None] | None:
    """("CAIRO", None) for "CAIRO — ...", ("GAZA", "Reuters") for "GAZA, Feb 14 (Reuters) - "."""
    m = DATELINE.match(text)
    if not m:
        return None
    place = m.group("place").strip(" ,")
    head = place.split(",")[0]
    if len(head) < 2 or not re.search(r"[A-Z]{2}", head):  # a place of two letters or more, in capitals
        return None
    return place, m.group("agency")


def publisher_of(masthead: str) -> str | None:
    m = OUTLET_RE.match(masthead)
    if m:
        return m.group("name")
    m = GLUE.match(masthead)
    if m:
        return m.group("name").strip()
    name = re.split(r"\s+[|·•—–:-]\s+|\s*[|·•]\s*", masthead)[0].strip()
    return name or None


ROLE_LINE = re.compile(r"\b(?:correspondent|reporter|editor|writer|journalist|bureau chief|analyst)\b", re.I)
