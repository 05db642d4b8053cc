"""Speakers, kinds and acts in house styles no gold split started with (invented minutes, written
here): attendance lists inside items, lists printed one name per line or run together, role-only
speakers resolved to the one named holder, and the conventions for replies and decisions."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

WITNESSES = """\
ASHBURN COUNTY COUNCIL

MINUTES of the meeting of the HEALTH SELECT COMMITTEE held on 4 March 2025.

Elected Members:

* Mr Oliver Penhale (Chairman)
* Mrs Dawn Kitteridge (Vice-Chairman)
  Ms Ruth Amberley
* Mr Colin Tregear

Co-opted Members:

* Borough Councillor Amy Polglase

(* = present at the meeting)

12/25  HOME CARE CAPACITY

Witnesses:
Mrs Jean Trevail, Cabinet Member for Adult Social Care
Graham Ostler, Executive Director for Adults, Wellbeing and Partnerships
Ruth Morvah, Strategic Finance Business Partner (Adults)

Key points raised during the discussion:

1. The Cabinet Member introduced the report and noted that home care hours had risen by a fifth.

2. The Executive Director for Adults, Wellbeing and Partnerships explained that 210 people were waiting for a package.

3. The Vice-Chairman asked how much was being spent on agency carers. The Strategic Finance Business Partner confirmed that agency spend was £2.1 million.

4. The Chairman thanked the witnesses. The Executive Director added that a new rota would start in April.

5. The Select Committee agreed its work programme for the next year.

6. The Select Committee noted the budget position and asked to receive the recovery plan in June.
"""

RUN_TOGETHER = """\
BRAYMOOR COUNCIL

CORPORATE PARENTING BOARD

PRESENT:
Councillor Nell Treharne (Chair, Cabinet Member for Children) Councillor Hal Duggan (Vice-Chair)
Councillors Ivy Rusk and Abel Stott

OFFICERS:
Nina Calloway (Assistant Director, Children in Care) Pip Ormsby (Virtual School Head)

1. PLACEMENTS

Ms Calloway reported that 40 children lived more than twenty miles away.

The Vice-Chair asked how many of them had moved school.

Ms Ormsby replied that eleven had moved school this year.

Ms Ormsby added that each had kept a tutor from their old school.
"""

MAYOR = """\
Present: The Mayor (Councillor Rhona Abebe) in the Chair; the Deputy Mayor (Councillor Jim Starling); Councillors Kit Lowry and Meg Dace.

1. Mayor's Announcements

