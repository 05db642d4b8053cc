"""Styles first met in gold batches 7 and 8 (invented minutes, written here): informal notes with a
key to initials, run-in initials labels and verbless notes; role back-references to a named holder."""
from __future__ import annotations

import pytest
from nlp_helpers import find

KEY_NOTES = """\
WESTBRIDGE DISTRICT COUNCIL
Capital Programme Working Group – notes – 3 March 2025

Key to initials:
AB – Councillor Amy Brook (Chair of the Group)
TF – Councillor Tom Fenn
NP – Councillor Nia Prowse, Cabinet Member for Resources
RL – Rita Lowe, Head of Finance

1. Notes of the last meeting

- Notes of 4 February agreed as accurate.

2. Capital monitoring

- RL: slippage of £2m forecast at quarter 2 on the leisure centre scheme.
- Contingency for the depot scheme already fully committed.
- Finance (RL): borrowing costs up by £140k on the year.
- TF asked whether the slippage would push the scheme into next year.
- RL: mostly timing; the contractor expects to recover two months.
- TF concerned that the depot contingency had gone before the roof works started.
- NP pleased that the solar panels had come in under budget.
- TF and AB strongly opposed any further delay to the play areas.
- ACTION: RL to circulate the revised cash flow by 14 March.
- AB thanked officers for the report.
"""


def _analyse(text: str):
    from minutes_miner.nlp import analyse, minutes_from_text

    return analyse(minutes_from_text(text, "invented.txt"))


@pytest.fixture(scope="module")
def key_notes():
    return _analyse(KEY_NOTES)


def test_key_to_initials_is_the_attendance(key_notes):
    people = {a.name: a.kind for a in key_notes.attendance}
    assert people == {"Councillor Amy Brook": "chair", "Councillor Tom Fenn": "member",
                      "Councillor Nia Prowse": "cabinet_member", "Rita Lowe": "officer"}
    assert all("Key to initials" not in s.text for item in key_notes.items for s in item.statements)


@pytest.mark.parametrize("fragment, expected", [
    ("slippage of £2m", ("Rita Lowe", "officer", "statement")),
    ("borrowing costs up", ("Rita Lowe", "officer", "statement")),
    ("TF asked whether", ("Councillor Tom Fenn", "member", "question")),
    ("mostly timing", ("Rita Lowe", "officer", "answer")),
    ("TF concerned that", ("Councillor Tom Fenn", "member", "concern")),
    ("NP pleased that", ("Councillor Nia Prowse", "cabinet_member", "welcome")),
    ("strongly opposed", ("Councillor Tom Fenn", "member", "concern")),
    ("RL to circulate", ("Rita Lowe", "officer", "commitment")),
    ("AB thanked officers", ("Councillor Amy Brook", "chair", "welcome")),
])
def test_initials_labels_and_verbless_notes(key_notes, fragment, expected):
    item = next(i for i in key_notes.items if i.number == "2")
    _, s = find(item, fragment)
    assert (s.speaker, s.speaker_kind, s.act) == expected


def test_a_bare_note_goes_on_with_the_labelled_speaker_above(key_notes):
    item = next(i for i in key_notes.items if i.number == "2")
    _, s = find(item, "Contingency for the depot scheme")
    assert s.speaker == "Rita Lowe"


def test_notes_agreed_as_accurate_are_the_groups_decision(key_notes):
    item = next(i for i in key_notes.items if i.number == "1")
    _, s = find(item, "agreed as accurate")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution")


def test_an_action_owned_by_a_role_is_still_not_a_statement():
    doc = _analyse("""\
1. Housing update

Mrs Joan Pryce, Head of Housing, presented the report on temporary accommodation.

Action: Head of Housing to send the figures to members.

2. Any other business

None.
""")
    texts = [s.text for s in doc.items[0].statements]
    assert any("presented the report" in t for t in texts)
    assert not any("send the figures" in t for t in texts)
