"""What an item records that nobody said: attendance lists inside an item ("Witnesses:" over one
person per line, "In attendance: ..."), apologies, substitutions, declarations of interest, the
close of the meeting, action lines and vote lists. Patterns in ``data/not_statements.json``."""
from __future__ import annotations

import re
from collections.abc import Callable

from . import rules
from .attendance import parse_attendance, parse_person_line
from .people import People
from .records import BlockData

# "\bw" written as "w(?<!\w\w)" so that the regex engine can skip ahead to the w's (searched in every block)
ATTEND_FOR_ITEM = re.compile(r"w(?<!\w\w)(?:ere|as) (?:in attendance|present) (?:for|during) (?:this|the) item\b", re.IGNORECASE)
# an attendance list inside an item: "Witnesses:" over one person per line, "In attendance: X (Head of Y), ..."
_ITEM_LIST_LABEL = re.compile(r"^(?:witnesses(?:\s+present)?|(?:also\s+)?in\s+attendance(?:\s+for\s+(?:this|the)\s+item)?|also\s+present|"
                              r"officers\s+(?:present|in\s+attendance)|(?:present|attending)\s+for\s+(?:this|the)\s+item)\s*:\s*(?P<rest>.*)$",
                              re.IGNORECASE)
# a label's list may run on one line ("Ann Lowe, Director – Place – Dr Sam Pearce, Head of Finance – ..."): long, but no sentence
_LISTED_LINE_WORDS = 90
_SENTENCE_INSIDE = re.compile(r"[.;!?]\s+[A-Z]|[.!?]$")


def list_attendance(bds: list[BlockData], people: People) -> None:
    """The attendance lists inside an item, the one place that marks them (``BlockData.listed``: not
    statements, not sub-headings). The people listed under a label ("Witnesses:" + "Simon Thorne,
    Executive Director for Adults" per line) are registered with their titles, so that "the
    Executive Director" is Mr Thorne; a roster ("Present: ...", "Name, Job Title" lines under a bare
    label) is only marked."""
    for n in _roster_lines(bds):
        bds[n].listed = True
    listing = False
    for bd in bds:
        text = bd.block.text
        m = _ITEM_LIST_LABEL.match(text)
        if m:
            bd.listed = listing = True
            entries = parse_attendance("Present: " + m.group("rest")) if m.group("rest") else []
        elif listing and bd.block.kind in ("para", "heading") and len(text.split()) <= _LISTED_LINE_WORDS and not _SENTENCE_INSIDE.search(text):
            entries = parse_person_line(text)
            if not entries:
                listing = False
                continue
            bd.listed = True
        else:
            listing = False
            continue
        for a in entries:
            people.add(a.name, kind=None if a.kind in ("unknown", "member") else a.kind, title=a.title, rank="list")


ACTION_LABEL = re.compile(r"(?:actions?(?:\s+(?:by|owner|lead))?|owner)\s*:\s*(?!(?-i:[A-Z]{2,4})\s+to\s)[A-Z][^.;:]{0,50}\.?\s*$", re.IGNORECASE)


def _housekeeping_patterns() -> tuple[Callable, Callable]:
    """The housekeeping patterns (data file) as two whole-sentence matchers: those anchored on their
    first words ("Apologies were received ...", "The meeting closed at ...") fail at once on other
    sentences; those that scan for a verb after the subject ("Cllr Tully declared a ... interest")
    are tried only on a sentence holding one of their verbs."""
    patterns = rules.not_statements()
    scan = [p for p in patterns if p.startswith("[^")]
    anchored = [p for p in patterns if not p.startswith("[^")]
    return (re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE).fullmatch,
            re.compile("|".join(f"(?:{p})" for p in scan), re.IGNORECASE).fullmatch)


_ANCHORED_HOUSEKEEPING, _SCANNED_HOUSEKEEPING = _housekeeping_patterns()
# the verbs of the scanning patterns (not_statements.json), lower case
HOUSEKEEPING_VERBS = re.compile(r"apolog|substitut|deputis|attended|declar|repeated")
# the same as plain words while the pattern is a list of them: a substring test per word costs a
# fraction of the regex's scan of every position
_VERB_WORDS = (tuple(HOUSEKEEPING_VERBS.pattern.split("|"))
               if all(w and re.escape(w) == w for w in HOUSEKEEPING_VERBS.pattern.split("|")) else None)


