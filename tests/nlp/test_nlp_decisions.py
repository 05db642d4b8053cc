"""Decisions written in the infinitive under a "Decision" sub-heading (Scottish house style)."""
from __future__ import annotations

from nlp_helpers import find

from minutes_miner.nlp import analyse, minutes_from_text

MINUTE = """Minute of meeting of the Communities Committee held in the Council Chamber on Tuesday 12 March 2024.

3. Housing Repairs Update

The Head of Housing presented the update on void repairs.

Councillor Kerr asked how many homes were empty. The Head of Housing said that 212 homes were empty.

Decision

1) To note the update.

2) To otherwise agree that the Convener write to the Scottish Government about the cost of repairs.

To instruct the Head of Housing to report relet times to each meeting of the Committee.

4. Community Safety

The Community Safety Manager said that youth disorder had fallen.

To note the update was what members wanted, Councillor Kerr said.
"""


def test_infinitive_points_under_a_decision_heading_are_the_committees_resolutions():
    doc = analyse(minutes_from_text(MINUTE, "communities.txt"))
    items = {item.number: item for item in doc.items}
    for fragment in ("To note the update.", "To otherwise agree that the Convener", "To instruct the Head of Housing"):
        _, s = find(items["3"], fragment)
        assert (s.act, s.speaker_key, s.speaker_kind) == ("resolution", "committee", "group"), s
    # outside a Decision section an infinitive opening is not a decision
    _, s = find(items["4"], "To note the update was what members wanted")
    assert s.act != "resolution"
    _, s = find(items["3"], "The Head of Housing said that 212 homes")
    assert s.act == "answer"
