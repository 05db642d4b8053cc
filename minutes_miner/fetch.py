"""The one place that talks HTTP: honest User-Agent, robots.txt, per-host politeness delay,
retries with backoff (honouring Retry-After), a size cap, conditional requests and the
raw-bytes cache. GET only. Redirects are followed here, hop by hop, so that each hop is
polite too (its host's delay, its robots.txt), and a redirect never ends up stored as a page.

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
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from urllib3.exceptions import NewConnectionError

from minutes_miner import __version__
from minutes_miner.errors import FetchError, HostUnreachableError
from minutes_miner.store import Store

DEFAULT_CONTACT = "https://pypi.org/project/minutes-miner/"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
# A refused connection or an unknown host name is retried once, after this long, not with backoff:
# a site that is down or mistyped should be reported in seconds, not after a minute of retries.
UNREACHABLE_RETRY_WAIT = 0.5


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
        self._unreachable: dict[str, HostUnreachableError] = {}  # host -> why; not tried again this session
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
        host = urlsplit(url).netloc.lower()
        if host in self._unreachable:
            known = self._unreachable[host]
            raise HostUnreachableError(known.message, where=url, hint=known.hint)
        attempt = 0
        while True:
            try:
                reply = self._get_following_redirects(url, same_host_only, validators)
                if reply.status_code not in RETRY_STATUSES or attempt >= self.config.retries:
                    return self._read_response(reply, url)
                wait = self._retry_after(reply) or self.config.backoff * 2 ** attempt
                reply.close()
            except requests.RequestException as exc:
                if _cannot_connect(exc):
                    if attempt >= min(1, self.config.retries):
                        self._unreachable[host] = error = HostUnreachableError(
                            f"cannot connect to {host} ({_connect_reason(exc)})", where=url,
                            hint="check the address (host name and port) and your connection; the site may be down")
                        raise error from exc
                    time.sleep(min(UNREACHABLE_RETRY_WAIT, self.config.backoff))
                    attempt += 1
                    continue
                # Raised while connecting or while reading the body (a transfer cut short, a read timeout).
                if attempt >= self.config.retries:
                    raise FetchError(f"network error: {exc}", where=url,
                                     hint="check the URL and your connection; it will be retried next run") from exc
                wait = self.config.backoff * 2 ** attempt
            attempt += 1
            time.sleep(wait)

    def _get_following_redirects(self, url: str, same_host_only: bool,
                                 validators: dict[str, str]) -> requests.Response:
        """GET `url`, following redirects one hop at a time so that every hop waits its host's turn
        and is checked against robots.txt; with `same_host_only` (documents) a hop to another host
        is refused."""
        target = url
        for _ in range(MAX_REDIRECTS + 1):
            self._wait_turn(urlsplit(target).netloc)
            reply = self.session.get(target, timeout=self.config.timeout, stream=True, headers=validators,
                                     allow_redirects=False)
            self.requests_made += 1
            if not reply.is_redirect:
                return reply
            target = urljoin(reply.url, reply.headers["Location"])
            reply.close()
            if same_host_only and urlsplit(target).netloc != urlsplit(url).netloc:
                raise FetchError(f"redirected to another host ({target}); not followed for documents", where=url,
                                 hint="if the document is wanted, download it by hand and add it with "
                                      "`minutes-miner ingest`")
            if not self.allowed(target):
                raise FetchError(f"redirected to {target}, which the site's robots.txt disallows", where=url,
                                 hint="minutes-miner honours robots.txt; ask the council's web team for access")
        raise FetchError(f"more than {MAX_REDIRECTS} redirects (last to {target})", where=url,
                         hint="the site may be misconfigured; open the URL in a browser to check")

    def _read_response(self, reply: requests.Response, url: str) -> tuple[Response, str | None, str | None]:
        if reply.status_code >= 400:
            reply.close()
            raise FetchError(f"HTTP {reply.status_code}", where=url,
                             hint="the page may have moved or be temporarily unavailable; it will be retried next run")
        try:
            data = self._read_capped(reply, url)
        except requests.RequestException:
            reply.close()
            raise
        self.bytes_downloaded += len(data)
        ctype = reply.headers.get("Content-Type")
        response = Response(url=url, status=reply.status_code, data=data,
                            content_type=ctype.split(";")[0].strip() if ctype else None)
        return response, reply.headers.get("ETag"), reply.headers.get("Last-Modified")

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


def _cannot_connect(exc: requests.RequestException) -> bool:
    """The connection was refused or the host name did not resolve (not a timeout, not a transfer cut short)."""
    if not isinstance(exc, requests.ConnectionError) or isinstance(exc, requests.Timeout):
        return False
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


def _connect_reason(exc: requests.RequestException) -> str:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    text = str(reason or exc)
    if "Name or service not known" in text or "NameResolution" in type(reason).__name__:
        return "the host name does not resolve"
    if "refused" in text.lower():
        return "connection refused"
    return text.split(": ", 1)[-1][:200]
