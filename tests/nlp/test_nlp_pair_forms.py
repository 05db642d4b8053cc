"""Question -> answer pairs in the layouts UK minutes print them in (invented minutes, written here):
a second respondent after the first reply, questions put together then answered in turn, an
impersonal reply, members' points in note form under a lead-in, bare "Reply:" labels, "Q: Name:"
rows, numbered questions, decisions the members take in the subjunctive."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

MINUTES = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of the Overview and Scrutiny Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Chair), Councillors Ben Amos, Clare Dobbs, Faisal Noor and Janet Wicks.

Officers: Paul Grainger (Director of Housing), Sarah Lowe (Head of Finance), Dan Ibbotson (Head of Customer Services).

5. TEMPORARY ACCOMMODATION

The Director of Housing presented the report.

Councillor Amos asked how many families were in bed and breakfast accommodation.

In reply, the Director said that there were 14 families, down from 22 in January.

Ms Lowe explained that the cost had fallen by £40,000 a month as a result.

Councillor Dobbs asked whether the new leasing scheme was on track.

It was noted that 30 of the 50 properties had now been leased.

Councillor Noor asked whether the hostel would reopen.

It was further noted that the hostel roof had been repaired.

6. CUSTOMER SERVICES

Mr Ibbotson presented the report.

Councillor Amos asked why call waiting times had risen.

Councillor Dobbs asked whether the online form was working.

Mr Ibbotson said that call waiting times had risen because of vacancies in the contact centre.

He said that the online form had been fixed in February.

Councillor Wicks asked how many complaints had been received.

Mr Ibbotson replied that 212 complaints had been received.

Councillor Kaur said that the report was clear.

Mr Ibbotson explained that the contact centre would move in May.

7. SCHOOL TRANSPORT

Members raised the following points:

- whether the new routes had been checked for safety;
- concern that some pupils were travelling for over an hour;
- that the Committee should receive the route review in June.

The Cabinet Member responded that every route had been checked by the road safety team.

8. WORK PROGRAMME

The following questions were put:

(i) Councillor Amos asked when the parking review would report.

In reply, the Cabinet Member said that it would report in July.

Members agreed that a session on school transport be added to the programme for July.

Members agreed that the applicant should be encouraged to talk to officers.
"""


@pytest.fixture(scope="module")
def doc():
    return analyse_text(MINUTES)


def _pair(item, question: str, answer: str):
    q, _ = find(item, question)
    _, a = find(item, answer)
    return q, a


def test_second_respondent_explaining_answers_the_same_question(doc):
    q, a = _pair(doc.items[0], "Councillor Amos asked how many families", "Ms Lowe explained that the cost")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "lowe")


def test_it_was_noted_straight_after_a_question_answers_it(doc):
    q, a = _pair(doc.items[0], "Councillor Dobbs asked whether the new leasing", "It was noted that 30 of the 50")
    assert (a.act, a.answers) == ("answer", q)


def test_it_was_further_noted_is_a_remark_not_a_reply(doc):
    _, s = find(doc.items[0], "It was further noted that the hostel roof")
    assert (s.act, s.answers) == ("statement", None)


def test_questions_put_together_are_answered_in_turn(doc):
    item = doc.items[1]
    q1, a1 = _pair(item, "asked why call waiting times had risen", "call waiting times had risen because")
    q2, a2 = _pair(item, "asked whether the online form was working", "the online form had been fixed")
    assert (a1.answers, a2.answers) == (q1, q2)


def test_a_new_point_after_a_members_comment_is_no_answer(doc):
    _, s = find(doc.items[1], "Mr Ibbotson explained that the contact centre would move")
    assert (s.act, s.answers) == ("statement", None)


@pytest.mark.parametrize("fragment, act", [
    ("whether the new routes had been checked", "question"),
    ("concern that some pupils were travelling", "concern"),
    ("that the Committee should receive the route review", "request"),
])
def test_points_in_note_form_keep_their_own_acts(doc, fragment, act):
    _, s = find(doc.items[2], fragment)
    assert (s.act, s.speaker_key) == (act, "members")


