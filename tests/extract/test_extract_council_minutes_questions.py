"""Full-council printed minutes that record members' questions: classified as minutes (not as a
questions paper), every item kept, and a question sub-heading kept inside its item rather than
joined to the item's title. Fixtures are generated PDFs (fictional content)."""
from __future__ import annotations

import re

import pytest
from extract_pdf_fixtures import build_from_gold_source, hollowmere_with_responses

from minutes_miner import nlp
from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.extract.pdf_classify import classify_text
from minutes_miner.extract.printed_minutes import parse_printed_minutes
from minutes_miner.models import MinutesText

HOLLOWMERE_ITEMS = [
    ("84", "APOLOGIES FOR ABSENCE"),
    ("85", "DECLARATIONS OF INTEREST"),
    ("86", "MINUTES"),
    ("87", "CHAIRMAN’S ANNOUNCEMENTS"),
    ("88", "QUESTIONS FROM THE PUBLIC (COUNCIL PROCEDURE RULE 10)"),
    ("89", "QUESTIONS FROM MEMBERS (COUNCIL PROCEDURE RULE 11)"),
    ("90", "RECOMMENDATION FROM CABINET: HOMELESSNESS AND ROUGH SLEEPING STRATEGY 2024–2029"),
    ("91", "MOTIONS ON NOTICE (COUNCIL PROCEDURE RULE 14)"),
    ("92", "EXCLUSION OF THE PRESS AND PUBLIC"),
]

QUESTIONS = [
    ("Question from Councillor Ivo Brennan to the Portfolio Holder for Transport",
     "Will the Portfolio Holder publish the results of the Saltgate bus lane trial?",
     ("Councillor Petra Lusk said that the results would be published in June, once the traffic counts taken in "
      "April and May had been checked, and that the trial would run until the end of the summer holidays.")),
    ("Question from Councillor Ruth Amadi to the Portfolio Holder for Leisure",
     "When will the Fallowfield pool reopen after the roof repairs?",
     ("Councillor Owen Tarrant said that the pool would reopen on 3 March, two weeks later than planned, because "
      "the contractor had found more corroded steelwork in the roof than the survey had shown.")),
    ("Question from Councillor Sol Henning to the Leader of the Council",
     "How much has the Council spent on consultants this year?",
     ("Councillor Mae Garrow said that £84,000 had been spent, against £130,000 the year before, and that most of it "
      "had paid for the review of the waste collection contract.")),
]