The Mayor reported that she had opened the new library.
"""


def said(item, fragment):
    _, s = find(item, fragment)
    return s.speaker_key, s.speaker_kind, s.act


@pytest.fixture(scope="module")
def witnesses():
    return analyse_text(WITNESSES)


def test_elected_members_list_with_present_marks(witnesses):
    names = {a.name: (a.kind, a.title) for a in witnesses.attendance}
    assert names["Mr Oliver Penhale"] == ("chair", "Chairman")
    assert names["Mrs Dawn Kitteridge"] == ("member", "Vice-Chairman")
    assert "Borough Councillor Amy Polglase" in names


@pytest.mark.parametrize("fragment, expected", [
    ("The Cabinet Member introduced the report", ("trevail", "cabinet_member", "statement")),
    ("The Executive Director for Adults, Wellbeing and Partnerships explained", ("ostler", "officer", "statement")),
    ("The Vice-Chairman asked how much", ("kitteridge", "member", "question")),
    ("The Strategic Finance Business Partner confirmed", ("morvah", "officer", "answer")),
    ("The Chairman thanked the witnesses", ("penhale", "chair", "welcome")),
])
def test_witnesses_list_names_the_role_holders(witnesses, fragment, expected):
    assert said(witnesses.items[0], fragment) == expected


def test_witnesses_list_is_not_a_statement(witnesses):
    texts = [s.text for s in witnesses.items[0].statements]
    assert not any(t.startswith(("Witnesses", "Mrs Jean Trevail", "Graham Ostler")) for t in texts)


@pytest.mark.parametrize("fragment", ["The Select Committee agreed its work programme", "The Select Committee noted the budget position"])
def test_a_bodys_decision_in_prose_is_a_resolution(witnesses, fragment):
    assert said(witnesses.items[0], fragment) == ("committee", "group", "resolution")


@pytest.fixture(scope="module")
def run_together():
    return analyse_text(RUN_TOGETHER)


def test_attendance_lines_run_together_are_split(run_together):
    names = {a.name: (a.kind, a.title) for a in run_together.attendance}
    assert names["Councillor Nell Treharne"][0] == "chair"
    assert names["Councillor Hal Duggan"] == ("member", "Vice-Chair")
    assert names["Nina Calloway"] == ("officer", "Assistant Director, Children in Care")
    assert names["Pip Ormsby"] == ("officer", "Virtual School Head")


def test_added_after_an_answer_is_more_of_the_answer(run_together):
    item = run_together.items[0]
    q, _ = find(item, "asked how many of them had moved school")
    _, s = find(item, "Ms Ormsby added that")
    assert (s.speaker_key, s.act, s.answers) == ("ormsby", "answer", q)
    assert said(item, "The Vice-Chair asked") == ("duggan", "member", "question")


def test_role_first_attendance_names_the_mayor():
    doc = analyse_text(MAYOR)
    names = {a.name: (a.kind, a.title) for a in doc.attendance}
    assert names["Councillor Rhona Abebe"][0] == "chair"
    assert names["Councillor Jim Starling"] == ("member", "Deputy Mayor")
    assert said(doc.items[0], "The Mayor reported") == ("abebe", "chair", "statement")


def test_printed_header_lines_that_open_their_own_list():
    from types import SimpleNamespace

    from minutes_miner.extract.printed_minutes import _attendance

    lines = ["Present: Mr Idris Fane (Independent Member, Chair); Councillors Alan Brannigan, Theresa Oduya and Dev Rana",
             "and 19 other Members",
             "Officers: Rosa Penhallow (Treasurer); Ida Sayle (Head of Performance and Data)",
             "Also present for minute 42: Councillor Alun Whitcombe (Portfolio Lead for Transport)",
             "Auditors: Ms Tamsin Garbett (Engagement Lead, Holt LLP, External Auditor)",
             "Also present: Mrs Susan Blakey, Cabinet Member for Children, Young People and Education"]
    got = {a.name: (a.kind, a.title) for a in _attendance([(1, SimpleNamespace(text=t)) for t in lines])}
    assert got["Councillor Theresa Oduya"] == ("member", None)
    assert got["Councillor Dev Rana"] == ("member", None)
    assert got["Ida Sayle"] == ("officer", "Head of Performance and Data")
    assert got["Councillor Alun Whitcombe"][1] == "Portfolio Lead for Transport"
    assert got["Ms Tamsin Garbett"][0] == "external"
    assert got["Mrs Susan Blakey"] == ("cabinet_member", "Cabinet Member for Children, Young People and Education")
    assert not any(name.startswith(("Young", "Education", "Also", "Auditors")) for name in got)


FORUM = """\
Schools members: Jo Hembry (JH) (Chair), Headteacher, Larkhill Primary School; Anita Rowland (AR), Headteacher, St Ebba's Primary School (primary maintained); Helen Marrick (HM), Headteacher, Brook Lane Pupil Referral Unit

Non-schools members: Canon Richard Amberley (RA), Diocese of Ashburn Board of Education

Observers: Dave Kealey (DK), National Education Union

Local authority officers: Kerry Openlaw (KO), Head of Education Finance

1. Schools block

KO explained that most of the increase was already committed to the teachers' pay award.

Anita Rowland (AR), primary maintained representative, asked whether the funding guarantee would be set at its highest level.

KO said that both dioceses had been consulted and that no changes had been requested.

It was noted (DK) that the figures had not been collected from academies.

Concern was expressed (HM) that pupils with plans now made up 38 per cent of the unit.

RA asked what help was available for children returning to school.

KO explained that maintained members were asked to agree de-delegation of £18.50 per pupil.

