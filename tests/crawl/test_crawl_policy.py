"""The no-refetch policy: pages and documents already stored are not fetched again unless --refresh,
except meetings whose minutes were not yet published; refreshes are conditional where the server
sends validators; every request is a GET."""
from __future__ import annotations

import pytest
import requests

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.mockserver.synthetic import synthetic_site
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

FAST = FetchConfig(delay=0.0, retries=0)


@pytest.mark.parametrize("web_service", [True, False], ids=["web-service", "html-pages"])
def test_recrawl_fetches_only_listings_and_unpublished_meetings(tmp_path, web_service):
    with serve(sample_site(), web_service=web_service) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(), FAST)
        unpublished = [m for m in store.meetings() if not m.minutes_published]
        start = len(server.requests)
        again = crawl(store, server.base_url, CrawlOptions(), FAST)
        repeated = server.requests[start:]
    assert again.new == 0 and again.unchanged == 14 and again.document_downloads == 0
    assert not [r for r in repeated if "/documents/" in r or "mgConvert2PDF" in r]
    assert [m.date.isoformat() for m in unpublished] == ["2025-03-18"]
    meeting_requests = [r for r in repeated if "GetMeeting?" in r or "ieListDocuments" in r]
    assert meeting_requests == (["/moderngov/mgWebService.asmx/GetMeeting?lMeetingId=4420"] if web_service
                                else ["/moderngov/ieListDocuments.aspx?CId=131&MId=4420"])


def test_minutes_published_since_last_crawl_are_picked_up(tmp_path):
    site = sample_site()
    future = site.meeting(4420)
    with serve(site) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        meeting_id = next(m.id for m in store.meetings() if m.date.isoformat() == "2025-03-18")
        assert not any(i["minutes_text"] for i in store.items(meeting_id))
        future.minutes_published = True
        future.items[0].minutes_html = "<p>Apologies were received from Councillor Okoro.</p>"
        again = crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        assert again.changed == 1
        assert store.items(meeting_id)[0]["minutes_text"] == "Apologies were received from Councillor Okoro."
        assert store.meeting(meeting_id).minutes_published
        start = len(server.requests)
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FAST)
        # Published now: no longer re-checked.
        assert not [r for r in server.requests[start:] if "GetMeeting?" in r]


def test_refresh_revalidates_documents_with_conditional_requests(tmp_path):
    site = synthetic_site(meetings=4, items_per_meeting=3, documents_per_meeting=2)
    with serve(site, conditional=True) as server, open_store(tmp_path / "x.db") as store:
        first = crawl(store, server.base_url, CrawlOptions(), FAST)
        refreshed = crawl(store, server.base_url, CrawlOptions(refresh=True), FAST)
        doc = next(iter(site.documents.values()))
        doc.data = doc.data.replace(b"Report by", b"Revised report by")
        changed = crawl(store, server.base_url, CrawlOptions(refresh=True), FAST)
        stored = {d.url: d for d in store.documents()}
    assert first.document_downloads == 8 and first.not_modified == 0
    assert refreshed.document_downloads == 0 and refreshed.not_modified == 8
    assert changed.document_downloads == 1 and changed.not_modified == 7
    revised = next(d for url, d in stored.items() if url.endswith(doc.path.split("/")[-1].replace(" ", "%20")))
    assert revised.size == len(doc.data)


def test_every_request_is_a_get(tmp_path):
    methods = []
    original = requests.Session.request

    def spy(self, method, url, *args, **kwargs):
        methods.append(method)
        return original(self, method, url, *args, **kwargs)

    requests.Session.request = spy
    try:
        with serve(sample_site(), web_service=False) as server, open_store(tmp_path / "x.db") as store:
            crawl(store, server.base_url, CrawlOptions(committees=("137",)), FAST)
    finally:
        requests.Session.request = original
    assert methods and set(methods) == {"GET"}
