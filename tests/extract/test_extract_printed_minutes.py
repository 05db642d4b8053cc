"""Printed minutes PDF -> MinutesText (generated Kent-style fixture; Kent real data when present)."""
from __future__ import annotations

from datetime import date

import pytest

from minutes_miner.extract.pdf import read_pdf
from minutes_miner.extract.printed_minutes import (
    minutes_header,
    parse_printed_minutes,
    split_people,
)


@pytest.fixture(scope="module")
def minutes(minutes_pdf):
    return parse_printed_minutes(read_pdf(minutes_pdf, "cpp-minutes.pdf"))


def test_header(minutes, minutes_pdf):
    assert minutes.source == "cpp-minutes.pdf"
    assert minutes.committee == "Corporate Parenting Panel"
    assert minutes.date == date(2024, 9, 3)
    header = minutes_header(read_pdf(minutes_pdf, "cpp-minutes.pdf"))
    assert header.venue == "Willow Room, Civic Centre, Ashbury"


def test_attendance(minutes):
    people = {a.name: a for a in minutes.attendance}
    assert people["Councillor Ada Fenwick"].kind == "chair"
    assert people["Councillor Basil Ormsby"].title == "Vice-Chair"
    assert people["Councillor Fergus Quayle"].kind == "member"
    gwen = people["Councillor Gwen Pellow"]
    assert gwen.kind == "cabinet_member" and gwen.title == "Cabinet Member for Children and Young People"
    # job titles across wrapped lines, with commas and "&" inside the brackets
    assert people["Ivor Brackley"].title == "Director of Children's Services"
    assert people["Kofi Lindqvist"].title == "Participation and Engagement Lead"
    lorna = people["Lorna Vasquez"]
    assert lorna.kind == "officer" and lorna.title == "Service Manager, Quality Assurance & Safeguarding"
    apologies = [a.name for a in minutes.attendance if a.status == "apologies"]
    assert apologies == ["Councillor Milo Dunstan", "Councillor Nia Roper"]


def test_items_and_paragraphs(minutes):
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Apologies and Substitutes"),
        ("2", "Minutes of the meeting held on 12 June 2024"),
        ("3", "Fostering Service Quarterly Update"),
        ("4", ("Participation Team update and Annual Report of the Young People's Voice Group for 2023 to 2024 "
               "including the Takeover Day")),
    ]
    fostering = minutes.items[2]
    assert fostering.page == 2
    lines = fostering.text.split("\n")
    assert len(lines) == 5  # 1., a., b., 2., 3. - wrapped lines joined into their paragraph
    assert lines[0].startswith("1. Jasmine Kettleby, Head of Fostering and Adoption, introduced")
    assert lines[0].endswith("during the spring and summer months.")
    assert lines[1].startswith("a. Forty-one enquiries") and lines[1].endswith("twelve assessments were under way.")
    assert lines[2].startswith("b. Retention")
    assert lines[4] == "3. RESOLVED that the Panel note the report."
    assert minutes.items[0].page == 1


def test_split_people():
    assert split_people("Mr A Bee (Chairman), Mrs C Dee, OBE, Ms E Eff and Mr G Gee") == [
        ("Mr A Bee", "Chairman"), ("Mrs C Dee, OBE", None), ("Ms E Eff", None), ("Mr G Gee", None)
    ]
    assert split_people("Ann Ash, Cabinet Member for Adults and Public Health, and Bob Birch (Head of Roads)") == [
        ("Ann Ash", "Cabinet Member for Adults and Public Health"), ("Bob Birch", "Head of Roads")
    ]


