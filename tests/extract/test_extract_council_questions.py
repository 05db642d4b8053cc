"""Council questions-and-answers papers -> items with question/answer turns (generated paper; Kent real data)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_pdf_fixtures import make_questions_paper
from paths import realdata_file

from minutes_miner.extract.council_questions import (
    is_question_heading,
    parse_council_questions,
)
from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.extract.pdf_classify import is_questions_title


@pytest.fixture(scope="module")
def paper():
    pdf = read_pdf(make_questions_paper(), "questions.pdf")
    return pdf, parse_council_questions(pdf)


def test_classified_as_questions(paper):
    pdf, _ = paper
    assert classify(pdf) == "questions"


def test_meeting_and_items(paper):
    _, m = paper
    assert m.source == "questions.pdf"
    assert m.committee == "Fictional County Council" and m.date == date(2025, 3, 6)
    assert [(i.number, i.page) for i in m.items] == [("1", 1), ("2", 2), ("3", 3)]
    assert m.items[1].title == ("Question by Gideon Marsh to Helena Akintola, "
                                "Cabinet Member for Children, Young People and Education")


def test_turns_speakers_acts_and_paragraphs(paper):
    _, m = paper
    first = m.items[0]
    assert [(t.speaker, t.act, t.speaker_kind, t.speaker_title) for t in first.turns] == [
        ("Priya Castellano", "question", "member", None),
        ("Owen Threlfall", "answer", "cabinet_member", "Cabinet Member for Highways and Transport"),
    ]
    assert first.turns[0].text == ("How many of the 412 potholes reported in Ashbury ward since April have been "
                                   "repaired within 28 days?")
    # two answer paragraphs stay two blocks; the paper's repeated header is not part of any answer
    assert first.turns[1].text.split("\n") == [
        "Thank you for the question.",
        ("Of the 412 reports, 301 were repaired within 28 days and a further 64 are programmed for the "
         "resurfacing works in the spring."),
    ]
    assert first.text == "\n".join(t.text for t in first.turns)
    assert all("FICTIONAL COUNTY COUNCIL" not in t.text and "Question 2" not in t.text for i in m.items for t in i.turns)


def test_supplementary_question_and_answer(paper):
    _, m = paper
    turns = m.items[1].turns
    assert [(t.speaker, t.act) for t in turns] == [
        ("Gideon Marsh", "question"), ("Helena Akintola", "answer"),
        ("Gideon Marsh", "question"), ("Helena Akintola", "answer"),
    ]
    assert turns[2].text == "Will the Cabinet Member also publish the figures for the previous two years?"
    assert turns[3].text == "Yes, I will ask officers to add them to the next report."
    leader = m.items[2].turns[1]
    assert (leader.speaker, leader.speaker_title, leader.speaker_kind) == ("Tobias Fennimore", "Leader of the Council", "cabinet_member")


def test_question_heading_forms():
    assert is_question_heading("Question by Mrs A Bee to Mr C Dee, Cabinet Member for Roads")
    assert is_question_heading("Question 4 by Ann Ash to the Leader of the Council")
    assert is_question_heading("Question from Cllr Ann Ash to Cllr Bob Birch")
    assert not is_question_heading("Question 4")
    assert not is_question_heading("Questions by members of the public will be taken at 10am")


# Every question of the paper, checked by eye against the PDF: number (the "Question N" stamp),
# asker, member answering, their title as printed, and how the answer starts.
KENT_QUESTIONS = [
    ("1", "Paul Stepto", "Rory Love", "Cabinet Member for Education and Skills", "Under current legislation, nearly all families"),
    ("2", "Susan Carey", "Neil Baker", "Cabinet Member for Highways and Transport", "Thank you for requesting an update."),
    ("3", "Mark Hood", "Neil Baker", "Cabinet Member for Highways and Transport", "KCC’s position on the proposed expansion of Gatwick"),
    ("4", "Mike Whiting", "Dan Watkins", "Cabinet Member for Adult Social Care and Public Health", "Thank you for your question."),
    ("5", "David Beaney", "Paul Bartlett", "Chair of the Health Overview Scrutiny Committee", "Thank you for the question. GP appointments"),
    ("6", "Mike Sole", "Neil Baker", "Cabinet Member for Highways and Transport", "Thank you for raising this and I would like to offer my apologies"),
    ("7", "Chris Passmore", "Roger Gough", "Leader of Kent County Council", "The County Council has a proud record of securing developer"),
    ("8", "Antony Hook", "Rob Thomas", "Cabinet Member for Environment", "Although there is legislation and regulation covering"),
    ("9", "Sean Holden", "Neil Baker", "Cabinet Member for Highways and Transport", "When roads are closed, the diversion routes"),
    ("10", "Richard Streatfeild", "Rory Love", "Cabinet Member for Education and Skills", "The Public Accounts Committee (PAC) has requested"),
    ("11", "Lesley Game", "Dan Watkins", "Cabinet Member for Adult Social Care and Public Heath", "Thank you for your question"),
    ("12", "Trudy Dean", "Derek Murphy", "Cabinet Member for Economic Development", "The Government currently has not put in place"),
]


@pytest.mark.realdata
def test_kent_council_questions_and_answers():
    path = realdata_file("kent", "kcc_council_questions_and_answers_2025-03-13.pdf")
    pdf = read_pdf(path.read_bytes(), path.name)
    assert classify(pdf) == "questions"
    m = parse_council_questions(pdf)
    assert m.committee == "County Council" and m.date == date(2025, 3, 13)
    assert len(m.items) == len(KENT_QUESTIONS)
    for item, (number, asker, answerer, title, answer_start) in zip(m.items, KENT_QUESTIONS):
        assert item.number == number
        question, answer = item.turns
        assert (question.speaker, question.act, question.speaker_kind) == (asker, "question", "member"), number
        assert (answer.speaker, answer.act, answer.speaker_title) == (answerer, "answer", title), number
        assert answer.text.startswith(answer_start), number
        assert "COUNTY COUNCIL" not in answer.text and "Thursday 13 March 2025" not in answer.text
    assert m.items[6].turns[1].speaker_kind == "cabinet_member"  # the Leader
    assert m.items[4].turns[1].speaker_kind == "member"  # a committee chair answering
    # an answer running over a page break is whole, and a question of two paragraphs keeps both
    assert m.items[0].turns[1].text.endswith("before agreement for home education is provided.")
    assert m.items[7].turns[0].text.split("\n")[-1] == "What can KCC do about these very serious issues?"


def test_link_titles_of_questions_papers():
    for title in ("Questions and Answers", "Written questions from members", "Member questions and responses",
                  "Members' Questions", "Questions to Cabinet Members - written replies", "Public questions"):
        assert is_questions_title(title), title
    for title in ("Supplement", "Printed minutes 13th-Mar-2025", "Quarterly Performance Report",
                  "Questions", "Frequently asked questions about the budget", None):
        assert not is_questions_title(title), title
