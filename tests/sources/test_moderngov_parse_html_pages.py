"""The HTML-page parsers used when mgWebService.asmx does not answer: on the sample council's pages,
on real ModernGov markup (realdata) and on malformed pages."""
from __future__ import annotations

from datetime import date

import pytest
from paths import realdata_file

from minutes_miner.errors import ParseError
from minutes_miner.mockserver import render
from minutes_miner.mockserver.server import sample_site
from minutes_miner.models import Committee, Council
from minutes_miner.sources.moderngov.parse_meeting_html import (
    parse_agenda_item_html,
    parse_attendance_html,
    parse_issue_html,
    parse_meeting_html,
)
from minutes_miner.sources.moderngov.parse_pages import (
    absolute_url,
    looks_like_moderngov,
    parse_committee_list,
    parse_meeting_list,
    parse_member_index,
    parse_member_page,
)

BASE = "https://democracy.borsetshire.example/moderngov/"
COUNCIL = Council(name="Borsetshire County Council", base_url=BASE)


@pytest.fixture(scope="module")
def site():
    return sample_site()


def test_committee_list(site):
    committees = {c.external_id: c for c in parse_committee_list(render.page_list_committees(site), COUNCIL)}
    assert committees["131"].name == "Children's Services Overview and Scrutiny Committee"
    assert committees["131"].category == "Overview and Scrutiny"
    assert committees["131"].source_url == BASE + "mgCommitteeDetails.aspx?ID=131"
    assert committees["118"].category is None  # listed under "Previous committees"


def test_meeting_list_and_years(site):
    meetings, years = parse_meeting_list(render.page_list_meetings(site, 131, 0))
    assert years == [2023, 2024, 2025]
    by_id = {m.external_id: m for m in meetings}
    assert (by_id["4401"].date, by_id["4401"].time, by_id["4401"].committee_external_id) == (date(2023, 1, 17),
                                                                                           "10.00 am", "131")
    assert by_id["4415"].cancelled and not by_id["4401"].cancelled
    only_2024, _ = parse_meeting_list(render.page_list_meetings(site, 131, 2024))
    assert {m.date.year for m in only_2024} == {2024}


def test_meeting_page_items_minutes_and_documents(site):
    committee = Committee(council_id=COUNCIL.id, name="Children's Services Overview and Scrutiny Committee",
                          external_id="131")
    page = parse_meeting_html(render.page_list_documents(site, 131, 4401), COUNCIL, committee, "4401", BASE)
    meeting = page.parsed.meeting
    assert (meeting.date, meeting.time, meeting.status, meeting.minutes_published) == (date(2023, 1, 17), "10.00 am",
                                                                                      "Confirmed", True)
    assert meeting.venue == "Council Chamber, County Hall, Borchester"
    perf = next(i for i in page.parsed.items if i.external_id == "44014")
    assert perf.number == "4" and perf.title == "Children's Services Performance Indicators – Quarter 2 2022/23"
    assert perf.agenda_text.startswith("To receive and consider a report")
    assert "Dashboard 1 – Education Health and Care Plans (EHCP)" in perf.minutes_text
    assert perf.source_url == BASE + "mgAi.aspx?ID=44014"
    (doc,) = [d for d in page.parsed.documents if d.item_position == perf.position]
    assert doc.url == BASE + "documents/s62101/CS%20Performance%20Indicators%20Q2%202022-23.pdf"
    assert doc.title == "CS Performance Indicators Q2 2022-23" and doc.kind == "report"
    assert page.cut_short == ()


def test_unpublished_and_pdf_only_meetings(site):
    committee = Committee(council_id=COUNCIL.id, name="CS", external_id="131")
    future = parse_meeting_html(render.page_list_documents(site, 131, 4420), COUNCIL, committee, "4420", BASE)
    assert not future.parsed.meeting.minutes_published and not any(i.minutes_text for i in future.parsed.items)
    pdf_only = parse_meeting_html(render.page_list_documents(site, 131, 4406), COUNCIL, committee, "4406", BASE)
    (printed,) = [d for d in pdf_only.parsed.documents if d.item_position is None]
    assert printed.kind == "minutes" and printed.title.startswith("Printed minutes 19th-Mar-2024")


