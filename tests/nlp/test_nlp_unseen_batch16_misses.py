"""The misses of gold batches 15 and 16 in acts, decisions, pairing and sections, each as a phrasing
family in invented minutes: "DETERMINED" decisions, decisions in the first person plural ("We
agreed:"), decisions after a vote ("Upon a vote (...) the Board RECOMMENDED TO CABINET –"), motions
"moved by ..., and CARRIED: That ...", and questions and answers told as nouns ("The question from X
was whether ...", "The response of X was that ...")."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
HEALTH SCRUTINY COMMITTEE

Present: Councillor Ada Frome (Chair), Councillor Idris Vane, Councillor Lena Marsh

Officers: Tom Pell (Director of Adult Services), Mrs Ruth Okafor (Chief Finance Officer)

"""


def _item(body: str):
    return analyse_text(HEAD + "7. Home care\n\n" + body).items[-1]


@pytest.mark.parametrize("decision", [
    "DETERMINED - that the work programme be approved subject to adding a review of respite.",
    "DETERMINED: that the work programme be approved subject to adding a review of respite.",
])
def test_determined_is_a_decision_of_the_committee(decision):
    item = _item("Mr Pell presented the work programme.\n\n" + decision + "\n")
    _, s = find(item, "review of respite")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


@pytest.mark.parametrize("lead_in", [
    "The Committee DETERMINED (nem. con.) -",
    "We agreed:",
    "We agreed to recommend to the Cabinet that:",
    "Upon a vote (6 for, 2 against, 1 abstention) the Board RECOMMENDED TO CABINET –",
    "The Board RECOMMENDED to the Executive Member that:",
])
def test_decision_lead_ins_over_parts(lead_in):
    item = _item("Mr Pell presented the report on home care.\n\n" + lead_in + "\n\n"
                 "(i) to note the report;\n\n(ii) to ask the Director to report on rural recruitment in March;\n\n"
                 "(iii) that the rural supplement be extended.\n")
    assert not any(s.text.rstrip(" :–-").endswith(("that", "con.)", "agreed", "CABINET", "Member")) for s in item.statements), \
        [s.text for s in item.statements]
    for fragment in ("note the report", "rural recruitment", "rural supplement"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment


@pytest.mark.parametrize("sentence", [
    "We agreed the work programme for the rest of the year.",
    "We also agreed to hold a third evidence session in March with carers.",
])
def test_we_agreed_in_first_person_minutes_is_a_decision(sentence):
    item = _item("Mr Pell presented the work programme.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:30])
    assert s.act == "resolution"


def test_we_agreed_that_inside_a_concern_stays_a_concern():
    item = _item("We were troubled that families felt unable to complain and agreed that this should be a theme of our report.\n")
    _, s = find(item, "unable to complain")
    assert s.act == "concern"


def test_an_amendment_lost_upon_a_vote_is_a_statement_of_the_committee():
    # the outcome of a vote is the Committee's statement, not a decision (gold README, "Votes", session 6)
    item = _item("Councillor Vane moved an amendment to defer the closure.\n\n"
                 "Upon a vote (4 for, 5 against, 0 abstentions) the amendment was LOST.\n")
    _, s = find(item, "amendment was LOST")
    assert (s.speaker_key, s.act) == ("committee", "statement")


@pytest.mark.parametrize("motion", [
    ("It was moved by Councillor Vane, seconded by Councillor Marsh, and on being put to the vote CARRIED unanimously: "
     "That the Committee notes the report and asks the Director to report on rural recruitment."),
    ("It was further moved by Councillor Marsh, seconded by the Chair, and CARRIED (6 for, 1 abstention): "
     "That the Committee writes to the Minister asking for rural recruitment to be funded."),
])
def test_a_motion_moved_and_carried_is_the_committees_resolution(motion):
    item = _item("Mr Pell presented the report on home care.\n\n" + motion + "\n")
    _, s = find(item, "rural recruitment")
    assert (s.speaker_key, s.act) == ("committee", "resolution")
    assert s.text.startswith("That the Committee")
    assert not any("seconded" in x.text for x in item.statements)


def test_a_carried_vote_reported_without_a_motion_quoted_stays_a_statement():
    item = _item("Councillor Vane moved the recommendation.\n\nOn being put to the vote, the recommendation was CARRIED unanimously.\n")
    _, s = find(item, "CARRIED")
    assert s.act == "statement"


def test_question_and_response_told_as_nouns():
    item = _item("Mr Pell presented the report.\n\n"
                 "The question from the independent member, Councillor Marsh, was whether the savings had been checked "
                 "for their effect on disabled residents.\n\n"
                 "The response given by Mrs Okafor was that an equality impact assessment had been carried out.\n\n"
                 "Councillor Vane asked how many posts would go.\n\n"
                 "The response of the Chief Finance Officer was that five posts would be deleted.\n")
    q, s = find(item, "savings had been checked")
    assert (s.speaker_key, s.act) == ("marsh", "question")
    _, s = find(item, "impact assessment")
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "answer", q)
    q2, _ = find(item, "how many posts")
    _, s = find(item, "five posts")
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "answer", q2)


def test_the_question_of_a_topic_is_no_question():
    item = _item("Mr Pell presented the report.\n\nThe question of funding was that no grant had been confirmed.\n")
    _, s = find(item, "no grant")
    assert s.act != "question"


