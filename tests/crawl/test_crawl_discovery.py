"""Discovery: the web service when it answers, the HTML pages when it does not, at any path prefix,
with the same store either way; and a clear error for a site that is not ModernGov."""
from __future__ import annotations

from datetime import date

import pytest
from dump import canonical_dump

from minutes_miner.errors import NotModernGovError
from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

FAST = FetchConfig(delay=0.0, retries=0)
# What a meeting is made of; fetches/blobs differ by design (XML pages versus HTML pages), and so
# do the hashes in `processed` of the meetings as each way parsed them.
CONTENT_TABLES_SKIPPED = ("fetches", "blobs", "failures", "crawl_runs", "crawl_done", "processed")


@pytest.fixture(scope="module")
def site():
    return sample_site()


@pytest.mark.parametrize("prefix", ["/meetings/", "/"])
def test_web_service_and_html_pages_give_the_same_store(site, tmp_path, prefix):
    with serve(site, base_path=prefix) as server:
        with open_store(tmp_path / "ws.db") as store:
            by_service = crawl(store, server.base_url, CrawlOptions(), FAST)
        server.web_service = False
        first = len(server.requests)
        with open_store(tmp_path / "html.db") as store:
            by_pages = crawl(store, server.base_url, CrawlOptions(), FAST)
            perf = next(i for m in store.meetings() for i in store.items(m.id)
                        if i["external_id"] == "44014")
            attendance = {p.name: (p.kind, a.role, a.status) for p, a in store.attendees(perf["meeting_id"])}
            documents = {d.title: d for d in store.documents()}
    assert (by_service.mode, by_pages.mode) == ("web service", "HTML pages")
    assert by_service.new == by_pages.new == 14 and by_pages.failed == 0 and by_pages.documents == 15
    # The HTML crawl asked the web service once, for the committee list, and then read pages only.
    assert [r for r in server.requests[first:] if "mgWebService" in r] == [
        f"{prefix}mgWebService.asmx/GetCommittees?lDummy=0"]
    # Real content came through the HTML pages: minutes text, attendees with roles, documents.
    assert perf["title"] == "Children's Services Performance Indicators – Quarter 2 2022/23"
    assert "undertook to circulate a breakdown of EHCP timeliness by locality" in perf["minutes_text"]
    assert perf["source_url"] == server.base_url + "mgAi.aspx?ID=44014"
    assert attendance["Councillor Margaret Holloway"] == ("chair", "Chair", "present")
    assert attendance["Councillor Imran Siddiqui"][2] == "apologies"
    assert attendance["Andrew Kilbride"] == ("officer", "Corporate Director of Children's Services", "present")
    printed = next(d for t, d in documents.items() if t.startswith("Printed minutes 19th-Mar-2024"))
    assert printed.kind == "minutes" and printed.sha256 and printed.content_type == "application/pdf"
    ws = canonical_dump(tmp_path / "ws.db", CONTENT_TABLES_SKIPPED)
    html = canonical_dump(tmp_path / "html.db", CONTENT_TABLES_SKIPPED)
    assert set(ws) == set(html)
    for table in ws:
        assert ws[table] == html[table], table


@pytest.mark.parametrize("behaviour", [
    Fault(status=500, body=b"<html><body>Server Error in '/' Application.</body></html>",
          content_type="text/html"),
    Fault(body=b"<html><body><h1>Web service disabled</h1></body></html>", content_type="text/html"),
])
def test_broken_web_service_falls_back_to_html(site, tmp_path, behaviour):
    with serve(site, base_path="/ecminutes/", faults={"mgWebService.asmx/GetCommittees": behaviour}) as server, \
            open_store(tmp_path / "x.db") as store:
        summary = crawl(store, server.base_url, CrawlOptions(committees=("137",)), FAST)
    assert summary.mode == "HTML pages" and summary.new == 3 and summary.failed == 0


def test_html_crawl_limits_years_to_the_date_range(site, tmp_path):
    with serve(site, web_service=False) as server, open_store(tmp_path / "x.db") as store:
        options = CrawlOptions(committees=("Children",), since=date(2024, 1, 1), until=date(2024, 12, 31))
        summary = crawl(store, server.base_url, options, FAST)
        dates = sorted(m.date.isoformat() for m in store.meetings())
    assert summary.new == len(dates) == 4 and all(d.startswith("2024") for d in dates)
    listings = [r for r in server.requests if "ieListMeetings" in r]
    assert sorted(listings) == sorted(["/moderngov/ieListMeetings.aspx?CId=131&Year=0",
                                       "/moderngov/ieListMeetings.aspx?CId=131&Year=2024"])


def test_not_moderngov_names_the_endpoints_tried(site, tmp_path):
    blog = Fault(body=b"<html><head><title>My allotment blog</title></head><body>Leeks</body></html>",
                 content_type="text/html")
    with serve(site, base_path="/", web_service=False, faults={"mgListCommittees.aspx": blog}) as server, \
            open_store(tmp_path / "x.db") as store:
        with pytest.raises(NotModernGovError) as err:
            crawl(store, server.base_url, CrawlOptions(), FAST)
        assert store.stats()["meetings"] == 0 and store.crawl_runs() == []
    message = str(err.value)
    assert "does not look like a ModernGov site" in message
    assert f"{server.base_url}mgWebService.asmx/GetCommittees?lDummy=0" in message and "HTTP 404" in message
    assert f"{server.base_url}mgListCommittees.aspx" in message and "not a ModernGov committee list" in message
