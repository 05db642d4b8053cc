"""KPI table headers -> the column of each field (name, value, target, RAG ...), by synonym lists.

A header may be one row, or two stacked rows where a top cell spans the sub-headers beneath it:
"RAG rating" over "Latest | Previous", or "Q1 | Q2" each over "Value | Target". Merged cells
read as None to the right of (and below) the cell holding the text, so a top cell's text is
carried over the None cells to its right before the two rows are joined column by column
("RAG rating Latest", "RAG rating Previous", "Q2 Value"). When the sub-headers repeat under
several periods, the latest period (the rightmost) gives the figures and the period before it
the previous RAG rating.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

Row = Sequence[str | None]

# Order matters: more specific fields first ("previous rag" before "rag").
HEADER_SYNONYMS: list[tuple[str, tuple[str, ...]]] = [
    ("ref", ("ref", "reference", "code", "kpi ref", "kpi code", "id", "no", "number ref", "indicator ref", "pi ref")),
    ("previous_rag", ("previous rag", "previous rag rating", "previous", "prev rag", "last rag", "previous status", "rag previous", "previous rating", "last period rag")),
    ("direction", ("direction", "dot", "direction of travel", "trend", "travel")),
    ("floor", ("floor", "floor standard", "floor target", "minimum", "minimum standard", "threshold")),
    ("target", ("target", "annual target", "target value", "year end target")),
    ("rag", ("rag", "rag rating", "status", "rag status", "rating", "latest rag", "current rag", "rag latest")),
    ("value", ("latest", "value", "actual", "current", "latest value", "latest actual", "outturn", "result", "performance", "current value", "latest data", "actual value")),
    ("unit", ("unit", "units", "measure unit", "unit of measure")),
    ("name", ("indicator", "kpi", "measure", "indicator name", "kpi name", "performance indicator", "key performance indicator", "description", "measure name", "indicators", "kpis", "measures")),
]

# a column group named by a period: "Q1", "Quarter 2", "2024/25", "Dec-24", "March 2025"
_PERIOD = re.compile(
    r"^(?:(?:Q|Qtr|Quarter)\s*[1-4]\b.*|(?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\s-]*(?:\d{2}|\d{4})?)$",
    re.IGNORECASE,
)


def _norm_header(cell: str | None) -> str:
    t = (cell or "").lower().replace("&", " and ")
    t = re.sub(r"\(.*?\)", " ", t)
    t = re.sub(r"[^a-z ]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=4096)
def header_field(cell: str | None) -> str | None:
    """The field a header cell names, if any (cached: every row of a table is asked whether it
    repeats the header, and a long report has thousands of rows)."""
    h = _norm_header(cell)
    if not h:
        return None
    for name, words in HEADER_SYNONYMS:
        if h in words:
            return name
    for name, pattern in _HEADER_AFFIXES:
        if pattern.search(h):
            return name
    return None


# a header cell that starts or ends with a synonym ("kpi description", "rag status q3")
_HEADER_AFFIXES = [
    (name, re.compile(rf"^(?:{alternatives}) | (?:{alternatives})$"))
    for name, words in HEADER_SYNONYMS
    if (alternatives := "|".join(re.escape(w) for w in words if len(w) > 2))
]


def _usable(mapping: dict[str, int]) -> bool:
    return "name" in mapping and len(mapping) >= 3 and bool({"value", "rag", "target"} & mapping.keys())


def map_header(row: Row) -> dict[str, int] | None:
    """Column index per field if `row` looks like a KPI table header, else None."""
    mapping: dict[str, int] = {}
    for idx, cell in enumerate(row):
        field = header_field(cell)
        if field and field not in mapping:
            mapping[field] = idx
    return mapping if _usable(mapping) else None


def _text(cell: str | None) -> str:
    return re.sub(r"\s+", " ", cell or "").strip()


def is_period_label(cell: str | None) -> bool:
    return bool(_PERIOD.match(_text(cell)))


def is_sub_header(row: Row) -> bool:
    """A row of short header words only ("Latest | Previous", "Value | Target"), as under a
    header row whose cells span several columns; never a data row (names, figures, ratings)."""
    filled = [_text(c) for c in row if _text(c)]
    return bool(filled) and all(len(c) <= 40 and (header_field(c) or is_period_label(c)) for c in filled)


@dataclass(frozen=True)
class StackedHeader:
    cells: tuple[str, ...]  # the two rows joined column by column
    groups: tuple[str, ...]  # the top row's text over each column (carried across merged cells)


def stack_rows(top: Row, bottom: Row) -> StackedHeader:
    cells, groups = [], []
    carried = ""
    for k in range(max(len(top), len(bottom))):
        above = top[k] if k < len(top) else None
        below = _text(bottom[k] if k < len(bottom) else None)
        if above is None and below:
            group = carried  # under a top cell merged across this column
        else:
            group = carried = _text(above)
        groups.append(group)
        cells.append(" ".join(t for t in (group, below) if t))
    return StackedHeader(tuple(cells), tuple(groups))


def map_stacked_header(top: Row, bottom: Row) -> dict[str, int] | None:
    """Column index per field for a header of two stacked rows, or None."""
    stacked = stack_rows(top, bottom)
    fields = [header_field(c) for c in stacked.cells]
    periods = [g for g in dict.fromkeys(stacked.groups) if g and is_period_label(g)]
    latest = periods[-1] if periods else None
    before = periods[-2] if len(periods) > 1 else None
    mapping: dict[str, int] = {}
    for idx, (field, group) in enumerate(zip(fields, stacked.groups)):
        if field is None:
            continue
        if group in periods and group != latest:
            if field == "rag" and group == before and "previous_rag" not in mapping:
                mapping["previous_rag"] = idx
            continue  # an earlier period's figures
        mapping.setdefault(field, idx)
    return mapping if _usable(mapping) else None


def find_header(table: Sequence[Row], look: int = 3) -> tuple[dict[str, int], int] | None:
    """(field -> column, index of the first row after the header) of a KPI table whose header is
    among its first `look` rows, preferring a two-row header where the row below is a sub-header."""
    for k, row in enumerate(table[:look]):
        single = map_header(row)
        if k + 1 < len(table) and is_sub_header(table[k + 1]):
            stacked = map_stacked_header(row, table[k + 1])
            if stacked and (single is None or len(stacked) >= len(single)):
                return stacked, k + 2
        if single:
            return single, k + 1
    return None
