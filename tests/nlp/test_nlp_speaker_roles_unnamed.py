"""Speakers as councils the gold sets never saw print them (invented minutes): officers listed by
job title only and called by their initials ("The Head of Commissioning (HoC) ... HoC undertook"),
bilingual attendance labels, honorifics with a first name ("Dame Ruth replied"), roles owned by an
organisation ("the ICB's director"), a partner board's Independent Chair, witnesses one to a line,
second respondents, Scottish sederunts, and the public and voluntary sector as external."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

from minutes_miner.nlp import parse_attendance

TITLES_ONLY = """\
HALVERGATE METROPOLITAN BOROUGH COUNCIL

HOUSING SCRUTINY BOARD

PRESENT: Councillor Edna Garside (Chair); Councillors Ravi Patel and Joan Tuke

OFFICERS: Director of Housing; Principal Social Worker; Head of Tenancy Services; Democratic Services Officer

12. TEMPORARY ACCOMMODATION

The Director of Housing (DoH) reported that 214 households were in temporary accommodation.

Cllr Patel asked how families in hotels were supported. The Principal Social Worker (PSW) explained that each family had a named worker. DoH added that no family had stayed more than six weeks.

The Head of Tenancy Services (HoTS) presented the voids report. HoTS said that 61 homes were empty.

Cllr Tuke asked for the voids by ward. HoTS undertook to circulate the figures.
"""


def test_a_list_of_job_titles_names_nobody():
    people = parse_attendance("OFFICERS: Director of Housing; Principal Social Worker; Head of Tenancy Services; Democratic Services Officer")
    assert people == []


def test_roles_called_by_their_initials_mixed_case_included():
    doc = analyse_text(TITLES_ONLY)
    item = doc.items[-1]
    expected = {
        "214 households": ("the Director of Housing", "director of housing", "officer"),
        "each family had a named worker": ("the Principal Social Worker", "principal social worker", "officer"),
        "no family had stayed": ("the Director of Housing", "director of housing", "officer"),
        "presented the voids report": ("the Head of Tenancy Services", "head of tenancy services", "officer"),
        "61 homes were empty": ("the Head of Tenancy Services", "head of tenancy services", "officer"),
    }
    for fragment, who in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker, s.speaker_key, s.speaker_kind) == who, fragment
    _, promise = find(item, "undertook to circulate")
    assert (promise.speaker_key, promise.act) == ("head of tenancy services", "commitment")


def test_bilingual_labels_and_titles_keep_the_english_half():
    text = ("Aelodau / Members: Cynghorydd Eleri Wyn (Cadeirydd / Chair), Cynghorwyr / Councillors Huw Tomos and Alys Roberts\n"
            "Hefyd yn bresennol / Also present: Councillor Dafydd Rees (Aelod Cabinet dros Dai / Cabinet Member for Housing)\n"
            "Swyddogion / Officers: Sioned Price (Pennaeth Tai / Head of Housing)")
    got = [(a.name, a.title, a.kind) for a in parse_attendance(text)]
    assert got == [
        ("Cynghorydd Eleri Wyn", "Chair", "chair"),
        ("Councillor Huw Tomos", None, "member"),
        ("Councillor Alys Roberts", None, "member"),
        ("Councillor Dafydd Rees", "Cabinet Member for Housing", "cabinet_member"),
        ("Sioned Price", "Head of Housing", "officer"),
    ]


def test_a_portfolio_named_with_and_the_resolves_to_its_holder():
    doc = analyse_text(
        "EDUCATION SCRUTINY COMMITTEE\n\nPresent: Councillor Mari Jones (Chair), Councillor Owen Hughes\n\n"
        "Also present: Councillor Bethan Lloyd (Cabinet Member for Culture and the Welsh Language)\n\n"
        "5. Welsh in Education Strategic Plan\n\n"
        "Councillor Hughes asked whether the targets would be met.\n\n"
        "The Cabinet Member for Culture and the Welsh Language responded that two of the seven targets were behind.\n")
    item = doc.items[-1]
    _, s = find(item, "two of the seven targets")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("lloyd", "cabinet_member", "answer")


PARTNERS = """\
HEALTH SCRUTINY PANEL

Present: Councillor Ann Lomax (Chair), Councillor Dev Gill

