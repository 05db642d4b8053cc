"""Crawl stage: a source plugin's meetings and documents into the store.

Resumable: the crawl runs inside a crawl run recorded in the store. Each meeting (its items,
documents, attendance) is written in one transaction together with the mark that the run has
stored it, so an interrupted crawl (Ctrl-C, kill -9, network error) leaves no half-written
meeting, and the next crawl of the same site with the same options resumes the run: meetings
already stored are skipped and pages already fetched in the run come from the store.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from minutes_miner.errors import MinutesMinerError
from minutes_miner.fetch import FetchConfig, Fetcher
from minutes_miner.models import Attendance, Document, ParsedMeeting
from minutes_miner.pipeline.processed import crawled_meeting_hash
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.registry import SOURCES
from minutes_miner.resolve import PersonResolver
from minutes_miner.sources.base import CrawlOptions, CrawlPlan, SourceFailure
from minutes_miner.store import Store

Fail = Callable[[str, str, str], None]


@dataclass
class CrawlSummary:
    council: str = ""
    mode: str = ""  # how the site was read: "web service" or "HTML pages"
    committees: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    resumed: int = 0  # meetings an interrupted run had already stored
    documents: int = 0
    document_downloads: int = 0
    requests: int = 0
    not_modified: int = 0
    bytes_downloaded: int = 0
    failures: list[SourceFailure] = field(default_factory=list)


def options_key(options: CrawlOptions, source_name: str) -> str:
    """What makes two crawls of a site the same crawl (so one can resume the other)."""
    return json.dumps({
        "source": source_name, "committees": sorted(options.committees), "documents": options.documents,
        "since": options.since.isoformat() if options.since else None, "refresh": options.refresh,
        "until": options.until.isoformat() if options.until else None,
    }, sort_keys=True)


def crawl(store: Store, base_url: str, options: CrawlOptions | None = None, config: FetchConfig | None = None,
          source_name: str = "moderngov", progress: Progress = no_progress) -> CrawlSummary:
    options = options or CrawlOptions()
    config = config or FetchConfig()
    fetcher = Fetcher(store, config)
    source = SOURCES[source_name](fetcher, base_url)
    run = store.begin_crawl(source.base_url, options_key(options, source_name))
    fetcher.run_id = run.id
    try:
        council = source.council()
        source.committees()
    except MinutesMinerError:
        store.drop_crawl(run.id)  # not a ModernGov site (or unreachable): nothing to resume
        raise
    summary = CrawlSummary(council=council.name)

    def fail(url: str, stage: str, reason: str) -> None:
        store.record_failure(url, stage, reason)
        summary.failures.append(SourceFailure(url, stage, reason))
        summary.failed += 1

    summary.mode = source.mode
    try:
        store.save_persons(council, source.roster())
    except MinutesMinerError as exc:
        fail(exc.where or base_url, "roster", str(exc))
    resolver = PersonResolver(council.id, store.persons(council.id))
    plan = CrawlPlan()
    last_crawled = store.processed("crawl")
    handled = 0  # meetings stored or failed in this run
    for result in source.meetings(options, plan, frozenset(store.crawled_meetings(run.id))):
        summary.committees = len(plan.committees)
        if isinstance(result, SourceFailure):
            fail(result.url, result.stage, result.reason)
            if result.stage == "meeting":
                handled += 1
                progress("crawl", plan.resumed + handled, plan.meetings_total)
            continue
        documents = _fetch_documents(fetcher, source.base_url, result, options, summary, fail) if options.documents else []
        content = crawled_meeting_hash(result, documents)
        stored = store.meeting(result.meeting.id) is not None
        if stored and last_crawled.get(result.meeting.id, ("",))[0] == content:
            # Parsed exactly as last time: nothing to write, and what later stages wrote (items read
            # from a printed-minutes PDF, their statements) stays as it is.
            store.mark_crawled(run.id, result.meeting.id)
            summary.unchanged += 1
        else:
            before = _fingerprint(store, result.meeting.id) if stored else None
            people = [(resolver.attendee(a), a) for a in result.attendees]
            attendance = [Attendance(result.meeting.id, p.id, a.title, a.status) for p, a in people]
            store.save_crawled_meeting(run.id, result, documents, [p for p, _ in people], attendance)
            store.mark_processed("crawl", result.meeting.id, content, "")
            if before is None:
                summary.new += 1
            elif before == _fingerprint(store, result.meeting.id):
                summary.unchanged += 1
            else:
                summary.changed += 1
        store.clear_failure(result.meeting.source_url, "meeting")
        summary.documents += sum(1 for d in documents if d.sha256)
        handled += 1
        progress("crawl", plan.resumed + handled, plan.meetings_total)
    summary.committees = len(plan.committees)
    summary.resumed = plan.resumed
    if plan.meetings_total and not handled:
        progress("crawl", plan.resumed, plan.meetings_total)
    store.finish_crawl(run.id)
    summary.requests = fetcher.requests_made
    summary.not_modified = fetcher.not_modified
    summary.bytes_downloaded = fetcher.bytes_downloaded
    return summary


def _fingerprint(store: Store, meeting_id: str) -> tuple:
    return tuple((i["title"], i["minutes_text"]) for i in store.items(meeting_id))


def _document_problem(data: bytes, content_type: str | None) -> str | None:
    """Why a body is not a usable document, or None."""
    if not data.strip():
        return "empty response where a document was expected"
    head = data.lstrip()[:256].lower()
    if (content_type or "").startswith("text/html") or head.startswith((b"<!doctype html", b"<html")):
        return "HTML where a document (PDF) was expected; the site may have shown an error page"
    return None


def _fetch_documents(fetcher: Fetcher, base_url: str, parsed: ParsedMeeting, options: CrawlOptions,
                     summary: CrawlSummary, fail: Fail) -> list[Document]:
    site_host = urlsplit(base_url).netloc.lower()
    # A document stored without content failed last time (an error page, a broken download): fetch it again.
    unusable = {d.url for d in fetcher.store.documents(parsed.meeting.id) if not d.sha256}
    out = []
    for ref in parsed.documents:
        item_id = parsed.items[ref.item_position].id if ref.item_position is not None else None
        doc = Document(url=ref.url, title=ref.title, meeting_id=parsed.meeting.id, item_id=item_id, kind=ref.kind)
        out.append(doc)
        host = urlsplit(ref.url).netloc.lower()
        if host != site_host:
            fail(ref.url, "document", f"{ref.url}: links to another host ({host}), not the site's ({site_host}); "
                                      "not fetched")
            continue
        try:
            reply = fetcher.get(ref.url, refresh=options.refresh or ref.url in unusable, same_host_only=True)
        except MinutesMinerError as exc:
            fail(ref.url, "document", str(exc))
            continue
        if not reply.from_cache:
            summary.document_downloads += 1
        if problem := _document_problem(reply.data, reply.content_type):
            fail(ref.url, "document", f"{ref.url}: {problem} (HTTP {reply.status})")
            continue
        fetcher.store.clear_failure(ref.url, "document")
        looks_pdf = reply.data.startswith(b"%PDF")
        out[-1] = replace(doc, sha256=hashlib.sha256(reply.data).hexdigest(), size=len(reply.data),
                          content_type="application/pdf" if looks_pdf else reply.content_type)
    return out