def _council_minutes_source() -> str:
    """Fictional full-council minutes whose members' questions item opens straight on its first
    question's sub-heading, with a long item title that wraps over three lines."""
    lines = [
        "@footer Fictional District Council – Minutes of the Council",
        "= FICTIONAL DISTRICT COUNCIL",
        "= MINUTES of the Meeting of the COUNCIL held in the Council Chamber, Town Hall, Saltgate on Tuesday 9 July 2024 at 7.00 pm",
        "",
        ("**PRESENT:** Councillor Nell Pike (Chairman), Councillor Ivo Brennan, Councillor Ruth Amadi, Councillor Sol Henning, "
         "Councillor Petra Lusk, Councillor Owen Tarrant and Councillor Mae Garrow"),
        "",
        "## 4. APOLOGIES FOR ABSENCE",
        "",
        "Apologies for absence were received from Councillor Tom Vinnicombe.",
        "",
        "## 5. QUESTIONS FROM MEMBERS",
        "",
    ]
    for heading, question, answer in QUESTIONS:
        lines += [f"## {heading}", "", f"Question: {question}", "", f"Response: {answer}", ""]
    lines += [
        ("## 6. RECOMMENDATION FROM CABINET: REVISED CAR PARKING CHARGES, SEASON TICKETS AND RESIDENTS' PERMITS "
         "FOR THE SALTGATE AND FALLOWFIELD CAR PARKS"),
        "",
        "**RESOLVED** that the revised charges be approved.",
        "",
        "The meeting closed at 8.12 pm.",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def council_minutes(tmp_path_factory):
    data = build_from_gold_source(_council_minutes_source(), tmp_path_factory.mktemp("council"))
    return read_pdf(data, "council-minutes.pdf")


@pytest.fixture(scope="module")
def hollowmere(tmp_path_factory):
    return read_pdf(hollowmere_with_responses(tmp_path_factory.mktemp("hollowmere")), "hollowmere-council.pdf")


def test_minutes_recording_questions_and_responses_are_minutes(hollowmere):
    pdf = hollowmere
    text = "\n".join(p.text for p in pdf.pages[:6])
    assert len(re.findall(r"^Question from ", text, re.MULTILINE)) == 5
    assert len(re.findall(r"^Response: ", text, re.MULTILINE)) == 2
    assert classify(pdf) == "minutes"
    minutes = parse_printed_minutes(pdf)
    assert [(i.number, i.title) for i in minutes.items] == HOLLOWMERE_ITEMS
    public = minutes.items[4].text.splitlines()
    assert "Question from Mrs Doreen Halliwell to the Portfolio Holder for Housing and Communities" in public
    assert any(line.startswith("Response: Councillor Mistry said that the Council no longer had") for line in public)
    # a quoted question keeps its closing quote in the extracted text ("...home?”", not "...home?" and "”")
    assert any(line.endswith("for a three-bedroom home?”") for line in public)
    assert minutes.items[-1].text.startswith("RESOLVED that the press and public be excluded")


def test_generated_council_minutes_with_questions_are_minutes(council_minutes):
    assert classify(council_minutes) == "minutes"


def test_the_record_of_a_meeting_outranks_question_headings():
    questions = "".join(f"{heading}\n{question}\nResponse:\n{answer}\n" for heading, question, answer in QUESTIONS)
    paper = "FICTIONAL DISTRICT COUNCIL\nTuesday 9 July 2024\n" + questions
    assert classify_text([paper]) == "questions"
    record = ("MINUTES of the Meeting of the COUNCIL held on Tuesday 9 July 2024\nPRESENT: Councillor Nell Pike (Chairman)\n"
              "4. Apologies for absence\n5. Questions from Members\n" + questions + "RESOLVED that the charges be approved.\n")
    assert classify_text([record]) == "minutes"
    # attendance, resolutions and the meeting's close are a record even without a "Minutes of" title
    untitled = ("COUNCIL – 9 July 2024\nPRESENT: Councillor Nell Pike (Chairman)\nApologies:\nCouncillor Tom Vinnicombe\n"
                + questions + "RESOLVED that the charges be approved.\nThe meeting closed at 8.12 pm.\n")
    assert classify_text([untitled]) == "minutes"


def test_a_sub_heading_straight_after_an_item_heading_stays_in_the_item(council_minutes):
    minutes = parse_printed_minutes(council_minutes)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("4", "APOLOGIES FOR ABSENCE"),
        ("5", "QUESTIONS FROM MEMBERS"),
        ("6", ("RECOMMENDATION FROM CABINET: REVISED CAR PARKING CHARGES, SEASON TICKETS AND RESIDENTS' PERMITS "
              "FOR THE SALTGATE AND FALLOWFIELD CAR PARKS")),
    ]
    lines = minutes.items[1].text.splitlines()
    assert lines == [part for heading, question, answer in QUESTIONS
                     for part in (heading, f"Question: {question}", f"Response: {answer}")]


def test_question_sub_headings_become_sections_of_the_item(council_minutes):
    minutes = parse_printed_minutes(council_minutes)
    item = nlp.analyse(MinutesText(source="council-minutes.pdf", items=(minutes.items[1],)), []).items[0]
    sections = {s.section for s in item.statements}
    assert sections == {heading for heading, _, _ in QUESTIONS}
