"""Speaker misses of gold batches 17 and 18, each as the family of ways councils print the same
thing, in invented minutes: replies in reported speech signed at the end with the respondent's role."""
from __future__ import annotations

import pytest
from nlp_helpers import find

from minutes_miner.nlp import analyse, minutes_from_text

SIGNED = """\
Present: Councillor Ayesha Rahman (Chair), Councillor Piotr Kaczmarek, Councillor Joan Pell

Officers: Samir Haddad (Director of Place), Dr Lena Brandt (Head of Finance), Ruth Okafor (Audit Manager, Shire Audit Partnership)

5. Performance report

Councillor Kaczmarek asked why only nine affordable homes had been completed.

Two schemes had been delayed by the nutrient neutrality rules. The target for the year was unlikely to be met. {open}Director of Place{close}

Councillor Pell asked when the grant settlement would be known.

A briefing would be arranged in January. {open}Head of Finance{close}

Councillor Pell asked whether the audit recommendations had been accepted.

A follow-up audit would be carried out in the summer. {open}Audit Manager{close}
"""


def _said(doc, fragment):
    _, s = find(doc.items[-1], fragment)
    return s.speaker, s.act


@pytest.mark.parametrize(("open_", "close"), [("(", ")"), ("(", ")."), ("(The ", ")")])
def test_a_reply_signed_with_a_role_in_brackets_is_the_role_holders(open_, close):
    doc = analyse(minutes_from_text(SIGNED.format(open=open_, close=close), "invented.txt"))
    assert _said(doc, "Two schemes had been delayed") == ("Samir Haddad", "answer")
    assert _said(doc, "unlikely to be met") == ("Samir Haddad", "answer")
    assert _said(doc, "A briefing would be arranged") == ("Dr Lena Brandt", "answer")
    assert _said(doc, "follow-up audit")[0] == "Ruth Okafor"  # a role the tagger does not know: the attendee with that title
    texts = [s.text for s in doc.items[-1].statements]
    assert not any("Director of Place" in t or "(Head of Finance" in t for t in texts)  # the signature is no statement


APPOINTED = """\
Members present: Mr Robert Hale (Chair, Secretary of State Member), Cllr Ann Lowe (Westmoor County Council), Mrs Jane Booth (Parish Member), Dr Sam Pearce (Local Authority Member)

Officers: Helen Marsh (Chief Executive)

Also in attendance: Clare Dunmore (Audit Manager, Shire Internal Audit Partnership)

3. Audit report

Clare Dunmore presented the report. Mrs Booth asked about the limited assurance finding. Dr Pearce welcomed the report.
"""


def test_members_of_an_appointed_body_are_named_by_the_route_onto_it():
    doc = analyse(minutes_from_text(APPOINTED, "invented.txt"))
    kinds = {a.name: a.kind for a in doc.attendance}
    assert kinds["Mr Robert Hale"] == "chair"
    assert kinds["Mrs Jane Booth"] == "member"
    assert kinds["Dr Sam Pearce"] == "member"
    assert kinds["Clare Dunmore"] == "external"  # an audit partnership's officer is not the council's
    statements = {s.speaker: s.speaker_kind for s in doc.items[-1].statements}
    assert statements["Mrs Jane Booth"] == "member" and statements["Clare Dunmore"] == "external"


COMMISSIONER = """\
Present: Councillor Ann Quayle (Chair), Councillor Tom Sood

Also present: Chief Fire Officer Dawn Akinola (Shire Fire and Rescue Service), Martin Greaves (Chief Finance Officer, OPFCC)

4. Precept

The Police, Fire and Crime Commissioner, Rhiannon Cole, presented her proposal to increase the precept. She said that the increase would raise £6.1 million.

Councillor Sood asked about the call wait. The Commissioner replied that the average wait had been 14 minutes.

Councillor Sood asked about on-call cover. The Chief Fire Officer said that two stations had been unavailable. She said that a new contract would be offered.

Martin Greaves said that the budget balanced.
"""


def test_a_role_named_once_in_apposition_is_that_person_from_then_on():
    doc = analyse(minutes_from_text(COMMISSIONER, "invented.txt"))
    assert _said(doc, "presented her proposal") == ("Rhiannon Cole", "statement")
    assert _said(doc, "would raise £6.1 million")[0] == "Rhiannon Cole"
    assert _said(doc, "average wait had been")[0] == "Rhiannon Cole"  # "the Commissioner" of "Police, Fire and Crime Commissioner"
    _, s = find(doc.items[-1], "average wait had been")
    assert s.speaker_kind == "external"


def test_a_chief_fire_officer_named_by_rank_and_the_commissioners_staff():
    doc = analyse(minutes_from_text(COMMISSIONER, "invented.txt"))
    assert _said(doc, "two stations had been unavailable")[0] == "Chief Fire Officer Dawn Akinola"
    assert _said(doc, "new contract would be offered")[0] == "Chief Fire Officer Dawn Akinola"  # "She", not the questioner
    _, s = find(doc.items[-1], "budget balanced")
    assert s.speaker_kind == "external"  # the commissioner's office is not the council's


COLON_TITLE = """\
Present: Councillors Rosalind Tebbutt (Chair), Amir Qureshi

Officers: Ruth Penhale (Service Director: Adults and Safeguarding), Louise Trickett (Head of Commissioning, Adults)

52. Performance

The Service Director reported that 1,142 people were waiting for an assessment. Councillor Qureshi asked about the longest waits. The Service Director: Adults and Safeguarding said that they were in the north.
"""


def test_a_title_with_a_colon_is_found_by_its_first_half():
    doc = analyse(minutes_from_text(COLON_TITLE, "invented.txt"))
    assert _said(doc, "1,142 people")[0] == "Ruth Penhale"
    assert _said(doc, "in the north") == ("Ruth Penhale", "answer")


@pytest.mark.parametrize("label", ["Members appointed by the local authorities", "Members appointed by the Secretary of State (parish)",
                                   "Secretary of State Members", "Parish Members"])
def test_members_grouped_by_who_appointed_them(label):
    from minutes_miner.nlp import parse_attendance

    listed = parse_attendance(f"{label}: Cllr Judith Armitage (Chair) (Northshire County Council), Mr Tom Ridsdale")
    assert [(a.name, a.kind) for a in listed] == [("Cllr Judith Armitage", "chair"), ("Mr Tom Ridsdale", "member")]


CO_OPTED_LIST = """\
Councillors:       Maureen Ackroyd (Chair), Daniel Irwin
Co-opted:          Father Michael Rourke (Diocesan representative), Ellie-Mae Turner (Youth Mayor, non-voting)

4. Placements

The Youth Mayor asked whether children in care were being asked about moving placement. Father Rourke asked whether children educated at home were being seen.
"""


def test_a_list_labelled_co_opted_names_members_and_the_youth_mayor_is_the_co_optee():
    doc = analyse(minutes_from_text(CO_OPTED_LIST, "invented.txt"))
    _, s = find(doc.items[-1], "moving placement")
    assert (s.speaker, s.act) == ("Ellie-Mae Turner", "question")  # the one co-optee with that title, not the mayor
    _, s = find(doc.items[-1], "educated at home")
    assert (s.speaker, s.speaker_kind) == ("Father Michael Rourke", "member")