DECISION: Schools members agreed to recommend the proposed local funding formula.
"""


@pytest.fixture(scope="module")
def forum():
    return analyse_text(FORUM)


def test_schools_forum_lists_keep_each_entry_whole(forum):
    got = {a.name: (a.kind, a.title) for a in forum.attendance}
    assert got["Jo Hembry"][0] == "chair"
    assert got["Anita Rowland"] == ("external", "Headteacher, St Ebba's Primary School (primary maintained)")
    assert got["Canon Richard Amberley"] == ("external", "Diocese of Ashburn Board of Education")
    assert got["Dave Kealey"][0] == "external"
    assert not any("School" in name or "Union" in name for name in got)


@pytest.mark.parametrize("fragment, expected", [
    ("KO explained that most of the increase", ("openlaw", "officer", "statement")),  # "committed to": no promise
    ("primary maintained representative, asked", ("rowland", "external", "question")),
    ("KO said that both dioceses", ("openlaw", "officer", "answer")),  # "had been requested": no request
    ("Concern was expressed (HM)", ("marrick", "external", "concern")),
    ("RA asked what help", ("amberley", "external", "question")),
    ("It was noted (DK)", ("kealey", "external", "statement")),
    ("maintained members were asked to agree", ("openlaw", "officer", "answer")),  # "were asked to": no question
    ("DECISION: Schools members agreed", ("committee", "group", "resolution")),
])
def test_initials_speakers_and_reported_asks(forum, fragment, expected):
    assert said(forum.items[0], fragment) == expected


PASSIVE = """\
Present: Councillor Ann Varley (Chair), Councillors Ben Ostrom and Cara Pym.
Officers: Dora Grieves (Audit and Risk Manager), Eli Radley (Section 151 Officer).
Also present: Mr Faisal Desmond (Independent Person).

1. Internal audit

The draft audit plan was presented by the Audit and Risk Manager.

It was asked whether the contractor had been penalised under the contract, to which the Section 151 Officer replied that a deduction of £12,000 had been made.

It was further noted that only 71 per cent of requests had been answered within 20 working days.

A Member felt strongly that publishing unreliable figures undermined trust.

Councillor Pym said she was not reassured that the backlog would be cleared.

It was suggested that the risk register should also record the risk of the new system failing.

It was agreed that the Audit and Risk Manager would discuss this with the risk owner.

Mr Desmond, the Independent Person, stated that he had been consulted on every complaint.
"""


@pytest.fixture(scope="module")
def passive():
    return analyse_text(PASSIVE)


@pytest.mark.parametrize("fragment, expected", [
    ("was presented by the Audit and Risk Manager", ("grieves", "officer", "statement")),
    ("to which the Section 151 Officer replied", ("radley", "officer", "answer")),
    ("It was further noted that only 71 per cent", (None, "unknown", "statement")),  # "had been answered": no reply
    ("A Member felt strongly", ("member", "member", "concern")),
    ("was not reassured", ("pym", "member", "concern")),
    ("It was suggested that the risk register should also record", (None, "unknown", "request")),
    ("It was agreed that the Audit and Risk Manager", ("committee", "group", "resolution")),
    ("Mr Desmond, the Independent Person, stated", ("desmond", "external", "statement")),
])
def test_passive_and_impersonal_minutes(passive, fragment, expected):
    assert said(passive.items[0], fragment) == expected


ROLES = """\
Present: Councillor Mary Pardoe (Chair), Councillors John Leys and Ann Itoh.
In attendance: Jane Smethurst (Head of Early Help), Dr Omar Alvi (Medical Director, Wexcombe NHS Trust).

1. Early help

Councillor Leys asked how many families were waiting. The Director said that 40 families were waiting.

The Director did not have the figure to hand and undertook to provide it after the meeting.

2. Housing

The Director of Housing presented the report. Councillor Itoh asked whether rents would rise. The Director said that rents would rise by 7 per cent.

3. Other

