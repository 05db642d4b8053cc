"""Session-6 misses, each as a phrasing family in invented minutes: a promise after ";" in one
sentence, underlined item headings in plain text, bare "That ..." recommendations, a promise that
is the reply to a question, co-opted members listed with their organisation, and bad input."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
RESOURCES COMMITTEE

Present: Councillor Ada Frome (Chair), Councillor Idris Vane, Councillor Lena Marsh

Officers: Tom Pell (Head of Finance), Mrs Ruth Okafor (Director of Housing)

"""


def _item(body: str):
    return analyse_text(HEAD + "7. Housing performance\n\n" + body).items[-1]


@pytest.mark.parametrize("clause", [
    "a note reconciling the two counts would be circulated.",
    "a briefing note would be sent to Members.",
    "he would circulate the revised figures to the Committee.",
])
def test_promise_after_semicolon_stays_in_its_sentence(clause):
    item = _item("Councillor Vane expressed concern that the completions in the report did not match the quarterly return.\n\n"
                 "Mr Pell said that the return counted homes when work started rather than when they were finished; "
                 + clause + "\n")
    _, s = find(item, "when work started")
    assert clause[:20] in s.text
    assert (s.speaker_key, s.act) == ("pell", "commitment")


@pytest.mark.parametrize("rule", ["-" * 24, "=" * 24, "_" * 24, "- - - - - -"])
def test_underline_under_an_item_heading_is_no_statement(rule):
    minutes = analyse_text(HEAD + "Item 5 Budget Monitoring\n" + rule + "\n\nMr Pell presented the report.\n\n"
                           "Item 6 Work Programme\n" + rule + "\n\nThe Committee agreed the work programme.\n")
    assert [(it.number, it.title) for it in minutes.items] == [("5", "Budget Monitoring"), ("6", "Work Programme")]
    texts = [s.text for it in minutes.items for s in it.statements]
    assert texts == ["Mr Pell presented the report.", "The Committee agreed the work programme."]


def test_underlined_titles_are_items_when_nothing_is_numbered():
    minutes = analyse_text(HEAD + "BUDGET MONITORING\n=================\n\nMr Pell presented the report.\n\n"
                           "HOUSING ALLOCATIONS\n===================\n\n"
                           "Councillor Marsh expressed concern that families in temporary accommodation would wait longer.\n")
    assert [(it.number, it.title) for it in minutes.items] == [(None, "BUDGET MONITORING"), (None, "HOUSING ALLOCATIONS")]
    _, s = find(minutes.items[1], "would wait longer")
    assert (s.speaker_key, s.act) == ("marsh", "concern")


def test_underlined_sub_heading_in_hard_wrapped_text_is_a_section():
    body = ("Item 5 Budget Monitoring\n------------------------\n"
            "Mr Pell presented the report and said that the forecast overspend on home\n"
            "to school transport had grown to £1.2 million since the last quarter.\n"
            "Capital Programme\n-----------------\n"
            "Mrs Okafor said that two housing schemes had slipped into the next year because\n"
            "the contractor had gone into administration in the autumn.\n")
    item = analyse_text(HEAD + body).items[-1]
    assert not any(set(s.text) <= set("-= ") for s in item.statements)
    _, s = find(item, "two housing schemes")
    assert (s.speaker_key, s.section) == ("okafor", "Capital Programme")
    assert not any("Capital Programme" in s.text for s in item.statements)


@pytest.mark.parametrize("decision", [
    "That the Commissioner publish the 101 waiting times each quarter.",
    "That the proposed precept for 2025/26 be supported.",
    "That the report be noted.",
    "That Cabinet approves the business case for two new children's homes.",
])
def test_bare_that_paragraph_is_the_committees_decision(decision):
    item = _item("Councillor Vane asked how many complaints had been received.\n\n"
                 "Mrs Okafor said that 41 had been received, against 36 last year.\n\n" + decision + "\n")
    _, s = find(item, decision[:30])
    assert (s.speaker_key, s.speaker_kind, s.act, s.answers) == ("committee", "group", "resolution", None)


def test_recommendation_label_with_colon_is_no_statement():
    item = _item("Mr Pell presented the complaints report.\n\nRecommendations to the Commissioner:\n\n"
                 "That the complaints process be reviewed by June.\n\nThat the Panel receive the review in July.\n")
    assert not any(s.text.endswith(":") for s in item.statements), [s.text for s in item.statements]
    for fragment in ("reviewed by June", "review in July"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution")


@pytest.mark.parametrize("sentence", [
    "That figure had risen to 40 per cent, Mr Pell said.",
    "That was not the experience of tenants, Councillor Marsh said.",
])
def test_sentence_opening_with_that_is_no_decision(sentence):
    item = _item(sentence + "\n")
    _, s = find(item, sentence[:20])
    assert s.act != "resolution" and s.speaker_key != "committee"


def _reply_to_question(reply: str):
    item = _item("Councillor Marsh asked whether any tenant had been moved out of the borough without notice.\n\n" + reply + "\n")
    q, _ = find(item, "asked whether any tenant")
    _, s = find(item, reply[:25])
    return q, s


@pytest.mark.parametrize("reply", [
    "In response, Mrs Okafor said she was not aware of any such case but would check with the housing team and write to the Member.",
    "Mrs Okafor said that she knew of no such case, but undertook to confirm the position in writing.",
])
def test_reply_that_only_checks_its_position_is_the_answer(reply):
    q, s = _reply_to_question(reply)
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "answer", q)


@pytest.mark.parametrize("reply", [
    "Mrs Okafor said she did not have the figure to hand but would provide it after the meeting.",
    "Mrs Okafor said the numbers were small, but she would provide the full analysis to the Committee in writing.",
    "Mrs Okafor said she did not know but would check and confirm in writing.",
])
def test_reply_that_promises_the_answer_later_is_a_commitment(reply):
    _, s = _reply_to_question(reply)
    assert (s.speaker_key, s.act, s.answers) == ("okafor", "commitment", None)


