"""Text clean-up and block classification for minutes text."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_MOJIBAKE_CHARS = "\u0080-\u00bf\u20ac\u201a-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122"
_MOJIBAKE_LEADS = "ÂÃâÅÄ"
_MOJIBAKE_HINT = re.compile("[" + _MOJIBAKE_LEADS + "][" + _MOJIBAKE_CHARS + "]")
_MOJIBAKE_RUN = re.compile("(?:[ÂÃâÅÄ][" + _MOJIBAKE_CHARS + "]{1,3})+")


_MOJIBAKE_TABLE = {
    "â€™": "’", "â€˜": "‘", "â€œ": "“", "â€\x9d": "”", "â€“": "–", "â€”": "—", "â€¦": "…", "â€¢": "•",
    "Â£": "£", "Â\u00a0": " ", "Â·": "·",
}


def _fix_run(m: re.Match) -> str:
    run = m.group(0)
    try:
        return run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


# zero-width characters, the soft hyphen and the invisible direction marks and overrides (a pasted "asked\u202e whether"
# would hide the cue), and the C0 control characters of a damaged file (NUL, BEL ...; not tab, newline, form feed): none is text
_ZERO_WIDTH_CHARS = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                     + "".join(map(chr, [*range(0x09), 0x0b, *range(0x0e, 0x20), 0x7f])))
_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# one-to-one character normalisation (keeps offsets): quotes, dashes, odd spaces
_NORM_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
})
_HAS_NORM_CHAR = re.compile("[" + re.escape("".join(chr(c) for c in _NORM_TABLE)) + "]")
_ASCII_NORM_CHARS = [chr(c) for c in _NORM_TABLE if c < 128]


def repair(text: str) -> str:
    """Fix common UTF-8-as-cp1252 mojibake, drop zero-width characters, NFC-normalise."""
    if not text:
        return ""
    # "c in text" runs at memchr speed; the regexes only where one of their characters is
    if any(c in text for c in _MOJIBAKE_LEADS) and _MOJIBAKE_HINT.search(text):
        try:
            text = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            # mixed text (mojibake next to characters cp1252 cannot hold): repair run by run
            text = _MOJIBAKE_RUN.sub(_fix_run, text)
            for bad, good in _MOJIBAKE_TABLE.items():
                text = text.replace(bad, good)
    if any(c in text for c in _ZERO_WIDTH_CHARS):  # translate() with a dict is slow per character: only when needed
        text = text.translate(_ZERO_WIDTH)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces (NBSP and friends included)."""
    # the odd spaces other than the tab are not ASCII, and str.isascii() costs nothing
    if "  " not in text and ("\t" not in text if text.isascii() else not _ODD_SPACE.search(text)):
        return text.strip()
    return _SPACES.sub(" ", text).strip()


# the only non-ASCII characters that Python's case-insensitive regexes match to ASCII letters
_CASE_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """Lower case, with the characters that case-insensitive regexes take for ASCII letters
    (dotted and dotless I, long s, Kelvin sign) mapped to them: ``"chair" in folded(text)`` is a
    cheap sound test to run before an IGNORECASE search for a pattern that needs "chair"."""
    return text.lower() if text.isascii() else text.translate(_CASE_ODD).lower()


def _parsed(pattern: str):
    """The regex parser's reading of ``pattern`` (case-insensitive), None when it is unavailable:
    a private module, so the prefilters below fall back to none, never to a wrong one."""
    try:
        from re import _parser

        return _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001
        return None


def required_text(pattern: str) -> str:
    """The longest run of ASCII characters that every match of ``pattern`` holds as written (lower
    case; "" when none is found): ``required_text(p) in folded(text)`` is a sound test to run
    before a case-insensitive search for ``p`` in ``text``. Read off the parser's top-level
    sequence, so only characters that no branch, group or repeat can leave out are taken."""
    from re import _constants

    parsed = _parsed(pattern)
    best, run = "", ""
    for op, av in parsed or ():
        if op is _constants.LITERAL and av < 128:
            run += chr(av)
        elif op is not _constants.AT:  # anchors and word boundaries match no characters
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len).lower()