def test_reply_after_members_points_answers_their_question(doc):
    q, a = _pair(doc.items[2], "whether the new routes had been checked", "The Cabinet Member responded")
    assert (a.act, a.answers) == ("answer", q)


def test_the_following_questions_were_put_is_a_lead_in(doc):
    texts = [s.text for s in doc.items[3].statements]
    assert not any("The following questions were put" in t for t in texts)
    q, a = _pair(doc.items[3], "Councillor Amos asked when the parking review", "it would report in July")
    assert a.answers == q


def test_members_agreeing_in_the_subjunctive_is_the_committees_decision(doc):
    _, s = find(doc.items[3], "a session on school transport be added")
    assert (s.act, s.speaker_key, s.speaker_kind) == ("resolution", "committee", "group")
    _, view = find(doc.items[3], "the applicant should be encouraged")
    assert (view.act, view.speaker_key) == ("statement", "members")


LABELLED = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of Full Council held on 4 March 2025.

Present: Councillor Rita Kaur (Mayor), Councillors Ben Amos, Clare Dobbs and Faisal Noor.

7. PUBLIC QUESTIONS

Question 1 from Mr Alan Thorpe to the Cabinet Member for Environment

Will the Council reinstate the weekly glass collection?

Reply:

The Cabinet Member for Environment said that the Council had no plans to do so because of the cost.

Supplementary question:

Would the decision be reviewed next year?

Reply:

The Cabinet Member for Environment said that all collections would be reviewed in 2026.

8. MEMBERS' QUESTIONS

Q1. Councillor Dobbs asked how many empty homes had been brought back into use.
A. Councillor Noor, Cabinet Member for Housing, said that 62 empty homes had been brought back into use.

9. QUESTIONS AND ANSWERS

Q: Councillor Amos: What is the current vacancy rate in children's social care?
A: The Director of Children's Services: The vacancy rate is 18 per cent.
"""


@pytest.fixture(scope="module")
def labelled():
    return analyse_text(LABELLED)


def test_bare_reply_label_is_no_statement_and_the_block_below_answers(labelled):
    item = labelled.items[0]
    assert not any(s.text.rstrip(":") in ("Reply", "Supplementary question") for s in item.statements)
    q, a = _pair(item, "reinstate the weekly glass collection", "had no plans to do so")
    assert (a.act, a.answers) == ("answer", q)


def test_supplementary_label_makes_the_question_the_askers(labelled):
    item = labelled.items[0]
    q, s = find(item, "Would the decision be reviewed next year?")
    _, a = find(item, "all collections would be reviewed in 2026")
    assert (s.act, s.speaker_key) == ("question", "thorpe")
    assert (a.act, a.answers) == ("answer", q)


def test_question_number_is_not_a_statement(labelled):
    item = labelled.items[1]
    assert not any(s.text.strip() == "Q1." for s in item.statements)
    q, a = _pair(item, "Councillor Dobbs asked how many empty homes", "62 empty homes had been brought")
    assert (a.act, a.answers) == ("answer", q)


def test_q_and_a_rows_name_their_speakers_after_the_label(labelled):
    item = labelled.items[2]
    q, s = find(item, "What is the current vacancy rate")
    _, a = find(item, "The vacancy rate is 18 per cent")
    assert (s.act, s.speaker_key) == ("question", "amos")
    assert (a.act, a.answers, a.speaker_kind) == ("answer", q, "officer")


LISTED = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of the Community Wellbeing Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Chair), Councillors Ben Amos, Clare Dobbs and Faisal Noor.

Officers: Paul Grainger (Director of Housing), Sarah Lowe (Head of Finance).

4. COMMUNITY PLAN

Key points raised:

- Asked whether the warden service had enough wardens to cover every estate [Cllr Amos]
- Asked that the next report include figures for each ward [Cllr Dobbs]

Officer responses:

- There were nine wardens covering the estates, and two more would be recruited in the spring [Director of Housing]
- The ward figures would be included in the next report [Head of Finance]

5. CALL-IN OF THE YOUTH SERVICE DECISION

Councillor Noor asked whether anyone had estimated the cost to the Council of more children entering care as a result of the reduction.

Councillor Amos welcomed the chance to examine the decision.

Response of the Cabinet Member and officers

Councillor Dobbs, Cabinet Member for Children, said that the decision had not been taken lightly.

Paul Grainger, Director of Housing, said that no separate estimate had been made of the cost of children entering care, because the evidence showed no direct link.

6. CARE PROVIDERS

Councillor Amos sought assurance that care providers were being checked for exploitation.

The Director of Housing confirmed that the quality team now asked every provider for its recruitment records.

Councillor Noor said that he remained frustrated that the checks had taken so long.

Ms Lowe agreed to introduce quarterly spot checks from April.

The Committee noted the annual report and thanked the quality team.
"""


