"""The concern taxonomy's terms: words that name a concern in one sense and not in another."""
from __future__ import annotations

import pytest

from minutes_miner.models import ItemText, MinutesText


def _rule_concerns(sentence: str, title: str = "Performance report") -> set[str]:
    """The taxonomy's labels (no learned model) of a one-statement item."""
    from minutes_miner.nlp import analyse

    doc = analyse(MinutesText(source="t.txt", items=(ItemText(title=title, text=sentence, number="7"),)),
                  concern_model=None)
    (statement,) = doc.items[0].statements
    return set(statement.concerns)


@pytest.mark.parametrize("sentence", [
    "The minutes of the meeting held on 4 March were agreed as an accurate record.",
    "The minutes of the last meeting were approved as a true and accurate record.",
    "AGREED - that the minutes of the meeting held on 9 May be signed as correct.",
])
def test_approving_the_minutes_is_not_a_data_quality_concern(sentence):
    assert "data-quality" not in _rule_concerns(sentence, title="Minutes of the previous meeting")


def test_the_robustness_of_the_estimates_is_a_budget_statement_not_data_quality():
    found = _rule_concerns("Mr Oduya said that, as Section 151 Officer, he was satisfied with the robustness of the "
                           "estimates in the revenue budget.")
    assert "data-quality" not in found and "finance" in found
    assert "data-quality" in _rule_concerns("Councillor Reed said that the figures were unreliable because of data errors.")


def test_a_policy_adopted_is_not_adoption():
    assert "children-in-care" not in _rule_concerns("Ms Perrin said that the new lettings policy had been adopted in June.")
    assert "children-in-care" in _rule_concerns("Ms Perrin said that eleven children had been placed for adoption.")


def test_children_on_a_services_caseload_are_not_staff_caseloads():
    assert "workforce" not in _rule_concerns(
        "The Head of Youth Justice said that 31 of the 204 children on the caseload were in care.")
    assert "workforce" in _rule_concerns("The DCS said that caseloads averaged 22 children per social worker.")


def test_recruiting_foster_carers_is_children_in_care_not_workforce():
    found = _rule_concerns("Councillor Amis asked whether the council could recruit enough foster carers locally.")
    assert "children-in-care" in found and "workforce" not in found
    assert "workforce" in _rule_concerns("Councillor Amis asked whether the council could recruit enough social workers.")


def test_adults_with_a_learning_disability_are_not_send():
    assert "send" not in _rule_concerns(
        "Mr Hale said that the council supported 640 adults with a learning disability in supported living.")
    assert "send" in _rule_concerns("Mrs Obi said that 212 pupils with special educational needs were awaiting a place.")
    assert "send" not in _rule_concerns(
        "Ms Ward said that the cost of care packages for younger adults with learning disabilities had risen.")
    assert "send" in _rule_concerns("Ms Ward said that short breaks for children with disabilities had been cut.")


def test_speech_and_language_therapy_is_a_health_service_not_send():
    """Gold labels speech and language therapy by what is said of it (a wait, a post left vacant),
    and send only when the SEND system itself is discussed."""
    found = _rule_concerns("Dr Lake said that the wait for a speech and language therapy appointment was 30 weeks.")
    assert "send" not in found and "waiting-times" in found
    assert "send" in _rule_concerns("Dr Lake said that the therapy was written into 40 EHC plans.")


def test_a_single_referral_is_not_rising_demand_nor_the_front_door_a_safeguarding_concern():
    assert "demand" not in _rule_concerns("Councillor Shah asked how a GP could make a referral to the service.")
    assert "demand" in _rule_concerns("Ms Lowe said that referrals had risen by 18 per cent in the year.")
    assert "safeguarding" not in _rule_concerns(
        "Ms Lowe said that calls to the adult social care front door had been answered within two minutes.")


@pytest.mark.parametrize(("sentence", "label"), [
    ("Ms Dyer said that the police data on the estate could not be broken down by age.", "data-quality"),
    ("Mr Cole said that the crisis café in the town centre had seen 300 visitors since May.", "mental-health"),
    ("Councillor Hart asked how long residents waited to get an appointment with a GP.", "waiting-times"),
    ("Councillor Hart asked what the average time was between a report and a visit.", "waiting-times"),
    ("Inspector Rowe said that older teenagers were being drawn into crime by county lines gangs.", "youth-justice"),
    ("Ms Amos said that 41 children placed more than 20 miles from home had moved school.", "children-in-care"),
])
def test_general_terms_for_a_concern(sentence, label):
    assert label in _rule_concerns(sentence)


def test_adults_residential_care_is_not_children_in_care():
    assert "children-in-care" not in _rule_concerns(
        "She explained that most of the overspend related to residential care for people with dementia.")
    assert "children-in-care" in _rule_concerns("He said that the cost of children’s residential care had risen by a third.")
