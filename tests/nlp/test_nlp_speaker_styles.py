"""Speaker attribution in house styles the gold sets did not start with (fictional minutes,
fixtures/speaker_styles_minutes.txt): agents after the verb, tags at the end, labels, bullets
ending in the speaker, roles by title, continuation paragraphs, and the places where no
speaker may be guessed."""
from __future__ import annotations

from pathlib import Path

import pytest
from nlp_helpers import find

FIXTURE = Path(__file__).parent / "fixtures" / "speaker_styles_minutes.txt"


@pytest.fixture(scope="module")
def items():
    from minutes_miner.nlp import analyse, minutes_from_text

    doc = analyse(minutes_from_text(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE)))
    return {item.number: item for item in doc.items}


def said(item, fragment):
    _, s = find(item, fragment)
    return s.speaker, s.speaker_key, s.speaker_kind, s.act


# speakers after the verb, by title, role or honorific, and passive acts that keep their agent
@pytest.mark.parametrize("number, fragment, expected", [
    ("3", "Concern was expressed by Councillor Dunmore", ("Councillor Carol Dunmore", "dunmore", "member", "concern")),
    ("3", "It was confirmed by the Head of Service that", ("Tom Reeve", "reeve", "officer", "statement")),
    ("3", "said Councillor Ashby.", ("Councillor Bryn Ashby", "ashby", "member", "statement")),
    ("3", "at a record level (Councillor Dunmore).", ("Councillor Carol Dunmore", "dunmore", "member", "statement")),
    ("3", "The Associate Director, Ms Quill, explained", ("Sarah Quill", "quill", "officer", "statement")),
    ("3", "Speaking on behalf of the Executive Member, Councillor Orme", ("Councillor Liz Orme", "orme", "cabinet_member", "statement")),
    ("3", "Alderman Voss asked whether", ("Alderman Peter Voss", "voss", "member", "question")),
    ("3", "The Lead Member for Adult Social Care reported", ("Councillor Liz Orme", "orme", "cabinet_member", "statement")),
    ("3", "The Clerk reminded Members", ("Mark Lyle", "lyle", "officer", "statement")),
    ("3", "Cllr B. Ashby queried", ("Councillor Bryn Ashby", "ashby", "member", "question")),
    ("3", "Tom Reeve (Head of Service for Homelessness) reported", ("Tom Reeve", "reeve", "officer", "statement")),
    ("3", "The Panel heard from Mr Reeve", ("Tom Reeve", "reeve", "officer", "statement")),  # the one heard speaks
    ("3", "Members noted the improvement", ("Members", "members", "group", "statement")),
    ("3", "Cllr Ashby raised the issue of damp", ("Councillor Bryn Ashby", "ashby", "member", "statement")),
    ("4", "An undertaking was given by Dr Bowen", ("Dr Nia Bowen", "bowen", "officer", "commitment")),
    ("4", "Clarification was sought on the timing", ("Councillor Ann Hale", "hale", "chair", "question")),
    ("4", "Frustration was voiced at the slow progress, said the Chair.", ("Councillor Ann Hale", "hale", "chair", "concern")),
    ("4", "was praised by the Committee", ("the Committee", "committee", "group", "welcome")),
])
def test_speaker_and_act(items, number, fragment, expected):
    assert said(items[number], fragment) == expected


def test_cabinet_member_by_title_answers_and_responding_director_pairs(items):
    item = items["3"]
    assert said(item, "Councillor Nadeem, Executive Member for Housing, replied") == (
        "Councillor Tariq Nadeem", "nadeem", "cabinet_member", "answer")
    assert find(item, "Councillor Nadeem, Executive Member")[1].answers == find(item, "Alderman Voss asked")[0]
    assert said(item, "Responding, the Director said") == ("Dr Nia Bowen", "bowen", "officer", "answer")
    assert find(item, "Responding, the Director said")[1].answers == find(item, "Cllr B. Ashby queried")[0]


def test_a_paragraph_naming_nobody_carries_on_the_speakers_report(items):
    assert said(items["4"], "Life expectancy in the most deprived wards") == ("Dr Nia Bowen", "bowen", "officer", "statement")


