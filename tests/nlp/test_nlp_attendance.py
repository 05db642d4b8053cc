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


def test_the_convener_is_the_chair():
    from minutes_miner.nlp import analyse, minutes_from_text

    text = ("Minute of meeting of the Communities Committee held on Tuesday 12 March 2024.\n\n"
            "Present: Councillor Douglas Rennie (Convener), Councillor Aileen Bruce (Vice-Convener) and "
            "Councillor Alan Yule.\n\n"
            "1. Youth Disorder\n\n"
            "The Community Safety Manager outlined the work of the youth disorder group.\n\n"
            "The Convener thanked the Community Safety Manager for the update.\n")
    minutes = minutes_from_text(text, "communities.txt")
    kinds = {a.name: a.kind for a in minutes.attendance}
    assert kinds["Councillor Douglas Rennie"] == "chair" and kinds["Councillor Aileen Bruce"] == "member"
    statement = analyse(minutes).items[0].statements[-1]
    assert (statement.speaker, statement.speaker_key, statement.speaker_kind) == (
        "Councillor Douglas Rennie", "rennie", "chair")


def test_a_chair_tag_after_the_title_puts_the_person_in_the_chair():
    (leader,) = parse_attendance("Present: Councillor Ruth Pryde (Leader of the Council) (Chair)")
    assert (leader.name, leader.kind, leader.title) == ("Councillor Ruth Pryde", "chair", "Leader of the Council (Chair)")


def test_county_councillors_listed_with_their_division_then_role():
    text = ("County Councillors present (electoral division in brackets):\n"
            "    Mrs Harriet Mabb (Penwithy Downs) (Chairman)\n"
            "    Mr Piers Dorring (Callow Heath) (Vice-Chairman)\n\n"
            "Cabinet Member attending:\n"
            "    Mr Lionel Brat (Oxley Green) - Cabinet Member for Children's Services")
    got = [(a.name, a.kind, a.title, a.ward) for a in parse_attendance(text)]
    assert got == [("Mrs Harriet Mabb", "chair", "Chairman", "Penwithy Downs"),
                   ("Mr Piers Dorring", "member", "Vice-Chairman", "Callow Heath"),
                   ("Mr Lionel Brat", "cabinet_member", "Cabinet Member for Children's Services", "Oxley Green")]


def test_partner_organisation_before_a_dash_groups_its_people():
    people = parse_attendance("Partners: Tregaron Health Board – Dr Ann Lowe (Medical Director), Owen Price (Director of "
                              "Nursing); Valeside Police – Inspector Carys Dunn (Neighbourhood Inspector)")
    got = {a.name: (a.kind, a.title) for a in people}
    assert got["Dr Ann Lowe"] == ("external", "Medical Director")
    assert got["Owen Price"] == ("external", "Director of Nursing")
    assert "Tregaron Health Board" not in got  # the organisation is no attendee