@pytest.mark.parametrize("reply, act", [
    ("said she was not aware of any such case but would check with the housing team.", "answer"),
    ("said she did not have the figure to hand but would provide it to the Committee.", "commitment"),
])
def test_labelled_reply_answers_or_promises(reply, act):
    item = _item("Questions from Members:\n\nCllr Marsh: asked whether any tenant had been moved out of the borough without notice.\n\n"
                 "Mrs Okafor: " + reply + "\n")
    q, _ = find(item, "asked whether any tenant")
    _, s = find(item, reply[:25])
    assert (s.speaker_key, s.act, s.answers) == ("okafor", act, q if act == "answer" else None)


CO_OPTED_HEAD = """\
HOUSING SCRUTINY PANEL

Present: Councillor Ada Frome (Chair), Councillor Idris Vane

{label} Mrs Joan Tait (Tenants' Federation), Mr Ravi Kohli (Healthwatch Ashby)

Also present: Margaret Ellery (Police and Crime Commissioner)

Officers: Tom Pell (Head of Housing)

5. Repairs

"""


@pytest.mark.parametrize("label", ["Co-opted Members:", "Independent co-opted members:", "Co-optees:"])
def test_co_opted_list_outranks_the_organisation_named_in_the_text(label):
    minutes = analyse_text(CO_OPTED_HEAD.format(label=label)
                           + "Mrs Joan Tait, Tenants' Federation, asked how many repairs were overdue.\n\n"
                           + "Mr Kohli (Healthwatch Ashby) expressed concern about damp in older flats.\n\n"
                           + "The Commissioner, Margaret Ellery, said that reports of anti-social behaviour had fallen.\n")
    item = minutes.items[-1]
    for fragment, key in (("repairs were overdue", "tait"), ("damp in older flats", "kohli")):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind) == (key, "member"), fragment
    _, s = find(item, "anti-social behaviour")
    assert (s.speaker_key, s.speaker_kind) == ("ellery", "external")  # a partner's job in an "Also present" list stays external


@pytest.mark.parametrize("sentence, act", [
    ("Councillor Marsh said that her group could not support a change that would push more tenants into arrears.", "concern"),
    ("Councillor Marsh said that she did not accept the amendment, and that it would leave older tenants without a warden.", "concern"),
    ("Councillor Marsh said that she understood the need for more homes but could not support flats of this size.", "statement"),
])
def test_refusal_is_a_concern_when_it_names_the_harm(sentence, act):
    _, s = find(_item(sentence + "\n"), sentence[:40])
    assert (s.speaker_key, s.act) == ("marsh", act)


@pytest.mark.parametrize("sentence", [
    "Mrs Okafor said that tenants felt they were left chasing the repairs service.",
    "Mrs Okafor said that families told the housing team they felt they had to fight for every repair.",
])
def test_feelings_relayed_as_a_problem_are_a_concern(sentence):
    _, s = find(_item(sentence + "\n"), sentence[:30])
    assert (s.speaker_key, s.act) == ("okafor", "concern")


@pytest.mark.parametrize("sentence", [
    "Upon a vote (3 for, 6 against, 1 abstention) the amendment was LOST.",
    "On being put to the vote, the amendment was lost.",
])
def test_outcome_of_a_vote_is_a_statement_of_the_committee(sentence):
    item = _item("Councillor Vane moved an amendment to defer the report.\n\n" + sentence + "\n\nRESOLVED that the report be noted.\n")
    _, s = find(item, sentence[:20])
    assert (s.speaker_key, s.act) == ("committee", "statement")
    _, s = find(item, "report be noted")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_members_side_under_a_response_lead_in_is_no_answer():
    item = _item("Mrs Okafor introduced the allocations report.\n\n"
                 "1. In response to comments and questions asked it was said:\n\n"
                 "a. The Chair shared that she had sat on the tenants' panel and had seen the delays herself. "
                 "Families should be housed close to their schools.\n\n"
                 "b. It was suggested that the bands were confusing. This was a chance to simplify them.\n\n"
                 "c. The creation of a tenants' sub-group was discussed.\n\n"
                 "d. A Member questioned how long the average wait was. The average wait was 14 months.\n")
    for fragment in ("sat on the tenants' panel", "close to their schools", "bands were confusing", "chance to simplify",
                     "tenants' sub-group"):
        _, s = find(item, fragment)
        assert s.act == "statement", fragment
    q, _ = find(item, "how long the average wait")
    _, s = find(item, "14 months")
    assert (s.act, s.answers) == ("answer", q)


@pytest.mark.parametrize("mark", ["\u202e", "\u200f", "\u2066", "\x00", "\x07"])
def test_invisible_controls_do_not_hide_a_speaker_or_reach_a_title(mark):
    minutes = analyse_text(HEAD + "7. Housing performance" + mark + "\n\nMr Pell asked" + mark + " whether the target would be met.\n")
    item = minutes.items[-1]
    assert item.title == "Housing performance"
    _, s = find(item, "target would be met")
    assert (s.speaker_key, s.act) == ("pell", "question")


@pytest.mark.parametrize("text", ["", "   \n\n", "-----\n=====\n", "Mix the flour and butter. Bake for twelve minutes.\n",
                                  "\ufffd\ufffd\x00\x01 \u202e\u2066 ŵŷ\u00a0– “” ‘’\n"])
def test_bad_input_gives_no_speaker(text):
    minutes = analyse_text(text)
    assert all(s.speaker is None for it in minutes.items for s in it.statements)
