"""Plain-text minutes whose first item carries the council's running minute number (fictional text)."""
from __future__ import annotations

from minutes_miner.nlp.structure import minutes_from_text

HEADER = """Fictional District Council
Environment Scrutiny Committee

Minutes of the meeting held in the Council Chamber, Town Hall, Ashvale on 4 June 2024 at 7.00 pm.

Present: Councillor Amy Lowe (Chair), Councillor Ben Rusk and Councillor Cal Dent.
"""
BODIES = [
    "Apologies for absence were received from Councillor Jo Bright.",
    "RESOLVED that the minutes of the meeting held on 3 May 2024 be approved as a correct record.",
    ("Pat Greer, Head of Highways, introduced the report on road repairs.\n\n"
    "1. The Committee noted the resurfacing programme.\n\n2. Councillor Rusk asked about the rural wards."),
]


def _minutes(headings: list[str]):
    text = HEADER + "".join(f"\n{h}\n\n{b}\n" for h, b in zip(headings, BODIES))
    return minutes_from_text(text, "minutes.txt")


def test_a_sentence_case_first_item_numbered_24_is_an_item():
    minutes = _minutes(["24. Apologies for absence", "25. Minutes of the previous meeting", "26. Highway repairs"])
    assert [(i.number, i.title) for i in minutes.items] == [
        ("24", "Apologies for absence"), ("25", "Minutes of the previous meeting"), ("26", "Highway repairs")]
    assert minutes.items[0].text == BODIES[0]
    assert minutes.items[2].text.split("\n") == [
        "Pat Greer, Head of Highways, introduced the report on road repairs.",
        "1. The Committee noted the resurfacing programme.", "2. Councillor Rusk asked about the rural wards."]


def test_numbered_from_1_as_before():
    minutes = _minutes(["1. Apologies for absence", "2. Minutes of the previous meeting", "3. Highway repairs"])
    assert [i.number for i in minutes.items] == ["1", "2", "3"]
