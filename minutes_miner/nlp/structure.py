"""Plain-text minutes -> MinutesText: header (committee, date), attendance, items."""
from __future__ import annotations

import re
from datetime import date

from minutes_miner.models import AttendeeMention, ItemText, MinutesText

from .attendance import list_label, parse_attendance
from .textnorm import WEBCAST_TIME, collapse, repair

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>" + _MONTH_RE + r")\.?,?\s+(?P<y>\d{4})\b", re.IGNORECASE)
_DATE_MDY = re.compile(r"\b(?P<m>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.IGNORECASE)
_DATE_NUM = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\b")
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")

_ISSUE_MEETING = re.compile(r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*-\s*(?P<committee>.+?)\s*\(Item\s+(?P<num>\d+[a-z]?)\)\s*$", re.IGNORECASE)
_ITEM_TAG = re.compile(r"^\(?Item\s+(?P<num>\d+[a-z]?)\)?\.?$", re.IGNORECASE)
_ITEM_HEADING = re.compile(r"^(?:Item|ITEM|Agenda Item|AGENDA ITEM)\s+(?P<num>\d+[a-z]?)\s*[:.\-–]?\s*(?P<title>.*)$")
# A colon inside a title is kept when a capital or a figure follows it ("32/24 MINUTES OF THE
# PREVIOUS MEETING: 11 JULY 2024", "6. Adult Social Care: Workforce Update").
# A minute reference may carry the committee's prefix and the year: "PCP/51", "CPW/12/25", "32/24".
_REF = r"(?:[A-Z]{2,6}/)?\d{1,3}[a-z]?(?:/\d{2,4})?"
_NUM_HEADING = re.compile(r"^(?P<num>" + _REF + r")[.)]?\s+"
                          r"(?P<title>[A-Z](?:[^.;:?!]|:(?=\s+[A-Z0-9])){1,140})$")  # "5.", "23/45"
_MINUTES_OF = re.compile(
    r"minutes? of (?:(?:a|the)\s+)?(?:(?:virtual|remote|hybrid|special|extraordinary|ordinary|annual)\s+)?(?:meeting of (?:the )?)?(?P<committee>[A-Z][\w'’&,\- ]{2,120}?)\s+(?:held|meeting held|which was held)\b",
    re.IGNORECASE,
)
_MINUTES_OF_DATED = re.compile(
    r"^minutes? of (?:a |the )?(?:(?:virtual|remote|hybrid|special|extraordinary|ordinary|annual)\s+)?(?:meeting of (?:the )?)?"
    r"(?P<committee>[A-Z][\w'’&\- ]{2,120}?)\s*(?:,|\bon\b|[-–—])\s*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?\d",
    re.IGNORECASE,
)
_HEADER_DASH = re.compile(r"^(?P<committee>[A-Z][A-Za-z'’&,\- ]{3,100}?)\s*[-–—]+\s*(?P<date>.+\d{4})\s*$")
_ATTEND_START = re.compile(
    r"^(?:PRESENT|Present|ALSO PRESENT|Also [Pp]resent|ALSO IN ATTENDANCE|Also in [Aa]ttendance|IN ATTENDANCE|In [Aa]ttendance|Officers(?: [Pp]resent| in [Aa]ttendance)?|"
    r"Members [Pp]resent|Councillors [Pp]resent|Religious [Rr]epresentatives?|Co-opted [Mm]embers?|Apologies|APOLOGIES|Substitutes?|SUBSTITUTES?|Absent|ABSENT)\b"
    # lists known by their label alone: "Elected Members:", "OFFICERS:", "REPRESENTATIVES:", "Witnesses:"
    r"|^(?i:(?:elected|voting|county|borough|district)\s+members|officers|representatives|witnesses|attendees)\s*:"
)
_BLOCK_START = re.compile(
    r"^(?:[•·▪‣◦●○■□*]|[-–]\s|o\s|\(?\d{1,3}[.)]\s|\(\d{1,3}\)\s|\(?[a-zA-Z][.)]\s|\([a-z]{1,4}\)\s|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]\s|"
    r"RESOLVED|AGREED|Minutes:|\(Item \d|Meeting:|PRESENT|ALSO PRESENT|IN ATTENDANCE|Apologies)"
)
_GENERIC_BODY = re.compile(r"(?:the )?(?:meeting|committee)", re.IGNORECASE)
_DATE_ONLY = re.compile(r"^(?:(?:date|meeting date)\s*[:\-]\s*)?(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH_RE
                        + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?)?\.?$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|page \d+(?: of \d+)?|-\s*\d+\s*-)\s*$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.;:?!]['\"’”)]*\s*$")
_FULL_TEXT_LINK = re.compile(r"\s*(?:\.\.\.|…)?\s*view the full minutes text for item \d+[a-z]?\s*$", re.IGNORECASE)
_PDF_ICON = re.compile(r"\s*pdf icon\s+PDF\s+[\d.]+\s*[KMG]?B\s*$", re.IGNORECASE)


def parse_date(text: str) -> date | None:
    for rx, month_is_name in ((_DATE_DMY, True), (_DATE_MDY, True), (_DATE_NUM, False), (_DATE_ISO, False)):
        m = rx.search(text)
        if not m:
            continue
        try:
            month = _MONTHS[m.group("m").lower().rstrip(".")] if month_is_name else int(m.group("m"))
            return date(int(m.group("y")), month, int(m.group("d")))
        except (KeyError, ValueError):
            continue
    return None


def _looks_wrapped(lines: list[str]) -> bool:
    long = [ln for ln in lines if len(ln.strip()) >= 50]
    if len(long) < 4:
        return False
    open_ended = sum(1 for ln in long if not _TERMINAL.search(ln))
    return open_ended / len(long) > 0.3


# a row of hyphens, equals signs or underscores under a heading in plain text: it ends the heading, and is no text
_RULE_LINE = re.compile(r"^\s*(?:[-=_~*─━═]\s*){3,}$")


def unwrap(text: str) -> list[str]:
    """Lines -> blocks. Blank lines separate blocks; in hard-wrapped text (PDF text, e-mailed
    minutes) a line that does not end a sentence is joined to the next unless that one starts a
    list item, a decision or an attendance list. A rule line closes the block above it and is dropped."""
    lines = ["" if _RULE_LINE.match(ln) else ln.rstrip() for ln in text.split("\n")]
    wrapped = _looks_wrapped(lines)
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    blocks: list[str] = []
    cur: list[str] = []
    for n, line in enumerate(lines):
        s = line.strip()
        if not s:
            if cur:
                blocks.append(" ".join(cur))
                cur = []
            continue
        if wrapped and _PAGE_NUMBER.match(s):
            continue
        if cur and wrapped:
            prev = cur[-1]
            starts_block = bool(_BLOCK_START.match(s)) or bool(_ITEM_TAG.match(s))
            # an item heading that stops well short of the line width has not wrapped: the next
            # line is its body ("5. Chief Social Work Officer – Mid-Year Report 2023/24")
            heading_ends = len(cur) == 1 and len(prev) < 0.8 * width and _number_of(prev) is not None
            # a line stopping well short of the margin with no punctuation has not wrapped when the
            # next one starts with a capital: a title line ("Taic Ionnsachaidh a Bharrachd – ..."),
            # or the line before a sub-heading ("– moved by Councillor Muir" / "Amendment")
            stopped_short = len(prev) < 0.7 * width and s[:1].isupper()
            joinable = not starts_block and not heading_ends and (
                (not _TERMINAL.search(prev) and len(prev) >= 45 and not stopped_short)
                or prev.endswith((",", " and", " or", "-", "–", "(", " the", " of", " to"))
                or (s[:1].islower() and not _TERMINAL.search(prev[-1:] or "."))
                or (s[:1].islower() and prev.endswith((";", ",")))
                or (
                    prev.endswith(".") and len(prev) >= 0.85 * width and len(s) >= 0.6 * width
                    and not _ITEM_TAG.match(_next_nonblank(lines, n))
                )
            )
            if joinable:
                cur.append(s)
                continue
            blocks.append(" ".join(cur))
            cur = [s]
            continue
        if cur and not wrapped:
            if _runs_on(cur[-1], s):
                cur.append(s)
                continue
            blocks.append(" ".join(cur))
            cur = []
        cur.append(s)
    if cur:
        blocks.append(" ".join(cur))
    return [collapse(b) for b in blocks if collapse(b)]


def _runs_on(prev: str, line: str) -> bool:
    """In text of one sentence or paragraph per line, a paragraph still hard-wrapped here and there: a
    long line stopping mid-sentence goes on in the next when that starts in lower case ("... Mr Colin
    Ashdown-Reeve, a" / "resident of ...") or closes a bracket left open ("... Councillor Dace (Skelbrook
    Borough" / "Council). There were ...")."""
    if len(prev) < 40 or _TERMINAL.search(prev):
        return False
    return line[:1].islower() or (prev.count("(") > prev.count(")") and ")" in line.split(" ", 1)[0])


def _next_nonblank(lines: list[str], n: int) -> str:
    for ln in lines[n + 1:n + 4]:
        if ln.strip() and not _PAGE_NUMBER.match(ln):
            return ln.strip()
    return ""


def _masthead_end(blocks: list[str]) -> int:
    """Index of the first item heading: the masthead is only the lines above it, so an item
    "3. Minutes of the meeting held on 16 November 2023" never gives the meeting's date."""
    for i, b in enumerate(blocks):
        if _ITEM_TAG.match(b) or (_ITEM_HEADING.match(b) and not _TERMINAL.search(b)):
            return i
        if _number_of(b) is not None and not _DATE_DMY.match(b):
            return i
    return len(blocks)


def _header(blocks: list[str]) -> tuple[str | None, date | None]:
    committee = None
    when = None
    for b in blocks[:20]:
        m = _ISSUE_MEETING.match(b)
        if m:
            return collapse(m.group("committee")), parse_date(m.group("date"))
    masthead = blocks[:min(20, _masthead_end(blocks))]
    for b in masthead:
        for m in (_MINUTES_OF.search(b), _MINUTES_OF_DATED.match(b)):
            if m and committee is None and not _GENERIC_BODY.fullmatch(m.group("committee").strip(" ,")):
                committee = collapse(m.group("committee")).strip(" ,")
                when = when or parse_date(b)
        m = _HEADER_DASH.match(b)
        if m and committee is None and parse_date(m.group("date")):
            committee = _title_case(m.group("committee").strip(" -–"))
            when = parse_date(m.group("date"))
        if when is None and re.match(r"^(?:date|meeting date)\s*[:\-]", b, re.IGNORECASE):
            when = parse_date(b)
        if committee is None and re.match(r"^(?:committee|meeting)\s*:\s*\S", b, re.IGNORECASE) and not _ISSUE_MEETING.match(b):
            committee = collapse(b.split(":", 1)[1])
        if when is None and committee is not None:
            when = parse_date(b)
    if committee and _GENERIC_BODY.fullmatch(committee):
        committee = None
    if when is None:
        when = next((parse_date(b) for b in masthead if _DATE_ONLY.match(b)), None)
    return committee, when


def _title_case(s: str) -> str:
    s = collapse(s)
    if s.isupper():
        small = {"and", "of", "the", "for", "in", "on"}
        return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(s.lower().split()))
    return s


