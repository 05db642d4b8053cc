"""ModernGov source: discovery through mgWebService.asmx (GetCommittees, GetMeetings, GetMeeting,
GetCouncillorsByWard). Parsing lives in parse_xml/parse_html; this module only sequences requests."""
from __future__ import annotations

from datetime import date
from typing import Iterator
from urllib.parse import urlsplit

from minutes_miner.dates import format_moderngov
from minutes_miner.errors import FetchError, NotModernGovError, ParseError
from minutes_miner.fetch import Fetcher
from minutes_miner.models import Committee, Council, ParsedMeeting, Person
from minutes_miner.sources.base import CrawlOptions, CrawlPlan, SourceFailure
from minutes_miner.sources.moderngov.parse_html import council_name_from_page
from minutes_miner.sources.moderngov.parse_xml import (
    parse_committees,
    parse_councillors,
    parse_meeting,
    parse_meetings,
)

WEB_SERVICE = "mgWebService.asmx"
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

    def _service(self, endpoint: str, **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.base_url}{WEB_SERVICE}/{endpoint}" + (f"?{query}" if query else "")

    def council(self) -> Council:
        if self._council is None:
            name = None
            try:
                page = self.fetcher.get(self.base_url + "mgListCommittees.aspx")
                name = council_name_from_page(page.data)
            except FetchError:
                pass
            self._council = Council(name=name or urlsplit(self.base_url).netloc, base_url=self.base_url)
        return self._council

    def committees(self, refresh: bool = False) -> list[Committee]:
        url = self._service("GetCommittees", lDummy="0")
        try:
            reply = self.fetcher.get(url, refresh=refresh)
            return parse_committees(reply.data, self.council(), source=url)
        except (FetchError, ParseError) as exc:
            raise NotModernGovError(
                f"does not look like a ModernGov site: {url} did not give a committee list ({exc.message})",
                where=self.base_url,
                hint=f"tried {url}; give the address of the council's ModernGov pages, "
                     "e.g. https://democracy.example.gov.uk/ or https://www.example.gov.uk/moderngov/",
            ) from exc

    def roster(self) -> list[Person]:
        url = self._service("GetCouncillorsByWard")
        reply = self.fetcher.get(url, refresh=True)
        return parse_councillors(reply.data, self.council(), source=url)

    @staticmethod
    def _selected(committee: Committee, wanted: tuple[str, ...]) -> bool:
        if not wanted:
            return True
        return any(w == committee.external_id or w.lower() in committee.name.lower() for w in wanted)

    def meetings(self, options: CrawlOptions, plan: CrawlPlan) -> Iterator[ParsedMeeting | SourceFailure]:
        council = self.council()
        committees = [c for c in self.committees(refresh=True) if self._selected(c, options.committees)]
        plan.committees = committees
        since, until = options.since or _EARLIEST, options.until or date(date.today().year + 2, 12, 31)
        listings = []
        for committee in committees:
            url = self._service("GetMeetings", lCommitteeId=committee.external_id or "",
                                sFromDate=format_moderngov(since), sToDate=format_moderngov(until))
            try:
                found = parse_meetings(self.fetcher.get(url, refresh=True).data, committee, self.base_url, source=url)
            except (FetchError, ParseError) as exc:
                yield SourceFailure(url=url, stage="meetings", reason=str(exc))
                continue
            listings.extend((committee, m) for m in found if m.status is None or m.status.lower() != "cancelled")
        plan.meetings_total = len(listings)
        for committee, meeting in listings:
            url = self._service("GetMeeting", lMeetingId=meeting.external_id or "")
            # Meetings whose minutes were not published yet are re-checked on every run.
            refresh = options.refresh or not self._published_before(url)
            try:
                reply = self.fetcher.get(url, refresh=refresh)
                yield parse_meeting(reply.data, council, committee, self.base_url, source=url)
            except (FetchError, ParseError) as exc:
                yield SourceFailure(url=url, stage="meeting", reason=str(exc))

    def _published_before(self, url: str) -> bool:
        cached = self.fetcher.store.blob_for_url(url)
        return cached is not None and b"<minutepublished>True</minutepublished>" in cached[0]
