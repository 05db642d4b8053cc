"""Printed minutes (PDF) -> `MinutesText`: meeting header, attendance and items.

Handles the ModernGov "printed minutes" layout used by Kent and many others:

    CORPORATE PARENTING PANEL – 29 October 2024
    MINUTES of the meeting held in the Darent Room, Sessions House, ...
    PRESENT: Jane Doe (Chair), John Roe (Vice-Chair), ...
    ALSO PRESENT: Ann Smith, Cabinet Member for Integrated Children's Services.
    IN ATTENDANCE: Bob Jones (Democratic Services Officer), ...
    Apologies and Substitutes          <- item title (bold)
    (Item 1)                           <- item marker on its own line
    1. Paragraph ... wrapped ...
       a. sub-point ...

and, where there are no "(Item N)" markers, item headings in one of the house styles of
`_HEADINGS` ("4. Title", "Item 4: Title", "Minute 23/45 Title", "ARG/38 Title", bold where the
minutes use bold at all). Each item's
text keeps one block (numbered paragraph, lettered sub-point, bullet, plain paragraph) per
line, wrapped lines joined.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from minutes_miner.extract.pdf_layout import group_blocks, join_wrapped
from minutes_miner.extract.pdf_types import PdfText
from minutes_miner.models import AttendeeMention, ItemText, MinutesText

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)[,]?\s+(\d{4})\b",
    re.IGNORECASE,
)
_ITEM_MARK = re.compile(r"^\(\s*Item\s+(\d+[A-Za-z]?)\s*\)\.?$", re.IGNORECASE)
# Item headings as councils print them, each read as (number as printed, title). The first
# heading found sets the document's style: the other styles are then sub-headings or text.
_HEADINGS = (
    re.compile(r"^(\d{1,3}[A-Za-z]?)\.?\s+(\S.*)$"),  # "4. Title", "24 Title"
    re.compile(r"^(?:AGENDA\s+)?ITEM\s+(\d{1,3}[A-Za-z]?)\s*(?:[:.–—-]\s*|\s)(\S.*)$", re.IGNORECASE),  # "Item 4: Title"
    re.compile(r"^MINUTE\s+(\d{1,4}(?:/\d{1,4})?)\.?\s*(?:[:–—-]\s*|\s)(\S.*)$", re.IGNORECASE),  # "Minute 23/45 Title"
    # a minute reference: committee prefix ("ARG/38 Title", "CPW/12/25 Title") or number and year ("38/24. Title")
    re.compile(r"^([A-Z]{2,6}/\d{1,4}(?:/\d{1,4})?|\d{1,4}/\d{2,4})\.?\s*(?:[:–—-]\s*|\s)(\S.*)$"),
)
_LABEL = re.compile(
    r"^(PRESENT|ALSO PRESENT|IN ATTENDANCE(?:\s+VIRTUALLY)?|ALSO IN ATTENDANCE|OFFICERS(?:\s+PRESENT)?|"
    r"APOLOGIES(?:\s+FOR\s+ABSENCE)?|SUBSTITUTES?|ABSENT|PRESENT\s+VIRTUALLY)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SECTION_LINE = re.compile(r"^(?:(?:UN)?RESTRICTED ITEMS|EXEMPT ITEMS|PART\s+[12I]+(?:\s*[-–].*)?|OPEN ITEMS)$", re.IGNORECASE)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Lord|Lady|Rev|Revd)\.?"
_ROLE_START = re.compile(
    r"^(?:the\s+)?(?:Deputy\s+|Interim\s+|Acting\s+|Assistant\s+|Senior\s+|Corporate\s+|Chief\s+|Executive\s+|Strategic\s+|Lead\s+)*"
    r"(?:Cabinet Member|Leader|Chair|Chairman|Vice[- ]Chair|Director|Head|Manager|Officer|Executive|Commissioner|"
    r"Portfolio Holder|Lead Member|Clerk|Solicitor|Monitoring Officer|Member for|Deputy|Co-Chair|Headteacher|Advisor|Adviser|Accountant|Counsel|Service Manager)\b",
    re.IGNORECASE,
)
_POSTNOMINALS = re.compile(r"^(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|QC|KC|BEM|FRICS)$")


@dataclass(frozen=True)
class MinutesHeader:
    committee: str | None
    date: date | None
    venue: str | None
    time: str | None


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def parse_printed_minutes(pdf: PdfText) -> MinutesText:
    lines = [(p.number, ln) for p in pdf.pages for ln in p.lines if ln.text.strip()]
    bold_used = any(ln.bold for _, ln in lines)
    starts = _item_starts(lines, bold_used)
    if not starts:
        return _minutes_without_items(pdf)
    header_end = starts[0][0]
    header_lines = lines[:header_end]
    header = _header(header_lines)
    attendance = _attendance(header_lines)
    items: list[ItemText] = []
    for n, (title_start, body_start, number, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = [x for x in lines[body_start:end] if not _SECTION_LINE.match(x[1].text.strip())]
        text = "\n".join(b.text for b in group_blocks(body))
        items.append(ItemText(title=title, text=text, number=number, page=lines[title_start][0]))
    # apologies / substitutes recorded inside an item rather than in the header
    if not any(a.status == "apologies" for a in attendance):
        for item in items:
            if item.title and re.search(r"apolog", item.title, re.IGNORECASE):
                attendance.extend(_apologies_from_text(item.text))
                break
    return MinutesText(
        source=pdf.source,
        items=tuple(items),
        committee=header.committee,
        date=header.date,
        attendance=tuple(attendance),
    )


def _minutes_without_items(pdf: PdfText) -> MinutesText:
    """Printed minutes in which no item heading is found are read as plain text: its reader finds
    headings of more forms and otherwise keeps the whole text as one unnumbered item, where the
    printed layout would have taken every line for the masthead and lost the text."""
    from minutes_miner.nlp.structure import minutes_from_text

    minutes = minutes_from_text("\n".join(page.text for page in pdf.pages), pdf.source)
    if minutes.committee is None or minutes.date is None:
        header = minutes_header(pdf)
        minutes = replace(minutes, committee=minutes.committee or header.committee, date=minutes.date or header.date)
    return minutes


def minutes_header(pdf: PdfText) -> MinutesHeader:
    """Committee, date, venue and time from the top of printed minutes."""
    lines = [(p.number, ln) for p in pdf.pages for ln in p.lines if ln.text.strip()]
    starts = _item_starts(lines, any(ln.bold for _, ln in lines))
    return _header(lines[: starts[0][0] if starts else min(len(lines), 40)])


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------


def _smart_title(s: str) -> str:
    if s.upper() != s:
        return s
    small = {"and", "of", "for", "the", "in", "on", "to", "a", "an", "at", "with"}
    words = []
    for i, w in enumerate(s.lower().split()):
        if i and w in small:
            words.append(w)
        else:
            words.append(re.sub(r"^([^a-z]*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(words)


def _header(header_lines) -> MinutesHeader:
    top: list[str] = []
    for _, ln in header_lines:
        if _LABEL.match(ln.text.strip()):
            break
        top.append(ln.text.strip())
    joined = " ".join(top)
    committee = None
    m = re.search(r"\bMINUTES of (?:a|the) (?:meeting|proceedings) of (?:the )?(.+?)\s+held\b", joined, re.IGNORECASE)
    if m:
        committee = m.group(1).strip(" ,")
    else:
        for t in top:
            if re.match(r"^MINUTES\b", t, re.IGNORECASE):
                break
            cand = re.split(r"\s*[-–—]\s*(?=\d|\w+day\b)|\s*[-–—]\s*$", t)[0]
            cand = _DATE.sub("", cand).strip(" ,–-—")
            if not cand or re.search(r"\b(?:county |borough |district |city )?council$", cand, re.IGNORECASE) and cand.isupper() and len(top) > 1:
                continue
            committee = cand
            break
    if committee:
        committee = _smart_title(re.sub(r"\s+", " ", committee))
    d = None
    dm = _DATE.search(joined)
    if dm:
        try:
            d = date(int(dm.group(3)), _MONTHS[dm.group(2).lower()], int(dm.group(1)))
        except ValueError:
            d = None
    venue = None
    vm = re.search(r"\bheld (?:in|at) (?:the )?(.+?)(?:,?\s+on\s+(?:\w+day|\d)|,?\s+at\s+\d|\.\s|\.$|$)", joined, re.IGNORECASE)
    if vm:
        venue = vm.group(1).strip(" ,.")
    tm = re.search(r"\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))", joined, re.IGNORECASE)
    return MinutesHeader(committee=committee, date=d, venue=venue, time=tm.group(1) if tm else None)


# ---------------------------------------------------------------------------
# Attendance
# ---------------------------------------------------------------------------


# a ward in brackets, then the role: "Graham Ashdown (Haverleigh North) (Chairman)", "Malcolm Fenn (Westwood), Portfolio Holder for ..."
_WARD_THEN_ROLE = re.compile(r"\)\s*\((?:Chair|Chairman|Chairwoman|Chairperson|Vice-Chair|Vice-Chairman|Vice Chair)\)|\),\s+(?:Portfolio Holder|Cabinet Member|Executive Member|Lead Member|Leader)\b")


def _attendance(header_lines) -> list[AttendeeMention]:
    from minutes_miner.nlp.attendance import list_label, parse_attendance
    from minutes_miner.nlp.attendee_entry import role_first

    blocks: list[tuple[str, str, str | None, str | None]] = []  # label, text, status and kind of a label the fixed set lacks
    for _, ln in header_lines:
        t = ln.text.strip()
        m = _LABEL.match(t)
        other = None if m else list_label(t)
        if m:
            blocks.append((m.group(1).upper(), m.group(2), None, None))
        elif other:
            # "Also present for minute 42:", "Auditors:", "NHS representatives:" start lists of their own rather
            # than running on into the list above
            blocks.append((other[0], other[3], other[1], other[2]))
        elif blocks and not _SECTION_LINE.match(t):
            label, text, status, kind = blocks[-1]
            blocks[-1] = (label, join_wrapped(text, t), status, kind)
    out: list[AttendeeMention] = []
    for label, text, other_status, other_kind in blocks:
        label = re.sub(r"\s+", " ", label)
        status = other_status or "present"
        if label.startswith("APOLOGIES"):
            status = "apologies"
        elif label.startswith("SUBSTITUTE"):
            status = "substitute"
        elif label == "ABSENT":
            status = "absent"
        elif "VIRTUALLY" in label:
            status = "virtual"
        if other_status or any(role_first(chunk) for chunk in text.split(";")) or _WARD_THEN_ROLE.search(text):
            # a label of the wider set, or entries written role first ("Assistant Director, Adult Social Care (Tobias
            # Rendle); ..."): the list read as the text minutes' lists are ("Jo Hemmings (JH) (Chair), Headteacher")
            out.extend(parse_attendance(f"{label.capitalize()}: {text}"))
            continue
        for name, title in split_people(text):
            out.append(_mention(name, title, label, status))
    return out


def _mention(name: str, title: str | None, label: str, status: str) -> AttendeeMention:
    kind = "member"
    if label.startswith(("IN ATTENDANCE", "OFFICERS")) or label == "ALSO IN ATTENDANCE":
        kind = "officer"
    if title:
        if re.fullmatch(r"(?:the\s+)?Chair(?:man|woman|person)?(?:\s+in the chair)?", title, re.IGNORECASE):
            kind = "chair"
            title = "Chair"
        elif re.fullmatch(r"Vice[- ]?Chair(?:man|woman|person)?", title, re.IGNORECASE):
            title = "Vice-Chair"
            kind = "member"
        elif re.search(r"\bCabinet Member\b|\bPortfolio Holder\b|\bLeader of the Council\b", title, re.IGNORECASE) and not re.search(r"\bDeputy Cabinet\b", title, re.IGNORECASE):
            kind = "cabinet_member"
    return AttendeeMention(name=name, kind=kind, title=title, status=status)


def _split_top(text: str, seps: str) -> list[str]:
    """Split on a regex of separators, ignoring separators inside parentheses."""
    parts, depth, buf, i = [], 0, [], 0
    sep_re = re.compile(seps)
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0:
            m = sep_re.match(text, i)
            if m and m.end() > i:
                parts.append("".join(buf))
                buf = []
                i = m.end()
                continue
        buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def split_people(text: str) -> list[tuple[str, str | None]]:
    """'A (Chair), B, C, Cabinet Member for X and Y, D (Head of Z) and E' -> [(name, title)]."""
    from minutes_miner.nlp.attendance import role_first

    text = re.sub(r"\s+", " ", text).strip().rstrip(".;")
    text = _OTHER_MEMBERS.sub("", text)  # "... and Dev Rana and 19 other Members"
    out: list[tuple[str, str | None]] = []
    plural = None  # "Councillors Alan Brannigan, Theresa Oduya and Mark Threlfall": each is a Councillor
    frags = []
    for chunk in _split_top(text, r";\s*") if ";" in text else [text]:
        # an entry written role first keeps its commas: "Assistant Director, Adult Social Care Operations (Tobias Rendle)"
        swapped = role_first(chunk)
        frags += [swapped] if swapped else _split_top(chunk, r",\s*")
    for frag in frags:
        if isinstance(frag, tuple):
            out.append(frag)
            plural = None
            continue
        frag = re.sub(r"^(?:and|&)\s+", "", frag)
        if _POSTNOMINALS.match(frag) and out:
            n, t = out[-1]
            out[-1] = (f"{n}, {frag}", t)
            continue
        if out and _ROLE_START.match(frag) and "(" not in frag:
            n, t = out[-1]
            if t is None:
                out[-1] = (n, frag)
                continue
        if out and out[-1][1] and _TITLE_TAIL.search(out[-1][1]) and _TITLE_WORDS.fullmatch(frag):
            n, t = out[-1]  # "Mrs Susan Blake, Cabinet Member for Children, Young People and Education": the title goes on
            out[-1] = (n, f"{t}, {frag}")
            continue
        mp = _PLURAL.match(frag)
        if mp:
            plural, frag = mp.group(1), frag[mp.end():]
        elif re.match(_HONORIFIC + r"\s", frag):
            plural = None
        for piece in _split_top(frag, rf"\s+and\s+(?=(?:{_HONORIFIC}\s+)?[A-Z])|\s+&\s+"):
            m = re.match(r"^(.*?)\s*\((.+)\)\s*$", piece)
            name, title = (m.group(1).strip(), m.group(2).strip()) if m else (piece.strip(), None)
            name = name.strip(" .:-–")
            if not name or not re.search(r"[A-Za-z]", name):
                continue
            if _ROLE_START.match(name) and out and out[-1][1] is None and title is None:
                out[-1] = (out[-1][0], name)
                continue
            if plural and not re.match(_HONORIFIC + r"\s", name):
                name = f"{plural} {name}"
            out.append((name, title))
    return out


_OTHER_MEMBERS = re.compile(r"\s+and\s+\d+\s+other\s+(?:members|councillors)\b", re.IGNORECASE)
_PLURAL = re.compile(r"^(Councillor|Cllr)s\.?\s+")
_TITLE_TAIL = re.compile(r"\b(?:for|of)\s+[A-Z][\w'’]*(?:(?:\s+|,\s*)[A-Z][\w'’]*)*$")
# the rest of a title cut at a comma: capitalised words only, not a person ("Young People and Education")
_TITLE_WORDS = re.compile(r"(?!(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)[A-Z][\w'’]*(?:\s+(?:and|&|of|the|[A-Z][\w'’]*)){0,4}")


def _apologies_from_text(text: str) -> list[AttendeeMention]:
    out: list[AttendeeMention] = []
    m = re.search(r"Apologies(?: for absence)? (?:were|was|had been) (?:received|given|submitted) from (.+?)(?:[.;]\s|[.;]$|$)", text, re.IGNORECASE | re.MULTILINE)
    if m:
        for name, title in split_people(m.group(1)):
            out.append(AttendeeMention(name=name, kind="member", title=title, status="apologies"))
    for sm in re.finditer(rf"((?:{_HONORIFIC}\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}) (?:was|were) present as (?:a )?substitutes? for ((?:{_HONORIFIC}\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})", text):
        out.append(AttendeeMention(name=sm.group(1), kind="member", title=f"substitute for {sm.group(2)}", status="substitute"))
    return out


# ---------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------


def _item_starts(lines, bold_used: bool) -> list[tuple[int, int, str | None, str | None]]:
    """(index of first title line, index of first body line, number, title) per item."""
    marks = [i for i, (_, ln) in enumerate(lines) if _ITEM_MARK.match(ln.text.strip())]
    starts: list[tuple[int, int, str | None, str | None]] = []
    if marks:
        floor = 0
        for i in marks:
            number = _ITEM_MARK.match(lines[i][1].text.strip()).group(1)
            first = i
            k = i - 1
            while k >= floor and i - k <= 3:
                pk, lk = lines[k]
                t = lk.text.strip()
                if _ITEM_MARK.match(t) or _LABEL.match(t) or _SECTION_LINE.match(t):
                    break
                if bold_used and not lk.bold:
                    break
                nxt = lines[k + 1][1]
                if pk == lines[k + 1][0] and nxt.top - lk.bottom > 1.2 * max(lk.bottom - lk.top, 8) and k + 1 != i:
                    break
                first = k
                if not bold_used and not re.search(r"[,&–-]$|\b(?:and|of|for|the|on)$", t):
                    break
                k -= 1
            title = " ".join(lines[j][1].text.strip() for j in range(first, i))
            title = re.sub(r"^\d{1,4}[.)]?\s+(?=\S)", "", title).strip() or None
            starts.append((first, i + 1, number, title))
            floor = i + 1
        return starts
    if not lines:
        return starts
    starts = _heading_starts(lines, bold_used)
    if not starts and bold_used:
        # bold for the masthead and labels only: the headings are set in the body font
        starts = _heading_starts(lines, False)
    return starts


def _heading(text: str, style: re.Pattern | None = None) -> tuple[re.Pattern, re.Match] | None:
    for pattern in (style,) if style else _HEADINGS:
        m = pattern.match(text)
        if m:
            return pattern, m
    return None


def _heading_starts(lines, bold: bool) -> list[tuple[int, int, str | None, str | None]]:
    """Item headings at the left margin (in bold when `bold`), in the style of the first one."""
    starts: list[tuple[int, int, str | None, str | None]] = []
    left = min(ln.x0 for _, ln in lines)
    right = max(ln.x1 for _, ln in lines)
    style = None
    for i, (_, ln) in enumerate(lines):
        t = ln.text.strip()
        found = _heading(t, style)
        if not found or abs(ln.x0 - left) > 12 or len(t) > 120:
            continue
        if bold and not ln.bold:
            continue
        if not bold and (t.endswith((".", ":")) or len(t) > 80 or _fills_line(lines, i, right)):
            continue
        if not bold and found[0] is _HEADINGS[0] and starts and _number(found[1].group(1)) <= _number(starts[-1][2]):
            continue  # a short numbered paragraph inside the item: numbered headings only go up
        style, m = found
        title = m.group(2).strip()
        body = i + 1
        # a title wrapped onto further bold lines (not a bold sub-heading straight after it)
        while (bold and body < len(lines) and lines[body][1].bold and not _heading(lines[body][1].text.strip(), style)
               and _wraps_onto(lines[body - 1], lines[body], right)):
            title = join_wrapped(title, lines[body][1].text.strip())
            body += 1
        starts.append((i, body, m.group(1), title))
    return starts


def _number(label: str | None) -> int:
    return int(re.match(r"\d+", label or "0").group())


def _fills_line(lines, i: int, right: float) -> bool:
    """Whether line i runs to the right margin and carries on in the next line: the start of a
    wrapped numbered paragraph, not a heading."""
    if i + 1 >= len(lines):
        return False
    (page, ln), (next_page, nl) = lines[i], lines[i + 1]
    char_width = (ln.x1 - ln.x0) / max(len(ln.text.strip()), 1)
    return next_page == page and nl.top - ln.bottom <= 0.8 * max(ln.bottom - ln.top, 8) and ln.x1 > right - 12 * char_width


_CARRIES_ON = re.compile(r"(?:[,&:–-]|\b(?:and|of|for|the|on|in|to|from|with|by|at|a|an))$", re.IGNORECASE)


def _wraps_onto(line, nxt, right: float) -> bool:
    """Whether bold line `nxt` carries on the heading `line` (the heading wrapped), rather than
    starting a sub-heading of its own: it follows at the usual line spacing on the same page, and
    the heading either breaks off mid-phrase or was too full for the next line's first word."""
    (page, ln), (next_page, nl) = line, nxt
    height = max(ln.bottom - ln.top, 8)
    if next_page != page or nl.top - ln.bottom > 0.8 * height:
        return False
    text = ln.text.strip()
    if _CARRIES_ON.search(text):
        return True
    char_width = (ln.x1 - ln.x0) / max(len(text), 1)
    first_word = nl.text.strip().split(maxsplit=1)[0] if nl.text.strip() else ""
    # a character's slack: capitals and bold run wider than the line's average character
    return ln.x1 + char_width * (len(first_word) + 2) > right
