"""Segmentation of item text into statements (fictional minutes): housekeeping sentences that
nobody said, witness lists, lead-ins that only introduce their points, and inline numbered parts."""
from __future__ import annotations

import pytest
from nlp_helpers import find


def _items(text: str):
    """The items of fictional minutes whose body (numbered items) is ``text``."""
    from minutes_miner.nlp import analyse, minutes_from_text

    minutes = minutes_from_text("Minutes of the Scrutiny Board held on 4 June 2024.\n\n"
                                "Present: Councillor Ann Hale (Chair), Councillor Rhys Evans, Councillor Joe Zed\n\n" + text, "segments")
    return analyse(minutes).items


def _texts(item) -> list[str]:
    return [s.text for s in item.statements]


@pytest.mark.parametrize("sentence", [
    "Apologies for absence were received from Councillor Bryn Tudor and Councillor Mair Pugh.",
    "Apologies were received from the Director of Public Health, who was represented by her deputy.",
    "Councillor Ifan Rees gave apologies for lateness.",
    "There were no apologies.",
    "Councillor Dora Lake substituted for Councillor Tudor.",
    "Cllr Omar Vance attended as her substitute.",
    "Councillor Evans declared a non-pecuniary interest in item 5 as a governor of Elm Lane School.",
    "Cllr Zed declared that his son was employed by the hospital trust.",
    "No declarations of interest were made.",
    "None received.",
    "There were none.",
    "The meeting closed at 12.40 pm.",
    "The session closed at 4.35 pm.",
    "Chairman ......................................",
    "The actions arising from this meeting are set out below.",
    "Date of next meeting: Tuesday 9 July 2024, 10.00 am.",
    "ACTION: Head of Inclusion to provide exclusion figures by school (September).",
    "Those voting for: Councillors Hale, Evans and Zed (3).",
    "Abstained (1): Councillor Lake.",
])
def test_housekeeping_sentences_are_not_statements(sentence):
    items = _items(f"1. Housekeeping\n\n{sentence}\n\nCouncillor Evans asked whether the new clinic would open in May.\n")
    assert _texts(items[0]) == ["Councillor Evans asked whether the new clinic would open in May."]


def test_sentences_that_only_mention_apologies_or_declaring_stay_statements():
    items = _items("1. Motion\n\nThe Chair declared the motion CARRIED.\n\n"
                   "The Director said that 20 per cent of staff had not declared their ethnicity.\n\n"
                   "There were no public speakers.\n")
    texts = _texts(items[0])
    assert texts == ["The Chair declared the motion CARRIED.",
                     "The Director said that 20 per cent of staff had not declared their ethnicity.",
                     "There were no public speakers."]
    assert find(items[0], "declared the motion")[1].speaker_key == "hale"  # the Chair named in the attendance


def test_a_declaration_that_also_says_something_stays_a_statement():
    items = _items("1. Declarations\n\nCouncillor Evans declared an interest as a governor of Elm Lane School and "
                   "asked whether its exclusions had risen.\n")
    (statement,) = items[0].statements
    assert statement.text.endswith("asked whether its exclusions had risen.")
    assert (statement.speaker_key, statement.act) == ("evans", "question")


@pytest.mark.parametrize("sentence, expected", [
    ("Councillor Evans, who declared an interest as a governor of Elm Lane School, asked whether its exclusions had risen.",
     ("evans", "question")),
    ("Councillor Evans declared an interest as a governor, asking whether the school's exclusions had risen.", ("evans", "statement")),
    ("Councillor Zed, who had substituted for Councillor Tudor, asked when the bridge would reopen.", ("zed", "question")),
    ("The Director said that three governors had sent apologies to the school's meeting, which had delayed the plan.",
     ("director", "statement")),
])
def test_housekeeping_inside_a_sentence_that_says_something_stays_a_statement(sentence, expected):
    # the housekeeping pattern matched the whole sentence: a relative clause, a participle or a
    # reporting verb before it was lost with the declaration
    items = _items(f"1. Schools\n\n{sentence}\n")
    (statement,) = items[0].statements
    assert statement.text == sentence
    assert (statement.speaker_key, statement.act) == expected