def _strip_title(title: str) -> tuple[str | None, str]:
    title = _PDF_ICON.sub("", collapse(title))
    m = re.match(r"^(?P<num>" + _REF + r")[.)]?\s+(?P<t>.+)$", title)
    if m:
        return m.group("num"), m.group("t").strip()
    return None, title


def _items_issue_page(blocks: list[str]) -> list[ItemText] | None:
    idx = [i for i, b in enumerate(blocks) if _ISSUE_MEETING.match(b)]
    if not idx:
        return None
    items = []
    for k, i in enumerate(idx):
        end = idx[k + 1] if k + 1 < len(idx) else len(blocks)
        num = _ISSUE_MEETING.match(blocks[i]).group("num")
        seg = blocks[i + 1:end]
        title = None
        for b in seg[:4]:
            n, t = _strip_title(b)
            if n == num:
                title = t
                break
        if title is None and i > 0:
            title = blocks[i - 1] if not _ISSUE_MEETING.match(blocks[i - 1]) else None
        start = next((j + 1 for j, b in enumerate(seg) if b.rstrip(":").strip().lower() == "minutes"), None)
        body = seg[start:] if start is not None else [b for b in seg if b != title]
        body = [_FULL_TEXT_LINK.sub("", b) for b in body]
        items.append(ItemText(title=title, text="\n".join(b for b in body if b), number=num))
    return items


