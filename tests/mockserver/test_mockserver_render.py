"""The mock ModernGov server over HTTP: web-service XML, HTML pages, documents, errors."""
from __future__ import annotations

import html

import pytest
import requests
from bs4 import BeautifulSoup
from lxml import etree

from minutes_miner.mockserver import render, sample_site, serve


@pytest.fixture(scope="module")
def server():
    with serve(sample_site()) as srv:
        yield srv


def get(server, path: str) -> requests.Response:
    return requests.get(server.base_url + path, timeout=10)


def xml(server, path: str):
    r = get(server, path)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/xml")
    return etree.fromstring(r.content)


def test_base_url_is_loopback(server):
    assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/moderngov/")
    with pytest.raises(ValueError):
        serve(sample_site(), host="0.0.0.0")


def test_get_committees(server):
    root = xml(server, "mgWebService.asmx/GetCommittees?lDummy=0")
    assert root.tag == "committees"
    assert root.findtext("committeescount") == " 4"
    titles = {c.findtext("committeetitle"): c for c in root.iter("committee")}
    cs = titles["Children's Services Overview and Scrutiny Committee"]
    assert cs.findtext("committeeid") == "131" and cs.findtext("committeedeleted") == "False"
    assert titles["Education Standards Sub-Committee"].findtext("committeeexpired") == "True"


def test_get_meetings_date_filter(server):
    root = xml(server, "mgWebService.asmx/GetMeetings?lCommitteeId=131&sFromDate=01/01/2024&sToDate=31/12/2024")
    ids = [m.findtext("meetingid") for m in root.iter("meeting")]
    assert ids == ["4415", "4406", "4407", "4408", "4409"]
    assert root.findtext("meetingscount") == " 5"
    statuses = {m.findtext("meetingid"): m.findtext("meetingstatus") for m in root.iter("meeting")}
    assert statuses["4415"] == "Cancelled"
    everything = xml(server, "mgWebService.asmx/GetMeetings?lCommitteeId=131&sFromDate=01/01/2000&sToDate=31/12/2030")
    assert len(list(everything.iter("meeting"))) == 11
    assert get(server, "mgWebService.asmx/GetMeetings?lCommitteeId=999&sFromDate=01/01/2000&sToDate=31/12/2030").status_code == 404


def test_get_meeting_with_minutes(server):
    root = xml(server, "mgWebService.asmx/GetMeeting?lMeetingId=4405")
    assert root.findtext("meetingdate") == "12/12/2023"
    assert root.findtext("minutepublished") == "True"
    items = {i.findtext("agendaitemtitle"): i for i in root.iter("agendaitem")}
    perf = items["Children's Services Performance Indicators – Quarter 2 2023/24"]
    assert perf.findtext("fulldisplaynumberformat") == "4."
    minutes = html.unescape(perf.findtext("minutesnonemptyhtmlbody"))
    assert "had improved again this quarter" in minutes  # the claim the KPI report contradicts
    assert "He undertook to provide a breakdown of placement costs" in minutes
    assert "<p>" in perf.findtext("minutesnonemptyhtmlbody")  # escaped HTML, parsed as text
    (doc,) = perf.iter("linkeddoc")
    assert doc.findtext("attachmentid") == "62501"
    assert doc.findtext("url") == server.base_url + "documents/s62501/CS%20Performance%20Indicators%20Q2%202023-24.pdf"
    assert doc.findtext("ownertitle") == perf.findtext("agendaitemtitle")
    attendees = {a.get("name"): a for a in root.iter("attendee")}
    assert attendees["Councillor Margaret Holloway"].get("roledescription") == "Chair"
    assert attendees["Councillor Rosemary Kettle"].get("attendance") == "Apologies"
    assert attendees["Councillor Sunita Mehta"].get("politicalparty") == "LAB"
    assert attendees["Councillor Sunita Mehta"].get("ward") == "Felpersham East"
    assert attendees["Priya Nandra"].get("membertype") == "officer"
    assert attendees["Jenny Lakin"].get("roledescription") == "Chief Executive, Borsetshire Parent Carer Forum"