def test_a_declaration_that_goes_on_to_confirm_it_is_still_housekeeping():
    items = _items("1. Declarations\n\nCllr Zed declared that he had been lobbied on item 5 and confirmed that he had not "
                   "expressed a view.\n\nCouncillor Evans asked whether the new clinic would open in May.\n")
    assert _texts(items[0]) == ["Councillor Evans asked whether the new clinic would open in May."]


def test_a_witness_list_is_neither_statements_nor_sections_and_names_the_roles_holders():
    items = _items("1. Adult Social Care Waiting Lists\n\nWitnesses:\nMrs Nia Bowen, Cabinet Member for Adult Social Care\n"
                   "Owen Tarrant, Executive Director for Adults and Health\n\nKey points raised during the discussion:\n\n"
                   "1. The Cabinet Member introduced the report on waiting lists.\n\n"
                   "2. A Member asked how long people waited. The Executive Director said that the median wait was nine weeks.\n")
    item = items[0]
    assert item.statements[0].text == "The Cabinet Member introduced the report on waiting lists."
    assert all(s.section is None for s in item.statements)
    assert not any("Witnesses" in s.text or "Owen Tarrant" in s.text for s in item.statements)
    _, intro = find(item, "introduced the report")
    assert (intro.speaker_key, intro.speaker_kind) == ("bowen", "cabinet_member")
    _, reply = find(item, "the median wait was nine weeks")
    assert (reply.speaker_key, reply.speaker_kind, reply.act) == ("tarrant", "officer", "answer")


def test_the_deciding_body_named_under_resolved_is_a_lead_in_and_its_parts_are_resolutions():
    items = _items("1. Mental Health Crisis Care\n\nRESOLVED:\nThe Select Committee:\n\n"
                   "i. Asks the Trust to report in March 2025 on waits in the emergency department; and\n\n"
                   "ii. Recommends that the Cabinet Member reviews the number of approved mental health professional posts.\n")
    texts = _texts(items[0])
    assert texts == ["Asks the Trust to report in March 2025 on waits in the emergency department; and",
                     "Recommends that the Cabinet Member reviews the number of approved mental health professional posts."]
    assert all((s.act, s.speaker_key) == ("resolution", "committee") for s in items[0].statements)


@pytest.mark.parametrize("lead_in, key", [
    ("Moira Tulloch, Executive Director of Finance, set out the main features of the draft budget:", "tulloch"),
    ("IO drew the Board's attention to three findings:", "owen"),
    ("County Councillor Evans gave a verbal update on the following matters:", "evans"),
    ("Councillor Evans presented the dashboard and highlighted the following:", "evans"),
])
def test_lead_ins_that_only_introduce_their_points_are_not_statements_but_give_the_speaker(lead_in, key):
    items = _items("Officers: Ifor Owen (IO) (Head of Audit)\n\n1. Budget\n\n"
                   f"{lead_in}\n- the council tax base had grown by 1.2 per cent\n- reserves would fall to £9 million\n")
    texts = _texts(items[0])
    assert texts == ["the council tax base had grown by 1.2 per cent", "reserves would fall to £9 million"]
    assert [s.speaker_key for s in items[0].statements] == [key, key]


def test_the_parts_of_a_decision_or_a_list_written_inline_are_one_statement_each():
    items = _items("1. Transport\n\nCouncillor Evans presented the report. He highlighted three pressures: (a) the number of "
                   "children on the register had risen by a fifth; (b) the authority had only one home; (c) agency use had risen.\n\n"
                   "RESOLVED: That (1) the report be noted; (2) a breakdown of transport costs be reported in April; and (3) the "
                   "Board's support for the homes be noted by Cabinet.\n")
    item = items[0]
    _, b = find(item, "the authority had only one home")
    assert b.text == "(b) the authority had only one home;" and b.speaker_key == "evans"
    _, two = find(item, "a breakdown of transport costs")
    assert two.text == "(2) a breakdown of transport costs be reported in April;"
    _, three = find(item, "support for the homes")
    assert (three.act, three.speaker_key) == ("resolution", "committee")
    assert "breakdown" not in find(item, "the report be noted")[1].text


