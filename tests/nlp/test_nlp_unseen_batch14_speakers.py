"""Speaker misses of gold batches 13 and 14, each as the family of ways councils print the same
thing, in invented minutes: surnames in capitals, attendance lines the lists missed, entries
written role first or with a ward and a role in brackets."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

from minutes_miner.extract.printed_minutes import split_people
from minutes_miner.nlp import parse_attendance

CAPITALS = """\
HOUSING SCRUTINY PANEL

Present: Councillor Wendy ABERNETHY (Chair), Councillor Derek HOLLINS, Councillor Ayo ADEBAYO-COLE and Councillor Rhian PUGH

4. Temporary accommodation

{asker} asked how many families had been in bed and breakfast for more than six weeks.

Councillor PUGH said that she was worried about placements outside the borough.
"""


@pytest.mark.parametrize("asker", ["Councillor HOLLINS", "Councillor Derek HOLLINS", "Cllr HOLLINS"])
def test_a_surname_printed_in_capitals_names_the_councillor(asker):
    doc = analyse_text(CAPITALS.format(asker=asker))
    _, asked = find(doc.items[-1], "bed and breakfast")
    assert (asked.speaker, asked.speaker_key, asked.speaker_kind, asked.act) == ("Councillor Derek HOLLINS", "hollins", "member", "question")
    _, worried = find(doc.items[-1], "outside the borough")
    assert (worried.speaker, worried.speaker_key) == ("Councillor Rhian PUGH", "pugh")


def test_a_hyphenated_surname_in_capitals():
    doc = analyse_text(CAPITALS.format(asker="Councillor ADEBAYO-COLE"))
    _, asked = find(doc.items[-1], "bed and breakfast")
    assert (asked.speaker, asked.speaker_key) == ("Councillor Ayo ADEBAYO-COLE", "adebayo-cole")


def test_honours_after_a_surname_in_capitals_are_not_the_surname():
    doc = analyse_text(CAPITALS.format(asker="Councillor Derek HOLLINS MBE"))
    _, asked = find(doc.items[-1], "bed and breakfast")
    assert (asked.speaker, asked.speaker_key) == ("Councillor Derek HOLLINS", "hollins")


@pytest.mark.parametrize("label", ["Executive Member attending", "Cabinet Member in attendance", "Portfolio Holder present"])
def test_an_executive_member_attending_line_lists_the_cabinet_member(label):
    text = (f"Councillors present: Councillor Ann Tate (Chair) and Councillor Gordon PEEBLES\n"
            f"{label}: Councillor Lionel BRABAZON (Executive Member for Adult Care and Health)\n")
    got = [(a.name, a.kind) for a in parse_attendance(text)]
    assert got == [("Councillor Ann Tate", "chair"), ("Councillor Gordon PEEBLES", "member"),
                   ("Councillor Lionel BRABAZON", "cabinet_member")]


@pytest.mark.parametrize("label", ["Partner attending for Minute 43", "Partners in attendance", "Witnesses present for item 6"])
def test_a_partner_attending_line_lists_the_partner(label):
    text = ("Officers: Democratic Services Officer (Gemma Lowe)\n"
            f"{label}: Carys Poole (Chief Executive, Healthwatch Bexmoor)\n")
    got = [(a.name, a.title, a.kind) for a in parse_attendance(text)]
    assert got[-1] == ("Carys Poole", "Chief Executive, Healthwatch Bexmoor", "external")
    assert got[0][:2] == ("Gemma Lowe", "Democratic Services Officer")


def test_printed_officers_written_role_first_keep_the_commas_of_their_titles():
    got = split_people("Assistant Director, Adult Social Care Operations (Tobias Rendle); Head of Commissioning and Market "
                       "Sustainability (Deborah Trent); Director of Public Health (Dr Fenella Marsh)")
    assert got == [("Tobias Rendle", "Assistant Director, Adult Social Care Operations"),
                   ("Deborah Trent", "Head of Commissioning and Market Sustainability"),
                   ("Dr Fenella Marsh", "Director of Public Health")]


@pytest.mark.parametrize("role, kind", [("Chair", "chair"), ("Vice-Chair", "member"), ("Chairman", "chair")])
def test_a_ward_then_a_role_in_brackets_keeps_the_role(role, kind):
    text = (f"Commission Members: Councillor Bernadette QUILLIAM (Holmfield) ({role}); Councillor Owen TRASK (Mill Hill); "
            "Councillor Rhys MADDOCKS (Sallow Park)")
    got = {a.name: a for a in parse_attendance(text)}
    chair = got["Councillor Bernadette QUILLIAM"]
    assert (chair.title, chair.kind, chair.ward) == (role, kind, "Holmfield")
    assert got["Councillor Owen TRASK"].kind == "member"

