"""Bad input from a site: each broken page or document is recorded with its URL and reason, the
crawl goes on, nothing already stored is lost, and a later crawl picks up what failed."""
from __future__ import annotations

import pytest

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

CONFIG = FetchConfig(delay=0.0, retries=0, max_bytes=200_000)
HTML_ERROR = b"<!DOCTYPE html><html><body><h1>Runtime Error</h1></body></html>"
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE meeting [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
<meeting><meetingid>4406</meetingid><meetinglocation>&c;</meetinglocation></meeting>"""
PERF_Q2 = "documents/s62501/CS Performance Indicators Q2 2023-24.pdf"
EARLY_HELP = "documents/s62502/Draft Early Help Strategy 2024-2027.pdf"
PERF_Q4 = "documents/s62701/CS Performance Indicators Q4 2023-24.pdf"


def _meeting(mid: int) -> str:
    return f"mgWebService.asmx/GetMeeting?lMeetingId={mid}"


FAULTS = {
    _meeting(4401): Fault(truncate=700),  # truncated XML
    _meeting(4402): Fault(status=404),
    _meeting(4403): Fault(body=b"%PDF-1.4\n%binary\n", content_type="application/pdf"),  # a PDF where XML belongs
    _meeting(4404): Fault(body=b""),  # empty body
    _meeting(4406): Fault(body=BOMB),
    PERF_Q2: Fault(body=HTML_ERROR, content_type="text/html"),  # HTML where a PDF belongs
    EARLY_HELP: Fault(body=b"%PDF-1.4\n" + b"0" * 300_000),  # over the size cap
    PERF_Q4: Fault(redirect="http://127.0.0.2:9/elsewhere/strategy.pdf"),  # redirect to another host
    "mgWebService.asmx/GetMeetings?lCommitteeId=142": Fault(status=500),
}


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("bad") / "bad.db"
    with serve(sample_site(), faults=FAULTS) as server, open_store(db) as store:
        summary = crawl(store, server.base_url, CrawlOptions(), CONFIG)
        failures = {(f.stage, f.url): f.reason for f in store.failures()}
        meetings = {m.id for m in store.meetings()}
        documents = {d.url: d for d in store.documents()}
        again = crawl(store, server.base_url, CrawlOptions(), CONFIG)
        yield server, summary, failures, meetings, documents, again, store, db


def _reason(failures: dict, stage: str, url_part: str) -> str:
    (reason,) = [r for (s, u), r in failures.items() if s == stage and url_part in u]
    return reason


def test_each_bad_meeting_is_recorded_and_the_rest_stored(faulty_crawl):
    server, summary, failures, meetings, _, _, _, _ = faulty_crawl
    base = server.base_url
    assert _reason(failures, "meeting", "MId=4401").startswith(f"{base}{_meeting(4401)}: malformed or truncated XML")
    assert f"{base}{_meeting(4402)}: HTTP 404" in _reason(failures, "meeting", "MId=4402")
    assert "malformed or truncated XML" in _reason(failures, "meeting", "MId=4403")
    assert "empty response where XML was expected" in _reason(failures, "meeting", "MId=4404")
    assert "refused unsafe XML" in _reason(failures, "meeting", "MId=4406")
    assert "GetMeetings?lCommitteeId=142" in _reason(failures, "meetings", "mgCommitteeDetails.aspx?ID=142")
    assert "HTTP 500" in _reason(failures, "meetings", "mgCommitteeDetails.aspx?ID=142")
    # 14 meetings, 5 broken, the Health and Wellbeing Board's one not listed: 8 stored.
    assert summary.new == len(meetings) == 8


def test_each_bad_document_is_recorded_and_not_stored_as_a_pdf(faulty_crawl):
    server, _, failures, _, documents, _, _, _ = faulty_crawl
    html = _reason(failures, "document", "s62501")
    assert "HTML where a document (PDF) was expected" in html
    assert "exceeds the size cap of 200000" in _reason(failures, "document", "s62502")
    assert "redirected to another host (http://127.0.0.2:9/elsewhere/strategy.pdf); not followed" in \
        _reason(failures, "document", "s62701")
    bad = [d for url, d in documents.items() if any(s in url for s in ("s62501", "s62502", "s62701"))]
    assert len(bad) == 3 and all(d.sha256 is None for d in bad)
    good = [d for d in documents.values() if d not in bad]
    assert good and all(d.sha256 and d.content_type == "application/pdf" for d in good)
    assert not any("127.0.0.2" in r for r in server.requests)


def test_the_next_crawl_recovers_what_failed(faulty_crawl):
    server, _, _, _, _, again, store, _ = faulty_crawl
    # The faults are still there on the second crawl: nothing already stored is lost or duplicated.
    assert again.new == 0 and store.stats()["meetings"] == 8
    server.faults.clear()
    third = crawl(store, server.base_url, CrawlOptions(), CONFIG)
    assert third.new == 6 and third.failed == 0 and store.stats()["meetings"] == 14
    assert store.failures() == []
    assert all(d.sha256 for d in store.documents())


def test_html_pages_bad_input(tmp_path):
    faults = {
        "ieListDocuments.aspx?CId=131&MId=4401": Fault(status=500),
        "ieListDocuments.aspx?CId=131&MId=4402": Fault(body=b"%PDF-1.4\n", content_type="application/pdf"),
        "mgMeetingAttendance.aspx?ID=4403": Fault(body=b""),
        "ieListDocuments.aspx?CId=131&MId=4405": Fault(truncate=400),
    }
    with serve(sample_site(), web_service=False, faults=faults) as server, open_store(tmp_path / "h.db") as store:
        summary = crawl(store, server.base_url, CrawlOptions(committees=("131",)), CONFIG)
        failures = {(f.stage, f.url): f.reason for f in store.failures()}
    assert "HTTP 500" in _reason(failures, "meeting", "MId=4401")
    assert "a PDF where the meeting page was expected" in _reason(failures, "meeting", "MId=4402")
    assert "empty response where the attendance page was expected" in _reason(failures, "meeting", "MId=4403")
    assert "not a ModernGov meeting page" in _reason(failures, "meeting", "MId=4405")
    assert summary.failed == 4 and summary.new == 6


def test_transfers_cut_short_are_recorded_and_the_crawl_goes_on(tmp_path):
    faults = {_meeting(4401): Fault(hang_up=300), EARLY_HELP: Fault(hang_up=1000)}
    with serve(sample_site(), faults=faults) as server, open_store(tmp_path / "cut.db") as store:
        summary = crawl(store, server.base_url, CrawlOptions(), CONFIG)
        failures = {(f.stage, f.url): f.reason for f in store.failures()}
        documents = {d.url: d for d in store.documents()}
    assert _reason(failures, "meeting", "MId=4401").startswith(f"{server.base_url}{_meeting(4401)}: network error")
    assert "IncompleteRead" in _reason(failures, "document", "s62502")
    assert summary.new == 13 and summary.failed == 2
    early_help = next(d for url, d in documents.items() if "s62502" in url)
    assert early_help.sha256 is None
