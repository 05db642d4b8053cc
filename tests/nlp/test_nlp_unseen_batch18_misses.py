"""The misses of gold batches 17 and 18 in decisions and sections, each as a phrasing family in invented
minutes: a decision under its own run-in label ("Panel decision (10 for, 1 against): That ..."), the body's
recommendations under a prose lead-in ("The Panel agreed the following recommendations to the
Commissioner:" over "R1 That ..." / "(1) That ..."), "It was resolved by a majority to:" over its parts,
decisions told in prose ("The Panel endorsed the annual report ...", "The action log was noted.") and bold
run-in topic labels opening a paragraph ("Call handling. Councillor Vane asked ...")."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

from minutes_miner.nlp.textnorm import run_in_label

HEAD = """\
POLICE AND CRIME PANEL

Present: Councillor Ada Frome (Chair), Councillor Idris Vane, Councillor Lena Marsh

Officers: Tom Pell (Chief Executive), Mrs Ruth Okafor (Chief Finance Officer)

"""


def _item(body: str):
    return analyse_text(HEAD + "7. Precept and performance\n\n" + body).items[-1]


@pytest.mark.parametrize("label", [
    "Panel decision (10 for, 1 against, 0 abstentions):",
    "Panel decision (unanimous):",
    "Committee decision:",
    "Decision –",
])
def test_decision_under_its_own_label_is_the_committees(label):
    item = _item("Mr Pell presented the proposed precept.\n\n" + label + " That the proposed precept for 2025/26 be supported.\n")
    _, s = find(item, "proposed precept for 2025/26")
    assert (s.speaker_key, s.act) == ("committee", "resolution")


@pytest.mark.parametrize("lead_in, parts", [
    ("The Panel agreed the following recommendations to the Commissioner:", ("R1 That", "R2 That")),
    ("Following discussion, the Panel’s recommendations to the Executive are:", ("(1)  That", "(2)  That")),
    ("The Committee made the following recommendations:", ("1. That", "2. That")),
    ("It was resolved by a majority to:", ("a) note that", "b) ask that")),
    ("It was resolved unanimously that:", ("(a) the", "(b) the")),
])
def test_recommendation_lead_ins_over_parts(lead_in, parts):
    first, second = parts
    item = _item("Mr Pell presented the performance report.\n\n" + lead_in + "\n\n"
                 + first + " Commissioner report on crime recording in June.\n\n"
                 + second + " victims' figures be shared with the Panel.\n")
    assert not any(s.text.rstrip().endswith(":") for s in item.statements), [s.text for s in item.statements]
    for fragment in ("crime recording in June", "figures be shared"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment


@pytest.mark.parametrize("sentence", [
    "The Panel endorsed the annual report and asked that the two action plans be brought back in July.",
    "The Committee approved the revised terms of reference.",
    "The action log was noted.",
    "The updates were noted.",
])
def test_decisions_told_in_prose(sentence):
    item = _item("Mr Pell presented the annual report.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:25])
    assert (s.speaker_key, s.act) == ("committee", "resolution")


def test_bold_run_in_label_is_the_section_not_a_statement():
    item = _item("Mr Pell presented the performance report.\n\n"
                 "Call handling. Councillor Vane asked when the force expected to meet the national standard for 999 calls.\n\n"
                 "Mr Pell said that performance had been 81 per cent in the quarter.\n\n"
                 "Knife crime and young people. Councillor Marsh asked how many young people had been referred to the scheme.\n")
    assert not any(s.text.startswith(("Call handling", "Knife crime")) for s in item.statements)
    _, question = find(item, "national standard")
    _, answer = find(item, "81 per cent")
    _, later = find(item, "referred to the scheme")
    assert (question.section, question.speaker_key, question.act) == ("Call handling", "vane", "question")
    assert (answer.section, answer.act) == ("Call handling", "answer")
    assert (later.section, later.speaker_key) == ("Knife crime and young people", "marsh")


@pytest.mark.parametrize("paragraph", [
    "Mr. Pell said that performance had improved over the last quarter of the year.",
    "Noted. The Committee would return to the matter at its next meeting in March.",
    "Dawn Akinola. She said that the service faced a gap of £1.7 million by 2027.",
    "The report was noted. Members asked for a further update at the next meeting.",
    "Yes. The Chief Executive confirmed that the plan had been published on time.",
])
def test_sentences_are_not_run_in_labels(paragraph):
    assert run_in_label(paragraph) is None


@pytest.mark.parametrize("sentence, asker", [
    ("Councillor Vane followed up by asking whether car parking charges could be increased.", "vane"),
    ("Councillor Marsh concluded by asking how many staff had left in the year.", "marsh"),
    ("Councillor Vane then responded by asking why the survey had not been repeated.", "vane"),
])
def test_asking_after_another_verb_is_a_question(sentence, asker):
    item = _item("Councillor Marsh asked what the target for new homes was.\n\n"
                 "Mr Pell said that the target for the year was unlikely to be met.\n\n" + sentence + "\n\n"
                 "Mr Pell said that a 10 per cent increase would raise about £45,000 a year.\n")
    asked, s = find(item, sentence[:30])
    assert (s.speaker_key, s.act) == (asker, "question")
    _, reply = find(item, "£45,000")
    assert (reply.act, reply.answers) == ("answer", asked)


@pytest.mark.parametrize("reply, replier", [
    ("Asked by the Chair whether that meant people were placed in care homes too early, Mr Pell accepted that some might have been.", "pell"),
    ("Asked whether the plan would be funded, the Chief Finance Officer confirmed that it would.", "okafor"),
    ("Asked about the waiting list, Mr Pell said that it had fallen to 40 people.", "pell"),
])
def test_asked_participle_opening_a_reply_is_an_answer(reply, replier):
    item = _item("Councillor Vane asked about placements in care homes.\n\n"
                 "Mr Pell said that admissions had risen by 10 per cent.\n\n" + reply + "\n")
    _, s = find(item, reply[:30])
    assert (s.speaker_key, s.act) == (replier, "answer")


@pytest.mark.parametrize("sentence", [
    "Mrs Okafor agreed to carry out the follow-up in April and report it to the June meeting.",
    "Mrs Okafor agreed to undertake a review of the charging policy.",
    "Mrs Okafor agreed to complete the audit of volunteer expenses by March.",
])
def test_agreeing_to_carry_out_work_is_a_commitment(sentence):
    item = _item("Councillor Vane asked that the audit be brought forward.\n\n" + sentence + "\n")
    _, s = find(item, sentence[:30])
    assert (s.speaker_key, s.act) == ("okafor", "commitment")