The Head of Service (Ms Dlamini) clarified that the policy had changed.
Answering, the Leader said that the budget was balanced.
Cllr Leys's question about potholes was answered by the Cabinet Member for Highways.
Points raised by Members included:
- the cost of the scheme;
- the timetable for consultation.
Q (Cllr Itoh): When will the school open?
A (Director): In September.
"""


@pytest.fixture(scope="module")
def roles():
    return {item.number: item for item in analyse_text(ROLES).items}


@pytest.mark.parametrize("number, fragment, expected", [
    # nobody named holds "the Director" (the NHS trust's Medical Director is not the council's Director)
    ("1", "The Director said that 40 families", ("director", "officer", "answer")),
    ("1", "did not have the figure to hand and undertook", ("director", "officer", "commitment")),
    ("2", "The Director said that rents", ("director of housing", "officer", "answer")),  # the role that spoke in the item
    ("3", "The Head of Service (Ms Dlamini) clarified", ("dlamini", "officer", "statement")),
    ("3", "Answering, the Leader said", ("leader", "cabinet_member", "answer")),
    ("3", "was answered by the Cabinet Member for Highways", ("cabinet member for highways", "cabinet_member", "answer")),
    ("3", "the cost of the scheme", ("members", "group", "statement")),
    ("3", "the timetable for consultation", ("members", "group", "statement")),
    ("3", "When will the school open?", ("itoh", "member", "question")),
    ("3", "In September.", ("director", "officer", "answer")),
])
def test_role_speakers_and_lead_ins(roles, number, fragment, expected):
    assert said(roles[number], fragment) == expected


def test_points_raised_by_members_is_not_a_statement(roles):
    assert not any("Points raised" in s.text for s in roles["3"].statements)


MOTIONS = """\
Present: Councillor Mary Pardoe (Chair), Councillors John Leys, Ann Itoh and Ben Cole.

1. Motions

Councillor Leys moved, and Councillor Itoh seconded, that the Council extends free school meals to all primary pupils.

Councillor Leys moved the following motion:
This Council notes the rise in child poverty.
This Council asks the Cabinet to fund breakfast clubs in every ward.

Councillor Itoh moved and Councillor Cole seconded an amendment to replace the final paragraph with a request that the Cabinet report in March.

On being put to the vote the motion was carried.
"""


@pytest.mark.parametrize("fragment, expected", [
    ("Councillor Leys moved, and Councillor Itoh seconded, that", ("leys", "member", "statement")),
    ("This Council notes the rise in child poverty.", ("leys", "member", "statement")),
    ("This Council asks the Cabinet to fund", ("leys", "member", "request")),
    ("seconded an amendment to replace the final paragraph", ("itoh", "member", "statement")),  # moving it, not requesting
    ("On being put to the vote", ("committee", "group", "statement")),
])
def test_a_motion_is_its_movers(fragment, expected):
    item = analyse_text(MOTIONS).items[0]
    assert said(item, fragment) == expected
    assert not any(s.text.endswith("moved the following motion:") for s in item.statements)


LABELS = """\
OFFICERS:
Kerry Dowling (Fostering Recruitment and Assessment Manager)
Ruth Birchall (Assistant Director, HR and Organisational Development)

1. Fostering

Kerry Dowling, Fostering Recruitment and Assessment Manager, reported that 61 enquiries had been received.

Assistant Director, HR and Organisational Development (Ms Birchall): presented the annual workforce report. She agreed to run a campaign on equality data.

RESOLVED:
The Select Committee:
i. Notes the placement sufficiency report; and
ii. Recommends that the Cabinet Member writes to the Secretary of State.

The Select Committee noted the annual report and endorsed the Youth Justice Plan.
"""


@pytest.mark.parametrize("fragment, expected", [
    ("Fostering Recruitment and Assessment Manager, reported", ("dowling", "officer", "statement")),
    ("(Ms Birchall): presented the annual workforce report", ("birchall", "officer", "statement")),
    ("She agreed to run a campaign", ("birchall", "officer", "commitment")),
    ("Notes the placement sufficiency report", ("committee", "group", "resolution")),
    ("Recommends that the Cabinet Member writes", ("committee", "group", "resolution")),
    ("noted the annual report and endorsed", ("committee", "group", "resolution")),
])
def test_labels_titles_and_decision_lead_ins(fragment, expected):
    item = analyse_text(LABELS).items[0]
    assert said(item, fragment) == expected
    assert not any(s.text == "The Select Committee:" for s in item.statements)


def test_a_view_agreed_in_discussion_is_not_a_decision():
    text = ("1. Youth justice\n\nMr Reade presented the annual report. It was agreed that children should be placed as close "
            "to home as possible. Two practitioners were placed in the unit to offer support.\n\n"
            "It was agreed that the Chair would write to the Minister.\n")
    item = analyse_text(text).items[0]
    assert said(item, "It was agreed that children should be placed")[2] != "resolution"
    assert said(item, "Two practitioners were placed")[2] != "resolution"
    assert said(item, "It was agreed that the Chair would write") == ("committee", "group", "resolution")


COUNCIL = """\
Present: The Mayor (Councillor Rhona Abebe) in the Chair; Councillors Tom Garstang (Leader of the Council), Owen Mackey (Cabinet Member for Housing and Homelessness), Lorna Fitzroy (Cabinet Member for Adult Social Care and Health), Deb Tannahill and Bea Morden.