In attendance: Professor Dame Ruth Achterberg-Lowe DBE (Chair, Wyndle Primary Care Network); Sir Keith Barrowman (Chair, Wyndle Hospice); Mr Tomas Reid (Healthwatch Wyndle)

7. GP access

Professor Achterberg-Lowe presented the network's report on appointments.

Councillor Gill asked how many practices had closed their lists. Dame Ruth replied that three practices had closed their lists since April.

Sir Keith added that the hospice had opened four more beds.

Mr Tomas Reid (Healthwatch Wyndle) said that residents found the telephone queue hard to get through.
"""


def test_an_honorific_with_the_first_name_alone_is_the_person_who_bears_it():
    item = analyse_text(PARTNERS).items[-1]
    _, ruth = find(item, "three practices had closed")
    assert (ruth.speaker, ruth.speaker_key, ruth.speaker_kind, ruth.act) == (
        "Professor Dame Ruth Achterberg-Lowe", "achterberg-lowe", "external", "answer")
    _, keith = find(item, "four more beds")
    assert (keith.speaker_key, keith.speaker_kind) == ("barrowman", "external")


def test_a_name_with_its_organisation_in_brackets_speaks():
    item = analyse_text(PARTNERS).items[-1]
    _, s = find(item, "telephone queue hard")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Mr Tomas Reid", "reid", "external")


OWNED_ROLES = """\
HEALTH PANEL

Present: Councillor Ann Lomax (Chair), Councillor Dev Gill

Partners: Jasmine Okafor (Place Executive Director for Wandle, South Thames Integrated Care Board); Dr Ian Holt (Medical Director, Wandle Hospitals NHS Trust)

Officers: Mark Sole (Director of Finance)

15. Winter

Councillor Gill asked about corridor care. In response to a question, the ICB's director said that corridor care could not be ruled out.

The Trust's Medical Director said that every bed had been full in January.

The Council's Director of Finance said that the winter fund was spent.
"""


def test_a_role_owned_by_an_organisation_is_its_holder_there():
    item = analyse_text(OWNED_ROLES).items[-1]
    expected = {"corridor care could not": ("okafor", "external"), "every bed": ("holt", "external"), "winter fund": ("sole", "officer")}
    for fragment, who in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind) == who, fragment


def test_the_independent_chair_of_a_partner_board_is_not_the_committees_chair():
    doc = analyse_text(
        "ADULT SOCIAL CARE SCRUTINY COMMITTEE\n\nPresent: Councillor Ann Lomax (Chair), Councillor Dev Gill\n\n"
        "In attendance: Professor Jane Orr (Independent Chair, Wyndle Safeguarding Adults Board)\n\n"
        "4. Safeguarding Adults Board annual report\n\n"
        "The Independent Chair highlighted the Board's three priorities.\n\n"
        "The Chair thanked the Board for its report.\n")
    item = doc.items[-1]
    _, s = find(item, "three priorities")
    assert (s.speaker_key, s.speaker_kind) == ("orr", "external")
    _, chair = find(item, "thanked the Board")
    assert (chair.speaker_key, chair.speaker_kind) == ("lomax", "chair")


def test_a_response_label_names_the_speaker_of_the_whole_sentence():
    doc = analyse_text(
        "CABINET SCRUTINY COMMITTEE\n\nPresent: Councillor Ann Lomax (Chair), Councillor Dev Gill\n\n"
        "Also present: Councillor Owen Tate (Cabinet Member for Children)\n\nOfficers: Dana Wild (Director of Children's Services)\n\n"
        "6. Sufficiency strategy\n\n"
        "Cllr Gill: Asked whether the new homes would have permanent staff.\n\n"
        "Response (Cabinet Member for Children): The intention was a permanent team, but the Director cautioned that recruitment was hard.\n")
    _, s = find(doc.items[-1], "permanent team")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("tate", "cabinet_member", "answer")


WITNESSES = """\
ADULTS AND HEALTH SELECT COMMITTEE

Present: Mr Robert Amble (Chairman), Ms Anjali Rao

36/24  MENTAL HEALTH CRISIS SUPPORT

Witnesses:
Rebecca Holt, Assistant Director for Mental Health
Dr Ayo Okoro, Clinical Director for Acute and Crisis Services, Downs Partnership NHS Foundation Trust
Kath Marrow, Chief Executive, Healthwatch Downshire
Tamsin Gale, Engagement Lead, Grainger Lowe LLP, External Auditor