@pytest.fixture(scope="module")
def listed():
    return analyse_text(LISTED)


def test_listed_reply_answers_the_point_whose_words_it_takes_up(listed):
    q, a = _pair(listed.items[0], "enough wardens to cover every estate", "There were nine wardens")
    assert (a.act, a.answers) == ("answer", q)


def test_listed_reply_to_a_request_with_a_promise_is_a_commitment(listed):
    _, s = find(listed.items[0], "The ward figures would be included")
    assert (s.act, s.answers) == ("commitment", None)


def test_reply_a_few_statements_later_that_echoes_the_question_answers_it(listed):
    item = listed.items[1]
    q, a = _pair(item, "asked whether anyone had estimated the cost", "no separate estimate had been made")
    assert (a.act, a.answers) == ("answer", q)
    _, other = find(item, "the decision had not been taken lightly")
    assert (other.act, other.answers) == ("statement", None)


def test_asking_reported_inside_a_that_clause_is_not_the_speakers_question(listed):
    q, a = _pair(listed.items[2], "sought assurance that care providers", "the quality team now asked every provider")
    assert (a.act, a.answers) == ("answer", q)


@pytest.mark.parametrize("fragment, act", [
    ("he remained frustrated that the checks", "concern"),
    ("Ms Lowe agreed to introduce quarterly spot checks", "commitment"),
    ("The Committee noted the annual report and thanked", "resolution"),
])
def test_acts_of_item_6(listed, fragment, act):
    assert find(listed.items[2], fragment)[1].act == act



LISTS = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of the Overview and Scrutiny Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Chair), Councillors Ben Amos, Clare Dobbs and Faisal Noor.

Officers: Paul Grainger (Director of Housing).

5. HOUSING REPAIRS

Councillor Amos asked:

(a) how many repairs were outstanding;

(b) whether the contractor was meeting its targets.

The Director of Housing responded:

(a) there were 1,240 repairs outstanding;

(b) the contractor had met 8 of its 12 targets.
"""


def test_questions_listed_after_asked_are_answered_by_the_listed_replies():
    item = analyse_text(LISTS).items[0]
    texts = [s.text for s in item.statements]
    assert not any(t.endswith(("asked:", "responded:")) for t in texts)  # lead-ins, not statements
    q1, a1 = _pair(item, "how many repairs were outstanding", "there were 1,240 repairs outstanding")
    q2, a2 = _pair(item, "whether the contractor was meeting", "the contractor had met 8 of its 12")
    assert (item.statements[q1].act, item.statements[q1].speaker_key) == ("question", "amos")
    assert (a1.act, a1.answers, a1.speaker_key) == ("answer", q1, "grainger")
    assert (a2.act, a2.answers) == ("answer", q2)


FOLLOW_ON = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of the Overview and Scrutiny Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Chair), Councillors Ben Amos, Clare Dobbs, Faisal Noor and Janet Wicks.

Officers: Paul Grainger (Director of Housing), Sarah Lowe (Head of Finance).

5. HOUSING

Councillor Wicks asked whether the repairs backlog would be cleared by the summer.
She said that tenants in her ward had waited months for repairs.
The Director of Housing said that the backlog would be cleared by August.

Member question: How many empty homes are there?
Officer response: There are 412 empty homes.

6. SEND TRANSPORT

In response to comments and questions it was said:

a. Members questioned the cost of taxis for children with special educational needs. In response, Ms Lowe stated that the cost had risen by a fifth.

b. A member stated that parents were not told of route changes in time.
"""