@pytest.mark.realdata
def test_kent_corporate_parenting_panel(kent_dir):
    name = "kcc_corporate_parenting_panel_minutes_2024-10-29.pdf"
    m = parse_printed_minutes(read_pdf((kent_dir / name).read_bytes(), name))
    assert m.committee == "Corporate Parenting Panel"
    assert m.date == date(2024, 10, 29)
    titles = {i.number: i.title for i in m.items}
    assert len(m.items) == 12
    assert titles["4"] == "Participation Team update"
    assert titles["6"] == "Adoption Partnership South East, Regional Adoption Agency Annual Report 2023/2024"
    assert titles["9"] == "The Joint Housing Protocol for Care Leavers"
    assert titles["12"] == "Work programme"
    people = {a.name: a for a in m.attendance}
    assert people["Joanne Carpenter"].title == "Participation and Engagement Manager"
    assert people["Joanne Carpenter"].kind == "officer"
    assert people["Gavin Swann"].title == "Service Manager Safeguarding, Quality Assurance & Professional Standards"
    assert people["Shellina Prendergast"].kind == "chair"
    assert people["Sue Chandler"].kind == "cabinet_member"
    item4 = next(i for i in m.items if i.number == "4")
    lines = item4.text.split("\n")
    assert lines[0].startswith("1. Joanne Carpenter, Participation and Engagement Manager, introduced the report.")
    assert lines[1].startswith("a. Ms Carpenter shared") and lines[1].endswith("one had won the award.")
    assert item4.page == 2
    # a paragraph continued over a page break stays one block
    item6 = next(i for i in m.items if i.number == "6")
    assert any("spoke regarding therapeutic parenting" in ln for ln in item6.text.split("\n"))


@pytest.mark.realdata
def test_kent_cabinet(kent_dir):
    name = "kcc_cabinet_minutes_2025-01-30.pdf"
    m = parse_printed_minutes(read_pdf((kent_dir / name).read_bytes(), name))
    assert m.committee == "Cabinet" and m.date == date(2025, 1, 30)
    assert [i.number for i in m.items] == [str(n) for n in range(1, 10)]
    assert m.items[1].title == "Declarations of Interest"
    people = {a.name: a for a in m.attendance}
    assert people["Mr R W Gough"].kind == "chair"
    assert people["Mrs S Hammond"].title == "Corporate Director Children, Young People and Education"
    assert people["Mr S Jones"].status == "virtual"
    assert any(a.name == "Mrs C Bell" and a.status == "apologies" for a in m.attendance)
    text = m.items[3].text
    assert "father-inclusive practice guide" in text  # line-end hyphen of a compound kept, break removed
    assert "(a) At the Scrutiny Committee held on 29th January 2025" in text  # superscript kept in line