Key points raised during the discussion:

1. The Chief Executive of Healthwatch Downshire said that residents had been discharged without a care plan.

2. Ms Rao asked about the audit fee. The External Auditor replied that a fee variation had been proposed.
"""


def test_witnesses_one_to_a_line_keep_their_whole_titles():
    from minutes_miner.nlp.attendance import parse_person_line

    line = ("Dr Ayo Okoro, Clinical Director for Acute and Crisis Services, Downs Partnership NHS Foundation Trust "
            "Kath Marrow, Chief Executive, Healthwatch Downshire")  # two lines run together
    assert [(a.name, a.title) for a in parse_person_line(line)] == [
        ("Dr Ayo Okoro", "Clinical Director for Acute and Crisis Services, Downs Partnership NHS Foundation Trust"),
        ("Kath Marrow", "Chief Executive, Healthwatch Downshire")]
    listed = parse_attendance("Witnesses:\nRebecca Holt, Assistant Director for Mental Health\nKath Marrow, Chief Executive, Healthwatch Downshire")
    assert [(a.name, a.title) for a in listed] == [("Rebecca Holt", "Assistant Director for Mental Health"),
                                                   ("Kath Marrow", "Chief Executive, Healthwatch Downshire")]


def test_a_role_named_by_one_part_of_a_title_or_with_of_for_its_comma():
    item = analyse_text(WITNESSES).items[-1]
    _, ceo = find(item, "discharged without a care plan")
    assert (ceo.speaker_key, ceo.speaker_kind) == ("marrow", "external")
    _, auditor = find(item, "fee variation")
    assert (auditor.speaker_key, auditor.speaker_kind, auditor.act) == ("gale", "external", "answer")


ITEM_ROLES = """\
ADULTS AND HEALTH BOARD

Present: Councillor Anna Kovac (Chair), Councillor Liam Breen, Councillor Ruth Pike

Officers: Rachel Orme (Director of Adult Social Care), the Director of Public Health.

17. Annual public health report

The Director of Public Health presented her annual report on health inequalities.

Councillor Breen asked whether the survey figures for some communities were reliable.

The Director accepted that the data was incomplete and said that her team was improving it.

Councillor Pike remained worried that the gap would widen.

18. Audit reports

Rachel Orme reported that two audits had been completed.

An audit of taxi licensing was also reported, which had found that 23 drivers' checks were late.
"""


def test_the_bare_role_is_the_unnamed_holder_who_spoke_in_the_item():
    item = analyse_text(ITEM_ROLES).items[0]
    _, s = find(item, "data was incomplete")
    assert (s.speaker, s.speaker_key, s.act) == ("the Director of Public Health", "director of public health", "answer")


def test_a_member_who_remained_worried_speaks():
    _, s = find(analyse_text(ITEM_ROLES).items[0], "gap would widen")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("pike", "member", "concern")


def test_a_report_in_the_passive_naming_nobody_does_not_carry_on_the_last_speaker():
    _, s = find(analyse_text(ITEM_ROLES).items[1], "taxi licensing")
    assert (s.speaker, s.speaker_kind) == (None, "unknown")


SECOND_RESPONDENT = """\
OVERVIEW AND SCRUTINY COMMITTEE

Present: Councillor Geoff Tallow (Chairman), Councillor Pat Rudge

Also present: Councillor Mandy Sorrel (Cabinet Member for Housing)

Officers: Joanna Price (Head of Housing Needs)

44. Homelessness

Councillor Rudge asked how many housing options posts were vacant.

In reply, Councillor Sorrel said that three of fourteen posts were vacant.

Ms Price explained that two of the posts had been filled from an apprenticeship scheme.

Councillor Rudge asked that the service publish its caseloads. Ms Price agreed to introduce a quarterly caseload report.
"""


def test_a_second_respondent_explaining_after_the_answer_answers_the_same_question():
    item = analyse_text(SECOND_RESPONDENT).items[-1]
    question, _ = find(item, "how many housing options posts")
    _, s = find(item, "apprenticeship scheme")
    assert (s.speaker_key, s.speaker_kind, s.act, s.answers) == ("price", "officer", "answer", question)


def test_agreeing_to_introduce_something_is_a_commitment():
    _, s = find(analyse_text(SECOND_RESPONDENT).items[-1], "agreed to introduce")
    assert (s.speaker_key, s.act) == ("price", "commitment")


SCOTTISH = """\
WESTBURN COUNCIL

