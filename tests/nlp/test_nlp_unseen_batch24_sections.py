"""Sub-headings (sections) missed on gold batches 21-24, each as a layout family in invented minutes:
a numbered question sub-heading naming only who asks whom, a public question put on behalf of a group,
a "DECISION:" label under the "Decision" sub-heading it repeats, and a table's asker cell naming a
member with an accented initial or the chair by role."""
from __future__ import annotations

from nlp_helpers import analyse_text, find

HEAD = """\
FULL COUNCIL

Present: Councillor Nell Ashdown (Chair), Councillor Rhodri Pell, Councillor Tamsin Vey, Councillor Órla Nic Aodha

Officers: Mrs June Harrow (Head of Waste)

"""


def _item(body: str):
    return analyse_text(HEAD + "6. Questions\n\n" + body).items[-1]


def test_numbered_asker_to_recipient_line_is_a_section_not_a_statement():
    item = _item("(1) Councillor Rhodri Pell to the Leader of the Council\n\n"
                 "Councillor Pell asked when the depot would reopen.\n\n"
                 "(2) Councillor Tamsin Vey to the Cabinet Member for Waste\n\n"
                 "Councillor Vey asked why collections had been missed in October.\n")
    assert not any(s.text.startswith("Councillor Rhodri Pell to") for s in item.statements)
    _, s = find(item, "depot would reopen")
    assert s.section == "(1) Councillor Rhodri Pell to the Leader of the Council"
    _, s = find(item, "collections had been missed")
    assert s.section == "(2) Councillor Tamsin Vey to the Cabinet Member for Waste"


def test_question_on_behalf_of_a_group_is_a_section():
    heading = "Question 3 from Mrs Ada Crane, on behalf of the Riverside Residents Association, to the Cabinet Member for Waste"
    item = _item(heading + "\n\nMrs Crane asked when the bring bank would be replaced.\n")
    _, s = find(item, "bring bank")
    assert s.section == heading


def test_decision_label_under_the_decision_sub_heading_keeps_it():
    item = _item("Decision\n\nFollowing a vote, it was\n\nDECISION:\n\n"
                 "1. That the fly-tipping review be noted.\n\n2. That the Cabinet be asked to fund two officers.\n")
    _, s = find(item, "review be noted")
    assert s.section == "Decision"


def test_table_asker_cells_are_not_sections():
    item = _item("Waste dashboard\n\nMrs Harrow presented the dashboard.\n\n"
                 "Member: Councillor Órla Nic Aodha\n\nQuestion / comment: Asked how many bins had been missed.\n\n"
                 "Response: Mrs Harrow said that 212 bins had been missed.\n\n"
                 "Member: The Chair\n\nQuestion / comment: Asked whether crews were short-staffed.\n\n"
                 "Response: Mrs Harrow said that four posts were vacant.\n")
    for fragment in ("212 bins", "four posts"):
        _, s = find(item, fragment)
        assert s.section == "Waste dashboard", fragment


def test_action_owned_by_a_first_name_is_that_persons_commitment():
    head = ("SKILLS COMMITTEE\n\nPresent: Councillor Nell Ashdown (Chair), Councillor Rhodri Pell\n\n"
            "Officers: Marta Quill (Head of Adult Learning)\n\n")
    item = analyse_text(head + "6. Adult learning\n\nMarta Quill presented the report.\n\n"
                        "ACTION: Marta to circulate the course waiting lists by district.\n").items[-1]
    _, s = find(item, "circulate the course waiting lists")
    assert (s.speaker_key, s.act) == ("quill", "commitment")
