"""Styles first met in gold batches 7 and 8 (invented minutes, written here): informal notes with a
key to initials, run-in initials labels and verbless notes; role back-references to a named holder."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

KEY_NOTES = """\
WESTBRIDGE DISTRICT COUNCIL
Capital Programme Working Group – notes – 3 March 2025

Key to initials:
AB – Councillor Amy Brook (Chair of the Group)
TF – Councillor Tom Fenn
NP – Councillor Nia Prowse, Cabinet Member for Resources
RL – Rita Lowe, Head of Finance

1. Notes of the last meeting

- Notes of 4 February agreed as accurate.

2. Capital monitoring

- RL: slippage of £2m forecast at quarter 2 on the leisure centre scheme.
- Contingency for the depot scheme already fully committed.
- Finance (RL): borrowing costs up by £140k on the year.
- TF asked whether the slippage would push the scheme into next year.
- RL: mostly timing; the contractor expects to recover two months.
- TF concerned that the depot contingency had gone before the roof works started.
- NP pleased that the solar panels had come in under budget.
- TF and AB strongly opposed any further delay to the play areas.
- ACTION: RL to circulate the revised cash flow by 14 March.
- AB thanked officers for the report.
"""


@pytest.fixture(scope="module")
def key_notes():
    return analyse_text(KEY_NOTES)


def test_key_to_initials_is_the_attendance(key_notes):
    people = {a.name: a.kind for a in key_notes.attendance}
    assert people == {"Councillor Amy Brook": "chair", "Councillor Tom Fenn": "member",
                      "Councillor Nia Prowse": "cabinet_member", "Rita Lowe": "officer"}
    assert all("Key to initials" not in s.text for item in key_notes.items for s in item.statements)


@pytest.mark.parametrize("fragment, expected", [
    ("slippage of £2m", ("Rita Lowe", "officer", "statement")),
    ("borrowing costs up", ("Rita Lowe", "officer", "statement")),
    ("TF asked whether", ("Councillor Tom Fenn", "member", "question")),
    ("mostly timing", ("Rita Lowe", "officer", "answer")),
    ("TF concerned that", ("Councillor Tom Fenn", "member", "concern")),
    ("NP pleased that", ("Councillor Nia Prowse", "cabinet_member", "welcome")),
    ("strongly opposed", ("Councillor Tom Fenn", "member", "concern")),
    ("RL to circulate", ("Rita Lowe", "officer", "commitment")),
    ("AB thanked officers", ("Councillor Amy Brook", "chair", "welcome")),
])
def test_initials_labels_and_verbless_notes(key_notes, fragment, expected):
    item = next(i for i in key_notes.items if i.number == "2")
    _, s = find(item, fragment)
    assert (s.speaker, s.speaker_kind, s.act) == expected


def test_a_bare_note_goes_on_with_the_labelled_speaker_above(key_notes):
    item = next(i for i in key_notes.items if i.number == "2")
    _, s = find(item, "Contingency for the depot scheme")
    assert s.speaker == "Rita Lowe"


def test_notes_agreed_as_accurate_are_the_groups_decision(key_notes):
    item = next(i for i in key_notes.items if i.number == "1")
    _, s = find(item, "agreed as accurate")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution")


def test_an_action_owned_by_a_role_is_still_not_a_statement():
    doc = analyse_text("""\
1. Housing update

Mrs Joan Pryce, Head of Housing, presented the report on temporary accommodation.

Action: Head of Housing to send the figures to members.

2. Any other business

