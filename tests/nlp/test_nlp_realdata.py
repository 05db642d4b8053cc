"""Development checks on real minutes in ../shared (skipped when absent). Nothing is copied into the repo."""
from __future__ import annotations

from pathlib import Path

import pytest
from nlp_helpers import find

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "000_82dd176458b7b231.txt"
KENT = SHARED / "realdata" / "kent"
CPP = KENT / "kcc_corporate_parenting_panel_minutes_2024-10-29.pdf"
CABINET = KENT / "kcc_cabinet_minutes_2025-01-30.pdf"

pytestmark = pytest.mark.realdata


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not available")


def _pdf_minutes(path: Path):
    pdfplumber = pytest.importorskip("pdfplumber")
    from minutes_miner.nlp import minutes_from_text

    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return minutes_from_text(text, str(path))


@pytest.fixture(scope="module")
def seed():
    _need(SEED)
    from minutes_miner.nlp import analyse, minutes_from_text

    minutes = minutes_from_text(SEED.read_text(encoding="utf-8"), str(SEED))
    return minutes, analyse(minutes)


def test_seed_header_and_item(seed):
    _minutes, doc = seed
    assert doc.committee == "Children's Services Overview and Scrutiny Committee"
    assert doc.date.isoformat() == "2020-06-17"
    assert [(i.number, i.title) for i in doc.items] == [("11", "Children's Services Performance Indicators")]


def test_seed_speakers_questions_answers(seed):
    _, doc = seed
    item = doc.items[0]
    _, s = find(item, "presented the Children")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Stephen Goss", "goss", "officer")
    q, s = find(item, "Councillor Mickleburgh asked for information")
    assert (s.speaker, s.speaker_key, s.speaker_kind, s.act) == ("Councillor Mickleburgh", "mickleburgh", "member", "question")
    _, a = find(item, "Adam Davis stated that complex cases")
    assert (a.speaker, a.act, a.answers) == ("Adam Davis", "answer", q)
    assert "he also stated" in a.text  # the pronoun continuation stays in Adam Davis's statement
    q2, s = find(item, "Councillor Cheng asked what planes")
    assert s.act == "question" and "Adam Davis" not in s.text
    _, a2 = find(item, "Adam Davis stated that when it became apparent")
    assert (a2.act, a2.answers) == ("answer", q2)
    _, w = find(item, "Members were pleased")
    assert (w.speaker, w.speaker_kind, w.act) == ("Members", "group", "welcome")
    _, r = find(item, "In response to a question Adam Davis")
    assert (r.speaker, r.act) == ("Adam Davis", "answer")
    # every statement under the dashboards has a speaker; nobody invented
    assert {s.speaker for s in item.statements} <= {"Stephen Goss", "Adam Davis", "Councillor Mickleburgh", "Councillor Cheng", "Members"}
    assert all(s.speaker for s in item.statements)


def test_seed_sections_and_concerns(seed):
    _, doc = seed
    item = doc.items[0]
    sections = [s.section for s in item.statements]
    assert sections[0] is None
    assert "Dashboard 1 – Education Health and Care Plans (EHCP)" in sections
    assert "Dashboard 4 – Child Protection" in sections
    _, s = find(item, "Councillor Mickleburgh expressed concern")
    assert {"safeguarding", "covid-19"} <= set(s.concerns)
    assert s.section == "Dashboard 4 – Child Protection"
    _, s = find(item, "number of EHCPs")
    assert "send" in s.concerns and s.section.startswith("Dashboard 1")


@pytest.fixture(scope="module")
def cpp():
    _need(CPP)
    from minutes_miner.nlp import analyse

    minutes = _pdf_minutes(CPP)
    return minutes, analyse(minutes)


def test_kent_cpp_structure_and_attendance(cpp):
    _minutes, doc = cpp
    assert doc.committee == "Corporate Parenting Panel" and doc.date.isoformat() == "2024-10-29"
    assert len(doc.items) == 12
    people = {a.name: a for a in doc.attendance}
    assert people["Shellina Prendergast"].kind == "chair"
    assert people["Sue Chandler"].kind == "cabinet_member"
    assert people["Joanne Carpenter"].kind == "officer"
    assert people["Joanne Carpenter"].title == "Participation and Engagement Manager"


def _item(doc, number):
    return next(i for i in doc.items if i.number == number)


