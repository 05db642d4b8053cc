"""A loopback-only HTTP server that behaves like a ModernGov install, rendering from a `Site`.

    with serve(sample_site()) as server:
        requests.get(server.base_url + "mgWebService.asmx/GetCommittees")

GET and HEAD only (405 otherwise); unknown pages and ids give 404. Page names and query
keys are matched case-insensitively, as IIS/ASP.NET does. `server.requests` records the
path (with query string) of every request, in arrival order.
"""
from __future__ import annotations

import ipaddress
import threading
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from minutes_miner.mockserver import render
from minutes_miner.mockserver.site import Site, load_site

HTML = "text/html; charset=utf-8"
XML = "text/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


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


class MockServer:
    """A running mock ModernGov server. Use as a context manager or call `close()`."""

    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0, base_path: str = "/moderngov/") -> None:
        if not _is_loopback(host):
            raise ValueError(f"the mock server only binds to loopback, not {host!r}")
        if not base_path.startswith("/"):
            base_path = "/" + base_path
        if not base_path.endswith("/"):
            base_path += "/"
        self.site = site
        self.base_path = base_path
        self.requests: list[str] = []
        self._lock = threading.Lock()
        handler = _make_handler(self)
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.server_address[:2]
        self.host, self.port = bound_host, bound_port
        self.base_url = f"http://{bound_host}:{bound_port}{base_path}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="mock-moderngov", daemon=True)
        self._thread.start()

    def _record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def close(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()

    def __enter__(self) -> "MockServer":
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

        def _send(self, status: int, body: bytes, content_type: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Powered-By", "ASP.NET")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _handle(self, head: bool) -> None:
            server._record(self.path)
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
                self._send(404, b"<html><body><h1>404 - File or directory not found.</h1></body></html>", HTML, head)
                return
            try:
                result = route(server.site, page, query, server.base_url)
            except _Error as exc:
                status = exc.status
                self._send(status, exc.message.encode("utf-8"), TEXT, head)
                return
            except Exception as exc:  # pragma: no cover - a bug in rendering; show it like ASP.NET would
                self._send(500, f"Server Error: {type(exc).__name__}: {exc}".encode("utf-8"), TEXT, head)
                return
            if result is None:
                self._send(404, b"<html><body><h1>404 - File or directory not found.</h1></body></html>", HTML, head)
                return
            body, content_type = result
            self._send(200, body, content_type, head)

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


def serve(site: Site, host: str = "127.0.0.1", port: int = 0, base_path: str = "/moderngov/") -> MockServer:
    """Start serving `site` in a daemon thread; returns the running server (a context manager)."""
    return MockServer(site, host=host, port=port, base_path=base_path)


def load_and_serve(directory: Path, **kwargs) -> MockServer:
    return serve(load_site(directory), **kwargs)
