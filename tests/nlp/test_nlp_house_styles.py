"""House styles the phrasings fixture does not cover: initials as speakers (NHS board tables),
statutory officers called by role, party tags, "Q:" / "A:" layouts, minute numbers like "23/45",
decisions in capitals, bare "RESOLVED: That" lead-ins, movers of motions. Fictional minutes."""
from __future__ import annotations

import pytest
from nlp_helpers import find

from minutes_miner.nlp import analyse, minutes_from_text

MINUTES = """MINUTES of a meeting of the Scrutiny Committee held on 5 March 2024

PRESENT: Cllr Anna Smith (Chair), Cllr Tom Baker (Lab), Cllr Rita Noon (Con), Cllr Paul Ward (Leader of the Council)

IN ATTENDANCE: Helen Grey (Monitoring Officer), Sam Otter (Director of Finance and Section 151 Officer), Nisha Kapoor (Assistant Chief Fire Officer), Andrew Threlfall (Chief Fire Officer)

23/45 Budget Monitoring

The Section 151 Officer presented the quarter 3 budget monitoring report.

Cllr Baker (Lab) asked whether the overspend on home to school transport would recur.

The Section 151 Officer said that the pressure was expected to continue into 2025/26.

The Leader of the Council said that the Cabinet would consider a recovery plan in April.

Cllr Smith (Chair) asked whether the recovery plan would come to this Committee.

The Monitoring Officer advised that the plan was a key decision and would be published.

Joel Thistlewood (JT), Corporate Director of Adult Social Care, presented the care market update.

Cllr Noon asked whether any provider had handed back contracts. JT advised that two providers had done so. Action: JT

The ACFO reported that on-call availability had fallen. The CFO added that recruitment had restarted.

It was moved by Cllr Noon and seconded by Cllr Baker that the Committee write to the Cabinet.

In accordance with Standing Orders, a recorded vote was taken.

The minutes of the meeting held on 6 February 2024 were confirmed as a correct record.

The Board NOTED the update.

RESOLVED: That

(a) the report be noted;

(b) the recovery plan be brought to the Committee in May.

24/45 Leader's Question Time

Cllr Noon (Con)

Q: Would the Leader publish the advice on the risk?

A: The Leader said that the advice would be published with the budget.

Motion

To ask the Cabinet to publish the recovery plan in draft.

– moved by Councillor Noon, seconded by Councillor Baker

Decision

To record the Committee's thanks to the finance team.
"""


@pytest.fixture(scope="module")
def items():
    doc = analyse(minutes_from_text(MINUTES, "house-styles"))
    return {item.number: item for item in doc.items}


def first_item(text):
    return analyse(minutes_from_text(text, "house-styles")).items[0]


def said(item, fragment):
    _, s = find(item, fragment)
    return s.speaker, s.speaker_key, s.speaker_kind, s.act


def test_minute_numbers_with_a_year_head_items(items):
    assert set(items) == {"23/45", "24/45"}
    assert items["23/45"].title == "Budget Monitoring"


def test_statutory_officers_called_by_role_resolve_to_the_named_holder(items):
    assert said(items["23/45"], "The Section 151 Officer presented") == ("Sam Otter", "otter", "officer", "statement")
    assert said(items["23/45"], "The Monitoring Officer advised") == ("Helen Grey", "grey", "officer", "answer")


def test_leader_of_the_council_is_the_named_cabinet_member(items):
    assert said(items["23/45"], "The Leader of the Council said") == ("Cllr Paul Ward", "ward", "cabinet_member", "statement")


def test_party_tag_and_chair_tag_after_a_name(items):
    assert said(items["23/45"], "Cllr Baker (Lab) asked") == ("Cllr Tom Baker", "baker", "member", "question")
    assert said(items["23/45"], "Cllr Smith (Chair) asked") == ("Cllr Anna Smith", "smith", "chair", "question")


def test_initials_given_in_brackets_name_the_speaker_later(items):
    item = items["23/45"]
    assert said(item, "JT advised") == ("Joel Thistlewood", "thistlewood", "officer", "answer")
    i, _ = find(item, "Cllr Noon asked whether any provider")
    assert find(item, "JT advised")[1].answers == i


def test_action_label_is_not_a_statement(items):
    assert not any(s.text.startswith("Action") for s in items["23/45"].statements)


