"""UK dates as councils print them, parsed day-first and explicitly."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_uk_date(text: str | None) -> date | None:
    """First date in `text`: "17/06/2020", "Tuesday, 5th March, 2024 7.00 pm", "2024-03-05", "5 March 2024".

    Numeric dates are day-first, as UK councils write them. Returns None if no date is found.
    """
    if not text:
        return None
    if m := _ISO.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.search(text):
        year = int(m[3])
        year += 2000 if year < 100 else 0
        return _safe(year, int(m[2]), int(m[1]))
    for m in _WORDY.finditer(text):
        month = _MONTHS.get(m[2].lower())
        if month:
            return _safe(int(m[3]), month, int(m[1]))
    for m in _MONTH_FIRST.finditer(text):
        month = _MONTHS.get(m[1].lower())
        if month:
            return _safe(int(m[3]), month, int(m[2]))
    return None


_TIME = re.compile(r"\b(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)", re.IGNORECASE)


def moderngov_time(text: str | None) -> str | None:
    """The meeting time as ModernGov prints it ("10.00 am", "7.00 pm", "2pm") in a heading or listing,
    or None. Kept as written: GetMeeting gives it the same way."""
    found = _TIME.search(text or "")
    return found[1] if found else None


def format_moderngov(d: date) -> str:
    """dd/mm/yyyy, as mgWebService.asmx takes and gives dates."""
    return d.strftime("%d/%m/%Y")


_QUARTER = re.compile(r"\b(?:quarter|q)\s*([1-4])\b[^0-9]{0,12}(\d{4})(?:\s*[/-]\s*(\d{2,4}))?", re.IGNORECASE)


def period_end(period: str | None) -> date | None:
    """Last day of a reporting period. Quarters are of the UK financial year (Q1 = April-June):
    "Quarter 2 2023/24" ends 30 September 2023, "Q4 2023/24" ends 31 March 2024."""
    if not period:
        return None
    if m := _QUARTER.search(period):
        quarter, first_year = int(m[1]), int(m[2])
        if not m[3]:
            # "Q3 2024" without a financial year: read as calendar quarter.
            return [date(first_year, 3, 31), date(first_year, 6, 30), date(first_year, 9, 30), date(first_year, 12, 31)][quarter - 1]
        return {1: date(first_year, 6, 30), 2: date(first_year, 9, 30), 3: date(first_year, 12, 31),
                4: date(first_year + 1, 3, 31)}[quarter]
    return parse_uk_date(period)