@pytest.mark.parametrize("fragment", [
    "It was explained that the gap had widened",  # an unnamed answer: never guessed
    "There were no public speakers.",  # a remark about the meeting
    "The posts funded by the Public Health Grant",  # "funded by" names no speaker
])
def test_no_speaker_is_guessed(items, fragment):
    speaker, key, kind, _ = said(items["4"], fragment)
    assert (speaker, key, kind) == (None, None, "unknown")


def test_unnamed_answer_still_answers_the_question(items):
    item = items["4"]
    assert said(item, "It was explained that the gap")[3] == "answer"
    assert find(item, "It was explained that the gap")[1].answers == find(item, "Councillor Kumar asked whether")[0]


def test_transcript_labels_name_the_speaker_and_pair(items):
    item = items["5"]
    assert said(item, "Councillor Hale: Can officers say") == ("Councillor Ann Hale", "hale", "chair", "question")
    assert said(item, "Ms Quill: The strategy will go") == ("Sarah Quill", "quill", "officer", "answer")
    assert find(item, "Ms Quill: The strategy")[1].answers == find(item, "Councillor Hale: Can officers")[0]
    assert said(item, "It will then be consulted on.")[:3] == ("Sarah Quill", "quill", "officer")


def test_bullets_ending_in_the_speaker(items):
    item = items["5"]
    assert said(item, "Concern about the cost of bed and breakfast") == ("Councillor Carol Dunmore", "dunmore", "member", "concern")
    assert said(item, "Whether the empty homes officer post") == ("Councillor Bryn Ashby", "ashby", "member", "question")
    assert not any(s.text.startswith("The following points") for s in item.statements)


def test_the_chair_is_whoever_took_the_chair(items):
    item = items["5"]
    assert said(item, "The Chair thanked officers") == ("Councillor Ravi Kumar", "kumar", "chair", "welcome")
    assert not any("left the meeting" in s.text for s in item.statements)


def test_a_decision_after_its_mover_and_seconder_is_the_committees(items):
    item = items["5"]
    assert said(item, "RESOLVED that the report be noted.") == ("the Committee", "committee", "group", "resolution")
    assert not any(s.text.startswith("Proposed by") for s in item.statements)


def _one_item(text, header=""):
    """The one item of fictional minutes: ``header`` (attendance) above item 1, whose body is ``text``."""
    from minutes_miner.nlp import analyse, minutes_from_text

    return analyse(minutes_from_text(f"Minutes of the Board held on 4 June 2024.\n\n{header}\n\n1. Item\n\n{text}", "styles")).items[0]


#: members and an officer the tests below refer to
PANEL = ("Present: Councillor Ann Hale (Chair), Councillor Joe Zed (Cabinet Member for Housing), Councillor Rhys Evans\n\n"
         "In attendance: Sarah Quill (Director of Housing)")


def test_job_title_first_with_an_organisation_then_the_title_alone():
    item = _one_item(
        "The Associate Director of Nursing at Fenwick Community Health NHS Trust, Ms Ada Quaye, explained that waits had grown.\n\n"
        "Councillor Naylor asked what happened to children whose health got worse.\n\n"
        "The Associate Director of Nursing replied that every child was contacted every six weeks.\n")
    assert said(item, "The Associate Director of Nursing replied") == ("Ms Ada Quaye", "quaye", "external", "answer")


def test_the_mayor_and_acronym_roles_resolve_to_the_holder():
    from minutes_miner.nlp import analyse, minutes_from_text

    text = ("Minutes of the Full Council held on 4 June 2024.\n\nPresent: Cllr P. Kettering (Town Mayor, in the Chair), "
            "Cllr M. Ashby (Deputy Mayor)\n\nIn attendance: Mr G. Lusk (Deputy Clerk and Responsible Financial Officer)\n\n"
            "1. Finance\n\nThe Mayor opened the meeting.\n\nThe RFO presented the schedule of payments.\n\n"
            "A member of the public asked whether the library would close.\n")
    item = analyse(minutes_from_text(text, "town")).items[0]
    assert said(item, "The Mayor opened") == ("Cllr P. Kettering", "kettering", "chair", "statement")
    assert said(item, "The RFO presented") == ("Mr G. Lusk", "lusk", "officer", "statement")
    assert said(item, "A member of the public asked") == ("A member of the public", "member of the public", "external", "question")


