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
It was agreed that tenants should be told the date of each visit in advance.

2. BUDGET MONITORING

Concern was expressed that the Council was being asked to pay far more for temporary accommodation.
The question was asked whether the Council could recover the overspend, to which the Section 151 Officer replied that a recovery plan would be brought in September.
Mr Brisk said that the staff survey, to which 412 employees had responded, showed morale had improved.
He said that most of those who responded wanted more flexible hours.
Councillor Vass asked whether the reserves would cover the gap.
Mr Brisk replied that the reserves stood at £6 million and that he would report any further pressure to the Panel.
Councillor Lusk asked how many posts were vacant in the revenues team.
Mr Brisk said that he did not have the figure to hand but would provide it after the meeting.
Councillor Halloran asked when the audit would finish.
Mr Brisk said that the final report would be circulated to Members in July.
Councillor Orrin said that she would raise the matter with the Leader.
Mr Brisk explained that most of the grant was already committed to the pay award.
The Chair welcomed the new budget dashboard and asked that it be shared with all councillors.
Members expressed concern about the use of agency staff and asked for a breakdown by service.
It was suggested that the risk register should also record the risk of a delayed audit.
It was suggested that the Council should not have drawn on reserves so early in the year.

3. PETITION AND MOTION

Councillor Lusk, Cabinet Member for Communities, responded to the petition on behalf of the Cabinet.
Councillor Halloran moved and Councillor Vass seconded an amendment to replace the final paragraph with a request that the Cabinet bring a plan to its next meeting.
This Council calls on the Cabinet to keep every library open.
This Council asks the Leader to write to the Secretary of State.

4. WORK PROGRAMME

RESOLVED:

The Communities Scrutiny Panel:

i. Notes the work programme; and

ii. Recommends that the Cabinet Member reports on library opening hours in the autumn.

5. ANNUAL REPORT

RESOLVED:

The Panel noted the annual report and endorsed the action plan.

RESOLVED: That (1) the report be noted; and (2) the Cabinet Member be asked to review the charges.

6. LIBRARY STRATEGY

Councillor Vass asked that future reports show the visits to each library separately.
Councillor Lusk agreed that the quarterly reports would do so from the autumn.
The Scrutiny Officer reminded Members that the review would end with findings, which would be reported to Cabinet in May.

Councillor Orrin said that readers who had used the home library service had praised its volunteers.
The Chair welcomed the reading scheme and asked that it be offered to more care homes.
Councillor Halloran asked why the Eastgate library had closed early on Saturdays.
Councillor Lusk responded that this was not the Council's policy and asked Councillor Halloran to share the dates.

RESOLVED: That the Panel –
(1) approves the library strategy;
(2) delegates to the Head of Housing authority to agree the opening hours.
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
    ("It was agreed that tenants should be told", "statement"),  # a view the meeting shared, no action decided
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


def test_reported_reply_after_a_reply_is_no_answer(doc):
    assert act_of(doc.items[1], "most of those who responded") == "statement"


@pytest.mark.parametrize("question, reply, act, paired", [
    # a reply that also says what will be done is still the answer
    ("whether the reserves would cover", "the reserves stood at £6 million", "answer", True),
    ("when the audit would finish", "the final report would be circulated", "answer", True),
    # a promise in place of the answer is a commitment, never paired
    ("how many posts were vacant", "did not have the figure to hand but would provide it", "commitment", False),
])
def test_promises_in_replies(doc, question, reply, act, paired):
    item = doc.items[1]
    q, _ = find(item, question)
    _, a = find(item, reply)
    assert a.act == act
    assert a.answers == (q if paired else None)


@pytest.mark.parametrize("fragment, act", [
    ("Councillor Orrin said that she would raise the matter", "commitment"),  # the speaker's own promise
    ("already committed to the pay award", "statement"),  # money allocated, no promise
    ("The Chair welcomed the new budget dashboard and asked", "welcome"),  # the first act, not the coordinated request
    ("Members expressed concern about the use of agency staff", "concern"),
    ("It was suggested that the risk register should also record", "request"),
    ("It was suggested that the Council should not have drawn on reserves", "statement"),  # a view, nothing asked for
])
def test_promises_feelings_and_suggestions(doc, fragment, act):
    assert act_of(doc.items[1], fragment) == act


@pytest.mark.parametrize("fragment, act", [
    ("responded to the petition on behalf of the Cabinet", "statement"),  # a reply to no question
    ("seconded an amendment to replace the final paragraph with a request", "statement"),  # a request described
    ("This Council calls on the Cabinet", "request"),
    ("This Council asks the Leader to write", "request"),
])
def test_petitions_and_motions(doc, fragment, act):
    assert act_of(doc.items[2], fragment) == act


def test_decision_parts_under_the_body_named_on_its_own_line(doc):
    item = doc.items[3]
    for fragment in ("Notes the work programme", "Recommends that the Cabinet Member reports"):
        _, s = find(item, fragment)
        assert (s.act, s.speaker_key) == ("resolution", "committee")
    assert not any(s.text.startswith("The Communities Scrutiny Panel") for s in item.statements)


def test_decision_in_prose_under_resolved(doc):
    _, s = find(doc.items[4], "The Panel noted the annual report and endorsed")
    assert (s.act, s.speaker_key) == ("resolution", "committee")


def test_decision_part_asking_someone_to_act_is_a_part_of_its_own(doc):
    item = doc.items[4]
    _, first = find(item, "the report be noted")
    _, second = find(item, "the Cabinet Member be asked to review the charges")
    assert first is not second
    assert (first.act, second.act) == ("resolution", "resolution")


@pytest.mark.parametrize("fragment, act", [
    ("Councillor Lusk agreed that the quarterly reports would do so", "commitment"),
    ("which would be reported to Cabinet in May", "statement"),  # what will happen, no one's promise
])
def test_agreed_that_and_relative_future(doc, fragment, act):
    assert act_of(doc.items[5], fragment) == act


def test_decision_parts_under_resolved_that_the_body_dash(doc):
    item = doc.items[5]
    for fragment in ("approves the library strategy", "delegates to the Head of Housing"):
        _, s = find(item, fragment)
        assert (s.act, s.speaker_key) == ("resolution", "committee")
    assert not any(s.text.startswith("RESOLVED: That the Panel") for s in item.statements)


@pytest.mark.parametrize("fragment, act", [
    ("readers who had used the home library service had praised", "statement"),  # others' praise, reported
    ("The Chair welcomed the reading scheme and asked that it be offered", "welcome"),  # 'be offered to' promises nothing
])
def test_reported_praise_and_passive_offer(doc, fragment, act):
    assert act_of(doc.items[5], fragment) == act


def test_reply_that_goes_on_to_ask_is_the_answer(doc):
    item = doc.items[5]
    q, _ = find(item, "Councillor Halloran asked why the Eastgate library")
    _, a = find(item, "Councillor Lusk responded that this was not the Council's policy")
    assert (a.act, a.answers) == ("answer", q)
