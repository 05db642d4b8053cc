"""The act and decision misses of gold batches 21-24, each as a general form in invented minutes:
action notes naming their owner ("Mrs Harrow to circulate ...", "The Head of Service to report ...",
"MK to write ..."), a body's decision list after "The Committee agreed:-", a Forum deciding, and a body
noting a report or update."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
SCHOOLS FORUM

Present: Councillor Nell Ashdown (Chair), Councillor Rhodri Pell, Councillor Tamsin Vey

Officers: Mrs June Harrow (Head of Waste), Mr Owen Slee (Director of Place)

"""


def _item(body: str):
    return analyse_text(HEAD + "6. Fly-tipping review\n\n" + body).items[-1]


@pytest.mark.parametrize("line, owner", [
    ("Mrs Harrow to circulate the collection figures to all Members.", "harrow"),
    ("The Director of Place to provide Members with a breakdown of costs by ward.", "slee"),
])
def test_action_note_names_its_owner(line, owner):
    item = _item("Mrs Harrow presented the review.\n\n" + line + "\n")
    _, s = find(item, "Members")
    assert (s.speaker_key, s.act) == (owner, "commitment")


def test_initials_action_without_label_is_a_commitment():
    item = _item("Mrs Harrow presented the review.\n\nOS to write to the parish councils with the outcome.\n")
    _, s = find(item, "parish councils")
    assert s.act == "commitment"


def test_to_be_after_a_name_is_no_action():
    item = _item("Councillor Pell asked about the depot.\n\nMr Slee to be thanked for the site visit.\n")
    _, s = find(item, "site visit")
    assert s.act != "commitment"


@pytest.mark.parametrize("lead_in", ["The Forum agreed:-", "The Committee agreed:–"])
def test_body_agreed_colon_dash_over_numbered_parts(lead_in):
    item = _item("Mrs Harrow presented the review.\n\n" + lead_in + "\n\n"
                 "(1) to note the review of fly-tipping enforcement;\n\n"
                 "(2) to ask the Director of Place to report back in June; and\n\n"
                 "(3) to note that a map of hot spots would be circulated to Members.\n")
    assert not any(s.text.rstrip().endswith(("-", "–", ":")) for s in item.statements), [s.text for s in item.statements]
    for fragment in ("review of fly-tipping", "report back in June", "map of hot spots"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment


@pytest.mark.parametrize("sentence", [
    "The Forum noted the update.",
    "The Forum noted the enforcement report and the action plan.",
    "The Forum agreed to hold its next meeting at the depot.",
])
def test_forum_deciding_is_the_committees_resolution(sentence):
    item = _item("Mrs Harrow presented the review.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:20])
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_body_noting_a_fact_stays_a_statement():
    item = _item("Mrs Harrow presented the review.\n\nThe Forum noted that its next meeting would be held on 4 June.\n")
    _, s = find(item, "next meeting")
    assert s.act == "statement"


def test_action_owner_with_a_dashed_job_title():
    item = _item("Mrs Harrow presented the review.\n\n"
                 "The Director of Place – Waste and Highways to provide Members with a breakdown of costs.\n")
    _, s = find(item, "breakdown of costs")
    assert s.act == "commitment"


def test_bullets_under_a_question_are_its_replies():
    item = _item("Councillor Pell asked how many fly-tipping reports had been made this year.\n\n"
                 "• Mrs Harrow: There had been 1,204 reports, a rise of a fifth.\n\n"
                 "• Most were of household waste on the edge of the town.\n\n"
                 "• Mr Slee: The Council had bought two more enforcement cameras.\n\n"
                 "Councillor Vey expressed concern that the depot would close at weekends.\n")
    q, question = find(item, "how many fly-tipping")
    assert question.act == "question"
    for fragment in ("1,204 reports", "household waste", "enforcement cameras"):
        _, s = find(item, fragment)
        assert (s.act, s.answers) == ("answer", q), fragment
    _, concern = find(item, "depot would close")
    assert concern.act == "concern"


@pytest.mark.parametrize("line", ["ACTION – OS: ward figures to be included in the next report.",
                                  "Action - OS: to report the outcome of the depot review to a future meeting."])
def test_action_label_naming_its_owner_by_initials(line):
    item = _item("Mrs Harrow presented the review.\n\n" + line + "\n")
    _, s = find(item, line[14:40])
    assert s.act == "commitment"


def test_response_to_a_question_slash_comment_point():
    item = _item("Question / comment: Asked how many fines had been issued.\n\n"
                 "Response: Mrs Harrow said that 212 had been issued.\n\n"
                 "Question / comment: Asked that the dashboard show fines by ward.\n\n"
                 "Response: Mr Slee agreed to make the change for the next report.\n")
    q, question = find(item, "how many fines")
    _, answer = find(item, "212 had been issued")
    assert question.act == "question" and (answer.act, answer.answers) == ("answer", q)
    _, promise = find(item, "make the change")
    assert (promise.act, promise.answers) == ("commitment", None)
