"""The static HTML report: overview, committees, meetings, members, concerns and indicators.

Pages are rendered from jinja2 templates with autoescaping on, so text from minutes pages and
PDFs can never inject markup; links to sources are only emitted for http(s)/relative URLs (a
crafted `javascript:` URL becomes plain text). Every link between pages is relative and every
asset (stylesheet, charts) is written beside the pages, so the site works offline, from a USB
stick or a file share, and prints cleanly (print stylesheet in style.css).

Layout of `out_dir`:

    index.html                   overview: counts, committees, top concerns
    style.css
    committees/<committee>.html  meetings of one committee
    meetings/<meeting>.html      items, statements, Q&A pairs, follow-ups, sources
    members.html                 questions per member
    members/<member>.html        one member's questions with answers and follow-ups
    concerns.html                concern x meeting matrix per committee, with charts
    charts/concerns-<n>.svg
    indicators.html              values and RAG history beside linked statements; direction claims
                                 that disagree with the values are flagged
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from minutes_miner.errors import EmptyStoreError, MinutesMinerError
from minutes_miner.models import person_identity
from minutes_miner.outputs.concerns import ConcernMatrix, concern_matrix, plot
from minutes_miner.outputs.formats import (
    EMPTY_HINT,
    Citation,
    fmt_date,
    item_label,
    safe_href,
    source_link,
    speaker_label,
)
from minutes_miner.outputs.indicators import DirectionCheck, direction_checks
from minutes_miner.outputs.questions import (
    QuestionSummary,
    SummaryContext,
    summarise_questions,
)
from minutes_miner.resources import package_data
from minutes_miner.store.base import StatementFilter, StatementRow, Store

TEMPLATES = package_data("report", "templates")
def cite_href(citation: Citation | None) -> str | None:
    return safe_href(citation.link) if citation else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(source_link=source_link, safe_href=safe_href, cite_href=cite_href, item_label=item_label,
                       speaker_label=speaker_label, fmt_date=fmt_date)
    env.filters.update(date=fmt_date, kind=lambda k: (k or "unknown").replace("_", " "))
    return env


def render_template(name: str, **context: Any) -> str:
    """Render one of the report templates (also used by outputs.questions for standalone HTML)."""
    context.setdefault("root", "")
    context.setdefault("standalone", False)
    return environment().get_template(name).render(**context)


def sparkline(values: list[float | None], width: int = 160, height: int = 36, pad: int = 4) -> dict | None:
    """Polyline points for a tiny inline SVG of an indicator's values (None for fewer than two)."""
    points = [(n, v) for n, v in enumerate(values) if v is not None]
    if len(points) < 2:
        return None
    lo, hi = min(v for _, v in points), max(v for _, v in points)
    span = (hi - lo) or 1.0
    step = (width - 2 * pad) / max(len(values) - 1, 1)
    coords = [(pad + n * step, height - pad - (v - lo) / span * (height - 2 * pad)) for n, v in points]
    return {"width": width, "height": height, "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in coords),
            "last": coords[-1], "low": lo, "high": hi}


def slug(text: str, ident: str | None = None) -> str:
    """A filesystem-safe, stable name: readable prefix plus a short hash of the identity."""
    base = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:40] or "x"
    digest = hashlib.sha256((ident or text or "").encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}"


@dataclass(frozen=True)
class MemberPage:
    name: str
    kind: str
    file: str
    summary: QuestionSummary

    @property
    def questions(self) -> int:
        return len(self.summary.questions)


class _Writer:
    def __init__(self, out_dir: Path):
        self.out = out_dir
        self.written: list[Path] = []

    def page(self, rel: str, template: str, **context: Any) -> Path:
        depth = rel.count("/")
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        html = render_template(template, root="../" * depth, page=rel, **context)
        path.write_text(html, encoding="utf-8")
        self.written.append(path)
        return path


