"""The misses left in gold batches 9 and 10, each as a phrasing family in invented minutes:
numbered recommendations under a "Recommendations to ..." heading, honorifics and post-nominals,
a second respondent explaining after a reply, and a rank used as a back-reference."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

RECOMMENDATIONS = """\
ADULTS SCRUTINY PANEL

Present: Councillor Ada Frome (Chair), Councillor Idris Vane

4.  DAY SERVICES REVIEW

Councillor Vane asked when the review would report.

{heading}

{m1}  That Cabinet approves the reopening of the Millbrook day centre.

{m2}  That the transport policy be reviewed before the next budget is set.

{m3}  That Cabinet asks the health partners to fund two respite beds.
"""


@pytest.mark.parametrize("heading, markers", [
    ("Recommendations to Cabinet", ("R1", "R2", "R3")),
    ("Recommendations to the Executive", ("Rec 1", "Rec 2", "Rec 3")),
    ("Recommendations", ("R1.", "R2.", "R3.")),
    ("Decisions", ("R1", "R2", "R3")),
    ("Recommendations to Cabinet", ("(1)", "(2)", "(3)")),
])
def test_numbered_recommendations_under_a_heading_are_the_committees_resolutions(heading, markers):
    doc = analyse_text(RECOMMENDATIONS.format(heading=heading, m1=markers[0], m2=markers[1], m3=markers[2]))
    for fragment in ("reopening of the Millbrook", "transport policy be reviewed", "fund two respite beds"):
        _, s = find(doc.items[-1], fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == ("committee", "group", "resolution"), fragment
    _, asked = find(doc.items[-1], "asked when the review")
    assert (asked.speaker_key, asked.act) == ("vane", "question")


@pytest.mark.parametrize("listed, short, role", [
    ("Superintendent Lena Marchetti", "Supt Marchetti", "the Superintendent"),
    ("Inspector Lena Marchetti", "Insp Marchetti", "the Inspector"),
])
def test_a_rank_written_short_is_the_back_reference_of_the_one_so_ranked(listed, short, role):
    text = ("SAFER COMMUNITIES SCRUTINY\n\nPresent: Councillor Owain Prys (Chair), Councillor Tessa Lund\n\n"
            f"In attendance: {listed} (Area Commander, Northmoor Police)\n\n5. Neighbourhood Policing\n\n"
            f"{short} reported that burglaries had fallen by a fifth.\n\n"
            "Councillor Lund asked how many officers were abstracted each week.\n\n"
            f"In response, {role} confirmed that nine officers had been moved to response teams.\n")
    doc = analyse_text(text)
    _, s = find(doc.items[-1], "nine officers had been moved")
    assert (s.speaker_key, s.speaker_kind, s.act) == ("marchetti", "external", "answer")


@pytest.mark.parametrize("honour", ["FFPH", "FRCP", "QPM", "MBE"])
def test_a_post_nominal_after_a_name_in_apposition_is_not_part_of_it(honour):
    text = ("HEALTH SCRUTINY PANEL\n\nPresent: Councillor Rhoda Vint (Chair), Councillor Amos Kerr\n\n"
            f"Officers: Dr Tamsin Achterberg {honour} (Director of Public Health)\n\n6. Childhood Obesity\n\n"
            f"The Director of Public Health, Dr Tamsin Achterberg {honour}, presented the annual report.\n\n"
            "She said that one child in four left primary school obese.\n")
    doc = analyse_text(text)
    for fragment in ("presented the annual report", "one child in four"):
        _, s = find(doc.items[-1], fragment)
        assert (s.speaker_key, s.speaker_kind, s.act) == ("achterberg", "officer", "statement"), fragment
    people = {a.name for a in doc.attendance}
    assert "Dr Tamsin Achterberg" in people