1. Public questions

Question 1 from Ms Farah Iqbar to the Cabinet Member for Housing and Homelessness

How many families have been in bed and breakfast for longer than six weeks?

Reply: Councillor Owen Mackey replied that 63 families had been there longer than six weeks.

Question 3 from Councillor Deb Tannahill to the Cabinet Member for Adult Social Care and Health

Councillor Tannahill asked what was being done about the waiting list.

Reply: There were 412 people waiting for an assessment at the end of June.

2. Petition

Ms Rosa Delgardo presented a petition and was worried that families would lose the service.

Councillor Morden expressed concern that the centre would close.

Councillor Mackey responded to the petition and said that no decision had been made.
"""


@pytest.fixture(scope="module")
def council():
    return {item.number: item for item in analyse_text(COUNCIL).items}


@pytest.mark.parametrize("number, fragment, expected", [
    ("1", "How many families have been in bed and breakfast", ("iqbar", "external", "question")),
    ("1", "63 families had been there", ("mackey", "cabinet_member", "answer")),
    ("1", "There were 412 people waiting", ("fitzroy", "cabinet_member", "answer")),  # the one holder of the role in the heading
    ("2", "responded to the petition", ("mackey", "cabinet_member", "statement")),  # a reply to a petition is no answer
])
def test_question_headings_and_replies_to_comments(council, number, fragment, expected):
    assert said(council[number], fragment) == expected


def test_a_long_question_heading_is_a_section(council):
    _, s = find(council["1"], "There were 412 people waiting")
    assert s.section.startswith("Question 3 from Councillor Deb Tannahill")
    assert not any(st.text.startswith("Question 3 from") for st in council["1"].statements)


PANEL = """\
Present: Councillor Yvonne Blake (Chair), Councillor Bernadette O’Neal and Councillor Craig Hollins.

Tenant and Leaseholder Panel (attending by invitation, non-voting): Mrs Doreen Lutton (Chair of the Tenant and Leaseholder Panel) and Mr Kwame Asare (Hillcrest estate)

Officers: Diane Okonjo (Director of Housing), Chris Dunmow (Scrutiny and Policy Officer)

Other: Peter Sowden (Regional Director, Castlegate Building Services, repairs contractor) for item 16

1. Damp and mould

Councillor O’Neal asked how many homes had not been surveyed.

Mr Asare said that tenants were afraid to complain.

Mr Sowden accepted that jobs had been closed too early.

Mr Dunmow confirmed that the monthly updates had been circulated.
"""


@pytest.mark.parametrize("fragment, expected", [
    ("Councillor O’Neal asked", ("o'neal", "member", "question")),  # one key however the apostrophe is printed
    ("Mr Asare said that tenants", ("asare", "external", "statement")),
    ("Mr Sowden accepted", ("sowden", "external", "statement")),
    ("Mr Dunmow confirmed", ("dunmow", "officer", "statement")),
])
def test_tenant_panel_and_other_attendees(fragment, expected):
    assert said(analyse_text(PANEL).items[0], fragment)[:2] == expected[:2]


PROBES = """\
Present: Councillor Mary Patten (Chair), Councillors Ann Itoh and Raj Rayner (Leader of the Council).
In attendance: Jane Smythe (Head of Finance).

1. Budget