EDUCATION COMMITTEE

Sederunt: Councillor Fiona Baird (Convener); Councillors Ross and Lennox; Mrs Agnes Hood (Religious Representative)

In attendance: Chief Education Officer (Mr Gordon Reid); Supt. Karen Bligh (Westburn Police)

4. ATTAINMENT REPORT

Mrs Hood asked whether religious observance figures were collected. The Convener advised that this would be followed up.

Councillor Ross asked whether school patrols would continue. The Superintendent replied that they would.
"""


def test_a_sederunt_lists_the_members_and_a_religious_representative_is_one():
    item = analyse_text(SCOTTISH).items[-1]
    _, hood = find(item, "religious observance")
    assert (hood.speaker_key, hood.speaker_kind) == ("hood", "member")
    _, convener = find(item, "followed up")
    assert (convener.speaker_key, convener.speaker_kind) == ("baird", "chair")


def test_an_abbreviated_rank_with_a_full_stop_is_the_rank():
    _, s = find(analyse_text(SCOTTISH).items[-1], "replied that they would")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("bligh", "external", "answer")


PUBLIC = """\
COMMUNITIES SCRUTINY PANEL

Present: Councillor Ann Lomax (Chair), Councillor Dev Gill

Also present: Ms Jo Bell (Youth Worker, Ferry Lane Youth Project)

5. Youth provision

Ms Bell said that attendance at the youth club had doubled.

Ms Kay Dunn, an independent domestic violence adviser with Safe Homes, said that waiting times had grown.

Ms Rose Tait, who spoke as a local parent, said that the crossing by the school was dangerous.
"""


@pytest.mark.parametrize("fragment, key", [
    ("attendance at the youth club", "bell"),
    ("waiting times had grown", "dunn"),
    ("crossing by the school", "tait"),
])
def test_voluntary_sector_staff_and_the_public_are_external(fragment, key):
    _, s = find(analyse_text(PUBLIC).items[-1], fragment)
    assert (s.speaker_key, s.speaker_kind) == (key, "external")


KINDS = """\
ASHCOMBE CITY COUNCIL
HEALTH AND WELLBEING BOARD

Present: Cllr Amira Lateef (Chair, Leader of the Council); Dr Simon Cray (Vice-Chair, Clinical Lead, Ashcombe ICB); Cllr Neil Poole

