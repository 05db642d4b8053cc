"""Read a saved file (text, HTML page, GetMeeting XML, PDF) into the stage payloads: minutes as
`MinutesText`, performance reports as `IndicatorReport`. Used by `analyse` (no store) and `ingest`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutes_miner.errors import MinutesMinerError, ParseError
from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.printed_minutes import parse_printed_minutes
from minutes_miner.models import Committee, Council, IndicatorReport, ItemText, MinutesText, ParsedMeeting
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


def read_file(path: Path, *, pdf_timeout: float = 120.0) -> FileContent:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MinutesMinerError(f"cannot read file ({exc.strerror})", where=source, hint="check the path") from exc
    kind = sniff(data, path.name)
    if kind == "pdf":
        pdf = read_pdf(data, source, timeout=pdf_timeout)
        what = classify(pdf)
        if what == "indicators":
            # Table extraction is slow, so only performance reports pay for it.
            pdf = read_pdf(data, source, timeout=pdf_timeout, tables=True)
            return FileContent(source=source, indicators=parse_indicator_report(pdf), kind="indicators")
        if what == "minutes":
            return FileContent(source=source, minutes=parse_printed_minutes(pdf))
        text = "\n".join(page.text for page in pdf.pages)
        return FileContent(source=source, minutes=minutes_from_text(text, source), kind=what)
    if kind == "xml":
        council = Council(name="Local files", base_url=path.parent.resolve().as_uri() + "/")
        committee = Committee(council_id=council.id, name="Unknown committee")
        parsed = parse_meeting(data, council, committee, council.base_url, source=source)
        return FileContent(source=source, minutes=minutes_from_parsed_meeting(parsed), meeting=parsed)
    if kind == "html":
        minutes = parse_meeting_page(data, source)
        if minutes is None:
            minutes = minutes_from_text(page_text(data), source)
        return FileContent(source=source, minutes=minutes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise ParseError("the file is empty", where=source, hint="give a file with minutes text in it")
    return FileContent(source=source, minutes=minutes_from_text(text, source))