def test_title_acronyms_resolve_to_the_holder_and_a_second_respondent_adds(items):
    assert said(items["23/45"], "The ACFO reported") == ("Nisha Kapoor", "kapoor", "officer", "statement")
    assert said(items["23/45"], "The CFO added")[:3] == ("Andrew Threlfall", "threlfall", "officer")


def test_mover_of_a_motion_speaks_it(items):
    assert said(items["23/45"], "It was moved by Cllr Noon") == ("Cllr Rita Noon", "noon", "member", "statement")
    assert said(items["24/45"], "To ask the Cabinet to publish") == ("Cllr Rita Noon", "noon", "member", "statement")
    assert not any("moved by" in s.text for s in items["24/45"].statements)


def test_votes_records_and_body_decisions_are_the_committees(items):
    item = items["23/45"]
    assert said(item, "a recorded vote was taken") == ("the Committee", "committee", "group", "statement")
    assert said(item, "were confirmed as a correct record") == ("the Committee", "committee", "group", "resolution")
    assert said(item, "The Board NOTED the update") == ("the Committee", "committee", "group", "resolution")


def test_bare_resolved_lead_in_makes_each_part_a_resolution(items):
    item = items["23/45"]
    assert said(item, "the report be noted") == ("the Committee", "committee", "group", "resolution")
    assert said(item, "the recovery plan be brought") == ("the Committee", "committee", "group", "resolution")
    assert not any(s.text.rstrip(":").strip() in ("RESOLVED: That", "RESOLVED") for s in item.statements)


def test_q_and_a_labels_under_a_questioner_line(items):
    item = items["24/45"]
    i, q = find(item, "Q: Would the Leader publish")
    assert (q.speaker_key, q.speaker_kind, q.act) == ("noon", "member", "question")
    _, a = find(item, "A: The Leader said")
    assert (a.speaker_key, a.speaker_kind, a.act, a.answers) == ("ward", "cabinet_member", "answer", i)
    assert not any(s.text.startswith("Cllr Noon (Con)") for s in item.statements)


def test_every_point_under_a_decision_label_is_a_resolution(items):
    _, s = find(items["24/45"], "To record the Committee's thanks")
    assert (s.speaker_key, s.act, s.section) == ("committee", "resolution", "Decision")


def test_a_lone_line_atop_an_item_is_a_second_title_not_a_section():
    text = ("1. Additional Support for Learning\n\nTaic Ionnsachaidh a Bharrachd\n\n"
            "The Head of Inclusion reported that demand had risen.\n\n2. Other business\n\nNone.\n")
    item = first_item(text)
    _, s = find(item, "The Head of Inclusion reported")
    assert s.section is None
    assert s.text.startswith("The Head of Inclusion")


POLICE_PANEL = """POLICE AND CRIME PANEL

Minutes of the meeting held on 1 February 2024

Present:
Wyvern County Council – Councillor Judith Farrant (Chair), Councillor Peter Cole
Marsh District Council – Councillor Amir Siddiqui (Vice-Chair)

Also in attendance:
Margaret Ellery – Police and Crime Commissioner
Hannah Pryce – Chief Finance Officer to the Commissioner
Chief Constable Andrew Royce – Wyvern Police

44 Proposed Police Precept

The Commissioner said that the increase would protect neighbourhood policing.

Councillor Cole asked how many officers had left in the year.

The Chief Constable said that 212 officers had left, most of them within five years of joining.

The Chief Constable added that exit interviews pointed to workload and shift patterns.

Councillor Siddiqui asked whether the precept would be spent on neighbourhood teams.

The Commissioner confirmed that forty officers would join neighbourhood teams in the year.

The Chair thanked the Commissioner.

45 Police and Crime Plan Performance

The Commissioner presented the quarterly performance report on the Police and Crime Plan.

The Chief Constable reported that the force had answered 91 per cent of 999 calls within ten seconds.

Councillor Farrant asked how the force compared with similar forces on non-emergency calls.

The Chief Constable said that the force was in the lowest quartile but had recruited more call handlers.

RESOLVED that the report be noted.
"""