def test_get_meeting_pdf_only_and_future_and_cancelled(server):
    root = xml(server, "mgWebService.asmx/GetMeeting?lMeetingId=4406")
    assert all(not (i.findtext("minutesnonemptyhtmlbody") or "").strip() for i in root.iter("agendaitem"))
    printed = root.find("./linkeddocuments/linkeddoc")
    assert printed.findtext("ownertitle") == "Printed minutes"
    assert get(server, printed.findtext("url").replace(server.base_url, "")).content[:4] == b"%PDF"
    future = xml(server, "mgWebService.asmx/GetMeeting?lMeetingId=4420")
    assert future.findtext("minutepublished") == "False" and len(list(future.iter("agendaitem"))) == 6
    cancelled = xml(server, "mgWebService.asmx/GetMeeting?lMeetingId=4415")
    assert cancelled.findtext("meetingstatus") == "Cancelled" and not list(cancelled.iter("agendaitem"))


def test_get_councillors_by_ward(server):
    root = xml(server, "mgWebService.asmx/GetCouncillorsByWard")
    names = {c.findtext("fullusername"): c for c in root.iter("councillor")}
    assert len(names) >= 20 and "Mrs Yvonne Shaw" not in names
    assert names["Councillor Caroline Stanford"].findtext("keyposts") == "Cabinet Member for Children's Services"
    wards = {w.findtext("wardtitle") for w in root.iter("ward")}
    assert "Hollerton" in wards


