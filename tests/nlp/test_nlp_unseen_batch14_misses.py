"""The misses of gold batches 13 and 14 in acts, decisions, pairing and sections, each as a phrasing
family in invented minutes: decision lead-ins that record the vote or name the body, "Outcome(s)"
labels, webcast timestamps, two parallel numbered lists of questions and responses, key lines of
enquiry put as questions, unnamed replies and promises."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
HEALTH SCRUTINY COMMITTEE

Present: Councillor Ada Frome (Chair), Councillor Idris Vane, Councillor Lena Marsh

Officers: Tom Pell (Director of Adult Services)

"""


def _item(body: str):
    return analyse_text(HEAD + "7. Home care\n\n" + body).items[-1]


@pytest.mark.parametrize("lead_in", [
    "The Committee RESOLVED (6 votes for, none against) –",
    "The Committee RESOLVED (unanimously) –",
    "The Commission RESOLVED unanimously to:",
    "The Panel RESOLVED, by 6 votes to 2, to:",
    "DECIDED: That the Committee:",
    "It was RESOLVED that the Committee:",
    "Outcome – the Committee:",
    "Outcomes:",
])
def test_decision_lead_ins_are_not_statements_and_their_parts_are_the_committees(lead_in):
    item = _item("Mr Pell presented the report on home care.\n\n" + lead_in + "\n\n"
                 "(a) to note the report;\n\n(b) asks the Director to report on rural recruitment in March;\n\n"
                 "(c) REQUESTED that the Cabinet Member write to the Minister.\n")
    assert not any(s.text.rstrip(" :–-").endswith(("Committee", "Outcomes", "to", "–", ")")) for s in item.statements), \
        [s.text for s in item.statements]
    for fragment in ("note the report", "report on rural recruitment", "write to the Minister"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution"), fragment


def test_outcome_bullets_in_the_passive_or_with_the_board_as_subject_are_resolutions():
    item = _item("Mr Pell presented the report.\n\nOutcomes:\n\n• The report was noted.\n\n"
                 "• The Board asked the Director to report on agency costs in March.\n\n"
                 "• The Board recommended to Cabinet that the rural supplement be extended.\n")
    for fragment in ("report was noted", "report on agency costs", "rural supplement"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment


def test_a_work_programme_agreed_in_the_passive_is_the_committees_decision():
    item = _item("Mr Pell presented the work programme.\n\nThe work programme was agreed, with a review of respite added.\n")
    _, s = find(item, "work programme was agreed")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_webcast_timestamps_are_labels_and_decided_is_a_decision():
    item = _item("[00:40:01] Apologies were received from Cllr Neville Archer; Cllr Stuart Bellamy attended as his substitute.\n\n"
                 "[00:41:10] Mr Pell said that 1,240 people were waiting for an assessment.\n\n"
                 "[00:42:30] DECIDED: That the report be noted.\n")
    assert not any("Apologies" in s.text for s in item.statements)
    _, said = find(item, "1,240 people")
    assert not said.text.startswith("[") and said.speaker_key == "pell"
    _, decided = find(item, "report be noted")
    assert (decided.speaker_key, decided.act) == ("committee", "resolution")


def test_two_parallel_numbered_lists_pair_response_n_with_question_n():
    item = _item("The following questions were put by Members:\n\n"
                 "1. Councillor Vane asked how many people had waited more than a year.\n\n"
                 "2. Councillor Marsh asked how many care workers had left.\n\n"
                 "Officers responded as follows:\n\n"
                 "1. Mr Pell said that 318 people had waited more than a year.\n\n"
                 "2. The Director said that 46 care workers had left since April. He added that exit interviews were held.\n")
    texts = [s.text for s in item.statements]
    assert not any("as follows" in t or "were put by" in t for t in texts), texts
    q1, _ = find(item, "waited more than a year.")
    q2, _ = find(item, "care workers had left.")
    _, a1 = find(item, "318 people")
    _, a2 = find(item, "46 care workers")
    _, added = find(item, "exit interviews")
    assert (a1.act, a1.answers) == ("answer", q1)
    assert (a2.act, a2.answers) == ("answer", q2)
    assert (added.act, added.answers) == ("answer", q2)


@pytest.mark.parametrize("heading", ["KLOE 2 – Are children assessed in time?", "Key line of enquiry 3 – Is the budget sustainable?",
                                     "Key Line of Enquiry (KLOE) 1: Are needs identified early enough?"])
def test_a_key_line_of_enquiry_put_as_a_question_is_a_section(heading):
    item = _item(heading + "\n\nMr Pell reported that 38 per cent of plans were issued in time.\n\n"
                 "Councillor Vane asked why.\n\nMr Pell said that psychologist vacancies were the main cause.\n")
    assert not any(s.text.startswith(heading[:4]) for s in item.statements)
    _, s = find(item, "38 per cent")
    assert (s.section, s.act) == (heading, "statement")
    _, answer = find(item, "psychologist vacancies")
    assert answer.act == "answer" and answer.section == heading


def test_an_unnamed_explanation_after_an_answer_answers_the_same_question():
    item = _item("Councillor Vane asked where children leaving custody had lived.\n\n"
                 "Mr Pell said that two children had had nowhere to live on release.\n\n"
                 "It was explained that a protocol with housing had since been agreed.\n")
    q, _ = find(item, "leaving custody")
    _, s = find(item, "protocol with housing")
    assert (s.speaker_key, s.act, s.answers) == (None, "answer", q)


def test_people_were_asked_inside_an_explanation_is_no_question():
    item = _item("Councillor Vane asked whether people were asked what outcome they wanted.\n\n"
                 "It was explained that people were asked in 89 per cent of cases.\n")
    q, _ = find(item, "what outcome")
    _, s = find(item, "89 per cent")
    assert (s.act, s.answers) == ("answer", q)


def test_an_invitation_to_reply_is_no_answer_and_the_reply_after_it_is():
    item = _item("Councillor Vane asked what the Council was doing about ambulance queues.\n\n"
                 "The Chair invited the Director to reply. Mr Pell said that handover delays were the subject of the next item.\n")
    q, _ = find(item, "ambulance queues")
    _, invite = find(item, "invited the Director")
    _, reply = find(item, "handover delays")
    assert invite.act == "statement"
    assert (reply.speaker_key, reply.act, reply.answers) == ("pell", "answer", q)


def test_a_reply_that_only_promises_to_look_into_it_is_a_commitment():
    item = _item("Councillor Vane asked who had decided that her constituent was not eligible.\n\n"
                 "Mr Pell said that he would ask the team to look into the case personally and write to her.\n")
    _, s = find(item, "look into the case")
    assert (s.speaker_key, s.act) == ("pell", "commitment")


@pytest.mark.parametrize("sentence, act", [
    ("Mr Pell said he was particularly worried about 318 people whose review was overdue.", "concern"),
    ("Councillor Marsh said that a helpline was no substitute for a diagnosis.", "concern"),
    ("Councillor Marsh welcomed the eight-weekly calls, which she felt was good practice.", "welcome"),
    ("Mr Pell agreed to coordinate this.", "commitment"),
])
def test_worries_welcomes_and_promises(sentence, act):
    item = _item("Mr Pell presented the report.\n\n" + sentence + "\n")
    _, s = find(item, sentence[15:40])
    assert s.act == act


def test_a_list_of_pressures_which_were_is_a_lead_in():
    item = _item("Mr Pell set out the main pressures on home care, which were:\n\n- recruitment in rural areas;\n\n- fuel costs.\n")
    assert not any("which were" in s.text for s in item.statements)
    _, s = find(item, "recruitment in rural areas")
    assert s.speaker_key == "pell"


def test_parallel_lettered_lists_pair_too():
    item = _item("Questions were raised by Members as follows:\n\n"
                 "(a) Councillor Vane asked how many people had waited more than a year.\n\n"
                 "(b) Councillor Marsh queried whether agency staff were used.\n\n"
                 "Officers responded as follows:\n\n"
                 "(a) Mr Pell said that 318 people had waited more than a year.\n\n"
                 "(b) Mr Pell confirmed that 22 agency social workers were in post.\n")
    q1, _ = find(item, "waited more than a year.")
    q2, _ = find(item, "agency staff")
    _, a1 = find(item, "318 people")
    _, a2 = find(item, "22 agency")
    assert (a1.answers, a2.answers) == (q1, q2)


@pytest.mark.parametrize("lead_in", ["RESOLVED (unanimously) –", "RESOLVED, by 7 votes to 3, that:"])
def test_a_bare_decision_with_its_vote_is_a_lead_in(lead_in):
    item = _item("Mr Pell presented the report.\n\n" + lead_in + "\n\n(1) the report be noted;\n\n(2) a further report be brought in March.\n")
    assert not any(s.text.startswith("RESOLVED") for s in item.statements)
    _, s = find(item, "further report")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_a_view_in_a_relative_clause_is_a_worry_unless_it_qualifies_a_welcome():
    item = _item("Mr Pell presented the report.\n\nReference was made by Councillor Vane to the number of repeat referrals, "
                 "which she felt was far too high.\n")
    _, s = find(item, "repeat referrals")
    assert s.act == "concern"


def test_challenge_and_response_labels_pair_a_bare_question_with_its_reply():
    item = _item("Challenge: Why had the number of plans issued in time fallen again?\n\n"
                 "Response: Mr Pell said that two psychologists had left in the summer.\n\n"
                 "Further challenge: Councillor Vane asked when the posts would be filled.\n\n"
                 "Response: Mr Pell said that interviews were on 4 March.\n")
    q1, s1 = find(item, "fallen again")
    q2, _ = find(item, "posts would be filled")
    _, a1 = find(item, "two psychologists")
    _, a2 = find(item, "4 March")
    assert s1.act == "question"
    assert (a1.act, a1.answers, a2.act, a2.answers) == ("answer", q1, "answer", q2)


def test_an_unmarked_decision_after_an_outcomes_label_is_the_committees():
    item = _item("Mr Pell presented the report.\n\nOutcomes:\n\nThe Board recommended to Cabinet that the rural supplement be extended.\n")
    _, s = find(item, "rural supplement")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_a_promise_only_reply_in_a_second_sentence_is_a_commitment_too():
    item = _item("Councillor Vane asked who had decided that her constituent was not eligible. "
                 "Mr Pell said that he would look into the case and write to her.\n")
    _, s = find(item, "look into the case")
    assert (s.speaker_key, s.act) == ("pell", "commitment")


@pytest.mark.parametrize("questions, responses", [
    ("Members asked the following questions:", "The following responses were given:"),
    ("The following questions were asked by Councillors:", "Officers replied as follows:"),
])
def test_other_wordings_of_the_parallel_lists(questions, responses):
    item = _item(f"{questions}\n\n1. Councillor Vane asked how many people had waited more than a year.\n\n"
                 f"2. Councillor Marsh asked how many care workers had left.\n\n{responses}\n\n"
                 "1. Mr Pell said that 318 people had waited more than a year.\n\n2. Mr Pell said that 46 care workers had left.\n")
    assert not any(s.text in (questions, responses) for s in item.statements)
    q2, _ = find(item, "care workers had left.")
    _, a2 = find(item, "46 care workers")
    assert (a2.act, a2.answers) == ("answer", q2)


@pytest.mark.parametrize("stamp", ["[00:41:28] ", "[1:02:58] ", "(00:41:28) "])
def test_timestamp_forms(stamp):
    item = _item(f"{stamp}Councillor Vane asked whether exit interviews were held.\n\n{stamp}Decided: That the report be noted.\n")
    _, asked = find(item, "exit interviews")
    assert (asked.text[:10], asked.speaker_key, asked.act) == ("Councillor", "vane", "question")
    _, decided = find(item, "report be noted")
    assert (decided.speaker_key, decided.act) == ("committee", "resolution")


def test_a_theme_put_as_a_question_is_a_section():
    item = _item("Theme 2 – Is the workforce stable?\n\nMr Pell said that turnover was 31 per cent.\n")
    _, s = find(item, "turnover")
    assert (s.section, s.act) == ("Theme 2 – Is the workforce stable?", "statement")


def test_one_officer_answering_a_numbered_list_in_turn():
    item = _item("The following questions were put by Members:\n\n"
                 "1. Councillor Vane asked how many people had waited more than a year.\n\n"
                 "2. Councillor Marsh asked how many care workers had left.\n\n"
                 "Mr Pell responded as follows:\n\n1. 318 people had waited more than a year.\n\n2. 46 care workers had left since April.\n")
    assert not any("as follows" in s.text for s in item.statements)
    q1, _ = find(item, "waited more than a year.")
    q2, _ = find(item, "care workers had left.")
    _, a1 = find(item, "318 people")
    _, a2 = find(item, "46 care workers")
    assert (a1.speaker_key, a1.act, a1.answers) == ("pell", "answer", q1)
    assert (a2.speaker_key, a2.act, a2.answers) == ("pell", "answer", q2)
