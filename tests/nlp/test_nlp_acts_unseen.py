"""Acts and question -> answer pairs in phrasings from house styles the rules first met on new
councils (invented minutes, written here): acts reported inside a sentence, concerns put as
feelings or doubts, impersonal decisions, one-sentence question-and-reply, decision parts."""
from __future__ import annotations

import pytest
from nlp_helpers import find

MINUTES = """\
BRAMBLECOTE DISTRICT COUNCIL

Minutes of the meeting of the Communities Scrutiny Panel held on 3 June 2025.

Present: Councillor Tessa Orrin (Chair), Councillors Dev Halloran, Imogen Vass and Piotr Lusk.

Officers: Hazel Quarry (Head of Housing), Owen Brisk (Section 151 Officer).

1. HOUSING REPAIRS

Hazel Quarry, Head of Housing, introduced the report and explained that the Panel had asked to focus on damp and mould.
She said that tenants were being asked to wait up to nine weeks for an inspection.
The Chair reported that the revised charter, which the Panel had asked to see again, would come to the July meeting.
Councillor Halloran asked how many inspections were overdue.
Ms Quarry replied that 118 were overdue and that 40 tenants had not answered the letters sent to them.
Councillor Vass said she was not reassured that the backlog would be cleared by March.
Councillor Lusk felt that the Council had been too slow to act on the warnings given by tenants.
Members were pleased that a specialist team was in place, but felt strongly that tenants had waited too long.
Councillor Halloran said that the figures confirmed his fears.
It was agreed that the Chair would write to the housing association.

2. BUDGET MONITORING

Concern was expressed that the Council was being asked to pay far more for temporary accommodation.
The question was asked whether the Council could recover the overspend, to which the Section 151 Officer replied that a recovery plan would be brought in September.
Mr Brisk said that the staff survey, to which 412 employees had responded, showed morale had improved.
"""


@pytest.fixture(scope="module")
def doc():
    from minutes_miner.nlp import analyse, minutes_from_text

    return analyse(minutes_from_text(MINUTES, "invented.txt"))


def act_of(item, fragment):
    return find(item, fragment)[1].act


@pytest.mark.parametrize("fragment, act", [
    # a question/request/answer verb after "had", "being", "were ... to" reports another's act
    ("explained that the Panel had asked to focus", "statement"),
    ("tenants were being asked to wait", "statement"),
    ("The Chair reported that the revised charter", "statement"),
    ("Councillor Halloran asked how many inspections", "question"),
    ("Ms Quarry replied that 118 were overdue", "answer"),
    # doubts and feelings are concerns
    ("Councillor Vass said she was not reassured", "concern"),
    ("Councillor Lusk felt that the Council", "concern"),
    ("Members were pleased that a specialist team was in place, but felt strongly", "concern"),
    ("the figures confirmed his fears", "concern"),
    # an impersonal agreement is the Panel's decision
    ("It was agreed that the Chair would write", "resolution"),
])
def test_acts_in_item_1(doc, fragment, act):
    assert act_of(doc.items[0], fragment) == act


def test_reply_pairs_with_question_despite_reported_answer_verb(doc):
    item = doc.items[0]
    q, _ = find(item, "Councillor Halloran asked how many inspections")
    _, a = find(item, "Ms Quarry replied that 118 were overdue")
    assert a.answers == q


def test_impersonal_agreement_is_spoken_by_the_committee(doc):
    _, s = find(doc.items[0], "It was agreed that the Chair would write")
    assert (s.speaker_key, s.speaker_kind) == ("committee", "group")


@pytest.mark.parametrize("fragment, act", [
    ("Concern was expressed that the Council was being asked to pay", "concern"),
    ("staff survey, to which 412 employees had responded", "statement"),
])
def test_acts_in_item_2(doc, fragment, act):
    assert act_of(doc.items[1], fragment) == act
