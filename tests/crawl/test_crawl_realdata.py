"""The real Manchester mgWebService.asmx responses, served from a loopback server, crawled end to end."""
from __future__ import annotations

import pytest
from paths import realdata_file

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import XML, Fault, serve
from minutes_miner.mockserver.site import Site
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store


def _xml(name: str) -> Fault:
    return Fault(body=realdata_file("moderngov-xml", name).read_bytes(), content_type=XML)


@pytest.mark.realdata
def test_real_manchester_meeting_crawled_from_loopback(tmp_path):
    faults = {
        "mgWebService.asmx/GetCommittees": _xml("lgsf_manchester_GetCommittees_committees.xml"),
        "mgWebService.asmx/GetMeetings?lCommitteeId=144": _xml("lgsf_manchester_GetMeetings_meetings.xml"),
        "mgWebService.asmx/GetMeeting?lMeetingId=4967": _xml("lgsf_manchester_GetMeeting_with_minutes.xml"),
        "mgWebService.asmx/GetMeeting?lMeetingId=4966": _xml("lgsf_manchester_GetMeeting_no_minutes.xml"),
    }
    site = Site(council_name="Manchester City Council", committees=[], meetings=[])
    with serve(site, base_path="/", faults=faults) as server, open_store(tmp_path / "m.db") as store:
        summary = crawl(store, server.base_url, CrawlOptions(committees=("Audit",)), FetchConfig(delay=0, retries=0))
        (meeting,) = store.meetings()
        items = store.items(meeting.id)
        attendees = store.attendees(meeting.id)
        documents = store.documents(meeting.id)
        failures = {f.url: f.reason for f in store.failures()}
    assert summary.mode == "web service" and summary.new == 1  # the cancelled meeting 4966 is skipped
    assert (meeting.committee, meeting.date.isoformat(), meeting.minutes_published) == ("Audit Committee", "2026-02-10",
                                                                                       True)
    assert [(i["number"], i["title"]) for i in items] == [("1", "Minutes"), ("9", "Work Programme")]
    assert items[1]["minutes_text"] == ("The Committee considered a report of the Governance and Scrutiny Support "
                                        "Unit which set out its future Work Programme for the remainder of 2025/26 "
                                        "municipal year.")
    assert items[1]["source_url"] == server.base_url + "mgAi.aspx?ID=18833"
    assert {(d.url, d.title, d.item_id) for d in documents} == {
        ("https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860",
         "6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025", items[0]["id"]),
        ("https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909", "DRAFT WP  FEBRUARY 2026", items[1]["id"]),
    }
    # The fixture's documents live on the council's host, not on this loopback server: recorded, not fetched.
    assert all(d.sha256 is None for d in documents)
    assert "links to another host (democracy.manchester.gov.uk)" in \
        failures["https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909"]
    ((person, attendance),) = attendees
    assert (person.name, person.kind, person.party, person.ward) == ("Councillor Basil Curley", "member", "LAB",
                                                                     "Charlestown")
    assert (attendance.role, attendance.status) == ("Committee Member", "present")
