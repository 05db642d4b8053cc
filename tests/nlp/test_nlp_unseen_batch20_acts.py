"""The act and decision misses of gold batches 19 and 20, each as a phrasing family in invented minutes:
the body agreeing "to make the following recommendations" over lettered parts, and a follow-up question
told as "went on to ask ..." with the answers that follow it."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
PLACES AND ENVIRONMENT SCRUTINY PANEL

Present: Councillor Nell Ashdown (Chair), Councillor Rhodri Pell, Councillor Tamsin Vey

Officers: Mrs June Harrow (Head of Waste), Mr Owen Slee (Director of Place)

"""


def _item(body: str):
    return analyse_text(HEAD + "6. Fly-tipping review\n\n" + body).items[-1]


@pytest.mark.parametrize("lead_in", [
    "Following discussion, the Panel AGREED to make the following recommendations to Cabinet:",
    "The Committee agreed to submit these recommendations to the Executive:",
])
def test_agreed_to_make_recommendations_over_lettered_parts(lead_in):
    item = _item("Mrs Harrow presented the review.\n\n" + lead_in + "\n\n"
                 "(a)   that the Council publish a map of fly-tipping hot spots each quarter;\n\n"
                 "(b)   that enforcement officers be funded for a further two years.\n")
    assert not any(s.text.rstrip().endswith(":") for s in item.statements), [s.text for s in item.statements]
    for fragment in ("map of fly-tipping", "funded for a further"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment


@pytest.mark.parametrize("verb", ["went on to ask", "moved on to query"])
def test_went_on_to_ask_is_a_question_and_is_answered(verb):
    item = _item("Councillor Pell asked why collections had been missed in October.\n\n"
                 "Mr Slee replied that two vehicles had been off the road.\n\n"
                 f"Councillor Pell {verb} how many streets had been missed twice.\n\n"
                 "Mrs Harrow said that there had been 14.\n")
    _, question = find(item, "missed twice")
    _, answer = find(item, "there had been 14")
    assert (question.speaker_key, question.act) == ("pell", "question")
    assert answer.act == "answer" and item.statements[answer.answers] is question


@pytest.mark.parametrize("lead_in", ["Key points of discussion:", "Main issues from the discussion:"])
def test_key_points_of_discussion_label_is_not_a_statement(lead_in):
    item = _item("Mrs Harrow presented the review.\n\n" + lead_in + "\n\n"
                 "- Councillor Vey asked how many fixed penalty notices had been issued.\n"
                 "- Mrs Harrow said that 212 had been issued in the year.\n")
    assert not any(s.text.rstrip().endswith(":") for s in item.statements), [s.text for s in item.statements]
    _, question = find(item, "fixed penalty notices")
    _, answer = find(item, "212 had been issued")
    assert (question.speaker_key, question.act) == ("vey", "question")
    assert (answer.speaker_key, answer.act) == ("harrow", "answer")


def test_written_questions_procedure_and_no_supplementary_are_not_statements():
    item = _item("The following questions had been submitted in writing under Procedure Rule 9; written replies had "
                 "been circulated before the meeting, and each questioner could ask one supplementary question.\n\n"
                 "Question: Councillor Vey asked when the new recycling centre would open.\n\n"
                 "Reply: Mr Slee said that it would open in May.\n\n"
                 "Councillor Vey did not ask a supplementary question.\n")
    texts = [s.text for s in item.statements]
    assert not any("supplementary" in t or "in writing" in t or "circulated" in t for t in texts), texts
    _, answer = find(item, "open in May")
    assert (answer.speaker_key, answer.act) == ("slee", "answer")


@pytest.mark.parametrize("sentence, act", [
    ("Mrs Harrow said that she would raise the point with the Director and ask that the guidance be reissued.", "commitment"),
    ("Mr Slee said that he would ask that the figures be sent to every ward member.", "commitment"),
    ("Councillor Pell asked that the figures be sent to every ward member.", "request"),
])
def test_promise_to_ask_someone_is_a_commitment_not_a_request(sentence, act):
    item = _item("Mrs Harrow presented the review.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:30])
    assert s.act == act


@pytest.mark.parametrize("sentence, act", [
    ("Councillor Pell challenged this, saying that residents in his ward had been told nothing could be done.", "concern"),
    ("Councillor Vey challenged the figures, arguing that they left out dumping on private land.", "concern"),
    ("Councillor Pell challenged Mrs Harrow on why residents were still waiting for collections.", "question"),
])
def test_challenging_with_a_counter_claim_is_a_concern(sentence, act):
    item = _item("Mrs Harrow said that missed collections had halved.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:30])
    assert s.act == act
