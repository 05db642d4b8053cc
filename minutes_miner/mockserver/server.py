"""A loopback-only HTTP server that behaves like a ModernGov install, rendering from a `Site`.

    with serve(sample_site()) as server:
        requests.get(server.base_url + "mgWebService.asmx/GetCommittees")

GET and HEAD only (405 otherwise); unknown pages and ids give 404. Page names and query
keys are matched case-insensitively, as IIS/ASP.NET does. `server.requests` records the
path (with query string) of every request, in arrival order.

Options, for testing the crawler against the ways real installs differ and break:
- `base_path`: any prefix ("/moderngov/", "/ecminutes/", "/meetings/", "/").
- `web_service=False`: mgWebService.asmx answers 404 with an HTML page, as on installs
  that switched it off; the crawler must fall back to the HTML pages.
- `conditional=True`: documents carry ETag and Last-Modified and conditional GETs get 304.
- `delay`: seconds to wait before every response (to catch a crawl mid-way).
- `faults`: {page path [?query]: Fault} replaces the response of matching requests (status,
  body, content type, truncation, redirect); see `Fault`.
"""
from __future__ import annotations

import hashlib
import ipaddress
import socket
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from minutes_miner.mockserver import render
from minutes_miner.mockserver.site import Site, load_site

HTML = "text/html; charset=utf-8"
XML = "text/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
NOT_FOUND = b"<html><body><h1>404 - File or directory not found.</h1></body></html>"


def sample_site() -> Site:
    """The bundled fictional council (Borsetshire County Council)."""
    from minutes_miner.resources import sample_council_dir

    return load_site(sample_council_dir())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Fault:
    """What the server sends instead of the site's page, for requests matching a `faults` key.

    A key is a page path relative to the base path, optionally with query parameters that must
    all be present in the request ("mgWebService.asmx/GetMeeting?lMeetingId=4401"). Unset fields
    keep the real response's value: `Fault(status=500)` is an error page, `Fault(body=b"")` an
    empty 200 (a body without a status is served with 200, also where the site has no such page),
    `Fault(truncate=100)` the real body cut short (with a matching Content-Length),
    `Fault(hang_up=100)` the real Content-Length but the connection closed after 100 bytes (a
    transfer cut short), `Fault(redirect=URL)` a 302, `Fault(stall=60)` the response held back for
    60 s (or until the server closes), to catch a client mid-way at a known point.
    `times` limits the fault to the first N matching requests (then the real page is served).
    """

    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    truncate: int | None = None
    hang_up: int | None = None
    stall: float = 0.0
    redirect: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    times: int | None = None


def _fault_matches(key: str, page: str, query: dict[str, str]) -> bool:
    path, _, wanted = key.partition("?")
    if unquote(path).lower() != page.lower():
        return False
    return all(query.get(k.lower(), "").lower() == v.lower() for k, v in parse_qsl(wanted, keep_blank_values=True))


def _http_date(d: date) -> str:
    return format_datetime(datetime(d.year, d.month, d.day, tzinfo=UTC), usegmt=True)