Co-opted tenant representatives: Mrs Rita Kahn (Ashcombe Tenants' Federation)

Partner: Joan Reddick (Service Manager, Ashcombe CAMHS, Vale NHS Foundation Trust)

Also present: Chief Inspector Dan Lowry (Ashcombe Police); Mrs Yvette Thorne JP (Chair, Ashcombe Youth Court Bench); Ms Asha Ant (Chair of the Ashcombe Tenants’ and Residents’ Federation)

Officers in attendance: Simon Fale (Housing Allocations and Lettings Team Leader)

33. Housing and health

The Housing Allocations and Lettings Team Leader, Simon Fale, explained that 1,214 responses had been received.

Ms Reddick reported that the median wait for CAMHS was 22 weeks.

The Vice-Chair said that primary care was under strain.

Mrs Kahn said that caretakers knew of hoarding tenants first.

Ch Insp Lowry said that mental health calls took a quarter of officer time.

Mrs Thorne said that magistrates saw children in care in court.

Ms Ant said that residents in temporary accommodation felt forgotten.

The Leader thanked partners.
"""


@pytest.mark.parametrize("fragment, key, kind", [
    ("1,214 responses", "fale", "officer"),
    ("median wait for CAMHS", "reddick", "external"),
    ("primary care was under strain", "cray", "external"),
    ("caretakers knew", "kahn", "member"),
    ("quarter of officer time", "lowry", "external"),
    ("magistrates saw", "thorne", "external"),
    ("felt forgotten", "ant", "external"),
    ("thanked partners", "lateef", "chair"),
])
def test_kinds_from_titles_labels_and_ranks(fragment, key, kind):
    _, s = find(analyse_text(KINDS).items[-1], fragment)
    assert (s.speaker_key, s.speaker_kind) == (key, kind)


def test_a_list_entry_whose_title_has_a_bracketed_figure_is_one_person():
    text = "Non-schools members: Gill Parker (GP), early years providers; Yvonne Shore (YS), Principal, Ashcombe Sixth Form College (16–19 providers)"
    got = [(a.name, a.title) for a in parse_attendance(text)]
    assert got == [("Gill Parker", "early years providers (GP)"),
                   ("Yvonne Shore", "Principal, Ashcombe Sixth Form College (16–19 providers) (YS)")]


def test_q_and_a_labels_with_a_colon_name_the_asker_and_the_answerer():
    doc = analyse_text(
        "PEOPLE OVERVIEW AND SCRUTINY COMMITTEE\n\nPRESENT: Councillors Hughes (Chair), Carr and Ellis\n\n"
        "ALSO PRESENT: Councillor Frost – Cabinet Member for Children and Families\n\n14. SCHOOL PLACES\n\n"
        "Q: Cllr Ellis – Would the Cabinet Member commit to a consultation?\n\n"
        "A: Cllr Frost – Yes, a consultation would begin in September.\n\n"
        "Mr D. Harte of Quarry Road asked when the skate park fence would be repaired.\n")
    item = doc.items[-1]
    _, q = find(item, "commit to a consultation")
    _, a = find(item, "would begin in September")
    assert (q.speaker_key, q.act, a.speaker_key, a.speaker_kind, a.act) == ("ellis", "question", "frost", "cabinet_member", "answer")
    _, resident = find(item, "skate park fence")
    assert (resident.speaker_key, resident.speaker_kind) == ("harte", "external")


FULL_COUNCIL = """\
LOWMOOR CITY COUNCIL

MEETING OF THE FULL COUNCIL

Present: The Lord Mayor (Councillor Grace Ibe) in the Chair; Councillors Abbott, Clarke, Dale, Evans and Fox

45. Questions from Members of the Public

Question from Mrs Joan Platt to the Cabinet Member for Environment, Councillor Dale:

"When will the recycling centre on Mill Lane reopen?"

Response from Councillor Dale:

"The centre will reopen on 1 April after the roof repairs."

46. Questions from Members

Councillor Abbott asked the Leader of the Council, Councillor Fox, what progress had been made on the city centre plan.

The Leader replied that the masterplan would be published in March.

Councillor Evans, by way of supplementary, asked whether residents would be consulted.

The Lord Mayor thanked the Leader, Councillor Clarke and Councillor Evans.
"""


@pytest.mark.parametrize("number, fragment, key, kind, act", [
    ("45", "When will the recycling centre", "platt", "external", "question"),
    ("45", "after the roof repairs", "dale", "cabinet_member", "answer"),
    ("46", "masterplan would be published", "fox", "cabinet_member", "answer"),
    ("46", "by way of supplementary", "evans", "member", "question"),
    ("46", "thanked the Leader", "ibe", "chair", "welcome"),
])
def test_full_council_questions_name_askers_and_portfolio_holders(number, fragment, key, kind, act):
    item = next(i for i in analyse_text(FULL_COUNCIL).items if i.number == number)
    _, s = find(item, fragment)
    assert (s.speaker_key, s.speaker_kind, s.act) == (key, kind, act)


MINUTE_BOOK = """\
COUNTY COUNCIL

ADULT CARE OVERVIEW COMMITTEE

Councillors present: Councillor Pauline HALLAM (Chair), Councillor Hannah FROST and Councillor Gordon PEEL

Executive Member attending: Councillor Lionel BRACE (Executive Member for Adult Care and Health)

Officers: Assistant Director, Adult Social Care Operations (Tobias Rendall); Director of Public Health (Dr Fenella Marsh)

Partner attending for Minute 43: Carys Pole (Chief Executive, Healthwatch Bexley)

41. Waiting lists

Councillor PEEL asked whether the overspend would be met from reserves.

Councillor BRACE replied that a recovery plan was being drawn up.

The Assistant Director said that 31 of the 142 social work posts were vacant.

The Committee RESOLVED (6 votes for, none against) –

(a) to note the report;

(b) to receive a further report in March 2025.
"""


def test_a_minute_book_with_surnames_in_capitals_and_officers_role_first():
    item = analyse_text(MINUTE_BOOK).items[-1]
    expected = {
        "met from reserves": ("peel", "member", "question"),
        "recovery plan was being drawn up": ("brace", "cabinet_member", "answer"),
        "social work posts were vacant": ("rendall", "officer", "statement"),
        "to note the report": ("committee", "group", "resolution"),
        "further report in March": ("committee", "group", "resolution"),
    }
    for fragment, want in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == want, fragment
    assert not any(s.text.startswith("The Committee RESOLVED") for s in item.statements)


def test_a_label_naming_why_someone_attends():
    got = [(a.name, a.kind, a.title) for a in parse_attendance(
        "Executive Member attending: Councillor Lionel BRACE (Executive Member for Adult Care and Health)\n"
        "Partner attending for Minute 43: Carys Pole (Chief Executive, Healthwatch Bexley)")]
    assert got == [("Councillor Lionel BRACE", "cabinet_member", "Executive Member for Adult Care and Health"),
                   ("Carys Pole", "external", "Chief Executive, Healthwatch Bexley")]


NHS_WITNESSES = """\
HEALTH OVERVIEW AND SCRUTINY COMMITTEE

Committee members: Councillor Maeve Costa (Chair), Councillor Arthur Pender

NHS and partner representatives: Dr Ruth Quarry (Medical Director, NHS Lymeford Integrated Care Board, “the ICB”); Helen Farrier (Chief Operating Officer, Lymeford Teaching Hospitals NHS Trust, “LTHT”)

44. Urgent and emergency care

The ICB (Dr Quarry) introduced the joint update on urgent and emergency care.

Q: Cllr Pender asked how long patients waited on trolleys.

A: LTHT (Ms Farrier) replied that the longest wait had been 31 hours.

It was RESOLVED that the Committee:

(i) notes the update;

(ii) requests a joint dashboard of handover times;

(iii) recommends that the ICB reports to the Committee in June.
"""


def test_an_organisation_with_its_speaker_in_brackets():
    item = analyse_text(NHS_WITNESSES).items[-1]
    expected = {
        "introduced the joint update": ("quarry", "external", "statement"),
        "longest wait had been 31 hours": ("farrier", "external", "answer"),
        "recommends that the ICB reports": ("committee", "group", "resolution"),
    }
    for fragment, want in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == want, fragment


WEBCAST = """\
ADULT SOCIAL CARE OVERVIEW AND SCRUTINY COMMITTEE

Present: Cllr Ann Whiteley (Chair), Cllr Tom Hanlon

Officers: Dominic Hurd (Head of Service (SEND Assessment and Review)); Sam Aspin (Group Manager, Wyke Fire and Rescue Service)

33. MINUTES

[00:02:11] DECIDED: That the minutes of the meeting held on 19 September 2024 be approved.

34. WAITING LISTS

[00:05:40] The Head of Service (SEND Assessment and Review) reported that 38 per cent of plans were issued on time.

[00:07:02] Cllr Hanlon asked how many reviews were overdue. The Group Manager (Fire) said that 1,106 reviews were overdue.

[00:40:01] DECIDED: That the Committee:

a) notes the report;

