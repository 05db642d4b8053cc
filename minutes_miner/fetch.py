"""The one place that talks HTTP: honest User-Agent, robots.txt, per-host politeness delay,
retries with backoff (honouring Retry-After), a size cap, conditional requests and the
raw-bytes cache. GET only.

Every body fetched is kept in the store (content-addressed by sha256), so reprocessing
never refetches and an unchanged page is not downloaded twice unless `refresh=True`.
A refresh is a conditional request (If-None-Match / If-Modified-Since) when the server sent
an ETag or Last-Modified. Within one crawl run (`run_id`), a page is fetched at most once
even when refresh is asked for, so a resumed run does not fetch again what the interrupted
part of the same run already fetched.
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
    not_modified: bool = False  # revalidated with a conditional request (304)


class Fetcher:
    def __init__(self, store: Store, config: FetchConfig = FetchConfig(), session: requests.Session | None = None,
                 run_id: int | None = None):
        self.store = store
        self.run_id = run_id
        self.config = config
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self._lock = Lock()
        self.requests_made = 0
        self.bytes_downloaded = 0
        self.downloads = 0  # bodies received (200), as opposed to served from the store or revalidated
        self.not_modified = 0

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
        cached = self.store.fetch_record(url)
        if cached is not None and (not refresh or (self.run_id is not None and cached.run_id == self.run_id)):
            return Response(url=url, status=cached.status or 200, content_type=cached.content_type, data=cached.data,
                            from_cache=True)
        if not self.allowed(url):
            raise FetchError("disallowed by the site's robots.txt", where=url,
                             hint="minutes-miner honours robots.txt; ask the council's web team for access")
        validators = {}
        if cached is not None and cached.etag:
            validators["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            validators["If-Modified-Since"] = cached.last_modified
        response, etag, last_modified = self._get_with_retries(url, same_host_only, validators)
        if response.status == 304 and cached is not None:
            self.not_modified += 1
            self.store.confirm_fetch(url, self.run_id)
            return Response(url=url, status=cached.status or 200, content_type=cached.content_type, data=cached.data,
                            from_cache=True, not_modified=True)
        self.downloads += 1
        self.store.save_fetch(url, response.data, response.content_type, response.status, etag=etag,
                              last_modified=last_modified, run_id=self.run_id)
        return response

    def _get_with_retries(self, url: str, same_host_only: bool,
                          validators: dict[str, str]) -> tuple[Response, str | None, str | None]:
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                reply = self.session.get(url, timeout=self.config.timeout, stream=True, headers=validators,
                                         allow_redirects=not same_host_only)
                self.requests_made += 1
                if same_host_only:
                    reply = self._follow_same_host(reply, url, validators)
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
            response = Response(url=url, status=reply.status_code, data=data,
                                content_type=ctype.split(";")[0].strip() if ctype else None)
            return response, reply.headers.get("ETag"), reply.headers.get("Last-Modified")

    def _follow_same_host(self, reply: requests.Response, url: str, validators: dict[str, str]) -> requests.Response:
        hops = 0
        while reply.is_redirect and hops < 5:
            target = requests.compat.urljoin(reply.url, reply.headers["Location"])
            if urlsplit(target).netloc != urlsplit(url).netloc:
                reply.close()
                raise FetchError(f"redirected to another host ({target}); not followed for documents", where=url)
            reply.close()
            reply = self.session.get(target, timeout=self.config.timeout, stream=True, allow_redirects=False,
                                     headers=validators)
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
