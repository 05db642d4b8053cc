"""Attendance lists written role first, with the name in brackets (Scottish house style)."""
from __future__ import annotations

from minutes_miner.nlp import parse_attendance


def test_role_first_entries_with_the_name_in_brackets():
    text = ("In attendance: Executive Director of Education and Children's Services (Morag Lindsay); Head of Housing "
            "and Homelessness (Lesley Dickson); Consultant Community Paediatrician, NHS Corran (Dr Kenneth Baxter); "
            "Committee Officer (Ross Dunbar).")
    got = [(a.name, a.title, a.kind) for a in parse_attendance(text)]
    assert got == [
        ("Morag Lindsay", "Executive Director of Education and Children's Services", "officer"),
        ("Lesley Dickson", "Head of Housing and Homelessness", "officer"),
        ("Dr Kenneth Baxter", "Consultant Community Paediatrician, NHS Corran", "external"),
        ("Ross Dunbar", "Committee Officer", "officer"),
    ]


def test_name_first_entries_are_unchanged():
    text = ("Also present: Inspector Raj Gill (Wexcombe Police), Jane Smith (Head of Early Help) and "
            "Councillor Mary Patel (Chair); Dr Ali (NHS Trust).")
    got = [(a.name, a.title) for a in parse_attendance(text)]
    assert got == [("Inspector Raj Gill", "Wexcombe Police"), ("Jane Smith", "Head of Early Help"),
                   ("Councillor Mary Patel", "Chair"), ("Dr Ali", "NHS Trust")]
