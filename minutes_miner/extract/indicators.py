"""Performance reports (PDF) -> indicator records.

Two readers, both run, the better result kept:

* **Tables** (`PdfPage.tables`, so read the PDF with `read_pdf(..., tables=True)`): KPI
  tables found by HEADER MAPPING (synonym lists below), section rows (only the first cell
  filled) giving `section`, numbers/units/RAG/direction normalised.
* **Detail blocks** (Kent style, from text lines): a KPI title followed by a RAG word and a
  line "Latest: 97% Target: 97%, Floor: 90% Previous: 97% (Green)"; the summary tables
  ("RAG rating / Latest Previous / DoT") give each KPI's section and, from the drawn arrow
  shapes in the DoT column, its direction of travel.
"""
from __future__ import annotations

import re
from dataclasses import replace

from minutes_miner.extract.pdf_types import PdfText
from minutes_miner.extract.table_headers import (  # noqa: F401 - HEADER_SYNONYMS: the PDF child reads it from here
    HEADER_SYNONYMS,
    find_header,
    is_sub_header,
    map_header,
)
from minutes_miner.models import ExtractedIndicator, IndicatorReport

# ---------------------------------------------------------------------------
# Normalisers (also used by the CSV reader)
# ---------------------------------------------------------------------------

_RAG = {
    "green": "GREEN", "g": "GREEN", "on target": "GREEN", "achieved": "GREEN", "met": "GREEN",
    "amber": "AMBER", "a": "AMBER", "yellow": "AMBER", "amber/green": "AMBER", "amber/red": "AMBER",
    "red": "RED", "r": "RED", "off target": "RED", "not met": "RED",
}


def normalise_rag(text: str | None) -> str | None:
    """'Green'/'G'/'GREEN' -> 'GREEN' (also AMBER, RED); None when not a RAG rating."""
    if text is None:
        return None
    t = re.sub(r"[\s()\[\]*.]+", " ", str(text)).strip().lower()
    if not t:
        return None
    if t in _RAG:
        return _RAG[t]
    m = re.match(r"^(green|amber|red)\b", t)
    return m.group(1).upper() if m else None


_DIRECTION_WORDS = [
    ("improving", r"improv|better|up\b|upward|increas(?:ing|ed)? \(good\)|positive|↑|⬆|▲|⇧|⇑|↗"),
    ("worsening", r"worse|worsen|deteriorat|declin|down\b|downward|negative|↓|⬇|▼|⇩|⇓|↘"),
    ("stable", r"stable|steady|same|no change|unchanged|no clear|static|level|flat|→|↔|⇨|⇒|►|▶|➔|➡|—|^-$|^=$"),
]


def normalise_direction(text: str | None) -> str | None:
    """'Improving'/'↑' -> 'improving'; 'Worsening'/'↓' -> 'worsening'; 'Stable'/'→' -> 'stable'."""
    if text is None:
        return None
    t = str(text).strip().lower()
    if not t or t in ("n/a", "na", "-", "–"):
        return None
    for name, pattern in _DIRECTION_WORDS:
        if re.search(pattern, t):
            return name
    return None


_ARROW_DIRECTION = {"up": "improving", "down": "worsening", "right": "stable", "left": "stable"}

_MISSING = {"", "n/a", "na", "n.a.", "-", "–", "—", "tbc", "tbd", "none", "null", "no data", "not available", "*", ".."}


def parse_number(text: str | None) -> tuple[float | None, str | None]:
    """'63.5%' -> (63.5, '%'); '1,204' -> (1204.0, None); '12 days' -> (12.0, 'days'); 'n/a' -> (None, None)."""
    if text is None:
        return None, None
    t = str(text).strip().replace("\u2212", "-").replace("\u00a0", " ")
    if t.lower() in _MISSING:
        return None, None
    m = re.match(
        r"^(?P<cmp>[<>≤≥~≈]=?)?\s*(?P<cur>[£$€])?\s*(?P<num>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)\s*"
        r"(?P<unit>%|pp|[A-Za-z£][A-Za-z0-9 /.,()£-]{0,30})?$",
        t,
    )
    if not m or not m.group("num") or not re.search(r"\d", m.group("num")):
        return None, None
    value = float(m.group("num").replace(",", ""))
    unit = (m.group("unit") or "").strip().rstrip(".") or None
    if m.group("cur"):
        unit = m.group("cur") + (unit or "")
    return value, unit


