"""Indicators and link stages: performance-report PDFs into indicator records; statements linked to them."""
from __future__ import annotations

from dataclasses import replace

from minutes_miner.dates import period_end
from minutes_miner.errors import MinutesMinerError, NotAPDFError, PDFError
from minutes_miner.extract.files import unexpected_parse_error
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.pdf import PdfJob, PdfText, classify, read_pdfs
from minutes_miner.extract.pdf_classify import is_questions_title
from minutes_miner.link import link_statements
from minutes_miner.models import (
    Council,
    Document,
    Indicator,
    IndicatorReport,
    IndicatorValue,
)
from minutes_miner.pipeline.processed import INDICATORS_VERSION
from minutes_miner.pipeline.progress import Progress, no_progress
from minutes_miner.store import Store


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


def extract_indicators(store: Store, progress: Progress = no_progress, workers: int | None = None,
                       force: bool = False) -> int:
    """Read every stored PDF that is a performance report into indicator records; returns values stored.

    Each PDF is read once (text, and tables only when the text reads as a performance report),
    `workers` at a time (default: one per CPU), each in its own limited child process. A PDF
    that cannot be read is recorded as a failure and the batch goes on (and is tried again next
    run). A document already read with the same content (sha256) by the same extractor version is
    not read again unless `force`.
    """
    meetings = {m.id: m for m in store.meetings()}
    councils = {c.id: c for c in store.councils()}
    done_before = {} if force else store.processed("indicators")
    candidates = [d for d in store.documents() if d.sha256 and _kind_from_content(d)
                  and d.meeting_id in meetings and done_before.get(d.id) != (d.sha256, INDICATORS_VERSION)]
    jobs = (PdfJob(source=d.url, data=lambda sha=d.sha256: store.blob(sha) or b"", tables="auto", key=d)
            for d in candidates)
    stored = 0
    for done, (job, pdf) in enumerate(read_pdfs(jobs, workers=workers), start=1):
        progress("indicators", done, len(candidates))
        doc = job.key
        values = _document_indicators(store, doc, pdf, councils[meetings[doc.meeting_id].council_id])
        if values is not None:
            store.mark_processed("indicators", doc.id, doc.sha256, INDICATORS_VERSION)
            stored += values
    return stored


def _kind_from_content(doc: Document) -> bool:
    """Whether the document's kind is what its content shows, so this stage reads it: every
    document but printed minutes and questions papers their link title names as such."""
    return doc.kind != "minutes" and not (doc.kind == "questions" and is_questions_title(doc.title))


def _document_indicators(store: Store, doc: Document, pdf: PdfText | PDFError, council: Council) -> int | None:
    """Indicator values stored from one document; None when it failed (recorded, to be tried again)."""
    if isinstance(pdf, PDFError):
        # a Word file or an empty download is not a failed performance report
        if isinstance(pdf, NotAPDFError):
            return 0
        store.record_failure(doc.url, "indicators", str(pdf))
        return None
    kind = classify(pdf)
    if kind == "questions" and doc.kind != "questions":
        # a council questions paper under a link title that did not say so: the analyse stage reads it
        store.set_document_kind(doc.id, "questions")
    elif kind not in ("questions", "indicators") and doc.kind in ("questions", "indicators"):
        # labelled from its content by an earlier reading that the current one does not bear out
        store.set_document_kind(doc.id, "report")
    if kind != "indicators":
        return 0
    try:
        report = parse_indicator_report(pdf)
    except MinutesMinerError as exc:
        store.record_failure(doc.url, "indicators", str(exc))
        return None
    except Exception as exc:  # noqa: BLE001 - tried again every run: raised, it would stop every later report
        store.record_failure(doc.url, "indicators", str(unexpected_parse_error(doc.url, exc)))
        return None
    indicators, values = indicator_records(council, report, doc.id)
    store.save_indicators(council, indicators, values, [replace(doc, kind="indicators")])
    return len(values)


def link_store(store: Store) -> int:
    links = link_statements(store.statements(), store.indicators())
    store.replace_links(links)
    return len(links)