b) REQUESTED that the Chair be notified of every unregistered placement.
"""


@pytest.mark.parametrize("number, fragment, key", [
    ("33", "minutes of the meeting held", "committee"),
    ("34", "38 per cent of plans", "hurd"),
    ("34", "1,106 reviews were overdue", "aspin"),
    ("34", "notes the report", "committee"),
    ("34", "notified of every unregistered placement", "committee"),
])
def test_timestamped_paragraphs_and_roles_with_a_bracketed_qualifier(number, fragment, key):
    item = next(i for i in analyse_text(WEBCAST).items if i.number == number)
    _, s = find(item, fragment)
    assert s.speaker_key == key
    assert not s.text.startswith("[")


def test_a_decided_lead_in_is_not_a_statement():
    item = next(i for i in analyse_text(WEBCAST).items if i.number == "34")
    assert not any(s.text.startswith("DECIDED: That the Committee") for s in item.statements)


OUTCOMES = """\
HOUSING SCRUTINY COMMISSION

Present: Councillor Ruth Amble (Chair), Councillor Ken Wilkes

Also present: Inspector Lucy GARTH (Sallow Police); Mr Neville ORTON (Chief Executive, Brookvale Housing Group)

29. Anti-social behaviour

Inspector Lucy GARTH of the Sallow Neighbourhood Policing Team and Mr Neville ORTON, Chief Executive of Brookvale Housing Group, gave a joint update on anti-social behaviour.