def normalise_period(text: str | None) -> str | None:
    """'Quarter 2 2023/24 (July - September 2023)' -> 'Q2 2023/24'; other text returned trimmed."""
    if not text:
        return None
    t = re.sub(r"\s+", " ", text).strip()
    m = re.search(r"\b(?:Quarter|Qtr|Q)\s*([1-4])\b[,\s]*(?:of\s+)?((?:19|20)\d{2}\s*[/–-]\s*(?:\d{2}|\d{4}))?", t, re.IGNORECASE)
    if m:
        year = re.sub(r"\s*[–-]\s*|\s*/\s*", "/", m.group(2)) if m.group(2) else None
        if year is None:
            ym = re.search(r"\b((?:19|20)\d{2}\s*/\s*\d{2,4})\b", t)
            year = re.sub(r"\s+", "", ym.group(1)) if ym else None
        return f"Q{m.group(1)} {year}" if year else f"Q{m.group(1)}"
    t = re.sub(r"\s*\(.*?\)\s*$", "", t)
    return t or None


def find_period(pdf: PdfText) -> str | None:
    """The reporting period stated near the start of the report."""
    text = "\n".join(p.text for p in pdf.pages[:3])
    m = re.search(r"^\s*(?:Reporting\s+)?Period\s*:\s*(.+)$", text, re.MULTILINE | re.IGNORECASE)
    if m:
        return normalise_period(m.group(1))
    flat = re.sub(r"\s+", " ", text)
    m = re.search(r"\b(?:Quarter|Q)\s*[1-4]\b[,\s]*(?:of\s+)?(?:19|20)\d{2}\s*/\s*\d{2,4}", flat, re.IGNORECASE)
    if m:
        return normalise_period(m.group(0))
    return None


# ---------------------------------------------------------------------------
# Table reader
# ---------------------------------------------------------------------------


def _cell(row, mapping, field):
    i = mapping.get(field)
    if i is None or i >= len(row):
        return None
    v = row[i]
    return v.strip() if isinstance(v, str) else None


def indicators_from_tables(pdf: PdfText, period: str | None) -> list[ExtractedIndicator]:
    out: list[ExtractedIndicator] = []
    mapping: dict[str, int] | None = None
    ncols = 0
    section: str | None = None
    for page in pdf.pages:
        for table in page.tables:
            start = 0
            if found := find_header(table):
                mapping, start = found
                ncols = len(table[start - 1])
            elif mapping is None or len(table[0]) != ncols:
                continue  # not a KPI table (or not a continuation of one)
            for row in table[start:]:
                if map_header(row) or is_sub_header(row) and sum(1 for c in row if c and c.strip()) > 1:
                    continue  # repeated header
                filled = [c for c in row if c and c.strip()]
                if not filled:
                    continue
                first = next((c for c in row if c and c.strip()), "")
                if len(filled) == 1 and (row[0] or "").strip() == first.strip() or (
                    len(filled) == 1 and not re.search(r"\d", first) and _cell(row, mapping, "name") in (None, "")
                ):
                    section = re.sub(r"\s+", " ", first).strip()
                    continue
                name = _cell(row, mapping, "name")
                if not name:
                    continue
                value, unit = parse_number(_cell(row, mapping, "value"))
                target, tunit = parse_number(_cell(row, mapping, "target"))
                floor, funit = parse_number(_cell(row, mapping, "floor"))
                unit_cell = _cell(row, mapping, "unit")
                if unit_cell and unit_cell.lower() not in _MISSING:
                    unit = unit_cell
                unit = unit or tunit or funit
                out.append(
                    ExtractedIndicator(
                        name=re.sub(r"\s+", " ", name),
                        section=section,
                        period=period,
                        value=value,
                        unit=unit,
                        target=target,
                        floor=floor,
                        rag=normalise_rag(_cell(row, mapping, "rag")),
                        previous_rag=normalise_rag(_cell(row, mapping, "previous_rag")),
                        direction=normalise_direction(_cell(row, mapping, "direction")),
                        page=page.number,
                        ref=(_cell(row, mapping, "ref") or None),
                    )
                )
    return out


# ---------------------------------------------------------------------------
# Detail-block reader (Kent style)
# ---------------------------------------------------------------------------

