"""The one place that talks HTTP: honest User-Agent, robots.txt, per-host politeness delay,
retries with backoff (honouring Retry-After), a size cap, and the raw-bytes cache.

Every body fetched is kept in the store (content-addressed by sha256), so reprocessing
never refetches and an unchanged page is not downloaded twice unless `refresh=True`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from threading import Lock
from urllib.parse import urlsplit

import requests
from protego import Protego

from minutes_miner import __version__
from minutes_miner.errors import FetchError
from minutes_miner.store import Store

DEFAULT_CONTACT = "https://pypi.org/project/minutes-miner/"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchConfig:
    contact: str = DEFAULT_CONTACT
    delay: float = 1.0  # seconds between requests to one host
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, doubling after
    timeout: float = 30.0
    max_bytes: int = 100 * 1024 * 1024
    respect_robots: bool = True

    @property
    def user_agent(self) -> str:
        return f"minutes-miner/{__version__} (+{self.contact})"


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content_type: str | None
    data: bytes
    from_cache: bool = False


class Fetcher:
    def __init__(self, store: Store, config: FetchConfig = FetchConfig(), session: requests.Session | None = None):
        self.store = store
        self.config = config
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self._lock = Lock()
        self.requests_made = 0
        self.bytes_downloaded = 0

    # ------------------------------------------------------------------ politeness
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.config.delay:
                time.sleep(self.config.delay - (now - last))
            self._last_request[host] = time.monotonic()

    def _robots_for(self, url: str) -> Protego | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._wait_turn(parts.netloc)
            try:
                reply = self.session.get(f"{origin}/robots.txt", timeout=self.config.timeout)
                self.requests_made += 1
                self._robots[origin] = Protego.parse(reply.text) if reply.status_code == 200 else None
            except requests.RequestException:
                self._robots[origin] = None
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        if not self.config.respect_robots:
            return True
        robots = self._robots_for(url)
        return robots is None or robots.can_fetch(url, self.config.user_agent)

    # ------------------------------------------------------------------ fetching
    def get(self, url: str, *, refresh: bool = False, same_host_only: bool = False) -> Response:
        """GET `url`, from the store's cache unless `refresh`. Raises FetchError naming the URL."""
        if not refresh:
            cached = self.store.blob_for_url(url)
            if cached is not None:
                return Response(url=url, status=200, content_type=cached[1], data=cached[0], from_cache=True)
        if not self.allowed(url):
            raise FetchError("disallowed by the site's robots.txt", where=url,
                             hint="minutes-miner honours robots.txt; ask the council's web team for access")
        response = self._get_with_retries(url, same_host_only)
        self.store.save_blob(url, response.data, response.content_type, response.status)
        return response

    def _get_with_retries(self, url: str, same_host_only: bool) -> Response:
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                reply = self.session.get(url, timeout=self.config.timeout, stream=True,
                                         allow_redirects=not same_host_only)
                self.requests_made += 1
                if same_host_only:
                    reply = self._follow_same_host(reply, url)
            except requests.RequestException as exc:
                if attempt < self.config.retries:
                    attempt += 1
                    time.sleep(self.config.backoff * 2 ** (attempt - 1))
                    continue
                raise FetchError(f"network error: {exc}", where=url, hint="check the URL and your connection") from exc
            if reply.status_code in RETRY_STATUSES and attempt < self.config.retries:
                attempt += 1
                time.sleep(self._retry_after(reply) or self.config.backoff * 2 ** (attempt - 1))
                reply.close()
                continue
            if reply.status_code >= 400:
                reply.close()
                raise FetchError(f"HTTP {reply.status_code}", where=url,
                                 hint="the page may have moved or be temporarily unavailable; it will be retried next run")
            data = self._read_capped(reply, url)
            self.bytes_downloaded += len(data)
            ctype = reply.headers.get("Content-Type")
            return Response(url=url, status=reply.status_code, content_type=ctype.split(";")[0].strip() if ctype else None,
                            data=data)

    def _follow_same_host(self, reply: requests.Response, url: str) -> requests.Response:
        hops = 0
        while reply.is_redirect and hops < 5:
            target = requests.compat.urljoin(reply.url, reply.headers["Location"])
            if urlsplit(target).netloc != urlsplit(url).netloc:
                reply.close()
                raise FetchError(f"redirected to another host ({target}); not followed for documents", where=url)
            reply.close()
            reply = self.session.get(target, timeout=self.config.timeout, stream=True, allow_redirects=False)
            self.requests_made += 1
            hops += 1
        return reply

    def _read_capped(self, reply: requests.Response, url: str) -> bytes:
        declared = reply.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.config.max_bytes:
            reply.close()
            raise FetchError(f"response of {declared} bytes exceeds the size cap of {self.config.max_bytes}", where=url,
                             hint="raise the cap with --max-bytes if this document is wanted")
        chunks, total = [], 0
        for chunk in reply.iter_content(chunk_size=65536):
            total += len(chunk)
            if total > self.config.max_bytes:
                reply.close()
                raise FetchError(f"response exceeds the size cap of {self.config.max_bytes} bytes", where=url,
                                 hint="raise the cap with --max-bytes if this document is wanted")
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _retry_after(reply: requests.Response) -> float | None:
        value = reply.headers.get("Retry-After")
        if not value:
            return None
        if value.strip().isdigit():
            return min(float(value), 300.0)
        try:
            wait = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
        return max(0.0, min(wait, 300.0))
