"""Discovery through ModernGov's HTML pages, for sites whose mgWebService.asmx does not answer:
mgListCommittees.aspx -> ieListMeetings.aspx?CId=..&Year=.. -> ieListDocuments.aspx?CId=..&MId=..
(+ mgMeetingAttendance.aspx, and mgAi.aspx for minutes a page shows only in part); councillors
from mgMemberIndex.aspx and mgUserInfo.aspx. Only sequences requests; parsing lives in
parse_pages and parse_meeting_html."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urljoin

from minutes_miner.fetch import Fetcher
from minutes_miner.models import Committee, Council, Meeting, ParsedMeeting, Person
from minutes_miner.sources.moderngov.parse_meeting_html import (
    parse_agenda_item_html,
    parse_attendance_html,
    parse_meeting_html,
)
from minutes_miner.sources.moderngov.parse_pages import (
    parse_committee_list,
    parse_meeting_list,
    parse_member_index,
    parse_member_page,
)


class HtmlDiscovery:
    mode = "HTML pages"

    def __init__(self, fetcher: Fetcher, base_url: str, council: Council):
        self.fetcher, self.base_url, self.council = fetcher, base_url, council

    def url(self, page: str) -> str:
        return urljoin(self.base_url, page)

    def committees_url(self) -> str:
        return self.url("mgListCommittees.aspx")

    def committees(self) -> list[Committee]:
        url = self.committees_url()
        return parse_committee_list(self.fetcher.get(url, refresh=True).data, self.council, source=url)

    def roster(self) -> list[Person]:
        index = self.url("mgMemberIndex.aspx")
        people = []
        for uid in parse_member_index(self.fetcher.get(index, refresh=True).data, source=index):
            url = self.url(f"mgUserInfo.aspx?UID={uid}")
            people.append(parse_member_page(self.fetcher.get(url).data, self.council, uid, source=url))
        return people

    def meetings_of(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        """The meetings listed for the years from `since` to `until` that the site offers."""
        first = self.url(f"ieListMeetings.aspx?CId={committee.external_id}&Year=0")
        links, years = parse_meeting_list(self.fetcher.get(first, refresh=True).data, source=first)
        found = {link.external_id: link for link in links}
        for year in years:
            if since.year <= year <= until.year:
                url = self.url(f"ieListMeetings.aspx?CId={committee.external_id}&Year={year}")
                more, _ = parse_meeting_list(self.fetcher.get(url, refresh=True).data, source=url)
                found.update((link.external_id, link) for link in more)
        meetings = []
        for link in found.values():
            if link.date is not None and not since <= link.date <= until:
                continue
            meetings.append(Meeting(
                committee_id=committee.id, external_id=link.external_id, date=link.date, time=link.time,
                status="Cancelled" if link.cancelled else "Confirmed",
                source_url=self.url(f"ieListDocuments.aspx?CId={committee.external_id}&MId={link.external_id}"),
            ))
        return sorted(meetings, key=lambda m: (m.date or date.min, m.external_id))

    def meeting_url(self, meeting: Meeting) -> str:
        return meeting.source_url

    def meeting(self, committee: Committee, meeting: Meeting, refresh: bool) -> ParsedMeeting:
        url = self.meeting_url(meeting)
        page = parse_meeting_html(self.fetcher.get(url, refresh=refresh).data, self.council, committee,
                                  meeting.external_id or "", self.base_url, source=url)
        attendance_url = self.url(f"mgMeetingAttendance.aspx?ID={meeting.external_id}")
        attendees = parse_attendance_html(self.fetcher.get(attendance_url, refresh=refresh).data, source=attendance_url)
        items = list(page.parsed.items)
        for position, item in enumerate(items):
            if item.external_id in page.cut_short:
                item_url = self.url(f"mgAi.aspx?ID={item.external_id}")
                full = parse_agenda_item_html(self.fetcher.get(item_url, refresh=refresh).data, self.base_url,
                                              source=item_url)
                items[position] = replace(item, minutes_text=full.minutes_text)
        return replace(page.parsed, items=tuple(items), attendees=attendees)
