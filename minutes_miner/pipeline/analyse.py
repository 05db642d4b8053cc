"""Analyse stage: stored minutes (HTML or printed PDF) through the NLP into statements."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from minutes_miner import nlp
from minutes_miner.errors import MinutesMinerError, PDFError
from minutes_miner.extract.council_questions import parse_council_questions
from minutes_miner.extract.pdf import PdfJob, PdfText, classify, read_pdf, read_pdfs
from minutes_miner.extract.printed_minutes import parse_printed_minutes
from minutes_miner.models import (
    AgendaItem,
    AnalysedDocument,
    Attendance,
    AttendeeMention,
    Document,
    ItemText,
    MinutesText,
    Person,
    Statement,
    name_key,
)
from minutes_miner.pipeline.processed import meeting_input_hash, nlp_version
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.resolve import PersonResolver
from minutes_miner.store import Store

# Meetings read and analysed together: enough documents to keep every worker busy, few enough
# that their text is not all held at once.
_NLP_BATCH = 32


@dataclass
class AnalyseSummary:
    meetings: int = 0
    statements: int = 0
    skipped: int = 0
    failed: int = 0
    unchanged: int = 0  # analysed before from the same input by the same NLP: not analysed again


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


def pdf_minutes_document(store: Store, meeting_id: str) -> Document | None:
    """The stored PDF a meeting's minutes are read from: a council questions paper (its turns
    are not kept in the store, so it is always re-read), or printed minutes when the meeting's
    items carry no minutes text of their own."""
    docs = [d for d in store.documents(meeting_id) if d.sha256 and d.kind in ("minutes", "questions")]
    questions = next((d for d in docs if d.kind == "questions"), None)
    if questions is not None:
        return questions
    if any(i["minutes_text"] for i in store.items(meeting_id)):
        return None
    return next((d for d in docs if d.kind == "minutes"), None)


def _minutes_from_pdf(pdf: PdfText, doc: Document, meeting_id: str, items: list[dict]) -> tuple[MinutesText, list[AgendaItem]]:
    minutes = parse_council_questions(pdf) if classify(pdf) == "questions" else parse_printed_minutes(pdf)
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
        texts.append(replace(pdf_item, title=item.title, number=item.number, source_url=source_url))
    return replace(minutes, items=tuple(texts)), updated


def analyse_meeting(store: Store, meeting_id: str, resolver: PersonResolver, roster: Sequence[Person],
                    pdf: PdfText | PDFError | None = None) -> int:
    """Extract (PDF minutes if need be), run the NLP and store statements; returns how many,
    or -1 for a meeting without minutes.

    `pdf`: the meeting's minutes PDF already read, or the error reading it.
    """
    return _analyse(store, meeting_id, pdf_minutes_document(store, meeting_id), resolver, roster, pdf)


def _analyse(store: Store, meeting_id: str, doc: Document | None, resolver: PersonResolver, roster: Sequence[Person],
             pdf: PdfText | PDFError | None) -> int:
    prepared = _prepare(store, meeting_id, doc, pdf)
    if prepared is None:
        return -1
    return _save(store, meeting_id, prepared, nlp.analyse(prepared.minutes, roster), resolver)


@dataclass
class _Prepared:
    minutes: MinutesText
    item_ids: list[str]
    updated: list[AgendaItem]


def _prepare(store: Store, meeting_id: str, doc: Document | None, pdf: PdfText | PDFError | None) -> _Prepared | None:
    """The minutes to analyse (from the PDF when `doc`), or None for a meeting without minutes."""
    updated: list[AgendaItem] = []
    if doc is not None:
        if isinstance(pdf, PDFError):
            raise pdf
        if pdf is None:
            pdf = read_pdf(store.blob(doc.sha256), doc.url)
        items = store.items(meeting_id)
        minutes, updated = _minutes_from_pdf(pdf, doc, meeting_id, items)
        item_ids = [i.id for i in updated]
        row = store.meeting(meeting_id)
        minutes = replace(minutes, committee=minutes.committee or (row.committee if row else None),
                          date=minutes.date or (row.date if row else None))
    else:
        minutes, items = _stored_minutes(store, meeting_id)
        if minutes is None:
            return None
        item_ids = [i["id"] for i in items]
    return _Prepared(minutes, item_ids, updated)


def _save(store: Store, meeting_id: str, prepared: _Prepared, analysed: AnalysedDocument, resolver: PersonResolver) -> int:
    minutes = prepared.minutes
    attendees = [resolver.attendee(a) for a in minutes.attendance]
    attendance = [Attendance(meeting_id, p.id, a.title, a.status) for p, a in zip(attendees, minutes.attendance)]
    statements = []
    for item_id, item, text in zip(prepared.item_ids, analysed.items, minutes.items):
        for position, s in enumerate(item.statements):
            person = resolver.speaker(s.speaker, s.speaker_key, s.speaker_kind, attendees)
            statements.append(Statement(
                item_id=item_id, position=position, text=s.text, act=s.act, speaker_id=person.id if person else None,
                speaker=person.name if person and s.speaker_kind not in {"group"} else s.speaker,
                speaker_key=s.speaker_key, speaker_kind=s.speaker_kind, answers_position=s.answers,
                section=s.section, concerns=s.concerns, source_url=text.source_url, page=text.page,
            ))
    store.save_analysis(meeting_id, statements, resolver.people(), attendance, items=prepared.updated)
    return len(statements)


def analyse_store(store: Store, meeting_ids: Sequence[str] | None = None, progress: Progress = no_progress,
                  workers: int | None = None, force: bool = False) -> AnalyseSummary:
    """Analyse stored meetings; minutes PDFs are read, and the minutes analysed (when there is
    enough text to repay starting worker processes), `workers` at a time (default: one per CPU).

    A meeting analysed before from the same input (items, attendance, minutes PDF) by the same NLP
    version is not analysed again (counted `unchanged`) unless `force`.
    """
    summary = AnalyseSummary()
    version = nlp_version()
    done_before = {} if force else store.processed("analyse")
    meetings = []
    for m in store.meetings():
        if meeting_ids is not None and m.id not in meeting_ids:
            continue
        if done_before.get(m.id) == (meeting_input_hash(store, m.id), version):
            summary.unchanged += 1
            continue
        meetings.append(m)
    resolvers: dict[str, PersonResolver] = {}
    rosters: dict[str, list[Person]] = {}
    pdf_docs = {m.id: pdf_minutes_document(store, m.id) for m in meetings}
    jobs = (PdfJob(source=doc.url, data=lambda sha=doc.sha256: store.blob(sha) or b"", key=mid)
            for mid, doc in pdf_docs.items() if doc is not None)
    pdfs = read_pdfs(jobs, workers=workers)

    def finish(meeting, count: int) -> None:
        if count < 0:
            summary.skipped += 1
        else:
            summary.meetings += 1
            summary.statements += count
            store.clear_failure(meeting.source_url, "analyse")
        store.mark_processed("analyse", meeting.id, meeting_input_hash(store, meeting.id), version)

    def fail(meeting, exc: MinutesMinerError) -> None:
        # Keyed by the meeting (the reason names the PDF at fault), so that success clears it.
        # Not marked processed: the next run tries again.
        store.record_failure(meeting.source_url, "analyse", str(exc))
        summary.failed += 1

    done = 0
    for start in range(0, len(meetings), _NLP_BATCH):
        # A batch's minutes are read (PDFs in their own processes), analysed `workers` documents
        # at a time, then stored in meeting order.
        batch = []
        for meeting in meetings[start:start + _NLP_BATCH]:
            doc = pdf_docs[meeting.id]
            pdf = next(pdfs)[1] if doc is not None else None
            if meeting.council_id not in resolvers:
                known = store.persons(meeting.council_id)
                resolvers[meeting.council_id] = PersonResolver(meeting.council_id, known)
                rosters[meeting.council_id] = [p for p in known if p.kind in {"member", "chair", "cabinet_member"}]
            try:
                batch.append((meeting, _prepare(store, meeting.id, doc, pdf)))
            except MinutesMinerError as exc:
                batch.append((meeting, exc))
        to_analyse = [(m, p) for m, p in batch if isinstance(p, _Prepared)]
        results = dict(zip((m.id for m, _ in to_analyse), nlp.analyse_many(
            [p.minutes for _, p in to_analyse], [rosters[m.council_id] for m, _ in to_analyse], workers=workers)))
        for meeting, prepared in batch:
            done += 1
            result = results.get(meeting.id)
            if isinstance(prepared, MinutesMinerError) or isinstance(result, MinutesMinerError):
                fail(meeting, prepared if isinstance(prepared, MinutesMinerError) else result)
            elif prepared is None:
                finish(meeting, -1)
            else:
                try:
                    finish(meeting, _save(store, meeting.id, prepared, result, resolvers[meeting.council_id]))
                except MinutesMinerError as exc:
                    fail(meeting, exc)
            progress("analyse", done, len(meetings))
    return summary