def test_ranks_and_offices_resolve_to_their_holder_and_grouped_lists_are_read():
    doc = analyse(minutes_from_text(POLICE_PANEL, "police-panel"))
    people = {a.name: a.kind for a in doc.attendance}
    assert people["Councillor Judith Farrant"] == "chair"
    assert people["Councillor Amir Siddiqui"] == "member"
    assert people["Margaret Ellery"] == "external"
    item = doc.items[0]
    assert said(item, "The Commissioner said") == ("Margaret Ellery", "ellery", "external", "statement")
    assert said(item, "The Chief Constable said") == ("Chief Constable Andrew Royce", "royce", "external", "answer")
    assert said(item, "The Chair thanked") == ("Councillor Judith Farrant", "farrant", "chair", "welcome")


def test_a_quoted_statement_is_one_statement_and_what_follows_the_quote_is_not_part_of_it():
    text = ("5. Fostering\n\nCouncillor Isla Wren made the following statement: “Parents are waiting a year for a plan. "
            "This is not acceptable.” The Chair thanked Councillor Wren.\n\n"
            "“This Council notes the waiting times. This Council asks the Leader to write to the Minister.”\n")
    item = first_item(text)
    _, s = find(item, "made the following statement")
    assert s.text.endswith("This is not acceptable.”")
    assert (s.speaker_key, s.act) == ("wren", "concern")  # "not acceptable" anywhere in the quote
    _, thanks = find(item, "The Chair thanked")
    assert thanks.act == "welcome"
    # a motion quoted on its own is still one statement per sentence
    assert find(item, "This Council notes")[0] != find(item, "This Council asks")[0]


def test_requests_as_a_noun_or_reported_are_not_requests_and_agreed_to_include_is_a_commitment():
    text = ("6. SEND\n\nMs Bellamy said that requests for an EHC needs assessment had risen by a quarter.\n\n"
            "The Scrutiny Officer reported that the breakdown requested at the last meeting had been circulated.\n\n"
            "Councillor Lyle said that a night in a B&B was unacceptable for a young person in care.\n\n"
            "Ms Bellamy agreed to include the figure in the next report.\n")
    item = first_item(text)
    assert find(item, "requests for an EHC")[1].act == "statement"
    assert find(item, "requested at the last meeting")[1].act == "statement"
    assert find(item, "was unacceptable")[1].act == "concern"
    assert find(item, "agreed to include")[1].act == "commitment"


def test_organisation_and_role_appositions_and_bodies_receiving_reports():
    text = ("In attendance: Kieran Maddox (Western Counties Ambulance Service NHS Trust)\n\n1. Falls\n\n"
            "Kieran Maddox, Western Counties Ambulance Service, reported that the falls service had started.\n\n"
            "Mr Colin Bardsley, a resident of Ashby Parva, addressed the Committee about fly-tipping.\n\n"
            "The Committee received a joint presentation from the Trust.\n\n"
            "Gareth Mills, for the Highways Authority, replied that visibility met the standard.\n")
    item = first_item(text)
    assert said(item, "Western Counties Ambulance Service, reported")[:3] == ("Kieran Maddox", "maddox", "external")
    assert said(item, "addressed the Committee")[1] == "bardsley"
    assert said(item, "received a joint presentation")[1:3] == ("committee", "group")
    assert said(item, "for the Highways Authority, replied")[1] == "mills"


def test_note_form_comments_under_a_speaker_label():
    text = ("Officers: Rhiannon Qureshi (Principal Educational Psychologist), Tom Tulley (Finance Business Partner)\n\n"
            "27. SEND\n\nPrincipal Educational Psychologist: Explained that six posts were vacant.\n\n"
            "Cllr Fisk: Asked how many children were on a reduced timetable. Sought clarification on reviews.\n\n"
            "Finance Business Partner: Replied that the deficit would be met from reserves.\n\n"
            "RESOLVED: That (1) the report be noted; (2) the Cabinet Member be asked to write to the Minister.\n")
    item = first_item(text)
    assert said(item, "Explained that six posts")[1] == "qureshi"
    assert said(item, "Sought clarification on reviews") == ("Cllr Fisk", "fisk", "member", "question")
    assert said(item, "Replied that the deficit")[1] == "tulley"
    assert said(item, "the Cabinet Member be asked") == ("the Committee", "committee", "group", "resolution")


def test_decimal_paragraph_numbers_are_labels_not_part_of_the_speaker():
    text = ("13. Our Say survey\n\n13.1 Jamal Henry and Ellie Moss, members of the Children in Care Council, "
            "presented the survey findings.\n\n13.2 Jamal said that most young people felt safe where they lived.\n")
    item = first_item(text)
    assert said(item, "presented the survey findings")[:3] == ("Jamal Henry", "henry", "external")
    _, s = find(item, "most young people felt safe")
    assert (s.speaker_key, s.text[:5]) == ("henry", "Jamal")