def test_list_documents_page(server):
    r = get(server, "ieListDocuments.aspx?CId=131&MId=4402&Ver=4")
    assert r.headers["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.select_one("div#modgov h1.mgMainTitleTxt").get_text() == "Agenda and minutes"
    rows = soup.select("table.mgItemTable tr")[1:]
    assert [r.select_one("td.mgItemNumberCell p.mgAiTitleTxt").get_text() for r in rows] == [f"{n}." for n in range(1, 8)]
    send = rows[4]
    link = send.select_one("p.mgAiTitleTxt a.mgAiTitleLnk")
    assert link["href"] == "documents/s62202/SEND Improvement Plan report March 2023.pdf"
    assert send.select_one("p.mgSubItemTitleTxt").get_text() == "Minutes:"
    assert "Jenny Lakin, Chief Executive of the Borsetshire Parent Carer Forum" in send.get_text()
    assert "PDF" in link.select_one("span.mgFileSize").get_text()


def test_list_documents_pdf_only_meeting(server):
    soup = BeautifulSoup(get(server, "ieListDocuments.aspx?CId=131&MId=4406&Ver=4").text, "html.parser")
    assert not [p for p in soup.select("p.mgSubItemTitleTxt") if p.get_text() == "Minutes:"]
    printed = [a for a in soup.select("a") if a.get_text().startswith("Printed minutes")]
    assert printed and printed[0]["href"].startswith("documents/g4406/")
    assert len(soup.select("table.mgItemTable tr")) == 7


def test_meeting_lists_and_cancelled(server):
    soup = BeautifulSoup(get(server, "ieListMeetings.aspx?CId=131&Year=0").text, "html.parser")
    links = [a["href"] for a in soup.select("div.mgContent ul.mgBulletList a")]
    assert "ieListDocuments.aspx?CId=131&MId=4401&Ver=4" in links and len(links) == 11
    assert "CANCELLED" in soup.get_text()
    only_2023 = BeautifulSoup(get(server, "ieListMeetings.aspx?CId=131&Year=2023").text, "html.parser")
    assert len(only_2023.select("div.mgContent ul.mgBulletList a")) == 5
    committees = get(server, "mgListCommittees.aspx").text
    assert "mgCommitteeDetails.aspx?ID=137" in committees


def test_agenda_item_issue_and_attendance_pages(server):
    item = BeautifulSoup(get(server, "mgAi.aspx?ID=44075").text, "html.parser")
    assert item.select_one("h1.mgMainTitleTxt").get_text() == "Agenda item"
    assert "Meeting: 25/06/2024 - Children's Services Overview and Scrutiny Committee (Item 5)" in item.get_text()
    assert "Dr Ali (NHS Trust) reported" in item.get_text()
    issue = BeautifulSoup(get(server, "ieIssueDetails.aspx?IId=9101&Opt=3").text, "html.parser")
    assert issue.select_one("h1.mgMainTitleTxt").get_text() == "Issue - meetings"
    text = issue.get_text()
    assert "Meeting: 10/12/2024 - Children's Services Overview and Scrutiny Committee (Item 4)" in text
    assert "view the full minutes text for item 4" in text
    att = BeautifulSoup(get(server, "mgMeetingAttendance.aspx?ID=4401").text, "html.parser")
    rows = {tuple(td.get_text() for td in tr.select("td"))[0:3] for tr in att.select("table.mgTabTable tbody tr")}
    assert ("Councillor Margaret Holloway", "Chair", "Present") in rows
    assert ("Simon Greaves", "Performance Leader, Intelligence and Impact", "In attendance") in rows


def test_document_download_and_head(server):
    r = get(server, "documents/s62101/CS%20Performance%20Indicators%20Q2%202022-23.pdf")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
    assert r.content[:5] == b"%PDF-"
    h = requests.head(server.base_url + "documents/s62101/CS Performance Indicators Q2 2022-23.pdf", timeout=10)
    assert h.status_code == 200 and int(h.headers["Content-Length"]) == len(r.content) and not h.content
    assert get(server, "mgConvert2PDF.aspx?ID=62101").content == r.content


@pytest.mark.parametrize("path", [
    "mgWebService.asmx/GetMeeting?lMeetingId=1",
    "mgAi.aspx?ID=1",
    "ieListDocuments.aspx?CId=131&MId=9999&Ver=4",
    "ieListDocuments.aspx?CId=137&MId=4401&Ver=4",
    "ieIssueDetails.aspx?IId=1&Opt=3",
    "mgMeetingAttendance.aspx?ID=abc",
    "documents/s1/nothing.pdf",
    "nosuchpage.aspx",
])
def test_unknown_ids_are_404(server, path):
    assert get(server, path).status_code == 404


def test_outside_base_path_404_robots_and_methods(server):
    root = server.base_url.split("/moderngov/")[0]
    assert requests.get(root + "/other/mgListCommittees.aspx", timeout=10).status_code == 404
    robots = requests.get(root + "/robots.txt", timeout=10)
    assert robots.status_code == 200 and "Allow: /" in robots.text
    assert requests.post(server.base_url + "mgListCommittees.aspx", timeout=10).status_code == 405


def test_requests_are_recorded():
    with serve(sample_site()) as srv:
        requests.get(srv.base_url + "mgWebService.asmx/GetCommittees", timeout=10)
        requests.get(srv.base_url + "mgAi.aspx?ID=44014", timeout=10)
        assert srv.requests == ["/moderngov/mgWebService.asmx/GetCommittees", "/moderngov/mgAi.aspx?ID=44014"]


def test_query_keys_are_case_insensitive(server):
    assert get(server, "ielistdocuments.aspx?cid=131&mid=4401&ver=4").status_code == 200
    assert get(server, "mgWebService.asmx/GetMeeting?lmeetingid=4401").status_code == 200


def test_render_functions_are_pure():
    site = sample_site()
    assert render.ws_get_meeting(site, 4401, "http://x/") == render.ws_get_meeting(site, 4401, "http://x/")
    assert render.page_list_documents(site, 131, 4401) == render.page_list_documents(site, 131, 4401)
    assert render.ws_get_meeting(site, 1, "http://x/") is None
