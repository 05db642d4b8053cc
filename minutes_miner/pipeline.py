"""The stages wired together: crawl -> extract -> analyse -> link -> store.

Each function takes a store and an optional progress callback and returns a summary; none
prints. A failure on one meeting or document is recorded in the store and the batch goes on.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from minutes_miner import nlp
from minutes_miner.dates import period_end
from minutes_miner.errors import MinutesMinerError
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.extract.printed_minutes import parse_printed_minutes
from minutes_miner.fetch import FetchConfig, Fetcher
from minutes_miner.inputs import read_file
from minutes_miner.link import link_statements
from minutes_miner.models import (
    AgendaItem,
    Attendance,
    AttendeeMention,
    Committee,
    Council,
    Document,
    Indicator,
    IndicatorReport,
    IndicatorValue,
    ItemText,
    Meeting,
    MinutesText,
    ParsedMeeting,
    Person,
    Statement,
    name_key,
)
from minutes_miner.registry import SOURCES
from minutes_miner.resolve import PersonResolver
from minutes_miner.sources.base import CrawlOptions, CrawlPlan, SourceFailure
from minutes_miner.store import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def no_progress(stage: str, done: int, total: int) -> None:
    return None


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


# ---------------------------------------------------------------------------- crawl
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


# ---------------------------------------------------------------------------- analyse
@dataclass
class AnalyseSummary:
    meetings: int = 0
    statements: int = 0
    skipped: int = 0
    failed: int = 0


def _stored_minutes(store: Store, meeting_id: str) -> tuple[MinutesText | None, list[dict]]:
    row = store.meeting(meeting_id)
    items = store.items(meeting_id)
    attendance = tuple(
        AttendeeMention(name=p.name, kind="chair" if (a.role or "").lower().startswith("chair") else p.kind,
                        title=a.role or p.title, status=a.status, party=p.party, ward=p.ward)
        for p, a in store.attendees(meeting_id)
    )
    if not any(i["minutes_text"] for i in items):
        return None, items
    minutes = MinutesText(
        source=row.source_url if row else meeting_id,
        items=tuple(ItemText(title=i["title"], text=i["minutes_text"] or "", number=i["number"],
                             source_url=i["source_url"]) for i in items),
        committee=row.committee if row else None, date=row.date if row else None, attendance=attendance)
    return minutes, items


def _match_item(pdf_item: ItemText, items: list[dict]) -> dict | None:
    for item in items:
        if pdf_item.number and item["number"] and pdf_item.number.strip(".") == item["number"].strip("."):
            return item
    wanted = name_key(pdf_item.title or "")
    return next((i for i in items if wanted and name_key(i["title"] or "") == wanted), None)


def _minutes_from_printed_pdf(store: Store, meeting_id: str, items: list[dict]) -> tuple[MinutesText, list[AgendaItem]]:
    doc = next(d for d in store.documents(meeting_id, kind="minutes") if d.sha256)
    pdf = read_pdf(store.blob(doc.sha256), doc.url)
    minutes = parse_printed_minutes(pdf)
    updated, texts = [], []
    for pdf_item in minutes.items:
        stored = _match_item(pdf_item, items)
        source_url = f"{doc.url}#page={pdf_item.page}" if pdf_item.page else doc.url
        if stored is not None:
            item = AgendaItem(meeting_id=meeting_id, position=stored["position"], number=stored["number"],
                              title=stored["title"], agenda_text=stored["agenda_text"], minutes_text=pdf_item.text,
                              source_url=stored["source_url"], external_id=stored["external_id"], id=stored["id"])
        else:
            item = AgendaItem(meeting_id=meeting_id, position=1000 + len(updated), number=pdf_item.number,
                              title=pdf_item.title, minutes_text=pdf_item.text, source_url=source_url)
        updated.append(item)
        texts.append(ItemText(title=item.title, text=pdf_item.text, number=item.number, source_url=source_url,
                              page=pdf_item.page))
    return replace(minutes, items=tuple(texts)), updated


def analyse_meeting(store: Store, meeting_id: str, resolver: PersonResolver, roster: Sequence[Person]) -> int:
    """Extract (PDF minutes if need be), run the NLP and store statements; returns how many."""
    minutes, items = _stored_minutes(store, meeting_id)
    updated: list[AgendaItem] = []
    if minutes is None:
        if not any(d.sha256 for d in store.documents(meeting_id, kind="minutes")):
            return -1
        minutes, updated = _minutes_from_printed_pdf(store, meeting_id, items)
        item_ids = [i.id for i in updated]
        row = store.meeting(meeting_id)
        minutes = replace(minutes, committee=minutes.committee or (row.committee if row else None),
                          date=minutes.date or (row.date if row else None))
    else:
        item_ids = [i["id"] for i in items]
    analysed = nlp.analyse(minutes, roster)
    attendees = [resolver.attendee(a) for a in minutes.attendance]
    attendance = [Attendance(meeting_id, p.id, a.title, a.status) for p, a in zip(attendees, minutes.attendance)]
    statements = []
    for item_id, item, text in zip(item_ids, analysed.items, minutes.items):
        for position, s in enumerate(item.statements):
            person = resolver.speaker(s.speaker, s.speaker_key, s.speaker_kind, attendees)
            statements.append(Statement(
                item_id=item_id, position=position, text=s.text, act=s.act, speaker_id=person.id if person else None,
                speaker=person.name if person and s.speaker_kind not in {"group"} else s.speaker,
                speaker_key=s.speaker_key, speaker_kind=s.speaker_kind, answers_position=s.answers,
                section=s.section, concerns=s.concerns, source_url=text.source_url, page=text.page,
            ))
    store.save_analysis(meeting_id, statements, resolver.people(), attendance, items=updated)
    return len(statements)


def analyse_store(store: Store, meeting_ids: Sequence[str] | None = None, progress: Progress = no_progress) -> AnalyseSummary:
    summary = AnalyseSummary()
    meetings = [m for m in store.meetings() if meeting_ids is None or m.id in meeting_ids]
    resolvers: dict[str, PersonResolver] = {}
    rosters: dict[str, list[Person]] = {}
    for done, meeting in enumerate(meetings, start=1):
        if meeting.council_id not in resolvers:
            known = store.persons(meeting.council_id)
            resolvers[meeting.council_id] = PersonResolver(meeting.council_id, known)
            rosters[meeting.council_id] = [p for p in known if p.kind in {"member", "chair", "cabinet_member"}]
        resolver, roster = resolvers[meeting.council_id], rosters[meeting.council_id]
        try:
            count = analyse_meeting(store, meeting.id, resolver, roster)
        except MinutesMinerError as exc:
            store.record_failure(exc.where or meeting.source_url, "analyse", str(exc))
            summary.failed += 1
            continue
        if count < 0:
            summary.skipped += 1
        else:
            summary.meetings += 1
            summary.statements += count
            store.clear_failure(meeting.source_url, "analyse")
        progress("analyse", done, len(meetings))
    return summary


# ---------------------------------------------------------------------------- indicators
def indicator_records(council: Council, report: IndicatorReport, document_id: str | None) -> tuple[list[Indicator], list[IndicatorValue]]:
    indicators, values = [], []
    for row in report.indicators:
        period = row.period or report.period or "unknown"
        lower_is_better = (row.floor > row.target) if row.floor is not None and row.target is not None else None
        ind = Indicator(council_id=council.id, name=row.name, section=row.section, unit=row.unit, ref=row.ref,
                        lower_is_better=lower_is_better)
        indicators.append(ind)
        values.append(IndicatorValue(indicator_id=ind.id, period=period, value=row.value, target=row.target,
                                     floor=row.floor, rag=row.rag, previous_rag=row.previous_rag,
                                     direction=row.direction, period_end=period_end(period), document_id=document_id,
                                     page=row.page))
    return indicators, values


def extract_indicators(store: Store, progress: Progress = no_progress) -> int:
    """Read every stored PDF that is a performance report into indicator records; returns values stored."""
    meetings = {m.id: m for m in store.meetings()}
    councils = {c.id: c for c in store.councils()}
    candidates = [d for d in store.documents() if d.sha256 and d.kind != "minutes" and d.meeting_id in meetings]
    stored = 0
    for done, doc in enumerate(candidates, start=1):
        progress("indicators", done, len(candidates))
        data = store.blob(doc.sha256)
        if not data or not data.startswith(b"%PDF"):
            continue
        try:
            pdf = read_pdf(data, doc.url)
            if classify(pdf) != "indicators":
                continue
            # Table extraction is slow, so only performance reports pay for it.
            report = parse_indicator_report(read_pdf(data, doc.url, tables=True))
        except MinutesMinerError as exc:
            store.record_failure(doc.url, "indicators", str(exc))
            continue
        council = councils[meetings[doc.meeting_id].council_id]
        indicators, values = indicator_records(council, report, doc.id)
        store.save_indicators(council, indicators, values, [replace(doc, kind="indicators")])
        stored += len(values)
    return stored


def link_store(store: Store) -> int:
    links = link_statements(store.statements(), store.indicators())
    store.replace_links(links)
    return len(links)


# ---------------------------------------------------------------------------- ingest saved files
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
