"""Page layout from positioned text: visual lines, reading order on two-column pages, running
headers/footers and page numbers, hyphenation at line ends, and blocks (headings, numbered and
lettered paragraphs, bullets) with their positions. Pure functions over plain dicts/dataclasses."""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise

from minutes_miner.extract.pdf_types import (
    PdfArrow,
    PdfBlock,
    PdfLine,
    PdfPage,
    PdfText,
)

_SOFT_HYPHENS = "\u00ad\ufffe\u2010"
_SPLIT_SUFFIXES = re.compile(
    r"^(tion|tions|sion|sions|ment|ments|ing|ings|ed|ly|ity|ities|ance|ances|ence|ences|ness|ous|ive|ives|"
    r"al|ally|er|ers|es|ies|ation|ations|able|ible|ful|ship|ist|ists|ism|ial|ially|ular)\b"
)


def join_wrapped(first: str, second: str) -> str:
    """Join a line and its wrapped continuation, fixing hyphenation at the break.

    A soft hyphen, or a hyphen before a bare word ending ("manage-" + "ment"), is removed;
    any other line-end hyphen ("father-" + "inclusive") is a real one and is kept.
    """
    a = first.rstrip()
    b = second.lstrip()
    if not a:
        return b
    if not b:
        return a
    if a[-1] in _SOFT_HYPHENS and b[:1].isalpha():
        return a[:-1] + b
    if a[-1] == "-" and len(a) >= 2 and a[-2].isalpha() and b[:1].islower():
        if _SPLIT_SUFFIXES.match(b):
            return a[:-1] + b
        return a + b
    return a + " " + b


