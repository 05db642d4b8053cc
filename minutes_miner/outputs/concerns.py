"""Recurring concerns: a concern x meeting matrix with the flags scrutiny officers look for.

Rules (documented because they decide what is flagged):

* **Meetings in the window** - meetings matching `committee` (ID or name substring) dated within
  `since`..`until` that have analysed minutes (at least one statement), in date order. Undated
  meetings and meetings without minutes are left out: they cannot be placed in the sequence and
  would otherwise break "consecutive" runs.
* **Count** - the number of statements at that meeting tagged with the concern (any act, any speaker).
* **First / last raised, meetings** - within the window.
* **Members who raised it** - speakers of tagged statements whose kind is member, chair or
  cabinet_member (officers answering are not "raising" it).
* **Trend** - the window's meetings are split into an earlier and a later half (with an odd number
  the middle meeting belongs to neither). With `a` statements in the earlier half and `b` in the
  later: rising if b > 1.2 * a and b - a >= 1; falling if a > 1.2 * b and a - b >= 1; else steady.
  Fewer than two meetings: steady.
* **Consecutive** - the length of the run of meetings, ending at the latest meeting in the window,
  at which the concern was raised (0 when it was not raised at the latest meeting).
* **New this meeting** - raised at the latest meeting and at no earlier meeting of the same
  committee selection, including meetings before `since`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from minutes_miner.errors import MinutesMinerError
from minutes_miner.outputs.formats import (
    MEMBER_KINDS,
    check_committee,
    fmt_date,
    fmt_iso,
    require_statements,
    text_table,
    to_json,
)
from minutes_miner.store.base import Store

RISE_RATIO = 1.2


@dataclass(frozen=True)
class MatrixMeeting:
    id: str
    date: date
    committee: str
    council: str
    source_url: str

    @property
    def label(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True)
class ConcernRow:
    concern: str
    counts: tuple[int, ...]  # statements per meeting, aligned with ConcernMatrix.meetings
    statements: int
    meetings: int
    first_raised: date | None
    last_raised: date | None
    members: tuple[str, ...]
    trend: str  # rising | steady | falling
    consecutive: int
    new_this_meeting: bool

    @property
    def flags(self) -> list[str]:
        out = []
        if self.new_this_meeting:
            out.append("new this meeting")
        if self.consecutive >= 2:
            out.append(f"raised at {self.consecutive} consecutive meetings")
        return out


@dataclass(frozen=True)
class ConcernMatrix:
    meetings: tuple[MatrixMeeting, ...]
    rows: tuple[ConcernRow, ...]  # most meetings first, then most statements, then name
    committee: str | None = None
    since: date | None = None
    until: date | None = None

    @property
    def latest(self) -> MatrixMeeting | None:
        return self.meetings[-1] if self.meetings else None

    def row(self, concern: str) -> ConcernRow:
        for r in self.rows:
            if r.concern == concern:
                return r
        raise KeyError(concern)

    def count(self, concern: str, meeting_id: str) -> int:
        index = [m.id for m in self.meetings].index(meeting_id)
        return self.row(concern).counts[index]


def trend(counts: list[int] | tuple[int, ...]) -> str:
    """rising / steady / falling by comparing the earlier and later halves (see module docstring)."""
    n = len(counts)
    if n < 2:
        return "steady"
    half = n // 2
    a, b = sum(counts[:half]), sum(counts[n - half:])
    if b > RISE_RATIO * a and b - a >= 1:
        return "rising"
    if a > RISE_RATIO * b and a - b >= 1:
        return "falling"
    return "steady"


def trailing_run(counts: list[int] | tuple[int, ...]) -> int:
    run = 0
    for c in reversed(counts):
        if not c:
            break
        run += 1
    return run


def concern_matrix(store: Store, committee: str | None = None, since: date | None = None,
                   until: date | None = None) -> ConcernMatrix:
    require_statements(store, "the concern matrix")
    check_committee(store, committee)
    meetings = [
        m for m in store.meetings(committee)
        if m.date is not None and m.statements > 0
        and (since is None or m.date >= since) and (until is None or m.date <= until)
    ]
    meetings.sort(key=lambda m: (m.date, m.committee, m.id))
    window = tuple(MatrixMeeting(id=m.id, date=m.date, committee=m.committee, council=m.council,
                                 source_url=m.source_url) for m in meetings)
    index = {m.id: n for n, m in enumerate(window)}
    latest = window[-1] if window else None
    counts: dict[str, list[int]] = {}
    members: dict[str, dict[str, None]] = {}
    for concern, meeting_id, speaker, kind, n in store.concern_tallies(committee, since, until):
        if meeting_id not in index:
            continue
        counts.setdefault(concern, [0] * len(window))[index[meeting_id]] += n
        if speaker and kind in MEMBER_KINDS:
            members.setdefault(concern, {}).setdefault(speaker)
    # "New" looks before `since` too, so a concern raised before the window is not new.
    at_latest = [c for c, series in counts.items() if series[-1] and not any(series[:-1])]
    earlier = store.concerns_raised_before(at_latest, latest.date, committee) if latest else set()
    rows: list[ConcernRow] = []
    for concern, series in counts.items():
        raised = [window[n].date for n, c in enumerate(series) if c]
        rows.append(ConcernRow(
            concern=concern, counts=tuple(series), statements=sum(series), meetings=len(raised),
            first_raised=raised[0], last_raised=raised[-1], members=tuple(sorted(members.get(concern, {}))),
            trend=trend(series), consecutive=trailing_run(series),
            new_this_meeting=concern in at_latest and concern not in earlier,
        ))
    rows.sort(key=lambda r: (-r.meetings, -r.statements, r.concern))
    return ConcernMatrix(meetings=window, rows=tuple(rows), committee=committee, since=since, until=until)


# --------------------------------------------------------------------------- renderers


def _meeting_header(m: MatrixMeeting, multi_committee: bool) -> str:
    return f"{m.date:%d/%m/%y}" + (f" {m.committee[:12]}" if multi_committee else "")


def render_matrix_text(matrix: ConcernMatrix) -> str:
    if not matrix.meetings:
        return "No meetings with analysed minutes in this selection.\n"
    if not matrix.rows:
        return f"No concerns were tagged at the {len(matrix.meetings)} meeting(s) in this selection.\n"
    multi = len({m.committee for m in matrix.meetings}) > 1
    headers = ["concern", *(_meeting_header(m, multi) for m in matrix.meetings), "mtgs", "first", "last", "trend", "flags"]
    body = [
        [r.concern, *(c or "." for c in r.counts), r.meetings, fmt_date(r.first_raised), fmt_date(r.last_raised),
         r.trend, "; ".join(r.flags)]
        for r in matrix.rows
    ]
    right = [False, *([True] * len(matrix.meetings)), True, False, False, False, False]
    out = [
        (f"Concerns by meeting ({len(matrix.meetings)} meetings, {fmt_date(matrix.meetings[0].date)} to "
         f"{fmt_date(matrix.meetings[-1].date)}; counts are tagged statements)"),
        "",
        text_table(headers, body, right),
        "",
        "Members who raised them:",
    ]
    for r in matrix.rows:
        out.append(f"  {r.concern}: {', '.join(r.members) if r.members else '(officers/others only)'}")
    return "\n".join(out) + "\n"


def matrix_to_json(matrix: ConcernMatrix) -> dict[str, Any]:
    return {
        "committee": matrix.committee,
        "since": fmt_iso(matrix.since),
        "until": fmt_iso(matrix.until),
        "meetings": [{"id": m.id, "date": m.date.isoformat(), "committee": m.committee, "council": m.council,
                      "source_url": m.source_url} for m in matrix.meetings],
        "concerns": [
            {
                "concern": r.concern,
                "counts": {m.id: c for m, c in zip(matrix.meetings, r.counts)},
                "series": list(r.counts),
                "statements": r.statements,
                "meetings": r.meetings,
                "first_raised": fmt_iso(r.first_raised),
                "last_raised": fmt_iso(r.last_raised),
                "members": list(r.members),
                "trend": r.trend,
                "consecutive_meetings": r.consecutive,
                "new_this_meeting": r.new_this_meeting,
                "flags": r.flags,
            }
            for r in matrix.rows
        ],
    }


def render_matrix_json(matrix: ConcernMatrix) -> str:
    return to_json(matrix_to_json(matrix))


def render_matrix(matrix: ConcernMatrix, fmt: str = "text") -> str:
    """Render as text | json (charts: `plot`)."""
    name = (fmt or "").lower()
    if name in ("text", "txt"):
        return render_matrix_text(matrix)
    if name == "json":
        return render_matrix_json(matrix)
    raise MinutesMinerError(f"unknown output format {fmt!r} for concerns",
                            hint="use text or json; draw a chart with --plot FILE.svg|png")


def plot(matrix: ConcernMatrix, path: str | Path, max_concerns: int = 25) -> Path:
    """Write a concern x meeting heatmap to `path` (.svg or .png), drawn locally with matplotlib."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise MinutesMinerError(f"cannot draw a chart as {path.suffix or 'a file without an extension'!r}",
                                where=str(path), hint="name the file .svg or .png, e.g. --plot concerns.svg")
    if not matrix.rows:
        raise MinutesMinerError("no concerns to plot in this selection",
                                hint="widen --since/--until or --committee, or check the minutes were analysed")
    # The object-oriented API with an explicit Agg canvas: no pyplot, no global backend switch, no display.
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = matrix.rows[:max_concerns]
    data = [list(r.counts) for r in rows]
    multi = len({m.committee for m in matrix.meetings}) > 1
    labels = [m.date.isoformat() + (f"\n{m.committee[:18]}" if multi else "") for m in matrix.meetings]
    width = min(max(4.0, 1.6 + 0.55 * len(labels)), 30.0)
    height = max(2.2, 1.2 + 0.38 * len(rows))
    with matplotlib.rc_context({"svg.hashsalt": "minutes-miner", "svg.fonttype": "none"}):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        image = ax.imshow(data, aspect="auto", cmap="YlOrRd", vmin=0, interpolation="nearest")
        ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
        ax.set_yticks(range(len(rows)), [r.concern for r in rows], fontsize=9)
        peak = max((max(r) for r in data), default=0) or 1
        for y, r in enumerate(data):
            for x, c in enumerate(r):
                if c:
                    ax.text(x, y, str(c), ha="center", va="center", fontsize=7,
                            color="white" if c > peak * 0.6 else "black")
        shown = "" if len(rows) == len(matrix.rows) else f", top {len(rows)} of {len(matrix.rows)}"
        ax.set_title(f"Concerns raised per meeting (tagged statements{shown})", fontsize=10)
        bar = fig.colorbar(image, ax=ax, shrink=0.8, label="statements")
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        path.parent.mkdir(parents=True, exist_ok=True)
        metadata = {"Date": None, "Creator": "minutes-miner"} if fmt == "svg" else {"Software": "minutes-miner"}
        fig.savefig(path, format=fmt, dpi=150, metadata=metadata)
    return path