Following a question from Cllr Itoh about reserves, the Head of Finance confirmed that reserves stood at £12 million.
Q. Cllr Itoh – What is the cost of the scheme?
A. Head of Finance – £2 million.
"""


@pytest.mark.parametrize("fragment, expected", [
    ("Following a question from Cllr Itoh", ("smythe", "officer", "answer")),
    ("What is the cost of the scheme?", ("itoh", "member", "question")),  # "Name – question": a label, no double-barrelled name
    ("£2 million.", ("smythe", "officer", "answer")),
])
def test_dash_labels_and_following_a_question(fragment, expected):
    assert said(analyse_text(PROBES).items[0], fragment) == expected


def test_speaker_label_in_a_table_cell():
    from minutes_miner.extract.html_text import html_to_text

    text = html_to_text("<table><tr><td>Question (Cllr Rayner)</td><td>Is the cyber risk rated correctly?</td></tr>"
                        "<tr><td>Head of Finance</td><td>Explained that it was reviewed last month.</td></tr>"
                        "<tr><td>12</td><td>Budget monitoring</td></tr></table>")
    assert text.split("\n") == ["Question (Cllr Rayner): Is the cyber risk rated correctly?",
                                "Head of Finance: Explained that it was reviewed last month.", "12 Budget monitoring"]


YOUNG_PEOPLE = """\
Present: Councillor Janet Prys (Chair), Councillor Sadia Karem.
Officers: Tom Keal (Participation Officer).

1. Voice of the child

Tom Keal, Participation Officer, introduced the two young people from the Children in Care Council.

A young person from the Children in Care Council said that 212 young people had answered the survey.

The second young person from the Children in Care Council said that young people wanted to be asked before their social worker changed.

He also said that some felt they had nobody to talk to.

Councillor Karem asked the young people what the Board could do.

The first young person replied that every child in care needed a laptop.
"""


@pytest.mark.parametrize("fragment, expected", [
    ("A young person from the Children in Care Council said", ("young person from the children in care council", "external", "statement")),
    ("wanted to be asked before", ("young person from the children in care council", "external", "statement")),  # "to be asked"
    ("He also said that some felt", ("young person from the children in care council", "external", "statement")),
    ("The first young person replied", ("young person from the children in care council", "external", "answer")),
    ("Councillor Karem asked the young people", ("karem", "member", "question")),
])
def test_unnamed_representatives(fragment, expected):
    assert said(analyse_text(YOUNG_PEOPLE).items[0], fragment) == expected


ACRONYMS = """\
Present: Councillor Richard Ashby (Leader of the Council, in the Chair), Councillor Declan Ford (Leader of the Opposition), Councillor Owen Parr.
In attendance: Dr Oliver Quint (Consultant in Public Health), Jo Quaile (Community Safety Partnership Manager), Leanne Broad (Place Director (Marrowby), Wold Integrated Care Board)
Supporting officer: Ruth Penwith (Scrutiny Officer)

1. Health

The Leader thanked the finance team for their work.
The Consultant in Public Health explained that the coroner had changed how deaths were recorded.
The CSP Manager said that cases were reviewed every week.
The ICB Place Director reported that the waiting list had fallen.
The Scrutiny Officer reminded Members that the session would end at four.
Q3a (Cllr Parr, supplementary): How many children were living in unregistered provision?
"""


@pytest.mark.parametrize("fragment, expected", [
    ("The Leader thanked the finance team", ("ashby", "chair", "welcome")),  # the Leader in the chair, not the Opposition's
    ("The Consultant in Public Health explained", ("quint", "officer", "statement")),
    ("The CSP Manager said", ("quaile", "officer", "statement")),  # the acronym spelt by the holder's title
    ("The ICB Place Director reported", ("broad", "external", "statement")),
    ("The Scrutiny Officer reminded", ("penwith", "officer", "statement")),
    ("How many children were living in unregistered provision?", ("parr", "member", "question")),
])
def test_roles_by_acronym_and_labels(fragment, expected):
    assert said(analyse_text(ACRONYMS).items[0], fragment) == expected


def test_a_surname_printed_with_a_curly_apostrophe_keeps_it_in_the_speaker_but_not_the_key():
    doc = analyse_text("Minutes of the Housing Scrutiny Panel held on 3 June 2025.\n\n"
                   "Present: Councillor Siobhan O\u2019Neill (Chair), Councillor Tom Reddy\n\n"
                   "5. Damp and Mould\n\nCouncillor O\u2019Neill asked how many homes were still waiting for repairs.\n")
    _, s = find(doc.items[0], "still waiting for repairs")
    # as printed for the reader; one key for both printings, so O'Neill in another document is the same person
    assert (s.speaker, s.speaker_key, s.act) == ("Councillor Siobhan O\u2019Neill", "o'neill", "question")