The Commission thanked Inspector GARTH and Mr ORTON for attending.

Outcomes:

• The report was noted.

• The Commission asked the Assistant Director to report on evictions by estate.

30. Work programme

The work programme was agreed, with the task and finish review added.
"""


@pytest.mark.parametrize("number, fragment, key, act", [
    ("29", "gave a joint update", "garth", "statement"),
    ("29", "thanked Inspector GARTH", "commission", "welcome"),
    ("29", "The report was noted", "committee", "resolution"),
    ("29", "report on evictions by estate", "committee", "resolution"),
    ("30", "work programme was agreed", "committee", "resolution"),
])
def test_outcomes_the_commission_and_a_joint_update(number, fragment, key, act):
    item = next(i for i in analyse_text(OUTCOMES).items if i.number == number)
    _, s = find(item, fragment)
    assert (s.speaker_key, s.act) == (key, act)


def test_a_key_line_of_enquiry_asked_as_a_question_is_a_section_not_a_statement():
    doc = analyse_text(
        "CHILDREN'S SCRUTINY COMMITTEE\n\nPresent: Councillor Mia Oak (Chair), Councillor Helen Ash\n\n"
        "53. SEND inquiry\n\nKLOE 1 – Are needs identified early enough?\n\n"
        "Mr Tom Kinn said that more children were starting reception with limited speech.\n\n"
        "Councillor Ash asked whether schools were supported.\n")
    item = doc.items[-1]
    assert not any("Are needs identified" in s.text for s in item.statements)
    _, s = find(item, "limited speech")
    assert (s.section, s.act) == ("KLOE 1 – Are needs identified early enough?", "statement")


def test_an_unnamed_further_reply_answers_the_same_question_and_reports_no_question():
    doc = analyse_text(
        "YOUTH JUSTICE BOARD\n\nPresent: Councillor Harold Ains (Chair)\n\nOfficers: Lauren Pyke (Head of Youth Justice)\n\n"
        "30. Custody\n\nCllr Ains asked where children leaving custody had lived.\n\n"
        "Ms Pyke said that two of the five children released had had nowhere to live.\n\n"
        "It was explained that a protocol with housing had since been agreed.\n\n"
        "Cllr Ains asked whether children were asked what they wanted.\n\n"
        "It was explained that children were asked in 89 per cent of cases.\n")
    item = doc.items[-1]
    first_question, _ = find(item, "where children leaving custody")
    second_question, _ = find(item, "what they wanted")
    _, protocol = find(item, "protocol with housing")
    assert (protocol.speaker, protocol.act, protocol.answers) == (None, "answer", first_question)
    _, cases = find(item, "89 per cent of cases")
    assert (cases.act, cases.answers) == ("answer", second_question)


TOWN_COUNCIL = """\
THORNBURY TOWN COUNCIL

PLANNING COMMITTEE

Present: Cllr. M. O'Neill (Chairman), Cllr J Fitzgerald-Hart, Cllr. P. Singh

In attendance: Mrs S. Jones (Town Clerk) (SJ), Mr R. Dunne (Deputy Clerk)

12. Planning applications

Mr Alan Brook, speaking on behalf of the Thornbury Civic Society, raised concerns about the design of the shopfront.

SJ advised that the deadline for comments was 14 March.