_NUM = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?"
_LATEST = re.compile(rf"^Latest\s*:?\s*(?P<value>{_NUM})(?P<vunit>\s+(?!target|floor|previous)[a-z]+)?", re.IGNORECASE)
_TARGET = re.compile(rf"\bTarget\s*:?\s*(?P<n>{_NUM})", re.IGNORECASE)
_FLOOR = re.compile(rf"\bFloor(?:\s+standard)?\s*:?\s*(?P<n>{_NUM})", re.IGNORECASE)
_PREVIOUS = re.compile(rf"\bPrevious\s*:?\s*(?P<n>{_NUM})?\s*\(?(?P<rag>Green|Amber|Red)\b", re.IGNORECASE)
_RAG_END = re.compile(r"(?:^|\s)(GREEN|AMBER|RED)$")
_RAG_PAIR_END = re.compile(r"(?:^|\s)(GREEN|AMBER|RED)\s+(GREEN|AMBER|RED)$")


def _all_lines(pdf: PdfText):
    for page in pdf.pages:
        for ln in page.lines:
            yield page, ln


def _value(text: str | None) -> tuple[float | None, str | None]:
    return parse_number(text) if text else (None, None)


def indicators_from_details(pdf: PdfText, period: str | None) -> list[ExtractedIndicator]:
    lines = list(_all_lines(pdf))
    out: list[ExtractedIndicator] = []
    used_title: set[int] = set()
    for idx, (page, ln) in enumerate(lines):
        m = _LATEST.match(ln.text)
        if not m:
            continue
        # walk back for the RAG word that labels this KPI, then its title
        rag = None
        title_idx = None
        for j in range(idx - 1, max(-1, idx - 80), -1):
            if j in used_title:
                break
            pj, lj = lines[j]
            if _LATEST.match(lj.text):
                break
            t = lj.text.strip()
            if t in ("GREEN", "AMBER", "RED"):
                rag = t
                # title starts on the next line at the left margin
                for k in range(j + 1, min(len(lines), j + 4)):
                    pk, lk = lines[k]
                    if pk is pj and lk.x0 < lj.x0 - 100 and re.search(r"[a-z]{3}", lk.text):
                        title_idx = k
                        break
                else:
                    for k in range(j - 1, max(-1, j - 3), -1):  # box printed after the title
                        pk, lk = lines[k]
                        if pk is pj and lk.x0 < lj.x0 - 100 and re.search(r"[a-z]{3}", lk.text) and abs(lk.top - lj.top) < 20:
                            title_idx = k
                            break
                break
            me = _RAG_END.search(t)
            if me and not _RAG_PAIR_END.search(t) and re.search(r"[a-z]{3}", t):
                rag = me.group(1)
                title_idx = j
                break
        if title_idx is None:
            continue
        tpage, tline = lines[title_idx]
        parts = [_RAG_END.sub("", tline.text).strip()]
        used_title.add(title_idx)
        prev = tline
        for k in range(title_idx + 1, min(len(lines), title_idx + 4)):
            pk, lk = lines[k]
            if pk is not tpage or k == idx:
                break
            if abs(lk.x0 - tline.x0) > 6 or lk.top - prev.bottom > 8 or lk.text.strip() in ("GREEN", "AMBER", "RED"):
                break
            if not re.search(r"[A-Za-z]{3}", lk.text) or re.match(r"^(?:[A-Z][a-z]{2}-\d{2}\s*)+$", lk.text):
                break
            parts.append(_RAG_END.sub("", lk.text).strip())
            used_title.add(k)
            prev = lk
        name = re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip(" –-")
        value, unit = _value(m.group("value"))
        if m.group("vunit") and m.group("vunit").strip().lower() not in ("target", "floor", "previous"):
            unit = unit or m.group("vunit").strip()
        mt, mf, mp = _TARGET.search(ln.text), _FLOOR.search(ln.text), _PREVIOUS.search(ln.text)
        target, tunit = _value(mt.group("n") if mt else None)
        floor, funit = _value(mf.group("n") if mf else None)
        out.append(
            ExtractedIndicator(
                name=name,
                period=period,
                value=value,
                unit=unit or tunit or funit,
                target=target,
                floor=floor,
                rag=normalise_rag(rag),
                previous_rag=normalise_rag(mp.group("rag") if mp else None),
                page=tpage.number,
            )
        )
    return out