def clean_text(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\r", "").replace("\n", " ")
    text = text.replace("\ufffe", "-").replace("\x02", "-").replace("\x00", "")
    return re.sub(r" {2,}", " ", text) if "  " in text else text


# ---------------------------------------------------------------------------
# Lines and reading order
# ---------------------------------------------------------------------------


def build_lines(objs: list[dict], width: float = 0.0) -> tuple[list[dict], int]:
    """Visual lines in reading order, and how many text columns the page has (1 or 2).

    On a two-column page the left column is read before the right one, band by band between
    lines that span both columns (a title, a full-width paragraph).
    """
    if not objs:
        return [], 1
    groups = _group(objs)
    gutter = _gutter(groups, width) if width and len(objs) <= 20000 else None
    if gutter is not None:
        groups = _column_order(groups, gutter)
    lines = [ln for ln in (_line(g) for g in groups) if ln is not None]
    return lines, 1 if gutter is None else 2


def _segments(group: list[dict]) -> list[tuple[float, float, int, float]]:
    """Runs of a line group separated by wide gaps: (x0, x1, characters, top)."""
    out = []
    cur_x0 = cur_x1 = None
    chars = 0
    top = 0.0
    for o in group:  # sorted by x0 (see `_group`)
        if cur_x1 is not None and o["x0"] - cur_x1 > max(12.0, 1.5 * max(o["size"], 1.0)):
            out.append((cur_x0, cur_x1, chars, top))
            cur_x1 = None
        if cur_x1 is None:
            cur_x0, cur_x1, chars, top = o["x0"], o["x1"], 0, o["top"]
        cur_x1 = max(cur_x1, o["x1"])
        chars += len(o["text"].strip())
    if cur_x1 is not None:
        out.append((cur_x0, cur_x1, chars, top))
    return out


def _gutter(groups: list[list[dict]], width: float) -> float | None:
    """x of the gap between two columns of prose, or None for a one-column page.

    Both sides need at least three prose-like runs (eight together) (25+ characters, a quarter of the page
    wide) side by side, the left ones reaching the gap, and few runs may cross it: table columns
    of names, figures or RAG words and a lone margin note do not make a page two-column.
    """
    segs = [s for g in groups for s in _segments(g)]
    if len(segs) < 10:
        return None
    starts = Counter(round(s[0] / 4) * 4 for s in segs if 0.3 * width <= s[0] <= 0.75 * width)
    best = None
    for x, _ in starts.most_common(8):
        g = x - 3
        left = [s for s in segs if s[1] <= g]
        right = [s for s in segs if s[0] >= g]
        cross = len(segs) - len(left) - len(right)

        def prose(side):
            return [s for s in side if s[2] >= 25 and s[1] - s[0] >= 0.25 * width]

        pl, pr = prose(left), prose(right)
        if len(pl) < 3 or len(pr) < 3 or len(pl) + len(pr) < 8 or cross > 0.25 * min(len(left), len(right)):
            continue
        if len(pl) < 0.5 * len(left) or len(pr) < 0.5 * len(right):  # mostly short cells: a table
            continue
        # prose in the left column runs up to the gutter; a table's name column stops well short of
        # the figures next to it
        ends = sorted(s[1] for s in pl)
        if g - ends[len(ends) // 2] > 0.2 * (g - min(s[0] for s in pl)):
            continue
        # side by side, not one above the other
        overlap = min(max(s[3] for s in pl), max(s[3] for s in pr)) - max(min(s[3] for s in pl), min(s[3] for s in pr))
        if overlap <= 0:
            continue
        score = (len(pl) + len(pr), -cross)
        if best is None or score > best[0]:
            best = (score, g)
    return None if best is None else best[1]


def _column_order(groups: list[list[dict]], gutter: float) -> list[list[dict]]:
    """Line groups re-cut at the gutter and ordered left column first within each band."""
    out: list[list[dict]] = []
    left: list[list[dict]] = []
    right: list[list[dict]] = []
    for group in groups:
        if any(o["x0"] < gutter - 2 and o["x1"] > gutter + 2 for o in group):
            out.extend(left)
            out.extend(right)
            left, right = [], []
            out.append(group)
            continue
        lpart = [o for o in group if (o["x0"] + o["x1"]) / 2 < gutter]
        rpart = [o for o in group if (o["x0"] + o["x1"]) / 2 >= gutter]
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    out.extend(left)
    out.extend(right)
    return out


def _line(group: list[dict]) -> dict | None:
    """One visual line (text, box, boldness, size) from its text objects (sorted by x0)."""
    parts: list[str] = []
    prev = None
    kept = []
    for o in group:
        t = o["text"]
        if prev is not None:
            if t == prev["text"] and abs(o["x0"] - prev["x0"]) < 1.5:
                continue  # text drawn twice (fake bold / shadow)
            gap = o["x0"] - prev["x1"]
            if gap > 0.15 * max(o["size"], 1.0) and parts and not parts[-1].endswith(" ") and not t.startswith(" "):
                parts.append(" ")
        parts.append(t)
        kept.append(o)
        prev = o
    text = clean_text("".join(parts)).strip()
    if not text:
        return None
    first = kept[0]
    x0, x1, top, bottom = first["x0"], first["x1"], first["top"], first["bottom"]
    nchars = bold_chars = 0
    sizes: dict[float, int] = {}
    for o in kept:
        n = len(o["text"].strip())
        nchars += n
        if o["bold"]:
            bold_chars += n
        size = round(o["size"], 1)
        sizes[size] = sizes.get(size, 0) + n
        x0 = min(x0, o["x0"])
        x1 = max(x1, o["x1"])
        top = min(top, o["top"])
        bottom = max(bottom, o["bottom"])
    usual, most = None, -1
    for size, n in sizes.items():  # the size of most characters; the first one on a tie
        if n > most:
            usual, most = size, n
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "bold": bold_chars >= 0.6 * (nchars or 1),
        "size": usual,
    }


def _group(objs: list[dict]) -> list[list[dict]]:
    """Text objects grouped by vertical overlap into line groups, top to bottom."""
    items = sorted(objs, key=lambda o: ((o["top"] + o["bottom"]) / 2, o["x0"]))
    lines: list[list[dict]] = []
    cur: list[dict] = []
    ref_top = ref_bottom = 0.0
    for o in items:
        oh = max(o["bottom"] - o["top"], 0.5)
        if cur:
            rh = max(ref_bottom - ref_top, 0.5)
            overlap = min(o["bottom"], ref_bottom) - max(o["top"], ref_top)
            if overlap >= 0.5 * min(oh, rh):
                cur.append(o)
                if oh > rh:  # the tallest object defines the line (superscripts join it)
                    ref_top, ref_bottom = o["top"], o["bottom"]
                continue
            lines.append(cur)
        cur = [o]
        ref_top, ref_bottom = o["top"], o["bottom"]
    if cur:
        lines.append(cur)
    for line in lines:  # left to right, once: runs and lines are read in this order
        line.sort(key=_x0)
    return lines


def _x0(o: dict) -> float:
    return o["x0"]


# ---------------------------------------------------------------------------
# Running headers and footers, page text
# ---------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


def remove_running_lines(page_lines: list[list[dict]], heights: list[float]) -> list[list[dict]]:
    """Drop page numbers and running headers/footers from `page_lines` (in place); returns them per page."""
    n = len(page_lines)

    def zone(ln, h):
        return ln["top"] < 0.12 * h or ln["bottom"] > 0.9 * h

    def key(ln, exact=False):
        # running headers/footers repeat the same text at the same height on many pages
        text = ln["text"].lower()
        return (text if exact else re.sub(r"\d+", "#", text), round(ln["top"] / 6))

    counts: Counter = Counter()
    for lines, height in zip(page_lines, heights):
        seen = set()
        for ln in lines:
            if zone(ln, height or 842):
                for k in {key(ln), key(ln, exact=True)}:
                    if k not in seen:
                        seen.add(k)
                        counts[k] += 1
    need = max(2, math.ceil(0.4 * n)) if n >= 2 else 10**9
    removed: list[list[dict]] = []
    for idx, (lines, height) in enumerate(zip(page_lines, heights)):
        h = height or 842
        # on a page with nothing outside the margins, only exact repeats count as furniture
        exact = not any(not zone(ln, h) for ln in lines)
        keep, gone = [], []
        for ln in lines:
            if zone(ln, h) and (_PAGE_NUMBER.match(ln["text"].strip()) or counts[key(ln, exact)] >= need):
                gone.append(ln)
            else:
                keep.append(ln)
        page_lines[idx] = keep
        removed.append(gone)
    return removed


def page_text(lines: list[dict]) -> str:
    texts = [ln["text"] for ln in lines]
    out: list[str] = []
    i = 0
    while i < len(texts):
        t = texts[i]
        # hyphenation at line end: pull the rest of the word up from the next line
        while i + 1 < len(texts) and t and (t[-1] in _SOFT_HYPHENS or (t[-1] == "-" and len(t) > 1 and t[-2].isalpha())) and texts[i + 1][:1].isalpha() and (t[-1] != "-" or texts[i + 1][:1].islower()):
            nxt = texts[i + 1]
            word, _, rest = nxt.partition(" ")
            t = join_wrapped(t, word)
            if rest:
                texts[i + 1] = rest
                break
            i += 1
        out.append(t)
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Blocks: paragraphs, headings, numbered / lettered points, bullets
# ---------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\d{1,3}[.)]|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+\.?(?=\s+[A-Z(]))\s+")
_LETTERED = re.compile(r"^(\(?[a-z][.)]|\([a-z]\)|\(?[ivx]{1,5}[.)])\s+")
_BULLET = re.compile(r"^([-•●▪◦–*]|\uf0b7)\s+")


def enumeration(text: str) -> tuple[str, str] | None:
    """('numbered' | 'lettered' | 'bullet', label) when `text` starts with a number, letter or bullet."""
    if text[:1].isupper():
        return None  # no pattern starts with a capital: most lines, at the cost of one test
    for kind, pattern in (("numbered", _NUMBERED), ("lettered", _LETTERED), ("bullet", _BULLET)):
        m = pattern.match(text)
        if m:
            return kind, m.group(1)
    return None


def group_blocks(body: list[tuple[int, PdfLine]], margins: tuple[float, float] | None = None) -> list[PdfBlock]:
    """Join wrapped lines (of one page or running over pages) into blocks.

    A block ends at a wider gap than the usual line pitch, at a change between bold and plain,
    and before a numbered / lettered / bulleted line. Over a page break a block goes on when
    the new line is indented under an enumerated block, or the block did not end a sentence.
    `margins` (left, right) of the text column default to the extent of `body`.
    """
    if not body:
        return []
    pitches = []
    for (pa, a), (pb, b) in pairwise(body):
        if pa == pb and 0 < b.top - a.top < 40:
            pitches.append(b.top - a.top)
    # the usual line pitch: a low quantile, as short documents have as many paragraph gaps as wraps
    pitch = sorted(pitches)[len(pitches) // 4] if pitches else 14.0
    left, right = margins or (min(ln.x0 for _, ln in body), max(ln.x1 for _, ln in body))
    blocks: list[dict] = []
    for page, ln in body:
        t = ln.text.strip()
        if not t:
            continue
        enum = enumeration(t)
        new = True
        if blocks and not enum:
            cur = blocks[-1]
            prev: PdfLine = cur["last"]
            if cur["last_page"] == page:
                gap = ln.top - prev.top
                heading = ln.bold and not prev.bold
                # a sentence ending well short of the right margin ends its paragraph
                short = prev.x1 < right - 0.2 * (right - left) and re.search(r"[.!?:]$", prev.text.strip()) and t[:1].isupper()
                new = gap > 1.4 * pitch or heading or (prev.bold and not ln.bold) or bool(short)
            elif cur["enum"] and ln.x0 > cur["first"].x0 + 5:
                new = False
            else:
                # a bold heading printed at the foot of a page heads the plain text overleaf
                new = (bool(re.search(r"[.:;!?]$", cur["text"])) and not t[:1].islower()) or (cur["bold"] and not ln.bold)
        if new:
            blocks.append({"text": t, "first": ln, "page": page, "enum": enum, "last": ln, "last_page": page,
                           "bold": ln.bold})
        else:
            cur = blocks[-1]
            cur["text"] = join_wrapped(cur["text"], t)
            cur["last"], cur["last_page"] = ln, page
            cur["bold"] = cur["bold"] and ln.bold
    out = []
    for b in blocks:
        text = " ".join(b["text"].split())  # whitespace runs as one space
        kind, label = b["enum"] if b["enum"] else ("paragraph", None)
        if b["bold"] and len(text) <= 200 and kind in ("paragraph", "numbered"):
            kind = "heading"
        out.append(PdfBlock(text=text, page=b["page"], x0=b["first"].x0, top=b["first"].top, kind=kind, label=label,
                            bold=b["bold"], last_page=b["last_page"] if b["last_page"] != b["page"] else None))
    return out


def pdf_text_from_result(result: dict, source: str, seconds: float = 0.0, blocks: bool = True) -> PdfText:
    """`PdfText` from the plain data the PDF child produces (blocks built here unless `blocks` is False)."""
    pages = []
    for p in result["pages"]:
        lines = tuple(PdfLine(*ln) for ln in p["lines"])
        pages.append(PdfPage(
            number=p["number"],
            text=p["text"],
            lines=lines,
            tables=tuple(tuple(tuple(row) for row in t) for t in p["tables"]),
            width=p["width"],
            height=p["height"],
            arrows=tuple(PdfArrow(*a) for a in p["arrows"]),
            blocks=tuple(group_blocks([(p["number"], ln) for ln in lines])) if blocks else (),
            furniture=tuple(PdfLine(*ln) for ln in p["furniture"]),
            columns=p["columns"],
            table_reader=p.get("table_reader"),
        ))
    return PdfText(source=source, pages=tuple(pages), warnings=tuple(result["warnings"]),
                   peak_rss_kb=int(result.get("peak_rss_kb", 0)), seconds=round(seconds, 4),
                   cpu_seconds=round(result.get("cpu_seconds", 0.0), 4))
