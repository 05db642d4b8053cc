"""Every phrasing listed in issue 5, on fictional minutes (fixtures/phrasings_minutes.txt)."""
from __future__ import annotations

import pytest
from nlp_helpers import find


@pytest.fixture(scope="module")
def items(phrasings_doc):
    _, doc = phrasings_doc
    return {item.number: item for item in doc.items}


def check(item, fragment, speaker, key, kind, act, answers=None):
    i, s = find(item, fragment)
    assert (s.speaker, s.speaker_key, s.speaker_kind, s.act) == (speaker, key, kind, act), s
    if answers is not None:
        j, q = find(item, answers)
        assert s.answers == j, (s, q)
    return i, s


def test_name_with_job_title_apposition(items):
    check(items["3"], "Jane Smith, Head of Early Help, presented", "Jane Smith", "smith", "officer", "statement")


def test_councillor_asked_whether_uses_most_complete_name_and_chair_kind(items):
    check(items["3"], "Councillor Patel asked whether", "Councillor Mary Patel", "patel", "chair", "question")


def test_in_response_to_a_question_from_resolves_director_and_pairs(items):
    check(items["3"], "In response to a question from Councillor Patel", "Dr Priya Shah", "shah", "officer", "answer",
          answers="Councillor Patel asked whether")


def test_cllr_initial_queried(items):
    check(items["3"], "Cllr R. Lee queried", "Cllr Ravi Lee", "lee", "member", "question")


def test_responding_to_a_query_police_officer_is_external(items):
    check(items["3"], "Responding to a query, Chief Inspector Brown", "Chief Inspector Alan Brown", "brown", "external", "answer",
          answers="Cllr R. Lee queried")


def test_sought_clarification_and_in_response_surname(items):
    check(items["3"], "sought clarification", "Councillor Hugh Jones", "jones", "member", "question")
    check(items["3"], "In response, Ms Smith advised", "Jane Smith", "smith", "officer", "answer", answers="sought clarification")


def test_surname_back_reference_shared(items):
    _, s = check(items["3"], "Ms Smith shared that", "Jane Smith", "smith", "officer", "statement")
    # reopened hubs after a lockdown: covid-19 and no workforce concern (the neighbours' staffing is not its
    # topic). The model trained on 43 councils also gives it the item's topic, demand (p just over 0.5): a
    # known false positive, not asserted either way
    assert "covid-19" in s.concerns and "workforce" not in s.concerns


def test_members_expressed_concern_and_felt_frustrated(items):
    _, s = check(items["3"], "Members expressed concern", "Members", "members", "group", "concern")
    assert "workforce" in s.concerns
    check(items["3"], "Members felt frustrated", "Members", "members", "group", "concern")


def test_a_member_questioned_and_it_was_explained(items):
    check(items["3"], "A Member questioned the timeline", "A Member", "member", "member", "question")
    check(items["3"], "It was explained that", None, None, "unknown", "answer", answers="A Member questioned the timeline")


def test_members_were_advised_is_not_a_speaker(items):
    _, s = check(items["3"], "members were advised", None, None, "unknown", "answer")
    assert "safeguarding" in s.concerns  # MASH


def test_section_and_pronoun(items):
    _, s = check(items["3"], "Ian Hart, Service Manager", "Ian Hart", "hart", "officer", "statement")
    assert s.section == "Dashboard 2 – Children in Care"
    _, s = check(items["3"], "He also stated", "Ian Hart", "hart", "officer", "statement")
    assert "children-in-care" in s.concerns  # UASC
    _, s = find(items["3"], "Jane Smith, Head of Early Help")
    assert s.section is None


def test_question_and_answer_in_one_bullet(items):
    i, q = check(items["3"], "Councillor Khan asked what support", "Councillor Fatima Khan", "khan", "member", "question")
    assert "Mr Hart" not in q.text
    _, a = check(items["3"], "Mr Hart stated that a new housing protocol", "Ian Hart", "hart", "officer", "answer")
    assert a.answers == i
    assert "housing" in a.concerns


