"""analyse_store: a meeting whose minutes PDF cannot be read, or trips the minutes parser, is
recorded as a failure naming the PDF (the other meetings are analysed), and the failure is cleared
once the meeting analyses."""
from __future__ import annotations

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.pipeline import analyse_store, crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

PRINTED = "documents/g4406/Printed minutes 19th-Mar-2024 10.00 Childrens Services Overview and Scrutiny Committee.pdf"
FAST = FetchConfig(delay=0.0, retries=0)


def test_a_pdf_failure_is_recorded_against_the_meeting_and_cleared_on_recovery(tmp_path):
    broken = Fault(body=b"%PDF-1.4\n" + b"\x00" * 2000, content_type="application/pdf")
    with serve(sample_site(), faults={PRINTED: broken}) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        meeting = next(m for m in store.meetings() if m.date.isoformat() == "2024-03-19")
        first = analyse_store(store, [meeting.id], workers=1)
        failures = [(f.url, f.stage, f.reason) for f in store.failures()]
        server.faults.clear()
        crawl(store, server.base_url, CrawlOptions(committees=("131",), refresh=True), FAST)
        second = analyse_store(store, [meeting.id], workers=1)
        assert store.failures() == []
    assert first.failed == 1
    [(url, stage, reason)] = failures
    assert (url, stage) == (meeting.source_url, "analyse")
    assert "Printed%20minutes%2019th-Mar-2024" in reason and "corrupt" in reason
    assert second.meetings == 1 and second.statements > 0


def test_each_meeting_s_pdfs_are_looked_up_once(tmp_path, monkeypatch):
    from minutes_miner.pipeline import analyse as analyse_module

    looked_up: list[str] = []
    real = analyse_module.meeting_pdfs

    def counting(store, meeting_id):
        looked_up.append(meeting_id)
        return real(store, meeting_id)

    monkeypatch.setattr(analyse_module, "meeting_pdfs", counting)
    with serve(sample_site()) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        summary = analyse_store(store, workers=1)
        printed = next(m for m in store.meetings() if m.date.isoformat() == "2024-03-19")
        printed_statements = [s for s in store.statements() if s.source_url and "Printed%20minutes" in s.source_url]
        meeting_ids = sorted(m.id for m in store.meetings())
    assert summary.meetings > 1 and summary.failed == 0
    assert sorted(looked_up) == meeting_ids  # once per meeting
    assert printed.id in looked_up and printed_statements


def test_a_minutes_pdf_that_trips_the_parser_fails_its_meeting_only(tmp_path, trip_parser):
    from minutes_miner.pipeline import analyse as analyse_module

    trip_parser(analyse_module, "parse_printed_minutes", "Printed%20minutes%2019th-Mar-2024", KeyError("column"))
    with serve(sample_site()) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        summary = analyse_store(store, workers=1)
        printed = next(m for m in store.meetings() if m.date.isoformat() == "2024-03-19")
        failures = [(f.url, f.stage, f.reason) for f in store.failures()]
    assert summary.failed == 1 and summary.meetings > 1
    [(url, stage, reason)] = failures
    assert (url, stage) == (printed.source_url, "analyse")
    assert "Printed%20minutes%2019th-Mar-2024" in reason and "could not be parsed (KeyError: 'column')" in reason