def has_housekeeping_verb(low: str, start: int = 0, end: int | None = None) -> bool:
    """``HOUSEKEEPING_VERBS.search(low, start, end) is not None``."""
    if _VERB_WORDS is None:
        return HOUSEKEEPING_VERBS.search(low, start, len(low) if end is None else end) is not None
    if end is None and start == 0:
        return holds_any(low, _VERB_WORDS)
    for w in _VERB_WORDS:
        if low.find(w, start, len(low) if end is None else end) >= 0:
            return True
    return False


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (a plain loop: a generator under any() costs more than the tests)."""
    for w in words:
        if w in text:
            return True
    return False


# "Cllr Tully declared an interest and asked whether ...", "Cllr Tully, who declared an interest,
# asked ...", "The Director said that three members had sent apologies ...", "..., the Director
# explained.": the sentence says something too, and dropping it as housekeeping would lose it. A
# declaration's own content is not such a verb: "declared that she had been lobbied and confirmed
# that she had not expressed a view".
_SAY = (r"(?:ask(?:ed|ing)|quer(?:ied|ying)|question(?:ed|ing)|sought|seeking|rais(?:ed|ing)|said|saying|stat(?:ed|ing)|"
        r"request(?:ed|ing)|welcom(?:ed|ing)|suggest(?:ed|ing)|comment(?:ed|ing)|highlight(?:ed|ing)|explain(?:ed|ing)|urg(?:ed|ing)|add(?:ed|ing))")
_SAID_AS_WELL = re.compile(r"\b(?:and|but)\s+(?:then\s+|also\s+|later\s+)?(?:asked|queried|questioned|sought|raised|expressed|"
                           r"said|stated|requested|welcomed|suggested|commented|highlighted|explained|noted|reported|"
                           r"thanked|proposed|moved|urged|felt|added|wished|opposed)\b"
                           rf"|,\s+{_SAY}\b"
                           rf"|,\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,4}}\s+{_SAY}\W*$")
# the sentence opens on someone saying it, before any housekeeping verb
_SAID_FIRST = re.compile(rf"(?:(?!apolog|substitut|deputis|attended|declar|repeated)[^;]){{0,120}}?\b{_SAY}\b")


def housekeeping(norm: str, low: str | None, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` records the meeting's housekeeping, which nobody said: apologies,
    substitutions, declarations of interest, close of meeting, action lines, vote lists. ``low``:
    ``norm`` folded, or None when the caller knows that it holds none of the scanning verbs."""
    while end > start and norm[end - 1] in "; ":
        end -= 1  # "Apologies were received from Cllr Archer; Cllr Bellamy attended as his substitute.": a unit ends at ";"
    return (_ANCHORED_HOUSEKEEPING(norm, start, end) is not None
            or (low is not None and has_housekeeping_verb(low, start, end)
                and _SCANNED_HOUSEKEEPING(norm, start, end) is not None
                and _SAID_AS_WELL.search(low, start, end) is None and _SAID_FIRST.match(low, start, end) is None))


# "Witnesses:" over one "Name, Job Title" per line: who attended for the item, not statements
# and not sub-headings
_ROSTER_LABEL = re.compile(
    r"^(?:witnesses|(?:also\s+)?in\s+attendance|(?:officers|others|also)\s+(?:present|in\s+attendance)|present|attending)"
    r"(?:\s+(?:for|during)\s+(?:this|the)\s+item)?\s*:\s*$", re.IGNORECASE)
_ROSTER_LINE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof\.?|Professor|Councillor|Cllr|Sir|Dame|Revd?\.?|Father|Chief\s+Inspector|"
                          r"Inspector|Superintendent|Sergeant)\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*[,(]\s*[A-Z][^.?!:]{2,200}$")


# "Present: Councillor Gideon Marchetti (Chair), Councillors ...; Mrs Jaspreet Kaur (...)." in an item
ROSTER_LIST = re.compile(r"^(?:(?:members\s+|councillors\s+)?present|also\s+present|(?:also\s+)?in\s+attendance|"
                         r"officers(?:\s+present|\s+in\s+attendance)?|witnesses)\s*:\s*\S", re.IGNORECASE)


def _roster_lines(bds: list[BlockData]) -> list[int]:
    """Positions of the blocks of an item that list who attended for it: a "Witnesses:" label
    and the "Name, Job Title" lines under it, a "Present: ..." list."""
    out: list[int] = []
    open_list = False
    for n, bd in enumerate(bds):
        text = bd.block.raw or bd.block.text
        if not open_list and ":" not in text:
            continue  # no label
        if (ROSTER_LIST.match(text) and not bd.has_cue) or _ROSTER_LABEL.match(text):
            out.append(n)
            open_list = True
        elif open_list and _ROSTER_LINE.match(text.rstrip(";, ")):
            out.append(n)
        else:
            open_list = False
    return out