def test_kent_cpp_participation_item(cpp):
    _, doc = cpp
    item = _item(doc, "4")
    _, s = find(item, "Joanne Carpenter, Participation and Engagement Manager, introduced the report.")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Joanne Carpenter", "carpenter", "officer")
    assert not any(s.text.startswith("She highlighted") for s in item.statements)  # a pure lead-in
    _, s = find(item, "Ms Carpenter shared that the recruitment of six apprentices")
    assert (s.speaker, s.act) == ("Joanne Carpenter", "statement")
    _, s = find(item, "She assured members that there had been consistent work")
    assert s.speaker == "Joanne Carpenter"
    _, s = find(item, "There were 21 activity days")  # sub-point inherits the lead-in's speaker
    assert s.speaker == "Joanne Carpenter"
    _, s = find(item, "The Chair and Members shared their congratulations")
    assert (s.speaker_kind, s.act) == ("chair", "welcome")  # joint: the first named speaks
    _, s = find(item, "A Member questioned the timeline")
    assert (s.speaker, s.speaker_key, s.act) == ("A Member", "member", "question")
    _, s = find(item, "Joanne Carpenter offered to follow up")
    # a promise to follow up is not the question's answer (gold README: only answers are paired)
    assert (s.speaker, s.act, s.answers) == ("Joanne Carpenter", "commitment", None)
    _, s = find(item, "Mental health had been a contributing factor")
    assert s.speaker == "Joanne Carpenter" and "mental-health" in s.concerns


def test_kent_cpp_youth_justice_pairs(cpp):
    _, doc = cpp
    item = _item(doc, "7")
    q, s = find(item, "A Member asked for confirmation")
    assert s.act == "question"
    _, a = find(item, "Mr Read shared that the placement")
    assert (a.speaker, a.speaker_key, a.speaker_kind, a.act, a.answers) == ("Jason Read", "read", "officer", "answer", q)
    q, _ = find(item, "A Member questioned the use of artificial intelligence")
    _, a = find(item, "Mr Read confirmed that he was not aware")
    assert a.answers == q
    _, s = find(item, "He added that Outcome 22")
    assert s.speaker == "Jason Read"


def test_kent_cpp_other_items(cpp):
    _, doc = cpp
    _, s = find(_item(doc, "5"), "Mrs Chandler offered to circulate links")
    assert (s.speaker, s.speaker_kind, s.act) == ("Sue Chandler", "cabinet_member", "commitment")
    _, s = find(_item(doc, "2"), "The Chair agreed to write to group leaders")
    assert (s.speaker, s.speaker_kind, s.act) == ("Shellina Prendergast", "chair", "commitment")
    _, s = find(_item(doc, "8"), "Sarah Hammond noted that court delays")
    assert s.act == "answer" and "waiting-times" in s.concerns
    _, s = find(_item(doc, "11"), "Ms Gleave offered to raise the matter")
    assert (s.speaker, s.act) == ("Alice Gleave", "commitment")
    _, s = find(_item(doc, "10"), "Christy Holden, Head of Children")
    assert (s.speaker, s.speaker_kind) == ("Christy Holden", "officer")  # joint: the first named speaks
    for item in doc.items:
        for st in item.statements:
            if st.act == "resolution":
                assert st.text.startswith("RESOLVED")


def test_kent_cabinet_speakers():
    _need(CABINET)
    from minutes_miner.nlp import analyse

    doc = analyse(_pdf_minutes(CABINET))
    assert doc.committee == "Cabinet" and doc.date.isoformat() == "2025-01-30"
    updates = _item(doc, "4")
    _, s = find(updates, "Mr Baker, Cabinet Member for Highways and Transport")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Mr N Baker", "baker", "cabinet_member")
    _, s = find(updates, "Mr Watkins asked members to promote")
    assert (s.speaker_key, s.act) == ("watkins", "request")
    _, s = find(updates, "The Leader confirmed that the gifts")
    assert s.speaker_key == "gough"
    item7 = _item(doc, "7")
    _, s = find(item7, "Mr Albiston (Director of Adult Social Care) advised")
    assert (s.speaker, s.speaker_kind) == ("Mark Albiston", "officer")
    _, s = find(item7, "Mrs Hammond (Corporate Director")
    assert s.speaker_key == "hammond" and s.speaker_kind == "officer"