def test_a_long_numbered_question_heading_is_a_section_and_a_vote_tally_is_not():
    items = _items("1. Questions and Motions\n\n"
                   "Question 2 from Councillor Rhys Evans to the Cabinet Member for Children, Young People and Schools\n\n"
                   "Councillor Evans asked how many children were waiting for a special school place.\n\n"
                   "Against (0)\n\nThe Chair declared the motion CARRIED.\n")
    item = items[0]
    assert not any(s.text.startswith("Question 2 from") for s in item.statements)
    heading = "Question 2 from Councillor Rhys Evans to the Cabinet Member for Children, Young People and Schools"
    assert find(item, "how many children were waiting")[1].section == heading
    assert find(item, "declared the motion CARRIED")[1].section == heading


def test_a_decision_notices_reasons_and_alternatives_are_not_statements():
    items = _items("1. Home to School Transport\n\nCouncillor Zed presented the revised policy.\n\n"
                   "RESOLVED: That Cabinet –\n\n(1) approves the revised travel assistance policy;\n\n"
                   "(2) agrees that a personal travel budget be offered to eligible families.\n\n"
                   "Reasons for decision\n\nSpending on travel assistance had risen by 63 per cent in three years.\n\n"
                   "Alternative options considered\n\nRetaining the current policy was rejected.\n")
    item = items[0]
    assert _texts(item) == ["Councillor Zed presented the revised policy.", "approves the revised travel assistance policy;",
                            "agrees that a personal travel budget be offered to eligible families."]
    assert [(s.act, s.speaker_key) for s in item.statements[1:]] == [("resolution", "committee")] * 2


def test_a_running_page_header_is_not_a_section_and_an_attendance_list_in_an_item_is_not_a_statement():
    items = _items("1. Membership and attendance\n\nPresent: Councillor Ann Hale (Chair), Councillors Rhys Evans and Joe Zed; "
                   "Mrs Priya Kaur (parent governor representative, co-opted).\n\n"
                   "Also present: Andrea Whitmore (Director of Children's Services); Dominic Foyle (Assistant Director, Education).\n\n"
                   "2. Questions to the Cabinet Member\n\nSchool places\n\nCouncillor Evans asked how many places were planned.\n\n"
                   "Scrutiny Board – 4 June 2024\n\nCouncillor Zed asked whether a new school would open in 2026.\n\n"
                   "Ms Whitmore said that it would open in September 2026.\n\n”\n")
    assert _texts(items[0]) == []
    item = items[1]
    assert _texts(item) == ["Councillor Evans asked how many places were planned.",
                            "Councillor Zed asked whether a new school would open in 2026.",
                            "Ms Whitmore said that it would open in September 2026."]
    assert all(s.section == "School places" for s in item.statements)
    assert (item.statements[2].speaker_key, item.statements[2].speaker_kind) == ("whitmore", "officer")


def test_every_part_of_an_inline_decision_is_a_resolution_of_the_committee():
    items = _items("1. Reduced Timetables\n\nRESOLVED: That (1) the report be noted; (2) the Committee receive a report on "
                   "reduced timetables in July; and (3) the Panel's views be reported to Cabinet.\n")
    statements = items[0].statements
    assert [s.text for s in statements] == [
        "RESOLVED: That (1) the report be noted;",
        "(2) the Committee receive a report on reduced timetables in July;",
        "and (3) the Panel's views be reported to Cabinet."]
    assert {(s.act, s.speaker_key) for s in statements} == {("resolution", "committee")}


@pytest.mark.parametrize("lead", ["The Audit & Governance Committee:", "That the Health Scrutiny Panel:", "The Commission:"])
def test_every_way_of_naming_the_deciding_body_is_a_lead_in(lead):
    # two patterns recognised a body's lead-in; one without '&' or 'That' let these through as statements
    items = _items(f"1. Audit\n\nCouncillor Hale asked about the audit plan.\n\n{lead}\n\ni. Notes the internal audit plan;\n\n"
                   "ii. Asks the Director of Finance to report in June.\n")
    texts = _texts(items[0])
    assert texts == ["Councillor Hale asked about the audit plan.", "Notes the internal audit plan;",
                     "Asks the Director of Finance to report in June."]
    for fragment in ("Notes the internal", "Asks the Director"):
        _, s = find(items[0], fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution")
