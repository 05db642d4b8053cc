"""Speaker misses of gold batches 15 and 16, each as the family of ways councils print the same
thing, in invented minutes: minutes in the first person plural, members listed by party group,
question-and-response tables."""
from __future__ import annotations

import dataclasses

import pytest
from nlp_helpers import find

from minutes_miner.nlp import analyse, minutes_from_text

WE = """\
Present: Councillor Ayesha Rahman (Chair), Councillor Piotr Kaczmarek

Officers: Samir Haddad (Head of Housing Needs), Dr Lena Brandt (Director of Public Health)

5. Temporary accommodation

We asked Mr Haddad how many families had been in bed and breakfast for longer than six weeks.

He told us that there were 41 such families.

We asked Dr Brandt whether the grant could fund a health visitor.

She told us that a neighbouring borough funded such a post.

We were concerned that families with newborn babies were in single rooms.

We welcomed the new hostel and asked that the plan be brought to our March meeting.

We agreed the work programme for the rest of the year.

Conor Bright, Head of Temporary Accommodation, took us through the placement figures.
"""


def _said(doc, fragment):
    _, s = find(doc.items[-1], fragment)
    return s.speaker, s.speaker_key, s.speaker_kind, s.act


@pytest.mark.parametrize(("committee", "body"), [("Health and Housing Scrutiny Commission", "Commission"),
                                                 ("Housing Select Committee", "Committee"), (None, "Committee"),
                                                 ("Overview and Scrutiny Board", "Board")])
def test_we_is_the_body_that_writes_the_minutes(committee, body):
    doc = analyse(dataclasses.replace(minutes_from_text(WE, "invented.txt"), committee=committee))
    assert _said(doc, "in bed and breakfast") == (f"the {body}", body.lower(), "group", "question")
    assert _said(doc, "newborn babies") == (f"the {body}", body.lower(), "group", "concern")
    assert _said(doc, "We welcomed the new hostel")[:3] == (f"the {body}", body.lower(), "group")
    assert _said(doc, "work programme") == ("the Committee", "committee", "group", "resolution")  # decisions are the Committee's


def test_he_or_she_after_we_asked_a_named_person_is_that_person():
    doc = analyse(minutes_from_text(WE, "invented.txt"))
    assert _said(doc, "41 such families")[:3] == ("Samir Haddad", "haddad", "officer")
    assert _said(doc, "neighbouring borough")[:3] == ("Dr Lena Brandt", "brandt", "officer")


def test_an_officer_who_took_us_through_the_figures():
    doc = analyse(minutes_from_text(WE, "invented.txt"))
    assert _said(doc, "took us through")[:3] == ("Conor Bright", "bright", "officer")


@pytest.mark.parametrize("label", ["Labour Group", "Conservative Group", "Liberal Democrat Group", "Green Group",
                                   "Independent (non-aligned)"])
def test_members_listed_by_party_group(label):
    text = (f"{label}: Councillor Rhiannon Tate (Chair), Councillor Farid Osmani\n\nOfficers: Ann Lee (Scrutiny Manager)\n\n"
            "5. Repairs\n\nThe Chair asked how many repairs were overdue.\n\nCouncillor Osmani asked about damp.\n")
    doc = analyse(minutes_from_text(text, "invented.txt"))
    assert _said(doc, "repairs were overdue") == ("Councillor Rhiannon Tate", "tate", "chair", "question")
    assert _said(doc, "about damp")[:3] == ("Councillor Farid Osmani", "osmani", "member")
