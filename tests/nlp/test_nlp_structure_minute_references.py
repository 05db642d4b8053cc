"""Plain-text minutes whose items carry minute references with a committee prefix and a year
("ABC/51", "ABC/12/25", year first "ABC/24/32"), and an indented layout (fictional text)."""
from __future__ import annotations

from minutes_miner.nlp.structure import minutes_from_text

HEADER = """FICTIONAL FIRE AND RESCUE PANEL

MINUTES of a meeting of the Fictional Fire and Rescue Panel held at Shire Hall, Ashvale
on Tuesday 4 June 2024 at 10.00 am

PRESENT: Councillor Amy Lowe (Chair), Councillor Ben Rusk and Councillor Cal Dent.
"""
BODIES = [
    "Apologies were received from Councillor Jo Bright.",
    "The minutes of the meeting held on 3 May 2024 were AGREED as a correct record.",
    "Councillor Rusk asked how many retained firefighters were on call at weekends.",
]


def _minutes(headings: list[str], indent: str = ""):
    text = HEADER + "".join(f"\n{h}\n\n{indent}{b}\n" for h, b in zip(headings, BODIES))
    return minutes_from_text(text, "minutes.txt")


def test_committee_prefixed_references_are_items():
    minutes = _minutes(["FRP/51      APOLOGIES", "FRP/52      MINUTES", "FRP/53      RETAINED DUTY COVER"], indent="            ")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("FRP/51", "APOLOGIES"), ("FRP/52", "MINUTES"), ("FRP/53", "RETAINED DUTY COVER")]
    assert [i.text for i in minutes.items] == BODIES


def test_prefix_number_and_year_references_are_items():
    minutes = _minutes(["FRP/12/25 APOLOGIES", "FRP/13/25 MINUTES OF MEETING HELD ON 3 MAY 2025", "FRP/14/25 RETAINED DUTY COVER"])
    assert [i.number for i in minutes.items] == ["FRP/12/25", "FRP/13/25", "FRP/14/25"]
    assert minutes.items[2].text == BODIES[2]


def test_year_first_references_run_on_their_last_number():
    minutes = _minutes(["FRP/24/32 Apologies", "FRP/24/33 Minutes of the previous meeting", "FRP/24/34 Retained duty cover"])
    assert [(i.number, i.title) for i in minutes.items] == [
        ("FRP/24/32", "Apologies"), ("FRP/24/33", "Minutes of the previous meeting"), ("FRP/24/34", "Retained duty cover")]
    assert minutes.committee == "Fictional Fire and Rescue Panel"
