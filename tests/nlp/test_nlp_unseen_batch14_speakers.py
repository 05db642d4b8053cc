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


WITNESSES = """\
HEALTH OVERVIEW AND SCRUTINY COMMITTEE

Present: Councillor Maeve Costigan (Chair), Councillor Arthur Pendry

NHS and partner representatives: Dr Ruth Quarmby (Medical Director, NHS Weald Integrated Care Board, “the ICB”); Helen Farrow (Chief Operating Officer, Lymebourne Teaching Hospitals NHS Trust, “LTHT”); Segun Adeyemi (Manager, Healthwatch Lymebourne)

5. Urgent care

Mr Vernon Ashby asked what was being done about ambulances queuing outside the hospital.

The Chair invited the ICB to reply. {ICB} said that she was sorry to hear of the delays.

{LTHT} reported that 61 per cent of patients had been seen within four hours. She said that 94 patients had waited for a bed.

{Healthwatch} welcomed the new discharge lounge. He was concerned that older patients waited on trolleys.

Q: Cllr Pendry asked why handover times were so long.

A: {LTHT} said that the hospital had fewer beds than its neighbours.
"""
FORMS = {"ICB": "The ICB (Dr Quarmby)", "LTHT": "LTHT (Ms Farrow)", "Healthwatch": "Healthwatch (Mr Adeyemi)"}


def test_a_witness_introduced_organisation_first_with_the_person_in_brackets_speaks():
    item = analyse_text(WITNESSES.format(**FORMS)).items[-1]
    expected = {"sorry to hear": "quarmby", "61 per cent": "farrow", "94 patients": "farrow", "discharge lounge": "adeyemi",
                "trolleys": "adeyemi", "fewer beds": "farrow"}
    for fragment, key in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind) == (key, "external"), fragment
    _, invited = find(item, "invited the ICB")
    assert invited.speaker_key == "costigan"
    _, farrow = find(item, "61 per cent")
    assert farrow.speaker == "Helen Farrow"


@pytest.mark.parametrize("opening", ["In response, ", "Replying, ", "In response to the question, "])
def test_a_reply_opening_before_the_organisation_and_its_witness(opening):
    item = analyse_text(WITNESSES.format(**FORMS).replace("A: LTHT (Ms Farrow) said", f"{opening}LTHT (Ms Farrow) said")).items[-1]
    _, reply = find(item, "fewer beds")
    assert (reply.speaker_key, reply.act) == ("farrow", "answer")


def test_an_organisation_in_brackets_after_a_name_still_names_the_person():
    forms = {"ICB": "Dr Quarmby (ICB)", "LTHT": "Ms Farrow (LTHT)", "Healthwatch": "Mr Adeyemi (Healthwatch)"}
    item = analyse_text(WITNESSES.format(**forms)).items[-1]
    for fragment, key in {"sorry to hear": "quarmby", "61 per cent": "farrow", "discharge lounge": "adeyemi"}.items():
        assert find(item, fragment)[1].speaker_key == key, fragment


ROLES_WITH_QUALIFIERS = """\
CHILDREN'S SCRUTINY COMMITTEE

Present: Councillor Martina Okafor (Chair), Councillor Sanjay Mistry

Officers: Dominic Hurst (Head of Service (SEND Assessment and Review)); Janine Pollitt (Head of Service (Placements and Sufficiency)); Carl Wensley (Head of Service (Finance – People Directorate))

7. SEND inquiry

The Head of Service (SEND Assessment and Review) reported that 38 per cent of plans were issued within 20 weeks. He said that requests had risen.

The Head of Service (Placements and Sufficiency) presented the sufficiency update. She said that 46 children were placed outside the borough.

Councillor Mistry asked what the average weekly cost of a residential placement was.

The Head of Service (Finance – People Directorate) said the average was £6,450 a week.
"""


def test_a_role_with_a_bracketed_qualifier_is_the_attendee_holding_it():
    item = analyse_text(ROLES_WITH_QUALIFIERS).items[-1]
    expected = {"38 per cent": "hurst", "requests had risen": "hurst", "sufficiency update": "pollitt",
                "46 children": "pollitt", "£6,450": "wensley"}
    for fragment, key in expected.items():
        _, s = find(item, fragment)
        assert (s.speaker_key, s.speaker_kind) == (key, "officer"), fragment


def test_a_joint_update_is_spoken_by_the_first_person_named_whatever_their_organisation():
    text = ("HOUSING SCRUTINY COMMISSION\n\nPresent: Councillor Bernadette QUILLIAM (Chair)\n\n"
            "Also in attendance: Inspector Lucy GARSIDE (Neighbourhood Policing Team); Mr Neville ORCHARD (Chief Executive, Brookvale Housing Group)\n\n"
            "6. Anti-social behaviour\n\n"
            "Inspector Lucy GARSIDE of the Sallowbeck Neighbourhood Policing Team and Mr Neville ORCHARD, Chief Executive of "
            "Brookvale Housing Group, gave a joint update on anti-social behaviour on the estates.\n\n"
            "The Commission thanked Inspector GARSIDE and Mr ORCHARD for attending.\n\n"
            "The Commission RESOLVED unanimously to note the update.\n")
    item = analyse_text(text).items[-1]
    _, joint = find(item, "joint update")
    assert (joint.speaker_key, joint.speaker_kind) == ("garside", "external")
    _, thanks = find(item, "thanked Inspector")
    assert (thanks.speaker, thanks.speaker_key, thanks.speaker_kind) == ("the Commission", "commission", "group")
    _, decision = find(item, "note the update")
    assert (decision.speaker_key, decision.act) == ("committee", "resolution")


