"""Read saved files (text, HTML page, GetMeeting XML, PDF, indicators CSV) into the stage payloads:
minutes as `MinutesText`, council question papers as `MinutesText` with turns, performance reports
and indicator CSV files (the tidy format of `indicators_csv`) as `IndicatorReport`. Used by
`analyse` (no store) and `ingest`.

PDFs are read once each (text, and tables only if the text reads as a performance report), in
limited child processes, several at a time (`read_files`).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from minutes_miner.errors import MinutesMinerError, ParseError, PDFError
from minutes_miner.extract.council_questions import parse_council_questions
from minutes_miner.extract.files import read_input_file, unexpected_parse_error
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.indicators_csv import indicator_report_from_csv
from minutes_miner.extract.pdf import (
    PdfJob,
    PdfText,
    classify,
    read_pdf,
    read_pdfs,
)
from minutes_miner.extract.printed_minutes import parse_printed_minutes
from minutes_miner.models import (
    Committee,
    Council,
    IndicatorReport,
    ItemText,
    MinutesText,
    ParsedMeeting,
)
from minutes_miner.nlp import minutes_from_text
from minutes_miner.sources.moderngov.parse_html import page_text, parse_meeting_page
from minutes_miner.sources.moderngov.parse_xml import parse_meeting


@dataclass(frozen=True)
class FileContent:
    source: str
    minutes: MinutesText | None = None
    indicators: IndicatorReport | None = None
    meeting: ParsedMeeting | None = None  # when the file is a GetMeeting XML response
    kind: str = "minutes"  # minutes | indicators | questions | other
    warnings: tuple[str, ...] = ()
    pdf: PdfText | None = None  # the PDF as read, for a later stage that wants its layout again
    data: bytes = b""  # the file's bytes as read, so a later stage (ingest) never reads the file again


def sniff(data: bytes, name: str) -> str:
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF") or name.lower().endswith(".pdf"):
        return "pdf"
    if head.startswith(b"<?xml") or name.lower().endswith(".xml"):
        return "xml"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or name.lower().endswith((".html", ".htm")):
        return "html"
    return "text"


def minutes_from_parsed_meeting(parsed: ParsedMeeting) -> MinutesText:
    items = tuple(ItemText(title=i.title, text=i.minutes_text or "", number=i.number, source_url=i.source_url)
                  for i in parsed.items)
    return MinutesText(source=parsed.meeting.source_url, items=items, committee=parsed.committee.name,
                       date=parsed.meeting.date, attendance=parsed.attendees)


def content_from_pdf(pdf: PdfText) -> FileContent:
    """Route a read PDF to its parser: performance report, council questions, printed minutes or plain text."""
    what = classify(pdf)
    common = {"source": pdf.source, "kind": what, "warnings": pdf.warnings, "pdf": pdf}
    if what == "indicators":
        return FileContent(indicators=parse_indicator_report(pdf), **common)
    if what == "questions":
        return FileContent(minutes=parse_council_questions(pdf), **common)
    if what == "minutes":
        return FileContent(minutes=parse_printed_minutes(pdf), **common)
    text = "\n".join(page.text for page in pdf.pages)
    return FileContent(minutes=minutes_from_text(text, pdf.source), **common)


def _is_pdf(path: Path) -> bool:
    if path.name.lower().endswith(".pdf"):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def read_file(path: Path, *, pdf_timeout: float | None = None) -> FileContent:
    source = str(path)
    data = read_input_file(path)
    if path.suffix.lower() == ".csv":
        return FileContent(source=source, indicators=indicator_report_from_csv(data, source), kind="indicators",
                           data=data)
    kind = sniff(data, path.name)
    if kind == "pdf":
        return replace(content_from_pdf(read_pdf(data, source, timeout=pdf_timeout, tables="auto")), data=data)
    if kind == "xml":
        council = Council(name="Local files", base_url=path.parent.resolve().as_uri() + "/")
        committee = Committee(council_id=council.id, name="Unknown committee")
        parsed = parse_meeting(data, council, committee, council.base_url, source=source)
        return FileContent(source=source, minutes=minutes_from_parsed_meeting(parsed), meeting=parsed, data=data)
    if kind == "html":
        minutes = parse_meeting_page(data, source)
        if minutes is None:
            minutes = minutes_from_text(page_text(data), source)
        return FileContent(source=source, minutes=minutes, data=data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise ParseError("the file is empty", where=source, hint="give a file with minutes text in it")
    return FileContent(source=source, minutes=minutes_from_text(text, source), data=data)


def read_files(paths: Sequence[Path], *, workers: int | None = None,
               pdf_timeout: float | None = None) -> Iterator[tuple[Path, FileContent | MinutesMinerError]]:
    """(path, content or the error saying why not) for every path, in input order.

    PDFs are parsed `workers` at a time (default: one per CPU), each in its own limited child
    process; other files in this thread. One bad file never stops the batch.
    """
    is_pdf = [_is_pdf(p) for p in paths]
    loaded: dict[int, bytes] = {}  # PDF bytes read for the parser, kept until their content is handed out

    def load(index: int) -> bytes:
        loaded[index] = read_input_file(paths[index])
        return loaded[index]

    jobs = (PdfJob(source=str(p), data=lambda i=i: load(i), tables="auto", key=i)
            for i, (p, pdf) in enumerate(zip(paths, is_pdf)) if pdf)
    pdfs = read_pdfs(jobs, workers=workers, timeout=pdf_timeout)
    for path, pdf_file in zip(paths, is_pdf):
        try:
            if pdf_file:
                job, pdf = next(pdfs)
                data = loaded.pop(job.key, b"")
                if isinstance(pdf, PDFError):
                    raise pdf
                yield path, replace(content_from_pdf(pdf), data=data)
            else:
                yield path, read_file(path, pdf_timeout=pdf_timeout)
        except MinutesMinerError as exc:
            yield path, exc
        except Exception as exc:  # noqa: BLE001 - a parser tripping on a strange file fails that file only
            yield path, unexpected_parse_error(path, exc)
