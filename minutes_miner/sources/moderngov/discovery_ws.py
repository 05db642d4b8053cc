"""Discovery through mgWebService.asmx: GetCommittees, GetMeetings, GetMeeting, GetCouncillorsByWard.
Only sequences requests; parsing lives in parse_xml."""
from __future__ import annotations

from datetime import date

from minutes_miner.dates import format_moderngov
from minutes_miner.fetch import Fetcher
from minutes_miner.models import Committee, Council, Meeting, ParsedMeeting, Person
from minutes_miner.sources.moderngov.parse_xml import (
    parse_committees,
    parse_councillors,
    parse_meeting,
    parse_meetings,
)

WEB_SERVICE = "mgWebService.asmx"


class WebServiceDiscovery:
    mode = "web service"

    def __init__(self, fetcher: Fetcher, base_url: str, council: Council):
        self.fetcher, self.base_url, self.council = fetcher, base_url, council

    def url(self, endpoint: str, **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.base_url}{WEB_SERVICE}/{endpoint}" + (f"?{query}" if query else "")

    def committees_url(self) -> str:
        return self.url("GetCommittees", lDummy="0")

    def committees(self) -> list[Committee]:
        url = self.committees_url()
        return parse_committees(self.fetcher.get(url, refresh=True).data, self.council, source=url)

    def roster(self) -> list[Person]:
        url = self.url("GetCouncillorsByWard")
        return parse_councillors(self.fetcher.get(url, refresh=True).data, self.council, source=url)

    def meetings_of(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        url = self.url("GetMeetings", lCommitteeId=committee.external_id or "", sFromDate=format_moderngov(since),
                       sToDate=format_moderngov(until))
        return parse_meetings(self.fetcher.get(url, refresh=True).data, committee, self.base_url, source=url)

    def meeting_url(self, meeting: Meeting) -> str:
        return self.url("GetMeeting", lMeetingId=meeting.external_id or "")

    def meeting(self, committee: Committee, meeting: Meeting, refresh: bool) -> ParsedMeeting:
        url = self.meeting_url(meeting)
        reply = self.fetcher.get(url, refresh=refresh)
        return parse_meeting(reply.data, self.council, committee, self.base_url, source=url)