# Every item and every attendee, checked by eye against the printed minutes.
KENT_CPP_ITEMS = [
    ("1", "Apologies and Substitutes"), ("2", "Chairman’s Announcements"),
    ("3", "Minutes of the meeting held on 30 July 2024"), ("4", "Participation Team update"),
    ("5", "Verbal updates by the Cabinet Member"),
    ("6", "Adoption Partnership South East, Regional Adoption Agency Annual Report 2023/2024"),
    ("7", "Youth Justice Annual Report"), ("8", "Performance Scorecard for Children in Care"),
    ("9", "The Joint Housing Protocol for Care Leavers"), ("10", "Sufficiency Strategy 2022-2027"),
    ("11", "Kent CIC in the statutory school years with an EHCP - Access to Education"), ("12", "Work programme"),
]
KENT_CPP_ATTENDANCE = [
    ("Shellina Prendergast", "chair", "Chair", "present"), ("Paul Bartlett", "member", "Vice-Chair", "present"),
    *[(n, "member", None, "present") for n in (
        "Gary Cooke", "Dylan Jeffrey", "David Brazier", "Lesley Game", "Sarah Hamilton", "Sarah Hammond",
        "Caroline Smith", "Tom Byrne", "Tony Doran", "Tracy Scott", "Nancy Sayer", "Brian Horton")],
    ("Sue Chandler", "cabinet_member", "Cabinet Member for Integrated Children’s Services", "present"),
    ("James Clapson", "officer", "Democratic Services Officer", "present"),
    ("Kevin Kasaven", "officer", "Director of Children's Countywide Services", "present"),
    ("Joanne Carpenter", "officer", "Participation and Engagement Manager", "present"),
    ("Alice Gleave", "officer", "Interim Assistant Director for SEND Operations", "present"),
    ("Christy Holden", "officer", "Assistant Director for CYPE Commissioning", "present"),
    ("Robin Cahill", "officer", "Senior Commissioner", "present"),
    ("Jason Read", "officer", "Youth Justice Service Manager", "present"),
    ("Gavin Swann", "officer", "Service Manager Safeguarding, Quality Assurance & Professional Standards", "present"),
    ("Natalia Merritt", "officer", "Co-Chair Kent Housing Options Subgroup", "present"),
    ("Amy Coombs", "officer", "Head of Adoption Partnership South East", "present"),
    ("Maureen Robinson", "officer", "MI Service Manager", "present"),
    ("Mr R Love OBE", "member", None, "apologies"), ("Ms K Leonard", "member", None, "apologies"),
    ("Ms A Farmer", "member", None, "apologies"),
]
KENT_CABINET_ITEMS = [
    ("1", "Apologies"), ("2", "Declarations of Interest"), ("3", "Minutes of the Meeting held on 9th January 2025"),
    ("4", "Cabinet Member Updates"),
    ("5", "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"),
    ("6", "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and Treasury Management Strategy"),
    ("7", ("24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children "
           "Young People and Education Directorate to the Adult Social Care and Health Directorate")),
    ("8", "24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan"),
    ("9", "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"),
]
KENT_CABINET_ATTENDANCE = [
    ("Mr R W Gough", "chair", "Chair", "present"),
    *[(n, "member", None, "present") for n in (
        "Mr N Baker", "Mrs S Chandler", "Mr D Jeffrey", "Mr R C Love, OBE", "Mr D Murphy", "Mr P J Oakford",
        "Mr D Watkins", "Mr R J Thomas")],
    ("Dr A Ghosh", "officer", "Director of Public Health", "present"),
    ("Mrs S Hammond", "officer", "Corporate Director Children, Young People and Education", "present"),
    ("Mrs A Beer", "officer", "Chief Executive", "present"),
    ("Mr D Shipton", "officer", "Head of Finance Policy, Planning and Strategy", "present"),
    ("Mr B Watts", "officer", "General Counsel", "present"),
    ("Mrs C Head", "officer", "Head of Finance Operations", "present"),
    ("Mr J Betts", "officer", "Interim Corporate Director Finance", "present"),
    ("Mr N Abrahams", "officer", "Area Education Officer – West Kent", "present"),
    ("Ms C McInnes", "officer", "Director of Education", "present"),
    ("McKay", "officer", "Acting Chief Accountant", "present"),  # printed without a first initial
    ("Mr S Jones", "officer", "Corporate Director of Growth, Environment and Transport", "virtual"),
    ("Mr M Albiston", "officer", "Director of Adult Social Care", "virtual"),
    ("Dr M Gogarty", "officer", "Interim Strategic Lead for Public Health", "virtual"),
    ("Mrs L Gannon", "officer", "Director of Technology", "virtual"),
    ("Mrs C Bell", "member", None, "apologies"),
]


@pytest.mark.realdata
@pytest.mark.parametrize("name, items, attendance", [
    ("kcc_corporate_parenting_panel_minutes_2024-10-29.pdf", KENT_CPP_ITEMS, KENT_CPP_ATTENDANCE),
    ("kcc_cabinet_minutes_2025-01-30.pdf", KENT_CABINET_ITEMS, KENT_CABINET_ATTENDANCE),
])
def test_kent_every_item_and_attendee(kent_dir, name, items, attendance):
    m = parse_printed_minutes(read_pdf((kent_dir / name).read_bytes(), name))
    assert [(i.number, i.title) for i in m.items] == items
    assert [(a.name, a.kind, a.title, a.status) for a in m.attendance] == attendance
    # every item has minutes text, and no page furniture leaked into it
    assert all(i.text.strip() for i in m.items)
    assert not any(ln.strip().isdigit() for i in m.items for ln in i.text.split("\n"))


def test_apologies_end_at_a_semicolon_before_the_substitute():
    from minutes_miner.extract.printed_minutes import _apologies_from_text

    got = _apologies_from_text("Apologies were received from Cllr Neville Archer; Cllr Stuart Bellamy attended as his substitute.")
    assert [(a.name, a.status) for a in got] == [("Cllr Neville Archer", "apologies")]
