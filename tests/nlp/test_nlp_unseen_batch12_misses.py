"""The misses of gold batches 11 and 12, each as a phrasing family in invented minutes: a decision
whose movers are named without "by", and numbered points under a "Comments to Cabinet" heading."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

MOVED = """\
OAKHOLT PARISH COUNCIL – AMENITIES COMMITTEE

Present: Cllr P. Rook (Chairman), Cllr T. Hale, Cllr M. Oduya

12. Allotment rents

The Clerk reported that water charges for the allotments had risen by a third.

{mover} Cllr Hale, seconded Cllr Oduya, and RESOLVED that allotment rents rise to £48 a plot from October.
"""


@pytest.mark.parametrize("mover", ["Proposed", "Moved", "Proposed by"])
def test_a_decision_after_its_movers_is_the_committees_not_the_proposers(mover):
    doc = analyse_text(MOVED.format(mover=mover))
    _, s = find(doc.items[-1], "allotment rents rise")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution")
    assert not any("seconded" in st.text for st in doc.items[-1].statements)


COMMENTS = """\
CHILDREN'S SCRUTINY COMMITTEE

Present: Councillor Ada Frome (Chair), Councillor Idris Vane

6.  EARLY HELP STRATEGY

Councillor Vane asked how many families were waiting for a key worker.

{heading}

1. That Cabinet be asked to publish the waiting list for family key workers each quarter.

2. That the cost of the new family hubs be reported to this Committee in the spring.
"""


@pytest.mark.parametrize("heading", ["Comments to Cabinet", "Comments to the Executive", "Comments to the Mayor"])
def test_numbered_points_under_comments_to_cabinet_are_the_committees_resolutions(heading):
    doc = analyse_text(COMMENTS.format(heading=heading))
    for fragment in ("publish the waiting list", "cost of the new family hubs"):
        _, s = find(doc.items[-1], fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution"), fragment
    _, asked = find(doc.items[-1], "how many families")
    assert (asked.speaker_key, asked.act) == ("vane", "question")


@pytest.mark.parametrize("label", ["Trust representatives", "NHS Trust representatives", "ICB representatives"])
def test_a_partners_chief_executive_listed_under_its_representatives_is_external(label):
    text = ("JOINT HEALTH SCRUTINY COMMITTEE\n\nPresent: Councillor Ada Frome (Chair), Councillor Idris Vane\n\n"
            f"{label}: Mr Colm Pereira (Chief Executive); Dr Lise Amble (Medical Director)\n\n"
            "3. Winter pressures\n\n"
            "Mr Pereira reported that ambulance handovers had fallen to forty minutes.\n\n"
            "Councillor Vane asked how many beds had been opened.\n\n"
            "The Chief Executive replied that twelve beds had opened in January.\n")
    doc = analyse_text(text)
    _, reported = find(doc.items[-1], "ambulance handovers")
    assert (reported.speaker_key, reported.speaker_kind) == ("pereira", "external")
    _, replied = find(doc.items[-1], "twelve beds")
    assert (replied.speaker_key, replied.speaker_kind, replied.act) == ("pereira", "external", "answer")
