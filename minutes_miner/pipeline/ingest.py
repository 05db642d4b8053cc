"""Hand-saved pages and documents into the store through the crawler's parsers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from minutes_miner.errors import MinutesMinerError
from minutes_miner.inputs import FileContent, read_files
from minutes_miner.models import (
    AgendaItem,
    Attendance,
    Committee,
    Council,
    Document,
    Meeting,
    ParsedMeeting,
)
from minutes_miner.pipeline.analyse import analyse_meeting, member_roster
from minutes_miner.pipeline.indicators import indicator_records, link_store
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.resolve import PersonResolver
from minutes_miner.store import Store


@dataclass
class IngestSummary:
    files: int = 0
    meetings: int = 0
    indicator_values: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def ingest_files(store: Store, paths: Sequence[Path], council_name: str = "Local files",
                 committee_name: str | None = None, progress: Progress = no_progress,
                 workers: int | None = None) -> IngestSummary:
    """Store hand-saved pages and documents through the same parsers as the crawler.

    PDFs are read `workers` at a time (default: one per CPU). A file that cannot be read is
    reported in the summary and recorded as a failure; everything else is stored.
    """
    summary = IngestSummary()
    council = Council(name=council_name, base_url=f"file://{council_name}/")
    for done, (path, content) in enumerate(read_files(list(paths), workers=workers), start=1):
        progress("ingest", done, len(paths))
        if isinstance(content, MinutesMinerError):
            store.record_failure(str(path), "ingest", str(content))
            summary.failed.append((str(path), str(content)))
            continue
        try:
            _store_file(store, council, committee_name, path, content, summary)
        except MinutesMinerError as exc:
            store.record_failure(str(path), "ingest", str(exc))
            summary.failed.append((str(path), str(exc)))
            continue
        summary.files += 1
        for warning in content.warnings:
            summary.warnings.append((str(path), warning))
        store.clear_failure(str(path), "ingest")
    if summary.meetings:
        link_store(store)
    return summary


def _store_file(store: Store, council: Council, committee_name: str | None, path: Path, content: FileContent,
                summary: IngestSummary) -> None:
    data = content.data
    url = path.resolve().as_uri()
    content_type = "application/pdf" if content.pdf is not None else None
    sha256 = store.save_blob(url, data, content_type, 200)
    if content.indicators is not None:
        doc = Document(url=url, title=path.name, sha256=sha256, size=len(data), content_type=content_type,
                       kind="indicators")
        indicators, values = indicator_records(council, content.indicators, doc.id)
        store.save_indicators(council, indicators, values, [doc])
        summary.indicator_values += len(values)
        return
    minutes = content.minutes
    committee = Committee(council_id=council.id, name=committee_name or minutes.committee or "Unknown committee")
    meeting = Meeting(committee_id=committee.id, source_url=url, date=minutes.date, minutes_published=True)
    # a questions paper is kept as the meeting's document, and its questions become the meeting's
    # items when it is analysed (read again each time: its question/answer turns are not stored)
    questions_paper = content.kind == "questions"
    items = () if questions_paper else tuple(
        AgendaItem(meeting_id=meeting.id, position=i, number=t.number, title=t.title, minutes_text=t.text,
                   source_url=t.source_url or url)
        for i, t in enumerate(minutes.items))
    parsed = ParsedMeeting(council=council, committee=committee, meeting=meeting, items=items,
                           attendees=minutes.attendance)
    documents = [Document(url=url, title=path.name, meeting_id=meeting.id, sha256=sha256, size=len(data),
                          content_type="application/pdf", kind="questions")] if questions_paper else []
    resolver = PersonResolver(council.id, store.persons(council.id))
    people = [resolver.attendee(a) for a in minutes.attendance]
    store.save_meeting(parsed, documents, people,
                       [Attendance(meeting.id, p.id, a.title, a.status) for p, a in zip(people, minutes.attendance)])
    roster = member_roster(store.persons(council.id))
    analyse_meeting(store, meeting.id, resolver, roster, {d.id: content.pdf for d in documents})
    summary.meetings += 1
