import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from minutes_miner.errors import FetchError
from minutes_miner.fetch import FetchConfig, Fetcher
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
        elif self.path == "/ua":
            self._send(200, self.headers["User-Agent"].encode())
        else:
            self._send(404, b"not here")


@pytest.fixture
def server():
    Handler.hits = {}
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
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