class _Error(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _int(query: dict[str, str], *names: str) -> int:
    for name in names:
        value = query.get(name.lower())
        if value is not None:
            try:
                return int(value)
            except ValueError:
                raise _Error(404, f"invalid {name}") from None
    raise _Error(404, f"missing {names[0]}")


def _uk_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise _Error(500, f"System.ArgumentException: Cannot convert {value} to System.DateTime.\nParameter name: {name}") from None


def route(site: Site, page: str, query: dict[str, str], base_url: str) -> tuple[bytes, str] | None:
    """(body, content type) for a page name relative to the base path, or None for 404.
    `query` keys must be lower-case."""
    name = page.lower()
    if name in ("robots.txt",):
        return render.robots_txt(), TEXT
    if name in ("", "mglistcommittees.aspx", "default.aspx"):
        return render.page_list_committees(site), HTML
    if name.startswith("mgwebservice.asmx/"):
        call = name.split("/", 1)[1]
        if call == "getcommittees":
            return render.ws_get_committees(site), XML
        if call == "getmeetings":
            cid = _int(query, "lCommitteeId")
            body = render.ws_get_meetings(site, cid, _uk_date(query.get("sfromdate"), "sFromDate"),
                                          _uk_date(query.get("stodate"), "sToDate"))
            return (body, XML) if body is not None else None
        if call == "getmeeting":
            body = render.ws_get_meeting(site, _int(query, "lMeetingId"), base_url)
            return (body, XML) if body is not None else None
        if call == "getcouncillorsbyward":
            return render.ws_get_councillors_by_ward(site, base_url), XML
        return None
    if name == "mgmemberindex.aspx":
        return render.page_member_index(site), HTML
    if name == "mgcommitteedetails.aspx":
        body = render.page_committee_details(site, _int(query, "ID"))
    elif name == "ielistmeetings.aspx":
        year = query.get("year", "0")
        body = render.page_list_meetings(site, _int(query, "CId", "CommitteeId"), int(year) if year.isdigit() else 0)
    elif name == "ielistdocuments.aspx":
        body = render.page_list_documents(site, _int(query, "CId", "CommitteeId"), _int(query, "MId", "MeetingId"))
    elif name == "mgai.aspx":
        body = render.page_agenda_item(site, _int(query, "ID"))
    elif name in ("ieissuedetails.aspx", "mgissuehistoryhome.aspx"):
        body = render.page_issue(site, _int(query, "IId"))
    elif name == "mgmeetingattendance.aspx":
        body = render.page_attendance(site, _int(query, "ID"))
    elif name == "mguserinfo.aspx":
        body = render.page_user_info(site, _int(query, "UID"))
    elif name == "mgconvert2pdf.aspx":
        doc = site.document(_int(query, "ID"))
        return (doc.read_bytes(), doc.content_type) if doc else None
    elif name.startswith("documents/"):
        doc = site.document_by_path(page) or next(
            (d for d in site.documents.values() if d.path.lower() == name), None
        )
        return (doc.read_bytes(), doc.content_type) if doc else None
    else:
        return None
    return (body, HTML) if body is not None else None


class _QuietHTTPServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client that hangs up mid-response (a crawler enforcing its size cap) is not a server error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class MockServer:
    """A running mock ModernGov server. Use as a context manager or call `close()`."""

    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0, base_path: str = "/moderngov/", *,
                 web_service: bool = True, conditional: bool = False, delay: float = 0.0,
                 faults: dict[str, Fault] | None = None) -> None:
        if not _is_loopback(host):
            raise ValueError(f"the mock server only binds to loopback, not {host!r}")
        if not base_path.startswith("/"):
            base_path = "/" + base_path
        if not base_path.endswith("/"):
            base_path += "/"
        self.site = site
        self.base_path = base_path
        self.web_service = web_service
        self.conditional = conditional
        self.delay = delay
        self.faults: dict[str, Fault] = dict(faults or {})
        self._fault_uses: dict[str, int] = {}
        self._closing = threading.Event()
        self.requests: list[str] = []
        self._lock = threading.Lock()
        handler = _make_handler(self)
        self._httpd = _QuietHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.server_address[:2]
        self.host, self.port = bound_host, bound_port
        self.base_url = f"http://{bound_host}:{bound_port}{base_path}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="mock-moderngov", daemon=True)
        self._thread.start()

    def _record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def fault_for(self, page: str, query: dict[str, str]) -> Fault | None:
        with self._lock:
            for key, fault in self.faults.items():
                if _fault_matches(key, page, query):
                    used = self._fault_uses.get(key, 0)
                    if fault.times is not None and used >= fault.times:
                        continue
                    self._fault_uses[key] = used + 1
                    return fault
        return None

    def close(self) -> None:
        self._closing.set()  # releases stalled responses
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()

    def __enter__(self) -> MockServer:  # noqa: PYI034
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<MockServer {self.base_url} ({self.site.council_name})>"