def summary_rows(pdf: PdfText) -> list[dict]:
    """Rows of KPI summary tables: {'name', 'section', 'rag', 'previous_rag', 'direction', 'page'}."""
    rows: list[dict] = []
    for page in pdf.pages:
        section = None
        header_top = None
        lines = list(page.lines)
        for i, ln in enumerate(lines):
            t = ln.text.strip()
            if re.search(r"\bLatest\s+Previous\b", t) and not _LATEST.match(t):
                header_top = ln.top
                bits = []
                for k in range(i - 1, max(-1, i - 4), -1):
                    lk = lines[k]
                    if ln.top - lk.top > 30 or not (lk.bold or "RAG rating" in lk.text):
                        break
                    bits.insert(0, lk.text)
                bits.append(t)
                s = " ".join(bits)
                s = re.sub(r"\b(RAG rating|Latest|Previous|DoT|KPIs)\b", " ", s)
                section = re.sub(r"\s+", " ", s).strip(" –-,") or None
                continue
            if header_top is None:
                continue
            m = _RAG_PAIR_END.search(t)
            if not m:
                continue
            cy = (ln.top + ln.bottom) / 2
            name_bits = [t[: m.start()].strip()] if t[: m.start()].strip() else []
            for k in (i - 1, i + 1):
                if 0 <= k < len(lines):
                    lk = lines[k]
                    ly = (lk.top + lk.bottom) / 2
                    if abs(ly - cy) < 16 and lk.x1 < ln.x0 + 5 and not _RAG_PAIR_END.search(lk.text) and "Latest" not in lk.text:
                        if k < i:
                            name_bits.insert(0, lk.text)
                        else:
                            name_bits.append(lk.text)
            arrow = None
            best = 99.0
            for a in page.arrows:
                if a.x > ln.x0 and abs(a.y - cy) < min(best, 16):
                    best = abs(a.y - cy)
                    arrow = a
            rows.append(
                {
                    "name": re.sub(r"\s+", " ", " ".join(name_bits)).strip(),
                    "section": section,
                    "rag": m.group(1),
                    "previous_rag": m.group(2),
                    "direction": _ARROW_DIRECTION.get(arrow.direction) if arrow else None,
                    "page": page.number,
                }
            )
    return rows


def _tokens(s: str) -> set[str]:
    s = s.lower().replace("percentage", "%").replace("proportion", "%")
    return set(re.findall(r"[a-z0-9%]+", s)) - {"of", "the", "to", "a", "in", "and", "by", "with", "within", "who", "which", "that", "for", "%"}


def _similar(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _merge_summary(details: list[ExtractedIndicator], rows: list[dict]) -> list[ExtractedIndicator]:
    """Give each detail KPI its summary row (section, direction; RAG where the detail lacks it)."""
    if not rows:
        return details
    pairs: list[tuple[ExtractedIndicator, dict | None]] = []
    if len(rows) == len(details):
        pairs = list(zip(details, rows))
    else:
        pos = 0
        for d in details:
            best, best_k = 0.0, None
            for k in range(pos, min(len(rows), pos + 6)):
                sc = _similar(d.name, rows[k]["name"])
                if sc > best:
                    best, best_k = sc, k
            if best_k is not None and best >= 0.4:
                pairs.append((d, rows[best_k]))
                pos = best_k + 1
            else:
                pairs.append((d, None))
    out = []
    for d, r in pairs:
        if r is None:
            out.append(d)
            continue
        out.append(
            replace(
                d,
                section=d.section or r["section"],
                direction=d.direction or r["direction"],
                rag=d.rag or r["rag"],
                previous_rag=d.previous_rag or r["previous_rag"],
            )
        )
    return out


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def parse_indicator_report(pdf: PdfText) -> IndicatorReport:
    """Indicator records of a performance report (read the PDF with `tables=True` for KPI tables)."""
    period = find_period(pdf)
    from_tables = indicators_from_tables(pdf, period)
    details = indicators_from_details(pdf, period)
    if details:
        details = _merge_summary(details, summary_rows(pdf))
    from_tables = [i for i in from_tables if i.value is not None or i.target is not None or i.rag is not None]
    if details and _score(details) >= _score(from_tables):
        chosen = details
    elif from_tables:
        chosen = from_tables
    else:
        rows = summary_rows(pdf)
        chosen = [
            ExtractedIndicator(
                name=r["name"], section=r["section"], period=period, rag=normalise_rag(r["rag"]),
                previous_rag=normalise_rag(r["previous_rag"]), direction=r["direction"], page=r["page"],
            )
            for r in rows
            if r["name"]
        ]
    return IndicatorReport(source=pdf.source, period=period, indicators=tuple(chosen))


def _score(indicators: list[ExtractedIndicator]) -> int:
    """How much a reading found: filled fields over all its indicators."""
    fields = ("value", "target", "floor", "rag", "previous_rag", "direction", "unit", "section")
    return sum(1 for i in indicators for f in fields if getattr(i, f) is not None)