@pytest.fixture(scope="module")
def follow_on():
    return analyse_text(FOLLOW_ON)


def test_reply_after_the_questioners_own_remark_answers_the_question(follow_on):
    q, a = _pair(follow_on.items[0], "asked whether the repairs backlog", "the backlog would be cleared by August")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "grainger")


def test_member_question_and_officer_response_labels(follow_on):
    q, a = _pair(follow_on.items[0], "How many empty homes are there?", "There are 412 empty homes")
    assert (follow_on.items[0].statements[q].act, a.act, a.answers) == ("question", "answer", q)


def test_a_members_point_under_a_response_lead_in_is_no_reply(follow_on):
    q, a = _pair(follow_on.items[1], "Members questioned the cost of taxis", "the cost had risen by a fifth")
    assert (a.act, a.answers) == ("answer", q)
    _, s = find(follow_on.items[1], "A member stated that parents were not told")
    assert (s.act, s.answers) == ("statement", None)


NAMED_LABELS = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of the Cabinet Scrutiny Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Chair), Councillors Ben Amos and Clare Dobbs.

Also present: Councillor Owen Pell (Cabinet Member for Children and Families), Dana Whitlow (Director of Children's Services).

5. SUFFICIENCY STRATEGY

Cllr Amos: Sought clarification on whether the new children's homes would be staffed by permanent employees.

Response (Cabinet Member for Children and Families): The intention was a permanent staff team, but the Director cautioned that recruitment would be hard.

6. PUBLIC SPEAKERS

Mr Tom Hale, speaking for the Tenants' Forum, asked whether an equality impact assessment had been completed.

Ms Nadia Feeney, a support worker at the refuge, spoke on the allocations policy.
"""


def test_response_label_names_its_speaker_in_brackets():
    doc = analyse_text(NAMED_LABELS)
    q, a = _pair(doc.items[0], "Sought clarification on whether the new children's homes", "The intention was a permanent staff team")
    assert (a.act, a.answers, a.speaker_key, a.speaker_kind) == ("answer", q, "pell", "cabinet_member")


def test_a_speaker_taking_the_floor_after_a_question_is_no_reply():
    doc = analyse_text(NAMED_LABELS)
    _, s = find(doc.items[1], "Ms Nadia Feeney, a support worker at the refuge, spoke on")
    assert (s.act, s.answers) == ("statement", None)


QA_TABLES = """<html><head><title>Minutes - Overview and Scrutiny Committee, 4 March 2025</title></head><body>
<h1>Hollingford Borough Council</h1>
<p>Minutes of the meeting of the Overview and Scrutiny Committee held on 4 March 2025.</p>
<p>Present: Councillor Rita Kaur (Chair), Councillors Ben Amos, Clare Dobbs and Faisal Noor.</p>
<p>Officers: Paul Grainger (Director of Housing), Sarah Lowe (Head of Finance).</p>
<h2>5. Housing Performance</h2>
<table>
<tr><th>Question</th><th>Response</th></tr>
<tr><td>Councillor Amos asked how many homes were empty.</td><td>The Director said that 412 homes were empty.</td></tr>
</table>
<h2>6. Budget</h2>
<table>
<tr><th>Member</th><th>Question</th><th>Answer</th></tr>
<tr><td>Cllr Noor</td><td>Will the savings target be met?</td><td>Ms Lowe: The target will be met by the year end.</td></tr>
</table>
</body></html>
"""


def test_question_and_answer_tables(tmp_path):
    from minutes_miner.inputs import read_file
    from minutes_miner.nlp import analyse

    page = tmp_path / "minutes.html"
    page.write_text(QA_TABLES, encoding="utf-8")
    doc = analyse(read_file(page).minutes)
    q, a = _pair(doc.items[0], "Councillor Amos asked how many homes", "412 homes were empty")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "grainger")
    q, a = _pair(doc.items[1], "Will the savings target be met?", "The target will be met")
    assert doc.items[1].statements[q].speaker_key == "noor"
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "lowe")


NUMBERED = """\
STRATHMORE COUNCIL

Minute of Meeting of the Education, Children and Families Committee held on 4 March 2025.

Present: Councillor Rita Kaur (Convener), Councillors Ben Amos, Clare Dobbs and Faisal Noor.

In attendance: Paul Grainger (Chief Education Officer), Sarah Lowe (Head of Finance).

5. ATTAINMENT REPORT

5.1 The Chief Education Officer presented the report.

5.2 Councillor Dobbs enquired whether additional support would be provided to schools in the east of the authority.

5.3 In response, the Head of Finance confirmed that £200,000 had been allocated for that purpose.

5.4 Members sought assurance that pupils with additional support needs would not be disadvantaged. Officers confirmed that each school had an additional support needs coordinator.

Decision

The Committee agreed:
(i) to note the report; and
(ii) to request a further report in September.
"""


def test_numbered_paragraphs_and_a_decision_list_after_the_committee_agreed():
    item = analyse_text(NUMBERED).items[0]
    q, a = _pair(item, "Councillor Dobbs enquired whether additional support", "£200,000 had been allocated")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "lowe")
    q, a = _pair(item, "Members sought assurance that pupils", "Officers confirmed that each school")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "officers")
    assert not any(s.text.startswith("The Committee agreed") for s in item.statements)
    _, s = find(item, "to request a further report in September")
    assert (s.act, s.speaker_key) == ("resolution", "committee")


COUNCIL_QUESTIONS = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of Full Council held on 4 March 2025.

Present: Councillor Rita Kaur (Mayor), Councillors Ben Amos, Clare Dobbs, Faisal Noor (Leader of the Council) and Janet Wicks.

8. QUESTIONS FROM MEMBERS

Councillor Amos asked the Leader the following question:
"Will the Leader confirm how much the Council has spent on consultants this year?"
The Leader replied:
"The Council has spent £1.2 million on consultants this year, mostly on the new housing system."
Supplementary question: Councillor Amos asked whether this would fall next year.
Reply: The Leader said that it would fall by half.
"""


def test_council_question_put_after_a_lead_in_and_its_quoted_reply():
    item = analyse_text(COUNCIL_QUESTIONS).items[0]
    assert not any(s.text.endswith(("the following question:", "replied:")) for s in item.statements)
    q, a = _pair(item, "how much the Council has spent on consultants", "has spent £1.2 million")
    assert (item.statements[q].act, item.statements[q].speaker_key) == ("question", "amos")
    assert (a.act, a.answers, a.speaker_key) == ("answer", q, "noor")
    q, a = _pair(item, "Councillor Amos asked whether this would fall", "it would fall by half")
    assert (a.act, a.answers) == ("answer", q)


HEADED_LABELS = """\
HOLLINGFORD BOROUGH COUNCIL

Minutes of the meeting of Full Council held on 4 March 2025.

Present: Councillor Rita Kaur (Mayor), Councillors Ben Amos, Faisal Noor (Leader of the Council) and Janet Wicks (Cabinet Member for Housing).

9. PUBLIC QUESTIONS

Question from Mr Alan Thorpe to the Cabinet Member for Housing

How many council homes are empty?

Response from the Cabinet Member for Housing

There are 84 empty council homes, and 30 of them will be let by April.

Supplementary Question

Mr Thorpe asked how many had been empty for more than a year.

Supplementary reply:

The Cabinet Member said that she did not have the figure to hand and undertook to write to Mr Thorpe.
"""


def test_reply_labels_printed_as_headings_keep_the_question_and_reply_together():
    item = analyse_text(HEADED_LABELS).items[0]
    q, a = _pair(item, "How many council homes are empty?", "There are 84 empty council homes")
    assert (item.statements[q].speaker_key, a.act, a.answers, a.speaker_key) == ("thorpe", "answer", q, "wicks")
    assert a.section == item.statements[q].section  # the label is no new section
    _, s = find(item, "Mr Thorpe asked how many had been empty")
    assert s.act == "question"
    _, promise = find(item, "undertook to write to Mr Thorpe")
    assert (promise.act, promise.answers) == ("commitment", None)  # a promise in place of the answer


def test_being_asked_inside_a_question_keeps_the_question():
    text = LISTED.replace("Councillor Amos sought assurance that care providers were being checked for exploitation.",
                          "Councillor Amos asked whether the partner bodies would be asked to meet the overspend.")
    item = analyse_text(text).items[2]
    _, s = find(item, "asked whether the partner bodies would be asked")
    assert s.act == "question"


DASHED_QUESTION_HEADINGS = """COUNCIL

4. WRITTEN QUESTIONS FROM MEMBERS

Question 1 – Councillor Imelda Brack to the Cabinet Member for Parks, Leisure and Open Spaces (Councillor Osian Tarrant)

Question: “How many playgrounds have been closed this year because of unsafe equipment, and when will they reopen?”

Reply: Seven playgrounds had been closed since April. Four would reopen before the summer holidays.

Question 2 – Councillor Bernard Lusk to the Leader of the Council (Councillor Fenella Orr)

Question: “Will the Leader publish the review of the town centre car parks?”

Reply: The review would be published with the budget papers in February.
"""


def test_dashed_question_heading_names_the_asker_and_the_role_holder_who_replies():
    item = analyse_text(DASHED_QUESTION_HEADINGS).items[0]
    q, question = find(item, "How many playgrounds have been closed")
    _, reply = find(item, "Seven playgrounds had been closed")
    _, more = find(item, "Four would reopen")
    assert (question.speaker_key, question.speaker_kind) == ("brack", "member")
    assert question.section.startswith("Question 1 – Councillor Imelda Brack")  # a long heading is still a section
    assert [(s.speaker_key, s.speaker_kind, s.act, s.answers) for s in (reply, more)] == [("tarrant", "cabinet_member", "answer", q)] * 2
    q2, question2 = find(item, "publish the review of the town centre")
    _, reply2 = find(item, "published with the budget papers")
    assert (question2.speaker_key, reply2.speaker_key, reply2.speaker_kind, reply2.answers) == ("lusk", "orr", "cabinet_member", q2)


LONE_QUESTION_HEADING = """COUNCIL

3. QUESTIONS FROM THE PUBLIC

Question from Mr Declan Harrow to the Cabinet Member for Transport

Question: “Why has the Mill Lane bus shelter not been replaced?”

Reply (Councillor Petra Sollis): The replacement shelter had been ordered in March and would be fitted in June.
"""


def test_lone_question_heading_atop_an_item_is_a_section_naming_the_asker():
    item = analyse_text(LONE_QUESTION_HEADING).items[0]
    _, question = find(item, "Mill Lane bus shelter")
    assert (question.speaker_key, question.act) == ("harrow", "question")
    assert question.section == "Question from Mr Declan Harrow to the Cabinet Member for Transport"
