import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from minutes_miner import fetch
from minutes_miner.errors import FetchError, HostUnreachableError
from minutes_miner.fetch import FetchConfig, Fetcher
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", ctype="text/html", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        n = Handler.hits[self.path]
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /*.secret$\n", "text/plain")
        elif self.path == "/flaky":
            if n == 1:
                self._send(503, b"busy", headers=[("Retry-After", "0")])
            else:
                self._send(200, b"ok now")
        elif self.path == "/down":
            self._send(503, b"down for maintenance")
        elif self.path == "/big":
            self._send(200, b"x" * 5000)
        elif self.path == "/away":
            self._send(302, headers=[("Location", "http://127.0.0.2:9/doc.pdf")])
        elif self.path == "/doc.pdf":
            self._send(200, b"%PDF-1.4 fake", "application/pdf")
        elif self.path == "/etag.pdf":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, headers=[("ETag", '"v1"')])
            else:
                self._send(200, b"%PDF-1.4 versioned", "application/pdf", headers=[("ETag", '"v1"')])
        elif self.path in ("/cut", "/cut-once"):
            # Content-Length promises 100 bytes; the connection closes after 10
            body = b"%PDF-1.4 " + b"x" * 91
            if self.path == "/cut" or n == 1:
                self.send_response(200)
                self.send_header("Content-Length", "100")
                self.end_headers()
                self.wfile.write(body[:10])
            else:
                self._send(200, body, "application/pdf")
        elif self.path == "/loop":
            self._send(302, headers=[("Location", "/loop")])
        elif self.path == "/to-secret":
            self._send(302, headers=[("Location", "/papers/report.secret")])
        elif self.path == "/hop":
            self._send(301, headers=[("Location", "/doc.pdf")])
        elif self.path == "/ua":
            self._send(200, self.headers["User-Agent"].encode())
        else:
            self._send(404, b"not here")


@pytest.fixture
def server():
    Handler.hits = {}
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.fixture
def fetcher(tmp_path):
    store = open_store(tmp_path / "f.db")
    yield Fetcher(store, FetchConfig(delay=0, backoff=0, retries=2, max_bytes=1000, contact="mailto:scrutiny@example.org"))
    store.close()


def test_user_agent_names_tool_and_contact(server, fetcher):
    ua = fetcher.get(f"{server}/ua").data.decode()
    assert ua.startswith("minutes-miner/") and "mailto:scrutiny@example.org" in ua


def test_retries_on_503(server, fetcher):
    assert fetcher.get(f"{server}/flaky").data == b"ok now"
    assert Handler.hits["/flaky"] == 2


def test_404_names_url(server, fetcher):
    with pytest.raises(FetchError) as err:
        fetcher.get(f"{server}/missing")
    assert f"{server}/missing" in str(err.value) and "HTTP 404" in str(err.value)


def test_robots_wildcard_rule_honoured(server, fetcher):
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{server}/papers/report.secret")
    assert "/papers/report.secret" not in Handler.hits


def test_size_cap(server, fetcher):
    with pytest.raises(FetchError, match="size cap"):
        fetcher.get(f"{server}/big")


def test_cross_host_redirect_not_followed_for_documents(server, fetcher):
    with pytest.raises(FetchError, match="another host"):
        fetcher.get(f"{server}/away", same_host_only=True)


def test_cache_prevents_refetch_unless_refresh(server, fetcher):
    first = fetcher.get(f"{server}/doc.pdf")
    again = fetcher.get(f"{server}/doc.pdf")
    assert again.from_cache and again.data == first.data == b"%PDF-1.4 fake"
    assert Handler.hits["/doc.pdf"] == 1
    fetcher.get(f"{server}/doc.pdf", refresh=True)
    assert Handler.hits["/doc.pdf"] == 2


def test_refresh_is_a_conditional_request_when_the_server_sent_an_etag(server, fetcher):
    first = fetcher.get(f"{server}/etag.pdf")
    again = fetcher.get(f"{server}/etag.pdf", refresh=True)
    assert again.not_modified and again.from_cache and again.data == first.data == b"%PDF-1.4 versioned"
    assert Handler.hits["/etag.pdf"] == 2 and fetcher.not_modified == 1 and fetcher.downloads == 1


def test_within_one_crawl_run_a_page_is_fetched_once_even_on_refresh(server, fetcher):
    fetcher.run_id = 7
    fetcher.get(f"{server}/doc.pdf", refresh=True)
    fetcher.get(f"{server}/doc.pdf", refresh=True)
    assert Handler.hits["/doc.pdf"] == 1
    fetcher.run_id = 8  # the next crawl run refreshes it
    fetcher.get(f"{server}/doc.pdf", refresh=True)
    assert Handler.hits["/doc.pdf"] == 2


def test_a_transfer_cut_short_is_retried_then_a_fetch_error_naming_the_url(server, fetcher):
    assert fetcher.get(f"{server}/cut-once").data == b"%PDF-1.4 " + b"x" * 91
    assert Handler.hits["/cut-once"] == 2
    with pytest.raises(FetchError) as err:
        fetcher.get(f"{server}/cut")
    assert str(err.value).startswith(f"{server}/cut: network error") and "IncompleteRead" in str(err.value)
    assert Handler.hits["/cut"] == 3  # the first try and two retries
    assert fetcher.store.fetch_record(f"{server}/cut") is None


@pytest.mark.parametrize("same_host_only", [True, False], ids=["document", "page"])
def test_a_redirect_loop_is_an_error_not_a_stored_page(server, fetcher, same_host_only):
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(f"{server}/loop", same_host_only=same_host_only)
    assert Handler.hits["/loop"] == 6
    assert fetcher.store.fetch_record(f"{server}/loop") is None


@pytest.mark.parametrize("same_host_only", [True, False], ids=["document", "page"])
def test_a_redirect_to_a_path_robots_disallows_is_not_followed(server, fetcher, same_host_only):
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher.get(f"{server}/to-secret", same_host_only=same_host_only)
    assert "/papers/report.secret" not in Handler.hits


def test_every_redirect_hop_waits_its_turn_at_the_host(server, fetcher, monkeypatch):
    turns = []
    monkeypatch.setattr(fetcher, "_wait_turn", turns.append)
    assert fetcher.get(f"{server}/hop", same_host_only=True).data == b"%PDF-1.4 fake"
    host = server.removeprefix("http://")
    assert turns == [host, host, host]  # robots.txt, /hop, /doc.pdf


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_refused_connection_fails_after_one_short_retry_naming_the_url(tmp_path, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", waits.append)
    url = f"http://127.0.0.1:{_closed_port()}/moderngov/mgListCommittees.aspx"
    with open_store(tmp_path / "f.db") as store:
        # the default backoff: 3 retries at 1, 2, 4 s for a server error
        fetcher = Fetcher(store, FetchConfig(delay=0))
        attempts: list[str] = []
        real_get = fetcher.session.get
        fetcher.session.get = lambda target, **kw: attempts.append(target) or real_get(target, **kw)
        with pytest.raises(HostUnreachableError) as err:
            fetcher.get(url)
        assert str(err.value).startswith(f"{url}: cannot connect to 127.0.0.1:") and "connection refused" in str(err.value)
        assert [a for a in attempts if a == url] == [url, url]  # the first try and one retry
        assert waits == [fetch.UNREACHABLE_RETRY_WAIT]
        # the rest of the site is not tried again in this session
        attempts.clear()
        with pytest.raises(HostUnreachableError) as again:
            fetcher.get(url.replace("mgListCommittees", "mgWebService"))
        assert attempts == [] and "mgWebService" in str(again.value)


def test_a_crawl_of_a_site_that_refuses_connections_stops_at_once(tmp_path, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", waits.append)
    base = f"http://127.0.0.1:{_closed_port()}/moderngov/"
    with open_store(tmp_path / "c.db") as store:
        with pytest.raises(HostUnreachableError) as err:
            crawl(store, base, CrawlOptions(), FetchConfig(delay=0))
        assert store.crawl_runs() == []  # nothing to resume
    assert base in str(err.value) and "cannot connect" in str(err.value)
    assert sum(waits) <= 1.0


def test_server_errors_keep_their_backoff(server, tmp_path, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", waits.append)
    with open_store(tmp_path / "f.db") as store:
        fetcher = Fetcher(store, FetchConfig(delay=0, backoff=1.0, retries=3))
        with pytest.raises(FetchError) as err:
            fetcher.get(f"{server}/down")
    assert "HTTP 503" in str(err.value) and waits == [1.0, 2.0, 4.0]
