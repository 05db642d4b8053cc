"""Segmentation of item text into statements (fictional minutes): housekeeping sentences that
nobody said, witness lists, lead-ins that only introduce their points, and inline numbered parts."""
from __future__ import annotations

import pytest
from nlp_helpers import find


def _items(text: str):
    """The items of fictional minutes whose body (numbered items) is ``text``."""
    from minutes_miner.nlp import analyse, minutes_from_text

    minutes = minutes_from_text("Minutes of the Scrutiny Board held on 4 June 2024.\n\n"
                                "Present: Councillor Ann Hale (Chair), Councillor Rhys Evans, Councillor Joe Zed\n\n" + text, "segments")
    return analyse(minutes).items


def _texts(item) -> list[str]:
    return [s.text for s in item.statements]


@pytest.mark.parametrize("sentence", [
    "Apologies for absence were received from Councillor Bryn Tudor and Councillor Mair Pugh.",
    "Apologies were received from the Director of Public Health, who was represented by her deputy.",
    "Councillor Ifan Rees gave apologies for lateness.",
    "There were no apologies.",
    "Councillor Dora Lake substituted for Councillor Tudor.",
    "Cllr Omar Vance attended as her substitute.",
    "Councillor Evans declared a non-pecuniary interest in item 5 as a governor of Elm Lane School.",
    "Cllr Zed declared that his son was employed by the hospital trust.",
    "No declarations of interest were made.",
    "None received.",
    "There were none.",
    "The meeting closed at 12.40 pm.",
    "Date of next meeting: Tuesday 9 July 2024, 10.00 am.",
    "ACTION: Head of Inclusion to provide exclusion figures by school (September).",
    "Those voting for: Councillors Hale, Evans and Zed (3).",
    "Abstained (1): Councillor Lake.",
])
def test_housekeeping_sentences_are_not_statements(sentence):
    items = _items(f"1. Housekeeping\n\n{sentence}\n\nCouncillor Evans asked whether the new clinic would open in May.\n")
    assert _texts(items[0]) == ["Councillor Evans asked whether the new clinic would open in May."]


def test_sentences_that_only_mention_apologies_or_declaring_stay_statements():
    items = _items("1. Motion\n\nThe Chair declared the motion CARRIED.\n\n"
                   "The Director said that 20 per cent of staff had not declared their ethnicity.\n\n"
                   "There were no public speakers.\n")
    texts = _texts(items[0])
    assert texts == ["The Chair declared the motion CARRIED.",
                     "The Director said that 20 per cent of staff had not declared their ethnicity.",
                     "There were no public speakers."]
    assert find(items[0], "declared the motion")[1].speaker_key == "hale"  # the Chair named in the attendance