def anchored_at_start(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at the start of the text (a leading "^", no
    top-level alternative without it, no MULTILINE): ``match`` then finds what ``search`` would."""
    from re import _constants

    parsed = _parsed(pattern)
    return (parsed is not None and not parsed.state.flags & re.MULTILINE and len(parsed) > 0
            and parsed[0] == (_constants.AT, _constants.AT_BEGINNING))


_ASCII_SPACES = frozenset(c for c in map(chr, range(128)) if c.isspace())
_ASCII_WORD = frozenset(c for c in map(chr, range(128)) if c.isalnum() or c == "_")
_ASCII_FOLDS = {0x130: "iI", 0x131: "iI", 0x17F: "sS", 0x212A: "kK"}  # see ``folded``


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with (both cases of a letter when
    case-insensitive), or None when any may: a match at ``pos`` is then impossible when
    ``text[pos]`` is another ASCII character (non-ASCII ones may fold to ASCII letters: always try
    them). Read off the regex parser, so that a pattern edited later keeps a sound prefilter; None
    for whatever it does not know (negated sets, back references, a pattern that can match nothing)."""
    from re import _constants as c

    parsed = _parsed_exact(pattern)
    if parsed is None:
        return None

    def ascii_of(lo: int, hi: int, ignore: bool) -> set[str]:
        out = {chr(x) for x in range(lo, min(hi, 127) + 1)}
        if ignore:  # the non-ASCII letters that a case-insensitive regex takes for ASCII ones
            out |= {ch for code, chars in _ASCII_FOLDS.items() if lo <= code <= hi for ch in chars}
        return out

    def of_item(op, av, ignore: bool) -> set[str] | None:
        if op is c.LITERAL:
            return ascii_of(av, av, ignore)
        if op is c.IN:
            out: set[str] = set()
            for sop, sav in av:
                if sop is c.LITERAL:
                    out |= ascii_of(sav, sav, ignore)
                elif sop is c.RANGE:
                    out |= ascii_of(sav[0], sav[1], ignore)
                elif sop is c.CATEGORY and sav is c.CATEGORY_SPACE:
                    out |= _ASCII_SPACES
                elif sop is c.CATEGORY and sav is c.CATEGORY_DIGIT:
                    out |= set("0123456789")
                elif sop is c.CATEGORY and sav is c.CATEGORY_WORD:
                    out |= _ASCII_WORD
                else:
                    return None
            return out
        return None

    def of_sequence(items, ignore: bool) -> tuple[set[str] | None, bool]:
        """(first characters, whether the sequence can match nothing)."""
        out: set[str] = set()
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # an anchor or a look-around consumes nothing
            if op is c.BRANCH:
                nullable = False
                for alt in av[1]:
                    chars, empty = of_sequence(alt, ignore)
                    if chars is None:
                        return None, True
                    out |= chars
                    nullable = nullable or empty
            elif op is c.SUBPATTERN:
                chars, nullable = of_sequence(av[3], ignore or bool(av[1] & c.SRE_FLAG_IGNORECASE))
                if chars is None:
                    return None, True
                out |= chars
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                chars, nullable = of_sequence(av[2], ignore)
                if chars is None:
                    return None, True
                out |= chars
                nullable = nullable or av[0] == 0
            else:
                chars = of_item(op, av, ignore)
                if chars is None:
                    return None, True
                out |= chars
                nullable = False
            if not nullable:
                return ({x for ch in out for x in (ch, ch.swapcase())} if ignore else out), False
        return None, True

    chars, nullable = of_sequence(parsed, bool(pattern.flags & re.IGNORECASE))
    return None if chars is None or nullable else frozenset(chars)


def _parsed_exact(pattern: re.Pattern):
    """The regex parser's reading of a compiled pattern with its own flags, None when unavailable."""
    try:
        from re import _parser

        return _parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:  # noqa: BLE001
        return None


def normalise(text: str) -> str:
    """Same length as ``text``: curly quotes -> straight, dashes -> '-', odd spaces -> ' '."""
    if text.isascii():  # str.isascii() costs nothing; two ASCII characters are normalised
        return text.translate(_NORM_TABLE) if any(c in text for c in _ASCII_NORM_CHARS) else text
    return text.translate(_NORM_TABLE) if _HAS_NORM_CHAR.search(text) else text


# ---------------------------------------------------------------------------
# blocks
# ---------------------------------------------------------------------------

BULLET_CHARS = "•·▪‣◦●○■□–-*o"
_BULLET = re.compile(r"^(?P<m>[•·▪‣◦●○■□*]|[-–](?=\s)|o(?=\s+[A-Z0-9\"'“£(]))\s*")
_NUMBERED = re.compile(r"^(?P<m>\(?(?P<n>\d{1,3}(?:\.\d{1,2})*)[.)]|\((?P<n2>\d{1,3})\)|(?P<n3>\d{1,3}(?:\.\d{1,2})+)(?=\s+[A-Z(\"'“‘]))(?=\s)\s*")
_LETTERED = re.compile(r"^(?P<m>\(?(?P<l>[a-zA-Z])[.)]|\((?P<l2>[a-zA-Z])\))(?=\s)\s*")
_ROMAN = re.compile(r"^(?P<m>\(?(?P<r>(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|x))[.)]|\((?P<r2>(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|x))\))(?=\s)\s*")
# ASCII letters that start no list marker unless followed by "." or ")" (roman numerals are lower
# case i, v, x; "o" is a bullet)
_PLAIN_START = frozenset("abcdefghjklmnpqrstuwyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TERMINAL = re.compile(r"[.;:?!,]['\"’”)]*$")
_TERMINAL_CHARS = frozenset(".;:?!,")
_STRUCTURAL = re.compile(
    r"^(?:minutes\s*:?|additional documents\s*:?|\(?item\s+\d+[a-z]?\)?|issue\s*-\s*meetings|decision\s*:?|"
    r"view the full minutes text for item \d+|supporting documents\s*:?|\d{1,3}|page \d+(?: of \d+)?|-?\s*\d+\s*-)$",
    re.IGNORECASE,
)
_HEADING_VERBS = re.compile(
    r"\b(?:stated|said|asked|noted|reported|presented|explained|confirmed|advised|queried|questioned|highlighted|agreed|resolved|thanked|welcomed|requested|was|were|had|has|is|are)\b",
    re.IGNORECASE,
)


# a numbered sub-heading may run long: "Question 2 from Councillor Yusuf Kaya to the Cabinet Member for
# Children, Young People and Schools"
_LABELLED_HEADING = re.compile(r"^(?:Question|Motion|Petition|Amendment|Dashboard|Deputation|Recommendation|Part|Section|Theme|Priority"
                               r"|KLOE|Key\s+lines?\s+of\s+enquiry|Lines?\s+of\s+enquiry)\s+\d{1,3}[a-z]?\b")


# a numbered question sub-heading that names only who asks whom: "(2) Councillor Jo Reyes to the Cabinet Member for Housing"
_NUMBERED_ASKER_HEADING = re.compile(r"^(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-ZÀ-ÖØ-ÞŴŶ][^,;:.?!]{1,60}?\s+to\s+(?:the\s+)?"
                                     r"[A-Z][^.;:?!]{2,100}$")


@dataclass
class Block:
    text: str  # collapsed original text without the list marker
    kind: str  # para | heading | structural
    marker: str | None = None  # num | alpha | roman | bullet
    label: str | None = None  # "1", "a", "ii", or the bullet character
    raw: str = ""


def list_marker(line: str) -> tuple[str | None, str | None, str]:
    """(marker type, label, rest) of a block's leading list marker."""
    first = line[:1]
    if first in _PLAIN_START and line[1:2] not in (".", ")"):
        return None, None, line  # a word: no number, numeral, letter or bullet can start here
    m = _NUMBERED.match(line)
    if m:
        return "num", m.group("n") or m.group("n2") or m.group("n3"), line[m.end():]  # "5.", "(5)", "13.1"
    m = _ROMAN.match(line)
    if m:
        return "roman", (m.group("r") or m.group("r2")).lower(), line[m.end():]
    m = _LETTERED.match(line)
    if m:
        return "alpha", (m.group("l") or m.group("l2")).lower(), line[m.end():]
    m = _BULLET.match(line)
    if m:
        return "bullet", m.group("m"), line[m.end():]
    return None, None, line


def _ends_terminal(text: str) -> bool:
    """``_TERMINAL.search(text)`` without a scan of the whole line ("$" also matches before a
    final newline)."""
    if text.endswith("\n"):
        return _TERMINAL.search(text) is not None
    bare = text.rstrip("'\"’”)")
    return bare[-1:] in _TERMINAL_CHARS and bare != ""


#: "Question 2 from Councillor Yusuf Kaya to the Cabinet Member for Children, Young People and Schools": who asks whom
# (the asker may speak for a group: "Question 3 from Mrs X, on behalf of the Parent Forum, to the Leader")
# (or "Question 1 – Councillor Rhys Pell to the Leader of the Council (Councillor Ann Dove)": the holder named after the role)
QUESTION_HEADING = re.compile(r"^(?:(?:supplementary|public|written|oral)\s+)?question\s*\d*\s*(?:\s(?:from|by)|[-–—:])\s+(?P<who>[A-Z][^,;:]{2,80}?)"
                              r"(?:,\s+on\s+behalf\s+of\s+[^,;:]{2,80},)?\s+to\s+"
                              r"(?:the\s+)?(?P<to>[A-Z].{2,120}?)(?:\s+\((?P<holder>(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][^()]{2,60})\))?$",
                              re.IGNORECASE)


# an inquiry's key line of enquiry, often put as the question the session answers: "KLOE 2 – How timely are
# EHC needs assessments?", "Key line of enquiry 3 – Attendance and disadvantage"
_ENQUIRY_HEADING = re.compile(r"^(?:KLOE|KLoE|Key\s+lines?\s+of\s+(?:enquiry|inquiry)|Lines?\s+of\s+(?:enquiry|inquiry)|Key\s+questions?|Theme)(?:\s*\(KLOE\))?\s*\d{1,2}[a-z]?\s*[-–—:.]\s*\S",
                              re.IGNORECASE)


_SIGNED_SENTENCE = re.compile(r"[.!?]\s+\([^()]+\)$")


def is_heading(text: str) -> bool:
    """A short line without final punctuation that is not a sentence: a section heading."""
    if text and len(text) <= 160 and text[-1:] == "?" and _ENQUIRY_HEADING.match(text):
        return True
    if not text or (len(text) > 110 and not (len(text) <= 200 and QUESTION_HEADING.match(text))) or _ends_terminal(text):
        return False
    signed = _SIGNED_SENTENCE.search(text)
    if signed and len(text[:signed.start()].split()) >= 5:
        return False  # "A briefing would be arranged in January. (Head of Finance)": a reply signed by its author
    words = text.split()
    if len(words) > 14 and not ((len(words) <= 24 and _LABELLED_HEADING.match(text))
                                or (len(words) <= 30 and QUESTION_HEADING.match(text))):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if not any(c.isalpha() for c in text):
        return False
    if re.match(r"^(?:RESOLVED|AGREED|Resolved|Agreed|It was)\b", text):
        return False
    return not (_HEADING_VERBS.search(text) and len(words) > 4)


# a bold run-in topic label opening a paragraph ("Call handling. Councillor Ashdown asked ..."): the
# paragraph's sub-heading, not a sentence anyone said. Short, verbless, no digits, then a new sentence.
_RUN_IN_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z'’,&-]*(?:\s+[A-Za-z'’,&-]+){0,5})\.\s+(?=[A-Z“\"‘])")
_NOT_LABELS = {"mr", "mrs", "ms", "miss", "dr", "cllr", "prof", "rev", "st", "no", "nos", "co", "ltd", "inc", "yes",
               "noted", "agreed", "resolved", "carried", "lost", "thanks", "apologies", "none", "nil", "absent",
               "present", "however", "also", "further", "approved", "deferred", "withdrawn", "declined", "accepted",
               "recommended", "decision", "outcome", "action", "actions", "note", "response", "reply", "answer", "question"}


def run_in_label(text: str) -> tuple[str, str] | None:
    """(label, rest) of a paragraph opened by a topic label set as its own short sentence."""
    # the label is at most six words, the full stop on the last of them: spare the regex a paragraph
    # with none in its first six
    if not any("." in word for word in text.split(None, 6)[:6]):
        return None
    m = _RUN_IN_LABEL.match(text)
    if m is None:
        return None
    label, rest = m.group("label"), text[m.end():]
    words = label.split()
    if (len(rest) < 40 or label.lower() in _NOT_LABELS or words[-1].lower() in _NOT_LABELS
            or _HEADING_VERBS.search(label) or not _ends_terminal(rest.rstrip())):
        return None
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return None  # "Dawn Akinola." / "Thank You." : a name or a title-cased phrase, not a topic
    return label, rest


# a webcast index opening a paragraph ("[00:41:28] Cllr Hanley asked ..."): a label, like a paragraph number
WEBCAST_TIME = re.compile(r"(?:\[\d{1,2}(?::\d{2}){1,2}\]|\(\d{1,2}:\d{2}:\d{2}\))\s*")


# the chair's signature line at the foot of the minutes: "Chairperson ........ Date ........", "......... Chair"
_LEADERS = re.compile(r"[._…]{5,}")
_SIGNATURE_WORDS = {"signed", "chair", "chairman", "chairwoman", "chairperson", "date", "mayor", "convener", "dated"}


def _is_signature_line(text: str) -> bool:
    if not _LEADERS.search(text):
        return False
    words = re.findall(r"[^\W\d_]+", _LEADERS.sub(" ", text).lower())
    return set(words) <= _SIGNATURE_WORDS


def classify(line: str) -> Block | None:
    raw = collapse(line)
    if raw[:1] in "[(" and (stamp := WEBCAST_TIME.match(raw)):
        raw = raw[stamp.end():]
    if not raw:
        return None
    if _STRUCTURAL.match(raw) or _is_signature_line(raw):
        return Block(text=raw, kind="structural", raw=raw)
    marker, label, rest = list_marker(raw)
    rest = rest.strip()
    if marker and not rest:
        return None
    if (marker is None and is_heading(raw)) or (marker == "num" and _NUMBERED_ASKER_HEADING.match(rest)):
        return Block(text=raw, kind="heading", raw=raw)
    return Block(text=rest if marker else raw, kind="para", marker=marker, label=label, raw=raw)

