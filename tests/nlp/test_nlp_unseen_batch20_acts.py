"""The act and decision misses of gold batches 19 and 20, each as a phrasing family in invented minutes:
the body agreeing "to make the following recommendations" over lettered parts."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
PLACES AND ENVIRONMENT SCRUTINY PANEL

Present: Councillor Nell Ashdown (Chair), Councillor Rhodri Pell, Councillor Tamsin Vey

Officers: Mrs June Harrow (Head of Waste), Mr Owen Slee (Director of Place)

"""


def _item(body: str):
    return analyse_text(HEAD + "6. Fly-tipping review\n\n" + body).items[-1]


@pytest.mark.parametrize("lead_in", [
    "Following discussion, the Panel AGREED to make the following recommendations to Cabinet:",
    "The Committee agreed to submit these recommendations to the Executive:",
])
def test_agreed_to_make_recommendations_over_lettered_parts(lead_in):
    item = _item("Mrs Harrow presented the review.\n\n" + lead_in + "\n\n"
                 "(a)   that the Council publish a map of fly-tipping hot spots each quarter;\n\n"
                 "(b)   that enforcement officers be funded for a further two years.\n")
    assert not any(s.text.rstrip().endswith(":") for s in item.statements), [s.text for s in item.statements]
    for fragment in ("map of fly-tipping", "funded for a further"):
        _, s = find(item, fragment)
        assert (s.speaker_key, s.act) == ("committee", "resolution"), fragment

