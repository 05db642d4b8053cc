"""Speaker misses of gold batches 21-24, each as the family of ways councils print the same thing,
in invented minutes."""
from __future__ import annotations

import pytest
from nlp_helpers import find

from minutes_miner.extract.html_text import html_to_text
from minutes_miner.nlp import analyse, minutes_from_text

_ROSTER = """\
Present: Councillor Bryony Keel (Chair), Councillor Éamon Ó Briain, Councillor Tess Varley, Councillor Nadia Rusk

Officers: Hugh Penrose (Director of Finance)

6. Budget dashboard

The Director of Finance introduced the dashboard.
"""


def _said(doc, fragment):
    _, s = find(doc.items[-1], fragment)
    return s.speaker_key, s.speaker_kind, s.act


@pytest.mark.parametrize("point_heading", ["Question / comment", "Question/Comment", "Comment or question", "Questions and comments"])
def test_a_member_column_names_who_made_the_point_in_the_next_column(point_heading):
    table = html_to_text(f"<table><tr><th>Member</th><th>{point_heading}</th><th>Response</th></tr>"
                         "<tr><td>Councillor Ó Briain</td><td>Asked what the vacancy freeze had saved.</td>"
                         "<td>The Director of Finance said that it had saved £0.8 million.</td></tr>"
                         "<tr><td>Councillor Varley</td><td>Expressed concern that reserves were being used again.</td>"
                         "<td>The Director of Finance said that a recovery plan was being written.</td></tr>"
                         "<tr><td>The Chair</td><td>Asked whether the plan would come to the committee.</td>"
                         "<td>The Director of Finance confirmed that it would.</td></tr></table>")
    doc = analyse(minutes_from_text(_ROSTER + "\n" + table + "\n", "invented.txt"))
    assert _said(doc, "vacancy freeze") == ("briain", "member", "question")  # an accented capital after the honorific
    assert _said(doc, "saved £0.8 million") == ("penrose", "officer", "answer")
    assert _said(doc, "reserves were being used")[:2] == ("varley", "member")
    assert _said(doc, "come to the committee") == ("keel", "chair", "question")  # the Chair, named by role in the cell