Members were advised by the Deputy Clerk that the county highways team had not yet responded.
"""


@pytest.mark.parametrize("fragment, key, kind", [
    ("design of the shopfront", "brook", "external"),
    ("deadline for comments", "jones", "officer"),
    ("highways team had not yet responded", "dunne", "officer"),
])
def test_a_town_council_clerk_by_initials_and_a_civic_society(fragment, key, kind):
    _, s = find(analyse_text(TOWN_COUNCIL).items[-1], fragment)
    assert (s.speaker_key, s.speaker_kind) == (key, kind)


def test_a_passive_with_initials_for_its_agent():
    doc = analyse_text(
        "ADULT SOCIAL CARE SCRUTINY PANEL\n\nPresent: Cllr Ada Nkem (Chair); Cllr Bob Frayn\n\n"
        "In attendance: Tom Pryce (TP) – Head of Adult Social Care\n\n10. Falls prevention\n\n"
        "The Panel was informed by TP that 412 falls had been recorded.\n")
    _, s = find(doc.items[-1], "412 falls")
    assert (s.speaker_key, s.speaker_kind) == ("pryce", "officer")


def test_a_members_question_in_lower_case_after_their_name_and_a_colon():
    doc = analyse_text(
        "HOUSING SCRUTINY SUB-COMMITTEE\n\nPresent: Councillor Ellie Vance (Chair), Councillors Moss and Nunn\n\n"
        "5. Damp and Mould Update\n\nThe Repairs Manager presented the report.\n\n"
        "6. Voids Update\n\nMembers raised the following questions:\n"
        "- Councillor Moss: how many cases involved children?\n"
        "- Councillor Nunn: were tenants compensated for damaged belongings?\n")
    item = doc.items[-1]
    _, moss = find(item, "how many cases involved children")
    _, nunn = find(item, "were tenants compensated")
    assert (moss.speaker_key, moss.act, nunn.speaker_key, nunn.act) == ("moss", "question", "nunn", "question")


@pytest.mark.parametrize("fragment, key, kind", [
    ("leaving care offer", "obi", "external"),
    ("crossing was dangerous", "resident", "external"),
    ("lorries were too fast", "tait", "external"),
])
def test_a_youth_mayor_and_speakers_described_by_who_they_are(fragment, key, kind):
    doc = analyse_text(
        "CORPORATE PARENTING PANEL\n\nPresent: Councillor Ann Lomax (Chair), Councillor Dev Gill\n\n"
        "Also present: Amara Obi (Youth Mayor)\n\n5. Voice of the child\n\n"
        "The Youth Mayor welcomed the new leaving care offer.\n\n"
        "A resident who lives in Hill Ward said that the crossing was dangerous.\n\n"
        "Mr Ken Tait who lives on Mill Lane said that lorries were too fast.\n")
    _, s = find(doc.items[-1], fragment)
    assert (s.speaker_key, s.speaker_kind) == (key, kind)


TABLE_ROWS = """\
PERFORMANCE, AUDIT AND RISK COMMITTEE

Present: Ms Anne Munro (Chair); Councillor Ishbel Gow; Mrs Elspeth Christie (carers' representative)

In attendance: Alan Fyfe (Head of Adult Services); Rona Lindsay (Chief Officer)

5. Performance report

The Chief Officer presented the quarter 3 performance report.

Raised by: Councillor Ishbel Gow

Question or comment: Asked how many hours of care at home were unmet each week.

Response: Around 3,100 hours a week were unmet. The shortfall was worst in the rural west.

Response from: Head of Adult Services

Raised by: Mrs Elspeth Christie

Question or comment: Expressed concern that unpaid carers were being asked to take relatives home too early.

Response: Nobody should be discharged without an agreed plan.

Response from: Chief Officer
"""


@pytest.mark.parametrize("fragment, key, act", [
    ("hours of care at home", "gow", "question"),
    ("3,100 hours", "fyfe", "answer"),
    ("worst in the rural west", "fyfe", None),
    ("unpaid carers", "christie", "concern"),
    ("without an agreed plan", "lindsay", None),
])
def test_a_table_naming_who_raised_each_point_and_who_responded(fragment, key, act):
    item = analyse_text(TABLE_ROWS).items[-1]
    _, s = find(item, fragment)
    assert s.speaker_key == key
    if act:
        assert s.act == act
    assert not any(st.text.startswith(("Raised by", "Response from")) for st in item.statements)


def test_members_referred_to_by_their_ward_and_a_ward_before_the_role():
    doc = analyse_text(
        "COMMUNITY SCRUTINY COMMITTEE\n\nPRESENT: Councillors Graham Ash (Haverleigh North) (Chairman), Joan Pell (Eastfield) "
        "and Owen Thack (Lower Haverleigh)\n\nALSO PRESENT: Councillor Malcolm Fenn (Westwood), Portfolio Holder for Communities\n\n"
        "5. Taxis\n\nThe Member for Eastfield said she was alarmed by the figures.\n\n"
        "The Portfolio Holder replied that checks were made monthly.\n")
    item = doc.items[-1]
    _, pell = find(item, "alarmed by the figures")
    _, fenn = find(item, "checks were made monthly")
    assert (pell.speaker_key, pell.speaker_kind, fenn.speaker_key, fenn.speaker_kind) == ("pell", "member", "fenn", "cabinet_member")