def _make_handler(server: MockServer):
    class Handler(BaseHTTPRequestHandler):
        server_version = "Microsoft-IIS/10.0"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # quiet
            return

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in two writes; without this, Nagle's algorithm meets the client's
            # delayed ACK and every keep-alive response waits ~40 ms.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def _send(self, status: int, body: bytes, content_type: str, head: bool,
                  headers: tuple[tuple[str, str], ...] = (), hang_up: int | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Powered-By", "ASP.NET")
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            if head:
                return
            if hang_up is not None:
                self.wfile.write(body[:hang_up])
                self.close_connection = True
                return
            self.wfile.write(body)

        def _handle(self, head: bool) -> None:
            server._record(self.path)
            if server.delay:
                time.sleep(server.delay)
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            query = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
            if path == "/robots.txt":
                page = "robots.txt"
            elif path.lower().startswith(server.base_path.lower()):
                page = path[len(server.base_path):]
            elif path.lower() + "/" == server.base_path.lower():
                page = ""
            else:
                self._send(404, NOT_FOUND, HTML, head)
                return
            status, headers = 200, ()
            try:
                if not server.web_service and page.lower().startswith("mgwebservice.asmx"):
                    result = None
                else:
                    result = route(server.site, page, query, server.base_url)
            except _Error as exc:
                status, result = exc.status, (exc.message.encode("utf-8"), TEXT)
            except Exception as exc:  # noqa: BLE001 - a bug in rendering is shown like ASP.NET would
                status, result = 500, (f"Server Error: {type(exc).__name__}: {exc}".encode(), TEXT)
            if result is None:
                status, result = 404, (NOT_FOUND, HTML)
            body, content_type = result
            if status == 200 and server.conditional and content_type not in (HTML, XML, TEXT):
                headers = self._validators(page, body)
                if self._still_current(headers):
                    self._send(304, b"", content_type, True, headers)
                    return
            fault = server.fault_for(page, query)
            if fault is not None:
                if fault.stall:
                    server._closing.wait(fault.stall)
                status, body, content_type, headers = self._apply(fault, status, body, content_type, headers)
            self._send(status, body, content_type, head, headers, hang_up=fault.hang_up if fault else None)

        def _validators(self, page: str, body: bytes) -> tuple[tuple[str, str], ...]:
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            doc = server.site.document_by_path(page)
            published = doc.publication_date if doc and doc.publication_date else date(2020, 1, 1)
            return (("ETag", etag), ("Last-Modified", _http_date(published)))

        def _still_current(self, validators: tuple[tuple[str, str], ...]) -> bool:
            etag, last_modified = dict(validators)["ETag"], dict(validators)["Last-Modified"]
            if self.headers.get("If-None-Match"):
                return etag in [t.strip() for t in self.headers["If-None-Match"].split(",")]
            since = self.headers.get("If-Modified-Since")
            if since:
                try:
                    return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
                except (TypeError, ValueError):
                    return False
            return False

        @staticmethod
        def _apply(fault: Fault, status: int, body: bytes, content_type: str, headers: tuple):
            if fault.redirect:
                return 302, b"", HTML, (("Location", fault.redirect),)
            body = fault.body if fault.body is not None else body
            if fault.truncate is not None:
                body = body[: fault.truncate]
            if fault.status is None and fault.body is not None:
                status = 200  # a canned body stands in for the page, whatever the site had there
            return (fault.status or status, body, fault.content_type or content_type,
                    tuple(headers) + tuple(fault.headers))

        def do_GET(self) -> None:
            self._handle(head=False)

        def do_HEAD(self) -> None:
            self._handle(head=True)

        def _not_allowed(self) -> None:
            server._record(self.path)
            body = b"405 - HTTP verb used to access this page is not allowed."
            self.send_response(405)
            self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Type", TEXT)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    return Handler


def serve(site: Site, host: str = "127.0.0.1", port: int = 0, base_path: str = "/moderngov/", *,
          web_service: bool = True, conditional: bool = False, delay: float = 0.0,
          faults: dict[str, Fault] | None = None) -> MockServer:
    """Start serving `site` in a daemon thread; returns the running server (a context manager)."""
    return MockServer(site, host=host, port=port, base_path=base_path, web_service=web_service,
                      conditional=conditional, delay=delay, faults=faults)
