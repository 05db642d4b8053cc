"""Crawl stage: a source plugin's meetings and documents into the store."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from collections.abc import Callable

from minutes_miner.errors import MinutesMinerError
from minutes_miner.fetch import FetchConfig, Fetcher
from minutes_miner.models import (
    Attendance,
    Document,
    ParsedMeeting,
)
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.registry import SOURCES
from minutes_miner.resolve import PersonResolver
from minutes_miner.sources.base import CrawlOptions, CrawlPlan, SourceFailure
from minutes_miner.store import Store


@dataclass
class CrawlSummary:
    council: str = ""
    committees: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: int = 0
    requests: int = 0
    bytes_downloaded: int = 0
    failures: list[SourceFailure] = field(default_factory=list)



def crawl(store: Store, base_url: str, options: CrawlOptions = CrawlOptions(), config: FetchConfig = FetchConfig(),
          source_name: str = "moderngov", progress: Progress = no_progress) -> CrawlSummary:
    fetcher = Fetcher(store, config)
    source = SOURCES[source_name](fetcher, base_url)
    council = source.council()
    summary = CrawlSummary(council=council.name)

    def fail(url: str, stage: str, reason: str) -> None:
        store.record_failure(url, stage, reason)
        summary.failures.append(SourceFailure(url, stage, reason))
        summary.failed += 1

    try:
        store.save_persons(council, source.roster())
    except MinutesMinerError as exc:
        fail(exc.where or base_url, "roster", str(exc))
    resolver = PersonResolver(council.id, store.persons(council.id))
    plan = CrawlPlan()
    done = 0
    for result in source.meetings(options, plan):
        summary.committees = len(plan.committees)
        if isinstance(result, SourceFailure):
            fail(result.url, result.stage, result.reason)
            continue
        before = _fingerprint(store, result.meeting.id)
        documents = _fetch_documents(fetcher, result, options, fail) if options.documents else []
        people = [(resolver.attendee(a), a) for a in result.attendees]
        attendance = [Attendance(result.meeting.id, p.id, a.title, a.status) for p, a in people]
        store.save_meeting(result, documents, [p for p, _ in people], attendance)
        store.clear_failure(result.meeting.source_url, "meeting")
        after = _fingerprint(store, result.meeting.id)
        if before is None:
            summary.new += 1
        elif before == after:
            summary.unchanged += 1
        else:
            summary.changed += 1
        summary.documents += sum(1 for d in documents if d.sha256)
        done += 1
        progress("crawl", done, plan.meetings_total)
    summary.requests = fetcher.requests_made
    summary.bytes_downloaded = fetcher.bytes_downloaded
    return summary


def _fingerprint(store: Store, meeting_id: str) -> tuple | None:
    if store.meeting(meeting_id) is None:
        return None
    return tuple((i["title"], i["minutes_text"]) for i in store.items(meeting_id))


def _fetch_documents(fetcher: Fetcher, parsed: ParsedMeeting, options: CrawlOptions,
                     fail: Callable[[str, str, str], None]) -> list[Document]:
    out = []
    for ref in parsed.documents:
        item_id = parsed.items[ref.item_position].id if ref.item_position is not None else None
        doc = Document(url=ref.url, title=ref.title, meeting_id=parsed.meeting.id, item_id=item_id, kind=ref.kind)
        try:
            reply = fetcher.get(ref.url, refresh=options.refresh, same_host_only=True)
        except MinutesMinerError as exc:
            fail(ref.url, "document", str(exc))
            out.append(doc)
            continue
        looks_pdf = reply.data.startswith(b"%PDF")
        if not looks_pdf and (reply.content_type or "").startswith("text/html"):
            fail(ref.url, "document", f"{ref.url}: HTML where a PDF was expected (HTTP {reply.status})")
        out.append(replace(doc, sha256=hashlib.sha256(reply.data).hexdigest(),
                           content_type="application/pdf" if looks_pdf else reply.content_type, size=len(reply.data)))
    return out
