"""Mock server options: any path prefix, web service off, faults, validators, synthetic council."""
from __future__ import annotations

import io

import pdfplumber
import requests

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.mockserver.synthetic import synthetic_site
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store


def test_no_prefix_and_web_service_off():
    with serve(sample_site(), base_path="/", web_service=False) as server:
        assert server.base_url.endswith(f":{server.port}/")
        assert requests.get(server.base_url + "mgListCommittees.aspx", timeout=10).status_code == 200
        off = requests.get(server.base_url + "mgWebService.asmx/GetCommittees", timeout=10)
        assert off.status_code == 404 and off.headers["Content-Type"].startswith("text/html")
        assert requests.get(server.base_url + "robots.txt", timeout=10).status_code == 200


def test_faults_match_page_and_query_and_can_be_limited():
    faults = {"mgWebService.asmx/GetMeeting?lMeetingId=4401": Fault(status=503, times=1),
              "mgAi.aspx": Fault(truncate=20)}
    with serve(sample_site(), faults=faults) as server:
        url = server.base_url + "mgWebService.asmx/GetMeeting?lMeetingId=4401"
        assert requests.get(url, timeout=10).status_code == 503
        assert requests.get(url, timeout=10).status_code == 200  # only the first time
        assert requests.get(server.base_url + "mgWebService.asmx/GetMeeting?lMeetingId=4402", timeout=10).ok
        assert len(requests.get(server.base_url + "mgAi.aspx?ID=44014", timeout=10).content) == 20
        moved = Fault(redirect="http://127.0.0.2:9/x.pdf")
        server.faults["documents/s62101/CS Performance Indicators Q2 2022-23.pdf"] = moved
        reply = requests.get(server.base_url + "documents/s62101/CS%20Performance%20Indicators%20Q2%202022-23.pdf",
                             timeout=10, allow_redirects=False)
        assert reply.status_code == 302 and reply.headers["Location"] == "http://127.0.0.2:9/x.pdf"


def test_documents_carry_validators_and_answer_304():
    with serve(sample_site(), conditional=True) as server:
        url = server.base_url + "documents/s62101/CS%20Performance%20Indicators%20Q2%202022-23.pdf"
        first = requests.get(url, timeout=10)
        etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
        assert requests.get(url, headers={"If-None-Match": etag}, timeout=10).status_code == 304
        assert requests.get(url, headers={"If-Modified-Since": modified}, timeout=10).status_code == 304
        assert requests.get(url, headers={"If-None-Match": '"other"'}, timeout=10).status_code == 200
        page = requests.get(server.base_url + "mgListCommittees.aspx", timeout=10)
        assert "ETag" not in page.headers  # like ModernGov, pages carry none


def test_synthetic_council_is_large_deterministic_and_valid():
    site = synthetic_site()
    assert len(site.meetings) >= 200
    assert sum(len(m.items) for m in site.meetings) >= 2000 and len(site.documents) >= 1000
    assert synthetic_site(meetings=5).meetings[3].items[2].minutes_html == \
        synthetic_site(meetings=5).meetings[3].items[2].minutes_html
    doc = next(iter(site.documents.values()))
    with pdfplumber.open(io.BytesIO(doc.read_bytes())) as pdf:
        assert pdf.pages[0].extract_text().splitlines()[0] == doc.title


def test_scaled_down_synthetic_council_crawls_completely(tmp_path):
    site = synthetic_site(meetings=20, items_per_meeting=6, documents_per_meeting=3)
    expected = [m for m in site.meetings if m.status != "Cancelled"]
    with serve(site) as server, open_store(tmp_path / "s.db") as store:
        summary = crawl(store, server.base_url, CrawlOptions(), FetchConfig(delay=0.0, retries=0))
        stored = store.meetings()
        items = sum(len(store.items(m.id)) for m in stored)
        documents = store.documents()
        minutes = [i["minutes_text"] for m in stored for i in store.items(m.id) if i["minutes_text"]]
        attendance = sum(len(store.attendees(m.id)) for m in stored)
    assert summary.failed == 0 and summary.new == len(stored) == len(expected)
    assert items == sum(len(m.items) for m in expected)
    assert len(documents) == sum(len(i.document_ids) for m in expected for i in m.items)
    assert all(d.sha256 and d.content_type == "application/pdf" for d in documents)
    published = [m for m in expected if m.minutes_published]
    assert len(minutes) == sum(len(m.items) for m in published)
    assert attendance == sum(len(m.attendees) for m in expected)