None.
""")
    texts = [s.text for s in doc.items[0].statements]
    assert any("presented the report" in t for t in texts)
    assert not any("send the figures" in t for t in texts)


DECISION_SESSION = """\
<html><body>
<h1>Agenda and minutes: Decision Session - Executive Member for Parks and Leisure, Tuesday 2 July 2024</h1>
<h2 class="mgSectionTitle">Attendance</h2>
<p><strong>Executive Member:</strong> Councillor Ines Varley (Executive Member for Parks and Leisure)</p>
<p><strong>Officers in attendance:</strong> Owen Pask (Head of Parks), Dina Rooke (Democracy Officer)</p>
<h2 class="mgSectionTitle">Items</h2>
<table class="mgItemTable">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">7.</p></td>
<td><p class="mgAiTitleTxt">Play Area Renewal Programme</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara">
<p>The Executive Member considered a report on the renewal of eleven play areas.</p>
<p>The Executive Member asked how many play areas had been closed for safety reasons.</p>
<p>Mr Pask confirmed that three had been closed since April.</p>
<p>Resolved: That the Executive Member:</p>
<p>(i) approved the renewal programme at Annex A;</p>
<p>(ii) agreed that the Head of Parks report on progress in six months.</p>
<p>Reason: To keep the play areas safe and open.</p>
</div></td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">8.</p></td>
<td><p class="mgAiTitleTxt">Allotment Fees</p>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara">
<p>The Executive Member welcomed the report on allotment fees.</p>
</div></td></tr>
</table></body></html>
"""


@pytest.fixture(scope="module")
def decision_session(tmp_path_factory):
    from minutes_miner.inputs import read_file
    from minutes_miner.nlp import analyse

    path = tmp_path_factory.mktemp("session") / "session.html"
    path.write_text(DECISION_SESSION, encoding="utf-8")
    return analyse(read_file(path).minutes)


@pytest.mark.parametrize("fragment, expected", [
    ("considered a report on the renewal", ("varley", "cabinet_member", "statement")),
    ("asked how many play areas", ("varley", "cabinet_member", "question")),
    ("approved the renewal programme", ("committee", "group", "resolution")),
    ("Reason: To keep the play areas", ("committee", "group", "resolution")),
])
def test_decision_session_executive_member_and_reasons(decision_session, fragment, expected):
    item = decision_session.items[0]
    _, s = find(item, fragment)
    assert (s.speaker_key, s.speaker_kind, s.act) == expected


INDENTED = """\
NORTHFLEET BOROUGH COUNCIL

HEALTH SCRUTINY SUB-COMMITTEE

PRESENT:      Councillor Ada Kerr (Chair)
              Councillor Ben Lusk (Vice-Chair)
              Councillors Cara Moss and Dev Nair

NHS AND PARTNERS:
              Erin Oakes (Place Director, North Kent Integrated Care Board)

OFFICERS:     Finn Pryor (Director of Adult Social Care)
              Gwen Quill (Scrutiny Officer)


1. COMMUNITY SERVICES

The Vice-Chair asked whether the new clinics were fully staffed.

Ms Oakes said that two posts were still vacant.

The Scrutiny Officer presented the work programme.

RESOLVED: That the Sub-Committee

(1) notes the update;

(2) asks the ICB to report back in March.


2. ANY OTHER BUSINESS

None.
"""


@pytest.fixture(scope="module")
def indented():
    return analyse_text(INDENTED)


def test_attendance_one_entry_per_indented_line(indented):
    people = {a.name: a.kind for a in indented.attendance}
    assert people["Councillor Ben Lusk"] == "member"
    assert people["Councillor Dev Nair"] == "member"
    assert people["Erin Oakes"] == "external"
    assert people["Gwen Quill"] == "officer"


@pytest.mark.parametrize("fragment, expected", [
    ("new clinics were fully staffed", ("lusk", "member", "question")),
    ("presented the work programme", ("quill", "officer", "statement")),
    ("notes the update", ("committee", "group", "resolution")),
    ("asks the ICB to report back", ("committee", "group", "resolution")),
])
def test_roles_resolve_to_the_listed_holder_and_resolved_parts(indented, fragment, expected):
    _, s = find(indented.items[0], fragment)
    assert (s.speaker_key, s.speaker_kind, s.act) == expected


ITEM_CELL_WITH_BREAK = """\
<html><body>
<h1>Harrowdale County Council – Education Scrutiny Committee – minutes of 4 June 2024</h1>
<p>Present: Councillor Anna Bell (Chair), Councillor Carl Dunn</p>
<table>
<tr><th>Item</th><th>Discussion</th><th>Outcome</th></tr>
<tr><td><strong>3.</strong><br>School Place Planning</td><td><p>Mrs Erin Fox, Head of School Organisation, presented
the report.</p><p>Councillor Dunn asked whether the new school would open on time.</p></td><td>Noted.</td></tr>
<tr><td><strong>4.</strong><br>Home to School Transport</td><td><p>Mrs Fox explained that costs had risen by a fifth.</p>
<p>The Chair expressed concern about the rural routes.</p></td><td>The Committee agreed to review transport in March.</td></tr>
</table></body></html>
"""


def test_item_cell_with_number_break_title_is_an_item_heading(tmp_path):
    from minutes_miner.inputs import read_file
    from minutes_miner.nlp import analyse

    path = tmp_path / "table.html"
    path.write_text(ITEM_CELL_WITH_BREAK, encoding="utf-8")
    doc = analyse(read_file(path).minutes)
    assert [(i.number, i.title) for i in doc.items] == [("3", "School Place Planning"), ("4", "Home to School Transport")]
    _, s = find(doc.items[1], "rural routes")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("bell", "chair", "concern")
    assert not any(s.text.strip() in ("3.", "4.") for i in doc.items for s in i.statements)