def _items_tagged(blocks: list[str]) -> list[ItemText] | None:
    tags = [i for i, b in enumerate(blocks) if _ITEM_TAG.match(b)]
    if not tags:
        return None
    starts: list[tuple[int, int, str, str | None]] = []  # (title index, body start, number, title)
    for i in tags:
        num = _ITEM_TAG.match(blocks[i]).group("num")
        t_idx = i - 1
        title = None
        if t_idx >= 0 and not _TERMINAL.search(blocks[t_idx]) and not _ITEM_TAG.match(blocks[t_idx]):
            _, title = _strip_title(blocks[t_idx])
        else:
            t_idx = i
        starts.append((t_idx, i + 1, num, title))
    items = []
    for k, (t_idx, body_start, num, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(blocks)
        body = blocks[body_start:end]
        items.append(ItemText(title=title, text="\n".join(body), number=num))
    return items


def _number_of(block: str, year_first: bool = False) -> int | None:
    """The running number of a numbered heading: "5." -> 5, "PCP/51" -> 51, "CPW/12/25" and "12/25" -> 12;
    in a document whose references put the year first ("WSF/24/32", see `_year_first`) the last."""
    m = _NUM_HEADING.match(block)
    if not m or _TERMINAL.search(block):
        return None
    numbers = re.findall(r"\d+", m.group("num"))
    return int(numbers[-1] if year_first and len(numbers) == 2 else numbers[0])


def _year_first(blocks: list[str]) -> bool:
    """Whether the document's two-number references put the year first ("WSF/24/32", "WSF/24/33"):
    the first number repeats while the second runs on."""
    pairs = [re.findall(r"\d+", m.group("num")) for b in blocks if (m := _NUM_HEADING.match(b)) and not _TERMINAL.search(b)]
    pairs = [p for p in pairs if len(p) == 2]
    return len(pairs) >= 2 and len({p[0] for p in pairs}) == 1 and len({p[1] for p in pairs}) == len(pairs)


def _items_numbered(blocks: list[str]) -> list[ItemText] | None:
    heads: list[tuple[int, str, str]] = []
    last = 0
    year_first = _year_first(blocks)
    last_block_numbered = {n: i for i, b in enumerate(blocks) if (n := _number_of(b, year_first)) is not None}
    for i, b in enumerate(blocks):
        m = _ITEM_HEADING.match(b)
        if m and (m.group("title") == "" or not _TERMINAL.search(b)):
            heads.append((i, m.group("num"), m.group("title").strip() or None))
            continue
        n = _number_of(b, year_first)
        if n is None or n <= last or len(b.split()) > 24:
            continue
        heading = _NUM_HEADING.match(b)
        title = heading.group("title").strip()
        words = title.split()
        capitalised = sum(1 for w in words if w[:1].isupper()) / max(len(words), 1)
        # Titles in sentence case ("6. Care workforce and the international recruitment
        # programme", "3. Minutes of the meeting held on 16 November 2023") are items when
        # they carry the next number and have a body; a numbered list's points follow each
        # other with no body between them.
        # The first item may carry the council's running minute number (24) when 25 follows.
        first_of_run = not heads and last_block_numbered.get(n + 1, -1) > i + 1
        next_in_sequence = (n == last + 1 or first_of_run) and i + 1 < len(blocks) and _number_of(blocks[i + 1]) is None
        if (len(words) <= 14 and (capitalised >= 0.5 or b.isupper())) or next_in_sequence:
            heads.append((i, heading.group("num"), title))
            last = n
    # One numbered heading is only trusted when it opens the text ("5. Performance Report").
    if len(heads) < 2 and not (heads and heads[0][0] < len(blocks) - 1 and all(_is_header_block(b) for b in blocks[:heads[0][0]])):
        return None
    items = []
    for k, (i, num, title) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        items.append(ItemText(title=title, text="\n".join(blocks[i + 1:end]), number=num))
    return items


def _items_underlined(blocks: list[str], text: str) -> list[ItemText] | None:
    """Unnumbered item titles printed over a rule line ("BUDGET MONITORING" / "=================")."""
    lines = text.split("\n")
    titles = {collapse(lines[n - 1]) for n in range(1, len(lines)) if _RULE_LINE.match(lines[n]) and lines[n - 1].strip()}
    heads = [i for i, b in enumerate(blocks) if i > 0 and b in titles and not _TERMINAL.search(b) and len(b.split()) <= 14
             and not (_MINUTES_OF.search(b) or _MINUTES_OF_DATED.match(b) or _ATTEND_START.match(b) or list_label(b)
                      or _DATE_ONLY.match(b) or _HEADER_DASH.match(b))]
    if len(heads) < 2:
        return None
    return [ItemText(title=blocks[i],
                     text="\n".join(blocks[i + 1:heads[k + 1] if k + 1 < len(heads) else len(blocks)]), number=None)
            for k, i in enumerate(heads)]


def _is_header_block(block: str) -> bool:
    """A block that may stand above the first item: the masthead, the date, an attendance list."""
    return bool(_MINUTES_OF.search(block) or _MINUTES_OF_DATED.match(block) or _ATTEND_START.match(block)
                or not _TERMINAL.search(block) or list_label(block) is not None)


def minutes_from_text(text: str, source: str) -> MinutesText:
    """Plain-text minutes -> MinutesText (committee, date, attendance, items).

    Items are found from ModernGov issue pages ("Meeting: dd/mm/yyyy - Committee (Item N)"),
    printed-minutes "(Item N)" tags under a title, or numbered headings ("4. Title",
    "Item 4: Title"). A text without item structure becomes one item with title None.
    """
    text = repair(text or "")
    blocks = unwrap(text)
    if not blocks:
        return MinutesText(source=source, items=(), committee=None, date=None, attendance=())
    committee, when = _header(blocks)
    items = _items_issue_page(blocks) or _items_tagged(blocks) or _items_numbered(blocks) or _items_underlined(blocks, text)
    # attendance: labelled lists before the first item, and apologies/virtual sentences anywhere
    first_item_block = len(blocks)
    if items:
        first_text = items[0].text.split("\n", 1)[0] if items[0].text else None
        for i, b in enumerate(blocks):
            # the heading block holds the title (and a number), not a list that mentions it ("Cabinet Member for Housing")
            heading = items[0].title and items[0].title in b and len(b) <= len(items[0].title) + 24
            if heading or (first_text and b == first_text) or _ITEM_TAG.match(b):
                first_item_block = i
                break
    header_blocks = _attendance_blocks(blocks[:first_item_block])
    attendance: list[AttendeeMention] = parse_attendance("\n".join(header_blocks)) if header_blocks else []
    for b in blocks[first_item_block:]:
        b = b[stamp.end():] if b[:1] == "[" and (stamp := WEBCAST_TIME.match(b)) else b
        if re.match(r"^(?:apologies|substitutes?)\b", b, re.IGNORECASE) or re.search(r"(?:were|was) (?:in attendance|present) (?:virtually|remotely)", b, re.IGNORECASE):
            attendance.extend(parse_attendance(b))
    if not items:
        body = _body_without_items(blocks)
        if committee and body and body[0].lower().startswith(committee.lower()[:20]):
            body = body[1:]
        items = [ItemText(title=None, text="\n".join(body))] if body else []
    return MinutesText(source=source, items=tuple(items), committee=committee, date=when, attendance=tuple(_dedupe(attendance)))


def _body_without_items(blocks: list[str]) -> list[str]:
    """The text of minutes without items: all but the attendance lists and the masthead's "Minutes of
    the meeting held ..." line; below the masthead, a sentence naming the minutes of a meeting
    ("RESOLVED that the minutes of the meeting held on 3 May be approved") is text."""
    body: list[str] = []
    masthead = True
    for b in blocks:
        if masthead and (_MINUTES_OF.search(b) or _MINUTES_OF_DATED.match(b)):
            continue
        if _ATTEND_START.match(b):
            masthead = False  # the attendance lists follow the masthead
            continue
        masthead = masthead and not _TERMINAL.search(b)
        body.append(b)
    return body


# a line of an attendance list printed one entry per line: "Councillor Dominic Fairweather (Vice-Chair)", "Councillors A, B and C"
_ENTRY_LINE = re.compile(r"^(?:(?:Councillors?|Cllrs?|County\s+Councillors?|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Revd?)\.?\s+[A-Z]"
                         r"|(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+\s*\()")


_BARE_CAPS_LABEL = re.compile(r"^(?:PRESENT|ALSO PRESENT|IN ATTENDANCE|ALSO IN ATTENDANCE)$")
# a row of a table of attendees naming each by initials after the name: "Davina Orrell (DO)   Police and Crime Commissioner"
_ROW_HONORIFIC = r"(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame)\s+"
_INITIALS_ROW = re.compile(r"((?:" + _ROW_HONORIFIC + r")?(?!\S+\s+" + _ROW_HONORIFIC + r")(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3}[A-ZÀ-Þ][\w'’-]+\s*\([A-ZÀ-Þ]{2,4}\)),?")


def _attendance_blocks(blocks: list[str]) -> list[str]:
    """The attendance lists above the first item. A bare label ("Present:") on its own line
    takes the lines under it, one entry or group per line, up to the next label."""
    out: list[str] = []
    open_label = False
    entries = False  # the label's line held an entry: entry lines under it carry the list on
    rows = False  # a bare "PRESENT" over rows, each "Name (initials)" then its columns
    for b in blocks:
        if _ATTEND_START.match(b) or list_label(b):
            # "Present:", or a bare capitalised "PRESENT" over a table of one person to a row
            open_label = bool(re.match(r"^[\w '’-]+:\s*$", b) or _BARE_CAPS_LABEL.match(b))
            entries = not open_label
            rows = bool(_BARE_CAPS_LABEL.match(b))
            out.append(b + ":" if rows else b)
        elif rows and open_label and _number_of(b) is None and not _ITEM_HEADING.match(b):
            # "Councillor Ruth Ambrose (RA)   Chair   Fenwold County Council": the columns after the initials (rows may run together)
            starts = [m for m in _INITIALS_ROW.finditer(b)]
            if starts and starts[0].start() == 0:
                rows_text = [f"{m.group(1)}, {b[m.end():n.start() if n else len(b)].strip()}".rstrip(", ")
                             for m, n in zip(starts, [*starts[1:], None])]
                out[-1] += ("" if out[-1].rstrip().endswith(":") else ";") + " " + "; ".join(rows_text)
            # a group's sub-heading ("Panel Members", "Host authority") names nobody
        elif open_label and _number_of(b) is None and not _ITEM_HEADING.match(b):
            out[-1] += ("" if out[-1].rstrip().endswith(":") else ";") + " " + b
        elif entries and _ENTRY_LINE.match(b) and not _TERMINAL.search(b) and _number_of(b) is None:
            out[-1] += "; " + b  # "PRESENT: Councillor Harriet Mensah (Chair)" / "Councillor Dominic Fairweather (Vice-Chair)"
        else:
            entries = False
    return out


def _dedupe(people: list[AttendeeMention]) -> list[AttendeeMention]:
    from minutes_miner.models import person_identity

    seen: dict[str, int] = {}
    out: list[AttendeeMention] = []
    for p in people:
        key = person_identity(p.name)
        if key in seen:
            prev = out[seen[key]]
            if prev.title is None and p.title:
                out[seen[key]] = AttendeeMention(prev.name, p.kind, p.title, prev.status, prev.party or p.party, prev.ward or p.ward)
            continue
        seen[key] = len(out)
        out.append(p)
    return out
