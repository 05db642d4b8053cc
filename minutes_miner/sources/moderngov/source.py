"""ModernGov source: discovery through mgWebService.asmx when it answers, else through the HTML
pages; both give the same records. This module decides which and sequences the crawl; the
discovery_* modules sequence requests and the parse_* modules parse."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from minutes_miner.errors import (
    FetchError,
    HostUnreachableError,
    NotModernGovError,
    ParseError,
)
from minutes_miner.fetch import Fetcher
from minutes_miner.models import Committee, Council, ParsedMeeting, Person
from minutes_miner.sources.base import CrawlOptions, CrawlPlan, SourceFailure
from minutes_miner.sources.moderngov.discovery_html import HtmlDiscovery
from minutes_miner.sources.moderngov.discovery_ws import WebServiceDiscovery
from minutes_miner.sources.moderngov.parse_html import council_name_from_page

_EARLIEST = date(2000, 1, 1)


def normalise_base_url(url: str) -> str:
    """The install's base folder, ending in '/': drops a page name such as mgListCommittees.aspx."""
    url = url.strip().split("#")[0].split("?")[0]
    lower = url.lower()
    for marker in (".aspx", ".asmx"):
        at = lower.find(marker)
        if at != -1:
            url = url[: url.rfind("/", 0, at) + 1]
            break
    return url if url.endswith("/") else url + "/"


class ModernGovSource:
    name = "moderngov"

    def __init__(self, fetcher: Fetcher, base_url: str):
        self.fetcher = fetcher
        self.base_url = normalise_base_url(base_url)
        self._council: Council | None = None
        self._discovery: WebServiceDiscovery | HtmlDiscovery | None = None
        self._committees: list[Committee] | None = None

    def council(self) -> Council:
        if self._council is None:
            name = None
            try:
                page = self.fetcher.get(self.base_url + "mgListCommittees.aspx")
                name = council_name_from_page(page.data)
            except HostUnreachableError:
                raise  # nothing else on the site can be read either
            except FetchError:
                pass
            self._council = Council(name=name or urlsplit(self.base_url).netloc, base_url=self.base_url)
        return self._council

    @property
    def mode(self) -> str:
        return self._discover()[0].mode

    def _discover(self) -> tuple[WebServiceDiscovery | HtmlDiscovery, list[Committee]]:
        """The web service if it gives a committee list, else the HTML pages if they do; else the site is
        not ModernGov (or not reachable) and the error names every endpoint tried."""
        if self._discovery is None:
            tried = []
            for kind in (WebServiceDiscovery, HtmlDiscovery):
                discovery = kind(self.fetcher, self.base_url, self.council())
                try:
                    self._committees = discovery.committees()
                except (FetchError, ParseError) as exc:
                    tried.append((discovery.committees_url(), exc.message))
                    continue
                self._discovery = discovery
                break
            else:
                raise NotModernGovError(
                    "does not look like a ModernGov site: "
                    + "; ".join(f"{url} did not give a committee list ({reason})" for url, reason in tried),
                    where=self.base_url,
                    hint=f"tried {' and '.join(url for url, _ in tried)}; give the address of the council's ModernGov "
                         "pages, e.g. https://democracy.example.gov.uk/ or https://www.example.gov.uk/moderngov/",
                )
        return self._discovery, self._committees or []

    def committees(self) -> list[Committee]:
        return self._discover()[1]

    def roster(self) -> list[Person]:
        return self._discover()[0].roster()

    @staticmethod
    def _selected(committee: Committee, wanted: tuple[str, ...]) -> bool:
        if not wanted:
            return True
        return any(w == committee.external_id or w.lower() in committee.name.lower() for w in wanted)

    def meetings(self, options: CrawlOptions, plan: CrawlPlan,
                 done: frozenset[str] = frozenset()) -> Iterator[ParsedMeeting | SourceFailure]:
        """Every meeting of the selected committees in the date range, except cancelled ones and those in
        `done` (meeting IDs already stored by this crawl run), which are counted in `plan.resumed`."""
        discovery, committees = self._discover()
        committees = [c for c in committees if self._selected(c, options.committees)]
        plan.committees = committees
        since, until = options.since or _EARLIEST, options.until or date(date.today().year + 2, 12, 31)
        listings = []
        for committee in committees:
            listing_key = committee.source_url or self.base_url
            try:
                found = discovery.meetings_of(committee, since, until)
            except (FetchError, ParseError) as exc:
                yield SourceFailure(url=listing_key, stage="meetings", reason=str(exc))
                continue
            self.fetcher.store.clear_failure(listing_key, "meetings")
            listings.extend((committee, m) for m in found if m.status is None or m.status.lower() != "cancelled")
        plan.meetings_total = len(listings)
        for committee, meeting in listings:
            if meeting.id in done:
                plan.resumed += 1
                continue
            stored = self.fetcher.store.meeting(meeting.id)
            # Meetings whose minutes were not published yet are re-checked on every run.
            refresh = options.refresh or stored is None or not stored.minutes_published
            try:
                yield discovery.meeting(committee, meeting, refresh)
            except (FetchError, ParseError) as exc:
                # Recorded against the meeting's page (what an officer can open), the reason names the URL that failed.
                yield SourceFailure(url=meeting.source_url, stage="meeting", reason=str(exc))