def test_chair_named_inside_a_title_or_in_the_chair_and_body_decisions_in_prose():
    text = ("Present: Mr Julian Ferris (Independent Member, Chair); Councillor Nia Bellweather (Tolland Borough Council); "
            "Dr Harish Menon (Chair, Local Dental Committee)\n\n"
            "38. Audit results\n\nThe Chair thanked the finance team for completing the audit.\n\n"
            "The Panel voted on the fee: five in favour, one against.\n\n"
            "The Panel agreed to add a review of the audit contract to its work programme.\n")
    doc = analyse(minutes_from_text(text, "chairs"))
    kinds = {a.name: a.kind for a in doc.attendance}
    assert kinds["Mr Julian Ferris"] == "chair" and kinds["Dr Harish Menon"] != "chair"
    item = doc.items[0]
    assert said(item, "The Chair thanked") == ("Mr Julian Ferris", "ferris", "chair", "welcome")
    in_the_chair = first_item("1. Refuge\n\nCllr Draycott, in the Chair, asked whether funding was secure.\n")
    assert said(in_the_chair, "in the Chair, asked") == ("Cllr Draycott", "draycott", "chair", "question")
    assert said(item, "The Panel voted")[1:] == ("panel", "group", "statement")
    assert said(item, "The Panel agreed to add") == ("the Committee", "committee", "group", "resolution")


def test_pronouns_after_a_question_prefer_the_replier_and_the_subject_just_before():
    text = ("In attendance: Eilidh Grant (Chief Social Work Officer)\n\n5. Child protection\n\n"
            "The Chief Social Work Officer presented the report.\n\n"
            "Councillor Ruaraidh MacLeod asked whether referral discussions were held on time. "
            "She said that 88 per cent had been held within 24 hours.\n\n"
            "Councillor Varga expressed concern that the figures were unreliable. "
            "She requested that corrected figures be circulated.\n")
    item = first_item(text)
    assert said(item, "88 per cent")[1] == "grant"
    assert said(item, "corrected figures be circulated")[1:] == ("varga", "member", "request")


def test_attendance_initials_and_representatives_of_bodies():
    text = ("Present: Cllr Derek Sumner (DS), Cabinet Member for Public Health (Chair); "
            "Lucinda Fairbairn (LF), Director of Adult Social Care\n\n"
            "Religious Representatives: Ms Teresa Quinn (Roman Catholic Church)\n\n"
            "4. Care market\n\nLF reported that two providers had closed.\n\n"
            "Ms Quinn welcomed the new respite service.\n")
    doc = analyse(minutes_from_text(text, "initials"))
    people = {a.name: (a.kind, a.title) for a in doc.attendance}
    assert people["Lucinda Fairbairn"] == ("officer", "Director of Adult Social Care")
    assert people["Ms Teresa Quinn"][0] == "member"
    item = doc.items[0]
    assert said(item, "LF reported") == ("Lucinda Fairbairn", "fairbairn", "officer", "statement")
    assert said(item, "Ms Quinn welcomed")[1:] == ("quinn", "member", "welcome")


def test_the_rest_of_a_reply_by_the_same_speaker_answers_the_same_question():
    item = first_item("1. Housing\n\nCouncillor Pargeter asked how many homes had been completed.\n\n"
                      "Councillor Rajesh Mistry replied that 146 homes had been completed.\n\n"
                      "He said that 40 more were due by the summer.\n")
    i, _ = find(item, "asked how many homes")
    _, rest = find(item, "He said that 40 more")
    assert (rest.speaker_key, rest.act, rest.answers) == ("mistry", "answer", i)


def test_frustration_and_shock_are_concerns_and_thanks_stay_welcomes():
    item = first_item("1. Transport\n\nMembers expressed their frustration that patients had to travel so far.\n\n"
                      "Councillor Shafiq said he was shocked that workers had been exploited.\n\n"
                      "Members expressed their thanks to the transport team.\n")
    assert said(item, "expressed their frustration")[3] == "concern"
    assert said(item, "was shocked")[3] == "concern"
    assert said(item, "expressed their thanks")[3] == "welcome"
