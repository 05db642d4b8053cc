"""Styles first met in gold batches 9 and 10 (invented minutes, written here): a ModernGov page
whose officers are named only in an "Officers present" table (Name | Role) and whose members are
listed under "<Body> Members:"."""
from __future__ import annotations

import pytest
from nlp_helpers import find

OFFICER_TABLE_PAGE = """\
<!DOCTYPE html>
<html lang="en-GB"><head><title>Agenda and minutes for Adult Social Care Scrutiny Commission - Ashcombe Borough Council</title></head>
<body><div id="modgov">
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Adult Social Care Scrutiny Commission - Tuesday, 4th March, 2025 6.00 pm</h2></div>
<div class="mgContent">
<h2 class="mgSectionTitle">Attendance</h2>
<p><strong>Commission Members:</strong> Councillor Hana Wilde (Chair), Councillor Piotr Nowak, Councillor Ruth Gale</p>
<h2 class="mgSectionTitle">Officers present</h2>
<table class="mgStatsTable" summary="Officers present">
<tr><th scope="col">Name</th><th scope="col">Role</th></tr>
<tr><td>Owen Tregarth</td><td>Director of Adult Social Care</td></tr>
<tr><td>Selina Marsh</td><td>Head of Commissioning</td></tr>
</table>
<h2 class="mgSectionTitle">Items</h2>
<table class="mgItemTable" summary="Table of items for this meeting">
<tr><th class="mgItemNumberHeader" scope="col">No.</th><th scope="col">Item</th></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">12.</p></td>
<td><p class="mgAiTitleTxt">Home Care Market</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara">
<p>The Chair welcomed the Director of Adult Social Care to the meeting.</p>
<p>The Director of Adult Social Care introduced the report on the home care market.</p>
<p>He said that eleven providers had joined the framework since April.</p>
<p>Councillor Nowak asked how many hours of care were still unallocated.</p>
<p>The Head of Commissioning replied that 420 hours a week were waiting to be picked up.</p>
</div></td></tr>
</table>
</div></div></body></html>
"""


@pytest.fixture(scope="module")
def officer_table(tmp_path_factory):
    from minutes_miner.inputs import read_file
    from minutes_miner.nlp import analyse

    path = tmp_path_factory.mktemp("batch10") / "officers.html"
    path.write_text(OFFICER_TABLE_PAGE, encoding="utf-8")
    return analyse(read_file(path).minutes)


def test_officers_table_and_body_members_label_are_the_attendance(officer_table):
    people = {a.name: (a.kind, a.title) for a in officer_table.attendance}
    assert people["Owen Tregarth"] == ("officer", "Director of Adult Social Care")
    assert people["Selina Marsh"] == ("officer", "Head of Commissioning")
    assert people["Councillor Hana Wilde"][0] == "chair"
    assert people["Councillor Piotr Nowak"][0] == "member"


@pytest.mark.parametrize("fragment, expected", [
    ("The Chair welcomed", ("wilde", "chair", "welcome")),
    ("introduced the report", ("tregarth", "officer", "statement")),
    ("eleven providers", ("tregarth", "officer", "statement")),
    ("420 hours", ("marsh", "officer", "answer")),
])
def test_roles_in_the_text_resolve_to_the_tabled_holder(officer_table, fragment, expected):
    _, s = find(officer_table.items[0], fragment)
    assert (s.speaker_key, s.speaker_kind, s.act) == expected


@pytest.mark.parametrize("sentence", [
    "Councillor Varga expressed deep concern that patients were waiting on trolleys overnight.",
    "Councillor Varga expressed grave concern about the loss of the minor injuries unit.",
    "Councillor Varga expressed considerable concerns that the ambulance handovers were slipping.",
])
def test_a_degree_of_concern_expressed_is_a_concern(sentence):
    from minutes_miner.nlp import analyse, minutes_from_text

    text = "HEALTH SCRUTINY PANEL\n\nPresent: Councillor Eva Varga\n\n5. Urgent Care\n\n" + sentence + "\n"
    doc = analyse(minutes_from_text(text, "invented.txt"))
    _, s = find(doc.items[-1], "Councillor Varga expressed")
    assert (s.speaker_key, s.act) == ("varga", "concern")