def test_attendance_page(site):
    people = {a.name: a for a in parse_attendance_html(render.page_attendance(site, 4401))}
    assert (people["Councillor Margaret Holloway"].kind, people["Councillor Margaret Holloway"].title) == ("chair",
                                                                                                          "Chair")
    assert people["Councillor Imran Siddiqui"].status == "apologies"
    assert people["Councillor Kevin Doyle"].status == "substitute"
    assert (people["Andrew Kilbride"].kind, people["Andrew Kilbride"].status) == ("officer", "present")
    externals = {a.name: a for a in parse_attendance_html(render.page_attendance(site, 4404))}
    assert externals["Dr Amina Ali"].kind == "external"
    assert externals["Dr Amina Ali"].title.endswith("Borsetshire NHS Foundation Trust")


def test_members_index_and_pages(site):
    uids = parse_member_index(render.page_member_index(site))
    assert "314" in uids and len(uids) >= 20
    person = parse_member_page(render.page_user_info(site, 314), COUNCIL, "314")
    assert person.kind == "cabinet_member" and person.title == "Cabinet Member for Children's Services"
    assert person.external_id == "314" and person.party and person.ward


def test_issue_page_like_the_seed_and_full_item(site):
    issue = parse_issue_html(render.page_issue(site, 9101), BASE)
    assert issue.title
    latest = next(m for m in issue.meetings if m.date == date(2024, 12, 10))
    assert (latest.date, latest.committee, latest.item_number) == (
        date(2024, 12, 10), "Children's Services Overview and Scrutiny Committee", "4")
    assert latest.meeting_url.startswith(BASE + "ieListDocuments.aspx?CId=131")
    assert [m.date for m in issue.meetings] == sorted((m.date for m in issue.meetings), reverse=True)
    cut = next(m for m in issue.meetings if m.item.minutes_cut_short)
    full = parse_agenda_item_html(render.page_agenda_item(site, int(cut.item.item_id)), BASE)
    assert not full.minutes_cut_short and len(full.minutes_text) > len(cut.item.minutes_text)
    assert full.minutes_text.startswith(cut.item.minutes_text.splitlines()[0])


@pytest.mark.realdata
def test_real_decision_pages_markup():
    detail = realdata_file("moderngov-html", "lgsf_modgov_decision_detail.html").read_bytes()
    assert looks_like_moderngov(detail)
    # "Decided at meeting" links with an upper-case MID and a date written with &#47;.
    (meeting,), _ = parse_meeting_list(detail)
    assert (meeting.external_id, meeting.committee_external_id, meeting.date) == ("4832", "151", date(2015, 10, 19))
    with pytest.raises(ParseError, match="not a ModernGov meeting page .heading 'Decision details'"):
        parse_meeting_html(detail, COUNCIL, Committee(COUNCIL.id, "Policy Committee", "151"), "4832", BASE)
    assert absolute_url(BASE, "documents/s7942/polc2 - 23.09.2015.pdf") == \
        BASE + "documents/s7942/polc2%20-%2023.09.2015.pdf"
    listing = realdata_file("moderngov-html", "lgsf_modgov_decisions_list.html").read_bytes()
    assert looks_like_moderngov(listing) is False or parse_committee_list(listing, COUNCIL) == []


@pytest.mark.parametrize("body, message", [
    (b"", "empty response where the meeting page was expected"),
    (b"   \n", "empty response"),
    (b"%PDF-1.7\n1 0 obj", "a PDF where the meeting page was expected"),
    (b'<?xml version="1.0"?><meeting><meetingid>1</meetingid></meeting>', "XML where the meeting page"),
    (b"<html><body><h1>Service unavailable</h1></body></html>", "not a ModernGov meeting page"),
])
def test_malformed_meeting_pages(body, message):
    with pytest.raises(ParseError, match=message) as err:
        parse_meeting_html(body, COUNCIL, Committee(COUNCIL.id, "X", "1"), "1", BASE, source="http://x/page")
    assert "http://x/page" in str(err.value)