def test_welcomed_to_the_meeting_and_presented_is_the_guests_statement():
    item = _one_item("Mr Brendan Carville, Area Manager, Northern Ireland Housing Executive, was welcomed to the meeting "
                     "and presented an update on homelessness.\n")
    assert said(item, "was welcomed to the meeting") == ("Mr Brendan Carville", "carville", "external", "statement")


def test_a_numbered_paragraph_naming_nobody_is_not_carried_on():
    item = _one_item("3.1 Dr Ruth Amos reported that all actions were on track.\n\n3.2 All other actions were complete.\n")
    assert said(item, "All other actions were complete")[:3] == (None, None, "unknown")


def test_role_then_name_in_brackets_relative_clauses_and_straight_quotes():
    item = _one_item("The Cabinet Member for Housing (Councillor Zed) said that rents would rise.\n\n"
                     "The Committee received a presentation from Ms Quill, Director of Housing, who explained that voids had fallen.\n\n"
                     'Cllr Hale commented: "This is a serious matter. It must not happen again."\n\n'
                     "Mrs Diane Fox, a local resident, addressed the Board about parking.\n\n"
                     "Deputy Leader Cllr Pat Moss said that the council would act.\n\n"
                     "The Chair invited Ms Quill to respond.\n", PANEL)
    assert said(item, "(Councillor Zed) said") == ("Councillor Joe Zed", "zed", "cabinet_member", "statement")
    assert said(item, "who explained that voids") == ("Sarah Quill", "quill", "officer", "statement")
    _, quoted = find(item, "This is a serious matter.")
    assert quoted.text.endswith('It must not happen again."') and quoted.speaker_key == "hale"
    assert said(item, "a local resident, addressed")[:3] == ("Mrs Diane Fox", "fox", "external")
    assert said(item, "Deputy Leader Cllr Pat Moss")[:3] == ("Cllr Pat Moss", "moss", "cabinet_member")
    assert said(item, "The Chair invited")[:3] == ("Councillor Ann Hale", "hale", "chair")


def test_kinds_from_lists_titles_and_honorifics():
    from minutes_miner.nlp import parse_attendance
    from minutes_miner.nlp.attendee_entry import title_kind

    assert title_kind("Leader of the Council (Chair)") == "chair"
    assert title_kind("Non-executive Member") == "member"  # not an Executive Member
    listed = {a.name: a.kind for a in parse_attendance(
        "PRESENT:\nCouncillor Ann Cole (Chair)\n"
        "Co-opted tenant representatives: Mr Barry Jones and Mrs Nasreen Khan (Throstle Tenants' Federation)\n")}
    assert listed["Mr Barry Jones"] == listed["Mrs Nasreen Khan"] == "member"
    item = _one_item("Mr Dev Raman asked why the bins had not been collected.\n\n"
                     "Inspector Carl Bream of Brackenfold Neighbourhood Policing reported a rise in thefts.\n",
                     "Present: Councillor Joyce Abara (Chair)")
    assert said(item, "Mr Dev Raman asked")[:3] == ("Mr Dev Raman", "raman", "external")  # no title, no list: the public
    assert said(item, "Inspector Carl Bream")[:3] == ("Inspector Carl Bream", "bream", "external")


def test_a_list_point_run_onto_a_second_line_keeps_the_lead_ins_speaker():
    item = _one_item("Mr Oakford introduced the report. Key points included:\n"
                     "- The Growth Directorate was projected to\noverspend by £6.3 million. Extreme weather had contributed.\n"
                     "- Reserves would be drawn down by £9 million.\n")
    assert said(item, "Extreme weather had contributed")[:2] == ("Mr Oakford", "oakford")
    assert said(item, "Reserves would be drawn down")[:2] == ("Mr Oakford", "oakford")


