"""Indicators and link stages: performance-report PDFs into indicator records; statements linked to them."""
from __future__ import annotations

from dataclasses import replace

from minutes_miner.dates import period_end
from minutes_miner.errors import MinutesMinerError
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.link import link_statements
from minutes_miner.models import (
    Council,
    Indicator,
    IndicatorReport,
    IndicatorValue,
)
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