def write_report(store: Store, out_dir: str | Path) -> Path:
    """Write the static site into `out_dir` (created if needed) and return the path of index.html."""
    stats = store.stats()
    if not stats.get("meetings") and not stats.get("indicators"):
        raise EmptyStoreError(f"the database at {store.path} is empty; there is nothing to report", hint=EMPTY_HINT)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MinutesMinerError(f"cannot create the report folder ({exc.strerror})", where=str(out),
                                hint="choose a folder you can write to with --out") from exc
    w = _Writer(out)
    (out / "style.css").write_text((TEMPLATES / "style.css").read_text(encoding="utf-8"), encoding="utf-8")

    committees = store.committees()
    meetings = store.meetings()
    committee_file = {c["id"]: f"committees/{slug(c['name'], c['id'])}.html" for c in committees}
    meeting_file = {m.id: f"meetings/{m.id}.html" for m in meetings}
    links = {"committee": committee_file, "meeting": meeting_file}
    ctx = SummaryContext(store)

    # --- members: every question asker, grouped by person (or by name when there is no person ID)
    by_member: dict[str, list[StatementRow]] = {}
    for q in store.statements(StatementFilter(act="question")):
        by_member.setdefault(q.speaker_id or person_identity(q.speaker or "unattributed"), []).append(q)
    members: list[MemberPage] = []
    for key, rows in by_member.items():
        name = max((r.speaker for r in rows if r.speaker), key=len, default="Unattributed")
        summary = summarise_questions(store, rows, title=f"Questions asked by {name}", member=name, context=ctx)
        members.append(MemberPage(name=name, kind=rows[0].speaker_kind, file=f"members/{slug(name, key)}.html",
                                  summary=summary))
    members.sort(key=lambda m: (-m.questions, m.name))

    # --- concerns: one matrix per committee (runs and "new" flags only make sense within one)
    matrices: list[tuple[dict, ConcernMatrix, str]] = []
    if stats.get("statements"):
        for n, c in enumerate(committees, 1):
            if not c["meetings"]:
                continue
            matrix = concern_matrix(store, committee=c["id"])
            if matrix.rows:
                chart = f"charts/concerns-{n}.svg"
                plot(matrix, out / chart)
                matrices.append((c, matrix, chart))

    # --- indicators with their values, the statements linked to them and direction-claim checks
    all_links = store.links()
    link_info = {(l.statement_id, l.indicator_id): l for l in all_links}
    linked_ids = {ind_id for _, ind_id in link_info}
    indicator_rows = store.indicators()
    checks: dict[tuple[str, str], list[DirectionCheck]] = {}
    for check in direction_checks(store, indicators=indicator_rows, links=all_links):
        checks.setdefault((check.statement.id, check.indicator_id), []).append(check)
    indicators = []
    for ind in indicator_rows:
        linked = store.statements(StatementFilter(indicator=ind.id)) if ind.id in linked_ids else []
        indicators.append({
            "row": ind, "anchor": slug(ind.ref or ind.name, ind.id),
            "spark": sparkline([v.value for v in ind.values]),
            "statements": [(s, link_info.get((s.id, ind.id)), checks.get((s.id, ind.id), [])) for s in linked],
        })
    anchors = {i["row"].id: i["anchor"] for i in indicators}
    flags = [(c, anchors.get(c.indicator_id)) for cs in checks.values() for c in cs if c.flagged]
    flags.sort(key=lambda f: (f[0].statement.meeting_date or date.min, f[0].indicator))

    common = {"stats": stats, "links": links, "today": date.today()}

    # --- one page per meeting
    meetings_by_committee: dict[str, list] = {}
    for m in meetings:
        meetings_by_committee.setdefault(m.committee_id, []).append(m)
        statements = ctx.meeting_statements(m.id)
        by_item: dict[str, list[StatementRow]] = {}
        for st in statements:
            by_item.setdefault(st.item_id, []).append(st)
        items = [{"item": it, "statements": by_item.pop(it["id"], [])} for it in store.items(m.id)]
        qs = [st for st in statements if st.act == "question"]
        briefing = (summarise_questions(store, qs, title="Questions and answers", meeting_id=m.id, context=ctx)
                    if qs else None)
        w.page(meeting_file[m.id], "meeting.html", meeting=m, items=items, briefing=briefing,
               statement_by_id={st.id: st for st in statements}, committee_href=committee_file.get(m.committee_id),
               documents=store.documents(meeting_id=m.id), **common)

    for c in committees:
        matrix = next((mx for cc, mx, _ in matrices if cc["id"] == c["id"]), None)
        w.page(committee_file[c["id"]], "committee.html", committee=c, meetings=meetings_by_committee.get(c["id"], []),
               matrix=matrix, **common)
    for mp in members:
        w.page(mp.file, "member.html", member=mp, summary=mp.summary, **common)
    w.page("members.html", "members.html", members=members, **common)
    w.page("concerns.html", "concerns.html", matrices=matrices, **common)
    w.page("indicators.html", "indicators.html", indicators=indicators, flags=flags, **common)
    dated = [m.date for m in meetings if m.date]
    return w.page("index.html", "index.html", committees=committees, top_concerns=store.concern_counts()[:10],
                  members=members[:10], councils=store.councils(), meeting_count=len(meetings),
                  first_date=min(dated, default=None), last_date=max(dated, default=None),
                  indicator_count=len(indicators), flags=flags, **common)