def test_following_statement_and_supplementary_question(items):
    check(items["3"], "made the following statement", "Councillor Hugh Jones", "jones", "member", "statement")
    _, s = check(items["3"], "As a supplementary question", "Councillor Hugh Jones", "jones", "member", "question")
    assert "children-in-care" in s.concerns  # LAC


def test_external_affiliation_in_brackets(items):
    _, s = find(items["3"], "Dr Ali (NHS Trust) reported")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Dr Omar Ali", "ali", "external")
    assert set(s.concerns) >= {"mental-health", "waiting-times"}


def test_dcs_acronym_role_resolves_to_the_director(items):
    _, s = check(items["3"], "The DCS remarked", "Dr Priya Shah", "shah", "officer", "statement")
    assert "send" in s.concerns


def test_lead_in_sub_points_inherit_speaker(items):
    item = items["4"]
    # a lead-in that only introduces its points is not a statement (gold convention)
    assert not any("She highlighted a few key areas" in s.text for s in item.statements)
    check(item, "Ms Evans shared that six young people", "Rachel Evans", "evans", "officer", "statement")
    check(item, "The summer activity programme", "Rachel Evans", "evans", "officer", "statement")


def test_first_name_back_references(items):
    item = items["4"]
    check(item, "Rachel provided an overview", "Rachel Evans", "evans", "officer", "statement")
    _, s = check(item, "Joanne offered to follow up", "Joanne Price", "price", "officer", "commitment")
    assert s.answers is None  # a promise to follow up is not the answer (gold README: only answers are paired)


def test_cabinet_member_role(items):
    check(items["4"], "The Cabinet Member for Children's Services said", "Councillor Gwen Morgan", "morgan", "cabinet_member", "statement")


def test_request_commitment_welcome(items):
    item = items["4"]
    check(item, "Councillor Brown requested that a briefing note", "Councillor Owen Brown", "brown", "member", "request")
    _, s = check(item, "Officers undertook to provide figures", "Officers", "officers", "group", "commitment")
    assert "covid-19" in s.concerns  # PPE
    check(item, "Members were pleased", "Members", "members", "group", "welcome")


def test_two_speakers_in_one_sentence(items):
    # gold convention: a joint statement is spoken by the first named (the others are co-speakers)
    _, s = check(items["4"], "Mr Jones and Mrs Khan both raised concerns", "Councillor Hugh Jones", "jones", "member",
                 "concern")
    assert s.concerns == ("mental-health",)


def test_discussion_lead_in_label_and_chairman(items):
    item = items["4"]
    assert not any("The following points arose" in s.text for s in item.statements)
    check(item, "Cllr Lee: asked whether the youth offer", "Cllr Ravi Lee", "lee", "member", "question")
    check(item, "The Chairman thanked officers", "Councillor Mary Patel", "patel", "chair", "welcome")


def test_resolutions(items):
    # gold convention: decisions are spoken by the committee
    check(items["2"], "RESOLVED that the minutes", "the Committee", "committee", "group", "resolution")
    check(items["4"], "AGREED: That the report be noted", "the Committee", "committee", "group", "resolution")


def test_answers_only_point_backwards_to_questions(phrasings_doc):
    _, doc = phrasings_doc
    for item in doc.items:
        for i, s in enumerate(item.statements):
            if s.answers is not None:
                assert s.answers < i
                assert item.statements[s.answers].act == "question"


def test_contract_shape(phrasings_doc):
    from minutes_miner.models import ACTS, PERSON_KINDS

    _, doc = phrasings_doc
    c = doc.to_contract()
    assert c["meeting"] == {"committee": "Children and Young People Scrutiny Committee", "date": "2024-03-14"}
    for item in c["items"]:
        for s in item["statements"]:
            assert s["act"] in ACTS and s["speaker_kind"] in PERSON_KINDS
            assert s["text"] == " ".join(s["text"].split())
            assert (s["speaker"] is None) == (s["speaker_key"] is None)