def test_labels_dashes_welsh_abbreviations_and_views():
    item = _one_item("Councillor Evans asked whether rents would rise.\n\n"
                     "Response from the Cabinet Member: Rents would rise by 2.7 per cent in April.\n\n"
                     "Councillor Evans – asked about the damp survey backlog.\n\n"
                     "Cyng. Evans welcomed the news.\n\n"
                     "The Director's view was that the target was achievable.\n", PANEL)
    assert said(item, "Response from the Cabinet Member") == ("Councillor Joe Zed", "zed", "cabinet_member", "answer")
    assert said(item, "Councillor Evans – asked about") == ("Councillor Rhys Evans", "evans", "member", "question")
    assert said(item, "Cyng. Evans welcomed") == ("Councillor Rhys Evans", "evans", "member", "welcome")  # one sentence
    assert said(item, "The Director's view was")[:3] == ("Sarah Quill", "quill", "officer")


def test_lead_ins_that_name_who_made_the_points_below():
    item = _one_item("In discussion, Members:\n- asked whether the void target was realistic\n- noted the rise in complaints\n\n"
                     "Councillor Evans raised the following points:\n- the cost of temporary accommodation\n\n"
                     "JS explained that the budget was balanced.\n\n"
                     "Councillors Evans and Zed asked about the repairs contract.\n",
                     PANEL + "\n\nOfficers: Jane Smith (JS) (Head of Finance)")
    assert said(item, "asked whether the void target") == ("Members", "members", "group", "question")
    assert said(item, "noted the rise in complaints")[:3] == ("Members", "members", "group")
    assert said(item, "the cost of temporary accommodation")[:3] == ("Councillor Rhys Evans", "evans", "member")
    assert said(item, "JS explained")[:3] == ("Jane Smith", "smith", "officer")
    assert said(item, "Councillors Evans and Zed asked")[:3] == ("Councillor Rhys Evans", "evans", "member")  # the first named
    assert not any(s.text.endswith(":") for s in item.statements)  # the lead-ins only introduce their points


def test_a_motion_quoted_after_its_mover_and_a_labelled_supplementary_question():
    item = _one_item("Councillor Evans moved and Councillor Hale seconded the following motion:\n\n"
                     "“This Council notes the rise in rents.\n\n"
                     "Mrs Doreen Halliwell asked how long families waited for a home.\n\n"
                     "The Cabinet Member replied that the average wait was two years.\n\n"
                     "Supplementary question: Would the Council build homes of its own again?\n", PANEL)
    assert said(item, "This Council notes the rise")[:3] == ("Councillor Rhys Evans", "evans", "member")
    assert said(item, "Would the Council build homes") == ("Mrs Doreen Halliwell", "halliwell", "external", "question")


def test_the_director_is_the_councils_own_when_a_partners_director_also_attends():
    item = _one_item("The Director presented the budget monitoring report.\n",
                     "In attendance: Gwen Morgan (Director of Social Services), Dr Rhian Owen (Director of Mental Health, "
                     "Tawe Valley University Health Board)")
    assert said(item, "The Director presented")[:3] == ("Gwen Morgan", "morgan", "officer")


def test_numbered_question_and_answer_labels_with_names():
    item = _one_item("Question 1 – Councillor Evans: When will the damp survey finish?\n\n"
                     "Response – Councillor Zed: The survey will finish in July.\n\n"
                     "Q2 (Cllr Evans): How many homes are empty?\n\n"
                     "A2 (Cllr Zed): There are 312 empty homes.\n", PANEL)
    assert said(item, "When will the damp survey") == ("Councillor Rhys Evans", "evans", "member", "question")
    assert said(item, "The survey will finish") == ("Councillor Joe Zed", "zed", "cabinet_member", "answer")
    assert find(item, "The survey will finish")[1].answers == find(item, "When will the damp survey")[0]
    assert said(item, "How many homes are empty") == ("Councillor Rhys Evans", "evans", "member", "question")
    assert said(item, "There are 312 empty homes") == ("Councillor Joe Zed", "zed", "cabinet_member", "answer")
    assert find(item, "There are 312")[1].answers == find(item, "How many homes")[0]
