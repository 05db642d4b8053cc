"""Hand-saved pages and documents into the store through the crawler's parsers."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Sequence

from minutes_miner.errors import MinutesMinerError
from minutes_miner.inputs import read_file
from minutes_miner.models import (
    AgendaItem,
    Attendance,
    Committee,
    Council,
    Document,
    Meeting,
    ParsedMeeting,
)
from minutes_miner.pipeline.analyse import analyse_meeting
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


def ingest_files(store: Store, paths: Sequence[Path], council_name: str = "Local files",
                 committee_name: str | None = None, progress: Progress = no_progress) -> IngestSummary:
    """Store hand-saved pages and documents through the same parsers as the crawler."""
    summary = IngestSummary()
    for done, path in enumerate(paths, start=1):
        progress("ingest", done, len(paths))
        try:
            content = read_file(path)
        except MinutesMinerError as exc:
            store.record_failure(str(path), "ingest", str(exc))
            summary.failed.append((str(path), str(exc)))
            continue
        summary.files += 1
        data = path.read_bytes()
        council = Council(name=council_name, base_url=f"file://{council_name}/")
        url = path.resolve().as_uri()
        store.save_blob(url, data, None, 200)
        if content.indicators is not None:
            doc = Document(url=url, title=path.name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                           content_type="application/pdf", kind="indicators")
            indicators, values = indicator_records(council, content.indicators, doc.id)
            store.save_indicators(council, indicators, values, [doc])
            summary.indicator_values += len(values)
            continue
        minutes = content.minutes
        committee = Committee(council_id=council.id, name=committee_name or minutes.committee or "Unknown committee")
        meeting = Meeting(committee_id=committee.id, source_url=url, date=minutes.date, minutes_published=True)
        items = tuple(AgendaItem(meeting_id=meeting.id, position=i, number=t.number, title=t.title,
                                 minutes_text=t.text, source_url=t.source_url or url)
                      for i, t in enumerate(minutes.items))
        parsed = ParsedMeeting(council=council, committee=committee, meeting=meeting, items=items,
                               attendees=minutes.attendance)
        resolver = PersonResolver(council.id, store.persons(council.id))
        people = [resolver.attendee(a) for a in minutes.attendance]
        store.save_meeting(parsed, (), people,
                           [Attendance(meeting.id, p.id, a.title, a.status) for p, a in zip(people, minutes.attendance)])
        roster = [p for p in store.persons(council.id) if p.kind in {"member", "chair", "cabinet_member"}]
        analyse_meeting(store, meeting.id, resolver, roster)
        summary.meetings += 1
    if summary.meetings:
        link_store(store)
    return summary
