"""Speaker misses of gold batches 21-24, each as the family of ways councils print the same thing,
in invented minutes."""
from __future__ import annotations

import pytest
from nlp_helpers import find

from minutes_miner.extract.html_text import html_to_text
from minutes_miner.nlp import analyse, minutes_from_text

_ROSTER = """\
Present: Councillor Bryony Keel (Chair), Councillor Éamon Ó Briain, Councillor Tess Varley, Councillor Nadia Rusk

Officers: Hugh Penrose (Director of Finance)

6. Budget dashboard

The Director of Finance introduced the dashboard.
"""


def _said(doc, fragment):
    _, s = find(doc.items[-1], fragment)
    return s.speaker_key, s.speaker_kind, s.act


@pytest.mark.parametrize("point_heading", ["Question / comment", "Question/Comment", "Comment or question", "Questions and comments"])
def test_a_member_column_names_who_made_the_point_in_the_next_column(point_heading):
    table = html_to_text(f"<table><tr><th>Member</th><th>{point_heading}</th><th>Response</th></tr>"
                         "<tr><td>Councillor Ó Briain</td><td>Asked what the vacancy freeze had saved.</td>"
                         "<td>The Director of Finance said that it had saved £0.8 million.</td></tr>"
                         "<tr><td>Councillor Varley</td><td>Expressed concern that reserves were being used again.</td>"
                         "<td>The Director of Finance said that a recovery plan was being written.</td></tr>"
                         "<tr><td>The Chair</td><td>Asked whether the plan would come to the committee.</td>"
                         "<td>The Director of Finance confirmed that it would.</td></tr></table>")
    doc = analyse(minutes_from_text(_ROSTER + "\n" + table + "\n", "invented.txt"))
    assert _said(doc, "vacancy freeze") == ("briain", "member", "question")  # an accented capital after the honorific
    assert _said(doc, "saved £0.8 million") == ("penrose", "officer", "answer")
    assert _said(doc, "reserves were being used")[:2] == ("varley", "member")
    assert _said(doc, "come to the committee") == ("keel", "chair", "question")  # the Chair, named by role in the cell


WITNESSES_ON_ONE_LINE = """\
Present: Councillor Bryony Keel (Chair), Councillor Tess Varley

3. Minutes

The minutes of the last meeting were agreed.

4. Youth services review

Witnesses:

Ruth Abernethy, Cabinet Member for Young People – Dr Kofi Mensah, Executive Director – Children and Learning – Iolo Prydderch, Assistant Director – Early Help and Prevention – Zainab Quist, Chair, Riverside Youth Forum

The Assistant Director – Early Help and Prevention explained that two youth centres had closed.

The Executive Director said that the budget had been protected.

Councillor Varley asked how many young people used the centres. The Chair of the Youth Forum said that the forum had surveyed 300 young people.
"""


def test_witnesses_on_one_line_separated_by_dashes_are_read_with_their_titles():
    doc = analyse(minutes_from_text(WITNESSES_ON_ONE_LINE, "invented.txt"))
    assert _said(doc, "two youth centres had closed")[:2] == ("prydderch", "officer")  # a title holding a dash
    assert _said(doc, "budget had been protected")[:2] == ("mensah", "officer")
    assert not any("Abernethy," in s.text for s in doc.items[-1].statements)  # the list is no statement


ATTENDEE_TABLE_PAGE = """<html><body><div id="modgov"><div class="mgContent">
<h2 class="mgSectionTitle">Attendance</h2>
<table class="mgStatsTable" summary="Attendance">
<tr><th>Attendee</th><th>Role</th></tr>
<tr><td>Councillor Morwenna Tate</td><td>Chair</td></tr>
<tr><td>Councillor Ifan Rees</td><td>Committee Member</td></tr>
<tr><td>Kwesi Boahen</td><td>Operations Director, Brookfield Homes</td></tr>
<tr><td>Carys Penhale</td><td>Director of Adult Social Care</td></tr>
</table>
<h2 class="mgSectionTitle">Items</h2>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">7.</p></td><td>
<p class="mgAiTitleTxt">Care Homes Market</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The Chair welcomed Kwesi Boahen to the meeting.</p>
<ul><li><strong>Cllr Rees</strong> asked how many homes had closed.</li>
<li><strong>Kwesi:</strong> Three homes had closed since April.</li>
<li><strong>Carys:</strong> The Council had placed every resident elsewhere.</li></ul></div></td></tr>
</table></div></div></body></html>"""


def test_an_attendee_table_and_first_name_labels_name_the_speakers():
    from minutes_miner.sources.moderngov.parse_html import parse_meeting_page

    minutes = parse_meeting_page(ATTENDEE_TABLE_PAGE, "page.html")
    people = {a.name: (a.kind, a.title) for a in minutes.attendance}
    assert people["Councillor Morwenna Tate"] == ("chair", "Chair")  # an "Attendee | Role" table
    assert people["Carys Penhale"] == ("officer", "Director of Adult Social Care")
    doc = analyse(minutes)
    assert _said(doc, "welcomed Kwesi Boahen")[:2] == ("tate", "chair")
    assert _said(doc, "Three homes had closed")[0] == "boahen"  # "Kwesi:": a first name as a label
    assert _said(doc, "placed every resident")[:2] == ("penhale", "officer")


@pytest.mark.parametrize("label", ["Maintained primary headteachers", "Special schools", "Governors", "Non-school members",
                                   "Secondary academy principals"])
def test_a_schools_forums_seats_by_phase_list_its_members(label):
    from minutes_miner.nlp import parse_attendance

    people = {a.name: (a.kind, a.status) for a in parse_attendance(f"{label}: Gwen Tilsley (Hillcrest School) (Chair); Omar Faris (Parkside School)")}
    assert people["Gwen Tilsley"] == ("chair", "present")
    assert people["Omar Faris"] == ("member", "present")


INITIALS_TABLE = """\
MARSHLAND FIRE AUTHORITY

Minutes of a meeting held on 4 June 2025


PRESENT

  Authority Members
    Councillor Gwen Tilsley (GT)          Chair           Marshland County Council
    Councillor Éamon Ó Briain (EÓB)                      Fenbury City Council
    Mr Omar Faris (OF)                    Independent Member

  Fire and Rescue Service
    Alison Dunmore (AD)                   Chief Fire Officer

1.  Budget monitoring

AD presented the outturn report.

EÓB asked why overtime had risen. AD said that two stations had been short of crews.

OF welcomed the report.
"""


def test_a_bare_present_over_a_table_of_people_with_initials_keys_the_initials():
    doc = analyse(minutes_from_text(INITIALS_TABLE, "invented.txt"))
    assert _said(doc, "presented the outturn report") == ("dunmore", "officer", "statement")
    assert _said(doc, "short of crews")[:2] == ("dunmore", "officer")
    assert _said(doc, "welcomed the report")[:2] == ("faris", "member")
    assert not any("Authority Members" in s.text or "Tilsley" in s.text for s in doc.items[0].statements)
