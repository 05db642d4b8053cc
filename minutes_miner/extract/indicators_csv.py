"""Indicator records from a tidy CSV file (for councils whose dashboards are spreadsheets).

Format: UTF-8 (a BOM is allowed), comma-separated, one header row, one row per indicator
and period. Required columns (any order, case-insensitive):

    council,indicator,period,value,unit,target,rag

Optional columns: section, floor, previous_rag, direction, ref, page.

* value / target / floor: numbers ("63.5", "1,204", "63.5%"); empty or n/a for none.
* rag / previous_rag: GREEN | AMBER | RED (also Green, G, A, R); empty for none.
* direction: improving | worsening | stable (also up/down/same, arrows); empty for none.

Example:

    council,indicator,period,value,unit,target,rag,section,floor,previous_rag,direction
    Sample Council,EHCPs issued within 20 weeks,Q2 2023/24,63.5,%,60,GREEN,Dashboard 1,55,AMBER,improving
"""
from __future__ import annotations

import csv
import io

from minutes_miner.errors import ParseError
from minutes_miner.extract.indicators import (
    normalise_direction,
    normalise_rag,
    parse_number,
)
from minutes_miner.models import DIRECTIONS, RAGS, ExtractedIndicator, IndicatorReport

REQUIRED = ("council", "indicator", "period", "value", "unit", "target", "rag")
OPTIONAL = ("section", "floor", "previous_rag", "direction", "ref", "page")
_HINT = "the header must be: " + ",".join(REQUIRED) + " (optional: " + ", ".join(OPTIONAL) + ")"


def read_indicator_csv(data: bytes, source: str) -> list[tuple[str, ExtractedIndicator]]:
    """(council name, indicator) per data row. Raises `ParseError` naming file and line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ParseError("is not a UTF-8 text file", where=source, hint="save the spreadsheet as 'CSV UTF-8'") from exc
    if not text.strip():
        raise ParseError("is empty", where=source, hint=_HINT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ParseError(f"line 1: {exc}", where=source, hint=_HINT) from exc
    cols = [h.strip().lower().replace(" ", "_") for h in header]
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise ParseError(f"line 1: missing column(s): {', '.join(missing)}", where=source, hint=_HINT)
    index = {c: i for i, c in enumerate(cols) if c in REQUIRED or c in OPTIONAL}
    out: list[tuple[str, ExtractedIndicator]] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(cols):
                raise ParseError(
                    f"line {line}: expected {len(cols)} fields, found {len(row)}",
                    where=source,
                    hint="quote values that contain commas, e.g. \"Children, Young People\"",
                )

            def get(name: str, row: list[str] = row) -> str:
                i = index.get(name)
                return row[i].strip() if i is not None else ""

            council, name = get("council"), get("indicator")
            if not council or not name:
                raise ParseError(f"line {line}: 'council' and 'indicator' must not be empty", where=source, hint=_HINT)
            nums = {}
            for field in ("value", "target", "floor"):
                raw = get(field)
                value, unit = parse_number(raw)
                if raw and value is None and raw.lower() not in ("n/a", "na", "-", "–", "none", "null", "tbc"):
                    raise ParseError(f"line {line}: {field} {raw!r} is not a number", where=source, hint="write numbers like 63.5, 1,204 or 63.5%")
                nums[field] = (value, unit)
            rags = {}
            for field in ("rag", "previous_rag"):
                raw = get(field)
                rag = normalise_rag(raw)
                if raw and rag is None and raw.lower() not in ("n/a", "na", "-", "none"):
                    raise ParseError(f"line {line}: {field} {raw!r} is not one of {', '.join(RAGS)}", where=source, hint="use GREEN, AMBER or RED (or leave empty)")
                rags[field] = rag
            raw_dir = get("direction")
            direction = normalise_direction(raw_dir)
            if raw_dir and direction is None and raw_dir.lower() not in ("n/a", "na", "-", "none"):
                raise ParseError(f"line {line}: direction {raw_dir!r} is not one of {', '.join(DIRECTIONS)}", where=source, hint="use improving, worsening or stable (or leave empty)")
            page_raw = get("page")
            unit = get("unit") or nums["value"][1] or nums["target"][1]
            out.append(
                (
                    council,
                    ExtractedIndicator(
                        name=name,
                        section=get("section") or None,
                        period=get("period") or None,
                        value=nums["value"][0],
                        unit=unit or None,
                        target=nums["target"][0],
                        floor=nums["floor"][0],
                        rag=rags["rag"],
                        previous_rag=rags["previous_rag"],
                        direction=direction,
                        page=int(page_raw) if page_raw.isdigit() else None,
                        ref=get("ref") or None,
                    ),
                )
            )
    except csv.Error as exc:
        raise ParseError(f"line {reader.line_num}: {exc}", where=source, hint=_HINT) from exc
    return out


def indicator_report_from_csv(data: bytes, source: str) -> IndicatorReport:
    """The CSV file's rows as one report (each row carries its own period)."""
    return IndicatorReport(source=source, period=None, indicators=tuple(row for _, row in read_indicator_csv(data, source)))