@pytest.mark.parametrize("feeling", ["remained worried", "still felt", "was still concerned"])
def test_a_councillor_who_remained_worried_is_the_speaker(feeling):
    text = ("HOUSING PANEL\n\nPresent: Councillor Wendy ABERNETHY (Chair), Councillor Gordon FEATHERSTONE\n\n4. Purchase programme\n\n"
            "The Head of Housing presented the report on the purchase of homes for temporary accommodation.\n\n"
            f"Councillor FEATHERSTONE {feeling} that the programme could not keep pace with demand.\n")
    _, s = find(analyse_text(text).items[-1], "keep pace")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("featherstone", "member", "concern")


WEBCAST = """\
ADULT SOCIAL CARE SCRUTINY COMMITTEE

Present: Cllr Moira Whitelaw (Chair), Cllr Ian Naismith, Cllr Grace Okoro

35. Home care

[00:09:55] Mrs Angela Lomas (Director of Adult Social Services) presented the report on waiting lists.

[00:17:14] Cllr Naismith asked how many people had been discharged to a care home.

[00:18:39] She said that 74 people had been discharged to a short-term care home bed.

[00:34:18] Members were dismayed by the difference and felt that the rural west was being left behind.

[1:02:05] The Chair, Cllr Whitelaw, thanked Mrs Lomas for the report.
"""


def test_webcast_times_opening_paragraphs_are_labels_not_part_of_what_was_said():
    item = analyse_text(WEBCAST).items[-1]
    assert not any("[" in s.text for s in item.statements)
    _, report = find(item, "presented the report")
    assert report.text.startswith("Mrs Angela Lomas") and report.speaker_key == "lomas"
    _, asked = find(item, "discharged to a care home")
    assert (asked.speaker_key, asked.act) == ("naismith", "question")
    _, answer = find(item, "74 people")
    assert (answer.speaker_key, answer.act) == ("lomas", "answer")
    _, dismayed = find(item, "rural west")
    assert (dismayed.speaker_key, dismayed.speaker_kind, dismayed.act) == ("members", "group", "concern")
    _, thanks = find(item, "thanked Mrs Lomas")
    assert (thanks.speaker_key, thanks.speaker_kind) == ("whitelaw", "chair")


@pytest.mark.parametrize("label", ["KLOE 2 –", "Key line of enquiry 2:", "Line of enquiry 2 -"])
def test_a_line_of_enquiry_put_as_a_question_is_a_section_not_a_question(label):
    text = ("CHILDREN'S SCRUTINY COMMITTEE\n\nPresent: Councillor Martina Okafor (Chair), Councillor Sanjay Mistry\n\n"
            "Officers: Dominic Hurst (Head of Service (SEND Assessment and Review))\n\n"
            "7. SEND inquiry\n\n"
            f"{label} How timely are EHC needs assessments?\n\n"
            "The Head of Service (SEND Assessment and Review) reported that 38 per cent of plans were issued within 20 weeks.\n\n"
            "He said that requests had risen from 612 to 874.\n")
    item = analyse_text(text).items[-1]
    assert not any("How timely" in s.text for s in item.statements)
    for fragment in ("38 per cent", "612 to 874"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act, s.section) == ("hurst", "statement", f"{label} How timely are EHC needs assessments?"), fragment


def test_apologies_and_a_substitute_in_one_sentence_are_not_statements():
    text = WEBCAST.replace("35. Home care", "31. APOLOGIES AND SUBSTITUTIONS\n\n[00:00:48] Apologies were received from Cllr "
                           "Neville Archer; Cllr Stuart Bellamy attended as his substitute.\n\n32. HOME CARE")
    doc = analyse_text(text)
    assert (doc.items[0].number, doc.items[0].statements) == ("31", ())
    assert ("Cllr Neville Archer", "apologies") in [(a.name, a.status) for a in doc.attendance]


def test_an_officer_named_without_a_title_and_with_the_surname_in_capitals():
    text = ("HOUSING COMMISSION\n\nPresent: Councillor Derek HALLIWELL (Chair)\n\n"
            "Officers: Craig DUNSTABLE (Service Manager, Temporary Accommodation)\n\n"
            "4. Homelessness\n\n"
            "Craig DUNSTABLE, Service Manager, Temporary Accommodation, said that 12 families were in bed and breakfast.\n\n"
            "Councillor HALLIWELL said that Lymebourne ICB had funded two extra outreach workers.\n")
    item = analyse_text(text).items[-1]
    _, s = find(item, "12 families")
    assert (s.speaker, s.speaker_key, s.speaker_kind) == ("Craig DUNSTABLE", "dunstable", "officer")
    _, icb = find(item, "outreach workers")
    assert icb.speaker_key == "halliwell"