def test_truncated_pages_do_not_crash(site):
    page = render.page_list_documents(site, 131, 4401)
    committee = Committee(council_id=COUNCIL.id, name="CS", external_id="131")
    cut = parse_meeting_html(page[: len(page) // 2], COUNCIL, committee, "4401", BASE)
    assert 0 < len(cut.parsed.items) < 6
    assert parse_attendance_html(render.page_attendance(site, 4401)[:600]) == ()
    with pytest.raises(ParseError, match="not a ModernGov committee list"):
        parse_committee_list(b"<html><body><p>Parish newsletter</p></body></html>", COUNCIL)


LIST_DOCUMENTS_PAGE = """<html><body><div id="modgov"><div class="mgContent">
<h2 class="mgSectionTitle">Attendance</h2>
<p><strong>Members:</strong> Councillor Jean Ferris (Chair) (Marrick City Council), Councillor Ruth Aske (Ousewold District Council)</p>
<p><strong>Officers:</strong> Geoffrey Barraclough (Treasurer) and Hannah Wilde (Clerk and Monitoring Officer)</p>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">18/24</p></td><td>
<p class="mgAiTitleTxt">Members' Questions</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><table><tr><th>Question from</th><th>Question</th></tr>
<tr><td>Councillor Ruth Aske</td><td>Will the Authority publish the figures?</td></tr></table></div>
</td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">19/24</p></td><td>
<p class="mgAiTitleTxt">Budget</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The Treasurer presented the report.</p></div></td></tr>
</table></div></div></body></html>"""


def test_list_documents_page_reads_attendance_and_ignores_rows_of_tables_inside_minutes():
    from minutes_miner.sources.moderngov.parse_html import parse_meeting_page

    minutes = parse_meeting_page(LIST_DOCUMENTS_PAGE, "page.html")
    assert [(i.number, i.title) for i in minutes.items] == [("18/24", "Members' Questions"), ("19/24", "Budget")]
    assert "Question: Will the Authority publish the figures?" in minutes.items[0].text
    people = {a.name: (a.kind, a.title) for a in minutes.attendance}
    assert people["Councillor Jean Ferris"] == ("chair", "Chair")
    assert people["Geoffrey Barraclough"] == ("officer", "Treasurer")
    assert people["Hannah Wilde"] == ("officer", "Clerk and Monitoring Officer")


BULLETED_ATTENDANCE_PAGE = """<html><body><div id="modgov"><div class="mgContent">
<h2 class="mgSectionTitle">Attendance</h2>
<ul class="mgBulletList">
<li>Councillor Maud Penrose – Leader of the Council (Chair)</li>
<li>Councillor Idris Vane – Cabinet Member for Parks and Open Spaces</li>
</ul>
<p><strong>Officers:</strong> Colm Brady (Head of Leisure)</p>
<h2 class="mgSectionTitle">Items</h2>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">4.</p></td><td>
<p class="mgAiTitleTxt">Parks Strategy</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><ul><li>The Cabinet Member for Parks presented the strategy.</li></ul></div></td></tr>
</table></div></div></body></html>"""


def test_bulleted_list_under_an_attendance_heading_names_each_role():
    from minutes_miner.sources.moderngov.parse_html import parse_meeting_page

    minutes = parse_meeting_page(BULLETED_ATTENDANCE_PAGE, "page.html")
    people = {a.name: (a.kind, a.title) for a in minutes.attendance}
    assert people == {
        "Councillor Maud Penrose": ("chair", "Leader of the Council (Chair)"),
        "Councillor Idris Vane": ("cabinet_member", "Cabinet Member for Parks and Open Spaces"),
        "Colm Brady": ("officer", "Head of Leisure"),
    }
