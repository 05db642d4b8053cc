"""Analyse stage: stored minutes (HTML or printed PDF) and council questions papers through the
NLP into statements."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from minutes_miner import nlp
from minutes_miner.errors import MinutesMinerError, PDFError
from minutes_miner.extract.files import unexpected_parse_error
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
from minutes_miner.pipeline.processed import (
    MINUTES_KINDS,
    meeting_input_hash,
    nlp_version,
)
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.pipeline.questions_papers import (
    FIRST_QUESTION_POSITION,
    has_stored_items,
    is_question_item,
    question_items,
    stale_question_items,
)
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


def _stored_minutes(store: Store, meeting_id: str, items: list[dict]) -> MinutesText | None:
    row = store.meeting(meeting_id)
    attendance = tuple(
        AttendeeMention(name=p.name, kind="chair" if (a.role or "").lower().startswith("chair") else p.kind,
                        title=a.role or p.title, status=a.status, party=p.party, ward=p.ward)
        for p, a in store.attendees(meeting_id)
    )
    if not any(i["minutes_text"] for i in items):
        return None
    return MinutesText(
        source=row.source_url if row else meeting_id,
        items=tuple(ItemText(title=i["title"], text=i["minutes_text"] or "", number=i["number"],
                             source_url=i["source_url"]) for i in items),
        committee=row.committee if row else None, date=row.date if row else None, attendance=attendance)


def _match_item(pdf_item: ItemText, items: list[dict]) -> dict | None:
    for item in items:
        if pdf_item.number and item["number"] and pdf_item.number.strip(".") == item["number"].strip("."):
            return item
    wanted = name_key(pdf_item.title or "")
    return next((i for i in items if wanted and name_key(i["title"] or "") == wanted), None)


def member_roster(known: Sequence[Person]) -> list[Person]:
    """The members the NLP may expand a surname to. Where the council's own roster (people with
    an external ID) has a member of a surname, people of that surname met only as named speakers
    (a questions paper's "Gideon Marsh") are left out: "Councillor Marsh" in minutes is the
    rostered member, whichever meetings were analysed first."""
    members = [p for p in known if p.kind in {"member", "chair", "cabinet_member"}]
    rostered = {p.key for p in members if p.external_id}
    return [p for p in members if p.external_id or p.key not in rostered]


@dataclass(frozen=True)
class MeetingPdfs:
    """The stored PDFs a meeting's analysis reads."""

    minutes: Document | None  # printed minutes, when the meeting's items carry no minutes text of their own
    questions: tuple[Document, ...] = ()  # council questions papers: their turns are not stored, so always re-read

    def all(self) -> tuple[Document, ...]:
        return ((self.minutes,) if self.minutes else ()) + self.questions


def meeting_pdfs(store: Store, meeting_id: str) -> MeetingPdfs:
    docs = [d for d in store.documents(meeting_id) if d.sha256 and d.kind in MINUTES_KINDS]
    questions = tuple(d for d in docs if d.kind == "questions")
    if any(i["minutes_text"] for i in store.items(meeting_id) if not is_question_item(i)):
        return MeetingPdfs(None, questions)
    return MeetingPdfs(next((d for d in docs if d.kind == "minutes"), None), questions)


def _minutes_from_pdf(pdf: PdfText, doc: Document, meeting_id: str, items: list[dict]) -> tuple[MinutesText, list[AgendaItem]]:
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
        texts.append(replace(pdf_item, title=item.title, number=item.number, source_url=source_url))
    return replace(minutes, items=tuple(texts)), updated


PdfResults = Mapping[str, "PdfText | PDFError"]


def analyse_meeting(store: Store, meeting_id: str, resolver: PersonResolver, roster: Sequence[Person],
                    read: PdfResults | None = None) -> int:
    """Extract (PDF minutes and questions papers if need be), run the NLP and store statements;
    returns how many, or -1 for a meeting without minutes.

    `read`: the meeting's PDFs already read (or the errors reading them), by document ID.
    """
    prepared = _prepare(store, meeting_id, meeting_pdfs(store, meeting_id), read or {})
    if prepared is None:
        return -1
    return _save(store, meeting_id, prepared, nlp.analyse(prepared.minutes, roster), resolver)


@dataclass
class _Prepared:
    minutes: MinutesText
    item_ids: list[str]
    updated: list[AgendaItem]
    dropped: list[str] = field(default_factory=list)  # stored question items no paper gives any more
    unread: list[PDFError] = field(default_factory=list)  # questions papers that could not be read


def _read(store: Store, doc: Document, read: PdfResults) -> PdfText:
    pdf = read.get(doc.id)
    if isinstance(pdf, PDFError):
        raise pdf
    return pdf if pdf is not None else read_pdf(store.blob(doc.sha256), doc.url)


def _prepare(store: Store, meeting_id: str, pdfs: MeetingPdfs, read: PdfResults) -> _Prepared | None:
    """The minutes to analyse (printed minutes from their PDF, else the stored items' text) with
    the questions of the meeting's questions papers, or None for a meeting with neither.

    A printed-minutes PDF that cannot be read fails the meeting; a questions paper that cannot be
    read is left out (and reported), so that it does not hold back the minutes, unless questions
    read from it before are stored: then the meeting fails and keeps its last analysis."""
    stored = store.items(meeting_id)
    agenda = [i for i in stored if not is_question_item(i)]
    minutes, item_ids, updated = None, [], []
    papers: list[tuple[Document, PdfText]] = []
    unread: list[PDFError] = []
    if pdfs.minutes is not None:
        pdf = _read(store, pdfs.minutes, read)
        if classify(pdf) == "questions":
            papers.append((pdfs.minutes, pdf))  # "printed minutes" that are a questions paper
        else:
            minutes, updated = _minutes_from_pdf(pdf, pdfs.minutes, meeting_id, agenda)
            item_ids = [i.id for i in updated]
    else:
        minutes = _stored_minutes(store, meeting_id, agenda)
        item_ids = [i["id"] for i in agenda] if minutes is not None else []
    for doc in pdfs.questions:
        try:
            papers.append((doc, _read(store, doc, read)))
        except PDFError as exc:
            if has_stored_items(stored, doc):
                raise  # analysed without the paper, the questions stored from it would be dropped
            unread.append(exc)
    questions: list[ItemText] = []
    asked: list[AgendaItem] = []
    for doc, pdf in papers:
        if classify(pdf) != "questions":
            continue  # titled like a questions paper, but not one
        texts, items = question_items(pdf, doc, meeting_id, FIRST_QUESTION_POSITION + len(asked))
        questions += texts
        asked += items
    if minutes is None and not questions:
        if unread:
            raise unread[0]
        return None
    row = store.meeting(meeting_id)
    minutes = minutes or MinutesText(source=row.source_url if row else meeting_id, items=())
    minutes = replace(minutes, items=minutes.items + tuple(questions),
                      committee=minutes.committee or (row.committee if row else None),
                      date=minutes.date or (row.date if row else None))
    return _Prepared(minutes, item_ids + [i.id for i in asked], updated + asked,
                     stale_question_items(stored, asked), unread)


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
    store.save_analysis(meeting_id, statements, resolver.people(), attendance, items=prepared.updated,
                        drop_items=prepared.dropped)
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
    pdf_docs = {m.id: meeting_pdfs(store, m.id) for m in meetings}
    jobs = (PdfJob(source=doc.url, data=lambda sha=doc.sha256: store.blob(sha) or b"", key=doc.id)
            for docs in pdf_docs.values() for doc in docs.all())
    pdfs = read_pdfs(jobs, workers=workers)

    def finish(meeting, count: int, unread: Sequence[PDFError] = ()) -> None:
        if count < 0:
            summary.skipped += 1
        else:
            summary.meetings += 1
            summary.statements += count
            store.clear_failure(meeting.source_url, "analyse")
        if unread:
            # the minutes are stored; a questions paper that could not be read is tried again next run
            fail(meeting, unread[0])
            return
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
            read = {doc.id: next(pdfs)[1] for doc in pdf_docs[meeting.id].all()}
            if meeting.council_id not in resolvers:
                known = store.persons(meeting.council_id)
                resolvers[meeting.council_id] = PersonResolver(meeting.council_id, known)
                rosters[meeting.council_id] = member_roster(known)
            try:
                batch.append((meeting, _prepare(store, meeting.id, pdf_docs[meeting.id], read)))
            except MinutesMinerError as exc:
                batch.append((meeting, exc))
            except Exception as exc:  # noqa: BLE001 - tried again every run: raised, it would stop every later meeting
                files = ", ".join(d.url for d in pdf_docs[meeting.id].all()) or meeting.source_url
                batch.append((meeting, unexpected_parse_error(files, exc)))
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
                    finish(meeting, _save(store, meeting.id, prepared, result, resolvers[meeting.council_id]),
                           prepared.unread)
                except MinutesMinerError as exc:
                    fail(meeting, exc)
            progress("analyse", done, len(meetings))
    return summary