def test_a_raised_by_response_from_table_pairs_replies_and_keeps_concerns_unanswered():
    item = _item("Mr Pell presented the report.\n\n"
                 "Raised by: Councillor Idris Vane\n\nQuestion or comment: Asked how many hours of care were unmet each week.\n\n"
                 "Response: Around 3,100 hours a week were unmet. The shortfall was worst in the west.\n\n"
                 "Response from: Director of Adult Services\n\n"
                 "Raised by: Councillor Lena Marsh\n\nQuestion or comment: Expressed concern that carers were being asked to "
                 "take relatives home too early.\n\n"
                 "Response: Nobody should be discharged without an agreed plan.\n\n"
                 "Response from: Director of Adult Services\n\n"
                 "Raised by: Councillor Lena Marsh\n\nQuestion or comment: Said that carers were leaving because mileage rates "
                 "had not risen.\n\n"
                 "Raised by: Chair\n\nQuestion or comment: Requested that future reports show delays by locality.\n\n"
                 "Response: Agreed to include a locality breakdown from the next report.\n\n"
                 "Response from: Director of Adult Services\n\n"
                 "Raised by: Councillor Vane (supplementary)\n\nQuestion or comment: Asked whether partner bodies would be "
                 "asked to meet the overspend.\n\n"
                 "Response: Any overspend would be met by the partner bodies.\n\n"
                 "Response from: Director of Adult Services\n")
    assert all(s.section is None for s in item.statements), [s.section for s in item.statements]
    q, s = find(item, "hours of care")
    assert (s.speaker_key, s.act) == ("vane", "question")
    for fragment in ("3,100 hours", "worst in the west"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act, s.answers) == ("pell", "answer", q), fragment
    _, s = find(item, "carers were being asked")
    assert (s.speaker_key, s.act) == ("marsh", "concern")
    _, s = find(item, "Nobody should be discharged")
    assert (s.speaker_key, s.act, s.answers) == ("pell", "statement", None)
    _, s = find(item, "mileage rates")
    assert (s.speaker_key, s.act, s.answers) == ("marsh", "statement", None)
    _, s = find(item, "delays by locality")
    assert (s.speaker_kind, s.act) == ("chair", "request")
    _, s = find(item, "locality breakdown")
    assert (s.speaker_key, s.act) == ("pell", "commitment")
    q, s = find(item, "partner bodies would be")
    assert (s.speaker_key, s.act) == ("vane", "question")
    _, s = find(item, "Any overspend")
    assert (s.act, s.answers) == ("answer", q)


@pytest.mark.parametrize("after", [
    "He could not say how many children had been recorded in the wrong place.",
    "A manual check in November had found 311 children on a protection plan.",
])
def test_the_next_paragraph_of_a_reply_by_the_same_speaker_answers_too(after):
    item = _item("Councillor Vane asked whether children missed their immunisations.\n\n"
                 "Mr Pell replied that uptake was 61 per cent.\n\n" + after + "\n")
    q, _ = find(item, "immunisations")
    _, s = find(item, after[:25])
    assert (s.speaker_key, s.act, s.answers) == ("pell", "answer", q)


def test_a_report_in_the_passive_after_a_reply_is_no_answer():
    item = _item("Councillor Vane asked whether children missed their immunisations.\n\n"
                 "Mr Pell replied that uptake was 61 per cent.\n\n"
                 "An audit of licensing was also reported, which had found that 23 checks had lapsed.\n")
    _, s = find(item, "audit of licensing")
    assert s.act == "statement"


def test_a_second_respondent_telling_us_answers_the_same_question():
    item = _item("Councillor Vane asked whether a notice could be sent to health visitors.\n\n"
                 "Mr Pell replied that it could.\n\n"
                 "Ms Okafor told us that such a notice could be sent from April.\n")
    q, _ = find(item, "notice could be sent to")
    _, s = find(item, "from April")
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "answer", q)


def test_a_reply_calling_something_unacceptable_and_a_second_respondent_promising_a_letter_answer():
    item = _item("Councillor Vane asked why Black Caribbean pupils were excluded at three times the county rate.\n\n"
                 "The Director replied that the gap had narrowed but remained unacceptable, and that training had been commissioned.\n\n"
                 "Mrs Okafor added that she would write to the five academy trusts with the highest rates.\n")
    q, _ = find(item, "excluded at three times")
    _, s = find(item, "remained unacceptable")
    assert (s.speaker_key, s.act, s.answers) == ("pell", "answer", q)
    _, s = find(item, "would write to")
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "answer", q)


def test_a_written_question_under_a_question_from_sub_heading_is_the_askers():
    text = (HEAD + "7. Questions from Members\n\nQuestion 1 from Councillor Lena Marsh\n\n"
            "“How many drivers have been referred for safeguarding concerns in the last twelve months?”\n\n"
            "Mr Pell replied that nine drivers had been referred.\n\n"
            "Four licences had been suspended.\n")
    item = analyse_text(text).items[-1]
    q, s = find(item, "How many drivers")
    assert (s.speaker_key, s.act, s.section) == ("marsh", "question", "Question 1 from Councillor Lena Marsh")
    for fragment in ("nine drivers", "Four licences"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act, s.answers) == ("pell", "answer", q), fragment


def test_an_officer_agreeing_to_schedule_an_item_is_a_commitment():
    item = _item("Councillor Marsh asked that respite care be brought back as an item.\n\nMr Pell agreed to schedule the item for June.\n")
    _, s = find(item, "schedule the item")
    assert (s.speaker_key, s.act) == ("pell", "commitment")
